import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { AuditPage } from '../api/types';

/** The kinds of record with a staff view and a change history (their API path and i18n namespace). */
export type RecordResource = 'organizations' | 'researchers' | 'tasks';

/** The query key of a record's change history (all its pages), e.g. to invalidate it after a change. */
export function historyKey(resource: RecordResource, id: string | undefined) {
  return [resource, 'history', id] as const;
}

/** One page of a record's change history; nothing is fetched while `id` is undefined. */
export function useRecordHistory(resource: RecordResource, id: string | undefined, page: number) {
  return useQuery({
    queryKey: [...historyKey(resource, id), page],
    queryFn: ({ signal }) => api.get<AuditPage>(`/api/${resource}/${id ?? ''}/history`, { page }, signal),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}
