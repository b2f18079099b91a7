import type { ResearcherCreate, ResearcherFull, ResearcherListQuery, ResearcherPublic, ResearcherUpdate } from '@stinet/shared';
import type { Db, Executor } from '../../db/types.js';
import { touchPublicRecord } from '../portal/public-record.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { definedOnly } from '../../lib/sql.js';
import { grammarAnswer, parseGrammar } from '../../lib/list-grammar-sql.js';
import { organizationAccess, requireActor, requireRole, unitScopeIds } from '../access/access.service.js';
import { listEntityHistory } from '../audit/audit.service.js';
import { assertCodes } from '../classifications/classifications.service.js';
import { findOrganizationById, findOrganizationRefs, type OrganizationRefRow, type OrganizationRow } from '../organizations/organizations.repo.js';
import { presentResearcherFull, presentResearcherPublic } from './researchers.presenter.js';
import { findResearcherById, findResearchersGrammar, RESEARCHER_GRAMMAR, insertResearcher, nextResearcherCode, updateResearcherVersioned, type ResearcherRow } from './researchers.repo.js';

/** Public list of researchers. */
export async function listResearchers(ex: Executor, q: ResearcherListQuery) {
  const provinceUnitIds = q.provinceUnitId ? [...(await unitScopeIds(ex, q.provinceUnitId))] : undefined;
  const grammar = parseGrammar(q, RESEARCHER_GRAMMAR);
  const pageSize = q.per_page ?? q.pageSize;
  const result = await findResearchersGrammar(
    ex,
    { q: q.search ?? q.q, organizationId: q.organizationId, provinceUnitIds, fieldCode: q.fieldCode, qualificationCode: q.qualificationCode },
    grammar,
    q.page,
    pageSize,
  );
  return grammarAnswer(result, grammar, q.page, pageSize, async (rows) => {
    const byId = await findOrganizationRefs(ex, rows.map((r) => r.organizationId));
    return rows.map((r) => presentResearcherPublic(r, byId.get(r.organizationId) as OrganizationRefRow));
  });
}

async function load(ex: Executor, id: string): Promise<{ row: ResearcherRow; org: OrganizationRow }> {
  const row = await findResearcherById(ex, id);
  if (!row) throw notFound('researcher');
  const org = await findOrganizationById(ex, row.organizationId);
  if (!org) throw notFound('organization');
  return { row, org };
}

/** The public record of a researcher. */
export async function getResearcherPublic(ex: Executor, id: string): Promise<ResearcherPublic> {
  const { row, org } = await load(ex, id);
  return presentResearcherPublic(row, org);
}

/** The full record, for staff whose scope covers the researcher's organization. */
export async function getResearcherFull(ex: Executor, ctx: RequestContext, id: string): Promise<ResearcherFull> {
  const actor = requireActor(ctx);
  const { row, org } = await load(ex, id);
  const access = await organizationAccess(ex, actor, org);
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  return presentResearcherFull(row, org, access.canEdit);
}

async function validateCodes(ex: Executor, input: Partial<ResearcherCreate>): Promise<void> {
  await assertCodes(ex, [
    { path: 'qualificationCode', scheme: 'QUALIFICATION', code: input.qualificationCode },
    { path: 'academicTitleCode', scheme: 'ACADEMIC_TITLE', code: input.academicTitleCode },
    { path: 'fieldCode', scheme: 'FOS2025', code: input.fieldCode },
  ]);
}

async function organizationForWrite(ex: Executor, ctx: RequestContext, organizationId: string): Promise<OrganizationRow> {
  const org = await findOrganizationById(ex, organizationId);
  if (!org) throw fieldError('VALIDATION_FAILED', 'organizationId', 'Unknown organization');
  const access = await organizationAccess(ex, ctx.actor, org);
  if (!access.canEdit) throw new AppError('OUT_OF_SCOPE');
  return org;
}

/** Adds a researcher to an organization in the caller's scope. */
export async function createResearcher(db: Db, ctx: RequestContext, input: ResearcherCreate): Promise<ResearcherFull> {
  requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  return db.transaction(async (tx) => {
    const org = await organizationForWrite(tx, ctx, input.organizationId);
    await validateCodes(tx, input);
    const row = await insertResearcher(tx, { ...(definedOnly(input) as typeof input), code: await nextResearcherCode(tx) });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'researcher', entityId: row.id, after: row });
    await touchPublicRecord(tx, 'researcher', row.id);
    return presentResearcherFull(row, org, true);
  });
}

/** Changes a researcher (version checked). Moving to another organization needs scope over both. */
export async function updateResearcher(db: Db, ctx: RequestContext, id: string, input: ResearcherUpdate): Promise<ResearcherFull> {
  requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    const { row: before, org } = await load(tx, id);
    if (!(await organizationAccess(tx, ctx.actor, org)).canEdit) throw new AppError('OUT_OF_SCOPE');
    if (before.version !== version) throw new AppError('VERSION_CONFLICT');
    const target = changes.organizationId && changes.organizationId !== org.id ? await organizationForWrite(tx, ctx, changes.organizationId) : org;
    await validateCodes(tx, changes);
    const after = await updateResearcherVersioned(tx, id, version, definedOnly(changes));
    if (!after) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx, { action: 'update', entityType: 'researcher', entityId: id, before, after });
    await touchPublicRecord(tx, 'researcher', id);
    return presentResearcherFull(after, target, true);
  });
}

/** The change history of a researcher. */
export async function researcherHistory(ex: Executor, ctx: RequestContext, id: string, page: number, pageSize: number) {
  await getResearcherFull(ex, ctx, id);
  return listEntityHistory(ex, 'researcher', id, page, pageSize);
}
