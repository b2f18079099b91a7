import { z } from 'zod';
import { IsoDate, OrganizationRef, PageQuery, UnitRef, Uuid, optionalText, pageOf, text } from './common.js';

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

/** Body to change a task while it is a draft or returned; the version read is required. */
export const TaskUpdate = z.strictObject(taskFields).partial().extend({ version: z.number().int().min(1) });
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
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
export type TaskFull = z.infer<typeof TaskFull>;

/** Public list query (published tasks only). */
export const TaskListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  leadOrganizationId: Uuid.optional(),
  fieldCode: code.optional(),
  sort: z.enum(['name', '-name', 'updated', '-updated', 'code']).default('-updated'),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;
export const TaskPage = pageOf(TaskPublic);

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

/**
 * The focal-point board: tasks not yet published in the caller's scope, grouped by what needs doing.
 * `overdue`: draft or returned past the 30-working-day deadline; `dueSoon`: draft or returned with at most
 * `dueWithinWorkingDays` working days left; `awaitingReview`: submitted; `returned`: sent back to the lead organization.
 */
export const TaskBoard = z.object({
  asOf: IsoDate,
  dueWithinWorkingDays: z.number().int(),
  counts: z.object({ overdue: z.number().int(), dueSoon: z.number().int(), awaitingReview: z.number().int(), returned: z.number().int(), drafts: z.number().int() }),
  overdue: z.array(TaskBoardItem),
  dueSoon: z.array(TaskBoardItem),
  awaitingReview: z.array(TaskBoardItem),
  returned: z.array(TaskBoardItem),
});
export type TaskBoard = z.infer<typeof TaskBoard>;

/** Board query: how many working days ahead count as "due soon", and the reference date (default today). */
export const TaskBoardQuery = z.strictObject({
  dueWithinWorkingDays: z.coerce.number().int().min(1).max(60).default(5),
  asOf: IsoDate.optional(),
});
