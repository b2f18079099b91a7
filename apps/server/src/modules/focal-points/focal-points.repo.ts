import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import { focalPoint, focalStaff, staffTraining } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';

/** Row types. */
export type FocalPointRow = typeof focalPoint.$inferSelect;
export type FocalStaffRow = typeof focalStaff.$inferSelect;
export type TrainingRow = typeof staffTraining.$inferSelect;

/** Designations valid on a date, optionally of one unit (or set of units). */
export async function findFocalPoints(ex: Executor, f: { asOf: string; orgUnitIds?: string[] | undefined }): Promise<FocalPointRow[]> {
  const conds: SQL[] = [lte(focalPoint.validFrom, f.asOf), or(isNull(focalPoint.validTo), gte(focalPoint.validTo, f.asOf)) as SQL];
  if (f.orgUnitIds) conds.push(inArray(focalPoint.orgUnitId, f.orgUnitIds));
  return ex.select().from(focalPoint).where(and(...conds));
}

/** One designation. */
export async function findFocalPointById(ex: Executor, id: string): Promise<FocalPointRow | undefined> {
  return (await ex.select().from(focalPoint).where(eq(focalPoint.id, id)).limit(1))[0];
}

/** Staff of a focal point with their trainings. */
export async function findStaff(ex: Executor, focalPointId: string): Promise<{ staff: FocalStaffRow; trainings: TrainingRow[] }[]> {
  const staff = await ex.select().from(focalStaff).where(eq(focalStaff.focalPointId, focalPointId)).orderBy(asc(focalStaff.createdAt), asc(focalStaff.id));
  if (!staff.length) return [];
  const trainings = await ex
    .select()
    .from(staffTraining)
    .where(inArray(staffTraining.staffId, staff.map((s) => s.id)))
    .orderBy(asc(staffTraining.startDate), asc(staffTraining.id));
  return staff.map((s) => ({ staff: s, trainings: trainings.filter((t) => t.staffId === s.id) }));
}

/** One staff member. */
export async function findStaffById(ex: Executor, id: string): Promise<FocalStaffRow | undefined> {
  return (await ex.select().from(focalStaff).where(eq(focalStaff.id, id)).limit(1))[0];
}
