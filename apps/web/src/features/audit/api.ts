import type { AuditListQuery } from '@stinet/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditPage } from '../../api/types';

/** Filters of the audit log (all optional). */
export type AuditFilters = Partial<AuditListQuery>;

/** A page of the audit log (national administrators). */
export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) => api.get<AuditPage>('/api/audit', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}
