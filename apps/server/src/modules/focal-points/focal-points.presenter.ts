import type { FocalPoint, FocalStaff, Training } from '@stinet/shared';
import type { OrgUnitRow } from '../org-units/org-units.repo.js';
import { presentUnitRef } from '../org-units/org-units.presenter.js';
import type { FocalPointRow, FocalStaffRow, TrainingRow } from './focal-points.repo.js';

/** A designation. */
export function presentFocalPoint(row: FocalPointRow, unit: OrgUnitRow, org: { id: string; code: string; nameVi: string } | undefined): FocalPoint {
  return {
    id: row.id,
    orgUnit: presentUnitRef(unit),
    organization: org ?? null,
    nameVi: row.nameVi,
    validFrom: row.validFrom,
    validTo: row.validTo,
    decisionNo: row.decisionNo,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
  };
}

/** A training record. */
export function presentTraining(t: TrainingRow): Training {
  return { id: t.id, courseTitle: t.courseTitle, provider: t.provider, startDate: t.startDate, endDate: t.endDate, hours: t.hours, certificateNo: t.certificateNo };
}

/** A staff member with trainings. */
export function presentStaff(s: FocalStaffRow, trainings: TrainingRow[]): FocalStaff {
  return { id: s.id, fullName: s.fullName, position: s.position, email: s.email, phone: s.phone, isActive: s.isActive, trainings: trainings.map(presentTraining) };
}
