import { z } from 'zod';
import { IsoDate, OrganizationRef, PageQuery, UnitRef, Uuid, listGrammarQuery, listGrammarSort, listResponseOf, optionalText, pageOf, text } from './common.js';

const code = z.string().trim().min(1).max(20);
const money = z.number().nonnegative().max(1e9).nullish(); // million VND

/** Lifecycle states of an S&T task record (Decree 11/2014, Circular 14/2014 as amended by 11/2023). */
export const TASK_STATUSES = ['draft', 'submitted', 'returned', 'published'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** Funding type for registration purposes. */
export const TASK_FUNDING_TYPES = ['NSNN', 'NON_NSNN', 'FUND'] as const;

/** One member of the research team. */
export const TaskMemberInput = z.strictObject({
  fullName: text(150),
  researcherId: Uuid.nullish(),
  role: z.enum(['member', 'secretary']).default('member'),
});

const taskFields = {
  code: text(60),
  titleVi: text(1000),
  titleEn: optionalText(1000),
  levelCode: code,
  formCode: code,
  programme: optionalText(500),
  fundingType: z.enum(TASK_FUNDING_TYPES),
  approvalDecisionNo: optionalText(100),
  approvalDecisionDate: IsoDate.nullish(),
  contractNo: optionalText(100),
  contractDate: IsoDate.nullish(),
  managingUnitId: Uuid,
  leadOrganizationId: Uuid,
  piName: text(150),
  piResearcherId: Uuid.nullish(),
  members: z.array(TaskMemberInput).max(100).default([]),
  fieldCodes2025: z.array(code).min(1).max(10),
  fieldCodes2008: z.array(code).max(10).default([]),
  seoCode: code.nullish(),
  startDate: IsoDate,
  endDate: IsoDate,
  budgetTotal: money,
  budgetStateCentral: money,
  budgetStateLocal: money,
  budgetOther: money,
  objectives: text(10000),
  content: text(20000),
  methods: optionalText(10000),
  expectedProducts: text(10000),
  applicationPlan: optionalText(10000),
};

/**
 * Body to enter an ongoing task (form Mẫu 1). `isStateSecret` must be false: tasks on the state-secret list are
 * registered under the secret regime and are never stored in this open system.
 */
export const TaskCreate = z.strictObject({ ...taskFields, isStateSecret: z.boolean() });
export type TaskCreate = z.infer<typeof TaskCreate>;

/** The task fields without their defaults: in a partial body an absent field must stay absent, not become `[]`. */
const taskFieldsNoDefaults = Object.fromEntries(Object.entries(taskFields).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap() : v])) as {
  [K in keyof typeof taskFields]: (typeof taskFields)[K] extends z.ZodDefault<infer T> ? T : (typeof taskFields)[K];
};

/** Body to change a task while it is a draft or returned; the version read is required. */
export const TaskUpdate = z.strictObject(taskFieldsNoDefaults).partial().extend({ version: z.number().int().min(1) });
export type TaskUpdate = z.infer<typeof TaskUpdate>;

/** Body of a review decision by the focal point. */
export const TaskReview = z.strictObject({
  decision: z.enum(['accept', 'return']),
  comment: optionalText(5000),
  version: z.number().int().min(1),
});
export type TaskReview = z.infer<typeof TaskReview>;

/** Body to submit a draft or returned task for review. */
export const TaskSubmit = z.strictObject({ version: z.number().int().min(1) });

/**
 * What the public sees of a published ongoing task: exactly the fields of Circular 14/2014 Art 23(2) —
 * title, lead organization, principal investigator, objectives and main content, field, methods, expected
 * results, planned start and end — plus identifiers.
 */
export const TaskPublic = z.object({
  id: Uuid,
  code: z.string(),
  titleVi: z.string(),
  leadOrganization: OrganizationRef,
  piName: z.string(),
  objectives: z.string(),
  content: z.string(),
  fieldCodes2025: z.array(z.string()),
  methods: z.string().nullable(),
  expectedProducts: z.string(),
  startDate: IsoDate,
  endDate: IsoDate,
  publishedAt: z.string(),
});
export type TaskPublic = z.infer<typeof TaskPublic>;

/** The full task record for staff whose scope covers it. */
export const TaskFull = z.object({
  id: Uuid,
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  levelCode: z.string(),
  formCode: z.string(),
  programme: z.string().nullable(),
  fundingType: z.enum(TASK_FUNDING_TYPES),
  approvalDecisionNo: z.string().nullable(),
  approvalDecisionDate: IsoDate.nullable(),
  contractNo: z.string().nullable(),
  contractDate: IsoDate.nullable(),
  managingUnit: UnitRef,
  leadOrganization: OrganizationRef,
  piName: z.string(),
  piResearcherId: Uuid.nullable(),
  members: z.array(z.object({ fullName: z.string(), researcherId: Uuid.nullable(), role: z.enum(['member', 'secretary']) })),
  fieldCodes2025: z.array(z.string()),
  fieldCodes2008: z.array(z.string()),
  seoCode: z.string().nullable(),
  startDate: IsoDate,
  endDate: IsoDate,
  budgetTotal: z.number().nullable(),
  budgetStateCentral: z.number().nullable(),
  budgetStateLocal: z.number().nullable(),
  budgetOther: z.number().nullable(),
  objectives: z.string(),
  content: z.string(),
  methods: z.string().nullable(),
  expectedProducts: z.string(),
  applicationPlan: z.string().nullable(),
  status: TaskStatus,
  /** The last day to send the ongoing-task form: contract date + 30 working days (null without a contract date). */
  ongoingDeadline: IsoDate.nullable(),
  /** True when the form was submitted after the deadline, or is still unsent and the deadline has passed. */
  isOngoingLate: z.boolean(),
  reviewComment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** Official acceptance (T1), when recorded. */
  acceptedOn: IsoDate.nullable(),
  acceptanceDecisionNo: z.string().nullable(),
  acceptanceRating: z.enum(['excellent', 'pass', 'fail']).nullable(),
  /** Last day to submit the result-registration dossier: T1 + 30 working days. */
  registrationDeadline: IsoDate.nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
  canReview: z.boolean(),
  /** The caller may file a change (Mẫu 3): the task is published and its result not yet registered. */
  canChange: z.boolean(),
  /** The caller may record the official acceptance. */
  canRecordAcceptance: z.boolean(),
});
export type TaskFull = z.infer<typeof TaskFull>;

/** Public list query (published tasks only). */
export const TaskListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  leadOrganizationId: Uuid.optional(),
  fieldCode: code.optional(),
  sort: listGrammarSort('name, updated, code, start_date, end_date', '-updated'),
  ...listGrammarQuery({
    filters:
      'level (management level code), form (task form code), field (FOS2025 code of any of the fields; a prefix matches every code under it, e.g. `field:1`), lead_organization (id), managing_unit (id), start_year, start_date, end_date',
    filterExample: 'filter=field:1|2,start_year:2020-2024,level:!CS,end_date:>2025-06-30',
    sorts: 'name, updated, code, start_date, end_date',
    selects: 'code, titleVi, leadOrganization, piName, objectives, content, fieldCodes2025, methods, expectedProducts, startDate, endDate, publishedAt',
    groups: 'level, form, field (each code of a task counts), lead_organization, start_year',
  }),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;
export const TaskPage = pageOf(TaskPublic);
/** The answer of the public task list: a page, a page of selected fields, or counts per value. */
export const TaskListResponse = listResponseOf(TaskPublic);

/** Staff work list query: tasks in the caller's scope, by status. */
export const TaskWorkQuery = PageQuery.extend({
  status: TaskStatus.optional(),
  q: z.string().trim().max(200).optional(),
});
export type TaskWorkQuery = z.infer<typeof TaskWorkQuery>;

/** A row of the staff work list. */
export const TaskWorkItem = z.object({
  id: Uuid,
  code: z.string(),
  titleVi: z.string(),
  status: TaskStatus,
  managingUnit: UnitRef,
  leadOrganization: OrganizationRef,
  contractDate: IsoDate.nullable(),
  ongoingDeadline: IsoDate.nullable(),
  isOngoingLate: z.boolean(),
  updatedAt: z.string(),
});
export const TaskWorkPage = pageOf(TaskWorkItem);

/** One open task on the focal-point board, with its ongoing-form deadline. */
export const TaskBoardItem = z.object({
  id: Uuid,
  code: z.string(),
  titleVi: z.string(),
  status: TaskStatus,
  leadOrganization: OrganizationRef,
  ongoingDeadline: IsoDate.nullable(),
  daysLeft: z.number().int().nullable(),
});
export type TaskBoardItem = z.infer<typeof TaskBoardItem>;

/** A task on the board's registration lists. */
export const RegistrationBoardItem = z.object({
  taskId: Uuid,
  code: z.string(),
  titleVi: z.string(),
  leadOrganization: OrganizationRef,
  acceptedOn: IsoDate,
  registrationId: Uuid.nullable(),
  registrationStatus: z.enum(['draft', 'submitted', 'returned']).nullable(),
  deadline: IsoDate,
  daysLeft: z.number().int(),
  isLate: z.boolean(),
});
export type RegistrationBoardItem = z.infer<typeof RegistrationBoardItem>;

/** A filed change on the board. */
export const ChangeBoardItem = z.object({
  changeId: Uuid,
  taskId: Uuid,
  code: z.string(),
  titleVi: z.string(),
  decisionNo: z.string(),
  decisionDate: IsoDate,
  submittedAt: z.string(),
});
export type ChangeBoardItem = z.infer<typeof ChangeBoardItem>;

/**
 * The focal-point board: what needs doing in the caller's scope. Ongoing-task forms: `overdue` (draft or returned
 * past the 30-working-day deadline), `dueSoon` (at most `dueWithinWorkingDays` working days left), `awaitingReview`
 * (submitted), `returned`; then result registrations due or overdue, dossiers awaiting the authority, and changes
 * awaiting the focal point.
 */
export const TaskBoard = z.object({
  asOf: IsoDate,
  dueWithinWorkingDays: z.number().int(),
  counts: z.object({
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    awaitingReview: z.number().int(),
    returned: z.number().int(),
    drafts: z.number().int(),
    registrationsDue: z.number().int(),
    registrationsOverdue: z.number().int(),
    dossiersAwaitingReview: z.number().int(),
    changesAwaitingReview: z.number().int(),
  }),
  overdue: z.array(TaskBoardItem),
  dueSoon: z.array(TaskBoardItem),
  awaitingReview: z.array(TaskBoardItem),
  returned: z.array(TaskBoardItem),
  /** Accepted tasks whose dossier is not sent (none, draft or returned), by registration deadline (T1 + 30 working days). */
  registrations: z.array(RegistrationBoardItem),
  /** Dossiers sent and waiting for the registering authority. */
  dossiersAwaitingReview: z.array(RegistrationBoardItem),
  /** Changes (Mẫu 3) filed and waiting for the focal point. */
  changesAwaitingReview: z.array(ChangeBoardItem),
});
export type TaskBoard = z.infer<typeof TaskBoard>;

/** Board query: how many working days ahead count as "due soon", and the reference date (default today). */
export const TaskBoardQuery = z.strictObject({
  dueWithinWorkingDays: z.coerce.number().int().min(1).max(60).default(5),
  asOf: IsoDate.optional(),
});

/** Ratings of an official acceptance. */
export const ACCEPTANCE_RATINGS = ['excellent', 'pass', 'fail'] as const;

/** Body to record the official (final-level) acceptance of a published task: T1 of the registration window. */
export const TaskAcceptance = z.strictObject({
  acceptedOn: IsoDate,
  acceptanceDecisionNo: optionalText(100),
  acceptanceRating: z.enum(ACCEPTANCE_RATINGS),
  version: z.number().int().min(1),
});
export type TaskAcceptance = z.infer<typeof TaskAcceptance>;

/** Fields a change (Mẫu 3) may touch: everything but the identity of the task and where it is registered. */
export const TASK_CHANGEABLE_FIELDS = [
  'titleVi', 'titleEn', 'formCode', 'programme', 'approvalDecisionNo', 'approvalDecisionDate', 'contractNo', 'contractDate',
  'leadOrganizationId', 'piName', 'piResearcherId', 'members', 'fieldCodes2025', 'fieldCodes2008', 'seoCode', 'startDate', 'endDate',
  'budgetTotal', 'budgetStateCentral', 'budgetStateLocal', 'budgetOther', 'objectives', 'content', 'methods', 'expectedProducts', 'applicationPlan',
] as const;
export type TaskChangeableField = (typeof TASK_CHANGEABLE_FIELDS)[number];

const changeFields = Object.fromEntries(TASK_CHANGEABLE_FIELDS.map((k) => [k, taskFieldsNoDefaults[k]])) as { [K in TaskChangeableField]: (typeof taskFieldsNoDefaults)[K] };

/** Body of a change to a published task (phiếu cập nhật, Mẫu 3): the new values, why, and the decision approving it. */
export const TaskChangeCreate = z.strictObject({
  changes: z.strictObject(changeFields).partial(),
  reason: text(5000),
  decisionNo: text(100),
  decisionDate: IsoDate,
});
export type TaskChangeCreate = z.infer<typeof TaskChangeCreate>;

/** The focal point applies a change to the record or returns it with comments. */
export const TaskChangeReview = z.strictObject({
  decision: z.enum(['apply', 'return']),
  comment: optionalText(5000),
});
export type TaskChangeReview = z.infer<typeof TaskChangeReview>;

/** One changed field: its value before and after. */
export const FieldDiff = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldDiff = z.infer<typeof FieldDiff>;

/** A change of a task as filed and reviewed. */
export const TaskChange = z.object({
  id: Uuid,
  taskId: Uuid,
  status: z.enum(['submitted', 'applied', 'returned']),
  diff: z.array(FieldDiff),
  reason: z.string(),
  decisionNo: z.string(),
  decisionDate: IsoDate,
  /** Updates are due within 15 working days of the approving decision (local practice). */
  dueDate: IsoDate,
  isLate: z.boolean(),
  revision: z.number().int().nullable(),
  reviewComment: z.string().nullable(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  canReview: z.boolean(),
});
export type TaskChange = z.infer<typeof TaskChange>;
export const TaskChangeList = z.object({ items: z.array(TaskChange) });

/** A published revision of a task (1 at publication, one more per applied change). */
export const TaskRevision = z.object({
  revision: z.number().int(),
  createdAt: z.string(),
  changeId: Uuid.nullable(),
  reason: z.string().nullable(),
  decisionNo: z.string().nullable(),
});
export const TaskRevisionList = z.object({ items: z.array(TaskRevision) });

/** Query of a diff between two revisions. */
export const TaskRevisionDiffQuery = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export const TaskRevisionDiff = z.object({ from: z.number().int(), to: z.number().int(), diff: z.array(FieldDiff) });
export type TaskRevisionDiff = z.infer<typeof TaskRevisionDiff>;

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => [k, canonical(x)]));
  return v ?? null;
}

/** Deep equality of two JSON values, ignoring object key order (jsonb reorders keys); null and undefined are equal. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** The fields whose values differ between two snapshots of a task, in a stable order. */
export function diffTaskSnapshots(before: Record<string, unknown>, after: Record<string, unknown>): FieldDiff[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((k) => !sameValue(before[k], after[k])).map((k) => ({ field: k, before: before[k] ?? null, after: after[k] ?? null }));
}
