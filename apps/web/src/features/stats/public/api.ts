import type { StatIndicatorFigures, StatReleaseDetail, StatReleaseSummary, StatSeries } from '@stinet/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';

/** The published releases (newest year first), optionally of one year or form. */
export function usePublicReleases(filter: { year?: number; formCode?: string } = {}) {
  return useQuery({
    queryKey: ['stats', 'public', 'releases', filter],
    queryFn: ({ signal }) => api.get<{ items: StatReleaseSummary[] }>('/api/public/stats/releases', { year: filter.year, formCode: filter.formCode }, signal),
  });
}

/** One published release with its form and data. */
export function usePublicRelease(id: string | undefined) {
  return useQuery({
    queryKey: ['stats', 'public', 'release', id],
    queryFn: ({ signal }) => api.get<StatReleaseDetail>(`/api/public/stats/releases/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
    retry: false,
  });
}

/** The key figures: every indicator of the catalog with its latest published value. */
export function usePublicIndicators() {
  return useQuery({
    queryKey: ['stats', 'public', 'indicators'],
    queryFn: ({ signal }) => api.get<StatIndicatorFigures>('/api/public/stats/indicators', undefined, signal),
  });
}

/** The published time series of one cell of a form, nationally or for one province code. */
export function usePublicSeries(cell: { formCode: string; row: string; column: string; area?: string } | null) {
  return useQuery({
    queryKey: ['stats', 'public', 'series', cell],
    queryFn: ({ signal }) => api.get<StatSeries>('/api/public/stats/series', cell ?? {}, signal),
    enabled: Boolean(cell?.formCode && cell.row && cell.column),
  });
}

/** The download address of a release in a format. */
export function releaseDownloadUrl(id: string, format: 'csv' | 'sdmx' | 'xlsx'): string {
  return `/api/public/stats/releases/${encodeURIComponent(id)}/${format}`;
}
