import { compareVietnamese, todayInVietnam, type OrgUnitCreate, type OrgUnitDetail, type OrgUnitKind, type OrgUnitListQuery, type OrgUnitUpdate } from '@stinet/shared';
import type { Db, Executor } from '../../db/types.js';
import { fieldError, notFound } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { requireRole } from '../access/access.service.js';
import { presentUnit, presentUnitDetail } from './org-units.presenter.js';
import { findSuccessions, findUnitById, findUnits, findUnitsByIds, insertSuccessions, insertUnit, updateUnit, type OrgUnitRow } from './org-units.repo.js';

const KIND_ORDER: Record<OrgUnitKind, number> = { national: 0, ministry: 1, province: 2 };

/** Lists units valid on a date (default: today in Vietnam), sorted national → ministries → provinces, each in Vietnamese order. */
export async function listUnits(ex: Executor, query: OrgUnitListQuery) {
  const asOf = query.asOf ?? todayInVietnam();
  const rows = await findUnits(ex, { asOf, ...(query.kind ? { kind: query.kind } : {}), ...(query.q ? { q: query.q } : {}) });
  rows.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareVietnamese(a.shortNameVi ?? a.nameVi, b.shortNameVi ?? b.nameVi));
  const start = (query.page - 1) * query.pageSize;
  return { items: rows.slice(start, start + query.pageSize).map(presentUnit), total: rows.length, page: query.page, pageSize: query.pageSize };
}

/** One unit with predecessors and successors. */
export async function getUnit(ex: Executor, id: string): Promise<OrgUnitDetail> {
  const row = await findUnitById(ex, id);
  if (!row) throw notFound('orgUnit');
  return presentUnitDetail(row, await findSuccessions(ex, id));
}

/**
 * Checks that a unit exists, is of an allowed kind and is valid on `date`; returns it.
 * Used wherever a record is attached to a unit.
 */
export async function assertUnitValidOn(ex: Executor, unitId: string, date: string, kinds: OrgUnitKind[], path: string): Promise<OrgUnitRow> {
  const unit = await findUnitById(ex, unitId);
  if (!unit) throw fieldError('VALIDATION_FAILED', path, 'Unknown org unit');
  if (!kinds.includes(unit.kind)) throw fieldError('VALIDATION_FAILED', path, `Unit must be of kind ${kinds.join(' or ')}`);
  if (unit.validFrom > date || (unit.validTo !== null && unit.validTo < date)) {
    throw fieldError('UNIT_NOT_VALID_AT_DATE', path, `${unit.nameVi} is valid ${unit.validFrom} – ${unit.validTo ?? '…'}, not on ${date}`);
  }
  return unit;
}

/** Creates a unit (national administrators), optionally as the successor of existing units. */
export async function createUnit(db: Db, ctx: RequestContext, input: OrgUnitCreate): Promise<OrgUnitDetail> {
  requireRole(ctx, 'national_admin');
  if (input.validTo && input.validTo < input.validFrom) throw fieldError('INVALID_DATE_RANGE', 'validTo', 'validTo is before validFrom');
  return db.transaction(async (tx) => {
    const preds = await findUnitsByIds(tx, input.predecessorIds);
    for (const id of input.predecessorIds) {
      const p = preds.get(id);
      if (!p) throw fieldError('VALIDATION_FAILED', 'predecessorIds', `Unknown unit ${id}`);
      if (p.validTo === null || p.validTo >= input.validFrom) {
        throw fieldError('UNIT_NOT_VALID_AT_DATE', 'predecessorIds', `${p.nameVi} must end before ${input.validFrom}`);
      }
    }
    const row = await insertUnit(tx, {
      kind: input.kind,
      code: input.code,
      nameVi: input.nameVi,
      nameEn: input.nameEn,
      shortNameVi: input.shortNameVi ?? null,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      isCentralCity: input.isCentralCity,
      isExcludedFromNetwork: input.isExcludedFromNetwork,
    });
    await insertSuccessions(tx, input.predecessorIds.map((p) => ({ predecessorId: p, successorId: row.id, effectiveDate: input.validFrom, note: null })));
    await recordAudit(tx, ctx, { action: 'create', entityType: 'org_unit', entityId: row.id, after: { ...row, predecessorIds: input.predecessorIds } });
    return presentUnitDetail(row, await findSuccessions(tx, row.id));
  });
}

/** Renames a unit or ends its validity (national administrators). */
export async function changeUnit(db: Db, ctx: RequestContext, id: string, input: OrgUnitUpdate): Promise<OrgUnitDetail> {
  requireRole(ctx, 'national_admin');
  return db.transaction(async (tx) => {
    const before = await findUnitById(tx, id);
    if (!before) throw notFound('orgUnit');
    const validTo = input.validTo === undefined ? before.validTo : input.validTo;
    if (validTo !== null && validTo < before.validFrom) throw fieldError('INVALID_DATE_RANGE', 'validTo', 'validTo is before validFrom');
    const after = await updateUnit(tx, id, {
      ...(input.nameVi !== undefined ? { nameVi: input.nameVi } : {}),
      ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}),
      ...(input.shortNameVi !== undefined ? { shortNameVi: input.shortNameVi } : {}),
      validTo,
    });
    await recordAudit(tx, ctx, { action: 'update', entityType: 'org_unit', entityId: id, before, after });
    return presentUnitDetail(after, await findSuccessions(tx, id));
  });
}
