import { eq } from 'drizzle-orm';
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
  type StatCell,
  type StatProvinceFormQuery,
} from '@stinet/shared';
import { orgUnit, orgUnitSuccession } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import { AppError, notFound } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { canReadUnit, requireActor, requireRole, unitScopeIds } from '../access/access.service.js';
import { presentUnitRef } from '../org-units/org-units.presenter.js';
import type { OrgUnitRow } from '../org-units/org-units.repo.js';
import { tabulateProvinceOrganizations } from './stats-prefill.js';
import { recomputedAreaSums, storedAreaSums } from './stats-rollup.js';
import { buildFormXlsx, sheetNameOf } from './stats-xlsx.js';
import { findFormDefinitions, findPeriodById, type StatPeriodRow } from './stats.repo.js';
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

async function definitionFor(ex: Executor, periodYear: number, formCode: string, versions: string[]): Promise<FormDefinition> {
  const defs = await findFormDefinitions(ex);
  const used = defs.find((d) => d.code === formCode && versions.includes(d.version));
  const def = used ?? formsForYear(defs, periodYear).find((d) => d.code === formCode);
  if (!def) throw new AppError('STAT_FORM_UNKNOWN');
  return def;
}

/** What to aggregate, once the caller's right to see it is settled. */
export interface AggregateSpec {
  period: StatPeriodRow;
  formCode: string;
  level: 'national' | 'province' | 'ministry';
  asOf: string;
  suppressBelow?: number | undefined;
  /** `stored`: the running aggregate kept by approvals (default); `recomputed`: a grouped query over the cells. */
  source?: 'stored' | 'recomputed';
}

/**
 * Aggregates a form's approved and accepted reports of a period, nationally or by province as of a registry date.
 * Reads the running aggregate kept up to date by every approval and reopening (a few dozen rows per cell), so an
 * approval shows at once. Missing cells are counted per area, not read as zero; optional small-cell suppression
 * withholds primary and complementary cells.
 */
export async function computeAggregate(ex: Executor, spec: AggregateSpec): Promise<StatAggregate> {
  const { period, asOf } = spec;
  const hierarchy = spec.level === 'ministry' ? 'ministry' : 'province';
  const { sums, counts } = spec.source === 'recomputed' ? await recomputedAreaSums(ex, period.id, spec.formCode, hierarchy) : await storedAreaSums(ex, period.id, spec.formCode, hierarchy);
  const def = await definitionFor(ex, period.year, spec.formCode, [...new Set(counts.map((c) => c.form_version))]);
  const byProvince = spec.level !== 'national';
  const units = byProvince ? new Map((await ex.select().from(orgUnit)).map((u) => [u.id, u])) : new Map<string, OrgUnitRow>();
  const resolve = byProvince ? await unitResolver(ex, units, asOf) : () => undefined;
  const areaKey = (unitId: string) => (byProvince ? (resolve(unitId)?.id ?? unitId) : 'VN');

  const reportsByArea = new Map<string, number>();
  for (const c of counts) reportsByArea.set(areaKey(c.unit_id), (reportsByArea.get(areaKey(c.unit_id)) ?? 0) + Number(c.reports));
  const cellsByArea = new Map<string, Map<string, AggregateCell>>();
  for (const s of sums) {
    const area = areaKey(s.unit_id);
    const cells = cellsByArea.get(area) ?? new Map<string, AggregateCell>();
    cellsByArea.set(area, cells);
    const key = cellKey(s.row_code, s.col_code);
    const prev = cells.get(key) ?? { value: null, reporting: 0, missing: 0, hasConfidential: false };
    const reporting = Number(s.reporting);
    cells.set(key, {
      value: reporting > 0 ? (prev.value ?? 0) + Number(s.value_sum) : prev.value,
      reporting: prev.reporting + reporting,
      missing: 0,
      hasConfidential: prev.hasConfidential || Number(s.confidential) > 0,
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
    const withheld = spec.suppressBelow ? suppressSmallCells(def, cells, { minUnits: spec.suppressBelow }) : new Map();
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
  return { periodId: period.id, year: period.year, formCode: def.code, formVersion: def.version, level: spec.level, asOf, areas };
}

/** The live aggregates for staff (any signed-in user of the network); the public sees releases only. */
export async function aggregateForm(ex: Executor, ctx: RequestContext, q: StatAggregateQuery): Promise<StatAggregate> {
  requireActor(ctx);
  const period = await findPeriodById(ex, q.periodId);
  if (!period) throw notFound('stat_period');
  return computeAggregate(ex, { period, formCode: q.formCode, level: q.level, asOf: q.asOf ?? todayInVietnam(), suppressBelow: q.suppressBelow });
}

/** Aggregates as SDMX-CSV 1.0: REF_AREA `VN` or the province code; withheld cells as confidential, missing as `M`. */
export function aggregateToSdmxCsv(def: FormDefinition, agg: StatAggregate): string {
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
  return toSdmxCsv10(def, series, { agency: SDMX_AGENCY });
}

/** The live aggregates of a dataflow as SDMX-CSV 1.0 (staff). */
export async function aggregateSdmxCsv(ex: Executor, ctx: RequestContext, dataflow: string, q: Omit<StatAggregateQuery, 'formCode'>): Promise<{ fileName: string; csv: string }> {
  const defs = await findFormDefinitions(ex);
  const formCode = defs.find((d) => d.dataflow === dataflow)?.code;
  if (!formCode) throw notFound('dataflow');
  const agg = await aggregateForm(ex, ctx, { ...q, formCode });
  const def = defs.find((d) => d.code === agg.formCode && d.version === agg.formVersion) as FormDefinition;
  return { fileName: `${dataflow}_${agg.year}_${agg.level}.csv`, csv: aggregateToSdmxCsv(def, agg) };
}

/**
 * A province's aggregate form (Circular 26/2015) as an XLSX in the form's layout, for the province to check and send:
 * 02–06/TKTH-KHCN-ĐP filled from the approved and accepted reports of the units in the province (the grassroots form
 * with the same dataflow, i.e. the same cells, aggregated by province as of the registry date); 01/TKTH-KHCN-ĐP
 * counted from the organization registry. Staff who can read the unit.
 */
export async function provinceFormXlsx(ex: Executor, ctx: RequestContext, q: StatProvinceFormQuery): Promise<{ fileName: string; content: Buffer }> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer', 'reviewer');
  if (!(await canReadUnit(ex, actor, q.unitId))) throw new AppError('OUT_OF_SCOPE');
  const period = await findPeriodById(ex, q.periodId);
  if (!period) throw notFound('stat_period');
  const defs = formsForYear(await findFormDefinitions(ex), period.year);
  const def = defs.find((d) => d.code === q.formCode && d.reportingLevel !== 'unit');
  if (!def) throw new AppError('STAT_FORM_UNKNOWN');
  const unit = (await ex.select().from(orgUnit).where(eq(orgUnit.id, q.unitId)).limit(1))[0];
  if (!unit) throw notFound('unit');
  const source = defs.find((d) => d.dataflow === def.dataflow && d.reportingLevel === 'unit');
  let cells: StatCell[];
  let note: string;
  if (source) {
    const agg = await computeAggregate(ex, { period, formCode: source.code, level: 'province', asOf: q.asOf ?? todayInVietnam() });
    const area = agg.areas.find((a) => a.unit?.id === q.unitId);
    cells = (area?.cells ?? []).flatMap((c) => (c.value === null ? [] : [{ row: c.row, column: c.column, state: 'value' as const, value: c.value }]));
    note = `tổng hợp ${area?.reports ?? 0} báo cáo đã duyệt`;
  } else if (def.code.startsWith('01/TKTH')) {
    const counted = await tabulateProvinceOrganizations(ex, def, [...(await unitScopeIds(ex, q.unitId))], period.year);
    cells = counted.cells;
    note = `đếm ${counted.records} tổ chức từ CSDL tổ chức KH&CN`;
  } else throw new AppError('STAT_NO_SOURCE_FORM');
  const content = await buildFormXlsx(def, { organization: { code: unit.code, nameVi: `${unit.nameVi} — ${note}` }, period: { year: period.year }, status: 'approved', cells });
  return { fileName: `${sheetNameOf(def.code)}_${period.year}_${unit.code}.xlsx`, content };
}
