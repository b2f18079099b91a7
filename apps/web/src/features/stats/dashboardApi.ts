import type { FormDefinition, StatAggregate, StatPeriod } from '@stinet/shared';
import { useQuery } from '@tanstack/react-query';
import { api, buildUrl } from '../../api/client';

/** What the dashboard shows: a period, a form, the level and small-cell suppression. */
export interface AggregateSelection {
  periodId: string;
  formCode: string;
  level: 'national' | 'province' | 'ministry';
  /** The registry date provinces are taken as of (province level). */
  asOf?: string | undefined;
  suppressBelow?: number | undefined;
}

function aggregateQuery(s: AggregateSelection) {
  return { periodId: s.periodId, formCode: s.formCode, level: s.level, asOf: s.level !== 'national' ? s.asOf : undefined, suppressBelow: s.suppressBelow };
}

/** Aggregates of a form over approved reports (always fetched afresh: an approval shows at once). */
export function useStatAggregate(s: AggregateSelection | null) {
  return useQuery({
    queryKey: ['stats', 'aggregate', s],
    queryFn: ({ signal }) => api.get<StatAggregate>('/api/stats/aggregates', s ? aggregateQuery(s) : {}, signal),
    enabled: Boolean(s?.periodId && s.formCode),
    staleTime: 0,
  });
}

/** The grassroots form versions to use in a year (the provincial aggregate forms are produced, not assigned or entered). */
export function useStatFormsOfYear(year: number | undefined) {
  return useQuery({
    queryKey: ['stats', 'forms', year, 'unit'],
    queryFn: ({ signal }) => api.get<{ items: FormDefinition[] }>('/api/stats/forms', { year, level: 'unit' }, signal),
    enabled: year !== undefined,
    staleTime: Infinity,
  });
}

/** The newest period whose national aggregates of a form have at least one approved report (else the newest). */
export function useDefaultPeriod(periods: readonly StatPeriod[] | undefined, formCode: string, enabled: boolean) {
  return useQuery({
    queryKey: ['stats', 'default-period', periods?.map((p) => p.id), formCode],
    enabled: enabled && Boolean(periods?.length),
    queryFn: async ({ signal }) => {
      for (const p of (periods ?? []).slice(0, 10)) {
        const agg = await api.get<StatAggregate>('/api/stats/aggregates', { periodId: p.id, formCode, level: 'national' }, signal);
        if ((agg.areas[0]?.reports ?? 0) > 0) return p.id;
      }
      return periods?.[0]?.id ?? null;
    },
  });
}

/** The SDMX-CSV download of a selection (the session cookie authenticates the link). */
export function sdmxUrl(dataflow: string, s: AggregateSelection): string {
  const q = aggregateQuery(s);
  return buildUrl(`/api/stats/sdmx/${encodeURIComponent(dataflow)}`, { periodId: q.periodId, level: q.level, asOf: q.asOf, suppressBelow: q.suppressBelow });
}
