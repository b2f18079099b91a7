import {
  APPLICATION_REPORT_YEARS,
  applicationReportDueDate,
  applicationReportOpensOn,
  applicationReportPeriod,
  todayInVietnam,
  type ApplicationReport,
  type ApplicationReportPublic,
  type ApplicationReportSlot,
  type ApplicationSlotState,
  type UnitRef,
} from '@stinet/shared';
import type { OrganizationRefRow } from '../organizations/organizations.repo.js';
import type { TaskRow } from '../tasks/tasks.repo.js';
import type { ApplicationReportRow, PublicReportRow } from './application-reports.repo.js';

/** The Vietnam calendar day of a timestamp (string from raw SQL or Date from the query builder). */
export function vnDay(at: Date | string): string {
  return todayInVietnam(at instanceof Date ? at : new Date(at));
}

/** A report is late when first sent after its due date, or still unsent once the due date has passed. */
export function isReportLate(dueDate: string, firstSubmittedAt: Date | string | null, today: string): boolean {
  return (firstSubmittedAt ? vnDay(firstSubmittedAt) : today) > dueDate;
}

/** What the caller may do with reports of a task. */
export interface ReportAccess {
  canRead: boolean;
  canPrepare: boolean;
  canReview: boolean;
}

const EDITABLE: ApplicationReportRow['status'][] = ['draft', 'returned'];

/** True when a report in this status may still be changed and sent. */
export function isEditableReport(status: ApplicationReportRow['status']): boolean {
  return EDITABLE.includes(status);
}

/** The full report for staff in scope. */
export function presentReport(
  row: ApplicationReportRow,
  taskRow: TaskRow,
  lead: OrganizationRefRow,
  unit: UnitRef,
  file: { id: string; originalName: string; size: number } | null,
  access: ReportAccess,
  today = todayInVietnam(),
): ApplicationReport {
  const acceptedOn = taskRow.acceptedOn as string;
  const dueDate = applicationReportDueDate(acceptedOn, row.yearIndex);
  const period = applicationReportPeriod(acceptedOn, row.yearIndex);
  const editable = isEditableReport(row.status);
  return {
    id: row.id,
    task: { id: taskRow.id, code: taskRow.code, titleVi: taskRow.titleVi, formCode: taskRow.formCode, acceptedOn: taskRow.acceptedOn },
    leadOrganization: lead,
    managingUnit: unit,
    yearIndex: row.yearIndex,
    periodFrom: period.from,
    periodTo: period.to,
    opensOn: applicationReportOpensOn(acceptedOn, row.yearIndex),
    dueDate,
    status: row.status,
    isLate: isReportLate(dueDate, row.firstSubmittedAt, today),
    applicationStatus: row.applicationStatus,
    placesApplied: row.placesApplied,
    scale: row.scale,
    economicEffect: row.economicEffect,
    socialEffect: row.socialEffect,
    revenue: row.revenue,
    ipSummary: row.ipSummary,
    transferContracts: row.transferContracts,
    transferValue: row.transferValue,
    difficulties: row.difficulties,
    file,
    reviewComment: row.reviewComment,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    firstSubmittedAt: row.firstSubmittedAt?.toISOString() ?? null,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canEdit: access.canPrepare && editable,
    canSubmit: access.canPrepare && editable,
    canReview: access.canReview && row.status === 'submitted',
  };
}

/** The five yearly slots of an accepted task, with each report's state and whether the caller may start it. */
export function presentSlots(acceptedOn: string, reports: ApplicationReportRow[], canPrepare: boolean, today = todayInVietnam()): ApplicationReportSlot[] {
  const byYear = new Map(reports.map((r) => [r.yearIndex, r]));
  return Array.from({ length: APPLICATION_REPORT_YEARS }, (_, i) => {
    const yearIndex = i + 1;
    const dueDate = applicationReportDueDate(acceptedOn, yearIndex);
    const opensOn = applicationReportOpensOn(acceptedOn, yearIndex);
    const report = byYear.get(yearIndex);
    const state: ApplicationSlotState = report ? report.status : today < opensOn ? 'not_open' : today > dueDate ? 'overdue' : 'open';
    return {
      yearIndex,
      opensOn,
      dueDate,
      state,
      isLate: state === 'not_open' ? false : isReportLate(dueDate, report?.firstSubmittedAt ?? null, today),
      reportId: report?.id ?? null,
      version: report?.version ?? null,
      applicationStatus: report?.applicationStatus ?? null,
      firstSubmittedAt: report?.firstSubmittedAt?.toISOString() ?? null,
      canCreate: !report && canPrepare && state !== 'not_open',
    };
  });
}

/** Only the public fields of an accepted report. */
export function presentReportPublic(row: PublicReportRow, lead: OrganizationRefRow): ApplicationReportPublic {
  const reportYear = Number((row.acceptedOn ?? '0').slice(0, 4)) + row.yearIndex;
  return {
    id: row.id,
    task: { id: row.taskId, code: row.code, titleVi: row.titleVi },
    leadOrganization: lead,
    yearIndex: row.yearIndex,
    reportYear,
    applicationStatus: row.applicationStatus,
    placesApplied: row.placesApplied,
    scale: row.scale,
    economicEffect: row.economicEffect,
    socialEffect: row.socialEffect,
    acceptedAt: (row.acceptedAt ?? new Date(0)).toISOString(),
  };
}
