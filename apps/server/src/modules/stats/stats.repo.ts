import { FormDefinition } from '@stinet/shared';
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { organization, statCell, statForm, statPeriod, statReport } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import { containsFolded, escapeLike, queryRows } from '../../lib/sql.js';

/** A stored form definition row. */
export type StatFormRow = typeof statForm.$inferSelect;
/** A period row. */
export type StatPeriodRow = typeof statPeriod.$inferSelect;
/** A report row. */
export type StatReportRow = typeof statReport.$inferSelect;
/** A cell row. */
export type StatCellRow = typeof statCell.$inferSelect;

/** The organization fields a report needs (reference and scope). */
export interface ReportOrgRow {
  id: string;
  code: string;
  nameVi: string;
  managingUnitId: string;
  /** The province the organization is in: the area its approved reports are aggregated into. */
  provinceUnitId: string;
}

/** A report with its period and organization. */
export interface ReportJoinRow {
  report: StatReportRow;
  period: StatPeriodRow;
  org: ReportOrgRow;
}

const orgCols = { id: organization.id, code: organization.code, nameVi: organization.nameVi, managingUnitId: organization.managingUnitId, provinceUnitId: organization.provinceUnitId };

/** Parsed definitions by code, version and last update: a stored version changes only when the form files do. */
const parsedForms = new Map<string, FormDefinition>();

/** A stored form row's definition, parsed once per process (and again only after the row was updated). */
export function definitionOf(row: StatFormRow): FormDefinition {
  const key = `${row.code}|${row.version}|${row.updatedAt.getTime()}`;
  let def = parsedForms.get(key);
  if (!def) {
    def = FormDefinition.parse(row.definition);
    parsedForms.set(key, def);
  }
  return def;
}

/** Every stored form version, parsed. */
export async function findFormDefinitions(ex: Executor): Promise<FormDefinition[]> {
  return (await findForms(ex)).map(definitionOf);
}

/** Every stored form version. */
export async function findForms(ex: Executor): Promise<StatFormRow[]> {
  return ex.select().from(statForm).orderBy(asc(statForm.code), asc(statForm.validFrom));
}

/** One form version. */
export async function findForm(ex: Executor, code: string, version: string): Promise<StatFormRow | undefined> {
  return (await ex.select().from(statForm).where(and(eq(statForm.code, code), eq(statForm.version, version))).limit(1))[0];
}

/** Periods, newest first. */
export async function findPeriods(ex: Executor): Promise<StatPeriodRow[]> {
  return ex.select().from(statPeriod).orderBy(desc(statPeriod.year));
}

/** One period. */
export async function findPeriodById(ex: Executor, id: string): Promise<StatPeriodRow | undefined> {
  return (await ex.select().from(statPeriod).where(eq(statPeriod.id, id)).limit(1))[0];
}

/** Inserts a period; undefined when the year already has one. */
/** Sets a period's state (closing or reopening it); returns the updated row. */
export async function updatePeriodStatus(ex: Executor, id: string, status: StatPeriodRow['status'], closedBy: string | null): Promise<StatPeriodRow | undefined> {
  const closed = status === 'closed';
  return (
    await ex
      .update(statPeriod)
      .set({ status, closedAt: closed ? new Date() : null, closedBy: closed ? closedBy : null, updatedAt: new Date() })
      .where(eq(statPeriod.id, id))
      .returning()
  )[0];
}

export async function insertPeriod(ex: Executor, values: typeof statPeriod.$inferInsert): Promise<StatPeriodRow | undefined> {
  return (await ex.insert(statPeriod).values(values).onConflictDoNothing().returning())[0];
}

/** The organizations among `ids` (for scope checks of an assignment). */
export async function findReportOrgs(ex: Executor, ids: string[]): Promise<ReportOrgRow[]> {
  if (!ids.length) return [];
  return ex.select(orgCols).from(organization).where(inArray(organization.id, [...new Set(ids)]));
}

/** Inserts draft reports, skipping those that exist (same period, organization and form code); returns the new ones. */
export async function insertReports(ex: Executor, values: (typeof statReport.$inferInsert)[]): Promise<StatReportRow[]> {
  if (!values.length) return [];
  return ex.insert(statReport).values(values).onConflictDoNothing().returning();
}

/** The reports of a period for some organizations and form codes. */
export async function findReportsOf(ex: Executor, periodId: string, organizationIds: string[], formCodes: string[]): Promise<StatReportRow[]> {
  if (!organizationIds.length || !formCodes.length) return [];
  return ex
    .select()
    .from(statReport)
    .where(and(eq(statReport.periodId, periodId), inArray(statReport.organizationId, organizationIds), inArray(statReport.formCode, formCodes)));
}

/** One report with its period and organization. */
export async function findReportById(ex: Executor, id: string): Promise<ReportJoinRow | undefined> {
  return (
    await ex
      .select({ report: statReport, period: statPeriod, org: orgCols })
      .from(statReport)
      .innerJoin(statPeriod, eq(statPeriod.id, statReport.periodId))
      .innerJoin(organization, eq(organization.id, statReport.organizationId))
      .where(eq(statReport.id, id))
      .limit(1)
  )[0];
}

/** Which reports a list covers: those of one organization, or of organizations managed by some units (undefined: all). */
export interface ReportScope {
  organizationId?: string | undefined;
  managingUnitIds?: string[] | undefined;
}

/** Filters of the work list. */
export interface ReportFilter extends ReportScope {
  periodId?: string | undefined;
  status?: StatReportRow['status'] | undefined;
  formCode?: string | undefined;
  q?: string | undefined;
}

function reportWhere(f: ReportFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.organizationId) conds.push(eq(statReport.organizationId, f.organizationId));
  if (f.managingUnitIds) conds.push(f.managingUnitIds.length ? inArray(organization.managingUnitId, f.managingUnitIds) : sql`false`);
  if (f.periodId) conds.push(eq(statReport.periodId, f.periodId));
  if (f.status) conds.push(eq(statReport.status, f.status));
  if (f.formCode) conds.push(eq(statReport.formCode, f.formCode));
  if (f.q) conds.push(or(containsFolded(organization.nameVi, f.q), sql`${organization.code} ILIKE ${`%${escapeLike(f.q)}%`}`) as SQL);
  return conds.length ? and(...conds) : undefined;
}

/** A page of reports in scope, newest period first, then by organization name and form. */
export async function findReports(ex: Executor, f: ReportFilter, page: number, pageSize: number): Promise<{ rows: ReportJoinRow[]; total: number }> {
  const cond = reportWhere(f);
  const rows = await ex
    .select({ report: statReport, period: statPeriod, org: orgCols })
    .from(statReport)
    .innerJoin(statPeriod, eq(statPeriod.id, statReport.periodId))
    .innerJoin(organization, eq(organization.id, statReport.organizationId))
    .where(cond)
    .orderBy(desc(statPeriod.year), asc(organization.nameVi), asc(statReport.formCode), asc(statReport.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = await ex
    .select({ n: count() })
    .from(statReport)
    .innerJoin(statPeriod, eq(statPeriod.id, statReport.periodId))
    .innerJoin(organization, eq(organization.id, statReport.organizationId))
    .where(cond);
  return { rows, total: Number(total[0]?.n ?? 0) };
}

/** The report rows of a period (optionally only organizations managed by some units), with whether each has cells. */
export async function findBoardRows(ex: Executor, periodId: string, managingUnitIds: string[] | undefined): Promise<(ReportJoinRow & { hasCells: boolean })[]> {
  const conds: SQL[] = [eq(statReport.periodId, periodId)];
  if (managingUnitIds) conds.push(managingUnitIds.length ? inArray(organization.managingUnitId, managingUnitIds) : sql`false`);
  return ex
    .select({
      report: statReport,
      period: statPeriod,
      org: orgCols,
      hasCells: sql<boolean>`EXISTS (SELECT 1 FROM ${statCell} WHERE ${statCell.reportId} = ${statReport.id})`.mapWith(Boolean),
    })
    .from(statReport)
    .innerJoin(statPeriod, eq(statPeriod.id, statReport.periodId))
    .innerJoin(organization, eq(organization.id, statReport.organizationId))
    .where(and(...conds))
    .orderBy(asc(statReport.formCode), asc(organization.nameVi), asc(statReport.id));
}

/** The cells of a report. */
export async function findCells(ex: Executor, reportId: string): Promise<StatCellRow[]> {
  return ex.select().from(statCell).where(eq(statCell.reportId, reportId)).orderBy(asc(statCell.rowCode), asc(statCell.colCode));
}

/** Replaces every cell of a report (call inside the transaction that bumps the report's version). */
export async function replaceCells(ex: Executor, reportId: string, cells: Omit<StatCellRow, 'reportId'>[]): Promise<void> {
  await ex.delete(statCell).where(eq(statCell.reportId, reportId));
  if (cells.length) await ex.insert(statCell).values(cells.map((c) => ({ ...c, reportId })));
}

/** Updates a report if its version still matches; undefined on a concurrent change. */
export async function updateReportVersioned(ex: Executor, id: string, expectedVersion: number, values: Partial<typeof statReport.$inferInsert>): Promise<StatReportRow | undefined> {
  return (
    await ex
      .update(statReport)
      .set({ ...values, version: expectedVersion + 1, updatedAt: new Date() })
      .where(and(eq(statReport.id, id), eq(statReport.version, expectedVersion)))
      .returning()
  )[0];
}

/** The report of the same organization and form code in the previous year's period, if any. */
export async function findPreviousReportId(ex: Executor, organizationId: string, formCode: string, year: number): Promise<string | undefined> {
  const rows = await queryRows<{ id: string }>(
    ex,
    sql`SELECT r.id FROM stat_report r JOIN stat_period p ON p.id = r.period_id
        WHERE r.organization_id = ${organizationId} AND r.form_code = ${formCode} AND p.year = ${year - 1} LIMIT 1`,
  );
  return rows[0]?.id;
}
