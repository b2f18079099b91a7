import type { SearchResponse, SimilarTasksBody, SimilarTasksResponse } from '@stinet/shared';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Parameters of the public search as the page keeps them in the URL (lists joined with `,`). */
export interface SearchParams {
  q?: string | undefined;
  type?: string | undefined;
  level?: string | undefined;
  field?: string | undefined;
  province?: string | undefined;
  organization?: string | undefined;
  year?: string | undefined;
  status?: string | undefined;
  provinceAsOf?: string | undefined;
  page: number;
  pageSize: number;
}

/** Hits, total and facets of the public search in one request. */
export function useSearch(params: SearchParams) {
  return useQuery({
    queryKey: ['search', params],
    queryFn: ({ signal }) => api.get<SearchResponse>('/api/search', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The similar-task check (staff). */
export function useSimilarTasks() {
  return useMutation({
    mutationFn: (body: Partial<SimilarTasksBody> & { title: string }) => api.post<SimilarTasksResponse>('/api/similar-tasks', body),
  });
}
