import { DataTable, type DataTableProps } from './DataTable';

/** The parts of a list query (TanStack Query over a page of `{ items, total }`) that a {@link PagedTable} reads. */
export interface PagedQuery<T> {
  data: { items: T[]; total: number } | undefined;
  isFetching: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
}

/** Props of {@link PagedTable}: those of {@link DataTable} whose rows, states and paging come from the query. */
export interface PagedTableProps<T> extends Omit<DataTableProps<T>, 'rows' | 'isLoading' | 'error' | 'onRetry' | 'paging'> {
  /** The list query of the current page. */
  query: PagedQuery<T>;
  /** The current page (1-based). */
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
}

/**
 * A {@link DataTable} fed by a server-paged list query: the page's rows, the loading and error states
 * (with a retry that refetches), and the total count and pager under the table.
 */
export function PagedTable<T>({ query, page, pageSize, onPageChange, ...table }: PagedTableProps<T>) {
  return (
    <DataTable
      {...table}
      rows={query.data?.items}
      isLoading={query.isFetching}
      error={query.error}
      onRetry={() => void query.refetch()}
      paging={{ page, pageSize, total: query.data?.total ?? 0, onPageChange }}
    />
  );
}
