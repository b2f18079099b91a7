import type { ClassificationCode, ClassificationScheme, ClassificationSchemeDetail, CrosswalkEntry } from '@stinet/shared';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client';

/** The code-list schemes the app uses by name. */
export type SchemeCode =
  | 'FOS2008'
  | 'FOS2025'
  | 'ORG_TYPE'
  | 'ECONOMIC_TYPE'
  | 'FOUNDING_AUTHORITY'
  | 'TASK_LEVEL'
  | 'TASK_FORM'
  | 'FUNDING_SOURCE'
  | 'QUALIFICATION'
  | 'ACADEMIC_TITLE'
  | 'GENDER'
  | 'ETHNICITY_GROUP'
  | 'SEO';

/** All schemes with their metadata. */
export function useSchemes() {
  return useQuery({
    queryKey: ['classifications', 'schemes'],
    queryFn: ({ signal }) => api.get<ClassificationScheme[]>('/api/classifications', undefined, signal),
    staleTime: 60 * 60_000,
  });
}

/** One scheme with all its codes; cached for the session (code lists change rarely). */
export function useScheme(scheme: string | null | undefined) {
  return useQuery({
    queryKey: ['classifications', 'scheme', scheme],
    queryFn: ({ signal }) =>
      api.get<ClassificationSchemeDetail>(`/api/classifications/${encodeURIComponent(scheme ?? '')}`, undefined, signal),
    enabled: Boolean(scheme),
    staleTime: 60 * 60_000,
  });
}

/** Codes of a scheme indexed by code, for label look-ups. */
export function useCodeIndex(scheme: string | null | undefined): Map<string, ClassificationCode> | undefined {
  const { data } = useScheme(scheme);
  return useMemo(() => (data ? new Map(data.codes.map((c) => [c.code, c])) : undefined), [data]);
}

/** Crosswalk rows from one scheme to another, optionally for one source code. */
export function useCrosswalk(from: string, to: string, code?: string) {
  return useQuery({
    queryKey: ['classifications', 'crosswalk', from, to, code ?? ''],
    queryFn: ({ signal }) => api.get<CrosswalkEntry[]>('/api/classifications/crosswalk', { from, to, code }, signal),
    staleTime: 60 * 60_000,
  });
}
