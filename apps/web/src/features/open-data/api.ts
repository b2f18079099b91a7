import type { OpenDataCurrent, OpenDataDictionary, OpenDataJob } from '@stinet/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Download address of a file of the current dump. */
export function fileUrl(name: string): string {
  return `/api/open-data/files/${encodeURIComponent(name)}`;
}

/** Address of the changes feed (public). */
export const CHANGES_FEED_URL = '/api/open-data/changes?since=2026-01-01T00:00:00Z&limit=100';

/** The current dump and the last generation; polled every second while one runs. */
export function useOpenDataCurrent() {
  return useQuery({
    queryKey: ['openData', 'current'],
    queryFn: ({ signal }) => api.get<OpenDataCurrent>('/api/open-data/dumps/current', undefined, signal),
    refetchInterval: (query) => (query.state.data?.job?.status === 'running' ? 1000 : false),
  });
}

/** The data dictionary (static per release). */
export function useOpenDataDictionary() {
  return useQuery({
    queryKey: ['openData', 'dictionary'],
    queryFn: ({ signal }) => api.get<OpenDataDictionary>('/api/open-data/dictionary', undefined, signal),
    staleTime: 60 * 60_000,
  });
}

/** Starts a regeneration (national administrators). */
export function useRegenerateDump() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<OpenDataJob>('/api/open-data/dumps'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['openData', 'current'] }),
  });
}
