import type { TaskAcceptance, TaskCreate, TaskFull, TaskPublic, TaskReview, TaskStatus, TaskUpdate } from '@stinet/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { TaskPage, TaskWorkPage } from '../../api/types';
import { historyKey } from '../../lib/recordHistory';

/** Filters of the public list of published tasks. */
export interface TaskFilters {
  q?: string | undefined;
  leadOrganizationId?: string | undefined;
  fieldCode?: string | undefined;
  sort?: 'name' | '-name' | 'updated' | '-updated' | 'code';
  page?: number;
  pageSize?: number;
}

/** Filters of the staff work list. */
export interface TaskWorkFilters {
  status?: TaskStatus | undefined;
  q?: string | undefined;
  page?: number;
  pageSize?: number;
}

/** A page of published tasks (the public fields). */
export function useTasks(filters: TaskFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['tasks', 'list', filters],
    queryFn: ({ signal }) => api.get<TaskPage>('/api/tasks', { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** A page of the signed-in user's work list (tasks in scope, any status). */
export function useTaskWork(filters: TaskWorkFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['tasks', 'work', filters],
    queryFn: ({ signal }) => api.get<TaskWorkPage>('/api/tasks/work', { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** The public record of a published task. */
export function useTask(id: string | undefined) {
  return useQuery({
    queryKey: ['tasks', 'public', id],
    queryFn: ({ signal }) => api.get<TaskPublic>(`/api/tasks/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** The full record of a task (staff in scope), with status, deadline, review comment, `version`, `canEdit`, `canReview`. */
export function useTaskFull(id: string | undefined) {
  return useQuery({
    queryKey: ['tasks', 'full', id],
    queryFn: ({ signal }) => api.get<TaskFull>(`/api/tasks/${id ?? ''}/full`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** Stores a task the server answered with and marks what it may have changed as stale. */
function afterChange(queryClient: QueryClient, task: TaskFull) {
  queryClient.setQueryData(['tasks', 'full', task.id], task);
  void queryClient.invalidateQueries({ queryKey: historyKey('tasks', task.id) });
  void queryClient.invalidateQueries({ queryKey: ['tasks', 'public', task.id] });
  void queryClient.invalidateQueries({ queryKey: ['tasks', 'list'] });
  return queryClient.invalidateQueries({ queryKey: ['tasks', 'work'] });
}

/** Enters an ongoing task (form Mẫu 1) as a draft; a state-secret task is refused (422 SECRET_TASK_REFUSED). */
export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskCreate) => api.post<TaskFull>('/api/tasks', body),
    onSuccess: (task) => afterChange(queryClient, task),
  });
}

/** Changes a draft or returned task (send the version read; a stale one gives 409 VERSION_CONFLICT). */
export function useUpdateTask(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskUpdate) => api.patch<TaskFull>(`/api/tasks/${id}`, body),
    onSuccess: (task) => afterChange(queryClient, task),
  });
}

/** Sends a draft or returned task to the focal point of its registering unit. */
export function useSubmitTask(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.post<TaskFull>(`/api/tasks/${id}/submit`, { version }),
    onSuccess: (task) => afterChange(queryClient, task),
  });
}

/** The focal point's decision on a submitted task: accept (publish) or return with a comment. */
export function useReviewTask(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskReview) => api.post<TaskFull>(`/api/tasks/${id}/review`, body),
    onSuccess: (task) => afterChange(queryClient, task),
  });
}

/** The query key of a task's full record: invalidate it after lifecycle steps that change what the caller may do. */
export function taskFullKey(id: string) {
  return ['tasks', 'full', id] as const;
}

/**
 * Records (or corrects, while the result is not yet submitted) the official acceptance (T1) of a published task;
 * the registration deadline (T1 + 30 working days) follows from it.
 */
export function useRecordAcceptance(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskAcceptance) => api.post<TaskFull>(`/api/tasks/${id}/acceptance`, body),
    onSuccess: (task) => afterChange(queryClient, task),
  });
}
