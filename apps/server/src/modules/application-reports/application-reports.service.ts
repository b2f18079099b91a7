import {
  APPLICATION_REPORT_OPENS_DAYS_BEFORE,
  addCalendarDays,
  applicationReportOpensOn,
  isApplicationReportForm,
  todayInVietnam,
  type ApplicationReport,
  type ApplicationReportCreate,
  type ApplicationReportListQuery,
  type ApplicationReportReview,
  type ApplicationReportUpdate,
  type ApplicationReportWorkPage,
  type ApplicationReportWorkQuery,
  type ApplicationSummary,
  type ApplicationSummaryQuery,
  type ApplicationSummaryRow,
  type TaskApplicationReports,
} from '@stinet/shared';
import type { Db, Executor } from '../../db/types.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import type { AuthUser, RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { definedOnly } from '../../lib/sql.js';
import { canManageUnit, canReadUnit, requireActor, requireRole, unitScopeIds } from '../access/access.service.js';
import { findOrganizationRefs, type OrganizationRefRow } from '../organizations/organizations.repo.js';
import { presentUnitRef } from '../org-units/org-units.presenter.js';
import { findUnitById, findUnitsByIds, type OrgUnitRow } from '../org-units/org-units.repo.js';
import { findTaskById, type TaskRow } from '../tasks/tasks.repo.js';
import {
  findAcceptedReports,
  findFileRef,
  findReportById,
  findReportByTaskYear,
  findReportsByTask,
  countWork,
  findSummarySlots,
  findWork,
  insertReport,
  updateReportVersioned,
  type ApplicationReportRow,
  type TaskScope,
} from './application-reports.repo.js';
import { isEditableReport, isReportLate, presentReport, presentReportPublic, presentSlots, vnDay, type ReportAccess } from './application-reports.presenter.js';

/**
 * Scope rules (as for the task registry): the lead organization's reporter prepares and submits; the focal officer
 * whose scope covers the task's managing unit reviews and may also prepare on the organization's behalf; the national
 * admin does everything; reviewers read in their scope.
 */
export async function reportAccess(ex: Executor, actor: AuthUser | null, taskRow: Pick<TaskRow, 'leadOrganizationId' | 'managingUnitId'>): Promise<ReportAccess> {
  const none = { canRead: false, canPrepare: false, canReview: false };
  if (!actor) return none;
  if (actor.role === 'org_reporter') {
    const own = actor.organizationId === taskRow.leadOrganizationId;
    return { canRead: own, canPrepare: own, canReview: false };
  }
  if (actor.role === 'reviewer') return { ...none, canRead: await canReadUnit(ex, actor, taskRow.managingUnitId) };
  const manages = await canManageUnit(ex, actor, taskRow.managingUnitId);
  return { canRead: manages, canPrepare: manages, canReview: manages };
}

async function loadTask(ex: Executor, actor: AuthUser, taskId: string): Promise<{ taskRow: TaskRow; access: ReportAccess }> {
  const taskRow = await findTaskById(ex, taskId);
  if (!taskRow) throw notFound('task');
  const access = await reportAccess(ex, actor, taskRow);
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  return { taskRow, access };
}

async function loadReport(ex: Executor, actor: AuthUser, id: string): Promise<{ row: ApplicationReportRow; taskRow: TaskRow; access: ReportAccess }> {
  const row = await findReportById(ex, id);
  if (!row) throw notFound('application_report');
  const { taskRow, access } = await loadTask(ex, actor, row.taskId);
  return { row, taskRow, access };
}

async function present(ex: Executor, row: ApplicationReportRow, taskRow: TaskRow, access: ReportAccess): Promise<ApplicationReport> {
  const lead = (await findOrganizationRefs(ex, [taskRow.leadOrganizationId])).get(taskRow.leadOrganizationId) as OrganizationRefRow;
  const unit = (await findUnitById(ex, taskRow.managingUnitId)) as OrgUnitRow;
  const file = row.fileId ? ((await findFileRef(ex, row.fileId)) ?? null) : null;
  return presentReport(row, taskRow, lead, presentUnitRef(unit), file && { id: file.id, originalName: file.originalName, size: file.size }, access);
}

/** A signed copy must be a file of the task's lead organization. */
async function assertFile(ex: Executor, fileId: string | null | undefined, taskRow: TaskRow): Promise<void> {
  if (!fileId) return;
  const file = await findFileRef(ex, fileId);
  if (!file || file.organizationId !== taskRow.leadOrganizationId) throw fieldError('VALIDATION_FAILED', 'fileId', 'The file does not exist or does not belong to the lead organization');
}

/** The five yearly slots of a task (empty when its form owes no report or its acceptance is not recorded). */
export async function listTaskReports(ex: Executor, ctx: RequestContext, taskId: string): Promise<TaskApplicationReports> {
  const actor = requireActor(ctx);
  const { taskRow, access } = await loadTask(ex, actor, taskId);
  const lead = (await findOrganizationRefs(ex, [taskRow.leadOrganizationId])).get(taskRow.leadOrganizationId) as OrganizationRefRow;
  const required = isApplicationReportForm(taskRow.formCode);
  const today = todayInVietnam();
  const slots = required && taskRow.acceptedOn ? presentSlots(taskRow.acceptedOn, await findReportsByTask(ex, taskId), access.canPrepare, today) : [];
  return {
    task: { id: taskRow.id, code: taskRow.code, titleVi: taskRow.titleVi, formCode: taskRow.formCode, acceptedOn: taskRow.acceptedOn },
    leadOrganization: lead,
    required,
    canPrepare: access.canPrepare,
    asOf: today,
    slots,
  };
}

/**
 * Starts the report of one year as a draft. Refused for task forms that owe no report (409 REPORT_NOT_REQUIRED),
 * before the acceptance is recorded (409 TASK_NOT_ACCEPTED), before the year's window opens (REPORT_NOT_REQUIRED)
 * and when the year's report exists already (INVALID_TRANSITION).
 */
export async function createReport(db: Db, ctx: RequestContext, taskId: string, input: ApplicationReportCreate): Promise<ApplicationReport> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  return db.transaction(async (tx) => {
    const { taskRow, access } = await loadTask(tx, actor, taskId);
    if (!access.canPrepare) throw new AppError('OUT_OF_SCOPE');
    if (!isApplicationReportForm(taskRow.formCode)) {
      throw new AppError('REPORT_NOT_REQUIRED', [{ path: 'formCode', code: 'form_not_reporting', message: `Tasks of form ${taskRow.formCode} owe no application report` }]);
    }
    if (!taskRow.acceptedOn) throw new AppError('TASK_NOT_ACCEPTED');
    const opensOn = applicationReportOpensOn(taskRow.acceptedOn, input.yearIndex);
    if (todayInVietnam() < opensOn) {
      throw new AppError('REPORT_NOT_REQUIRED', [{ path: 'yearIndex', code: 'not_open', message: `The report of year ${input.yearIndex} may be sent from ${opensOn}` }]);
    }
    if (await findReportByTaskYear(tx, taskId, input.yearIndex)) {
      throw new AppError('INVALID_TRANSITION', [{ path: 'yearIndex', code: 'exists', message: `The report of year ${input.yearIndex} exists already` }]);
    }
    await assertFile(tx, input.fileId, taskRow);
    const row = await insertReport(tx, { ...(definedOnly(input) as typeof input), taskId, status: 'draft', createdBy: actor.id });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'application_report', entityId: row.id, after: row });
    return present(tx, row, taskRow, access);
  });
}

/** One report, for staff in scope. */
export async function getReport(ex: Executor, ctx: RequestContext, id: string): Promise<ApplicationReport> {
  const { row, taskRow, access } = await loadReport(ex, requireActor(ctx), id);
  return present(ex, row, taskRow, access);
}

/** Changes a draft or returned report (send the version read). */
export async function updateReport(db: Db, ctx: RequestContext, id: string, input: ApplicationReportUpdate): Promise<ApplicationReport> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    const { row: before, taskRow, access } = await loadReport(tx, actor, id);
    if (!isEditableReport(before.status)) throw new AppError('INVALID_TRANSITION');
    if (!access.canPrepare) throw new AppError('OUT_OF_SCOPE');
    if (before.version !== version) throw new AppError('VERSION_CONFLICT');
    await assertFile(tx, changes.fileId, taskRow);
    const after = await updateReportVersioned(tx, id, version, definedOnly(changes));
    if (!after) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx, { action: 'update', entityType: 'application_report', entityId: id, before, after });
    return present(tx, after, taskRow, access);
  });
}

/** Sends a draft or returned report to the focal point; where results were applied must be stated. */
export async function submitReport(db: Db, ctx: RequestContext, id: string, version: number): Promise<ApplicationReport> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  return db.transaction(async (tx) => {
    const { row: before, taskRow, access } = await loadReport(tx, actor, id);
    if (!isEditableReport(before.status)) throw new AppError('INVALID_TRANSITION');
    if (!access.canPrepare) throw new AppError('OUT_OF_SCOPE');
    if (before.version !== version) throw new AppError('VERSION_CONFLICT');
    if (before.applicationStatus !== 'not_applied' && !before.placesApplied) {
      throw fieldError('VALIDATION_FAILED', 'placesApplied', 'Say where the results were applied');
    }
    const now = new Date();
    const after = await updateReportVersioned(tx, id, version, { status: 'submitted', submittedAt: now, firstSubmittedAt: before.firstSubmittedAt ?? now });
    if (!after) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx, { action: 'submit', entityType: 'application_report', entityId: id, before: { status: before.status }, after: { status: after.status } });
    return present(tx, after, taskRow, access);
  });
}

/** The focal point accepts (publishes) a submitted report or returns it with a comment. */
export async function reviewReport(db: Db, ctx: RequestContext, id: string, input: ApplicationReportReview): Promise<ApplicationReport> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer');
  if (input.decision === 'return' && !input.comment) throw fieldError('VALIDATION_FAILED', 'comment', 'A returned report needs a comment');
  return db.transaction(async (tx) => {
    const { row: before, taskRow, access } = await loadReport(tx, actor, id);
    if (before.status !== 'submitted') throw new AppError('INVALID_TRANSITION');
    if (!access.canReview) throw new AppError('OUT_OF_SCOPE');
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const accepted = input.decision === 'accept';
    const after = await updateReportVersioned(tx, id, input.version, {
      status: accepted ? 'accepted' : 'returned',
      reviewComment: input.comment ?? null,
      ...(accepted ? { acceptedAt: new Date() } : {}),
    });
    if (!after) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx, {
      action: accepted ? 'accept' : 'return',
      entityType: 'application_report',
      entityId: id,
      before: { status: before.status, reviewComment: before.reviewComment },
      after: { status: after.status, reviewComment: after.reviewComment },
    });
    return present(tx, after, taskRow, access);
  });
}

/** The tasks an actor works on: their units' (with predecessors), their organization's, or all. */
async function workScope(ex: Executor, actor: AuthUser): Promise<TaskScope> {
  if (actor.role === 'org_reporter') return { leadOrganizationId: actor.organizationId ?? '00000000-0000-0000-0000-000000000000' };
  if (actor.role === 'focal_officer' || (actor.role === 'reviewer' && actor.scopeUnitId)) return { managingUnitIds: [...(await unitScopeIds(ex, actor.scopeUnitId as string))] };
  return {};
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The caller's work list: yearly reports open for sending, overdue, awaiting review or returned, in their scope. */
export async function listWork(ex: Executor, ctx: RequestContext, q: ApplicationReportWorkQuery): Promise<ApplicationReportWorkPage> {
  const actor = requireActor(ctx);
  const asOf = q.asOf ?? todayInVietnam();
  const scope = await workScope(ex, actor);
  const counts = await countWork(ex, scope, asOf, q.q);
  const rows = await findWork(ex, scope, asOf, { q: q.q, category: q.category }, q.page, q.pageSize);
  const orgs = await findOrganizationRefs(ex, rows.map((r) => r.lead_organization_id));
  const units = await findUnitsByIds(ex, rows.map((r) => r.managing_unit_id));
  const total = q.category ? counts[q.category] : counts.dueSoon + counts.overdue + counts.awaitingReview + counts.returned;
  return {
    asOf,
    counts,
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      taskId: r.task_id,
      code: r.code,
      titleVi: r.title_vi,
      leadOrganization: orgs.get(r.lead_organization_id) as OrganizationRefRow,
      managingUnit: presentUnitRef(units.get(r.managing_unit_id) as OrgUnitRow),
      yearIndex: r.year_index,
      opensOn: addCalendarDays(r.due_date, -APPLICATION_REPORT_OPENS_DAYS_BEFORE),
      dueDate: r.due_date,
      category: r.category,
      reportId: r.report_id,
      status: r.status,
      isLate: isReportLate(r.due_date, r.first_submitted_at, asOf),
      daysLeft: daysBetween(asOf, r.due_date),
    })),
  };
}

/** Public list: accepted reports, public fields only. */
export async function listAcceptedReports(ex: Executor, q: ApplicationReportListQuery) {
  const { rows, total } = await findAcceptedReports(ex, q, q.page, q.pageSize);
  const orgs = await findOrganizationRefs(ex, rows.map((r) => r.leadOrganizationId));
  return { items: rows.map((r) => presentReportPublic(r, orgs.get(r.leadOrganizationId) as OrganizationRefRow)), total, page: q.page, pageSize: q.pageSize };
}

function num(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * The yearly summary (Mẫu 15) of a focal point's unit: every task registered at the unit (or a unit it succeeded)
 * whose report of some year k fell due in `year`, what was received, accepted, late or missing, and — over the
 * accepted reports — how many were applied and the revenue and technology transfers. National admins and reviewers
 * see any unit; focal officers their own.
 */
export async function applicationSummary(ex: Executor, ctx: RequestContext, q: ApplicationSummaryQuery): Promise<ApplicationSummary> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer', 'reviewer');
  const unit = await findUnitById(ex, q.unitId);
  if (!unit) throw notFound('unit');
  if (!(await canReadUnit(ex, actor, unit.id))) throw new AppError('OUT_OF_SCOPE');
  const asOf = q.asOf ?? todayInVietnam();
  const slots = await findSummarySlots(ex, [...(await unitScopeIds(ex, unit.id))], q.year);
  const orgs = await findOrganizationRefs(ex, slots.map((s) => s.lead_organization_id));
  const rows: ApplicationSummaryRow[] = slots.map((s) => {
    const received = s.first_submitted_at !== null;
    return {
      taskId: s.task_id,
      code: s.code,
      titleVi: s.title_vi,
      formCode: s.form_code,
      leadOrganization: orgs.get(s.lead_organization_id) as OrganizationRefRow,
      acceptedOn: s.accepted_on,
      yearIndex: s.year_index,
      dueDate: s.due_date,
      reportId: s.report_id,
      status: s.status,
      received,
      firstSubmittedAt: s.first_submitted_at === null ? null : new Date(s.first_submitted_at).toISOString(),
      isLate: received && vnDay(s.first_submitted_at as Date | string) > s.due_date,
      isMissing: !received && s.due_date < asOf,
      applicationStatus: s.application_status,
      placesApplied: s.places_applied,
      revenue: num(s.revenue),
      transferContracts: s.transfer_contracts,
      transferValue: num(s.transfer_value),
    };
  });
  const accepted = rows.filter((r) => r.status === 'accepted');
  return {
    unit: presentUnitRef(unit),
    year: q.year,
    asOf,
    counts: {
      owed: rows.length,
      received: rows.filter((r) => r.received).length,
      accepted: accepted.length,
      awaitingReview: rows.filter((r) => r.status === 'submitted').length,
      late: rows.filter((r) => r.isLate).length,
      missing: rows.filter((r) => r.isMissing).length,
      notYetDue: rows.filter((r) => !r.received && r.dueDate >= asOf).length,
      applied: accepted.filter((r) => r.applicationStatus === 'applied').length,
      partlyApplied: accepted.filter((r) => r.applicationStatus === 'partly_applied').length,
      notApplied: accepted.filter((r) => r.applicationStatus === 'not_applied').length,
      totalRevenue: round(accepted.reduce((a, r) => a + (r.revenue ?? 0), 0)),
      totalTransferContracts: accepted.reduce((a, r) => a + (r.transferContracts ?? 0), 0),
      totalTransferValue: round(accepted.reduce((a, r) => a + (r.transferValue ?? 0), 0)),
    },
    rows,
  };
}
