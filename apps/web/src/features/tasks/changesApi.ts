import type { TaskChange, TaskChangeCreate, TaskChangeReview, TaskRevisionDiff, TaskRevisionList } from '@stinet/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import { historyKey } from '../../lib/recordHistory';
import { taskFullKey } from './api';

/** The published revisions of a task. */
export type TaskRevisions = z.infer<typeof TaskRevisionList>;
/** A published revision of a task. */
export type TaskRevision = TaskRevisions['items'][number];

/** The query keys of a task's changes and revisions. */
const keys = {
  changes: (taskId: string) => ['tasks', 'changes', taskId] as const,
  revisions: (taskId: string) => ['tasks', 'revisions', taskId] as const,
  diff: (taskId: string, from: number, to: number) => ['tasks', 'revisions', taskId, 'diff', from, to] as const,
};

/** The changes filed for a task (Mẫu 3), newest first. */
export function useTaskChanges(taskId: string | undefined) {
  return useQuery({
    queryKey: keys.changes(taskId ?? ''),
    queryFn: ({ signal }) => api.get<{ items: TaskChange[] }>(`/api/tasks/${taskId ?? ''}/changes`, undefined, signal),
    enabled: Boolean(taskId),
  });
}

/** The published revisions of a task (1 at publication, one more per applied change). */
export function useTaskRevisions(taskId: string | undefined) {
  return useQuery({
    queryKey: keys.revisions(taskId ?? ''),
    queryFn: ({ signal }) => api.get<TaskRevisions>(`/api/tasks/${taskId ?? ''}/revisions`, undefined, signal),
    enabled: Boolean(taskId),
  });
}

/** The fields that differ between two revisions of a task; nothing is fetched until both are chosen and differ. */
export function useRevisionDiff(taskId: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: keys.diff(taskId, from ?? 0, to ?? 0),
    queryFn: ({ signal }) => api.get<TaskRevisionDiff>(`/api/tasks/${taskId}/revisions/diff`, { from, to }, signal),
    enabled: from !== null && to !== null && from !== to,
  });
}

/** Marks the task, its changes, revisions and history as stale after a change was filed or reviewed. */
function afterChange(queryClient: QueryClient, taskId: string) {
  void queryClient.invalidateQueries({ queryKey: taskFullKey(taskId) });
  void queryClient.invalidateQueries({ queryKey: historyKey('tasks', taskId) });
  void queryClient.invalidateQueries({ queryKey: ['tasks', 'public', taskId] });
  void queryClient.invalidateQueries({ queryKey: keys.revisions(taskId) });
  return queryClient.invalidateQueries({ queryKey: keys.changes(taskId) });
}

/** Files an approved change to a published task (phiếu cập nhật, Mẫu 3): the changed fields, the reason and the decision. */
export function useCreateTaskChange(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaskChangeCreate) => api.post<TaskChange>(`/api/tasks/${taskId}/changes`, body),
    onSuccess: () => afterChange(queryClient, taskId),
  });
}

/** The focal point applies a filed change (a new revision of the record) or returns it with a comment. */
export function useReviewTaskChange(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ changeId, body }: { changeId: string; body: TaskChangeReview }) => api.post<TaskChange>(`/api/task-changes/${changeId}/review`, body),
    onSuccess: () => afterChange(queryClient, taskId),
  });
}
