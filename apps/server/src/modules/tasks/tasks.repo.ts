import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { resultRegistration, task, taskChange, taskMember, taskRevision } from '../../db/schema.js';
import { TASK_CHANGEABLE_FIELDS, type ParsedListQuery } from '@stinet/shared';
import { runGrammarList, type GrammarResult, type GrammarTable } from '../../lib/list-grammar-sql.js';
import type { Executor } from '../../db/types.js';
import { containsFolded, listOrder, type ListSort } from '../../lib/sql.js';

/** Row types. */
export type TaskRow = typeof task.$inferSelect;
export type TaskMemberRow = typeof taskMember.$inferSelect;

/** Filters of task lists. */
export interface TaskFilter {
  q?: string | undefined;
  statuses?: TaskRow['status'][] | undefined;
  managingUnitIds?: string[] | undefined;
  /** With `managingUnitIds`: also every state-budget task (what national staff see). */
  alsoStateBudget?: boolean | undefined;
  leadOrganizationId?: string | undefined;
  fieldCode?: string | undefined;
}

/** The SQL condition of a task filter (shared by the paged lists and the exports). */
export function taskFilterWhere(f: TaskFilter): SQL | undefined {
  return where(f);
}

function where(f: TaskFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.q) conds.push(sql`(${containsFolded(task.titleVi, f.q)} OR ${task.code} = ${f.q})`);
  if (f.statuses) conds.push(inArray(task.status, f.statuses));
  if (f.managingUnitIds) conds.push(f.alsoStateBudget ? sql`(${inArray(task.managingUnitId, f.managingUnitIds)} OR ${task.fundingType} = 'NSNN')` : inArray(task.managingUnitId, f.managingUnitIds));
  if (f.leadOrganizationId) conds.push(eq(task.leadOrganizationId, f.leadOrganizationId));
  if (f.fieldCode) conds.push(sql`EXISTS (SELECT 1 FROM unnest(${task.fieldCodes2025}) AS f(code) WHERE f.code LIKE ${`${f.fieldCode}%`})`);
  return conds.length ? and(...conds) : undefined;
}

/** The grammar of the public task list: public fields only (TT 14/2014 Art 23(2) and the registry codes). */
export const TASK_GRAMMAR: GrammarTable = {
  columns: {
    level: { kind: 'string', sql: sql`${task.levelCode}` },
    form: { kind: 'string', sql: sql`${task.formCode}` },
    field: { kind: 'string', sql: sql`${task.fieldCodes2025}`, array: true, prefix: true },
    lead_organization: { kind: 'string', sql: sql`${task.leadOrganizationId}`, uuid: true },
    managing_unit: { kind: 'string', sql: sql`${task.managingUnitId}`, uuid: true },
    start_year: { kind: 'number', sql: sql`extract(year from ${task.startDate})::int` },
    start_date: { kind: 'date', sql: sql`${task.startDate}` },
    end_date: { kind: 'date', sql: sql`${task.endDate}` },
  },
  sorts: {
    name: [
      { expr: sql`lower(immutable_unaccent(${task.titleVi}))`, type: 'text' },
      { expr: sql`${task.titleVi} COLLATE "C"`, type: 'text' },
    ],
    updated: [{ expr: sql`${task.updatedAt}`, type: 'timestamptz' }],
    code: [{ expr: sql`${task.code}`, type: 'text' }],
    start_date: [{ expr: sql`${task.startDate}`, type: 'date' }],
    end_date: [{ expr: sql`${task.endDate}`, type: 'date' }],
  },
  selects: ['code', 'titleVi', 'leadOrganization', 'piName', 'objectives', 'content', 'fieldCodes2025', 'methods', 'expectedProducts', 'startDate', 'endDate', 'publishedAt'],
  groups: ['level', 'form', 'field', 'lead_organization', 'start_year'],
  id: sql`${task.id}`,
};

/** A page (or groups) of tasks with the list grammar. */
export function findTasksGrammar(ex: Executor, f: TaskFilter, q: ParsedListQuery, page: number, pageSize: number): Promise<GrammarResult<TaskRow>> {
  return runGrammarList<TaskRow>(ex, { from: task }, [where(f)], TASK_GRAMMAR, q, [{ field: 'updated', desc: true }], page, pageSize);
}

/** A page of tasks and the total. */
export async function findTasks(ex: Executor, f: TaskFilter, sort: ListSort, page: number, pageSize: number): Promise<{ rows: TaskRow[]; total: number }> {
  const cond = where(f);
  const order = listOrder(sort, { name: task.titleVi, updatedAt: task.updatedAt, code: task.code, id: task.id });
  const rows = await ex.select().from(task).where(cond).orderBy(...order).limit(pageSize).offset((page - 1) * pageSize);
  const total = await ex.select({ n: count() }).from(task).where(cond);
  return { rows, total: Number(total[0]?.n ?? 0) };
}

/** One task. */
export async function findTaskById(ex: Executor, id: string): Promise<TaskRow | undefined> {
  return (await ex.select().from(task).where(eq(task.id, id)).limit(1))[0];
}

/** The members of a task in order. */
export async function findMembers(ex: Executor, taskId: string): Promise<TaskMemberRow[]> {
  return ex.select().from(taskMember).where(eq(taskMember.taskId, taskId)).orderBy(asc(taskMember.position));
}

/** Replaces the member list of a task. */
export async function replaceMembers(ex: Executor, taskId: string, members: { fullName: string; researcherId?: string | null | undefined; role: 'member' | 'secretary' }[]): Promise<void> {
  await ex.delete(taskMember).where(eq(taskMember.taskId, taskId));
  if (members.length) {
    await ex.insert(taskMember).values(members.map((m, i) => ({ taskId, position: i + 1, fullName: m.fullName, researcherId: m.researcherId ?? null, role: m.role })));
  }
}

/** Inserts a task. */
export async function insertTask(ex: Executor, values: typeof task.$inferInsert): Promise<TaskRow> {
  return (await ex.insert(task).values(values).returning())[0] as TaskRow;
}

/** Updates a task if its version still matches; undefined on a concurrent change. */
export async function updateTaskVersioned(ex: Executor, id: string, expectedVersion: number, values: Partial<typeof task.$inferInsert>): Promise<TaskRow | undefined> {
  const rows = await ex
    .update(task)
    .set({ ...values, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(task.id, id), eq(task.version, expectedVersion)))
    .returning();
  return rows[0];
}

/** The status of a task's registration dossier, if it has one. */
export async function findRegistrationStatus(ex: Executor, taskId: string): Promise<(typeof resultRegistration.$inferSelect)['status'] | undefined> {
  return (await ex.select({ status: resultRegistration.status }).from(resultRegistration).where(eq(resultRegistration.taskId, taskId)).limit(1))[0]?.status;
}

/** The changeable fields of a task (and its team) as a plain record: what revisions store and diffs compare. */
export function taskSnapshot(row: TaskRow, members: Pick<TaskMemberRow, 'fullName' | 'researcherId' | 'role'>[]): Record<string, unknown> {
  const snap: Record<string, unknown> = {};
  const rec = row as unknown as Record<string, unknown>;
  for (const k of TASK_CHANGEABLE_FIELDS) snap[k] = k === 'members' ? members.map((m) => ({ fullName: m.fullName, researcherId: m.researcherId, role: m.role })) : (rec[k] ?? null);
  return snap;
}

/** Row type of a revision. */
export type TaskRevisionRow = typeof taskRevision.$inferSelect;

/** Stores a revision. */
export async function insertRevision(ex: Executor, values: typeof taskRevision.$inferInsert): Promise<TaskRevisionRow> {
  return (await ex.insert(taskRevision).values(values).returning())[0] as TaskRevisionRow;
}

/** The revisions of a task, oldest first. */
export async function findRevisions(ex: Executor, taskId: string): Promise<TaskRevisionRow[]> {
  return ex.select().from(taskRevision).where(eq(taskRevision.taskId, taskId)).orderBy(asc(taskRevision.revision));
}

/** An accepted task and its dossier (if any) as the board reads them. */
export interface BoardRegistrationRow {
  taskId: string;
  code: string;
  titleVi: string;
  leadOrganizationId: string;
  acceptedOn: string;
  registrationId: string | null;
  registrationStatus: 'draft' | 'submitted' | 'returned' | null;
  firstSubmittedAt: Date | null;
}

/** The board's lifecycle lists in a scope: accepted tasks with no sent dossier, dossiers awaiting review, changes awaiting review. */
export async function findBoardLifecycle(ex: Executor, scope: { managingUnitIds?: string[] | undefined; leadOrganizationId?: string | undefined }, limit: number) {
  const inScope: SQL[] = [];
  if (scope.managingUnitIds) inScope.push(inArray(task.managingUnitId, scope.managingUnitIds));
  if (scope.leadOrganizationId) inScope.push(eq(task.leadOrganizationId, scope.leadOrganizationId));
  const reg = {
    taskId: task.id,
    code: task.code,
    titleVi: task.titleVi,
    leadOrganizationId: task.leadOrganizationId,
    acceptedOn: sql<string>`${task.acceptedOn}::text`,
    registrationId: resultRegistration.id,
    registrationStatus: resultRegistration.status,
    firstSubmittedAt: resultRegistration.firstSubmittedAt,
  };
  const base = () => ex.select(reg).from(task).leftJoin(resultRegistration, eq(resultRegistration.taskId, task.id));
  const registrations = await base()
    .where(and(eq(task.status, 'published'), sql`${task.acceptedOn} IS NOT NULL`, sql`${task.acceptanceRating} IS DISTINCT FROM 'fail'`, sql`(${resultRegistration.id} IS NULL OR ${resultRegistration.status} IN ('draft','returned'))`, ...inScope))
    .orderBy(asc(task.acceptedOn))
    .limit(limit);
  const dossierScope = scope.managingUnitIds ? [sql`(${inArray(task.managingUnitId, scope.managingUnitIds)} OR ${inArray(resultRegistration.authorityUnitId, scope.managingUnitIds)})`] : inScope;
  const dossiers = await base()
    .where(and(eq(resultRegistration.status, 'submitted'), ...dossierScope))
    .orderBy(asc(task.acceptedOn))
    .limit(limit);
  const changes = await ex
    .select({ changeId: taskChange.id, taskId: task.id, code: task.code, titleVi: task.titleVi, decisionNo: taskChange.decisionNo, decisionDate: taskChange.decisionDate, submittedAt: taskChange.submittedAt })
    .from(taskChange)
    .innerJoin(task, eq(task.id, taskChange.taskId))
    .where(and(eq(taskChange.status, 'submitted'), ...inScope))
    .orderBy(asc(taskChange.submittedAt))
    .limit(limit);
  return { registrations: registrations as BoardRegistrationRow[], dossiers: dossiers as BoardRegistrationRow[], changes };
}
