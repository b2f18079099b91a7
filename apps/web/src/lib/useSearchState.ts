import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

type Updates = Record<string, string | number | null | undefined>;

/**
 * Reads and writes list filters in the URL query string, so filtered views can be shared and survive reloads.
 * Changing a filter goes back to the first page; `setPage` moves to another page and keeps the filters.
 */
export function useSearchState<K extends string>(defaults: Record<K, string>) {
  const [params, setParams] = useSearchParams();

  const get = useCallback((key: K): string => params.get(key) ?? defaults[key], [params, defaults]);

  const write = useCallback(
    (updates: Updates, resetPage: boolean) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(updates)) {
            const text = value === null || value === undefined ? '' : String(value);
            const fallback = (defaults as Record<string, string | undefined>)[key];
            if (text === '' || text === fallback) next.delete(key);
            else next.set(key, text);
          }
          if (resetPage && !('page' in updates)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams, defaults],
  );

  const set = useCallback(
    (updates: Partial<Record<K | 'page', string | number | null>>, options: { resetPage?: boolean } = {}) =>
      write(updates, options.resetPage !== false),
    [write],
  );

  const setPage = useCallback((page: number) => write({ page }, false), [write]);

  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  return { get, set, page, setPage };
}
