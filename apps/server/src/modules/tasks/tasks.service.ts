import { inArray } from 'drizzle-orm';
import { todayInVietnam, type RegistrationBoardItem, type TaskAcceptance, type TaskBoard, type TaskBoardItem, type TaskCreate, type TaskFull, type TaskListQuery, type TaskPublic, type TaskReview, type TaskUpdate, type TaskWorkQuery } from '@stinet/shared';
import { researcher } from '../../db/schema.js';
import type { Db, Executor } from '../../db/types.js';
import { touchPublicRecord } from '../portal/public-record.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import type { AuthUser, RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { definedOnly } from '../../lib/sql.js';
import { grammarAnswer, parseGrammar } from '../../lib/list-grammar-sql.js';
import { canManageUnit, canReadUnit, requireActor, requireRole, unitScopeIds } from '../access/access.service.js';
import { listEntityHistory } from '../audit/audit.service.js';
import { assertCodes } from '../classifications/classifications.service.js';
import { findOrganizationRefs } from '../organizations/organizations.repo.js';
import { presentUnitRef } from '../org-units/org-units.presenter.js';
import { findUnitById, findUnitsByIds, type OrgUnitRow } from '../org-units/org-units.repo.js';
import { assertUnitValidOn } from '../org-units/org-units.service.js';
import { ongoingDeadline, presentTaskFull, presentTaskPublic, type OrgRef } from './tasks.presenter.js';
import { loadWorkingCalendar, REGISTRATION_WORKING_DAYS } from '../../lib/calendar.js';
import { findBoardLifecycle, findMembers, findRegistrationStatus, findTaskById, findTasks, findTasksGrammar, TASK_GRAMMAR, insertRevision, insertTask, replaceMembers, taskSnapshot, updateTaskVersioned, type TaskRow } from './tasks.repo.js';

/** Which kind of unit registers a task of each level (TT 14/2014 Art 11): national tasks at the national agency. */
export const LEVEL_UNIT_KINDS: Record<string, OrgUnitRow['kind'][]> = {
  QG: ['national'],
  BO: ['ministry'],
  TINH: ['province'],
  CS: ['ministry', 'province'],
  KHAC: ['national', 'ministry', 'province'],
};

const EDITABLE: TaskRow['status'][] = ['draft', 'returned'];

/** What an actor may do with one task. */
export interface TaskAccess {
  canRead: boolean;
  canEdit: boolean;
  canSubmit: boolean;
  canReview: boolean;
  /** File a change (Mẫu 3): published and the result not yet registered. */
  canChange: boolean;
  /** Record the official acceptance: published and no dossier sent yet. */
  canRecordAcceptance: boolean;
  /** Manages the task's unit (reviews changes). */
  manages: boolean;
}

/** Scope rules: the registering unit's focal officer (and the national admin) manage and review; the lead organization's reporter prepares and submits; reviewers read. */
export async function taskAccess(ex: Executor, actor: AuthUser | null, row: TaskRow): Promise<TaskAccess> {
  const none = { canRead: false, canEdit: false, canSubmit: false, canReview: false, canChange: false, canRecordAcceptance: false, manages: false };
  if (!actor) return none;
  const editable = EDITABLE.includes(row.status);
  const registration = row.status === 'published' ? await findRegistrationStatus(ex, row.id) : undefined;
  const changeable = row.status === 'published' && registration !== 'registered';
  const acceptable = row.status === 'published' && (registration === undefined || registration === 'draft' || registration === 'returned');
  if (actor.role === 'org_reporter') {
    const own = actor.organizationId === row.leadOrganizationId;
    return { ...none, canRead: own, canEdit: own && editable, canSubmit: own && editable, canChange: own && changeable, canRecordAcceptance: own && acceptable };
  }
  const nationalView = row.fundingType === 'NSNN' && (await isNationalStaff(ex, actor));
  if (actor.role === 'reviewer') return { ...none, canRead: nationalView || (await canReadUnit(ex, actor, row.managingUnitId)) };
  const manages = await canManageUnit(ex, actor, row.managingUnitId);
  return {
    canRead: manages || nationalView,
    canEdit: manages && editable,
    canSubmit: manages && editable,
    canReview: manages && row.status === 'submitted',
    canChange: manages && changeable,
    canRecordAcceptance: manages && acceptable,
    manages,
  };
}

/** Public list: published tasks only, public fields only. */
export async function listPublishedTasks(ex: Executor, q: TaskListQuery) {
  const grammar = parseGrammar(q, TASK_GRAMMAR);
  const pageSize = q.per_page ?? q.pageSize;
  const result = await findTasksGrammar(ex, { q: q.search ?? q.q, statuses: ['published'], leadOrganizationId: q.leadOrganizationId, fieldCode: q.fieldCode }, grammar, q.page, pageSize);
  return grammarAnswer(result, grammar, q.page, pageSize, async (rows) => {
    const orgs = await findOrganizationRefs(ex, rows.map((r) => r.leadOrganizationId));
    return rows.map((r) => presentTaskPublic(r, orgs.get(r.leadOrganizationId) as OrgRef));
  });
}

/** The public record of a published task; anything else is not found. */
export async function getPublishedTask(ex: Executor, id: string): Promise<TaskPublic> {
  const row = await findTaskById(ex, id);
  if (!row || row.status !== 'published') throw notFound('task');
  return presentTaskPublic(row, (await findOrganizationRefs(ex, [row.leadOrganizationId])).get(row.leadOrganizationId) as OrgRef);
}

async function present(ex: Executor, row: TaskRow, access: TaskAccess): Promise<TaskFull> {
  const unit = (await findUnitById(ex, row.managingUnitId)) as OrgUnitRow;
  const lead = (await findOrganizationRefs(ex, [row.leadOrganizationId])).get(row.leadOrganizationId) as OrgRef;
  return presentTaskFull(row, await findMembers(ex, row.id), unit, lead, access, await loadWorkingCalendar(ex));
}

/** Loads a task the caller may read, with what they may do with it. */
export async function loadReadable(ex: Executor, ctx: RequestContext, id: string): Promise<{ row: TaskRow; access: TaskAccess }> {
  const actor = requireActor(ctx);
  const row = await findTaskById(ex, id);
  if (!row) throw notFound('task');
  const access = await taskAccess(ex, actor, row);
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  return { row, access };
}

/** The full record for staff in scope. */
export async function getTaskFull(ex: Executor, ctx: RequestContext, id: string): Promise<TaskFull> {
  const { row, access } = await loadReadable(ex, ctx, id);
  return present(ex, row, access);
}

/** The part of the task registry an actor works on: their units' tasks, or their organization's. */
export async function workScope(ex: Executor, actor: AuthUser): Promise<{ managingUnitIds?: string[]; leadOrganizationId?: string; alsoStateBudget?: boolean }> {
  if (actor.role === 'org_reporter') return { leadOrganizationId: actor.organizationId ?? '00000000-0000-0000-0000-000000000000' };
  if (actor.role === 'focal_officer' || (actor.role === 'reviewer' && actor.scopeUnitId)) {
    const managingUnitIds = [...(await unitScopeIds(ex, actor.scopeUnitId as string))];
    return (await isNationalStaff(ex, actor)) ? { managingUnitIds, alsoStateBudget: true } : { managingUnitIds };
  }
  return {};
}

/** Staff scoped to the national agency: they also see every state-budget task (Law on S&T 2013 Art 39: registered at both levels). */
export async function isNationalStaff(ex: Executor, actor: AuthUser): Promise<boolean> {
  if (!actor.scopeUnitId || (actor.role !== 'focal_officer' && actor.role !== 'reviewer')) return false;
  return (await findUnitById(ex, actor.scopeUnitId))?.kind === 'national';
}

/** The caller's work list: tasks of the units they manage (reporters: of their organization), any status. */
export async function listWork(ex: Executor, ctx: RequestContext, q: TaskWorkQuery) {
  const actor = requireActor(ctx);
  const { managingUnitIds, leadOrganizationId, alsoStateBudget } = await workScope(ex, actor);
  const { rows, total } = await findTasks(ex, { q: q.q, statuses: q.status ? [q.status] : undefined, managingUnitIds, leadOrganizationId, alsoStateBudget }, '-updated', q.page, q.pageSize);
  const units = await findUnitsByIds(ex, rows.map((r) => r.managingUnitId));
  const orgs = await findOrganizationRefs(ex, rows.map((r) => r.leadOrganizationId));
  const calendar = await loadWorkingCalendar(ex);
  return {
    items: rows.map((r) => ({
      ...ongoingDeadline(r, calendar),
      id: r.id,
      code: r.code,
      titleVi: r.titleVi,
      status: r.status,
      managingUnit: presentUnitRef(units.get(r.managingUnitId) as OrgUnitRow),
      leadOrganization: orgs.get(r.leadOrganizationId) as OrgRef,
      contractDate: r.contractDate,
      updatedAt: r.updatedAt.toISOString(),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Largest number of open tasks the board reads at once (a focal point has hundreds, not more). */
const BOARD_LIMIT = 5000;

/** The focal-point board of open tasks: overdue, due soon, awaiting review, returned. */
export async function taskBoard(ex: Executor, ctx: RequestContext, q: { dueWithinWorkingDays: number; asOf?: string | undefined }): Promise<TaskBoard> {
  const actor = requireActor(ctx);
  const asOf = q.asOf ?? todayInVietnam();
  // the board lists the caller's own duties: not the state-budget tasks national staff may merely read
  const { alsoStateBudget: _readOnly, ...scope } = await workScope(ex, actor);
  const { rows } = await findTasks(ex, { ...scope, statuses: ['draft', 'submitted', 'returned'] }, 'updated', 1, BOARD_LIMIT);
  const orgs = await findOrganizationRefs(ex, rows.map((r) => r.leadOrganizationId));
  const calendar = await loadWorkingCalendar(ex);
  const items = rows.map((r): TaskBoardItem & { late: boolean } => {
    const d = ongoingDeadline(r, calendar, asOf);
    const daysLeft = d.ongoingDeadline ? calendar.workingDaysBetween(asOf, d.ongoingDeadline) : null;
    return { id: r.id, code: r.code, titleVi: r.titleVi, status: r.status, leadOrganization: orgs.get(r.leadOrganizationId) as OrgRef, ongoingDeadline: d.ongoingDeadline, daysLeft, late: d.isOngoingLate };
  });
  const strip = ({ late: _late, ...item }: TaskBoardItem & { late: boolean }): TaskBoardItem => item;
  const open = items.filter((i) => i.status !== 'submitted');
  const byDeadline = (a: TaskBoardItem, b: TaskBoardItem) => (a.ongoingDeadline ?? '9999').localeCompare(b.ongoingDeadline ?? '9999') || a.code.localeCompare(b.code);
  const overdue = open.filter((i) => i.late).sort(byDeadline);
  const dueSoon = open.filter((i) => !i.late && i.daysLeft !== null && i.daysLeft <= q.dueWithinWorkingDays).sort(byDeadline);
  const awaitingReview = items.filter((i) => i.status === 'submitted').sort(byDeadline);
  const returned = items.filter((i) => i.status === 'returned').sort(byDeadline);
  const lifecycle = await findBoardLifecycle(ex, scope, BOARD_LIMIT);
  const lifecycleOrgs = await findOrganizationRefs(ex, [...lifecycle.registrations, ...lifecycle.dossiers].map((r) => r.leadOrganizationId));
  const registrationItem = (r: (typeof lifecycle.registrations)[number]): RegistrationBoardItem => {
    const deadline = calendar.addWorkingDays(r.acceptedOn, REGISTRATION_WORKING_DAYS);
    const sentOn = r.firstSubmittedAt ? todayInVietnam(r.firstSubmittedAt) : asOf;
    return {
      taskId: r.taskId,
      code: r.code,
      titleVi: r.titleVi,
      leadOrganization: lifecycleOrgs.get(r.leadOrganizationId) as OrgRef,
      acceptedOn: r.acceptedOn,
      registrationId: r.registrationId,
      registrationStatus: r.registrationStatus,
      deadline,
      daysLeft: calendar.workingDaysBetween(asOf, deadline),
      isLate: sentOn > deadline,
    };
  };
  const byRegistrationDeadline = (a: RegistrationBoardItem, b: RegistrationBoardItem) => a.deadline.localeCompare(b.deadline) || a.code.localeCompare(b.code);
  const registrations = lifecycle.registrations.map(registrationItem).sort(byRegistrationDeadline);
  const dossiers = lifecycle.dossiers.map(registrationItem).sort(byRegistrationDeadline);
  return {
    asOf,
    dueWithinWorkingDays: q.dueWithinWorkingDays,
    counts: {
      overdue: overdue.length,
      dueSoon: dueSoon.length,
      awaitingReview: awaitingReview.length,
      returned: returned.length,
      drafts: items.filter((i) => i.status === 'draft').length,
      registrationsDue: registrations.filter((r) => !r.isLate).length,
      registrationsOverdue: registrations.filter((r) => r.isLate).length,
      dossiersAwaitingReview: dossiers.length,
      changesAwaitingReview: lifecycle.changes.length,
    },
    overdue: overdue.map(strip),
    dueSoon: dueSoon.map(strip),
    awaitingReview: awaitingReview.map(strip),
    returned: returned.map(strip),
    registrations,
    dossiersAwaitingReview: dossiers,
    changesAwaitingReview: lifecycle.changes.map((c) => ({ ...c, submittedAt: c.submittedAt.toISOString() })),
  };
}

/** The fields of a task record as entered (without the state-secret declaration). */
export type TaskFields = Omit<TaskCreate, 'isStateSecret'>;

/**
 * The business rules of a task record: dates, budget parts, code lists, the level ↔ registering-unit rule, the
 * lead organization and linked researchers. Changes to a running task skip the unit check (the unit is not
 * changeable, and a merged province's tasks keep their record).
 */
export async function validateTask(ex: Executor, merged: TaskFields, opts: { checkUnit: boolean } = { checkUnit: true }): Promise<void> {
  if (merged.endDate < merged.startDate) throw fieldError('INVALID_DATE_RANGE', 'endDate', 'endDate is before startDate');
  const parts = [merged.budgetStateCentral, merged.budgetStateLocal, merged.budgetOther].filter((v): v is number => typeof v === 'number');
  if (typeof merged.budgetTotal === 'number' && parts.reduce((a, b) => a + b, 0) > merged.budgetTotal + 1e-6) {
    throw fieldError('VALIDATION_FAILED', 'budgetTotal', 'The budget parts exceed the total');
  }
  await assertCodes(ex, [
    { path: 'levelCode', scheme: 'TASK_LEVEL', code: merged.levelCode },
    { path: 'formCode', scheme: 'TASK_FORM', code: merged.formCode },
    { path: 'seoCode', scheme: 'SEO', code: merged.seoCode },
    ...merged.fieldCodes2025.map((c, i) => ({ path: `fieldCodes2025.${i}`, scheme: 'FOS2025', code: c })),
    ...(merged.fieldCodes2008 ?? []).map((c, i) => ({ path: `fieldCodes2008.${i}`, scheme: 'FOS2008', code: c })),
  ]);
  // the registering unit must exist now: tasks of a merged province register at its successor
  if (opts.checkUnit) await assertUnitValidOn(ex, merged.managingUnitId, todayInVietnam(), LEVEL_UNIT_KINDS[merged.levelCode] ?? [], 'managingUnitId');
  if ((await findOrganizationRefs(ex, [merged.leadOrganizationId])).size === 0) throw fieldError('VALIDATION_FAILED', 'leadOrganizationId', 'Unknown organization');
  const researcherIds = [merged.piResearcherId, ...(merged.members ?? []).map((m) => m.researcherId)].filter((v): v is string => typeof v === 'string');
  if (researcherIds.length) {
    const found = await ex.select({ id: researcher.id }).from(researcher).where(inArray(researcher.id, researcherIds));
    if (found.length !== new Set(researcherIds).size) throw fieldError('VALIDATION_FAILED', 'members', 'A linked researcher does not exist');
  }
}

async function mayCreate(ex: Executor, actor: AuthUser, input: TaskFields): Promise<boolean> {
  if (actor.role === 'org_reporter') return actor.organizationId === input.leadOrganizationId;
  return canManageUnit(ex, actor, input.managingUnitId);
}

/** Enters an ongoing task (Mẫu 1) as a draft. State-secret tasks are refused before anything is stored. */
export async function createTask(db: Db, ctx: RequestContext, input: TaskCreate): Promise<TaskFull> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  if (input.isStateSecret) throw new AppError('SECRET_TASK_REFUSED');
  const { isStateSecret: _secret, members, ...fields } = input;
  return db.transaction(async (tx) => {
    await validateTask(tx, input);
    if (!(await mayCreate(tx, actor, input))) throw new AppError('OUT_OF_SCOPE');
    const row = await insertTask(tx, { ...(definedOnly(fields) as typeof fields), status: 'draft' });
    await replaceMembers(tx, row.id, members);
    await recordAudit(tx, ctx, { action: 'create', entityType: 'task', entityId: row.id, after: { ...row, members } });
    return present(tx, row, await taskAccess(tx, actor, row));
  });
}

/** Changes a draft or returned task (published tasks change through approved changes, Mẫu 3). */
export async function updateTask(db: Db, ctx: RequestContext, id: string, input: TaskUpdate): Promise<TaskFull> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  const { version, members, ...changes } = input;
  return db.transaction(async (tx) => {
    const before = await findTaskById(tx, id);
    if (!before) throw notFound('task');
    const access = await taskAccess(tx, actor, before);
    if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
    if (!EDITABLE.includes(before.status)) throw new AppError('INVALID_TRANSITION');
    if (!access.canEdit) throw new AppError('OUT_OF_SCOPE');
    if (before.version !== version) throw new AppError('VERSION_CONFLICT');
    const beforeMembers = await findMembers(tx, id);
    const merged: TaskFields = {
      ...(before as unknown as TaskFields),
      ...(definedOnly(changes) as Partial<TaskFields>),
      members: members ?? beforeMembers.map((m) => ({ fullName: m.fullName, researcherId: m.researcherId, role: m.role })),
    };
    await validateTask(tx, merged);
    if ((changes.managingUnitId || changes.leadOrganizationId) && !(await mayCreate(tx, actor, merged))) throw new AppError('OUT_OF_SCOPE');
    const after = await updateTaskVersioned(tx, id, version, definedOnly(changes));
    if (!after) throw new AppError('VERSION_CONFLICT');
    if (members) await replaceMembers(tx, id, members);
    await touchPublicRecord(tx, 'task', id);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'task',
      entityId: id,
      before: { ...before, members: beforeMembers.map((m) => m.fullName) },
      after: { ...after, members: members ? members.map((m) => m.fullName) : beforeMembers.map((m) => m.fullName) },
    });
    return present(tx, after, await taskAccess(tx, actor, after));
  });
}

/** Submits a draft or returned task to its focal point. */
export async function submitTask(db: Db, ctx: RequestContext, id: string, version: number): Promise<TaskFull> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  return db.transaction(async (tx) => {
    const before = await findTaskById(tx, id);
    if (!before) throw notFound('task');
    const access = await taskAccess(tx, actor, before);
    if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
    if (!EDITABLE.includes(before.status)) throw new AppError('INVALID_TRANSITION');
    if (!access.canSubmit) throw new AppError('OUT_OF_SCOPE');
    if (before.version !== version) throw new AppError('VERSION_CONFLICT');
    const now = new Date();
    const after = await updateTaskVersioned(tx, id, version, { status: 'submitted', submittedAt: now, firstSubmittedAt: before.firstSubmittedAt ?? now });
    if (!after) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx, { action: 'submit', entityType: 'task', entityId: id, before: { status: before.status }, after: { status: after.status } });
    return present(tx, after, await taskAccess(tx, actor, after));
  });
}

/** The focal point accepts (publishes) or returns a submitted task with comments. */
export async function reviewTask(db: Db, ctx: RequestContext, id: string, input: TaskReview): Promise<TaskFull> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer');
  if (input.decision === 'return' && !input.comment) throw fieldError('VALIDATION_FAILED', 'comment', 'A returned task needs a comment');
  return db.transaction(async (tx) => {
    const before = await findTaskById(tx, id);
    if (!before) throw notFound('task');
    const access = await taskAccess(tx, actor, before);
    if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
    if (before.status !== 'submitted') throw new AppError('INVALID_TRANSITION');
    if (!access.canReview) throw new AppError('OUT_OF_SCOPE');
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const accepted = input.decision === 'accept';
    const after = await updateTaskVersioned(tx, id, input.version, {
      status: accepted ? 'published' : 'returned',
      reviewComment: input.comment ?? null,
      ...(accepted ? { publishedAt: new Date() } : {}),
    });
    if (!after) throw new AppError('VERSION_CONFLICT');
    if (accepted) await insertRevision(tx, { taskId: id, revision: 1, snapshot: taskSnapshot(after, await findMembers(tx, id)), createdBy: actor.id });
    await touchPublicRecord(tx, 'task', id);
    await recordAudit(tx, ctx, {
      action: accepted ? 'publish' : 'return',
      entityType: 'task',
      entityId: id,
      before: { status: before.status, reviewComment: before.reviewComment },
      after: { status: after.status, reviewComment: after.reviewComment },
    });
    return present(tx, after, await taskAccess(tx, actor, after));
  });
}

/** Records the official acceptance (T1) of a published task; it can be corrected until the dossier is sent. */
export async function recordAcceptance(db: Db, ctx: RequestContext, id: string, input: TaskAcceptance): Promise<TaskFull> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  if (input.acceptedOn > todayInVietnam()) throw fieldError('VALIDATION_FAILED', 'acceptedOn', 'The acceptance date is in the future');
  return db.transaction(async (tx) => {
    const before = await findTaskById(tx, id);
    if (!before) throw notFound('task');
    const access = await taskAccess(tx, actor, before);
    if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
    if (!access.manages && actor.role !== 'org_reporter') throw new AppError('OUT_OF_SCOPE');
    if (!access.canRecordAcceptance) throw new AppError('INVALID_TRANSITION');
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (input.acceptedOn < before.startDate) throw fieldError('INVALID_DATE_RANGE', 'acceptedOn', 'The acceptance date is before the task started');
    const after = await updateTaskVersioned(tx, id, input.version, { acceptedOn: input.acceptedOn, acceptanceDecisionNo: input.acceptanceDecisionNo ?? null, acceptanceRating: input.acceptanceRating });
    if (!after) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx, {
      action: 'accept',
      entityType: 'task',
      entityId: id,
      before: { acceptedOn: before.acceptedOn, acceptanceDecisionNo: before.acceptanceDecisionNo, acceptanceRating: before.acceptanceRating },
      after: { acceptedOn: after.acceptedOn, acceptanceDecisionNo: after.acceptanceDecisionNo, acceptanceRating: after.acceptanceRating },
    });
    return present(tx, after, await taskAccess(tx, actor, after));
  });
}

/** The change history of a task, for staff who may read it. */
export async function taskHistory(ex: Executor, ctx: RequestContext, id: string, page: number, pageSize: number) {
  await loadReadable(ex, ctx, id);
  return listEntityHistory(ex, 'task', id, page, pageSize);
}
