import type { ResearcherCreate, ResearcherFull, ResearcherPublic, ResearcherUpdate } from '@stinet/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ResearcherPage } from '../../api/types';
import { historyKey } from '../../lib/recordHistory';

/** Filters of the researcher list. */
export interface ResearcherFilters {
  q?: string | undefined;
  organizationId?: string | undefined;
  provinceUnitId?: string | undefined;
  fieldCode?: string | undefined;
  qualificationCode?: string | undefined;
  sort?: 'name' | '-name' | 'updated' | '-updated' | 'code';
  page?: number;
  pageSize?: number;
}

/** A page of researchers (public fields). */
export function useResearchers(filters: ResearcherFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['researchers', 'list', filters],
    queryFn: ({ signal }) => api.get<ResearcherPage>('/api/researchers', { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The public record of one researcher. */
export function useResearcher(id: string | undefined) {
  return useQuery({
    queryKey: ['researchers', 'public', id],
    queryFn: ({ signal }) => api.get<ResearcherPublic>(`/api/researchers/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** The full record of one researcher (staff with the employing organization in scope). */
export function useResearcherFull(id: string | undefined) {
  return useQuery({
    queryKey: ['researchers', 'full', id],
    queryFn: ({ signal }) => api.get<ResearcherFull>(`/api/researchers/${id ?? ''}/full`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** Creates a researcher. */
export function useCreateResearcher() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ResearcherCreate) => api.post<ResearcherFull>('/api/researchers', body),
    onSuccess: (r) => {
      queryClient.setQueryData(['researchers', 'full', r.id], r);
      return queryClient.invalidateQueries({ queryKey: ['researchers', 'list'] });
    },
  });
}

/** Changes a researcher (send the version read). */
export function useUpdateResearcher(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ResearcherUpdate) => api.patch<ResearcherFull>(`/api/researchers/${id}`, body),
    onSuccess: (r) => {
      queryClient.setQueryData(['researchers', 'full', id], r);
      void queryClient.invalidateQueries({ queryKey: historyKey('researchers', id) });
      void queryClient.invalidateQueries({ queryKey: ['researchers', 'public', id] });
      return queryClient.invalidateQueries({ queryKey: ['researchers', 'list'] });
    },
  });
}
