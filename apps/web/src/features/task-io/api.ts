import type { TaskImport, TaskIoFormat, TaskStatus } from '@stinet/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildUrl } from '../../api/client';

/** Download addresses of the import templates. */
export const TEMPLATE_URLS: Record<TaskIoFormat, string> = {
  xlsx: '/api/tasks/import/template.xlsx',
  csv: '/api/tasks/import/template.csv',
};

/** True while the server is still reading, checking or writing an import. */
export function isRunning(state: TaskImport | undefined): boolean {
  return state?.status === 'validating' || state?.status === 'importing';
}

/** The address of the staff export of the work list with its current filters. */
export function workExportUrl(format: TaskIoFormat, filters: { status?: TaskStatus | undefined; q?: string | undefined }): string {
  return buildUrl('/api/tasks/work/export', { format, status: filters.status, q: filters.q });
}

/** The address of the public export of published tasks with the public list's filters. */
export function publicExportUrl(format: TaskIoFormat, filters: { q?: string | undefined; fieldCode?: string | undefined }): string {
  return buildUrl('/api/tasks/export', { format, q: filters.q, fieldCode: filters.fieldCode });
}

/**
 * Uploads a file to import. Small files come back finished (status done), large ones still running (poll
 * {@link useTaskImport}); a file with bad rows rejects with ApiError IMPORT_INVALID whose details are
 * `rows.<row>.<column>` problems, an unreadable file with IMPORT_UNREADABLE.
 */
export function useImportTasks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.upload<TaskImport>('/api/tasks/import', file),
    onSuccess: (state) => {
      queryClient.setQueryData(['taskImports', state.id], state);
      if (state.status === 'done') void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

/** The state of an import, polled every second while it runs. */
export function useTaskImport(id: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['taskImports', id],
    queryFn: async ({ signal }) => {
      const state = await api.get<TaskImport>(`/api/tasks/import/${id ?? ''}`, undefined, signal);
      if (state.status === 'done') void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      return state;
    },
    enabled: Boolean(id),
    refetchInterval: (query) => (isRunning(query.state.data) ? 1000 : false),
  });
}
