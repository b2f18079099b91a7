import { Box, Group, Pagination, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { ErrorAlert } from './ErrorAlert';
import { EmptyState, LoadingState } from './States';

/** One column of a {@link DataTable}. */
export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  /** Marks the column whose cell names the row (rendered as a row header). */
  isRowHeader?: boolean;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
}

/** Server-side paging state shown under the table. */
export interface Paging {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}

/** Props of {@link DataTable}. */
export interface DataTableProps<T> {
  /** Accessible name of the table (a visually hidden caption). */
  caption: string;
  columns: Column<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  isLoading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  emptyMessage?: string;
  paging?: Paging;
  minWidth?: number;
}

/**
 * A Mantine table with a caption, loading, empty and error states and optional server-side paging.
 * Columns render their cells; the row header column helps screen-reader users.
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  isLoading,
  error,
  onRetry,
  emptyMessage,
  paging,
  minWidth = 640,
}: DataTableProps<T>) {
  const { t } = useTranslation();

  if (error) return <ErrorAlert error={error} {...(onRetry ? { onRetry } : {})} />;
  if (isLoading && !rows) return <LoadingState />;

  const totalPages = paging ? Math.max(1, Math.ceil(paging.total / paging.pageSize)) : 1;

  return (
    <Box>
      {rows && rows.length === 0 ? (
        <EmptyState {...(emptyMessage ? { message: emptyMessage } : {})} />
      ) : (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-busy={isLoading ? true : undefined}>
            <Table.Caption>
              <VisuallyHidden>{caption}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {columns.map((col) => (
                  <Table.Th key={col.key} scope="col" style={{ width: col.width, textAlign: col.align }}>
                    {col.header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(rows ?? []).map((row) => (
                <Table.Tr key={rowKey(row)}>
                  {columns.map((col) =>
                    col.isRowHeader ? (
                      <Table.Th key={col.key} scope="row" fw={500} style={{ textAlign: col.align }}>
                        {col.render(row)}
                      </Table.Th>
                    ) : (
                      <Table.Td key={col.key} style={{ textAlign: col.align }}>
                        {col.render(row)}
                      </Table.Td>
                    ),
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {paging ? (
        <Group justify="space-between" mt="md" wrap="wrap">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('common.totalCount', { total: formatNumber(paging.total) })}
          </Text>
          {totalPages > 1 ? (
            <nav aria-label={t('common.pagination')}>
              <Pagination
                total={totalPages}
                value={Math.min(paging.page, totalPages)}
                onChange={paging.onPageChange}
                size="sm"
                getItemProps={(page) => ({ 'aria-label': t('common.goToPage', { page }) })}
                getControlProps={(control) => ({ 'aria-label': t(`common.pageControl.${control}`) })}
              />
            </nav>
          ) : null}
        </Group>
      ) : null}
    </Box>
  );
}
