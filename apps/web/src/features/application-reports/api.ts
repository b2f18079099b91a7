import type {
  ApplicationReport,
  ApplicationReportCreate,
  ApplicationReportPage as ApplicationReportPageSchema,
  ApplicationReportReview,
  ApplicationReportUpdate,
  ApplicationReportWorkPage,
  ApplicationStatus,
  ApplicationSummary,
  ApplicationWorkCategory,
  StoredFile,
  TaskApplicationReports,
} from '@stinet/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, buildUrl } from '../../api/client';

/** A page of accepted reports (public fields). */
export type ApplicationReportPage = z.infer<typeof ApplicationReportPageSchema>;

/** Filters of the staff work list. */
export interface ApplicationWorkFilters {
  category?: ApplicationWorkCategory | undefined;
  q?: string | undefined;
  page?: number;
  pageSize?: number;
}

/** Filters of the public list. */
export interface ApplicationPublicFilters {
  q?: string | undefined;
  applicationStatus?: ApplicationStatus | undefined;
  year?: number | undefined;
  page?: number;
  pageSize?: number;
}

const KEY = 'application-reports';

/** The five yearly slots of a task (due dates, states, what the caller may start). */
export function useTaskApplicationReports(taskId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'task', taskId],
    queryFn: ({ signal }) => api.get<TaskApplicationReports>(`/api/tasks/${taskId ?? ''}/application-reports`, undefined, signal),
    enabled: Boolean(taskId),
  });
}

/** One report in full (staff in scope), with `version`, `canEdit`, `canSubmit`, `canReview`. */
export function useApplicationReport(id: string | null | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: ({ signal }) => api.get<ApplicationReport>(`/api/application-reports/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** A page of the caller's work list, with the counts of every group. */
export function useApplicationReportWork(filters: ApplicationWorkFilters) {
  return useQuery({
    queryKey: [KEY, 'work', filters],
    queryFn: ({ signal }) => api.get<ApplicationReportWorkPage>('/api/application-reports/work', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

/** A page of accepted reports (the public list). */
export function usePublicApplicationReports(filters: ApplicationPublicFilters) {
  return useQuery({
    queryKey: [KEY, 'public', filters],
    queryFn: ({ signal }) => api.get<ApplicationReportPage>('/api/application-reports', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The yearly summary (Mẫu 15) of a unit. */
export function useApplicationSummary(unitId: string | null, year: number) {
  return useQuery({
    queryKey: [KEY, 'summary', unitId, year],
    queryFn: ({ signal }) => api.get<ApplicationSummary>('/api/application-reports/summary', { unitId, year }, signal),
    enabled: Boolean(unitId),
  });
}

/** The address of the XLSX download of a summary (a plain link: same-origin cookie, no CSRF needed for GET). */
export function summaryXlsxUrl(unitId: string, year: number, lang: 'vi' | 'en'): string {
  return buildUrl('/api/application-reports/summary.xlsx', { unitId, year, lang });
}

function afterChange(queryClient: QueryClient, report: ApplicationReport) {
  queryClient.setQueryData([KEY, 'one', report.id], report);
  void queryClient.invalidateQueries({ queryKey: [KEY, 'task', report.task.id] });
  void queryClient.invalidateQueries({ queryKey: [KEY, 'summary'] });
  void queryClient.invalidateQueries({ queryKey: [KEY, 'public'] });
  return queryClient.invalidateQueries({ queryKey: [KEY, 'work'] });
}

/** Starts the report of one year as a draft (409 REPORT_NOT_REQUIRED / TASK_NOT_ACCEPTED when not owed). */
export function useCreateApplicationReport(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationReportCreate) => api.post<ApplicationReport>(`/api/tasks/${taskId}/application-reports`, body),
    onSuccess: (report) => afterChange(queryClient, report),
  });
}

/** Changes a draft or returned report (send the version read; a stale one gives 409 VERSION_CONFLICT). */
export function useUpdateApplicationReport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationReportUpdate) => api.patch<ApplicationReport>(`/api/application-reports/${id}`, body),
    onSuccess: (report) => afterChange(queryClient, report),
  });
}

/** Sends a report to the focal point. */
export function useSubmitApplicationReport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.post<ApplicationReport>(`/api/application-reports/${id}/submit`, { version }),
    onSuccess: (report) => afterChange(queryClient, report),
  });
}

/** The focal point's decision: accept (publish) or return with a comment. */
export function useReviewApplicationReport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationReportReview) => api.post<ApplicationReport>(`/api/application-reports/${id}/review`, body),
    onSuccess: (report) => afterChange(queryClient, report),
  });
}

/** Uploads the signed copy of a report as a restricted file of the lead organization. */
export function useUploadSignedCopy(organizationId: string) {
  return useMutation({
    mutationFn: (file: File) => api.upload<StoredFile>('/api/files', file, { organizationId, accessTier: 'restricted' }),
  });
}
