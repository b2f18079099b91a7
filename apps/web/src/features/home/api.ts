import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Health } from '../../api/types';
import type { PortalSummary } from '@stinet/shared';

/** The server's health report (status, database kind, version). */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => api.get<Health>('/api/health', undefined, signal),
    staleTime: 60_000,
  });
}

/** The public home page in one request: counts, indicator figures and the latest statistical releases. */
export function usePortalSummary() {
  return useQuery({
    queryKey: ['portal', 'summary'],
    queryFn: ({ signal }) => api.get<PortalSummary>('/api/public/summary', undefined, signal),
    staleTime: 60_000,
  });
}
