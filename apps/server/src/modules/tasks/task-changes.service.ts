import { and, desc, eq, inArray } from 'drizzle-orm';
import { diffTaskSnapshots, sameValue, todayInVietnam, type FieldDiff, type TaskChange, type TaskChangeCreate, type TaskChangeReview, type TaskRevisionDiff, type WorkingCalendar } from '@stinet/shared';
import { appUser, taskChange } from '../../db/schema.js';
import type { Db, Executor } from '../../db/types.js';
import { touchPublicRecord } from '../portal/public-record.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { CHANGE_WORKING_DAYS, loadWorkingCalendar } from '../../lib/calendar.js';
import { requireRole } from '../access/access.service.js';
import { findMembers, findRevisions, findTaskById, insertRevision, replaceMembers, taskSnapshot, updateTaskVersioned, type TaskRow } from './tasks.repo.js';
import { loadReadable, taskAccess, validateTask, type TaskFields } from './tasks.service.js';

type TaskChangeRow = typeof taskChange.$inferSelect;

function presentChange(row: TaskChangeRow, submittedBy: string, canReview: boolean, calendar: WorkingCalendar): TaskChange {
  const dueDate = calendar.addWorkingDays(row.decisionDate, CHANGE_WORKING_DAYS);
  return {
    id: row.id,
    taskId: row.taskId,
    status: row.status,
    diff: row.changes as FieldDiff[],
    reason: row.reason,
    decisionNo: row.decisionNo,
    decisionDate: row.decisionDate,
    dueDate,
    isLate: todayInVietnam(row.submittedAt) > dueDate,
    revision: row.revision,
    reviewComment: row.reviewComment,
    submittedBy,
    submittedAt: row.submittedAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    canReview: canReview && row.status === 'submitted',
  };
}

async function usernames(ex: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await ex.select({ id: appUser.id, username: appUser.username }).from(appUser).where(inArray(appUser.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.username]));
}

async function currentSnapshot(ex: Executor, row: TaskRow): Promise<Record<string, unknown>> {
  return taskSnapshot(row, await findMembers(ex, row.id));
}

/** The record a change would produce: the task's fields with the changed values, for the business rules. */
function mergedFields(row: TaskRow, snapshot: Record<string, unknown>, diff: FieldDiff[]): TaskFields {
  const merged: Record<string, unknown> = { ...(row as unknown as Record<string, unknown>), members: snapshot.members };
  for (const d of diff) merged[d.field] = d.after;
  return merged as unknown as TaskFields;
}

/** Files a change to a published task (Mẫu 3) with its reason and approving decision; the focal point applies or returns it. */
export async function createChange(db: Db, ctx: RequestContext, taskId: string, input: TaskChangeCreate): Promise<TaskChange> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  if (input.decisionDate > todayInVietnam()) throw fieldError('VALIDATION_FAILED', 'decisionDate', 'The decision date is in the future');
  return db.transaction(async (tx) => {
    const row = await findTaskById(tx, taskId);
    if (!row) throw notFound('task');
    const access = await taskAccess(tx, actor, row);
    // readers who do not manage the task (national staff reading a province's task) may not file changes
    if (!access.canRead || (!access.manages && actor.role !== 'org_reporter')) throw new AppError('OUT_OF_SCOPE');
    if (!access.canChange) throw new AppError('INVALID_TRANSITION');
    const before = await currentSnapshot(tx, row);
    const requested = input.changes as Record<string, unknown>;
    const after = { ...before };
    for (const [k, v] of Object.entries(requested)) {
      if (v === undefined) continue;
      after[k] = k === 'members' ? (v as { fullName: string; researcherId?: string | null; role: string }[]).map((m) => ({ fullName: m.fullName, researcherId: m.researcherId ?? null, role: m.role })) : v;
    }
    const diff = diffTaskSnapshots(before, after);
    if (!diff.length) throw new AppError('NO_CHANGES');
    await validateTask(tx, mergedFields(row, before, diff), { checkUnit: false });
    const inserted = (
      await tx
        .insert(taskChange)
        .values({ taskId, status: 'submitted', changes: diff, reason: input.reason, decisionNo: input.decisionNo, decisionDate: input.decisionDate, baseVersion: row.version, submittedBy: actor.id })
        .returning()
    )[0] as TaskChangeRow;
    await recordAudit(tx, ctx, { action: 'submit', entityType: 'task_change', entityId: inserted.id, after: { taskId, fields: diff.map((d) => d.field), reason: input.reason, decisionNo: input.decisionNo } });
    return presentChange(inserted, actor.username, access.manages, await loadWorkingCalendar(tx));
  });
}

/** Applies a filed change to the task (a new revision) or returns it with a comment. */
export async function reviewChange(db: Db, ctx: RequestContext, changeId: string, input: TaskChangeReview): Promise<TaskChange> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer');
  if (input.decision === 'return' && !input.comment) throw fieldError('VALIDATION_FAILED', 'comment', 'A returned change needs a comment');
  return db.transaction(async (tx) => {
    const change = (await tx.select().from(taskChange).where(eq(taskChange.id, changeId)).limit(1))[0];
    if (!change) throw notFound('task_change');
    const row = (await findTaskById(tx, change.taskId)) as TaskRow;
    const access = await taskAccess(tx, actor, row);
    if (!access.manages) throw new AppError('OUT_OF_SCOPE');
    if (change.status !== 'submitted') throw new AppError('INVALID_TRANSITION');
    const now = new Date();
    let revision: number | null = null;
    if (input.decision === 'apply') {
      if (!access.canChange) throw new AppError('INVALID_TRANSITION');
      const diff = change.changes as FieldDiff[];
      const current = await currentSnapshot(tx, row);
      // another change applied since this one was filed touched the same fields: refuse rather than overwrite
      if (diff.some((d) => !sameValue(current[d.field], d.before))) throw new AppError('VERSION_CONFLICT');
      await validateTask(tx, mergedFields(row, current, diff), { checkUnit: false });
      const revisions = await findRevisions(tx, row.id);
      let last = revisions.at(-1)?.revision ?? 0;
      if (last === 0) {
        await insertRevision(tx, { taskId: row.id, revision: 1, snapshot: current, createdBy: actor.id });
        last = 1;
      }
      const values: Record<string, unknown> = {};
      for (const d of diff) if (d.field !== 'members') values[d.field] = d.after;
      const updated = await updateTaskVersioned(tx, row.id, row.version, values);
      if (!updated) throw new AppError('VERSION_CONFLICT');
      const members = diff.find((d) => d.field === 'members');
      if (members) await replaceMembers(tx, row.id, members.after as { fullName: string; researcherId: string | null; role: 'member' | 'secretary' }[]);
      revision = last + 1;
      await touchPublicRecord(tx, 'task', row.id);
      await insertRevision(tx, { taskId: row.id, revision, snapshot: await currentSnapshot(tx, updated), changeId, createdBy: actor.id });
      await recordAudit(tx, ctx, {
        action: 'change',
        entityType: 'task',
        entityId: row.id,
        before: Object.fromEntries(diff.map((d) => [d.field, d.before])),
        after: Object.fromEntries(diff.map((d) => [d.field, d.after])),
      });
    }
    const reviewed = (
      await tx
        .update(taskChange)
        .set({ status: input.decision === 'apply' ? 'applied' : 'returned', revision, reviewComment: input.comment ?? null, reviewedBy: actor.id, reviewedAt: now })
        .where(and(eq(taskChange.id, changeId), eq(taskChange.status, 'submitted')))
        .returning()
    )[0];
    if (!reviewed) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx, { action: input.decision === 'apply' ? 'apply' : 'return', entityType: 'task_change', entityId: changeId, before: { status: change.status }, after: { status: reviewed.status, revision, reviewComment: reviewed.reviewComment } });
    const names = await usernames(tx, [reviewed.submittedBy]);
    return presentChange(reviewed, names.get(reviewed.submittedBy) ?? '', access.manages, await loadWorkingCalendar(tx));
  });
}

/** The changes filed for a task, newest first. */
export async function listChanges(ex: Executor, ctx: RequestContext, taskId: string): Promise<{ items: TaskChange[] }> {
  const { access } = await loadReadable(ex, ctx, taskId);
  const rows = await ex.select().from(taskChange).where(eq(taskChange.taskId, taskId)).orderBy(desc(taskChange.submittedAt));
  const names = await usernames(ex, rows.map((r) => r.submittedBy));
  const calendar = await loadWorkingCalendar(ex);
  return { items: rows.map((r) => presentChange(r, names.get(r.submittedBy) ?? '', access.manages, calendar)) };
}

/** The published revisions of a task with the change that made each. */
export async function listRevisions(ex: Executor, ctx: RequestContext, taskId: string) {
  await loadReadable(ex, ctx, taskId);
  const revisions = await findRevisions(ex, taskId);
  const changeIds = revisions.map((r) => r.changeId).filter((v): v is string => v !== null);
  const changes = changeIds.length ? await ex.select().from(taskChange).where(inArray(taskChange.id, changeIds)) : [];
  const byId = new Map(changes.map((c) => [c.id, c]));
  return {
    items: revisions.map((r) => {
      const c = r.changeId ? byId.get(r.changeId) : undefined;
      return { revision: r.revision, createdAt: r.createdAt.toISOString(), changeId: r.changeId, reason: c?.reason ?? null, decisionNo: c?.decisionNo ?? null };
    }),
  };
}

/** The fields that differ between two revisions of a task. */
export async function diffRevisions(ex: Executor, ctx: RequestContext, taskId: string, from: number, to: number): Promise<TaskRevisionDiff> {
  await loadReadable(ex, ctx, taskId);
  const revisions = await findRevisions(ex, taskId);
  const a = revisions.find((r) => r.revision === from);
  const b = revisions.find((r) => r.revision === to);
  if (!a || !b) throw notFound('task_revision');
  return { from, to, diff: diffTaskSnapshots(a.snapshot as Record<string, unknown>, b.snapshot as Record<string, unknown>) };
}
