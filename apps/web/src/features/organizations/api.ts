import type { OrganizationCreate, OrganizationFull, OrganizationPublic, OrganizationUpdate } from '@stinet/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { OrganizationPage } from '../../api/types';
import { historyKey } from '../../lib/recordHistory';

/** Filters of the organization list. */
export interface OrganizationFilters {
  q?: string | undefined;
  provinceUnitId?: string | undefined;
  managingUnitId?: string | undefined;
  orgTypeCode?: string | undefined;
  mainFieldCode?: string | undefined;
  sort?: 'name' | '-name' | 'updated' | '-updated' | 'code';
  page?: number;
  pageSize?: number;
}

/** A page of organizations (public fields). */
export function useOrganizations(filters: OrganizationFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['organizations', 'list', filters],
    queryFn: ({ signal }) => api.get<OrganizationPage>('/api/organizations', { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The public record of one organization. */
export function useOrganization(id: string | undefined) {
  return useQuery({
    queryKey: ['organizations', 'public', id],
    queryFn: ({ signal }) => api.get<OrganizationPublic>(`/api/organizations/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** The full record of one organization (staff with it in scope), with `canEdit` and `version`. */
export function useOrganizationFull(id: string | undefined) {
  return useQuery({
    queryKey: ['organizations', 'full', id],
    queryFn: ({ signal }) => api.get<OrganizationFull>(`/api/organizations/${id ?? ''}/full`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** Creates an organization. */
export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationCreate) => api.post<OrganizationFull>('/api/organizations', body),
    onSuccess: (org) => {
      queryClient.setQueryData(['organizations', 'full', org.id], org);
      return queryClient.invalidateQueries({ queryKey: ['organizations', 'list'] });
    },
  });
}

/** Changes an organization (send the version read; a stale one gives 409 VERSION_CONFLICT). */
export function useUpdateOrganization(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganizationUpdate) => api.patch<OrganizationFull>(`/api/organizations/${id}`, body),
    onSuccess: (org) => {
      queryClient.setQueryData(['organizations', 'full', id], org);
      void queryClient.invalidateQueries({ queryKey: historyKey('organizations', id) });
      void queryClient.invalidateQueries({ queryKey: ['organizations', 'public', id] });
      return queryClient.invalidateQueries({ queryKey: ['organizations', 'list'] });
    },
  });
}
