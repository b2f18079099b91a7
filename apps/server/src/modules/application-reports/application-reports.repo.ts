import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { APPLICATION_REPORT_FORMS, APPLICATION_REPORT_OPENS_DAYS_BEFORE, APPLICATION_REPORT_YEARS, type ApplicationReportStatus, type ApplicationStatus, type ApplicationWorkCategory } from '@stinet/shared';
import { applicationReport, storedFile, task } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import { containsFolded, escapeLike, queryRows } from '../../lib/sql.js';

/** A report row. */
export type ApplicationReportRow = typeof applicationReport.$inferSelect;

/** One report. */
export async function findReportById(ex: Executor, id: string): Promise<ApplicationReportRow | undefined> {
  return (await ex.select().from(applicationReport).where(eq(applicationReport.id, id)).limit(1))[0];
}

/** The reports of a task, by year. */
export async function findReportsByTask(ex: Executor, taskId: string): Promise<ApplicationReportRow[]> {
  return ex.select().from(applicationReport).where(eq(applicationReport.taskId, taskId)).orderBy(asc(applicationReport.yearIndex));
}

/** The report of a task for one year, if started. */
export async function findReportByTaskYear(ex: Executor, taskId: string, yearIndex: number): Promise<ApplicationReportRow | undefined> {
  return (await ex.select().from(applicationReport).where(and(eq(applicationReport.taskId, taskId), eq(applicationReport.yearIndex, yearIndex))).limit(1))[0];
}

/** Inserts a report. */
export async function insertReport(ex: Executor, values: typeof applicationReport.$inferInsert): Promise<ApplicationReportRow> {
  return (await ex.insert(applicationReport).values(values).returning())[0] as ApplicationReportRow;
}

/** Updates a report if its version still matches; undefined on a concurrent change. */
export async function updateReportVersioned(
  ex: Executor,
  id: string,
  expectedVersion: number,
  values: Partial<typeof applicationReport.$inferInsert>,
): Promise<ApplicationReportRow | undefined> {
  const rows = await ex
    .update(applicationReport)
    .set({ ...values, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(applicationReport.id, id), eq(applicationReport.version, expectedVersion)))
    .returning();
  return rows[0];
}

/** The name and size of an attached file. */
export async function findFileRef(ex: Executor, id: string): Promise<{ id: string; originalName: string; size: number; organizationId: string } | undefined> {
  return (
    await ex
      .select({ id: storedFile.id, originalName: storedFile.originalName, size: storedFile.size, organizationId: storedFile.organizationId })
      .from(storedFile)
      .where(eq(storedFile.id, id))
      .limit(1)
  )[0];
}

/** Which tasks a list covers: those registered at some units, or led by one organization (undefined: all). */
export interface TaskScope {
  managingUnitIds?: string[] | undefined;
  leadOrganizationId?: string | undefined;
}

function scopeSql(scope: TaskScope): SQL {
  const conds: SQL[] = [sql`TRUE`];
  if (scope.managingUnitIds) conds.push(scope.managingUnitIds.length ? sql`t.managing_unit_id IN ${scope.managingUnitIds}` : sql`FALSE`);
  if (scope.leadOrganizationId) conds.push(sql`t.lead_organization_id = ${scope.leadOrganizationId}`);
  return sql.join(conds, sql` AND `);
}

const FORMS = [...APPLICATION_REPORT_FORMS];

/** A slot of the work list as read from the database. */
export interface WorkSlotRow extends Record<string, unknown> {
  task_id: string;
  code: string;
  title_vi: string;
  lead_organization_id: string;
  managing_unit_id: string;
  year_index: number;
  due_date: string;
  report_id: string | null;
  status: ApplicationReportStatus | null;
  first_submitted_at: string | null;
  category: ApplicationWorkCategory;
}

/**
 * The slots (task × year 1..5) needing action as of a date: `dueSoon` (window open, not sent), `overdue` (due date
 * passed, not sent), `awaitingReview` (submitted), `returned`. The due date is T1 + k×12 months, computed in SQL the
 * same way as applicationReportDueDate (PostgreSQL clamps the day to the end of the month).
 */
function workCte(scope: TaskScope, asOf: string, q: string | undefined): SQL {
  const search = q ? sql`AND (lower(immutable_unaccent(t.title_vi)) LIKE lower(immutable_unaccent(${`%${escapeLike(q)}%`})) OR t.code = ${q})` : sql``;
  return sql`
    WITH slots AS (
      SELECT t.id AS task_id, t.code, t.title_vi, t.lead_organization_id, t.managing_unit_id, k.year_index,
             (t.accepted_on + make_interval(months => 12 * k.year_index))::date AS due_date,
             r.id AS report_id, r.status, r.first_submitted_at
      FROM task t
      CROSS JOIN generate_series(1, ${sql.raw(String(APPLICATION_REPORT_YEARS))}) AS k(year_index)
      LEFT JOIN application_report r ON r.task_id = t.id AND r.year_index = k.year_index
      WHERE t.accepted_on IS NOT NULL AND t.form_code IN ${FORMS} AND ${scopeSql(scope)} ${search}
    ), work AS (
      SELECT slots.*, CASE
          WHEN status = 'submitted' THEN 'awaitingReview'
          WHEN status = 'returned' THEN 'returned'
          WHEN due_date < ${asOf}::date THEN 'overdue'
          WHEN due_date - ${sql.raw(String(APPLICATION_REPORT_OPENS_DAYS_BEFORE))} <= ${asOf}::date THEN 'dueSoon'
        END AS category
      FROM slots
      WHERE status IS NULL OR status <> 'accepted'
    )`;
}

/** Counts of the work list per group. */
export async function countWork(ex: Executor, scope: TaskScope, asOf: string, q: string | undefined): Promise<Record<ApplicationWorkCategory, number>> {
  const rows = await queryRows<{ category: ApplicationWorkCategory; n: number }>(
    ex,
    sql`${workCte(scope, asOf, q)} SELECT category, count(*)::int AS n FROM work WHERE category IS NOT NULL GROUP BY category`,
  );
  const counts: Record<ApplicationWorkCategory, number> = { dueSoon: 0, overdue: 0, awaitingReview: 0, returned: 0 };
  for (const r of rows) counts[r.category] = r.n;
  return counts;
}

/** A page of the work list (all groups, or one), earliest due date first. */
export async function findWork(
  ex: Executor,
  scope: TaskScope,
  asOf: string,
  f: { q?: string | undefined; category?: ApplicationWorkCategory | undefined },
  page: number,
  pageSize: number,
): Promise<WorkSlotRow[]> {
  const category = f.category ? sql`category = ${f.category}` : sql`category IS NOT NULL`;
  return queryRows<WorkSlotRow>(
    ex,
    sql`${workCte(scope, asOf, f.q)}
      SELECT task_id, code, title_vi, lead_organization_id, managing_unit_id, year_index, due_date::text AS due_date,
             report_id, status, first_submitted_at::text AS first_submitted_at, category
      FROM work WHERE ${category}
      ORDER BY due_date, code, year_index
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
}

/** Every slot (any scope) not yet sent whose window is open or whose due date has passed, for the reminder sweep. */
export async function findUnsentSlots(ex: Executor, asOf: string): Promise<WorkSlotRow[]> {
  return queryRows<WorkSlotRow>(
    ex,
    sql`${workCte({}, asOf, undefined)}
      SELECT task_id, code, title_vi, lead_organization_id, managing_unit_id, year_index, due_date::text AS due_date,
             report_id, status, first_submitted_at::text AS first_submitted_at, category
      FROM work WHERE category IN ('dueSoon', 'overdue')
      ORDER BY due_date, code, year_index`,
  );
}

/** A task that owed a report in a year, with the report if any. */
export interface SummarySlotRow extends Record<string, unknown> {
  task_id: string;
  code: string;
  title_vi: string;
  form_code: string;
  lead_organization_id: string;
  accepted_on: string;
  year_index: number;
  due_date: string;
  report_id: string | null;
  status: ApplicationReportStatus | null;
  first_submitted_at: Date | string | null;
  application_status: ApplicationStatus | null;
  places_applied: string | null;
  revenue: string | number | null;
  transfer_contracts: number | null;
  transfer_value: string | number | null;
}

/** The tasks registered at the units whose report fell due in `year` (k = year − year of T1, 1..5). */
export async function findSummarySlots(ex: Executor, managingUnitIds: string[], year: number): Promise<SummarySlotRow[]> {
  if (managingUnitIds.length === 0) return [];
  return queryRows<SummarySlotRow>(
    ex,
    sql`
      WITH owed AS (
        SELECT t.*, (${year}::int - extract(year FROM t.accepted_on)::int) AS k
        FROM task t
        WHERE t.accepted_on IS NOT NULL AND t.form_code IN ${FORMS} AND t.managing_unit_id IN ${managingUnitIds}
      )
      SELECT o.id AS task_id, o.code, o.title_vi, o.form_code, o.lead_organization_id, o.accepted_on::text AS accepted_on, o.k AS year_index,
             (o.accepted_on + make_interval(months => 12 * o.k))::date::text AS due_date,
             r.id AS report_id, r.status, r.first_submitted_at, r.application_status, r.places_applied, r.revenue,
             r.transfer_contracts, r.transfer_value
      FROM owed o
      LEFT JOIN application_report r ON r.task_id = o.id AND r.year_index = o.k
      WHERE o.k BETWEEN 1 AND ${sql.raw(String(APPLICATION_REPORT_YEARS))}
      ORDER BY due_date, o.code`,
  );
}

/** Filters of the public list. */
export interface PublicReportFilter {
  q?: string | undefined;
  leadOrganizationId?: string | undefined;
  applicationStatus?: ApplicationStatus | undefined;
  year?: number | undefined;
}

/** The columns of an accepted report the public list reads (never the restricted ones). */
export interface PublicReportRow {
  id: string;
  taskId: string;
  code: string;
  titleVi: string;
  acceptedOn: string | null;
  leadOrganizationId: string;
  yearIndex: number;
  applicationStatus: ApplicationStatus;
  placesApplied: string | null;
  scale: string | null;
  economicEffect: string | null;
  socialEffect: string | null;
  acceptedAt: Date | null;
}

/** A page of accepted reports, newest acceptance first. */
export async function findAcceptedReports(ex: Executor, f: PublicReportFilter, page: number, pageSize: number): Promise<{ rows: PublicReportRow[]; total: number }> {
  const conds: SQL[] = [eq(applicationReport.status, 'accepted')];
  if (f.q) conds.push(sql`(${containsFolded(task.titleVi, f.q)} OR ${task.code} = ${f.q})`);
  if (f.leadOrganizationId) conds.push(eq(task.leadOrganizationId, f.leadOrganizationId));
  if (f.applicationStatus) conds.push(eq(applicationReport.applicationStatus, f.applicationStatus));
  if (f.year) conds.push(sql`extract(year FROM ${task.acceptedOn})::int + ${applicationReport.yearIndex} = ${f.year}`);
  const where = and(...conds);
  const rows = await ex
    .select({
      id: applicationReport.id,
      taskId: task.id,
      code: task.code,
      titleVi: task.titleVi,
      acceptedOn: task.acceptedOn,
      leadOrganizationId: task.leadOrganizationId,
      yearIndex: applicationReport.yearIndex,
      applicationStatus: applicationReport.applicationStatus,
      placesApplied: applicationReport.placesApplied,
      scale: applicationReport.scale,
      economicEffect: applicationReport.economicEffect,
      socialEffect: applicationReport.socialEffect,
      acceptedAt: applicationReport.acceptedAt,
    })
    .from(applicationReport)
    .innerJoin(task, eq(task.id, applicationReport.taskId))
    .where(where)
    .orderBy(desc(applicationReport.acceptedAt), desc(applicationReport.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = await ex.select({ n: count() }).from(applicationReport).innerJoin(task, eq(task.id, applicationReport.taskId)).where(where);
  return { rows, total: Number(total[0]?.n ?? 0) };
}
