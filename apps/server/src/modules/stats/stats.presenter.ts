import { cellKey, todayInVietnam, type CellIssue, type CellMap, type CellValue, type FormDefinition, type StatCell, type StatPeriod, type StatReport, type StatReportSummary, type UnitRef } from '@stinet/shared';
import type { ReportJoinRow, StatCellRow, StatPeriodRow, StatReportRow } from './stats.repo.js';

/** What the caller may do with a report. */
export interface ReportRights {
  canEdit: boolean;
  canSubmit: boolean;
  canReview: boolean;
  canAccept: boolean;
  canReopen: boolean;
}

/** The Vietnam calendar day of a timestamp. */
function vnDay(at: Date): string {
  return todayInVietnam(at);
}

/** Late: first submitted after the unit deadline, or never submitted and the deadline has passed. */
export function isStatReportLate(report: Pick<StatReportRow, 'firstSubmittedAt'>, period: Pick<StatPeriodRow, 'unitDeadline'>, today: string = todayInVietnam()): boolean {
  return (report.firstSubmittedAt ? vnDay(report.firstSubmittedAt) : today) > period.unitDeadline;
}

/** A period for the API. */
export function presentPeriod(p: StatPeriodRow): StatPeriod {
  return { id: p.id, year: p.year, unitDeadline: p.unitDeadline, provinceDeadline: p.provinceDeadline, status: p.status, closedAt: p.closedAt?.toISOString() ?? null, createdAt: p.createdAt.toISOString() };
}

/** The short form reference of a definition. */
export function presentFormRef(def: Pick<FormDefinition, 'code' | 'version' | 'titleVi' | 'titleEn'>): StatReportSummary['form'] {
  return { code: def.code, version: def.version, titleVi: def.titleVi, titleEn: def.titleEn };
}

/** A report in a work list. */
export function presentReportSummary(row: ReportJoinRow, def: FormDefinition, unit: UnitRef, today: string = todayInVietnam()): StatReportSummary {
  const r = row.report;
  return {
    id: r.id,
    period: { id: row.period.id, year: row.period.year, unitDeadline: row.period.unitDeadline },
    organization: { id: row.org.id, code: row.org.code, nameVi: row.org.nameVi },
    managingUnit: unit,
    form: presentFormRef(def),
    status: r.status,
    isLate: isStatReportLate(r, row.period, today),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    firstSubmittedAt: r.firstSubmittedAt?.toISOString() ?? null,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A stored cell as the API shows it. */
export function presentCell(c: StatCellRow): StatCell {
  return { row: c.rowCode, column: c.colCode, state: c.state, value: c.value ?? null };
}

/** Stored cells as the validation engine reads them. */
export function cellMapOf(cells: readonly StatCellRow[]): Map<string, CellValue> {
  const map = new Map<string, CellValue>();
  for (const c of cells) map.set(cellKey(c.rowCode, c.colCode), cellValueOf(c));
  return map;
}

/** One stored cell as a `CellValue`. */
export function cellValueOf(c: Pick<StatCellRow, 'state' | 'value'>): CellValue {
  if (c.state === 'value') return { state: 'value', value: c.value ?? 0 };
  if (c.state === 'not_applicable') return { state: 'not_applicable' };
  return { state: 'confidential', value: c.value ?? null };
}

/** The rows to store for a cell map (missing cells are not stored). */
export function cellRowsOf(map: CellMap): Omit<StatCellRow, 'reportId'>[] {
  const out: Omit<StatCellRow, 'reportId'>[] = [];
  for (const [key, c] of map) {
    const [rowCode = '', colCode = ''] = key.split('|');
    if (c.state === 'missing') continue;
    out.push({ rowCode, colCode, state: c.state, value: c.state === 'not_applicable' ? null : c.value });
  }
  return out;
}

/** A report in full. */
export function presentReport(row: ReportJoinRow, def: FormDefinition, unit: UnitRef, cells: readonly StatCellRow[], issues: CellIssue[], rights: ReportRights): StatReport {
  const r = row.report;
  return {
    ...presentReportSummary(row, def, unit),
    reviewComment: r.reviewComment,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    cells: cells.map(presentCell),
    issues,
    ...rights,
  };
}
