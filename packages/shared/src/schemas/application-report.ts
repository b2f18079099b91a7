import { z } from 'zod';
import { IsoDate, OrganizationRef, PageQuery, UnitRef, Uuid, optionalText, pageOf } from './common.js';

/**
 * Application-of-results reports (Phiếu thông tin về ứng dụng kết quả, Mẫu 12; Circular 14/2014 Art 20–21):
 * every 12 months for 5 years after the official acceptance (T1) the lead organization of a đề tài, đề án,
 * dự án SXTN or dự án KH&CN reports how the results were applied; the focal point accepts (publishes) or returns
 * each report, and sums them up once a year (Mẫu 15).
 *
 * Schedule used here: the report of year k (1..5) is due on T1 + k×12 months (the same day of the month; the
 * 29th of February falls back to the 28th) and may be sent from 30 calendar days before that date. A report whose
 * first submission came after its due date is late.
 */

/** The task forms (TASK_FORM codes) that owe application reports: đề tài, đề án, dự án SXTN, dự án KH&CN. */
export const APPLICATION_REPORT_FORMS = ['DT', 'DAN', 'DA_SXTN', 'DA_KHCN'] as const;
/** Number of yearly reports after acceptance. */
export const APPLICATION_REPORT_YEARS = 5;
/** A year's report may be sent from this many calendar days before its due date. */
export const APPLICATION_REPORT_OPENS_DAYS_BEFORE = 30;

/** Workflow states of a report. */
export const APPLICATION_REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export const ApplicationReportStatus = z.enum(APPLICATION_REPORT_STATUSES);
export type ApplicationReportStatus = z.infer<typeof ApplicationReportStatus>;

/** Whether the results were applied in the year. */
export const APPLICATION_STATUSES = ['applied', 'partly_applied', 'not_applied'] as const;
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** True when tasks of this form owe yearly application reports. */
export function isApplicationReportForm(formCode: string): boolean {
  return (APPLICATION_REPORT_FORMS as readonly string[]).includes(formCode);
}

function parseIso(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `date` plus `months` calendar months; a day past the end of the target month becomes its last day (as PostgreSQL does). */
export function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = parseIso(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return iso(year, month, Math.min(d, last));
}

/** `date` plus `days` calendar days (negative to go back). */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = parseIso(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The due date of the report of year `yearIndex` (1..5): the acceptance date plus yearIndex × 12 months. */
export function applicationReportDueDate(acceptedOn: string, yearIndex: number): string {
  return addMonthsClamped(acceptedOn, 12 * yearIndex);
}

/** The first day the report of year `yearIndex` may be sent: 30 days before its due date. */
export function applicationReportOpensOn(acceptedOn: string, yearIndex: number): string {
  return addCalendarDays(applicationReportDueDate(acceptedOn, yearIndex), -APPLICATION_REPORT_OPENS_DAYS_BEFORE);
}

/** The 12 months a year's report covers: from the previous due date (or T1) to its own due date. */
export function applicationReportPeriod(acceptedOn: string, yearIndex: number): { from: string; to: string } {
  return { from: addMonthsClamped(acceptedOn, 12 * (yearIndex - 1)), to: applicationReportDueDate(acceptedOn, yearIndex) };
}

const money = z.number().nonnegative().max(1e12).nullish(); // million VND
const YearIndex = z.number().int().min(1).max(APPLICATION_REPORT_YEARS);

const reportFields = {
  applicationStatus: ApplicationStatus,
  /** Where the results were applied (organizations, localities). */
  placesApplied: optionalText(5000),
  /** Scale of application (area, output, number of users…). */
  scale: optionalText(5000),
  economicEffect: optionalText(10000),
  socialEffect: optionalText(10000),
  /** Revenue from the results in the year, million VND. */
  revenue: money,
  /** Intellectual property: applications filed and titles granted. */
  ipSummary: optionalText(5000),
  transferContracts: z.number().int().min(0).max(100000).nullish(),
  /** Value of the technology-transfer contracts, million VND. */
  transferValue: money,
  difficulties: optionalText(10000),
  /** The signed copy of the report (an uploaded file of the lead organization), optional. */
  fileId: Uuid.nullish(),
};

/** Body to start the report of one year (as a draft). */
export const ApplicationReportCreate = z.strictObject({ yearIndex: YearIndex, ...reportFields });
export type ApplicationReportCreate = z.infer<typeof ApplicationReportCreate>;

/** Body to change a draft or returned report; the version read is required. */
export const ApplicationReportUpdate = z.strictObject(reportFields).partial().extend({ version: z.number().int().min(1) });
export type ApplicationReportUpdate = z.infer<typeof ApplicationReportUpdate>;

/** Body to send a report to the focal point. */
export const ApplicationReportSubmit = z.strictObject({ version: z.number().int().min(1) });

/** The focal point accepts (publishes) or returns a submitted report; a return needs a comment. */
export const ApplicationReportReview = z.strictObject({
  decision: z.enum(['accept', 'return']),
  comment: optionalText(5000),
  version: z.number().int().min(1),
});
export type ApplicationReportReview = z.infer<typeof ApplicationReportReview>;

/** The task a report belongs to (short). */
export const ApplicationReportTaskRef = z.object({
  id: Uuid,
  code: z.string(),
  titleVi: z.string(),
  formCode: z.string(),
  acceptedOn: IsoDate.nullable(),
});

/** A report in full, for staff in scope. */
export const ApplicationReport = z.object({
  id: Uuid,
  task: ApplicationReportTaskRef,
  leadOrganization: OrganizationRef,
  managingUnit: UnitRef,
  yearIndex: z.number().int(),
  periodFrom: IsoDate,
  periodTo: IsoDate,
  opensOn: IsoDate,
  dueDate: IsoDate,
  status: ApplicationReportStatus,
  /** First sent after the due date, or still unsent and the due date has passed. */
  isLate: z.boolean(),
  applicationStatus: ApplicationStatus,
  placesApplied: z.string().nullable(),
  scale: z.string().nullable(),
  economicEffect: z.string().nullable(),
  socialEffect: z.string().nullable(),
  revenue: z.number().nullable(),
  ipSummary: z.string().nullable(),
  transferContracts: z.number().int().nullable(),
  transferValue: z.number().nullable(),
  difficulties: z.string().nullable(),
  file: z.object({ id: Uuid, originalName: z.string(), size: z.number().int() }).nullable(),
  reviewComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  firstSubmittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canReview: z.boolean(),
});
export type ApplicationReport = z.infer<typeof ApplicationReport>;

/**
 * The state of one year's slot: `not_open` (before the window), `open` (may be sent, not started),
 * `overdue` (due date passed, not started), or the status of the report once started.
 */
export const APPLICATION_SLOT_STATES = ['not_open', 'open', 'overdue', ...APPLICATION_REPORT_STATUSES] as const;
export const ApplicationSlotState = z.enum(APPLICATION_SLOT_STATES);
export type ApplicationSlotState = z.infer<typeof ApplicationSlotState>;

/** One of the five yearly slots of a task. */
export const ApplicationReportSlot = z.object({
  yearIndex: z.number().int(),
  opensOn: IsoDate,
  dueDate: IsoDate,
  state: ApplicationSlotState,
  isLate: z.boolean(),
  reportId: Uuid.nullable(),
  version: z.number().int().nullable(),
  applicationStatus: ApplicationStatus.nullable(),
  firstSubmittedAt: z.string().nullable(),
  /** The caller may start this year's report now. */
  canCreate: z.boolean(),
});
export type ApplicationReportSlot = z.infer<typeof ApplicationReportSlot>;

/** The application reports of a task: whether it owes any, and its five slots once accepted. */
export const TaskApplicationReports = z.object({
  task: ApplicationReportTaskRef,
  leadOrganization: OrganizationRef,
  /** The task's form owes application reports. */
  required: z.boolean(),
  /** The caller may prepare reports (the lead organization, or the focal point on its behalf). */
  canPrepare: z.boolean(),
  asOf: IsoDate,
  /** Empty when not required or the acceptance is not recorded yet. */
  slots: z.array(ApplicationReportSlot),
});
export type TaskApplicationReports = z.infer<typeof TaskApplicationReports>;

/** Work-list groups: open for sending, overdue, awaiting the focal point's review, returned to the organization. */
export const APPLICATION_WORK_CATEGORIES = ['dueSoon', 'overdue', 'awaitingReview', 'returned'] as const;
export const ApplicationWorkCategory = z.enum(APPLICATION_WORK_CATEGORIES);
export type ApplicationWorkCategory = z.infer<typeof ApplicationWorkCategory>;

/** Work-list query: slots in the caller's scope needing action, by group. */
export const ApplicationReportWorkQuery = PageQuery.extend({
  category: ApplicationWorkCategory.optional(),
  q: z.string().trim().max(200).optional(),
  asOf: IsoDate.optional(),
});
export type ApplicationReportWorkQuery = z.infer<typeof ApplicationReportWorkQuery>;

/** One slot needing action. */
export const ApplicationReportWorkItem = z.object({
  taskId: Uuid,
  code: z.string(),
  titleVi: z.string(),
  leadOrganization: OrganizationRef,
  managingUnit: UnitRef,
  yearIndex: z.number().int(),
  opensOn: IsoDate,
  dueDate: IsoDate,
  category: ApplicationWorkCategory,
  reportId: Uuid.nullable(),
  status: ApplicationReportStatus.nullable(),
  isLate: z.boolean(),
  /** Calendar days until the due date (negative when overdue). */
  daysLeft: z.number().int(),
});
export type ApplicationReportWorkItem = z.infer<typeof ApplicationReportWorkItem>;

/** A page of the work list with the counts of every group and the reference date. */
export const ApplicationReportWorkPage = pageOf(ApplicationReportWorkItem).extend({
  asOf: IsoDate,
  counts: z.object({ dueSoon: z.number().int(), overdue: z.number().int(), awaitingReview: z.number().int(), returned: z.number().int() }),
});
export type ApplicationReportWorkPage = z.infer<typeof ApplicationReportWorkPage>;

/**
 * What the public sees of an accepted report: the task, its lead organization, the year, whether and where the
 * results were applied, the scale and the effects. Revenue, transfer contracts and values, intellectual-property
 * details, difficulties, the review and the signed file stay with the staff.
 */
export const ApplicationReportPublic = z.object({
  id: Uuid,
  task: z.object({ id: Uuid, code: z.string(), titleVi: z.string() }),
  leadOrganization: OrganizationRef,
  yearIndex: z.number().int(),
  /** The calendar year of the report's due date. */
  reportYear: z.number().int(),
  applicationStatus: ApplicationStatus,
  placesApplied: z.string().nullable(),
  scale: z.string().nullable(),
  economicEffect: z.string().nullable(),
  socialEffect: z.string().nullable(),
  acceptedAt: z.string(),
});
export type ApplicationReportPublic = z.infer<typeof ApplicationReportPublic>;

/** Public list query (accepted reports only). */
export const ApplicationReportListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  leadOrganizationId: Uuid.optional(),
  applicationStatus: ApplicationStatus.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type ApplicationReportListQuery = z.infer<typeof ApplicationReportListQuery>;
/** A page of accepted reports (public fields). */
export const ApplicationReportPage = pageOf(ApplicationReportPublic);

/** Query of the yearly summary (Mẫu 15) of a focal point. */
export const ApplicationSummaryQuery = z.strictObject({
  unitId: Uuid,
  year: z.coerce.number().int().min(2000).max(2100),
  /** Reference date for "missing" (due date passed, nothing received); default today. */
  asOf: IsoDate.optional(),
});
export type ApplicationSummaryQuery = z.infer<typeof ApplicationSummaryQuery>;

/** Query of the XLSX download: the summary's, plus the language of the labels (default: the request's). */
export const ApplicationSummaryXlsxQuery = ApplicationSummaryQuery.extend({ lang: z.enum(['vi', 'en']).optional() });

/** One task that owed a report in the year. */
export const ApplicationSummaryRow = z.object({
  taskId: Uuid,
  code: z.string(),
  titleVi: z.string(),
  formCode: z.string(),
  leadOrganization: OrganizationRef,
  acceptedOn: IsoDate,
  yearIndex: z.number().int(),
  dueDate: IsoDate,
  reportId: Uuid.nullable(),
  status: ApplicationReportStatus.nullable(),
  /** Sent to the focal point at least once. */
  received: z.boolean(),
  firstSubmittedAt: z.string().nullable(),
  isLate: z.boolean(),
  /** Nothing received and the due date has passed. */
  isMissing: z.boolean(),
  applicationStatus: ApplicationStatus.nullable(),
  placesApplied: z.string().nullable(),
  revenue: z.number().nullable(),
  transferContracts: z.number().int().nullable(),
  transferValue: z.number().nullable(),
});
export type ApplicationSummaryRow = z.infer<typeof ApplicationSummaryRow>;

/**
 * The yearly summary (Mẫu 15) of a focal point: the tasks registered at the unit (and its predecessors) whose
 * report fell due in the year, and what came of them. Application counts and totals are over accepted reports.
 */
export const ApplicationSummary = z.object({
  unit: UnitRef,
  year: z.number().int(),
  asOf: IsoDate,
  counts: z.object({
    owed: z.number().int(),
    received: z.number().int(),
    accepted: z.number().int(),
    awaitingReview: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
    notYetDue: z.number().int(),
    applied: z.number().int(),
    partlyApplied: z.number().int(),
    notApplied: z.number().int(),
    totalRevenue: z.number(),
    totalTransferContracts: z.number().int(),
    totalTransferValue: z.number(),
  }),
  rows: z.array(ApplicationSummaryRow),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

// ---------------------------------------------------------------------------------------------------------------
// Reminders (the notification outbox)
// ---------------------------------------------------------------------------------------------------------------

/**
 * What a reminder is about: the ongoing-task form (Mẫu 1), the result registration, a yearly application report,
 * or an item returned to the organization.
 */
export const NOTIFICATION_KINDS = ['ongoing_form', 'result_registration', 'application_report', 'returned'] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** Delivery states of an outbox entry. */
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;
export const NotificationStatus = z.enum(NOTIFICATION_STATUSES);

/** One message of the outbox. */
export const NotificationItem = z.object({
  id: Uuid,
  kind: z.string(),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  entityType: z.string().nullable(),
  entityId: Uuid.nullable(),
  status: NotificationStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type NotificationItem = z.infer<typeof NotificationItem>;

/** Outbox list query. */
export const NotificationListQuery = PageQuery.extend({
  status: NotificationStatus.optional(),
  kind: NotificationKind.optional(),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;
/** A page of the outbox. */
export const NotificationPage = pageOf(NotificationItem);

/** What one reminder sweep did. */
export const ReminderSweepResult = z.object({
  asOf: IsoDate,
  /** New outbox entries, in total and per kind. */
  created: z.number().int(),
  createdByKind: z.object({ ongoing_form: z.number().int(), result_registration: z.number().int(), application_report: z.number().int(), returned: z.number().int() }),
  sent: z.number().int(),
  failed: z.number().int(),
  /** The messages sent in this sweep. */
  sentItems: z.array(z.object({ recipient: z.string(), subject: z.string() })),
});
export type ReminderSweepResult = z.infer<typeof ReminderSweepResult>;
