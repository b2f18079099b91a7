import type { NotificationItem, NotificationListQuery, ReminderSweepResult } from '@stinet/shared';
import type { Db, Executor } from '../../db/types.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { requireRole } from '../access/access.service.js';
import type { MailSender } from './mail-sender.js';
import { findNotifications, type NotificationRow } from './notifications.repo.js';
import { runReminderSweep } from './reminders.js';

/** The API shape of an outbox entry. */
export function presentNotification(row: NotificationRow): NotificationItem {
  return {
    id: row.id,
    kind: row.kind,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    entityType: row.entityType,
    entityId: row.entityId,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/** The outbox, newest first (national admin). */
export async function listNotifications(ex: Executor, ctx: RequestContext, q: NotificationListQuery) {
  requireRole(ctx, 'national_admin');
  const { rows, total } = await findNotifications(ex, { status: q.status, kind: q.kind }, q.page, q.pageSize);
  return { items: rows.map(presentNotification), total, page: q.page, pageSize: q.pageSize };
}

/** Runs one reminder sweep now (national admin); the run and its counts go to the audit log. */
export async function sweepNow(db: Db, ctx: RequestContext, sender: MailSender, publicUrl: string | null): Promise<ReminderSweepResult> {
  requireRole(ctx, 'national_admin');
  const result = await runReminderSweep(db, sender, new Date(), { publicUrl });
  const { sentItems: _items, ...counts } = result;
  await recordAudit(db, ctx, { action: 'sweep', entityType: 'notification', entityId: null, after: { ...counts, sender: sender.kind } });
  return result;
}
