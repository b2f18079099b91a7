import { z } from 'zod';
import { IsoDate, OrganizationRef, UnitRef, Uuid, optionalText, text } from './common.js';

/** A training record of a focal-point staff member. */
export const Training = z.object({
  id: Uuid,
  courseTitle: z.string(),
  provider: z.string().nullable(),
  startDate: IsoDate,
  endDate: IsoDate.nullable(),
  hours: z.number().nullable(),
  certificateNo: z.string().nullable(),
});
export type Training = z.infer<typeof Training>;

/** A staff member of a focal point; contacts are staff-only. */
export const FocalStaff = z.object({
  id: Uuid,
  fullName: z.string(),
  position: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isActive: z.boolean(),
  trainings: z.array(Training),
});
export type FocalStaff = z.infer<typeof FocalStaff>;

/** A focal-point designation: which organization is the S&T information focal point of which unit, since when. */
export const FocalPoint = z.object({
  id: Uuid,
  orgUnit: UnitRef,
  organization: OrganizationRef.nullable(),
  nameVi: z.string(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  decisionNo: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
});
export type FocalPoint = z.infer<typeof FocalPoint>;

/** A focal point with its staff (staff view). */
export const FocalPointDetail = FocalPoint.extend({ staff: z.array(FocalStaff) });
export type FocalPointDetail = z.infer<typeof FocalPointDetail>;

/** List query for focal points. */
export const FocalPointListQuery = z.strictObject({
  asOf: IsoDate.optional(),
  orgUnitId: Uuid.optional(),
});
export type FocalPointListQuery = z.infer<typeof FocalPointListQuery>;

/** Body to designate a focal point. */
export const FocalPointCreate = z.strictObject({
  orgUnitId: Uuid,
  organizationId: Uuid.nullish(),
  nameVi: text(300),
  validFrom: IsoDate,
  validTo: IsoDate.nullish(),
  decisionNo: optionalText(100),
  contactName: optionalText(150),
  contactEmail: z.email().max(200).nullish(),
  contactPhone: optionalText(50),
});
export type FocalPointCreate = z.infer<typeof FocalPointCreate>;

/** Body to change a focal-point designation (e.g. end it). */
export const FocalPointUpdate = FocalPointCreate.omit({ orgUnitId: true }).partial();
export type FocalPointUpdate = z.infer<typeof FocalPointUpdate>;

/** Body to add a staff member. */
export const FocalStaffCreate = z.strictObject({
  fullName: text(150),
  position: optionalText(150),
  email: z.email().max(200).nullish(),
  phone: optionalText(50),
  isActive: z.boolean().default(true),
});
export type FocalStaffCreate = z.infer<typeof FocalStaffCreate>;

/** Body to change a staff member. */
export const FocalStaffUpdate = FocalStaffCreate.partial();
export type FocalStaffUpdate = z.infer<typeof FocalStaffUpdate>;

/** Body to add a training record. */
export const TrainingCreate = z.strictObject({
  courseTitle: text(300),
  provider: optionalText(300),
  startDate: IsoDate,
  endDate: IsoDate.nullish(),
  hours: z.number().positive().max(10000).nullish(),
  certificateNo: optionalText(100),
});
export type TrainingCreate = z.infer<typeof TrainingCreate>;
