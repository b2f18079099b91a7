import { and, count, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { NotificationKind } from '@stinet/shared';
import { notification } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import { queryRows } from '../../lib/sql.js';

/** An outbox row. */
export type NotificationRow = typeof notification.$inferSelect;

/** The task columns a reminder needs. */
export interface TaskRefRow extends Record<string, unknown> {
  id: string;
  code: string;
  title_vi: string;
  lead_organization_id: string;
  managing_unit_id: string;
}

/** Draft or returned tasks with a contract signed on or before `today` (their ongoing-task form may be due). */
export async function findUnsentOngoingForms(ex: Executor, today: string): Promise<(TaskRefRow & { contract_date: string })[]> {
  return queryRows(
    ex,
    sql`SELECT id, code, title_vi, lead_organization_id, managing_unit_id, contract_date::text AS contract_date
        FROM task WHERE status IN ('draft', 'returned') AND contract_date IS NOT NULL AND contract_date <= ${today}::date`,
  );
}

/** Accepted tasks whose result-registration dossier has not been submitted or registered. */
export async function findUnregisteredResults(ex: Executor, today: string): Promise<(TaskRefRow & { accepted_on: string })[]> {
  return queryRows(
    ex,
    sql`SELECT t.id, t.code, t.title_vi, t.lead_organization_id, t.managing_unit_id, t.accepted_on::text AS accepted_on
        FROM task t
        WHERE t.accepted_on IS NOT NULL AND t.accepted_on <= ${today}::date
          AND NOT EXISTS (SELECT 1 FROM result_registration r WHERE r.task_id = t.id AND r.status IN ('submitted', 'registered'))`,
  );
}

/** A record sent back to its organization, with the task it belongs to. */
export interface ReturnedItemRow extends TaskRefRow {
  entity_type: 'task' | 'application_report' | 'result_registration';
  entity_id: string;
  /** When it was last sent to the focal point: identifies the return (edits after it do not). */
  submitted_at: string | null;
  review_comment: string | null;
  year_index: number | null;
}

/** Every returned task form, application report and registration dossier. */
export async function findReturnedItems(ex: Executor): Promise<ReturnedItemRow[]> {
  return queryRows<ReturnedItemRow>(
    ex,
    sql`SELECT 'task' AS entity_type, t.id AS entity_id, t.submitted_at::text AS submitted_at, t.review_comment, NULL::int AS year_index,
               t.id, t.code, t.title_vi, t.lead_organization_id, t.managing_unit_id
        FROM task t WHERE t.status = 'returned'
        UNION ALL
        SELECT 'application_report', r.id, r.submitted_at::text, r.review_comment, r.year_index,
               t.id, t.code, t.title_vi, t.lead_organization_id, t.managing_unit_id
        FROM application_report r JOIN task t ON t.id = r.task_id WHERE r.status = 'returned'
        UNION ALL
        SELECT 'result_registration', g.id, g.submitted_at::text, g.review_comment, NULL::int,
               t.id, t.code, t.title_vi, t.lead_organization_id, t.managing_unit_id
        FROM result_registration g JOIN task t ON t.id = g.task_id WHERE g.status = 'returned'`,
  );
}

/** The e-mail addresses of the active reporters of each organization. */
export async function findReporterEmails(ex: Executor, organizationIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (organizationIds.length === 0) return out;
  const rows = await queryRows<{ organization_id: string; email: string }>(
    ex,
    sql`SELECT organization_id, email FROM app_user
        WHERE role = 'org_reporter' AND is_active AND email IS NOT NULL AND organization_id IN ${[...new Set(organizationIds)]}
        ORDER BY organization_id, email`,
  );
  for (const r of rows) out.set(r.organization_id, [...(out.get(r.organization_id) ?? []), r.email]);
  return out;
}

/** The contact e-mail of each unit's focal point designated on `today`. */
export async function findFocalContacts(ex: Executor, unitIds: string[], today: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (unitIds.length === 0) return out;
  const rows = await queryRows<{ org_unit_id: string; contact_email: string }>(
    ex,
    sql`SELECT DISTINCT ON (org_unit_id) org_unit_id, contact_email FROM focal_point
        WHERE org_unit_id IN ${[...new Set(unitIds)]} AND contact_email IS NOT NULL
          AND valid_from <= ${today}::date AND (valid_to IS NULL OR valid_to >= ${today}::date)
        ORDER BY org_unit_id, valid_from DESC`,
  );
  for (const r of rows) out.set(r.org_unit_id, r.contact_email);
  return out;
}

/** Adds outbox entries, skipping any whose dedupe key exists; returns the kinds of those added. */
export async function insertNotifications(ex: Executor, rows: (typeof notification.$inferInsert)[]): Promise<NotificationKind[]> {
  const kinds: NotificationKind[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const added = await ex
      .insert(notification)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing({ target: notification.dedupeKey })
      .returning({ kind: notification.kind });
    kinds.push(...added.map((a) => a.kind as NotificationKind));
  }
  return kinds;
}

/** Entries to (re)send: pending or failed with fewer than `maxAttempts` attempts, oldest first. */
export async function findSendable(ex: Executor, maxAttempts: number, limit: number): Promise<NotificationRow[]> {
  return ex
    .select()
    .from(notification)
    .where(and(or(eq(notification.status, 'pending'), eq(notification.status, 'failed')), lt(notification.attempts, maxAttempts)))
    .orderBy(notification.createdAt, notification.id)
    .limit(limit);
}

/** Counts an attempt if nobody else did meanwhile (so two sweepers never send one entry twice); false when lost. */
export async function claimAttempt(ex: Executor, row: Pick<NotificationRow, 'id' | 'attempts' | 'status'>): Promise<boolean> {
  const rows = await ex
    .update(notification)
    .set({ attempts: row.attempts + 1 })
    .where(and(eq(notification.id, row.id), eq(notification.attempts, row.attempts), eq(notification.status, row.status)))
    .returning({ id: notification.id });
  return rows.length === 1;
}

/** Records the outcome of an attempt. */
export async function markOutcome(ex: Executor, id: string, outcome: { ok: true } | { ok: false; error: string }): Promise<void> {
  await ex
    .update(notification)
    .set(outcome.ok ? { status: 'sent', sentAt: new Date(), lastError: null } : { status: 'failed', lastError: outcome.error.slice(0, 1000) })
    .where(eq(notification.id, id));
}

/** A page of the outbox, newest first. */
export async function findNotifications(
  ex: Executor,
  f: { status?: NotificationRow['status'] | undefined; kind?: string | undefined },
  page: number,
  pageSize: number,
): Promise<{ rows: NotificationRow[]; total: number }> {
  const conds: SQL[] = [];
  if (f.status) conds.push(eq(notification.status, f.status));
  if (f.kind) conds.push(eq(notification.kind, f.kind));
  const where = conds.length ? and(...conds) : undefined;
  const rows = await ex.select().from(notification).where(where).orderBy(desc(notification.createdAt), desc(notification.id)).limit(pageSize).offset((page - 1) * pageSize);
  const total = await ex.select({ n: count() }).from(notification).where(where);
  return { rows, total: Number(total[0]?.n ?? 0) };
}
