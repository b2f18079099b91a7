import type { NotificationKind, NotificationPage as NotificationPageSchema, ReminderSweepResult } from '@stinet/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

/** A page of the reminder outbox. */
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

/** Filters of the outbox list. */
export interface NotificationFilters {
  status?: 'pending' | 'sent' | 'failed' | undefined;
  kind?: NotificationKind | undefined;
  page?: number;
  pageSize?: number;
}

/** A page of the reminder outbox, newest first (national admin). */
export function useNotifications(filters: NotificationFilters) {
  return useQuery({
    queryKey: ['notifications', 'list', filters],
    queryFn: ({ signal }) => api.get<NotificationPage>('/api/notifications', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Runs one reminder sweep now: queues what is due (once per stage) and sends what is pending. */
export function useRunSweep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ReminderSweepResult>('/api/notifications/sweep'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
