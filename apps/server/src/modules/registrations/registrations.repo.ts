import { and, asc, count, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { certificate, registrationFile, resultRegistration, storedFile, task } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import type { ParsedListQuery } from '@stinet/shared';
import { runGrammarList, type GrammarTable } from '../../lib/list-grammar-sql.js';
import { containsFolded, queryRows } from '../../lib/sql.js';

/** Row types. */
export type RegistrationRow = typeof resultRegistration.$inferSelect;
export type RegistrationFileRow = typeof registrationFile.$inferSelect;
export type CertificateRow = typeof certificate.$inferSelect;
export type StoredFileRow = typeof storedFile.$inferSelect;

/** One dossier. */
export async function findRegistrationById(ex: Executor, id: string): Promise<RegistrationRow | undefined> {
  return (await ex.select().from(resultRegistration).where(eq(resultRegistration.id, id)).limit(1))[0];
}

/** The dossier of a task, if any. */
export async function findRegistrationByTask(ex: Executor, taskId: string): Promise<RegistrationRow | undefined> {
  return (await ex.select().from(resultRegistration).where(eq(resultRegistration.taskId, taskId)).limit(1))[0];
}

/** Inserts a dossier. */
export async function insertRegistration(ex: Executor, values: typeof resultRegistration.$inferInsert): Promise<RegistrationRow> {
  return (await ex.insert(resultRegistration).values(values).returning())[0] as RegistrationRow;
}

/** Updates a dossier if its version still matches; undefined on a concurrent change. */
export async function updateRegistrationVersioned(ex: Executor, id: string, expectedVersion: number, values: Partial<typeof resultRegistration.$inferInsert>): Promise<RegistrationRow | undefined> {
  return (
    await ex
      .update(resultRegistration)
      .set({ ...values, version: expectedVersion + 1, updatedAt: new Date() })
      .where(and(eq(resultRegistration.id, id), eq(resultRegistration.version, expectedVersion)))
      .returning()
  )[0];
}

/** The documents of a dossier with their stored files, attached and detached, in attachment order. */
export async function findRegistrationFiles(ex: Executor, registrationId: string): Promise<{ link: RegistrationFileRow; file: StoredFileRow }[]> {
  const rows = await ex
    .select({ link: registrationFile, file: storedFile })
    .from(registrationFile)
    .innerJoin(storedFile, eq(storedFile.id, registrationFile.fileId))
    .where(eq(registrationFile.registrationId, registrationId))
    .orderBy(asc(registrationFile.attachedAt), asc(storedFile.originalName));
  return rows;
}

/** Attaches a file to a dossier in a role (re-attaching a detached file restores it). */
export async function attachFile(ex: Executor, values: { registrationId: string; fileId: string; role: RegistrationFileRow['role']; attachedBy: string }): Promise<void> {
  await ex
    .insert(registrationFile)
    .values(values)
    .onConflictDoUpdate({ target: [registrationFile.registrationId, registrationFile.fileId], set: { role: values.role, detachedAt: null, attachedBy: values.attachedBy, attachedAt: new Date() } });
}

/** Marks a file of a dossier as detached (it stays stored and listed). True when it was attached. */
export async function detachFile(ex: Executor, registrationId: string, fileId: string): Promise<boolean> {
  const rows = await ex
    .update(registrationFile)
    .set({ detachedAt: new Date() })
    .where(and(eq(registrationFile.registrationId, registrationId), eq(registrationFile.fileId, fileId), sql`${registrationFile.detachedAt} IS NULL`))
    .returning({ fileId: registrationFile.fileId });
  return rows.length > 0;
}

/** The certificate of a dossier, if issued. */
export async function findCertificateByRegistration(ex: Executor, registrationId: string): Promise<CertificateRow | undefined> {
  return (await ex.select().from(certificate).where(eq(certificate.registrationId, registrationId)).limit(1))[0];
}

/** Next number in an authority's yearly sequence (race-free: one row per authority and year, updated in place). */
export async function nextCertificateNo(ex: Executor, authorityUnitId: string, year: number): Promise<number> {
  const rows = await queryRows<{ last_no: number }>(ex, sql`
    INSERT INTO certificate_counter (authority_unit_id, year, last_no) VALUES (${authorityUnitId}, ${year}, 1)
    ON CONFLICT (authority_unit_id, year) DO UPDATE SET last_no = certificate_counter.last_no + 1
    RETURNING last_no`);
  return Number(rows[0]?.last_no);
}

/**
 * The one rule of a public result, the same as the OAI-PMH provider's (`oai.repo.ts`, product): a registered dossier
 * of a published task whose certificate is not revoked (a revoked registration is void: it is no longer public
 * anywhere and turns into a deleted OAI-PMH record). Every public output of results (list, record, open data,
 * sitemap counts, portal counts) uses this condition. It names the `result_registration` and `task` tables, so the
 * query must join `task` without an alias.
 */
export function publicResultCondition(): SQL {
  return sql`(${resultRegistration.status} = 'registered' AND ${task.status} = 'published'
    AND NOT EXISTS (SELECT 1 FROM ${certificate} WHERE ${certificate.registrationId} = ${resultRegistration.id} AND ${certificate.status} = 'revoked'))`;
}

/** Filters of dossier lists. */
export interface RegistrationFilter {
  statuses?: RegistrationRow['status'][] | undefined;
  /** Dossiers registering at these units, or of tasks managed by them. */
  unitIds?: string[] | undefined;
  leadOrganizationId?: string | undefined;
  q?: string | undefined;
  /** Only these registrations. */
  ids?: string[] | undefined;
  /** Only public results ({@link publicResultCondition}). */
  publicOnly?: boolean | undefined;
}

function where(f: RegistrationFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.statuses) conds.push(inArray(resultRegistration.status, f.statuses));
  if (f.unitIds) conds.push(sql`(${inArray(resultRegistration.authorityUnitId, f.unitIds)} OR ${inArray(task.managingUnitId, f.unitIds)})`);
  if (f.leadOrganizationId) conds.push(eq(task.leadOrganizationId, f.leadOrganizationId));
  if (f.ids) conds.push(inArray(resultRegistration.id, f.ids));
  if (f.publicOnly) conds.push(publicResultCondition());
  if (f.q) conds.push(sql`(${containsFolded(resultRegistration.resultTitleVi, f.q)} OR ${containsFolded(task.titleVi, f.q)} OR ${task.code} = ${f.q} OR ${resultRegistration.archiveNo} = ${f.q})`);
  return conds.length ? and(...conds) : undefined;
}

/** The grammar of the public result list (public results, {@link publicResultCondition}; public fields only). */
export const RESULT_GRAMMAR: GrammarTable = {
  columns: {
    level: { kind: 'string', sql: sql`${task.levelCode}` },
    field: { kind: 'string', sql: sql`${task.fieldCodes2025}`, array: true, prefix: true },
    registered_year: { kind: 'number', sql: sql`extract(year from ${resultRegistration.registeredAt} AT TIME ZONE 'Asia/Ho_Chi_Minh')::int` },
    authority: { kind: 'string', sql: sql`${resultRegistration.authorityUnitId}`, uuid: true },
    lead_organization: { kind: 'string', sql: sql`${task.leadOrganizationId}`, uuid: true },
  },
  sorts: {
    registered: [{ expr: sql`${resultRegistration.registeredAt}`, type: 'timestamptz' }],
    title: [
      { expr: sql`lower(immutable_unaccent(${resultRegistration.resultTitleVi}))`, type: 'text' },
      { expr: sql`${resultRegistration.resultTitleVi} COLLATE "C"`, type: 'text' },
    ],
  },
  selects: ['resultTitleVi', 'abstractVi', 'keywords', 'task', 'leadOrganization', 'piName', 'authorityUnit', 'registeredAt', 'archiveNo', 'certificateNumber'],
  groups: ['level', 'field', 'registered_year', 'authority', 'lead_organization'],
  id: sql`${resultRegistration.id}`,
};

/** A page (or groups) of public results with their tasks, with the list grammar. */
export function findResultsGrammar(ex: Executor, q: string | undefined, query: ParsedListQuery, page: number, pageSize: number) {
  return runGrammarList<{ reg: RegistrationRow; task: typeof task.$inferSelect }>(
    ex,
    { from: resultRegistration, joins: [{ table: task, on: eq(task.id, resultRegistration.taskId) }], row: { reg: resultRegistration, task } },
    [where({ publicOnly: true, q })],
    RESULT_GRAMMAR,
    query,
    [{ field: 'registered', desc: true }],
    page,
    pageSize,
  );
}

/** A public result ({@link publicResultCondition}) with its task; undefined when the dossier is not public. */
export async function findPublicResultById(ex: Executor, id: string): Promise<{ reg: RegistrationRow; task: typeof task.$inferSelect } | undefined> {
  return (
    await ex
      .select({ reg: resultRegistration, task })
      .from(resultRegistration)
      .innerJoin(task, eq(task.id, resultRegistration.taskId))
      .where(and(eq(resultRegistration.id, id), publicResultCondition()))
      .limit(1)
  )[0];
}

/** How many public results there are ({@link publicResultCondition}). */
export async function countPublicResults(ex: Executor): Promise<number> {
  const rows = await ex.select({ n: count() }).from(resultRegistration).innerJoin(task, eq(task.id, resultRegistration.taskId)).where(publicResultCondition());
  return Number(rows[0]?.n ?? 0);
}

/** The ids of public results after `afterId` (or among `ids`), in id order: keyset pages of the open-data dumps. */
export async function findPublicResultIds(ex: Executor, opts: { afterId?: string | null; ids?: string[]; limit?: number }): Promise<string[]> {
  if (opts.ids && !opts.ids.length) return [];
  const conds: SQL[] = [publicResultCondition()];
  if (opts.afterId) conds.push(gt(resultRegistration.id, opts.afterId));
  if (opts.ids) conds.push(inArray(resultRegistration.id, opts.ids));
  const query = ex
    .select({ id: resultRegistration.id })
    .from(resultRegistration)
    .innerJoin(task, eq(task.id, resultRegistration.taskId))
    .where(and(...conds))
    .orderBy(asc(resultRegistration.id));
  const rows = opts.limit !== undefined ? await query.limit(opts.limit) : await query;
  return rows.map((r) => r.id);
}

/** A page of dossiers with their tasks, newest change first. */
export async function findRegistrations(
  ex: Executor,
  f: RegistrationFilter,
  page: number,
  pageSize: number,
  order: 'updated' | 'registered' = 'updated',
): Promise<{ rows: { reg: RegistrationRow; task: typeof task.$inferSelect }[]; total: number }> {
  const cond = where(f);
  const rows = await ex
    .select({ reg: resultRegistration, task })
    .from(resultRegistration)
    .innerJoin(task, eq(task.id, resultRegistration.taskId))
    .where(cond)
    .orderBy(order === 'registered' ? desc(resultRegistration.registeredAt) : desc(resultRegistration.updatedAt), asc(resultRegistration.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const total = await ex.select({ n: count() }).from(resultRegistration).innerJoin(task, eq(task.id, resultRegistration.taskId)).where(cond);
  return { rows, total: Number(total[0]?.n ?? 0) };
}

/** Certificates of several dossiers, by dossier id. */
export async function findCertificatesByRegistrations(ex: Executor, ids: string[]): Promise<Map<string, CertificateRow>> {
  if (!ids.length) return new Map();
  const rows = await ex.select().from(certificate).where(inArray(certificate.registrationId, ids));
  return new Map(rows.map((r) => [r.registrationId, r]));
}
