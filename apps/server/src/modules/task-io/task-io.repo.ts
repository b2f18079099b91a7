import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import { classificationCode, orgUnit, organization, researcher, task, taskImport, taskMember } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import { queryRows } from '../../lib/sql.js';
import { taskFilterWhere, type TaskFilter, type TaskMemberRow, type TaskRow } from '../tasks/tasks.repo.js';

/** A task_import row. */
export type TaskImportRow = typeof taskImport.$inferSelect;

/** One stored problem of an import (the message in both languages). */
export interface StoredImportError {
  row: number;
  column: string;
  code: string;
  messageVi: string;
  messageEn: string;
}

/** Values are looked up in slices of this many (well under PostgreSQL's parameter limit). */
const LOOKUP_SLICE = 5000;

function slices<T>(items: readonly T[], size = LOOKUP_SLICE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Creates an import in state validating. */
export async function insertImport(ex: Executor, values: { format: TaskImportRow['format']; fileName: string; createdBy: string }): Promise<TaskImportRow> {
  return (await ex.insert(taskImport).values({ ...values, status: 'validating' }).returning())[0] as TaskImportRow;
}

/** Updates an import's state and counters. */
export async function updateImport(
  ex: Executor,
  id: string,
  values: Partial<Pick<TaskImportRow, 'status' | 'totalRows' | 'processedRows' | 'importedRows' | 'finishedAt'>> & { errors?: StoredImportError[] },
): Promise<TaskImportRow | undefined> {
  return (await ex.update(taskImport).set(values).where(eq(taskImport.id, id)).returning())[0];
}

/**
 * Marks imports left validating or importing by a stopped process as failed (nothing of them was written: the write
 * is one transaction). Returns how many. Call at start, before serving.
 */
export async function failInterruptedImports(ex: Executor): Promise<number> {
  const error: StoredImportError = {
    row: 0,
    column: '',
    code: 'IMPORT_INTERRUPTED',
    messageVi: 'Việc nhập bị gián đoạn do máy chủ khởi động lại; chưa có dòng nào được nhập. Hãy tải tệp lên lại.',
    messageEn: 'The import was interrupted by a server restart; nothing was imported. Upload the file again.',
  };
  const rows = await ex
    .update(taskImport)
    .set({ status: 'failed', finishedAt: new Date(), importedRows: 0, errors: [error] })
    .where(inArray(taskImport.status, ['validating', 'importing']))
    .returning({ id: taskImport.id });
  return rows.length;
}

/** One import. */
export async function findImport(ex: Executor, id: string): Promise<TaskImportRow | undefined> {
  return (await ex.select().from(taskImport).where(eq(taskImport.id, id)).limit(1))[0];
}

/** Every org unit (a few hundred rows: current and past versions). */
export async function findAllUnits(ex: Executor) {
  return ex.select().from(orgUnit);
}

/** The codes of the given code lists, as sets by scheme. */
export async function findCodeSets(ex: Executor, schemes: string[]): Promise<Map<string, Set<string>>> {
  const rows = await ex.select({ scheme: classificationCode.schemeCode, code: classificationCode.code }).from(classificationCode).where(inArray(classificationCode.schemeCode, schemes));
  const sets = new Map<string, Set<string>>(schemes.map((s) => [s, new Set<string>()]));
  for (const r of rows) sets.get(r.scheme)?.add(r.code);
  return sets;
}

const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/i;

/** Organizations whose code, tax code or id is one of the keys (upper case): key → id. */
export async function findOrganizationsByKeys(ex: Executor, keys: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of slices([...new Set(keys)])) {
    const ids = part.filter((k) => UUID.test(k)).map((k) => k.toLowerCase());
    const rows = await ex
      .select({ id: organization.id, code: organization.code, taxCode: organization.taxCode })
      .from(organization)
      .where(or(inArray(organization.code, part), inArray(organization.taxCode, part), ...(ids.length ? [inArray(organization.id, ids)] : [])));
    for (const r of rows) {
      out.set(r.code.toUpperCase(), r.id);
      if (r.taxCode) out.set(r.taxCode.toUpperCase(), r.id);
      out.set(r.id.toUpperCase(), r.id);
    }
  }
  return out;
}

/** Researchers by code: code → id. */
export async function findResearchersByCodes(ex: Executor, codes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of slices([...new Set(codes)])) {
    for (const r of await ex.select({ id: researcher.id, code: researcher.code }).from(researcher).where(inArray(researcher.code, part))) out.set(r.code.toUpperCase(), r.id);
  }
  return out;
}

/** Which of the given task codes already exist. */
export async function findExistingTaskCodes(ex: Executor, codes: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of slices([...new Set(codes)])) {
    for (const r of await ex.select({ code: task.code }).from(task).where(inArray(task.code, part))) out.add(r.code);
  }
  return out;
}

type TaskInsert = typeof task.$inferInsert;
type MemberInsert = typeof taskMember.$inferInsert;

/** Task columns written by an import: row key, column name, element type of the parameter array. */
const TASK_INSERT_COLUMNS: readonly [keyof TaskInsert, string, 'text' | 'date' | 'uuid' | 'numeric' | 'text[]'][] = [
  ['code', 'code', 'text'],
  ['titleVi', 'title_vi', 'text'],
  ['titleEn', 'title_en', 'text'],
  ['levelCode', 'level_code', 'text'],
  ['formCode', 'form_code', 'text'],
  ['programme', 'programme', 'text'],
  ['fundingType', 'funding_type', 'text'],
  ['approvalDecisionNo', 'approval_decision_no', 'text'],
  ['approvalDecisionDate', 'approval_decision_date', 'date'],
  ['contractNo', 'contract_no', 'text'],
  ['contractDate', 'contract_date', 'date'],
  ['managingUnitId', 'managing_unit_id', 'uuid'],
  ['leadOrganizationId', 'lead_organization_id', 'uuid'],
  ['piName', 'pi_name', 'text'],
  ['piResearcherId', 'pi_researcher_id', 'uuid'],
  ['fieldCodes2025', 'field_codes_2025', 'text[]'],
  ['fieldCodes2008', 'field_codes_2008', 'text[]'],
  ['seoCode', 'seo_code', 'text'],
  ['startDate', 'start_date', 'date'],
  ['endDate', 'end_date', 'date'],
  ['budgetTotal', 'budget_total', 'numeric'],
  ['budgetStateCentral', 'budget_state_central', 'numeric'],
  ['budgetStateLocal', 'budget_state_local', 'numeric'],
  ['budgetOther', 'budget_other', 'numeric'],
  ['objectives', 'objectives', 'text'],
  ['content', 'content', 'text'],
  ['methods', 'methods', 'text'],
  ['expectedProducts', 'expected_products', 'text'],
  ['applicationPlan', 'application_plan', 'text'],
];

/** A PostgreSQL array literal of texts (every element quoted). */
export function textArrayLiteral(items: readonly string[]): string {
  return `{${items.map((i) => `"${i.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * Inserts draft tasks in one statement and returns code → id. The values travel as one array parameter per column
 * (`INSERT … SELECT … FROM unnest(…)`): 29 parameters whatever the row count, far cheaper to send and parse than a
 * multi-row VALUES list. Array columns travel as array literals and are cast back per row.
 */
export async function insertTaskBatch(ex: Executor, rows: readonly TaskInsert[]): Promise<Map<string, string>> {
  if (!rows.length) return new Map();
  const params = TASK_INSERT_COLUMNS.map(([key, , type]) => {
    const values = rows.map((r) => {
      const v = r[key];
      if (type === 'text[]') return textArrayLiteral((v as string[] | undefined) ?? []);
      return v ?? null;
    });
    return sql`${sql.param(values)}::${sql.raw(type === 'text[]' ? 'text' : type)}[]`;
  });
  const aliases = TASK_INSERT_COLUMNS.map((_, i) => `c${i}`);
  const select = TASK_INSERT_COLUMNS.map(([, , type], i) => (type === 'text[]' ? `c${i}::text[]` : `c${i}`));
  const inserted = await queryRows<{ id: string; code: string }>(
    ex,
    sql`INSERT INTO task (${sql.raw(TASK_INSERT_COLUMNS.map(([, column]) => column).join(', '))}, status)
        SELECT ${sql.raw(select.join(', '))}, 'draft' FROM unnest(${sql.join(params, sql`, `)}) AS t(${sql.raw(aliases.join(', '))})
        RETURNING id, code`,
  );
  return new Map(inserted.map((r) => [r.code, r.id]));
}

/** Inserts team members in one statement (one array parameter per column). */
export async function insertMemberBatch(ex: Executor, rows: readonly MemberInsert[]): Promise<void> {
  if (!rows.length) return;
  await ex.execute(sql`INSERT INTO task_member (task_id, position, full_name, researcher_id, role)
    SELECT * FROM unnest(${sql.param(rows.map((r) => r.taskId))}::uuid[], ${sql.param(rows.map((r) => r.position))}::int[], ${sql.param(rows.map((r) => r.fullName))}::text[],
      ${sql.param(rows.map((r) => r.researcherId ?? null))}::uuid[], ${sql.param(rows.map((r) => r.role ?? 'member'))}::text[])`);
}

/** The next page of tasks matching a filter in code order, after `afterCode` (keyset paging for exports). */
export async function findTasksAfter(ex: Executor, f: TaskFilter, afterCode: string | null, limit: number): Promise<TaskRow[]> {
  const conds: (SQL | undefined)[] = [taskFilterWhere(f)];
  if (afterCode !== null) conds.push(gt(task.code, afterCode));
  return ex.select().from(task).where(and(...conds)).orderBy(asc(task.code)).limit(limit);
}

/** The members of several tasks, by task in order. */
export async function findMembersOf(ex: Executor, taskIds: string[]): Promise<Map<string, TaskMemberRow[]>> {
  const out = new Map<string, TaskMemberRow[]>();
  if (!taskIds.length) return out;
  const rows = await ex.select().from(taskMember).where(inArray(taskMember.taskId, taskIds)).orderBy(asc(taskMember.taskId), asc(taskMember.position));
  for (const r of rows) {
    const list = out.get(r.taskId) ?? [];
    list.push(r);
    out.set(r.taskId, list);
  }
  return out;
}

/** Organization code, tax code and name by id. */
export async function findOrganizationCodes(ex: Executor, ids: string[]): Promise<Map<string, { code: string; nameVi: string }>> {
  if (!ids.length) return new Map();
  const rows = await ex.select({ id: organization.id, code: organization.code, nameVi: organization.nameVi }).from(organization).where(inArray(organization.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { code: r.code, nameVi: r.nameVi }]));
}

/** Researcher codes by id. */
export async function findResearcherCodes(ex: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await ex.select({ id: researcher.id, code: researcher.code }).from(researcher).where(inArray(researcher.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.code]));
}
