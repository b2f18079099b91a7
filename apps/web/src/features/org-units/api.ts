import type { OrgUnit, OrgUnitCreate, OrgUnitDetail, OrgUnitKind, OrgUnitUpdate } from '@stinet/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { OrgUnitPage } from '../../api/types';

/** Filters of the org-unit list. */
export interface OrgUnitFilters {
  asOf?: string | undefined;
  kind?: OrgUnitKind | undefined;
  q?: string | undefined;
  page?: number;
  pageSize?: number;
}

/** A page of org units valid at a date (sorted in Vietnamese order by the server). */
export function useOrgUnits(filters: OrgUnitFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['org-units', 'list', filters],
    queryFn: ({ signal }) => api.get<OrgUnitPage>('/api/org-units', { ...filters }, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}

/** All org units valid at a date (up to 500), for selects. */
export function useAllOrgUnits(asOf: string | undefined) {
  return useQuery({
    queryKey: ['org-units', 'all', asOf ?? ''],
    queryFn: ({ signal }) => api.get<OrgUnitPage>('/api/org-units', { asOf, pageSize: 500 }, signal),
    staleTime: 10 * 60_000,
    select: (page): OrgUnit[] => page.items,
  });
}

/** One org unit with its predecessors and successors. */
export function useOrgUnit(id: string | undefined) {
  return useQuery({
    queryKey: ['org-units', 'detail', id],
    queryFn: ({ signal }) => api.get<OrgUnitDetail>(`/api/org-units/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** Creates an org unit (national administrators). */
export function useCreateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgUnitCreate) => api.post<OrgUnitDetail>('/api/org-units', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['org-units'] }),
  });
}

/** Changes an org unit's names or ends its validity (national administrators). */
export function useUpdateOrgUnit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgUnitUpdate) => api.patch<OrgUnitDetail>(`/api/org-units/${id}`, body),
    onSuccess: (unit) => {
      queryClient.setQueryData(['org-units', 'detail', id], unit);
      return queryClient.invalidateQueries({ queryKey: ['org-units'] });
    },
  });
}
