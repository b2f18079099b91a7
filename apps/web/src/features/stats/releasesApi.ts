import type {
  StatPeriod,
  StatPeriodClose,
  StatPeriodReopen,
  StatPrefill,
  StatReleaseCreateInput,
  StatReleaseDetail,
  StatReleaseStaffSummary,
  StatReleaseWithdraw,
} from '@stinet/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

const KEY = 'stats';

/** Filters of the staff list of releases. */
export interface StatReleaseFilters {
  year?: number | undefined;
  formCode?: string | undefined;
}

/** Every release (embargoed and withdrawn ones included) for staff, newest year first. */
export function useStatReleases(filters: StatReleaseFilters) {
  return useQuery({
    queryKey: [KEY, 'releases', filters],
    queryFn: ({ signal }) => api.get<{ items: StatReleaseStaffSummary[] }>('/api/stats/releases', { year: filters.year, formCode: filters.formCode }, signal),
    placeholderData: keepPreviousData,
  });
}

/** One release with its form and data, in any state (staff preview). */
export function useStatRelease(id: string | null) {
  return useQuery({
    queryKey: [KEY, 'release', id],
    queryFn: ({ signal }) => api.get<StatReleaseDetail>(`/api/stats/releases/${id ?? ''}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** Creates a release of a form's approved data for a period (national admin). */
export function useCreateStatRelease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StatReleaseCreateInput) => api.post<StatReleaseStaffSummary>('/api/stats/releases', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY, 'releases'] }),
  });
}

/** Withdraws a release from the public with a reason (national admin). */
export function useWithdrawStatRelease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: StatReleaseWithdraw }) => api.post<StatReleaseStaffSummary>(`/api/stats/releases/${id}/withdraw`, body),
    onSuccess: (release) => {
      void queryClient.invalidateQueries({ queryKey: [KEY, 'release', release.id] });
      return queryClient.invalidateQueries({ queryKey: [KEY, 'releases'] });
    },
  });
}

/** The staff download of a release: flat CSV with labels, SDMX-CSV 1.0 or XLSX (the session cookie authenticates). */
export function releaseFileUrl(id: string, format: 'csv' | 'sdmx' | 'xlsx'): string {
  return `/api/stats/releases/${id}/${format}`;
}

/** Closes and reopens a reporting period (national admin); both refresh the periods and the reports. */
export function useStatPeriodActions(periodId: string) {
  const queryClient = useQueryClient();
  const done = { onSuccess: () => queryClient.invalidateQueries({ queryKey: [KEY] }) };
  return {
    close: useMutation({ mutationFn: (body: StatPeriodClose) => api.post<StatPeriod>(`/api/stats/periods/${periodId}/close`, body), ...done }),
    reopen: useMutation({ mutationFn: (body: StatPeriodReopen) => api.post<StatPeriod>(`/api/stats/periods/${periodId}/reopen`, body), ...done }),
  };
}

/** Fetches the cells proposed for a report from the registries (form 04/CS-KHCN from the task registry); saves nothing. */
export function useStatPrefill(reportId: string) {
  return useMutation({
    mutationFn: () => api.get<StatPrefill>(`/api/stats/reports/${reportId}/prefill`),
  });
}
