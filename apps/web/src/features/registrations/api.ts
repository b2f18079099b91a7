import type {
  Registration,
  RegistrationCreate,
  RegistrationFileRole,
  RegistrationReview,
  RegistrationStatus,
  RegistrationUpdate,
  RegistrationWorkPage as RegistrationWorkPageSchema,
  ResultPage as ResultPageSchema,
  ResultPublic,
  ResultPublicDetail,
  StoredFile,
} from '@stinet/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api } from '../../api/client';
import { historyKey } from '../../lib/recordHistory';
import { taskFullKey } from '../tasks/api';

/** A page of the staff work list of registration dossiers. */
export type RegistrationWorkPage = z.infer<typeof RegistrationWorkPageSchema>;
/** A row of the staff work list of registration dossiers. */
export type RegistrationWorkItem = RegistrationWorkPage['items'][number];
/** A page of registered results (public fields). */
export type ResultPage = z.infer<typeof ResultPageSchema>;

/** Filters of the registration work list. */
export interface RegistrationWorkFilters {
  status?: RegistrationStatus | undefined;
  q?: string | undefined;
  page?: number;
  pageSize?: number;
}

/** Filters of the public list of registered results. */
export interface ResultFilters {
  q?: string | undefined;
  page?: number;
  pageSize?: number;
}

/** The query key of a task's registration dossier. */
export function taskRegistrationKey(taskId: string) {
  return ['registrations', 'task', taskId] as const;
}

/** The registration dossier (Mẫu 5) of a task, or null when none has been opened yet (the API answers 404). */
export function useTaskRegistration(taskId: string | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: taskRegistrationKey(taskId ?? ''),
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Registration>(`/api/tasks/${taskId ?? ''}/registration`, undefined, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled: Boolean(taskId) && (options.enabled ?? true),
  });
}

/** A page of the registration dossiers in the signed-in user's scope. */
export function useRegistrationWork(filters: RegistrationWorkFilters) {
  return useQuery({
    queryKey: ['registrations', 'work', filters],
    queryFn: ({ signal }) => api.get<RegistrationWorkPage>('/api/registrations/work', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

/** A page of registered results (public list). */
export function useResults(filters: ResultFilters) {
  return useQuery({
    queryKey: ['results', 'list', filters],
    queryFn: ({ signal }) => api.get<ResultPage>('/api/results', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The public record of a registered result. */
export function useResult(id: string | undefined) {
  return useQuery({
    queryKey: ['results', 'detail', id],
    queryFn: ({ signal }) => api.get<ResultPublicDetail>(`/api/results/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/**
 * Stores the dossier the server answered with and marks what it may have changed as stale: the task (what the
 * caller may still do with it: acceptance, changes), its history, the work list and, once registered, the results.
 */
function afterChange(queryClient: QueryClient, reg: Registration) {
  queryClient.setQueryData(taskRegistrationKey(reg.task.id), reg);
  void queryClient.invalidateQueries({ queryKey: taskFullKey(reg.task.id) });
  void queryClient.invalidateQueries({ queryKey: historyKey('tasks', reg.task.id) });
  if (reg.certificate) {
    void queryClient.invalidateQueries({ queryKey: ['certificates', 'detail', reg.certificate.id] });
    void queryClient.invalidateQueries({ queryKey: ['results'] });
  }
  return queryClient.invalidateQueries({ queryKey: ['registrations', 'work'] });
}

/** Opens the registration dossier of an accepted, published task. */
export function useCreateRegistration(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistrationCreate) => api.post<Registration>(`/api/tasks/${taskId}/registration`, body),
    onSuccess: (reg) => afterChange(queryClient, reg),
  });
}

/** Changes a draft or returned dossier (send the version read; a stale one gives 409 VERSION_CONFLICT). */
export function useUpdateRegistration(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistrationUpdate) => api.patch<Registration>(`/api/registrations/${id}`, body),
    onSuccess: (reg) => afterChange(queryClient, reg),
  });
}

/** What {@link useUploadRegistrationFile} sends: the file, its role in the dossier and the lead organization that owns it. */
export interface RegistrationUpload {
  file: File;
  role: RegistrationFileRole;
  organizationId: string;
}

/**
 * Uploads a document for the lead organization (stored with its SHA-256, content sniffed, readable by the focal
 * points in scope) and attaches it to the dossier in a role.
 */
export function useUploadRegistrationFile(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, role, organizationId }: RegistrationUpload) => {
      const stored = await api.upload<StoredFile>('/api/files', file, { organizationId, accessTier: 'focal_fulltext' });
      return api.post<Registration>(`/api/registrations/${id}/files`, { fileId: stored.id, role });
    },
    onSuccess: (reg) => afterChange(queryClient, reg),
  });
}

/** Detaches a document from a draft or returned dossier (it stays stored and listed as detached). */
export function useDetachRegistrationFile(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => api.delete<Registration>(`/api/registrations/${id}/files/${fileId}`),
    onSuccess: (reg) => afterChange(queryClient, reg),
  });
}

/** Sends a complete dossier to the registering authority (422 DOSSIER_INCOMPLETE lists the missing roles). */
export function useSubmitRegistration(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.post<Registration>(`/api/registrations/${id}/submit`, { version }),
    onSuccess: (reg) => afterChange(queryClient, reg),
  });
}

/** The registering officer's decision: register (issues the one certificate) or return with a comment. */
export function useReviewRegistration(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistrationReview) => api.post<Registration>(`/api/registrations/${id}/review`, body),
    onSuccess: (reg) => afterChange(queryClient, reg),
  });
}
