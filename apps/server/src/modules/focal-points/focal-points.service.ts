import { eq } from 'drizzle-orm';
import {
  compareVietnamese,
  todayInVietnam,
  type FocalPoint,
  type FocalPointCreate,
  type FocalPointListQuery,
  type FocalPointUpdate,
  type FocalStaff,
  type FocalStaffCreate,
  type FocalStaffUpdate,
  type Training,
  type TrainingCreate,
} from '@stinet/shared';
import { focalPoint, focalStaff, staffTraining } from '../../db/schema.js';
import type { Db, Executor } from '../../db/types.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { canManageUnit, canReadUnit, requireActor, requireRole, unitScopeIds } from '../access/access.service.js';
import { findOrganizationById, findOrganizationRefs } from '../organizations/organizations.repo.js';
import { findUnitById, findUnitsByIds, type OrgUnitRow } from '../org-units/org-units.repo.js';
import { presentFocalPoint, presentStaff, presentTraining } from './focal-points.presenter.js';
import { findFocalPointById, findFocalPoints, findStaff, findStaffById, type FocalPointRow, type FocalStaffRow, type TrainingRow } from './focal-points.repo.js';

async function present(ex: Executor, rows: FocalPointRow[]): Promise<FocalPoint[]> {
  const units = await findUnitsByIds(ex, rows.map((r) => r.orgUnitId));
  const orgs = await findOrganizationRefs(ex, rows.flatMap((r) => (r.organizationId ? [r.organizationId] : [])));
  return rows.map((r) => presentFocalPoint(r, units.get(r.orgUnitId) as OrgUnitRow, r.organizationId ? orgs.get(r.organizationId) : undefined));
}

/** Focal points valid on a date (public), sorted by unit in Vietnamese order. */
export async function listFocalPoints(ex: Executor, q: FocalPointListQuery): Promise<{ items: FocalPoint[] }> {
  const asOf = q.asOf ?? todayInVietnam();
  const orgUnitIds = q.orgUnitId ? [...(await unitScopeIds(ex, q.orgUnitId))] : undefined;
  const items = await present(ex, await findFocalPoints(ex, { asOf, orgUnitIds }));
  const kindOrder = { national: 0, ministry: 1, province: 2 } as const;
  items.sort((a, b) => kindOrder[a.orgUnit.kind] - kindOrder[b.orgUnit.kind] || compareVietnamese(a.orgUnit.nameVi, b.orgUnit.nameVi) || b.validFrom.localeCompare(a.validFrom));
  return { items };
}

async function load(ex: Executor, id: string): Promise<FocalPointRow> {
  const row = await findFocalPointById(ex, id);
  if (!row) throw notFound('focalPoint');
  return row;
}

/** One focal point (public). */
export async function getFocalPoint(ex: Executor, id: string): Promise<FocalPoint> {
  return (await present(ex, [await load(ex, id)]))[0] as FocalPoint;
}

/** A designation must lie inside its unit's validity. */
function assertWithinUnit(unit: OrgUnitRow, validFrom: string, validTo: string | null): void {
  if (validTo !== null && validTo < validFrom) throw fieldError('INVALID_DATE_RANGE', 'validTo', 'validTo is before validFrom');
  const endsTooLate = unit.validTo !== null && (validTo === null || validTo > unit.validTo);
  if (validFrom < unit.validFrom || (unit.validTo !== null && validFrom > unit.validTo) || endsTooLate) {
    throw fieldError('UNIT_NOT_VALID_AT_DATE', 'validFrom', `${unit.nameVi} is valid ${unit.validFrom} – ${unit.validTo ?? '…'}`);
  }
}

/** Designates a focal point (national administrators). */
export async function createFocalPoint(db: Db, ctx: RequestContext, input: FocalPointCreate): Promise<FocalPoint> {
  requireRole(ctx, 'national_admin');
  return db.transaction(async (tx) => {
    const unit = await findUnitById(tx, input.orgUnitId);
    if (!unit) throw fieldError('VALIDATION_FAILED', 'orgUnitId', 'Unknown org unit');
    assertWithinUnit(unit, input.validFrom, input.validTo ?? null);
    if (input.organizationId && !(await findOrganizationById(tx, input.organizationId))) throw fieldError('VALIDATION_FAILED', 'organizationId', 'Unknown organization');
    const rows = await tx
      .insert(focalPoint)
      .values({
        orgUnitId: input.orgUnitId,
        organizationId: input.organizationId ?? null,
        nameVi: input.nameVi,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        decisionNo: input.decisionNo ?? null,
        contactName: input.contactName ?? null,
        contactEmail: input.contactEmail ?? null,
        contactPhone: input.contactPhone ?? null,
      })
      .returning();
    const row = rows[0] as FocalPointRow;
    await recordAudit(tx, ctx, { action: 'create', entityType: 'focal_point', entityId: row.id, after: row });
    return (await present(tx, [row]))[0] as FocalPoint;
  });
}

/** Changes a designation (national admin, or the focal officer of that unit). */
export async function updateFocalPoint(db: Db, ctx: RequestContext, id: string, input: FocalPointUpdate): Promise<FocalPoint> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer');
  return db.transaction(async (tx) => {
    const before = await load(tx, id);
    if (!(await canManageUnit(tx, actor, before.orgUnitId))) throw new AppError('OUT_OF_SCOPE');
    const unit = (await findUnitById(tx, before.orgUnitId)) as OrgUnitRow;
    const validFrom = input.validFrom ?? before.validFrom;
    const validTo = input.validTo === undefined ? before.validTo : input.validTo;
    assertWithinUnit(unit, validFrom, validTo);
    if (input.organizationId && !(await findOrganizationById(tx, input.organizationId))) throw fieldError('VALIDATION_FAILED', 'organizationId', 'Unknown organization');
    const values: Partial<FocalPointRow> = { validFrom, validTo, updatedAt: new Date() };
    for (const k of ['organizationId', 'nameVi', 'decisionNo', 'contactName', 'contactEmail', 'contactPhone'] as const) {
      if (input[k] !== undefined) (values as Record<string, unknown>)[k] = input[k];
    }
    const rows = await tx.update(focalPoint).set(values).where(eq(focalPoint.id, id)).returning();
    const after = rows[0] as FocalPointRow;
    await recordAudit(tx, ctx, { action: 'update', entityType: 'focal_point', entityId: id, before, after });
    return (await present(tx, [after]))[0] as FocalPoint;
  });
}

/** Staff and trainings of a focal point (staff whose scope covers the unit). */
export async function listStaff(ex: Executor, ctx: RequestContext, focalPointId: string): Promise<{ items: FocalStaff[] }> {
  const actor = requireActor(ctx);
  const fp = await load(ex, focalPointId);
  if (!(await canReadUnit(ex, actor, fp.orgUnitId))) throw new AppError('OUT_OF_SCOPE');
  return { items: (await findStaff(ex, focalPointId)).map((s) => presentStaff(s.staff, s.trainings)) };
}

async function manageableFocalPoint(ex: Executor, ctx: RequestContext, focalPointId: string): Promise<FocalPointRow> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer');
  const fp = await load(ex, focalPointId);
  if (!(await canManageUnit(ex, actor, fp.orgUnitId))) throw new AppError('OUT_OF_SCOPE');
  return fp;
}

/** Adds a staff member. */
export async function addStaff(db: Db, ctx: RequestContext, focalPointId: string, input: FocalStaffCreate): Promise<FocalStaff> {
  return db.transaction(async (tx) => {
    await manageableFocalPoint(tx, ctx, focalPointId);
    const rows = await tx
      .insert(focalStaff)
      .values({ focalPointId, fullName: input.fullName, position: input.position ?? null, email: input.email ?? null, phone: input.phone ?? null, isActive: input.isActive })
      .returning();
    const row = rows[0] as FocalStaffRow;
    await recordAudit(tx, ctx, { action: 'create', entityType: 'focal_staff', entityId: row.id, after: row });
    return presentStaff(row, []);
  });
}

async function manageableStaff(ex: Executor, ctx: RequestContext, staffId: string): Promise<FocalStaffRow> {
  const staff = await findStaffById(ex, staffId);
  if (!staff) {
    requireRole(ctx, 'national_admin', 'focal_officer');
    throw notFound('staff');
  }
  await manageableFocalPoint(ex, ctx, staff.focalPointId);
  return staff;
}

/** Changes a staff member. */
export async function updateStaff(db: Db, ctx: RequestContext, staffId: string, input: FocalStaffUpdate): Promise<FocalStaff> {
  return db.transaction(async (tx) => {
    const before = await manageableStaff(tx, ctx, staffId);
    const values: Partial<FocalStaffRow> = { updatedAt: new Date() };
    for (const k of ['fullName', 'position', 'email', 'phone', 'isActive'] as const) {
      if (input[k] !== undefined) (values as Record<string, unknown>)[k] = input[k];
    }
    const rows = await tx.update(focalStaff).set(values).where(eq(focalStaff.id, staffId)).returning();
    const after = rows[0] as FocalStaffRow;
    await recordAudit(tx, ctx, { action: 'update', entityType: 'focal_staff', entityId: staffId, before, after });
    const trainings = await tx.select().from(staffTraining).where(eq(staffTraining.staffId, staffId));
    return presentStaff(after, trainings);
  });
}

/** Adds a training record to a staff member. */
export async function addTraining(db: Db, ctx: RequestContext, staffId: string, input: TrainingCreate): Promise<Training> {
  if (input.endDate && input.endDate < input.startDate) throw fieldError('INVALID_DATE_RANGE', 'endDate', 'endDate is before startDate');
  return db.transaction(async (tx) => {
    await manageableStaff(tx, ctx, staffId);
    const rows = await tx
      .insert(staffTraining)
      .values({
        staffId,
        courseTitle: input.courseTitle,
        provider: input.provider ?? null,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        hours: input.hours ?? null,
        certificateNo: input.certificateNo ?? null,
      })
      .returning();
    const row = rows[0] as TrainingRow;
    await recordAudit(tx, ctx, { action: 'create', entityType: 'staff_training', entityId: row.id, after: row });
    return presentTraining(row);
  });
}
