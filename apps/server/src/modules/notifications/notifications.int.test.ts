import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, addMonthsClamped, type NotificationItem, type ReminderSweepResult, type WorkingCalendar } from '@stinet/shared';
import { notification, task } from '../../db/schema.js';
import { loadWorkingCalendar } from '../../lib/calendar.js';
import { queryRows } from '../../lib/sql.js';
import { unitByCode } from '../../test-support/fixtures.js';
import { taskBody } from '../../test-support/task-fixtures.js';
import { createTestApp, loginAs, type Client, type TestApp } from '../../test-support/test-app.js';
import type { MailMessage, MailSender } from './mail-sender.js';
import { MAX_SEND_ATTEMPTS, runReminderSweep } from './reminders.js';

/** Remembers what it was asked to send; fails while `failing` is set. */
class RecordingSender implements MailSender {
  readonly kind = 'recording';
  readonly sent: MailMessage[] = [];
  failing: string | null = null;
  async send(message: MailMessage): Promise<void> {
    if (this.failing) throw new Error(this.failing);
    this.sent.push(message);
  }
}

const PUBLIC_URL = 'https://stinet.example.vn';
const REPORTER_EMAIL = 'reporter@example.vn';

let t: TestApp;
let admin: Client;
let hanoi: string;
let ownOrg: string;
let focalContact: string;
let calendar: WorkingCalendar;
/** The sweep date: the deadline day of the "due soon" ongoing form. */
let day: string;
const ids = { dueSoonForm: '', overdueForm: '', registration: '', appReport: '', returned: '' };

const vn = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const at = (date: string) => new Date(`${date}T03:00:00Z`);

async function outbox(entityId: string): Promise<(typeof notification.$inferSelect)[]> {
  return t.handle.db.select().from(notification).where(eq(notification.entityId, entityId)).orderBy(notification.kind, notification.recipient);
}

async function newTask(overrides: Record<string, unknown>, status: 'draft' | 'published' | 'returned' = 'draft'): Promise<string> {
  let row = (await admin.post('/api/tasks', taskBody(hanoi, ownOrg, overrides))).json() as { id: string; version: number };
  if (status === 'draft') return row.id;
  row = (await admin.post(`/api/tasks/${row.id}/submit`, { version: row.version })).json() as { id: string; version: number };
  const decision = status === 'published' ? { decision: 'accept' } : { decision: 'return', comment: 'Đề nghị bổ sung mã lĩnh vực theo TT 24/2025.' };
  row = (await admin.post(`/api/tasks/${row.id}/review`, { ...decision, version: row.version })).json() as { id: string; version: number };
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL });
  admin = await loginAs(t.app, 'admin');
  hanoi = (await unitByCode(t.app, 'province', '01')).id;
  const reporter = await loginAs(t.app, 'reporter');
  ownOrg = ((await reporter.get('/api/auth/me')).json() as { user: { organization: { id: string } } }).user.organization.id;
  focalContact = (
    await queryRows<{ contact_email: string }>(t.handle.db, sql`SELECT contact_email FROM focal_point WHERE org_unit_id = ${hanoi} AND valid_to IS NULL ORDER BY valid_from DESC LIMIT 1`)
  )[0]?.contact_email as string;
  expect(focalContact).toMatch(/@/);
  calendar = await loadWorkingCalendar(t.handle.db);
  day = calendar.addWorkingDays('2026-02-02', 30);
  ids.dueSoonForm = await newTask({ contractDate: '2026-02-02', titleVi: 'Nhiệm vụ nhắc hạn gửi phiếu Mẫu 1' });
  ids.overdueForm = await newTask({ contractDate: '2025-12-01', titleVi: 'Nhiệm vụ quá hạn gửi phiếu Mẫu 1' });
  ids.registration = await newTask({ contractDate: '2023-01-10' }, 'published');
  await t.handle.db.update(task).set({ acceptedOn: '2025-11-03' }).where(eq(task.id, ids.registration));
  ids.appReport = await newTask({ contractDate: '2022-01-10', formCode: 'DA_SXTN' }, 'published');
  await t.handle.db.update(task).set({ acceptedOn: addCalendarDays(addMonthsClamped(day, -12), 10) }).where(eq(task.id, ids.appReport));
  ids.returned = await newTask({ contractDate: '2026-03-02' }, 'returned');
});
afterAll(async () => {
  await t.close();
});

describe('reminder sweep', () => {
  it('queues due-soon and overdue reminders once per stage, to the reporters (and the focal point when overdue), and sends them', async () => {
    const sender = new RecordingSender();
    const first = await runReminderSweep(t.handle.db, sender, at(day), { publicUrl: PUBLIC_URL, maxSends: 100_000 });
    expect(first.asOf).toBe(day);
    expect(first.created).toBeGreaterThanOrEqual(7);
    expect(first.sent).toBe(first.created);
    expect(first.failed).toBe(0);
    for (const k of ['ongoing_form', 'result_registration', 'application_report', 'returned'] as const) expect(first.createdByKind[k]).toBeGreaterThan(0);

    const dueSoon = await outbox(ids.dueSoonForm);
    expect(dueSoon.map((n) => [n.kind, n.recipient, n.status, n.attempts])).toEqual([['ongoing_form', REPORTER_EMAIL, 'sent', 1]]);
    const msg = dueSoon[0] as typeof notification.$inferSelect;
    expect(msg.subject).toMatch(/^\[stinet\] Sắp đến hạn gửi phiếu thông tin nhiệm vụ đang tiến hành: ĐT-.* \/ Ongoing-task form due soon$/);
    expect(msg.body).toContain('Nhiệm vụ nhắc hạn gửi phiếu Mẫu 1');
    expect(msg.body).toContain(`chậm nhất ngày ${vn(day)}`);
    expect(msg.body).toContain(`${PUBLIC_URL}/staff/tasks/${ids.dueSoonForm}`);
    expect(msg.body.indexOf('Phiếu thông tin')).toBeLessThan(msg.body.indexOf('The ongoing-task form'));
    expect(sender.sent.some((m) => m.to === REPORTER_EMAIL && m.subject === msg.subject)).toBe(true);

    const overdue = await outbox(ids.overdueForm);
    expect(overdue.map((n) => [n.kind, n.recipient]).sort()).toEqual([['ongoing_form', REPORTER_EMAIL], ['ongoing_form', focalContact.toLowerCase()]].sort());
    expect(overdue[0]?.subject).toContain('Quá hạn gửi phiếu');
    const registration = await outbox(ids.registration);
    expect(registration.map((n) => n.kind)).toEqual(['result_registration', 'result_registration']);
    expect(registration[0]?.body).toContain(vn(calendar.addWorkingDays('2025-11-03', 30)));
    expect(registration[0]?.body).toContain('nghiệm thu chính thức 03/11/2025');
    const yearly = (await outbox(ids.appReport)).filter((n) => n.kind === 'application_report');
    expect(yearly.map((n) => n.recipient)).toEqual([REPORTER_EMAIL]);
    expect(yearly[0]?.body).toContain('năm thứ 1');
    expect(yearly[0]?.body).toContain(vn(addCalendarDays(day, 10)));
    expect(yearly[0]?.body).toContain(`${PUBLIC_URL}/staff/application-reports/tasks/${ids.appReport}/years/1`);
    const returned = (await outbox(ids.returned)).filter((n) => n.kind === 'returned');
    expect(returned.map((n) => n.recipient)).toEqual([REPORTER_EMAIL]);
    expect(returned[0]?.body).toContain('“Đề nghị bổ sung mã lĩnh vực theo TT 24/2025.”');

    // editing the returned task does not repeat its reminder; a second return (after resending) does
    let returnedTask = (await admin.get(`/api/tasks/${ids.returned}/full`)).json() as { version: number };
    returnedTask = (await admin.patch(`/api/tasks/${ids.returned}`, { programme: 'Chương trình KH&CN cấp thành phố', version: returnedTask.version })).json() as { version: number };
    const second = await runReminderSweep(t.handle.db, sender, at(day), { publicUrl: PUBLIC_URL, maxSends: 100_000 });
    expect([second.created, second.sent, second.failed]).toEqual([0, 0, 0]);
    returnedTask = (await admin.post(`/api/tasks/${ids.returned}/submit`, { version: returnedTask.version })).json() as { version: number };
    await admin.post(`/api/tasks/${ids.returned}/review`, { decision: 'return', comment: 'Lần hai: bổ sung kinh phí đối ứng.', version: returnedTask.version });
    const again = await runReminderSweep(t.handle.db, sender, at(day), { publicUrl: PUBLIC_URL, maxSends: 100_000 });
    expect([again.created, again.createdByKind.returned]).toEqual([1, 1]);
    expect((await outbox(ids.returned)).filter((n) => n.kind === 'returned').map((n) => n.body.includes('Lần hai')).sort()).toEqual([false, true]);

    const later = calendar.addWorkingDays(day, 1);
    const third = await runReminderSweep(t.handle.db, sender, at(later), { publicUrl: PUBLIC_URL, maxSends: 100_000 });
    expect(third.createdByKind.ongoing_form).toBeGreaterThanOrEqual(2);
    const escalated = await outbox(ids.dueSoonForm);
    expect(escalated.map((n) => n.subject.includes('Quá hạn') ? `overdue:${n.recipient}` : `soon:${n.recipient}`).sort()).toEqual(
      [`overdue:${focalContact.toLowerCase()}`, `overdue:${REPORTER_EMAIL}`, `soon:${REPORTER_EMAIL}`].sort(),
    );
    expect((await runReminderSweep(t.handle.db, sender, at(later), { maxSends: 100_000 })).created).toBe(0);
  });

  it('retries failed messages on later sweeps, at most 4 attempts in all', async () => {
    const sender = new RecordingSender();
    const id = await newTask({ contractDate: '2026-03-02', titleVi: 'Nhiệm vụ thử gửi lại thư nhắc' }, 'returned');
    sender.failing = 'SMTP 421 service not available';
    const failed = await runReminderSweep(t.handle.db, sender, at(day), { maxSends: 100_000 });
    expect(failed.failed).toBeGreaterThanOrEqual(1);
    let row = (await outbox(id))[0] as typeof notification.$inferSelect;
    expect([row.status, row.attempts, row.lastError]).toEqual(['failed', 1, 'SMTP 421 service not available']);
    await runReminderSweep(t.handle.db, sender, at(day), { maxSends: 100_000 });
    row = (await outbox(id))[0] as typeof notification.$inferSelect;
    expect([row.status, row.attempts]).toEqual(['failed', 2]);
    sender.failing = null;
    const ok = await runReminderSweep(t.handle.db, sender, at(day), { maxSends: 100_000 });
    expect(ok.created).toBe(0);
    row = (await outbox(id))[0] as typeof notification.$inferSelect;
    expect([row.status, row.attempts, row.lastError, row.sentAt !== null]).toEqual(['sent', 3, null, true]);
    expect(sender.sent.filter((m) => m.text.includes('Nhiệm vụ thử gửi lại thư nhắc'))).toHaveLength(1);

    const hopeless = await newTask({ contractDate: '2026-03-02', titleVi: 'Nhiệm vụ thư nhắc không gửi được' }, 'returned');
    sender.failing = 'connection refused';
    for (let i = 0; i < MAX_SEND_ATTEMPTS + 2; i += 1) await runReminderSweep(t.handle.db, sender, at(day), { maxSends: 100_000 });
    const given = (await outbox(hopeless))[0] as typeof notification.$inferSelect;
    expect([given.status, given.attempts]).toEqual(['failed', MAX_SEND_ATTEMPTS]);
  });

  it('runs concurrent sweeps one after another, never sending a message twice', async () => {
    const sender = new RecordingSender();
    const id = await newTask({ contractDate: '2026-03-02', titleVi: 'Nhiệm vụ thử hai lượt quét cùng lúc' }, 'returned');
    const [a, b] = await Promise.all([runReminderSweep(t.handle.db, sender, at(day), { maxSends: 100_000 }), runReminderSweep(t.handle.db, sender, at(day), { maxSends: 100_000 })]);
    expect(a.created + b.created).toBeGreaterThanOrEqual(1);
    expect(sender.sent.filter((m) => m.text.includes('Nhiệm vụ thử hai lượt quét cùng lúc'))).toHaveLength(1);
    expect((await outbox(id)).length).toBe(1);
  });
});

describe('notification API (national admin)', () => {
  it('runs a sweep with the default log sender and lists the outbox, paged and filtered', async () => {
    await newTask({ contractDate: '2026-03-02', titleVi: 'Nhiệm vụ thử quét qua API' }, 'returned');
    const res = await admin.post('/api/notifications/sweep');
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as ReminderSweepResult;
    expect(result.failed).toBe(0);
    expect(result.sent).toBeGreaterThanOrEqual(1);
    expect(result.sentItems.length).toBe(result.sent);
    const sent = (await admin.get('/api/notifications?status=sent&kind=returned&pageSize=200')).json() as { items: NotificationItem[]; total: number };
    expect(sent.items.some((n) => n.body.includes('Nhiệm vụ thử quét qua API'))).toBe(true);
    expect(sent.items.every((n) => n.status === 'sent' && n.kind === 'returned')).toBe(true);
    const page = (await admin.get('/api/notifications?pageSize=2&page=2')).json() as { items: NotificationItem[]; total: number; page: number };
    expect([page.items.length, page.page]).toEqual([2, 2]);
    const audit = (await admin.get('/api/audit?entityType=notification&action=sweep')).json() as { items: { after: { sender: string; sent: number } }[] };
    expect(audit.items[0]?.after).toMatchObject({ sender: 'log', sent: result.sent });
    const officer = await loginAs(t.app, 'officer.hanoi');
    expect((await officer.get('/api/notifications')).statusCode).toBe(403);
    expect((await officer.post('/api/notifications/sweep')).statusCode).toBe(403);
  });
});
