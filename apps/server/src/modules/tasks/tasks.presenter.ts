import { todayInVietnam, type TaskFull, type TaskPublic, type WorkingCalendar } from '@stinet/shared';
import { ONGOING_TASK_WORKING_DAYS, REGISTRATION_WORKING_DAYS } from '../../lib/calendar.js';
import type { OrganizationRefRow } from '../organizations/organizations.repo.js';
import type { OrgUnitRow } from '../org-units/org-units.repo.js';
import { presentUnitRef } from '../org-units/org-units.presenter.js';
import type { TaskMemberRow, TaskRow } from './tasks.repo.js';

/** A short organization reference (the one shape the organizations repo returns). */
export type OrgRef = OrganizationRefRow;

/** Only the public fields of Circular 14/2014 Art 23(2); the task must be published. */
export function presentTaskPublic(row: TaskRow, lead: OrgRef): TaskPublic {
  return {
    id: row.id,
    code: row.code,
    titleVi: row.titleVi,
    leadOrganization: lead,
    piName: row.piName,
    objectives: row.objectives,
    content: row.content,
    fieldCodes2025: row.fieldCodes2025,
    methods: row.methods,
    expectedProducts: row.expectedProducts,
    startDate: row.startDate,
    endDate: row.endDate,
    publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
  };
}

/** The legal deadline of the ongoing-task form and whether it was (or is being) missed. */
export function ongoingDeadline(
  row: Pick<TaskRow, 'contractDate' | 'firstSubmittedAt'>,
  calendar: WorkingCalendar,
  today = todayInVietnam(),
): { ongoingDeadline: string | null; isOngoingLate: boolean } {
  if (!row.contractDate) return { ongoingDeadline: null, isOngoingLate: false };
  const deadline = calendar.addWorkingDays(row.contractDate, ONGOING_TASK_WORKING_DAYS);
  const sentOn = row.firstSubmittedAt ? todayInVietnam(row.firstSubmittedAt) : null;
  return { ongoingDeadline: deadline, isOngoingLate: (sentOn ?? today) > deadline };
}

/** The full record for staff in scope. */
export function presentTaskFull(
  row: TaskRow,
  members: TaskMemberRow[],
  unit: OrgUnitRow,
  lead: OrgRef,
  access: { canEdit: boolean; canReview: boolean; canChange: boolean; canRecordAcceptance: boolean },
  calendar: WorkingCalendar,
): TaskFull {
  return {
    id: row.id,
    code: row.code,
    titleVi: row.titleVi,
    titleEn: row.titleEn,
    levelCode: row.levelCode,
    formCode: row.formCode,
    programme: row.programme,
    fundingType: row.fundingType,
    approvalDecisionNo: row.approvalDecisionNo,
    approvalDecisionDate: row.approvalDecisionDate,
    contractNo: row.contractNo,
    contractDate: row.contractDate,
    managingUnit: presentUnitRef(unit),
    leadOrganization: lead,
    piName: row.piName,
    piResearcherId: row.piResearcherId,
    members: members.map((m) => ({ fullName: m.fullName, researcherId: m.researcherId, role: m.role })),
    fieldCodes2025: row.fieldCodes2025,
    fieldCodes2008: row.fieldCodes2008,
    seoCode: row.seoCode,
    startDate: row.startDate,
    endDate: row.endDate,
    budgetTotal: row.budgetTotal,
    budgetStateCentral: row.budgetStateCentral,
    budgetStateLocal: row.budgetStateLocal,
    budgetOther: row.budgetOther,
    objectives: row.objectives,
    content: row.content,
    methods: row.methods,
    expectedProducts: row.expectedProducts,
    applicationPlan: row.applicationPlan,
    status: row.status,
    ...ongoingDeadline(row, calendar),
    reviewComment: row.reviewComment,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    acceptedOn: row.acceptedOn,
    acceptanceDecisionNo: row.acceptanceDecisionNo,
    acceptanceRating: row.acceptanceRating,
    registrationDeadline: row.acceptedOn ? calendar.addWorkingDays(row.acceptedOn, REGISTRATION_WORKING_DAYS) : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canEdit: access.canEdit,
    canReview: access.canReview,
    canChange: access.canChange,
    canRecordAcceptance: access.canRecordAcceptance,
  };
}
