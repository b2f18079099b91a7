import {
  FormDefinition,
  cellKey,
  defaultProvinceDeadline,
  defaultUnitDeadline,
  isSubmittable,
  todayInVietnam,
  validateForm,
  type CellIssue,
  type CellMap,
  type CellValue,
  type ErrorDetail,
  type StatAssignmentCreate,
  type StatAssignmentResult,
  type StatBoard,
  type StatCellsUpdate,
  type StatFormListQuery,
  type StatPeriod,
  type StatPeriodClose,
  type StatPeriodCreate,
  type StatPeriodReopen,
  type StatReopen,
  type StatReport,
  type StatReportQuery,
  type StatReview,
  type UnitRef,
} from '@stinet/shared';
import type { Db, Executor } from '../../db/types.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import type { AuthUser, RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { ensureStatForms } from '../../seed/reference.js';
import { canManageUnit, canReadUnit, organizationAccess, requireActor, requireRole, unitScopeIds, type OrganizationAccess } from '../access/access.service.js';
import { presentUnitRef } from '../org-units/org-units.presenter.js';
import { findUnitById, findUnitsByIds, type OrgUnitRow } from '../org-units/org-units.repo.js';
import { applyReportToAggregate } from './stats-rollup.js';
import { buildFormXlsx, readFormXlsx, sheetNameOf } from './stats-xlsx.js';
import { cellMapOf, cellRowsOf, isStatReportLate, presentFormRef, presentPeriod, presentReport, presentReportSummary, type ReportRights } from './stats.presenter.js';
import {
  findBoardRows,
  findCells,
  definitionOf,
  findForm,
  findFormDefinitions,
  findPeriodById,
  findPeriods,
  findPreviousReportId,
  findReportById,
  findReportOrgs,
  findReports,
  findReportsOf,
  insertPeriod,
  insertReports,
  replaceCells,
  updatePeriodStatus,
  updateReportVersioned,
  type ReportJoinRow,
  type StatPeriodRow,
  type StatReportRow,
} from './stats.repo.js';

const EDITABLE: StatReportRow['status'][] = ['draft', 'returned'];
const LOCKED: StatReportRow['status'][] = ['approved', 'accepted'];

// ---------------------------------------------------------------------------------------------------------------
// forms

/** Every stored form definition, parsed. */
async function loadAllForms(ex: Executor): Promise<FormDefinition[]> {
  return findFormDefinitions(ex);
}

/** The stored definition of one form version, or undefined. */
async function loadForm(ex: Executor, code: string, version: string): Promise<FormDefinition | undefined> {
  const row = await findForm(ex, code, version);
  return row ? definitionOf(row) : undefined;
}

/**
 * The version of each form code to use for a period year: the newest version in force at some time in that year;
 * when no version of a code is in force that year (e.g. demo and test years after Circular 25/2015 expired, before
 * its successors are loaded), the newest version of that code.
 */
export function formsForYear(defs: readonly FormDefinition[], year: number): FormDefinition[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const byCode = new Map<string, FormDefinition[]>();
  for (const d of defs) byCode.set(d.code, [...(byCode.get(d.code) ?? []), d]);
  const out: FormDefinition[] = [];
  for (const versions of byCode.values()) {
    const newestFirst = [...versions].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
    const inForce = newestFirst.find((d) => d.validFrom <= end && (d.validTo === null || d.validTo >= start));
    out.push(inForce ?? (newestFirst[0] as FormDefinition));
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

/** The form catalogue: the versions for a year (default: this year), or every version. */
export async function listForms(ex: Executor, q: StatFormListQuery): Promise<{ items: FormDefinition[] }> {
  const defs = (await loadAllForms(ex)).filter((d) => q.level === undefined || d.reportingLevel === q.level);
  if (q.all) return { items: defs };
  return { items: formsForYear(defs, q.year ?? Number(todayInVietnam().slice(0, 4))) };
}

/** One form version. */
export async function getForm(ex: Executor, code: string, version: string): Promise<FormDefinition> {
  const def = await loadForm(ex, code, version);
  if (!def) throw notFound('form');
  return def;
}

// ---------------------------------------------------------------------------------------------------------------
// periods and assignments

/** Reporting periods, newest first. */
export async function listPeriods(ex: Executor): Promise<{ items: StatPeriod[] }> {
  return { items: (await findPeriods(ex)).map(presentPeriod) };
}

/** Opens the period of a year (national admin); deadlines default to 1 and 15 February of the next year. */
export async function createPeriod(db: Db, ctx: RequestContext, input: StatPeriodCreate): Promise<StatPeriod> {
  const actor = requireRole(ctx, 'national_admin');
  const unitDeadline = input.unitDeadline ?? defaultUnitDeadline(input.year);
  const provinceDeadline = input.provinceDeadline ?? defaultProvinceDeadline(input.year);
  if (provinceDeadline < unitDeadline) throw fieldError('INVALID_DATE_RANGE', 'provinceDeadline', 'The province deadline cannot precede the unit deadline');
  if (unitDeadline <= `${input.year}-12-31`) throw fieldError('INVALID_DATE_RANGE', 'unitDeadline', 'A deadline falls after the end of the reporting year');
  return db.transaction(async (tx) => {
    const period = await insertPeriod(tx, { year: input.year, unitDeadline, provinceDeadline, createdBy: actor.id });
    if (!period) throw new AppError('STAT_PERIOD_EXISTS');
    await recordAudit(tx, ctx, { action: 'create', entityType: 'stat_period', entityId: period.id, after: period });
    return presentPeriod(period);
  });
}

/**
 * Closes a period (national admin): every report of it is then frozen — no entry, submission, review, acceptance or
 * reopening — and the period can be released from. Reports still in draft or returned stay as they are (they count as
 * not submitted). Audited.
 */
export async function closePeriod(db: Db, ctx: RequestContext, id: string, input: StatPeriodClose): Promise<StatPeriod> {
  const actor = requireRole(ctx, 'national_admin');
  return db.transaction(async (tx) => {
    const period = await findPeriodById(tx, id);
    if (!period) throw notFound('stat_period');
    if (period.status === 'closed') throw new AppError('STAT_PERIOD_CLOSED');
    const updated = (await updatePeriodStatus(tx, id, 'closed', actor.id)) as StatPeriodRow;
    await recordAudit(tx, ctx, { action: 'close', entityType: 'stat_period', entityId: id, before: { status: period.status }, after: { status: updated.status, note: input.note ?? null } });
    return presentPeriod(updated);
  });
}

/** Reopens a closed period (national admin), always with a reason; audited. */
export async function reopenPeriod(db: Db, ctx: RequestContext, id: string, input: StatPeriodReopen): Promise<StatPeriod> {
  requireRole(ctx, 'national_admin');
  return db.transaction(async (tx) => {
    const period = await findPeriodById(tx, id);
    if (!period) throw notFound('stat_period');
    if (period.status !== 'closed') throw new AppError('INVALID_TRANSITION');
    const updated = (await updatePeriodStatus(tx, id, 'open', null)) as StatPeriodRow;
    await recordAudit(tx, ctx, { action: 'reopen', entityType: 'stat_period', entityId: id, before: { status: period.status }, after: { status: updated.status, reason: input.reason } });
    return presentPeriod(updated);
  });
}

/** Refuses any change to a report of a closed period. */
function requireOpenPeriod(row: ReportJoinRow): void {
  if (row.period.status === 'closed') throw new AppError('STAT_PERIOD_CLOSED');
}

/** Resolves the forms of an assignment to stored definitions (loading the repo's definitions if a new one is missing). */
async function resolveForms(tx: Executor, year: number, forms: StatAssignmentCreate['forms']): Promise<FormDefinition[]> {
  let all = await loadAllForms(tx);
  const find = (code: string, version: string | undefined) => (version ? all.find((d) => d.code === code && d.version === version) : formsForYear(all.filter((d) => d.code === code), year)[0]);
  if (forms.some((f) => !find(f.code, f.version))) {
    await ensureStatForms(tx);
    all = await loadAllForms(tx);
  }
  const seen = new Set<string>();
  const out: FormDefinition[] = [];
  const problems: ErrorDetail[] = [];
  forms.forEach((f, i) => {
    const def = find(f.code, f.version);
    if (!def) problems.push({ path: `forms.${i}`, code: 'unknown_form', message: `Unknown form ${f.code}${f.version ? ` (${f.version})` : ''}` });
    else if (def.reportingLevel !== 'unit') problems.push({ path: `forms.${i}`, code: 'aggregate_form', message: `Form ${def.code} is a provincial aggregate form: it is produced from the approved reports of the units, not assigned` });
    else if (seen.has(def.code)) problems.push({ path: `forms.${i}`, code: 'duplicate_form', message: `Form ${def.code} is listed twice` });
    else {
      seen.add(def.code);
      out.push(def);
    }
  });
  if (problems.length) throw new AppError('STAT_FORM_UNKNOWN', problems);
  return out;
}

/**
 * Assigns forms to organizations for a period: creates each missing report in draft (an assignment is the report
 * row). National admin, or the focal officer of the units managing every listed organization. Idempotent.
 */
export async function assignForms(db: Db, ctx: RequestContext, periodId: string, input: StatAssignmentCreate): Promise<StatAssignmentResult> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer');
  return db.transaction(async (tx) => {
    const period = await findPeriodById(tx, periodId);
    if (!period) throw notFound('period');
    if (period.status !== 'open') throw new AppError('STAT_PERIOD_CLOSED');
    const orgIds = [...new Set(input.organizationIds)];
    const orgs = await findReportOrgs(tx, orgIds);
    const known = new Set(orgs.map((o) => o.id));
    const unknown = input.organizationIds.map((id, i) => ({ id, i })).filter((x) => !known.has(x.id));
    if (unknown.length) throw new AppError('VALIDATION_FAILED', unknown.map((x) => ({ path: `organizationIds.${x.i}`, code: 'unknown_organization', message: 'Unknown organization' })));
    const managed = new Map<string, boolean>();
    for (const o of orgs) {
      if (!managed.has(o.managingUnitId)) managed.set(o.managingUnitId, await canManageUnit(tx, actor, o.managingUnitId));
      if (!managed.get(o.managingUnitId)) throw new AppError('OUT_OF_SCOPE');
    }
    const forms = await resolveForms(tx, period.year, input.forms);
    const created = await insertReports(
      tx,
      orgIds.flatMap((organizationId) => forms.map((f) => ({ periodId, organizationId, formCode: f.code, formVersion: f.version, status: 'draft' as const, createdBy: actor.id }))),
    );
    for (const r of created) await recordAudit(tx, ctx, { action: 'create', entityType: 'stat_report', entityId: r.id, after: { periodId, year: period.year, organizationId: r.organizationId, formCode: r.formCode, formVersion: r.formVersion, status: r.status } });
    const all = await findReportsOf(tx, periodId, orgIds, forms.map((f) => f.code));
    return { created: created.length, existing: all.length - created.length, reportIds: all.map((r) => r.id) };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// reports

interface LoadedReport {
  row: ReportJoinRow;
  access: OrganizationAccess;
  actor: AuthUser;
  def: FormDefinition;
}

/** What an actor may do with a report, given its organization access and (for submission) its current issues. */
export function reportRights(actor: AuthUser, access: OrganizationAccess, status: StatReportRow['status'], issues: readonly CellIssue[]): ReportRights {
  const canEdit = access.canEdit && EDITABLE.includes(status);
  const manages = actor.role !== 'org_reporter' && access.canEdit;
  return {
    canEdit,
    canSubmit: canEdit && isSubmittable(issues),
    canReview: manages && status === 'submitted',
    canAccept: actor.role === 'national_admin' && status === 'approved',
    canReopen: (status === 'approved' && manages) || (status === 'accepted' && actor.role === 'national_admin'),
  };
}

async function loadReport(ex: Executor, ctx: RequestContext, id: string): Promise<LoadedReport> {
  const actor = requireActor(ctx);
  const row = await findReportById(ex, id);
  if (!row) throw notFound('report');
  const access = await organizationAccess(ex, actor, { id: row.org.id, managingUnitId: row.org.managingUnitId });
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  const def = await loadForm(ex, row.report.formCode, row.report.formVersion);
  if (!def) throw notFound('form');
  return { row, access, actor, def };
}

async function previousCells(ex: Executor, row: ReportJoinRow): Promise<CellMap | undefined> {
  const prevId = await findPreviousReportId(ex, row.org.id, row.report.formCode, row.period.year);
  return prevId ? cellMapOf(await findCells(ex, prevId)) : undefined;
}

async function unitRefOf(ex: Executor, unitId: string): Promise<UnitRef> {
  return presentUnitRef((await findUnitById(ex, unitId)) as OrgUnitRow);
}

async function present(ex: Executor, loaded: LoadedReport, row: ReportJoinRow = loaded.row): Promise<StatReport> {
  const cells = await findCells(ex, row.report.id);
  const issues = validateForm(loaded.def, cellMapOf(cells), { previous: await previousCells(ex, row) });
  return presentReport(row, loaded.def, await unitRefOf(ex, row.org.managingUnitId), cells, issues, reportRights(loaded.actor, loaded.access, row.report.status, issues));
}

/** A report with its cells, current issues and the caller's rights. */
export async function getReport(ex: Executor, ctx: RequestContext, id: string): Promise<StatReport> {
  return present(ex, await loadReport(ex, ctx, id));
}

/** The XLSX of a report: its header and its stored cells (same read access as the report). */
export async function reportXlsx(ex: Executor, ctx: RequestContext, id: string): Promise<{ fileName: string; content: Buffer }> {
  const loaded = await loadReport(ex, ctx, id);
  const report = await present(ex, loaded);
  const base = `${sheetNameOf(loaded.def.code)}_${report.period.year}_${report.organization.code}`;
  return { fileName: `${base}.xlsx`, content: await buildFormXlsx(loaded.def, report) };
}

/** The blank XLSX of a form version (public, like the definitions). */
export async function formXlsx(ex: Executor, code: string, version: string): Promise<{ fileName: string; content: Buffer }> {
  const def = await getForm(ex, code, version);
  return { fileName: `${sheetNameOf(def.code)}_${def.version}.xlsx`, content: await buildFormXlsx(def) };
}

/** Replaces the cells of a draft or returned report by those of an uploaded XLSX of its form (see {@link saveCells}). */
export async function uploadReportXlsx(db: Db, ctx: RequestContext, id: string, content: Buffer): Promise<StatReport> {
  return saveCells(db, ctx, id, { version: null, readCells: (def) => readFormXlsx(def, content, ctx.locale) });
}

function errorDetails(ctx: RequestContext, issues: readonly CellIssue[]): ErrorDetail[] {
  return issues.filter((i) => i.severity === 'error').map((i) => ({ path: `cells.${i.row}.${i.column}`, code: i.ruleId, message: ctx.locale === 'en' ? i.messageEn : i.messageVi }));
}

/** Loads a report for a data change or a submission: editable state, the caller may edit it, the version matches. */
async function loadForWrite(tx: Executor, ctx: RequestContext, id: string, version: number | null): Promise<LoadedReport> {
  const loaded = await loadReport(tx, ctx, id);
  const status = loaded.row.report.status;
  requireOpenPeriod(loaded.row);
  if (LOCKED.includes(status)) throw new AppError('STAT_REPORT_LOCKED');
  if (!loaded.access.canEdit) throw new AppError('OUT_OF_SCOPE');
  if (!EDITABLE.includes(status)) throw new AppError('INVALID_TRANSITION');
  if (version !== null && loaded.row.report.version !== version) throw new AppError('VERSION_CONFLICT');
  return loaded;
}

/**
 * Saves cells of a draft or returned report: the given cells are merged into the stored ones (state `missing` clears a
 * cell), the whole report is validated, and nothing is saved if any rule marked as an error fails (422 with every
 * failing cell). Otherwise the cells are written in one transaction and the version is bumped; warnings come back
 * in `issues`.
 *
 * The XLSX upload passes `version: null` with every cell of the form (empty ones as `missing`): it replaces the
 * report's cells whatever the current version (checked against the row it read, so a concurrent write still
 * conflicts), and `readCells` reads the workbook inside the transaction once the report is known to be writable.
 */
export async function saveCells(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: StatCellsUpdate | { version: null; readCells: (def: FormDefinition) => StatCellsUpdate['cells'] },
): Promise<StatReport> {
  requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  return db.transaction(async (tx) => {
    const loaded = await loadForWrite(tx, ctx, id, input.version);
    const version = input.version ?? loaded.row.report.version;
    const given = 'cells' in input ? input.cells : input.readCells(loaded.def);
    const rows = new Set(loaded.def.rows.map((r) => r.code));
    const cols = new Set(loaded.def.columns.map((c) => c.code));
    const bad = given.map((c, i) => ({ c, i })).filter(({ c }) => !rows.has(c.row) || !cols.has(c.column));
    if (bad.length) throw new AppError('VALIDATION_FAILED', bad.map(({ c, i }) => ({ path: `cells.${i}`, code: 'unknown_cell', message: `Form ${loaded.def.code} has no cell ${c.row}/${c.column}` })));
    const stored = await findCells(tx, id);
    const merged = new Map<string, CellValue>(cellMapOf(stored));
    const before: Record<string, CellValue | null> = {};
    const after: Record<string, CellValue | null> = {};
    for (const c of given) {
      const key = cellKey(c.row, c.column);
      const { row: _row, column: _column, ...value } = c;
      const was = merged.get(key) ?? null;
      if (value.state === 'missing') merged.delete(key);
      else merged.set(key, value);
      if (was === null && value.state === 'missing') continue;
      before[key] = was;
      after[key] = value.state === 'missing' ? null : value;
    }
    const issues = validateForm(loaded.def, merged);
    if (!isSubmittable(issues)) throw new AppError('STAT_VALIDATION_FAILED', errorDetails(ctx, issues));
    await replaceCells(tx, id, cellRowsOf(merged));
    const updated = await updateReportVersioned(tx, id, version, {});
    if (!updated) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx, { action: 'update', entityType: 'stat_report', entityId: id, before: { cells: before }, after: { cells: after } });
    return present(tx, loaded, { ...loaded.row, report: updated });
  });
}

/** Sends a draft or returned report to the province or ministry; refused while any error remains. */
export async function submitReport(db: Db, ctx: RequestContext, id: string, version: number): Promise<StatReport> {
  requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  return db.transaction(async (tx) => {
    const loaded = await loadForWrite(tx, ctx, id, version);
    const issues = validateForm(loaded.def, cellMapOf(await findCells(tx, id)));
    if (!isSubmittable(issues)) throw new AppError('STAT_VALIDATION_FAILED', errorDetails(ctx, issues));
    const now = new Date();
    const r = loaded.row.report;
    const updated = await updateReportVersioned(tx, id, version, { status: 'submitted', submittedAt: now, firstSubmittedAt: r.firstSubmittedAt ?? now });
    if (!updated) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx, { action: 'submit', entityType: 'stat_report', entityId: id, before: { status: r.status }, after: { status: updated.status } });
    return present(tx, loaded, { ...loaded.row, report: updated });
  });
}

/** The province or ministry managing the organization (or the national admin) approves or returns a submitted report. */
export async function reviewReport(db: Db, ctx: RequestContext, id: string, input: StatReview): Promise<StatReport> {
  requireRole(ctx, 'national_admin', 'focal_officer');
  if (input.decision === 'return' && !input.comment) throw fieldError('VALIDATION_FAILED', 'comment', 'A returned report needs a comment');
  return db.transaction(async (tx) => {
    const loaded = await loadReport(tx, ctx, id);
    const r = loaded.row.report;
    requireOpenPeriod(loaded.row);
    if (!loaded.access.canEdit) throw new AppError('OUT_OF_SCOPE');
    if (r.status !== 'submitted') throw new AppError('INVALID_TRANSITION');
    if (r.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const values =
      input.decision === 'approve'
        ? { status: 'approved' as const, approvedAt: new Date(), approvedBy: loaded.actor.id, reviewComment: input.comment ?? null }
        : { status: 'returned' as const, reviewComment: input.comment ?? null };
    const ministryId = input.decision === 'approve' && (await findUnitById(tx, loaded.row.org.managingUnitId))?.kind === 'ministry' ? loaded.row.org.managingUnitId : null;
    const updated = await updateReportVersioned(tx, id, input.version, input.decision === 'approve' ? { ...values, aggregatedUnitId: loaded.row.org.provinceUnitId, aggregatedMinistryId: ministryId } : values);
    if (!updated) throw new AppError('VERSION_CONFLICT');
    if (input.decision === 'approve') {
      await applyReportToAggregate(tx, id, loaded.row.org.provinceUnitId, 1);
      if (ministryId) await applyReportToAggregate(tx, id, ministryId, 1);
    }
    await recordAudit(tx, ctx, { action: input.decision, entityType: 'stat_report', entityId: id, before: { status: r.status }, after: { status: updated.status, reviewComment: updated.reviewComment } });
    return present(tx, loaded, { ...loaded.row, report: updated });
  });
}

/** The national level accepts an approved report. */
export async function acceptReport(db: Db, ctx: RequestContext, id: string, version: number): Promise<StatReport> {
  requireRole(ctx, 'national_admin');
  return db.transaction(async (tx) => {
    const loaded = await loadReport(tx, ctx, id);
    const r = loaded.row.report;
    requireOpenPeriod(loaded.row);
    if (r.status !== 'approved') throw new AppError('INVALID_TRANSITION');
    if (r.version !== version) throw new AppError('VERSION_CONFLICT');
    const updated = await updateReportVersioned(tx, id, version, { status: 'accepted', acceptedAt: new Date(), acceptedBy: loaded.actor.id });
    if (!updated) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx, { action: 'accept', entityType: 'stat_report', entityId: id, before: { status: r.status }, after: { status: updated.status } });
    return present(tx, loaded, { ...loaded.row, report: updated });
  });
}

/**
 * Reopens approved or accepted data (back to `returned`, so the unit can correct it), by the level that approved it:
 * the province or ministry for approved reports, the national admin for accepted ones. Always with a reason; audited.
 */
export async function reopenReport(db: Db, ctx: RequestContext, id: string, input: StatReopen): Promise<StatReport> {
  requireRole(ctx, 'national_admin', 'focal_officer');
  return db.transaction(async (tx) => {
    const loaded = await loadReport(tx, ctx, id);
    const r = loaded.row.report;
    requireOpenPeriod(loaded.row);
    if (!loaded.access.canEdit) throw new AppError('OUT_OF_SCOPE');
    if (!LOCKED.includes(r.status)) throw new AppError('INVALID_TRANSITION');
    if (!reportRights(loaded.actor, loaded.access, r.status, []).canReopen) throw new AppError('FORBIDDEN');
    if (r.version !== input.version) throw new AppError('VERSION_CONFLICT');
    const updated = await updateReportVersioned(tx, id, input.version, { status: 'returned', reviewComment: input.reason, approvedAt: null, approvedBy: null, acceptedAt: null, acceptedBy: null, aggregatedUnitId: null, aggregatedMinistryId: null });
    if (!updated) throw new AppError('VERSION_CONFLICT');
    if (r.aggregatedUnitId) await applyReportToAggregate(tx, id, r.aggregatedUnitId, -1);
    if (r.aggregatedMinistryId) await applyReportToAggregate(tx, id, r.aggregatedMinistryId, -1);
    await recordAudit(tx, ctx, { action: 'reopen', entityType: 'stat_report', entityId: id, before: { status: r.status }, after: { status: updated.status, reason: input.reason } });
    return present(tx, loaded, { ...loaded.row, report: updated });
  });
}

/** Which organizations' reports an actor sees: own organization, the units in their scope, or all. */
async function reportScopeOf(ex: Executor, actor: AuthUser): Promise<{ organizationId?: string; managingUnitIds?: string[] }> {
  if (actor.role === 'org_reporter') return { organizationId: actor.organizationId ?? '00000000-0000-0000-0000-000000000000' };
  if (actor.role === 'national_admin' || !actor.scopeUnitId) return actor.role === 'focal_officer' ? { managingUnitIds: [] } : {};
  return { managingUnitIds: [...(await unitScopeIds(ex, actor.scopeUnitId))] };
}

/** The work list: reports in the caller's scope. */
export async function listReports(ex: Executor, ctx: RequestContext, q: StatReportQuery) {
  const actor = requireActor(ctx);
  const scope = await reportScopeOf(ex, actor);
  const { rows, total } = await findReports(ex, { ...scope, periodId: q.periodId, status: q.status, formCode: q.formCode, q: q.q }, q.page, q.pageSize);
  const defs = await loadAllForms(ex);
  const units = await findUnitsByIds(ex, rows.map((r) => r.org.managingUnitId));
  const today = todayInVietnam();
  return {
    items: rows.map((row) => {
      const def = defs.find((d) => d.code === row.report.formCode && d.version === row.report.formVersion) as FormDefinition;
      return presentReportSummary(row, def, presentUnitRef(units.get(row.org.managingUnitId) as OrgUnitRow), today);
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Completeness and timeliness of a period per form, for the organizations managed by a unit (and the units it
 * succeeded): default the caller's unit, or everything for national staff. A draft without any cell is "not started".
 */
export async function periodBoard(ex: Executor, ctx: RequestContext, periodId: string, unitId: string | undefined): Promise<StatBoard> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer', 'reviewer');
  const period = await findPeriodById(ex, periodId);
  if (!period) throw notFound('period');
  const boardUnitId = unitId ?? (actor.role === 'national_admin' ? undefined : (actor.scopeUnitId ?? undefined));
  if (boardUnitId && !(await canReadUnit(ex, actor, boardUnitId))) throw new AppError('OUT_OF_SCOPE');
  if (!boardUnitId && actor.role === 'focal_officer') throw new AppError('OUT_OF_SCOPE');
  const unit = boardUnitId ? await findUnitById(ex, boardUnitId) : undefined;
  if (boardUnitId && !unit) throw notFound('unit');
  const rows = await findBoardRows(ex, periodId, boardUnitId ? [...(await unitScopeIds(ex, boardUnitId))] : undefined);
  const defs = await loadAllForms(ex);
  const today = todayInVietnam();
  const forms = new Map<string, StatBoard['forms'][number]>();
  const notSubmitted: StatBoard['notSubmitted'] = [];
  for (const row of rows) {
    const r = row.report;
    let entry = forms.get(r.formCode);
    if (!entry) {
      const def = defs.find((d) => d.code === r.formCode && d.version === r.formVersion) as FormDefinition;
      entry = { form: presentFormRef(def), assigned: 0, notStarted: 0, draft: 0, submitted: 0, returned: 0, approved: 0, accepted: 0, late: 0 };
      forms.set(r.formCode, entry);
    }
    entry.assigned += 1;
    if (r.status === 'draft') {
      if (row.hasCells) entry.draft += 1;
      else entry.notStarted += 1;
    } else entry[r.status] += 1;
    const late = isStatReportLate(r, period, today);
    if (late) entry.late += 1;
    if (r.status === 'draft' || r.status === 'returned') notSubmitted.push({ reportId: r.id, organization: { id: row.org.id, code: row.org.code, nameVi: row.org.nameVi }, formCode: r.formCode, status: r.status, isLate: late });
  }
  return { period: presentPeriod(period), unit: unit ? presentUnitRef(unit) : null, forms: [...forms.values()], notSubmitted };
}
