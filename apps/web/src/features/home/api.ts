import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Health } from '../../api/types';

/** The server's health report (status, database kind, version). */
export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => api.get<Health>('/api/health', undefined, signal),
    staleTime: 60_000,
  });
}
