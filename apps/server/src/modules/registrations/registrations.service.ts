import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import {
  FULL_TEXT_ROLES,
  missingRegistrationRoles,
  todayInVietnam,
  type Registration,
  type RegistrationAttach,
  type RegistrationCreate,
  type RegistrationFileRole,
  type RegistrationReview,
  type RegistrationUpdate,
  type ResultListQuery,
  type ResultPublic,
  type ResultPublicDetail,
  type WorkingCalendar,
} from '@stinet/shared';
import { certificate, orgUnit, storedFile } from '../../db/schema.js';
import type { Db, Executor } from '../../db/types.js';
import { touchPublicRecord } from '../portal/public-record.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import type { AuthUser, RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { loadWorkingCalendar, REGISTRATION_WORKING_DAYS } from '../../lib/calendar.js';
import { definedOnly } from '../../lib/sql.js';
import { grammarAnswer, parseGrammar } from '../../lib/list-grammar-sql.js';
import { canManageUnit, canReadUnit, requireActor, requireRole, unitScopeIds } from '../access/access.service.js';
import { presentFile } from '../files/files.service.js';
import { findOrganizationRefs, type OrganizationRefRow } from '../organizations/organizations.repo.js';
import { presentUnitRef } from '../org-units/org-units.presenter.js';
import { findUnitById, findUnitsByIds, findUnits, type OrgUnitRow } from '../org-units/org-units.repo.js';
import { findTaskById, type TaskRow } from '../tasks/tasks.repo.js';
import { isNationalStaff, taskAccess } from '../tasks/tasks.service.js';
import {
  attachFile,
  detachFile,
  findCertificateByRegistration,
  findCertificatesByRegistrations,
  findRegistrationById,
  findRegistrationByTask,
  findRegistrationFiles,
  findPublicResultById,
  findRegistrations,
  findResultsGrammar,
  insertRegistration,
  RESULT_GRAMMAR,
  nextCertificateNo,
  updateRegistrationVersioned,
  type CertificateRow,
  type RegistrationRow,
} from './registrations.repo.js';

const EDITABLE: RegistrationRow['status'][] = ['draft', 'returned'];

/** What an actor may do with a dossier. */
export interface RegistrationAccess {
  canRead: boolean;
  canEdit: boolean;
  canReview: boolean;
  /** Manages the registering authority (registers, issues copies, revokes). */
  managesAuthority: boolean;
}

/**
 * Scope rules: the lead organization's reporter prepares and submits; the focal officers of the task's managing
 * unit may prepare on its behalf and read; the registering authority's officers (the national agency for national
 * tasks) check, return and register; reviewers read in scope.
 */
export async function registrationAccess(ex: Executor, actor: AuthUser | null, reg: Pick<RegistrationRow, 'status' | 'authorityUnitId'>, t: Pick<TaskRow, 'leadOrganizationId' | 'managingUnitId' | 'fundingType'>): Promise<RegistrationAccess> {
  const none = { canRead: false, canEdit: false, canReview: false, managesAuthority: false };
  if (!actor) return none;
  const editable = EDITABLE.includes(reg.status);
  if (actor.role === 'org_reporter') {
    const own = actor.organizationId === t.leadOrganizationId;
    return { ...none, canRead: own, canEdit: own && editable };
  }
  const nationalView = t.fundingType === 'NSNN' && (await isNationalStaff(ex, actor));
  if (actor.role === 'reviewer') return { ...none, canRead: nationalView || (await canReadUnit(ex, actor, reg.authorityUnitId)) || (await canReadUnit(ex, actor, t.managingUnitId)) };
  const managesAuthority = await canManageUnit(ex, actor, reg.authorityUnitId);
  const managesTask = managesAuthority || (await canManageUnit(ex, actor, t.managingUnitId));
  return { canRead: managesTask || nationalView, canEdit: managesTask && editable, canReview: managesAuthority && reg.status === 'submitted', managesAuthority };
}

/** The last day of the registration window: T1 + 30 working days. */
export function registrationDeadline(acceptedOn: string | null, calendar: WorkingCalendar): string | null {
  return acceptedOn ? calendar.addWorkingDays(acceptedOn, REGISTRATION_WORKING_DAYS) : null;
}

function lateness(reg: RegistrationRow, t: TaskRow, calendar: WorkingCalendar): { deadline: string | null; isLate: boolean } {
  const deadline = registrationDeadline(t.acceptedOn, calendar);
  const sentOn = reg.firstSubmittedAt ? todayInVietnam(reg.firstSubmittedAt) : todayInVietnam();
  return { deadline, isLate: deadline !== null && sentOn > deadline };
}

/** Where a task's result registers (TT 14/2014 Art 11): the national agency for national-level tasks, else the task's focal point. */
export async function authorityUnitFor(ex: Executor, t: TaskRow): Promise<string> {
  if (t.levelCode !== 'QG') return t.managingUnitId;
  const national = await findUnits(ex, { asOf: todayInVietnam(), kind: 'national' });
  return national[0]?.id ?? t.managingUnitId;
}

async function present(ex: Executor, reg: RegistrationRow, t: TaskRow, access: RegistrationAccess): Promise<Registration> {
  const files = await findRegistrationFiles(ex, reg.id);
  const attachedRoles = files.filter((f) => !f.link.detachedAt).map((f) => f.link.role as RegistrationFileRole);
  const unit = (await findUnitById(ex, reg.authorityUnitId)) as OrgUnitRow;
  const lead = (await findOrganizationRefs(ex, [t.leadOrganizationId])).get(t.leadOrganizationId) as OrganizationRefRow;
  const cert = await findCertificateByRegistration(ex, reg.id);
  return {
    id: reg.id,
    task: { id: t.id, code: t.code, titleVi: t.titleVi, levelCode: t.levelCode, acceptedOn: t.acceptedOn },
    authorityUnit: presentUnitRef(unit),
    leadOrganization: lead,
    status: reg.status,
    resultTitleVi: reg.resultTitleVi,
    resultTitleEn: reg.resultTitleEn,
    abstractVi: reg.abstractVi,
    keywords: reg.keywords,
    hasTechnologyProcess: reg.hasTechnologyProcess,
    fullTextTier: reg.fullTextTier,
    files: files.map((f) => ({ role: f.link.role, file: presentFile(f.file), attachedAt: f.link.attachedAt.toISOString(), detachedAt: f.link.detachedAt?.toISOString() ?? null })),
    missingRoles: missingRegistrationRoles(attachedRoles, reg.hasTechnologyProcess),
    ...lateness(reg, t, await loadWorkingCalendar(ex)),
    reviewComment: reg.reviewComment,
    submittedAt: reg.submittedAt?.toISOString() ?? null,
    registeredAt: reg.registeredAt?.toISOString() ?? null,
    archiveNo: reg.archiveNo,
    certificate: cert ? { id: cert.id, number: cert.number, issuedOn: cert.issuedOn, status: cert.status, verificationCode: cert.verificationCode } : null,
    version: reg.version,
    createdAt: reg.createdAt.toISOString(),
    updatedAt: reg.updatedAt.toISOString(),
    canEdit: access.canEdit,
    canReview: access.canReview,
  };
}

/** Loads a dossier and its task with the caller's access; refuses callers who may not read it. */
export async function loadRegistration(ex: Executor, ctx: RequestContext, id: string): Promise<{ reg: RegistrationRow; task: TaskRow; access: RegistrationAccess; actor: AuthUser }> {
  const actor = requireActor(ctx);
  const reg = await findRegistrationById(ex, id);
  if (!reg) throw notFound('registration');
  const t = (await findTaskById(ex, reg.taskId)) as TaskRow;
  const access = await registrationAccess(ex, actor, reg, t);
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  return { reg, task: t, access, actor };
}

/** Opens the registration dossier (Mẫu 5) of an accepted, published task. */
export async function createRegistration(db: Db, ctx: RequestContext, taskId: string, input: RegistrationCreate): Promise<Registration> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  return db.transaction(async (tx) => {
    const t = await findTaskById(tx, taskId);
    if (!t) throw notFound('task');
    const tAccess = await taskAccess(tx, actor, t);
    if (!tAccess.canRead) throw new AppError('OUT_OF_SCOPE');
    if (actor.role !== 'org_reporter' && !tAccess.manages) throw new AppError('OUT_OF_SCOPE');
    const existing = await findRegistrationByTask(tx, taskId);
    if (existing) throw new AppError(existing.status === 'registered' ? 'ALREADY_REGISTERED' : 'INVALID_TRANSITION');
    if (t.status !== 'published') throw new AppError('INVALID_TRANSITION');
    if (!t.acceptedOn) throw new AppError('TASK_NOT_ACCEPTED');
    const reg = await insertRegistration(tx, { ...(definedOnly(input) as RegistrationCreate), taskId, authorityUnitId: await authorityUnitFor(tx, t), status: 'draft', createdBy: actor.id });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'result_registration', entityId: reg.id, after: reg });
    return present(tx, reg, t, await registrationAccess(tx, actor, reg, t));
  });
}

/** The dossier of a task (404 when none was opened). */
export async function getRegistrationOfTask(ex: Executor, ctx: RequestContext, taskId: string): Promise<Registration> {
  const reg = await findRegistrationByTask(ex, taskId);
  if (!reg) {
    const t = await findTaskById(ex, taskId);
    if (t && !(await taskAccess(ex, requireActor(ctx), t)).canRead) throw new AppError('OUT_OF_SCOPE');
    throw notFound('registration');
  }
  return getRegistration(ex, ctx, reg.id);
}

/** One dossier for those who may read it. */
export async function getRegistration(ex: Executor, ctx: RequestContext, id: string): Promise<Registration> {
  const { reg, task: t, access } = await loadRegistration(ex, ctx, id);
  return present(ex, reg, t, access);
}

async function loadForWrite(tx: Executor, ctx: RequestContext, id: string, version?: number) {
  const loaded = await loadRegistration(tx, ctx, id);
  if (loaded.reg.status === 'registered') throw new AppError('ALREADY_REGISTERED');
  if (!EDITABLE.includes(loaded.reg.status)) throw new AppError('INVALID_TRANSITION');
  if (!loaded.access.canEdit) throw new AppError('OUT_OF_SCOPE');
  if (version !== undefined && loaded.reg.version !== version) throw new AppError('VERSION_CONFLICT');
  return loaded;
}

/** Changes a draft or returned dossier. */
export async function updateRegistration(db: Db, ctx: RequestContext, id: string, input: RegistrationUpdate): Promise<Registration> {
  requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    const { reg, task: t, actor } = await loadForWrite(tx, ctx, id, version);
    const after = await updateRegistrationVersioned(tx, id, version, definedOnly(changes));
    if (!after) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx, { action: 'update', entityType: 'result_registration', entityId: id, before: reg, after });
    return present(tx, after, t, await registrationAccess(tx, actor, after, t));
  });
}

/** Attaches an uploaded file of the lead organization to the dossier in a role. */
export async function attachRegistrationFile(db: Db, ctx: RequestContext, id: string, input: RegistrationAttach): Promise<Registration> {
  requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  return db.transaction(async (tx) => {
    const { reg, task: t, access, actor } = await loadForWrite(tx, ctx, id);
    const file = (await tx.select().from(storedFile).where(eq(storedFile.id, input.fileId)).limit(1))[0];
    if (!file) throw fieldError('VALIDATION_FAILED', 'fileId', 'Unknown file');
    if (file.organizationId !== t.leadOrganizationId) throw fieldError('VALIDATION_FAILED', 'fileId', "The file does not belong to the task's lead organization");
    await attachFile(tx, { registrationId: id, fileId: input.fileId, role: input.role, attachedBy: actor.id });
    const after = (await updateRegistrationVersioned(tx, id, reg.version, {})) as RegistrationRow;
    await recordAudit(tx, ctx, { action: 'attach', entityType: 'result_registration', entityId: id, after: { fileId: input.fileId, role: input.role, sha256: file.sha256 } });
    return present(tx, after, t, access);
  });
}

/** Detaches a file from a draft or returned dossier; the file stays stored and listed as detached. */
export async function detachRegistrationFile(db: Db, ctx: RequestContext, id: string, fileId: string): Promise<Registration> {
  requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  return db.transaction(async (tx) => {
    const { reg, task: t, access } = await loadForWrite(tx, ctx, id);
    if (!(await detachFile(tx, id, fileId))) throw notFound('registration_file');
    const after = (await updateRegistrationVersioned(tx, id, reg.version, {})) as RegistrationRow;
    await recordAudit(tx, ctx, { action: 'detach', entityType: 'result_registration', entityId: id, before: { fileId } });
    return present(tx, after, t, access);
  });
}

/** Sends a complete dossier to the registering authority. */
export async function submitRegistration(db: Db, ctx: RequestContext, id: string, version: number): Promise<Registration> {
  requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  return db.transaction(async (tx) => {
    const { reg, task: t, actor } = await loadForWrite(tx, ctx, id, version);
    const files = await findRegistrationFiles(tx, id);
    const missing = missingRegistrationRoles(
      files.filter((f) => !f.link.detachedAt).map((f) => f.link.role),
      reg.hasTechnologyProcess,
    );
    if (missing.length) throw new AppError('DOSSIER_INCOMPLETE', missing.map((role) => ({ path: `files.${role}`, code: 'missing', message: `Missing document: ${role}` })));
    const now = new Date();
    const after = await updateRegistrationVersioned(tx, id, version, { status: 'submitted', submittedAt: now, firstSubmittedAt: reg.firstSubmittedAt ?? now });
    if (!after) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx, { action: 'submit', entityType: 'result_registration', entityId: id, before: { status: reg.status }, after: { status: after.status } });
    return present(tx, after, t, await registrationAccess(tx, actor, after, t));
  });
}

/** Random code of a verification URL: 16 base32 characters (80 bits). */
export function newVerificationCode(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = randomBytes(16);
  let out = '';
  for (const b of bytes) out += alphabet[b & 31];
  return out;
}

/** Certificate number and archive number of the n-th registration of an authority in a year. */
export function registrationNumbers(n: number, year: number, unitCode: string): { number: string; archiveNo: string } {
  const seq = String(n).padStart(4, '0');
  return { number: `${seq}/${year}/GCN-${unitCode}`, archiveNo: `${year}-${unitCode}-${seq}/KQNC` };
}

/** The authority checks a submitted dossier: registers it (one certificate, never twice) or returns it with comments. */
export async function reviewRegistration(db: Db, ctx: RequestContext, id: string, input: RegistrationReview): Promise<Registration> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer');
  if (input.decision === 'return' && !input.comment) throw fieldError('VALIDATION_FAILED', 'comment', 'A returned dossier needs a comment');
  return db.transaction(async (tx) => {
    const { reg, task: t, access } = await loadRegistration(tx, ctx, id);
    if (reg.status === 'registered') throw new AppError('ALREADY_REGISTERED');
    if (reg.status !== 'submitted') throw new AppError('INVALID_TRANSITION');
    if (!access.canReview) throw new AppError('OUT_OF_SCOPE');
    if (reg.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (input.decision === 'return') {
      const after = await updateRegistrationVersioned(tx, id, input.version, { status: 'returned', reviewComment: input.comment ?? null });
      if (!after) throw new AppError('VERSION_CONFLICT');
      await recordAudit(tx, ctx, { action: 'return', entityType: 'result_registration', entityId: id, before: { status: reg.status }, after: { status: after.status, reviewComment: after.reviewComment } });
      return present(tx, after, t, await registrationAccess(tx, actor, after, t));
    }
    const today = todayInVietnam();
    const year = Number(today.slice(0, 4));
    const unit = (await tx.select().from(orgUnit).where(eq(orgUnit.id, reg.authorityUnitId)).limit(1))[0] as OrgUnitRow;
    const numbers = registrationNumbers(await nextCertificateNo(tx, reg.authorityUnitId, year), year, unit.code);
    const after = await updateRegistrationVersioned(tx, id, input.version, { status: 'registered', registeredAt: new Date(), archiveNo: numbers.archiveNo, reviewComment: input.comment ?? null });
    if (!after) throw new AppError('VERSION_CONFLICT');
    const cert = (
      await tx
        .insert(certificate)
        .values({
          registrationId: id,
          number: numbers.number,
          issuedOn: today,
          authorityUnitId: reg.authorityUnitId,
          verificationCode: newVerificationCode(),
          signerName: input.signerName ?? actor.displayName,
          signerTitle: input.signerTitle ?? 'Thủ trưởng cơ quan đăng ký',
          issuedBy: actor.id,
        })
        .returning()
    )[0] as CertificateRow;
    // the deposited reports take the dossier's full-text access (public, focal points, or restricted)
    const reportIds = (await findRegistrationFiles(tx, id)).filter((f) => !f.link.detachedAt && FULL_TEXT_ROLES.includes(f.link.role)).map((f) => f.file.id);
    if (reportIds.length) await tx.update(storedFile).set({ accessTier: reg.fullTextTier }).where(inArray(storedFile.id, reportIds));
    await touchPublicRecord(tx, 'result', id);
    await recordAudit(tx, ctx, { action: 'register', entityType: 'result_registration', entityId: id, before: { status: reg.status }, after: { status: after.status, archiveNo: after.archiveNo } });
    await recordAudit(tx, ctx, { action: 'issue', entityType: 'certificate', entityId: cert.id, after: { number: cert.number, issuedOn: cert.issuedOn, registrationId: id } });
    return present(tx, after, t, await registrationAccess(tx, actor, after, t));
  });
}

/** Dossiers in the caller's scope: those registering at or managed by their units, or of their organization. */
export async function listRegistrationWork(ex: Executor, ctx: RequestContext, q: { status?: RegistrationRow['status'] | undefined; q?: string | undefined; page: number; pageSize: number }) {
  const actor = requireActor(ctx);
  let scope: { unitIds?: string[]; leadOrganizationId?: string } = {};
  if (actor.role === 'org_reporter') scope = { leadOrganizationId: actor.organizationId ?? '00000000-0000-0000-0000-000000000000' };
  else if (actor.scopeUnitId && actor.role !== 'national_admin') scope = { unitIds: [...(await unitScopeIds(ex, actor.scopeUnitId))] };
  const { rows, total } = await findRegistrations(ex, { ...scope, statuses: q.status ? [q.status] : undefined, q: q.q }, q.page, q.pageSize);
  const orgs = await findOrganizationRefs(ex, rows.map((r) => r.task.leadOrganizationId));
  const units = await findUnitsByIds(ex, rows.map((r) => r.reg.authorityUnitId));
  const calendar = await loadWorkingCalendar(ex);
  return {
    items: rows.map(({ reg, task: t }) => ({
      id: reg.id,
      task: { id: t.id, code: t.code, titleVi: t.titleVi },
      leadOrganization: orgs.get(t.leadOrganizationId) as OrganizationRefRow,
      authorityUnit: presentUnitRef(units.get(reg.authorityUnitId) as OrgUnitRow),
      status: reg.status,
      resultTitleVi: reg.resultTitleVi,
      ...lateness(reg, t, calendar),
      updatedAt: reg.updatedAt.toISOString(),
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

function presentResultPublic(reg: RegistrationRow, t: TaskRow, lead: OrganizationRefRow, unit: OrgUnitRow, cert: CertificateRow): ResultPublic {
  return {
    id: reg.id,
    resultTitleVi: reg.resultTitleVi,
    abstractVi: reg.abstractVi,
    keywords: reg.keywords,
    task: { id: t.id, code: t.code, titleVi: t.titleVi, levelCode: t.levelCode, fieldCodes2025: t.fieldCodes2025 },
    leadOrganization: lead,
    piName: t.piName,
    authorityUnit: presentUnitRef(unit),
    registeredAt: (reg.registeredAt as Date).toISOString(),
    archiveNo: reg.archiveNo as string,
    certificateNumber: cert.number,
  };
}

/**
 * The public list of registered results (what focal points publish after issuing certificates). Public for every
 * caller, signed in or not (`publicResultCondition` of the repo: a result whose certificate is revoked is left out); staff
 * see revoked registrations through their dossiers (`/api/registrations/...`, with the certificate's status).
 */
export async function listPublicResults(ex: Executor, q: { q?: string | undefined; page: number; pageSize: number; ids?: string[] | undefined }) {
  const { rows, total } = await findRegistrations(ex, { publicOnly: true, q: q.q, ids: q.ids }, q.page, q.pageSize, 'registered');
  return { items: await presentResults(ex, rows), total, page: q.page, pageSize: q.pageSize };
}

async function presentResults(ex: Executor, rows: { reg: RegistrationRow; task: TaskRow }[]): Promise<ResultPublic[]> {
  const orgs = await findOrganizationRefs(ex, rows.map((r) => r.task.leadOrganizationId));
  const units = await findUnitsByIds(ex, rows.map((r) => r.reg.authorityUnitId));
  const certs = await findCertificatesByRegistrations(ex, rows.map((r) => r.reg.id));
  return rows.map(({ reg, task: t }) => presentResultPublic(reg, t, orgs.get(t.leadOrganizationId) as OrganizationRefRow, units.get(reg.authorityUnitId) as OrgUnitRow, certs.get(reg.id) as CertificateRow));
}

/** The public list of registered results with the list grammar (filter, sort, select, group_by, cursor). */
export async function listPublicResultsGrammar(ex: Executor, q: ResultListQuery) {
  const grammar = parseGrammar(q, RESULT_GRAMMAR);
  const pageSize = q.per_page ?? q.pageSize;
  const result = await findResultsGrammar(ex, q.search ?? q.q, grammar, q.page, pageSize);
  return grammarAnswer(result, grammar, q.page, pageSize, (rows) => presentResults(ex, rows));
}

/**
 * The public record of a public result (`publicResultCondition` of the repo) with its publicly readable documents; anything
 * else (not registered, certificate revoked) is not found.
 */
export async function getPublicResult(ex: Executor, id: string): Promise<ResultPublicDetail> {
  const found = await findPublicResultById(ex, id);
  if (!found) throw notFound('result');
  const { reg, task: t } = found;
  const lead = (await findOrganizationRefs(ex, [t.leadOrganizationId])).get(t.leadOrganizationId) as OrganizationRefRow;
  const unit = (await findUnitById(ex, reg.authorityUnitId)) as OrgUnitRow;
  const cert = (await findCertificateByRegistration(ex, reg.id)) as CertificateRow;
  const documents = (await findRegistrationFiles(ex, reg.id))
    .filter((f) => !f.link.detachedAt && f.file.accessTier === 'public_fulltext')
    .map((f) => ({ fileId: f.file.id, role: f.link.role, originalName: f.file.originalName, size: f.file.size, mime: f.file.mime }));
  return { ...presentResultPublic(reg, t, lead, unit, cert), documents };
}

