import { todayInVietnam, type NotificationKind, type ReminderSweepResult, type WorkingCalendar } from '@stinet/shared';
import type { notification } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import { loadWorkingCalendar, ONGOING_TASK_WORKING_DAYS, REGISTRATION_WORKING_DAYS } from '../../lib/calendar.js';
import { findUnsentSlots } from '../application-reports/application-reports.repo.js';
import type { MailSender } from './mail-sender.js';
import {
  claimAttempt,
  findFocalContacts,
  findReporterEmails,
  findReturnedItems,
  findSendable,
  findUnregisteredResults,
  findUnsentOngoingForms,
  insertNotifications,
  markOutcome,
  type TaskRefRow,
} from './notifications.repo.js';
import { reminderText, type ReminderStage, type ReminderSubject } from './reminder-texts.js';

/** An outbox entry is tried at most this often: the first send and 3 retries on later sweeps. */
export const MAX_SEND_ATTEMPTS = 4;
/** Largest number of messages one sweep hands to the sender (the rest go out on the next sweeps). */
export const MAX_SENDS_PER_SWEEP = 200;
/** Ongoing forms and registrations are "due soon" this many working days ahead of their deadline. */
export const DUE_SOON_WORKING_DAYS = 5;

/** Options of a sweep. */
export interface SweepOptions {
  /** The external URL of the web app, for links in messages. */
  publicUrl?: string | null | undefined;
  dueSoonWorkingDays?: number | undefined;
  maxSends?: number | undefined;
}

/** Something a reminder is due for, before its recipients are known. */
interface Due extends ReminderSubject {
  entityType: 'task' | 'application_report' | 'result_registration';
  entityId: string;
  /** Distinguishes occurrences of the same entity and stage: the due date, or (returned items) when it was last sent, so edits after a return do not repeat the reminder. */
  mark: string;
  leadOrganizationId: string;
  managingUnitId: string;
}

function taskRef(r: TaskRefRow): Pick<Due, 'task' | 'leadOrganizationId' | 'managingUnitId'> {
  return { task: { id: r.id, code: r.code, titleVi: r.title_vi }, leadOrganizationId: r.lead_organization_id, managingUnitId: r.managing_unit_id };
}

/** Due soon (within `ahead` working days, deadline day included) or overdue, else null. */
function stageOf(calendar: WorkingCalendar, today: string, deadline: string, ahead: number): ReminderStage | null {
  if (today > deadline) return 'overdue';
  return calendar.workingDaysBetween(today, deadline) <= ahead ? 'due_soon' : null;
}

async function collect(ex: Executor, today: string, ahead: number): Promise<Due[]> {
  const calendar = await loadWorkingCalendar(ex);
  const due: Due[] = [];
  for (const r of await findUnsentOngoingForms(ex, today)) {
    const deadline = calendar.addWorkingDays(r.contract_date, ONGOING_TASK_WORKING_DAYS);
    const stage = stageOf(calendar, today, deadline, ahead);
    if (stage) due.push({ ...taskRef(r), kind: 'ongoing_form', stage, dueDate: deadline, entityType: 'task', entityId: r.id, mark: deadline, path: `/staff/tasks/${r.id}` });
  }
  for (const r of await findUnregisteredResults(ex, today)) {
    const deadline = calendar.addWorkingDays(r.accepted_on, REGISTRATION_WORKING_DAYS);
    const stage = stageOf(calendar, today, deadline, ahead);
    if (stage) {
      due.push({ ...taskRef(r), kind: 'result_registration', stage, dueDate: deadline, acceptedOn: r.accepted_on, entityType: 'task', entityId: r.id, mark: deadline, path: `/staff/tasks/${r.id}` });
    }
  }
  for (const s of await findUnsentSlots(ex, today)) {
    due.push({
      task: { id: s.task_id, code: s.code, titleVi: s.title_vi },
      leadOrganizationId: s.lead_organization_id,
      managingUnitId: s.managing_unit_id,
      kind: 'application_report',
      stage: s.category === 'overdue' ? 'overdue' : 'due_soon',
      dueDate: s.due_date,
      yearIndex: s.year_index,
      entityType: 'task',
      entityId: s.task_id,
      mark: `y${s.year_index}:${s.due_date}`,
      path: `/staff/application-reports/tasks/${s.task_id}/years/${s.year_index}`,
    });
  }
  for (const r of await findReturnedItems(ex)) {
    due.push({
      ...taskRef(r),
      kind: 'returned',
      stage: 'returned',
      returnedItem: r.entity_type,
      dueDate: null,
      comment: r.review_comment,
      yearIndex: r.year_index ?? undefined,
      entityType: r.entity_type,
      entityId: r.entity_id,
      mark: `sent:${r.submitted_at ?? ''}`,
      path: r.entity_type === 'application_report' && r.year_index ? `/staff/application-reports/tasks/${r.id}/years/${r.year_index}` : `/staff/tasks/${r.id}`,
    });
  }
  return due;
}

/**
 * Turns what is due into outbox entries: one per recipient — the lead organization's reporters, and for overdue
 * items also the contact of the managing unit's current focal point. The dedupe key (kind, entity, due date or
 * version, stage, recipient) makes each reminder go out once per stage.
 */
async function enqueue(ex: Executor, due: Due[], today: string, publicUrl: string | null): Promise<NotificationKind[]> {
  const reporters = await findReporterEmails(ex, due.map((d) => d.leadOrganizationId));
  const focal = await findFocalContacts(ex, due.filter((d) => d.stage === 'overdue').map((d) => d.managingUnitId), today);
  const rows: (typeof notification.$inferInsert)[] = [];
  for (const d of due) {
    const recipients = new Set((reporters.get(d.leadOrganizationId) ?? []).map((e) => e.toLowerCase()));
    const contact = d.stage === 'overdue' ? focal.get(d.managingUnitId) : undefined;
    if (contact) recipients.add(contact.toLowerCase());
    if (recipients.size === 0) continue;
    const { subject, text } = reminderText(d, publicUrl);
    for (const to of recipients) {
      rows.push({
        kind: d.kind,
        dedupeKey: `${d.kind}:${d.entityType}:${d.entityId}:${d.mark}:${d.stage}:${to}`,
        recipient: to,
        subject,
        body: text,
        entityType: d.entityType,
        entityId: d.entityId,
        status: 'pending',
      });
    }
  }
  return insertNotifications(ex, rows);
}

/** Hands pending (and failed, not yet retried too often) entries to the sender and records each outcome. */
async function deliver(ex: Executor, sender: MailSender, limit: number): Promise<{ sent: number; failed: number; sentItems: { recipient: string; subject: string }[] }> {
  let failed = 0;
  const sentItems: { recipient: string; subject: string }[] = [];
  for (const row of await findSendable(ex, MAX_SEND_ATTEMPTS, limit)) {
    if (!(await claimAttempt(ex, row))) continue;
    try {
      await sender.send({ to: row.recipient, subject: row.subject, text: row.body });
      await markOutcome(ex, row.id, { ok: true });
      sentItems.push({ recipient: row.recipient, subject: row.subject });
    } catch (err) {
      failed += 1;
      await markOutcome(ex, row.id, { ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return { sent: sentItems.length, failed, sentItems };
}

const sweeps = new WeakMap<object, Promise<unknown>>();

/**
 * One reminder sweep as of `now`: finds (1) ongoing-task forms (draft or returned) whose deadline — contract + 30
 * working days — is within a few working days or passed, (2) result registrations not submitted within 30 working
 * days of the acceptance, (3) application reports due within 30 days or overdue, (4) items returned to the
 * organization; writes the reminders into the outbox (once per stage), then sends what is pending with `sender`,
 * retrying failed messages on later sweeps. Sweeps on one database run one after another.
 */
export async function runReminderSweep(ex: Executor, sender: MailSender, now: Date = new Date(), opts: SweepOptions = {}): Promise<ReminderSweepResult> {
  const previous = sweeps.get(ex) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async (): Promise<ReminderSweepResult> => {
    const asOf = todayInVietnam(now);
    const due = await collect(ex, asOf, opts.dueSoonWorkingDays ?? DUE_SOON_WORKING_DAYS);
    const kinds = await enqueue(ex, due, asOf, opts.publicUrl ?? null);
    const createdByKind = { ongoing_form: 0, result_registration: 0, application_report: 0, returned: 0 };
    for (const k of kinds) createdByKind[k] += 1;
    const delivered = await deliver(ex, sender, opts.maxSends ?? MAX_SENDS_PER_SWEEP);
    return { asOf, created: kinds.length, createdByKind, ...delivered };
  });
  sweeps.set(ex, run);
  return run;
}
