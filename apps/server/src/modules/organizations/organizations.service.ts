import { todayInVietnam, type OrganizationCreate, type OrganizationFull, type OrganizationListQuery, type OrganizationPublic, type OrganizationUpdate } from '@stinet/shared';
import type { Db, Executor } from '../../db/types.js';
import { touchPublicRecord } from '../portal/public-record.js';
import { AppError, notFound } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { definedOnly } from '../../lib/sql.js';
import { grammarAnswer, parseGrammar } from '../../lib/list-grammar-sql.js';
import { canManageUnit, organizationAccess, requireActor, requireRole, unitScopeIds } from '../access/access.service.js';
import { listEntityHistory } from '../audit/audit.service.js';
import { assertCodes } from '../classifications/classifications.service.js';
import { findUnitsByIds } from '../org-units/org-units.repo.js';
import { assertUnitValidOn } from '../org-units/org-units.service.js';
import { presentOrganizationFull, presentOrganizationPublic } from './organizations.presenter.js';
import { findOrganizationById, findOrganizationsGrammar, ORGANIZATION_GRAMMAR, insertOrganization, nextOrganizationCode, updateOrganizationVersioned, type OrganizationRow } from './organizations.repo.js';

/** Public list of organizations. Province and managing-unit filters include predecessor units. */
export async function listOrganizations(ex: Executor, q: OrganizationListQuery) {
  const provinceUnitIds = q.provinceUnitId ? [...(await unitScopeIds(ex, q.provinceUnitId))] : undefined;
  const managingUnitIds = q.managingUnitId ? [...(await unitScopeIds(ex, q.managingUnitId))] : undefined;
  const grammar = parseGrammar(q, ORGANIZATION_GRAMMAR);
  const pageSize = q.per_page ?? q.pageSize;
  const result = await findOrganizationsGrammar(ex, { q: q.search ?? q.q, provinceUnitIds, managingUnitIds, orgTypeCode: q.orgTypeCode, mainFieldCode: q.mainFieldCode }, grammar, q.page, pageSize);
  return grammarAnswer(result, grammar, q.page, pageSize, async (rows) => {
    const units = await findUnitsByIds(ex, rows.flatMap((r) => [r.provinceUnitId, r.managingUnitId]));
    return rows.map((r) => presentOrganizationPublic(r, units));
  });
}

async function loadOrganization(ex: Executor, id: string): Promise<OrganizationRow> {
  const row = await findOrganizationById(ex, id);
  if (!row) throw notFound('organization');
  return row;
}

/** The public record of one organization. */
export async function getOrganizationPublic(ex: Executor, id: string): Promise<OrganizationPublic> {
  const row = await loadOrganization(ex, id);
  return presentOrganizationPublic(row, await findUnitsByIds(ex, [row.provinceUnitId, row.managingUnitId]));
}

/** The full record, for staff whose scope covers the organization. */
export async function getOrganizationFull(ex: Executor, ctx: RequestContext, id: string): Promise<OrganizationFull> {
  const actor = requireActor(ctx);
  const row = await loadOrganization(ex, id);
  const access = await organizationAccess(ex, actor, row);
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  return presentOrganizationFull(row, await findUnitsByIds(ex, [row.provinceUnitId, row.managingUnitId]), access.canEdit);
}

async function validateReferences(ex: Executor, input: Partial<OrganizationCreate>): Promise<void> {
  const today = todayInVietnam();
  if (input.provinceUnitId) await assertUnitValidOn(ex, input.provinceUnitId, today, ['province'], 'provinceUnitId');
  if (input.managingUnitId) await assertUnitValidOn(ex, input.managingUnitId, today, ['province', 'ministry'], 'managingUnitId');
  await assertCodes(ex, [
    { path: 'orgTypeCode', scheme: 'ORG_TYPE', code: input.orgTypeCode },
    { path: 'economicTypeCode', scheme: 'ECONOMIC_TYPE', code: input.economicTypeCode },
    { path: 'foundingAuthorityCode', scheme: 'FOUNDING_AUTHORITY', code: input.foundingAuthorityCode },
    { path: 'mainFieldCode', scheme: 'FOS2025', code: input.mainFieldCode },
  ]);
}

/** Creates an organization in the caller's scope (national admin or focal officer). */
export async function createOrganization(db: Db, ctx: RequestContext, input: OrganizationCreate): Promise<OrganizationFull> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer');
  return db.transaction(async (tx) => {
    await validateReferences(tx, input);
    if (!(await canManageUnit(tx, actor, input.managingUnitId))) throw new AppError('OUT_OF_SCOPE');
    const row = await insertOrganization(tx, {
      ...(definedOnly(input) as typeof input),
      code: await nextOrganizationCode(tx),
    });
    await recordAudit(tx, ctx, { action: 'create', entityType: 'organization', entityId: row.id, after: row });
    await touchPublicRecord(tx, 'organization', row.id);
    return presentOrganizationFull(row, await findUnitsByIds(tx, [row.provinceUnitId, row.managingUnitId]), true);
  });
}

/** Changes an organization; the caller must have it in scope and send the version they read. */
export async function updateOrganization(db: Db, ctx: RequestContext, id: string, input: OrganizationUpdate): Promise<OrganizationFull> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  const { version, ...changes } = input;
  return db.transaction(async (tx) => {
    const before = await loadOrganization(tx, id);
    const access = await organizationAccess(tx, actor, before);
    if (!access.canEdit) throw new AppError('OUT_OF_SCOPE');
    if (before.version !== version) throw new AppError('VERSION_CONFLICT');
    const moves = (changes.managingUnitId && changes.managingUnitId !== before.managingUnitId) || (changes.provinceUnitId && changes.provinceUnitId !== before.provinceUnitId);
    if (moves && actor.role === 'org_reporter') throw new AppError('FORBIDDEN');
    await validateReferences(tx, changes);
    if (changes.managingUnitId && changes.managingUnitId !== before.managingUnitId && !(await canManageUnit(tx, actor, changes.managingUnitId))) {
      throw new AppError('OUT_OF_SCOPE');
    }
    const after = await updateOrganizationVersioned(tx, id, version, definedOnly(changes));
    if (!after) throw new AppError('VERSION_CONFLICT');
    await recordAudit(tx, ctx, { action: 'update', entityType: 'organization', entityId: id, before, after });
    await touchPublicRecord(tx, 'organization', id);
    return presentOrganizationFull(after, await findUnitsByIds(tx, [after.provinceUnitId, after.managingUnitId]), true);
  });
}

/** The change history of an organization, for staff who may read it in full. */
export async function organizationHistory(ex: Executor, ctx: RequestContext, id: string, page: number, pageSize: number) {
  await getOrganizationFull(ex, ctx, id);
  return listEntityHistory(ex, 'organization', id, page, pageSize);
}
