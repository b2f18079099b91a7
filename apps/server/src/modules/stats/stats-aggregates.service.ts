import { sql } from 'drizzle-orm';
import {
  cell,
  cellKey,
  FormDefinition,
  suppressSmallCells,
  todayInVietnam,
  toSdmxCsv10,
  type AggregateCell,
  type CellValue,
  type StatAggregate,
  type StatAggregateQuery,
} from '@stinet/shared';
import { orgUnit, orgUnitSuccession } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import { AppError, notFound } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { queryRows } from '../../lib/sql.js';
import { requireActor } from '../access/access.service.js';
import { presentUnitRef } from '../org-units/org-units.presenter.js';
import type { OrgUnitRow } from '../org-units/org-units.repo.js';
import { findForms, findPeriodById } from './stats.repo.js';
import { formsForYear } from './stats.service.js';

/** The SDMX agency id of the national S&T statistics. */
export const SDMX_AGENCY = 'VN_CTTK';

/**
 * Maps units to the unit valid on a date through the succession map: an ended province to its successor (a merged
 * province's data goes to the new one), a later unit back to its single predecessor. A unit split in several (none
 * in the 2025 merger) keeps its own row: splitting needs apportionment weights the registry does not hold.
 */
async function unitResolver(ex: Executor, units: ReadonlyMap<string, OrgUnitRow>, asOf: string): Promise<(unitId: string) => OrgUnitRow | undefined> {
  const links = await ex.select().from(orgUnitSuccession);
  const successors = new Map<string, string[]>();
  const predecessors = new Map<string, string[]>();
  for (const l of links) {
    successors.set(l.predecessorId, [...(successors.get(l.predecessorId) ?? []), l.successorId]);
    predecessors.set(l.successorId, [...(predecessors.get(l.successorId) ?? []), l.predecessorId]);
  }
  const valid = (u: OrgUnitRow) => u.validFrom <= asOf && (u.validTo === null || u.validTo >= asOf);
  return (unitId) => {
    let u = units.get(unitId);
    for (let hops = 0; u && !valid(u) && hops < 10; hops++) {
      const next = u.validTo !== null && u.validTo < asOf ? successors.get(u.id) : predecessors.get(u.id);
      if (!next || next.length !== 1) break;
      u = units.get(next[0] as string);
    }
    return u;
  };
}

interface CellSumRow extends Record<string, unknown> {
  unit_id: string;
  row_code: string;
  col_code: string;
  value: number | null;
  reporting: number;
  has_conf: boolean;
}

async function definitionFor(ex: Executor, periodYear: number, formCode: string, versions: string[]): Promise<FormDefinition> {
  const defs = (await findForms(ex)).map((f) => FormDefinition.parse(f.definition));
  const used = defs.find((d) => d.code === formCode && versions.includes(d.version));
  const def = used ?? formsForYear(defs, periodYear).find((d) => d.code === formCode);
  if (!def) throw new AppError('STAT_FORM_UNKNOWN');
  return def;
}

/**
 * Aggregates a form's approved and accepted reports of a period, nationally or by province as of a registry date,
 * straight from the stored cells (one grouped query), so an approval shows in the aggregate at once. Missing cells
 * are counted per area, not read as zero; optional small-cell suppression withholds primary and complementary cells.
 */
export async function aggregateForm(ex: Executor, ctx: RequestContext, q: StatAggregateQuery): Promise<StatAggregate> {
  requireActor(ctx);
  const period = await findPeriodById(ex, q.periodId);
  if (!period) throw notFound('stat_period');
  const asOf = q.asOf ?? todayInVietnam();
  const statuses = sql`r.status IN ('approved', 'accepted')`;
  const sums = await queryRows<CellSumRow>(
    ex,
    sql`SELECT o.province_unit_id AS unit_id, c.row_code, c.col_code,
          sum(CASE WHEN c.state = 'not_applicable' THEN 0 ELSE c.value END)::float8 AS value,
          count(*) FILTER (WHERE c.state = 'not_applicable' OR c.value IS NOT NULL)::int AS reporting,
          bool_or(c.state = 'confidential') AS has_conf
        FROM stat_report r JOIN organization o ON o.id = r.organization_id JOIN stat_cell c ON c.report_id = r.id
        WHERE r.period_id = ${q.periodId} AND r.form_code = ${q.formCode} AND ${statuses}
        GROUP BY 1, 2, 3`,
  );
  const counts = await queryRows<{ unit_id: string; n: number; versions: string[] }>(
    ex,
    sql`SELECT o.province_unit_id AS unit_id, count(*)::int AS n, array_agg(DISTINCT r.form_version) AS versions
        FROM stat_report r JOIN organization o ON o.id = r.organization_id
        WHERE r.period_id = ${q.periodId} AND r.form_code = ${q.formCode} AND ${statuses}
        GROUP BY 1`,
  );
  const def = await definitionFor(ex, period.year, q.formCode, [...new Set(counts.flatMap((c) => c.versions))]);
  const units = q.level === 'province' ? new Map((await ex.select().from(orgUnit)).map((u) => [u.id, u])) : new Map<string, OrgUnitRow>();
  const resolve = q.level === 'province' ? await unitResolver(ex, units, asOf) : () => undefined;
  const areaKey = (unitId: string) => (q.level === 'province' ? (resolve(unitId)?.id ?? unitId) : 'VN');

  const reportsByArea = new Map<string, number>();
  for (const c of counts) reportsByArea.set(areaKey(c.unit_id), (reportsByArea.get(areaKey(c.unit_id)) ?? 0) + c.n);
  const cellsByArea = new Map<string, Map<string, AggregateCell>>();
  for (const s of sums) {
    const area = areaKey(s.unit_id);
    const cells = cellsByArea.get(area) ?? new Map<string, AggregateCell>();
    cellsByArea.set(area, cells);
    const key = cellKey(s.row_code, s.col_code);
    const prev = cells.get(key) ?? { value: null, reporting: 0, missing: 0, hasConfidential: false };
    cells.set(key, {
      value: s.value === null ? prev.value : (prev.value ?? 0) + Number(s.value),
      reporting: prev.reporting + s.reporting,
      missing: 0,
      hasConfidential: prev.hasConfidential || s.has_conf,
    });
  }
  const areas = [...reportsByArea.keys()].map((area) => {
    const reports = reportsByArea.get(area) ?? 0;
    const cells = cellsByArea.get(area) ?? new Map<string, AggregateCell>();
    for (const r of def.rows) {
      for (const c of def.columns) {
        const key = cellKey(r.code, c.code);
        const a = cells.get(key) ?? { value: null, reporting: 0, missing: 0, hasConfidential: false };
        cells.set(key, { ...a, missing: reports - a.reporting });
      }
    }
    const withheld = q.suppressBelow ? suppressSmallCells(def, cells, { minUnits: q.suppressBelow }) : new Map();
    const unit = units.get(area);
    return {
      unit: unit ? presentUnitRef(unit) : null,
      reports,
      cells: def.rows.flatMap((r) =>
        def.columns.map((c) => {
          const key = cellKey(r.code, c.code);
          const a = cells.get(key) as AggregateCell;
          const suppressed = withheld.get(key) ?? null;
          return { row: r.code, column: c.code, value: suppressed ? null : a.value, reporting: a.reporting, missing: a.missing, suppressed };
        }),
      ),
    };
  });
  areas.sort((a, b) => (a.unit?.code ?? '').localeCompare(b.unit?.code ?? ''));
  return { periodId: period.id, year: period.year, formCode: def.code, formVersion: def.version, level: q.level, asOf, areas };
}

/** The aggregates as SDMX-CSV 1.0: REF_AREA `VN` or the province code; withheld cells as confidential, missing as `M`. */
export async function aggregateSdmxCsv(ex: Executor, ctx: RequestContext, dataflow: string, q: Omit<StatAggregateQuery, 'formCode'>): Promise<{ fileName: string; csv: string }> {
  const defs = (await findForms(ex)).map((f) => FormDefinition.parse(f.definition));
  const formCode = defs.find((d) => d.dataflow === dataflow)?.code;
  if (!formCode) throw notFound('dataflow');
  const agg = await aggregateForm(ex, ctx, { ...q, formCode });
  const def = defs.find((d) => d.code === agg.formCode && d.version === agg.formVersion) as FormDefinition;
  const series = agg.areas.map((area) => {
    const byKey = new Map(area.cells.map((c) => [cellKey(c.row, c.column), c]));
    return {
      refArea: area.unit?.code ?? 'VN',
      timePeriod: String(agg.year),
      cell: (row: string, column: string): CellValue | undefined => {
        const c = byKey.get(cellKey(row, column));
        if (!c) return undefined;
        if (c.suppressed) return cell.confidential(null);
        return c.value === null ? undefined : cell.value(c.value);
      },
    };
  });
  return { fileName: `${dataflow}_${agg.year}_${agg.level}.csv`, csv: toSdmxCsv10(def, series, { agency: SDMX_AGENCY }) };
}
