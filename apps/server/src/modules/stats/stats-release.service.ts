import { and, asc, desc, eq, lte, sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  FormDefinition,
  INDICATORS,
  cellKey,
  csvLine,
  indicatorValue,
  todayInVietnam,
  type AggregateCell,
  type StatAggregate,
  type StatIndicatorFigures,
  type StatReleaseCreate,
  type StatReleaseCreateInput,
  type StatReleaseDetail,
  type StatReleaseQuery,
  type StatReleaseStaffSummary,
  type StatReleaseSummary,
  type StatReleaseWithdraw,
  type StatSeries,
  type StatSeriesQuery,
} from '@stinet/shared';
import { statPeriod, statRelease } from '../../db/schema.js';
import type { Db, Executor } from '../../db/types.js';
import { AppError, notFound } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { queryRows } from '../../lib/sql.js';
import { requireRole } from '../access/access.service.js';
import { aggregateToSdmxCsv, computeAggregate } from './stats-aggregates.service.js';
import { definitionOf, findForm, findPeriodById } from './stats.repo.js';

type ReleaseRow = typeof statRelease.$inferSelect;
export interface ReleaseWithYear {
  release: ReleaseRow;
  year: number;
}
interface ReleaseData {
  national: StatAggregate;
  province: StatAggregate;
}

/** Published: not withdrawn and past its embargo. */
const publishedNow = (): SQL => and(sql`${statRelease.withdrawnAt} IS NULL`, lte(statRelease.embargoUntil, new Date())) as SQL;

function statusOf(r: ReleaseRow, now = new Date()): StatReleaseSummary['status'] {
  if (r.withdrawnAt) return 'withdrawn';
  return r.embargoUntil > now ? 'embargoed' : 'published';
}

/** The newest published release of the same period and form created after `r`, if any. */
function revisedByOf(r: ReleaseRow, all: readonly ReleaseRow[], now: Date): string | null {
  const later = all
    .filter((o) => o.periodId === r.periodId && o.formCode === r.formCode && o.createdAt > r.createdAt && statusOf(o, now) === 'published')
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return later[0]?.id ?? null;
}

function presentSummary({ release: r, year }: ReleaseWithYear, siblings: readonly ReleaseRow[], now = new Date()): StatReleaseSummary {
  return {
    id: r.id,
    periodId: r.periodId,
    year,
    formCode: r.formCode,
    formVersion: r.formVersion,
    dataflow: r.dataflow,
    titleVi: r.titleVi,
    titleEn: r.titleEn,
    noteVi: r.noteVi,
    noteEn: r.noteEn,
    embargoUntil: r.embargoUntil.toISOString(),
    status: statusOf(r, now),
    asOf: r.asOf,
    suppressBelow: r.suppressBelow,
    reports: r.reports,
    assigned: r.assigned,
    revisedBy: revisedByOf(r, siblings, now),
    createdAt: r.createdAt.toISOString(),
  };
}

function presentStaffSummary(row: ReleaseWithYear, siblings: readonly ReleaseRow[]): StatReleaseStaffSummary {
  return { ...presentSummary(row, siblings), withdrawnAt: row.release.withdrawnAt?.toISOString() ?? null, withdrawReason: row.release.withdrawReason };
}

async function findReleases(ex: Executor, where: SQL | undefined, limit?: number): Promise<ReleaseWithYear[]> {
  const q = ex
    .select({ release: statRelease, year: statPeriod.year })
    .from(statRelease)
    .innerJoin(statPeriod, eq(statPeriod.id, statRelease.periodId))
    .where(where)
    .orderBy(desc(statPeriod.year), asc(statRelease.formCode), desc(statRelease.createdAt));
  return limit === undefined ? q : q.limit(limit);
}

function queryWhere(q: StatReleaseQuery): SQL[] {
  const out: SQL[] = [];
  if (q.year !== undefined) out.push(eq(statPeriod.year, q.year));
  if (q.formCode !== undefined) out.push(eq(statRelease.formCode, q.formCode));
  return out;
}

async function formOf(ex: Executor, code: string, version: string): Promise<FormDefinition> {
  const row = await findForm(ex, code, version);
  if (!row) throw new AppError('STAT_FORM_UNKNOWN');
  return definitionOf(row);
}

async function detailOf(ex: Executor, row: ReleaseWithYear, siblings: readonly ReleaseRow[]): Promise<StatReleaseDetail> {
  const data = row.release.data as ReleaseData;
  return { ...presentSummary(row, siblings), form: await formOf(ex, row.release.formCode, row.release.formVersion), national: data.national, province: data.province };
}

// ---------------------------------------------------------------------------------------------------------------
// staff

/**
 * Takes a release in the caller's transaction: a snapshot of the form's approved and accepted data of the period,
 * national and by province as of the registry date, with small cells withheld in the snapshot itself. Also used by
 * the demo seed. Refused (STAT_RELEASE_EMPTY) when nothing is approved yet.
 */
export async function takeRelease(tx: Executor, createdBy: string, input: StatReleaseCreateInput): Promise<ReleaseWithYear> {
  const period = await findPeriodById(tx, input.periodId);
  if (!period) throw notFound('stat_period');
  const asOf = input.asOf ?? todayInVietnam();
  const spec = { period, formCode: input.formCode, asOf, suppressBelow: input.suppressBelow };
  const national = await computeAggregate(tx, { ...spec, level: 'national' });
  const province = await computeAggregate(tx, { ...spec, level: 'province' });
  const reports = national.areas.reduce((n, a) => n + a.reports, 0);
  if (reports === 0) throw new AppError('STAT_RELEASE_EMPTY');
  const def = await formOf(tx, national.formCode, national.formVersion);
  const [{ assigned } = { assigned: 0 }] = await queryRows<{ assigned: number }>(
    tx,
    sql`SELECT count(*)::int AS assigned FROM stat_report WHERE period_id = ${period.id} AND form_code = ${def.code}`,
  );
  const [release] = await tx
    .insert(statRelease)
    .values({
      periodId: period.id,
      formCode: def.code,
      formVersion: def.version,
      dataflow: def.dataflow,
      titleVi: input.titleVi ?? `${def.titleVi} năm ${period.year}`,
      titleEn: input.titleEn ?? `${def.titleEn}, ${period.year}`,
      noteVi: input.noteVi ?? null,
      noteEn: input.noteEn ?? null,
      embargoUntil: new Date(input.embargoUntil),
      asOf,
      suppressBelow: input.suppressBelow ?? null,
      reports,
      assigned,
      data: { national, province } satisfies ReleaseData,
      createdBy,
    })
    .returning();
  return { release: release as ReleaseRow, year: period.year };
}

/** Takes a release (national administrators; audited); the public sees it from `embargoUntil` on. */
export async function createRelease(db: Db, ctx: RequestContext, input: StatReleaseCreate): Promise<StatReleaseStaffSummary> {
  const actor = requireRole(ctx, 'national_admin');
  return db.transaction(async (tx) => {
    const taken = await takeRelease(tx, actor.id, input);
    const r = taken.release;
    await recordAudit(tx, ctx, { action: 'create', entityType: 'stat_release', entityId: r.id, after: { formCode: r.formCode, year: taken.year, embargoUntil: r.embargoUntil.toISOString(), reports: r.reports, suppressBelow: r.suppressBelow } });
    const siblings = (await findReleases(tx, and(eq(statRelease.periodId, r.periodId), eq(statRelease.formCode, r.formCode)))).map((x) => x.release);
    return presentStaffSummary(taken, siblings);
  });
}

/** Withdraws a release from the public (its reason kept); national administrators only. */
export async function withdrawRelease(db: Db, ctx: RequestContext, id: string, input: StatReleaseWithdraw): Promise<StatReleaseStaffSummary> {
  requireRole(ctx, 'national_admin');
  return db.transaction(async (tx) => {
    const [row] = await findReleases(tx, eq(statRelease.id, id));
    if (!row) throw notFound('stat_release');
    if (row.release.withdrawnAt) throw new AppError('STAT_RELEASE_WITHDRAWN');
    const [updated] = await tx.update(statRelease).set({ withdrawnAt: new Date(), withdrawReason: input.reason }).where(eq(statRelease.id, id)).returning();
    await recordAudit(tx, ctx, { action: 'withdraw', entityType: 'stat_release', entityId: id, before: { status: statusOf(row.release) }, after: { status: 'withdrawn', reason: input.reason } });
    const siblings = (await findReleases(tx, and(eq(statRelease.periodId, row.release.periodId), eq(statRelease.formCode, row.release.formCode)))).map((x) => x.release);
    return presentStaffSummary({ release: updated as ReleaseRow, year: row.year }, siblings);
  });
}

/** Every release, embargoed and withdrawn ones included: staff of the network. */
export async function listReleasesForStaff(ex: Executor, ctx: RequestContext, q: StatReleaseQuery): Promise<{ items: StatReleaseStaffSummary[] }> {
  requireRole(ctx, 'national_admin', 'focal_officer', 'reviewer');
  const rows = await findReleases(ex, and(...queryWhere(q)));
  const all = rows.map((r) => r.release);
  return { items: rows.map((r) => presentStaffSummary(r, all)) };
}

/** One release with its data in any state: staff of the network (an embargoed release is for preview). */
export async function getReleaseForStaff(ex: Executor, ctx: RequestContext, id: string): Promise<StatReleaseDetail> {
  requireRole(ctx, 'national_admin', 'focal_officer', 'reviewer');
  return releaseDetail(ex, id, false);
}

async function releaseDetail(ex: Executor, id: string, publicOnly: boolean): Promise<StatReleaseDetail> {
  const [row] = await findReleases(ex, publicOnly ? and(eq(statRelease.id, id), publishedNow()) : eq(statRelease.id, id));
  if (!row) throw notFound('stat_release');
  const siblings = (await findReleases(ex, and(eq(statRelease.periodId, row.release.periodId), eq(statRelease.formCode, row.release.formCode)))).map((x) => x.release);
  return detailOf(ex, row, siblings);
}

// ---------------------------------------------------------------------------------------------------------------
// public

/** Published releases (past their embargo, not withdrawn), newest year first. */
export async function listPublicReleases(ex: Executor, q: StatReleaseQuery): Promise<{ items: StatReleaseSummary[] }> {
  const rows = await findReleases(ex, and(publishedNow(), ...queryWhere(q)));
  const all = rows.map((r) => r.release);
  return { items: rows.map((r) => presentSummary(r, all)) };
}

/** A published release with its data; an embargoed, withdrawn or unknown one is not found. */
export async function getPublicRelease(ex: Executor, id: string): Promise<StatReleaseDetail> {
  return releaseDetail(ex, id, true);
}

/** The latest published release of a dataflow for a year (default: the latest year published). */
export async function publicReleaseOfDataflow(ex: Executor, dataflow: string, year: number | undefined): Promise<StatReleaseDetail> {
  const where = and(publishedNow(), eq(statRelease.dataflow, dataflow), year === undefined ? undefined : eq(statPeriod.year, year));
  const [row] = await findReleases(ex, where);
  if (!row) throw notFound('stat_release');
  return releaseDetail(ex, row.release.id, true);
}

/** Latest published release per year of a form (the current figures of each year). */
async function latestPublishedPerYear(ex: Executor, formCode: string): Promise<ReleaseWithYear[]> {
  const rows = await findReleases(ex, and(publishedNow(), eq(statRelease.formCode, formCode)));
  const byYear = new Map<number, ReleaseWithYear>();
  for (const r of rows) if (!byYear.has(r.year)) byYear.set(r.year, r);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** A published time series of one cell: the latest published release of each year, nationally or for a province. */
export async function publicSeries(ex: Executor, q: StatSeriesQuery): Promise<StatSeries> {
  const points: StatSeries['points'] = [];
  for (const r of await latestPublishedPerYear(ex, q.formCode)) {
    const data = r.release.data as ReleaseData;
    const area = q.area ? data.province.areas.find((a) => a.unit?.code === q.area) : data.national.areas[0];
    const c = area?.cells.find((x) => x.row === q.row && x.column === q.column);
    if (!c) continue;
    points.push({ year: r.year, releaseId: r.release.id, value: c.value, missing: c.missing, suppressed: c.suppressed });
  }
  return { formCode: q.formCode, row: q.row, column: q.column, area: q.area ?? null, points };
}

/** The indicator catalog with each indicator's latest published national value (or why there is none). */
export async function publicIndicators(ex: Executor): Promise<StatIndicatorFigures> {
  const latestByForm = new Map<string, ReleaseWithYear | undefined>();
  const items: StatIndicatorFigures['items'] = [];
  for (const ind of INDICATORS) {
    const s = ind.source;
    const base = { code: ind.code, nameVi: ind.nameVi, nameEn: ind.nameEn, unitVi: ind.unitVi, unitEn: ind.unitEn };
    if (s.kind === 'not_collected' || s.kind === 'registry') {
      items.push({ ...base, year: null, releaseId: null, value: null, incomplete: false, reason: s.kind, noteVi: s.kind === 'not_collected' ? s.noteVi : null, noteEn: s.kind === 'not_collected' ? s.noteEn : null });
      continue;
    }
    // the newest published release of the form (newest year, then newest release): one row, not every year's snapshot
    if (!latestByForm.has(s.formCode)) latestByForm.set(s.formCode, (await findReleases(ex, and(publishedNow(), eq(statRelease.formCode, s.formCode)), 1))[0]);
    const release = latestByForm.get(s.formCode);
    const area = (release?.release.data as ReleaseData | undefined)?.national.areas[0];
    const cells = new Map<string, AggregateCell>(
      (area?.cells ?? []).map((c) => [cellKey(c.row, c.column), { value: c.value, reporting: c.reporting, missing: c.missing, hasConfidential: c.suppressed !== null }]),
    );
    const v = indicatorValue(ind, new Map([[s.formCode, cells]]));
    items.push({
      ...base,
      year: release?.year ?? null,
      releaseId: release?.release.id ?? null,
      value: v.value,
      incomplete: v.value !== null && v.incomplete,
      reason: v.value === null ? v.reason : null,
      noteVi: null,
      noteEn: null,
    });
  }
  return { items };
}

// ---------------------------------------------------------------------------------------------------------------
// exports

const SYMBOL_NOTE_VI = 'Ký hiệu: "c" ô được giữ kín (quá ít đơn vị báo cáo); ".." không có số liệu. Số liệu tổng hợp từ các báo cáo đã được duyệt.';
const SYMBOL_NOTE_EN = 'Symbols: "c" withheld cell (too few reporting units); ".." no data. Aggregated from approved reports.';

/** One observation of the flat export. */
interface FlatRow {
  area: string;
  areaName: string;
  row: string;
  column: string;
  value: number | null;
  reporting: number;
  missing: number;
  status: 'value' | 'missing' | 'confidential';
}

function flatRows(d: StatReleaseDetail): FlatRow[] {
  const out: FlatRow[] = [];
  const areas = [
    ...d.national.areas.map((a) => ({ code: 'VN', name: 'Toàn quốc', a })),
    ...d.province.areas.map((a) => ({ code: a.unit?.code ?? '', name: a.unit?.nameVi ?? '', a })),
  ];
  for (const { code, name, a } of areas) {
    for (const c of a.cells) {
      out.push({ area: code, areaName: name, row: c.row, column: c.column, value: c.value, reporting: c.reporting, missing: c.missing, status: c.suppressed ? 'confidential' : c.value === null ? 'missing' : 'value' });
    }
  }
  return out;
}

/** The release as a flat CSV (UTF-8 with BOM for spreadsheet programs): one line per area and cell, with labels. */
export function releaseCsv(d: StatReleaseDetail): { fileName: string; csv: string } {
  const rows = new Map(d.form.rows.map((r) => [r.code, r]));
  const cols = new Map(d.form.columns.map((c) => [c.code, c]));
  const lines = [
    csvLine(['YEAR', 'FORM', 'FORM_VERSION', 'REF_AREA', 'REF_AREA_NAME', 'ROW', 'ROW_LABEL_VI', 'ROW_LABEL_EN', 'COLUMN', 'COLUMN_LABEL_VI', 'COLUMN_LABEL_EN', 'UNIT_MEASURE', 'OBS_VALUE', 'STATUS', 'REPORTING_UNITS', 'MISSING_UNITS']),
  ];
  for (const f of flatRows(d)) {
    const r = rows.get(f.row);
    const c = cols.get(f.column);
    lines.push(csvLine([d.year, d.formCode, d.formVersion, f.area, f.areaName, f.row, r?.labelVi, r?.labelEn, f.column, c?.labelVi, c?.labelEn, c?.unit, f.value, f.status, f.reporting, f.missing]));
  }
  return { fileName: `${d.dataflow}_${d.year}.csv`, csv: `\uFEFF${lines.join('\r\n')}\r\n` };
}

/** The release as SDMX-CSV 1.0 (national and province series). */
export function releaseSdmx(d: StatReleaseDetail): { fileName: string; csv: string } {
  const national = aggregateToSdmxCsv(d.form, d.national);
  const province = aggregateToSdmxCsv(d.form, d.province);
  const provinceBody = province.split('\n').slice(1).join('\n');
  return { fileName: `${d.dataflow}_${d.year}.sdmx.csv`, csv: national.endsWith('\n') ? national + provinceBody : `${national}\n${provinceBody}` };
}

/** The release as XLSX: the national table in the form's layout, the provinces as a flat table, and the notes. */
export async function releaseXlsx(d: StatReleaseDetail): Promise<{ fileName: string; content: Buffer }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'stinet';
  const shown = (c: { value: number | null; suppressed: string | null }) => (c.suppressed ? 'c' : c.value === null ? '..' : c.value);
  const nat = wb.addWorksheet('Toan quoc');
  nat.addRow([d.titleVi]).font = { bold: true, size: 13 };
  nat.addRow([d.titleEn]);
  nat.addRow([`Biểu ${d.formCode} (${d.formVersion}) · năm ${d.year} · ${d.reports}/${d.assigned} báo cáo · công bố ${d.embargoUntil}`]);
  nat.addRow([]);
  const header = nat.addRow(['Mã', 'Chỉ tiêu / Item', ...d.form.columns.map((c) => `${c.labelVi} / ${c.labelEn}`)]);
  header.font = { bold: true };
  const byKey = new Map((d.national.areas[0]?.cells ?? []).map((c) => [cellKey(c.row, c.column), c]));
  for (const r of d.form.rows) {
    nat.addRow([r.code, `${r.labelVi} / ${r.labelEn}`, ...d.form.columns.map((c) => {
      const x = byKey.get(cellKey(r.code, c.code));
      return x ? shown(x) : '..';
    })]);
  }
  nat.getColumn(2).width = 60;
  nat.addRow([]);
  nat.addRow([SYMBOL_NOTE_VI]);
  nat.addRow([SYMBOL_NOTE_EN]);
  const prov = wb.addWorksheet('Theo tinh');
  prov.addRow(['Mã tỉnh', 'Tỉnh, thành phố', 'Mã dòng', 'Mã cột', 'Giá trị', 'Số đơn vị báo cáo', 'Số đơn vị thiếu']).font = { bold: true };
  for (const f of flatRows(d).filter((x) => x.area !== 'VN')) prov.addRow([f.area, f.areaName, f.row, f.column, f.status === 'confidential' ? 'c' : (f.value ?? '..'), f.reporting, f.missing]);
  const notes = wb.addWorksheet('Ghi chu');
  for (const line of [d.titleVi, d.titleEn, d.noteVi ?? '', d.noteEn ?? '', SYMBOL_NOTE_VI, SYMBOL_NOTE_EN, d.suppressBelow ? `Ngưỡng giữ kín / suppression threshold: ${d.suppressBelow}` : '']) if (line) notes.addRow([line]);
  return { fileName: `${d.dataflow}_${d.year}.xlsx`, content: Buffer.from(await wb.xlsx.writeBuffer()) };
}
