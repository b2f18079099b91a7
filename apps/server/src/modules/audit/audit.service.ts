import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { AuditEntry, AuditListQuery } from '@stinet/shared';
import { auditLog } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import type { RequestContext } from '../../http/context.js';
import { requireRole } from '../access/access.service.js';

type AuditRow = typeof auditLog.$inferSelect;

/** The API shape of an audit entry. */
export function presentAudit(row: AuditRow): AuditEntry {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actor: row.actorId ? { id: row.actorId, username: row.actorUsername ?? '' } : null,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changedFields: row.changedFields,
    before: (row.before as Record<string, unknown> | null) ?? null,
    after: (row.after as Record<string, unknown> | null) ?? null,
    ip: row.ip,
  };
}

async function page(ex: Executor, cond: SQL | undefined, pageNo: number, pageSize: number) {
  const rows = await ex.select().from(auditLog).where(cond).orderBy(desc(auditLog.id)).limit(pageSize).offset((pageNo - 1) * pageSize);
  const total = await ex.select({ n: count() }).from(auditLog).where(cond);
  return { items: rows.map(presentAudit), total: Number(total[0]?.n ?? 0), page: pageNo, pageSize };
}

/** The history of one record, newest first (callers check read access first). */
export function listEntityHistory(ex: Executor, entityType: string, entityId: string, pageNo: number, pageSize: number) {
  return page(ex, and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)), pageNo, pageSize);
}

/** The whole audit log with filters (national administrators). */
export function listAudit(ex: Executor, ctx: RequestContext, q: AuditListQuery) {
  requireRole(ctx, 'national_admin');
  const conds: SQL[] = [];
  if (q.entityType) conds.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
  if (q.actorId) conds.push(eq(auditLog.actorId, q.actorId));
  if (q.action) conds.push(eq(auditLog.action, q.action));
  if (q.from) conds.push(gte(auditLog.at, new Date(`${q.from}T00:00:00+07:00`)));
  if (q.to) conds.push(lt(auditLog.at, new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000)));
  return page(ex, conds.length ? and(...conds) : undefined, q.page, q.pageSize);
}
