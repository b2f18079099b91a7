import { z } from 'zod';
import { FormDefinition } from '../stats/form-definition.js';
import { IsoDate, OrganizationRef, PageQuery, UnitRef, Uuid, optionalText, pageOf, text } from './common.js';

/**
 * The statistical reporting cycle (Circular 25/2015 grassroots forms; domain-vn.md §3.4): a period per calendar
 * year with deadlines (units → province by 1 Feb, province → national by 15 Feb of the next year); assigning a form
 * to an organization creates its report in draft; the unit fills and submits; the province or ministry that manages
 * the organization approves or returns it with a comment; the national level accepts. Approved and accepted data is
 * locked until explicitly reopened (audited, with a reason).
 */

/** Workflow states of a statistical report. */
export const STAT_REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'accepted'] as const;
export const StatReportStatus = z.enum(STAT_REPORT_STATUSES);
export type StatReportStatus = z.infer<typeof StatReportStatus>;

/** States of a reporting period. */
export const StatPeriodStatus = z.enum(['open', 'closed']);
export type StatPeriodStatus = z.infer<typeof StatPeriodStatus>;

/** The default deadline of grassroots units: 1 February of the year after the period. */
export function defaultUnitDeadline(year: number): string {
  return `${year + 1}-02-01`;
}

/** The default deadline of provinces and ministries towards the national level: 15 February of the next year. */
export function defaultProvinceDeadline(year: number): string {
  return `${year + 1}-02-15`;
}

const FormCode = z.string().trim().min(1).max(40);
const FormVersion = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/);
const CellCode = z.string().regex(/^[A-Za-z0-9_.-]{1,20}$/);
const Version = z.number().int().min(1);

/** Query of the form catalogue: the versions to use in a year (default), or every version. */
export const StatFormListQuery = z.strictObject({
  /**
   * The period year: for each form code, the version in force on 31 December of that year, or — when no version of
   * the code is in force that year (the demo and test years after Circular 25/2015 expired) — its newest version.
   */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** `true`: every stored version of every form. */
  all: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** Only the forms filled at this level: grassroots units, or provinces and ministries (their aggregate forms). */
  level: z.enum(['unit', 'province', 'ministry']).optional(),
});
export type StatFormListQuery = z.infer<typeof StatFormListQuery>;

/** The form catalogue. */
export const StatFormList = z.object({ items: z.array(FormDefinition) });

/** Path of one form version (encode the slash of codes such as `02%2FCS-KHCN`). */
export const StatFormParams = z.strictObject({ code: FormCode, version: FormVersion });

/** A reporting period. */
export const StatPeriod = z.object({
  id: Uuid,
  year: z.number().int(),
  unitDeadline: IsoDate,
  provinceDeadline: IsoDate,
  status: StatPeriodStatus,
  /** When the national level closed the period: no entry, review or reopening any more (until the period is reopened). */
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type StatPeriod = z.infer<typeof StatPeriod>;

/** Body to close a period. */
export const StatPeriodClose = z.strictObject({ note: optionalText(2000) });
export type StatPeriodClose = z.infer<typeof StatPeriodClose>;

/** Body to reopen a closed period: always with a reason (audited). */
export const StatPeriodReopen = z.strictObject({ reason: text(2000) });
export type StatPeriodReopen = z.infer<typeof StatPeriodReopen>;

/** Body to open a period; deadlines default to 1 and 15 February of the next year. */
export const StatPeriodCreate = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  unitDeadline: IsoDate.optional(),
  provinceDeadline: IsoDate.optional(),
});
export type StatPeriodCreate = z.infer<typeof StatPeriodCreate>;

/** The list of periods, newest first. */
export const StatPeriodList = z.object({ items: z.array(StatPeriod) });

/** Body to assign forms to organizations for a period (creates draft reports; assigning twice changes nothing). */
export const StatAssignmentCreate = z.strictObject({
  organizationIds: z.array(Uuid).min(1).max(5000),
  /** Forms; without a version, the version to use in the period's year (see {@link StatFormListQuery}). */
  forms: z.array(z.strictObject({ code: FormCode, version: FormVersion.optional() })).min(1).max(20),
});
export type StatAssignmentCreate = z.infer<typeof StatAssignmentCreate>;

/** Result of an assignment: how many reports were created and how many existed already. */
export const StatAssignmentResult = z.object({ created: z.number().int(), existing: z.number().int(), reportIds: z.array(Uuid) });
export type StatAssignmentResult = z.infer<typeof StatAssignmentResult>;

/** A cell as sent and returned: row and column codes with the cell's state; a number only where the state has one. */
export const StatCellInput = z.discriminatedUnion('state', [
  z.strictObject({ row: CellCode, column: CellCode, state: z.literal('value'), value: z.number().finite() }),
  z.strictObject({ row: CellCode, column: CellCode, state: z.literal('missing') }),
  z.strictObject({ row: CellCode, column: CellCode, state: z.literal('not_applicable') }),
  z.strictObject({ row: CellCode, column: CellCode, state: z.literal('confidential'), value: z.number().finite().nullable() }),
]);
export type StatCellInput = z.infer<typeof StatCellInput>;

/** A stored cell (missing cells are not listed). */
export const StatCell = z.object({
  row: z.string(),
  column: z.string(),
  state: z.enum(['value', 'not_applicable', 'confidential']),
  value: z.number().nullable(),
});
export type StatCell = z.infer<typeof StatCell>;

/** One validation problem at a cell (see `validateForm`). */
export const StatCellIssue = z.object({
  row: z.string(),
  column: z.string(),
  ruleId: z.string(),
  severity: z.enum(['error', 'warning']),
  messageVi: z.string(),
  messageEn: z.string(),
});

/** Body to save cells of a draft or returned report: the listed cells are merged (state `missing` clears one). */
export const StatCellsUpdate = z.strictObject({ version: Version, cells: z.array(StatCellInput).max(5000) });
export type StatCellsUpdate = z.infer<typeof StatCellsUpdate>;

/** Body of submit and accept. */
export const StatVersionBody = z.strictObject({ version: Version });

/** The province or ministry approves or returns a submitted report; a return needs a comment. */
export const StatReview = z.strictObject({ decision: z.enum(['approve', 'return']), comment: optionalText(5000), version: Version });
export type StatReview = z.infer<typeof StatReview>;

/** Reopening approved or accepted data: always with a reason. */
export const StatReopen = z.strictObject({ reason: text(5000), version: Version });
export type StatReopen = z.infer<typeof StatReopen>;

/** Query of the work list of reports in the caller's scope. */
export const StatReportQuery = PageQuery.extend({
  periodId: Uuid.optional(),
  status: StatReportStatus.optional(),
  formCode: FormCode.optional(),
  /** Searches the organization's name or code. */
  q: z.string().trim().max(200).optional(),
});
export type StatReportQuery = z.infer<typeof StatReportQuery>;

/** The form of a report (short). */
export const StatFormRef = z.object({ code: z.string(), version: z.string(), titleVi: z.string(), titleEn: z.string() });

/** A report in a work list. */
export const StatReportSummary = z.object({
  id: Uuid,
  period: z.object({ id: Uuid, year: z.number().int(), unitDeadline: IsoDate }),
  organization: OrganizationRef,
  managingUnit: UnitRef,
  form: StatFormRef,
  status: StatReportStatus,
  /** First sent after the unit deadline, or never sent and the deadline has passed. */
  isLate: z.boolean(),
  submittedAt: z.string().nullable(),
  firstSubmittedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type StatReportSummary = z.infer<typeof StatReportSummary>;

/** The work list page. */
export const StatReportPage = pageOf(StatReportSummary);

/** A report with its cells, its current validation issues and what the caller may do. */
export const StatReport = StatReportSummary.extend({
  reviewComment: z.string().nullable(),
  approvedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  cells: z.array(StatCell),
  /** Errors block submission; warnings (outliers against last year's report) do not. */
  issues: z.array(StatCellIssue),
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canReview: z.boolean(),
  canAccept: z.boolean(),
  canReopen: z.boolean(),
});
export type StatReport = z.infer<typeof StatReport>;

/** Query of the completeness board: the organizations managed by a unit (default: the caller's unit, or all). */
export const StatBoardQuery = z.strictObject({ unitId: Uuid.optional() });

/** Completeness and timeliness of one form in a period. */
export const StatBoardForm = z.object({
  form: StatFormRef,
  assigned: z.number().int(),
  /** Drafts without any cell. */
  notStarted: z.number().int(),
  /** Drafts with at least one cell. */
  draft: z.number().int(),
  submitted: z.number().int(),
  returned: z.number().int(),
  approved: z.number().int(),
  accepted: z.number().int(),
  late: z.number().int(),
});

/** The completeness and timeliness board of a period. */
export const StatBoard = z.object({
  period: StatPeriod,
  unit: UnitRef.nullable(),
  forms: z.array(StatBoardForm),
  /** Reports waiting for their unit: drafts (never submitted) and returned ones. */
  notSubmitted: z.array(z.object({ reportId: Uuid, organization: OrganizationRef, formCode: z.string(), status: StatReportStatus, isLate: z.boolean() })),
});
export type StatBoard = z.infer<typeof StatBoard>;

/** Query of the aggregates of a form for a period: national, or by province (as of a date of the org-unit registry). */
export const StatAggregateQuery = z.strictObject({
  periodId: Uuid,
  formCode: z.string().min(1).max(40),
  /** `province`: by the provinces (geography; they add up to the nation); `ministry`: organizations managed by each ministry. */
  level: z.enum(['national', 'province', 'ministry']).default('national'),
  /** The registry date the provinces are taken as of (default: today): 2024 data by the 34 new provinces, or by the 63 old ones with a date before 1 Jul 2025. */
  asOf: IsoDate.optional(),
  /** Small-cell suppression: withhold cells from fewer units than this (with complementary cells). */
  suppressBelow: z.coerce.number().int().min(2).max(20).optional(),
});
export type StatAggregateQuery = z.infer<typeof StatAggregateQuery>;

/** Query of a province's aggregate form (02–06/TKTH-KHCN-ĐP of Circular 26/2015) filled from its units' approved reports. */
export const StatProvinceFormQuery = z.strictObject({
  periodId: Uuid,
  /** The aggregate form's code, e.g. `02/TKTH-KHCN-ĐP`. */
  formCode: z.string().min(1).max(40),
  /** The province (as of `asOf`). */
  unitId: Uuid,
  asOf: IsoDate.optional(),
});
export type StatProvinceFormQuery = z.infer<typeof StatProvinceFormQuery>;

/** One aggregated cell: the sum of approved reports, how many units reported it and how many left it missing. */
export const StatAggregateCell = z.object({
  row: z.string(),
  column: z.string(),
  value: z.number().nullable(),
  reporting: z.number().int(),
  missing: z.number().int(),
  /** Withheld by small-cell suppression (`value` is then null). */
  suppressed: z.enum(['primary', 'secondary']).nullable(),
});

/** The aggregates of one area (the nation, or a province as of the chosen date). */
export const StatAggregateArea = z.object({
  unit: UnitRef.nullable(),
  reports: z.number().int(),
  cells: z.array(StatAggregateCell),
});

/** Aggregates of a form for a period over approved and accepted reports, computed from the stored cells on request. */
export const StatAggregate = z.object({
  periodId: Uuid,
  year: z.number().int(),
  formCode: z.string(),
  formVersion: z.string(),
  level: z.enum(['national', 'province', 'ministry']),
  asOf: IsoDate,
  areas: z.array(StatAggregateArea),
});
export type StatAggregate = z.infer<typeof StatAggregate>;

/** Cells proposed for a report from the registries of the system (form 04/CS-KHCN from the task registry): not saved. */
export const StatPrefill = z.object({
  source: z.enum(['task_registry']),
  /** How many registry records the proposal counts. */
  records: z.number().int(),
  cells: z.array(StatCell),
});
export type StatPrefill = z.infer<typeof StatPrefill>;
