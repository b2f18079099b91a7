import type {
  FormDefinition,
  StatAssignmentCreate,
  StatAssignmentResult,
  StatBoard,
  StatCellInput,
  StatPeriod,
  StatPeriodCreate,
  StatReopen,
  StatReport,
  StatReportStatus,
  StatReportSummary,
  StatReview,
} from '@stinet/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/client';

const KEY = 'stats';

/** Filters of the statistical work list. */
export interface StatReportFilters {
  periodId?: string | undefined;
  status?: StatReportStatus | undefined;
  formCode?: string | undefined;
  q?: string | undefined;
  page?: number;
  pageSize?: number;
}

/** The reporting periods, newest first. */
export function useStatPeriods() {
  return useQuery({
    queryKey: [KEY, 'periods'],
    queryFn: ({ signal }) => api.get<{ items: StatPeriod[] }>('/api/stats/periods', undefined, signal),
  });
}

/** A page of the reports in the caller's scope. */
export function useStatReports(filters: StatReportFilters, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'reports', filters],
    queryFn: ({ signal }) => api.get<{ items: StatReportSummary[]; total: number }>('/api/stats/reports', { ...filters }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One report with its cells, issues and what the caller may do. */
export function useStatReport(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'report', id],
    queryFn: ({ signal }) => api.get<StatReport>(`/api/stats/reports/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** One form version (definitions never change once published: cached for the session). */
export function useStatForm(code: string | undefined, version: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'form', code, version],
    queryFn: ({ signal }) => api.get<FormDefinition>(`/api/stats/forms/${encodeURIComponent(code ?? '')}/${encodeURIComponent(version ?? '')}`, undefined, signal),
    enabled: Boolean(code && version),
    staleTime: Infinity,
  });
}

/** The completeness and timeliness board of a period (focal officers and admins). */
export function useStatBoard(periodId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'board', periodId],
    queryFn: ({ signal }) => api.get<StatBoard>(`/api/stats/periods/${periodId ?? ''}/board`, undefined, signal),
    enabled: enabled && Boolean(periodId),
  });
}

/** Opens the period of a year (national admin). */
export function useCreateStatPeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StatPeriodCreate) => api.post<StatPeriod>('/api/stats/periods', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY, 'periods'] }),
  });
}

/** Assigns forms to organizations for a period. */
export function useAssignStatForms(periodId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StatAssignmentCreate) => api.post<StatAssignmentResult>(`/api/stats/periods/${periodId}/assignments`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }),
  });
}

function afterChange(queryClient: QueryClient, report: StatReport) {
  queryClient.setQueryData([KEY, 'report', report.id], report);
  void queryClient.invalidateQueries({ queryKey: [KEY, 'board'] });
  return queryClient.invalidateQueries({ queryKey: [KEY, 'reports'] });
}

/** The actions on one report: save cells, upload an XLSX, submit, review, accept, reopen. */
export function useStatReportActions(id: string) {
  const queryClient = useQueryClient();
  const done = { onSuccess: (report: StatReport) => afterChange(queryClient, report) };
  return {
    save: useMutation({ mutationFn: (body: { version: number; cells: StatCellInput[] }) => apiRequest<StatReport>(`/api/stats/reports/${id}/cells`, { method: 'PUT', body }), ...done }),
    submit: useMutation({ mutationFn: (version: number) => api.post<StatReport>(`/api/stats/reports/${id}/submit`, { version }), ...done }),
    review: useMutation({ mutationFn: (body: StatReview) => api.post<StatReport>(`/api/stats/reports/${id}/review`, body), ...done }),
    accept: useMutation({ mutationFn: (version: number) => api.post<StatReport>(`/api/stats/reports/${id}/accept`, { version }), ...done }),
    reopen: useMutation({ mutationFn: (body: StatReopen) => api.post<StatReport>(`/api/stats/reports/${id}/reopen`, body), ...done }),
    /** Replaces every cell by those of a filled XLSX of the form (all or nothing; no version needed). */
    uploadXlsx: useMutation({ mutationFn: (file: File) => api.upload<StatReport>(`/api/stats/reports/${id}/xlsx`, file), ...done }),
  };
}
