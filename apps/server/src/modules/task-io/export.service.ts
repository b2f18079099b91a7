import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { TASK_IMPORT_COLUMNS, todayInVietnam, type TaskIoFormat, type TaskPublicExportQuery, type TaskStatus, type TaskWorkExportQuery, type WorkingCalendar } from '@stinet/shared';
import type { Executor } from '../../db/types.js';
import type { RequestContext } from '../../http/context.js';
import { loadWorkingCalendar } from '../../lib/calendar.js';
import { requireActor } from '../access/access.service.js';
import type { OrgUnitRow } from '../org-units/org-units.repo.js';
import { ongoingDeadline } from '../tasks/tasks.presenter.js';
import type { TaskFilter, TaskMemberRow, TaskRow } from '../tasks/tasks.repo.js';
import { workScope } from '../tasks/tasks.service.js';
import { BOM, csvLine, guardFormula } from './csv.js';
import { formatMembers } from './mapping.js';
import { findAllUnits, findMembersOf, findOrganizationCodes, findResearcherCodes, findTasksAfter } from './task-io.repo.js';

/** Tasks read per query while exporting (keyset paging by code). */
export const EXPORT_PAGE_ROWS = 1000;

/** Media types of the export formats. */
export const EXPORT_CONTENT_TYPES: Record<TaskIoFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** A file being produced: its name, media type and content stream. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  stream: Readable;
}

type CellValue = string | number | Date | null;

/** One column of an export. */
export interface ExportColumn<T> {
  key: string;
  labelVi: string;
  kind: 'text' | 'date' | 'money' | 'timestamp';
  width: number;
  value(row: T): CellValue;
}

const STATUS_LABELS: Record<TaskStatus, string> = { draft: 'Nháp', submitted: 'Đã gửi', returned: 'Bị trả lại', published: 'Đã công bố' };

/** A task with what the staff export shows of it. */
interface StaffRow {
  task: TaskRow;
  unit: OrgUnitRow | undefined;
  organization: { code: string; nameVi: string } | undefined;
  piResearcherCode: string | null;
  members: TaskMemberRow[];
  deadline: { ongoingDeadline: string | null; isOngoingLate: boolean };
}

/** A published task with what the public export shows of it. */
interface PublicRow {
  task: TaskRow;
  organization: { code: string; nameVi: string } | undefined;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function importColumnValue(key: string, r: StaffRow): CellValue {
  const t = r.task;
  switch (key) {
    case 'managingUnitCode':
      return r.unit?.code ?? null;
    case 'leadOrganizationCode':
      return r.organization?.code ?? null;
    case 'piResearcherCode':
      return r.piResearcherCode;
    case 'members':
      return formatMembers(r.members);
    case 'fieldCodes2025':
      return t.fieldCodes2025.join('; ');
    case 'fieldCodes2008':
      return t.fieldCodes2008.join('; ');
    case 'isStateSecret':
      return 'Không'; // the open system never stores state-secret tasks
    default: {
      const v = (t as unknown as Record<string, unknown>)[key];
      return typeof v === 'string' || typeof v === 'number' ? v : null;
    }
  }
}

/**
 * Columns of the staff export: every column of the import template (so the file can be imported elsewhere), then
 * names, status, the ongoing-form deadline, the review comment and timestamps.
 */
export const STAFF_EXPORT_COLUMNS: readonly ExportColumn<StaffRow>[] = [
  ...TASK_IMPORT_COLUMNS.map(
    (c): ExportColumn<StaffRow> => ({
      key: c.key,
      labelVi: c.labelVi,
      kind: c.kind === 'date' ? 'date' : c.kind === 'money' ? 'money' : 'text',
      width: ['titleVi', 'objectives', 'content', 'expectedProducts'].includes(c.key) ? 50 : c.kind === 'date' || c.kind === 'money' ? 14 : 20,
      value: (r) => importColumnValue(c.key, r),
    }),
  ),
  { key: 'managingUnitName', labelVi: 'Tên cơ quan quản lý', kind: 'text', width: 30, value: (r) => r.unit?.nameVi ?? null },
  { key: 'leadOrganizationName', labelVi: 'Tên tổ chức chủ trì', kind: 'text', width: 40, value: (r) => r.organization?.nameVi ?? null },
  { key: 'status', labelVi: 'Trạng thái', kind: 'text', width: 14, value: (r) => STATUS_LABELS[r.task.status] },
  { key: 'ongoingDeadline', labelVi: 'Hạn gửi thông tin (30 ngày làm việc)', kind: 'date', width: 16, value: (r) => r.deadline.ongoingDeadline },
  { key: 'isOngoingLate', labelVi: 'Quá hạn', kind: 'text', width: 10, value: (r) => (r.deadline.isOngoingLate ? 'Có' : 'Không') },
  { key: 'reviewComment', labelVi: 'Ý kiến của đầu mối', kind: 'text', width: 40, value: (r) => r.task.reviewComment },
  { key: 'submittedAt', labelVi: 'Gửi lúc', kind: 'timestamp', width: 22, value: (r) => iso(r.task.submittedAt) },
  { key: 'publishedAt', labelVi: 'Công bố lúc', kind: 'timestamp', width: 22, value: (r) => iso(r.task.publishedAt) },
  { key: 'updatedAt', labelVi: 'Cập nhật lúc', kind: 'timestamp', width: 22, value: (r) => iso(r.task.updatedAt) },
];

/** Columns of the public export: exactly the public fields of Circular 14/2014 Art 23(2) (see TaskPublic). */
export const PUBLIC_EXPORT_COLUMNS: readonly ExportColumn<PublicRow>[] = [
  { key: 'code', labelVi: 'Mã nhiệm vụ', kind: 'text', width: 20, value: (r) => r.task.code },
  { key: 'titleVi', labelVi: 'Tên nhiệm vụ', kind: 'text', width: 50, value: (r) => r.task.titleVi },
  { key: 'leadOrganizationCode', labelVi: 'Mã tổ chức chủ trì', kind: 'text', width: 14, value: (r) => r.organization?.code ?? null },
  { key: 'leadOrganizationName', labelVi: 'Tổ chức chủ trì', kind: 'text', width: 40, value: (r) => r.organization?.nameVi ?? null },
  { key: 'piName', labelVi: 'Chủ nhiệm nhiệm vụ', kind: 'text', width: 26, value: (r) => r.task.piName },
  { key: 'objectives', labelVi: 'Mục tiêu', kind: 'text', width: 50, value: (r) => r.task.objectives },
  { key: 'content', labelVi: 'Nội dung chính', kind: 'text', width: 50, value: (r) => r.task.content },
  { key: 'fieldCodes2025', labelVi: 'Mã lĩnh vực KH&CN (2025)', kind: 'text', width: 16, value: (r) => r.task.fieldCodes2025.join('; ') },
  { key: 'methods', labelVi: 'Phương pháp nghiên cứu', kind: 'text', width: 40, value: (r) => r.task.methods },
  { key: 'expectedProducts', labelVi: 'Sản phẩm dự kiến', kind: 'text', width: 50, value: (r) => r.task.expectedProducts },
  { key: 'startDate', labelVi: 'Ngày bắt đầu', kind: 'date', width: 14, value: (r) => r.task.startDate },
  { key: 'endDate', labelVi: 'Ngày kết thúc', kind: 'date', width: 14, value: (r) => r.task.endDate },
  { key: 'publishedAt', labelVi: 'Ngày công bố', kind: 'timestamp', width: 22, value: (r) => iso(r.task.publishedAt ?? r.task.updatedAt) },
];

async function* taskPages(ex: Executor, filter: TaskFilter): AsyncGenerator<TaskRow[]> {
  let after: string | null = null;
  for (;;) {
    const page = await findTasksAfter(ex, filter, after, EXPORT_PAGE_ROWS);
    if (page.length) yield page;
    if (page.length < EXPORT_PAGE_ROWS) return;
    after = (page[page.length - 1] as TaskRow).code;
  }
}

async function* staffRows(ex: Executor, filter: TaskFilter): AsyncGenerator<StaffRow> {
  const units = new Map((await findAllUnits(ex)).map((u) => [u.id, u]));
  const calendar: WorkingCalendar = await loadWorkingCalendar(ex);
  for await (const page of taskPages(ex, filter)) {
    const orgs = await findOrganizationCodes(ex, page.map((t) => t.leadOrganizationId));
    const researchers = await findResearcherCodes(ex, page.map((t) => t.piResearcherId).filter((id): id is string => id !== null));
    const members = await findMembersOf(ex, page.map((t) => t.id));
    for (const task of page) {
      yield {
        task,
        unit: units.get(task.managingUnitId),
        organization: orgs.get(task.leadOrganizationId),
        piResearcherCode: task.piResearcherId ? (researchers.get(task.piResearcherId) ?? null) : null,
        members: members.get(task.id) ?? [],
        deadline: ongoingDeadline(task, calendar),
      };
    }
  }
}

async function* publicRows(ex: Executor, filter: TaskFilter): AsyncGenerator<PublicRow> {
  for await (const page of taskPages(ex, filter)) {
    const orgs = await findOrganizationCodes(ex, page.map((t) => t.leadOrganizationId));
    for (const task of page) yield { task, organization: orgs.get(task.leadOrganizationId) };
  }
}

function xlsxValue<T>(c: ExportColumn<T>, row: T): CellValue {
  const v = c.value(row);
  if (v === null || v === '') return null;
  if (c.kind === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
  return v;
}

/** Streams rows as an XLSX workbook of one sheet (ExcelJS streaming writer: rows are committed as they come). */
export function xlsxStream<T>(sheetName: string, columns: readonly ExportColumn<T>[], rows: AsyncIterable<T>): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  void (async () => {
    const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ key: c.key, width: c.width, ...(c.kind === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}) }));
    const header = ws.addRow(columns.map((c) => c.labelVi));
    header.font = { bold: true };
    header.commit();
    for await (const row of rows) ws.addRow(columns.map((c) => xlsxValue(c, row))).commit();
    ws.commit();
    await wb.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

/** Streams rows as CSV: UTF-8 with a BOM, CRLF, a header of Vietnamese labels; text guarded against formula injection. */
export function csvStream<T>(columns: readonly ExportColumn<T>[], rows: AsyncIterable<T>): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield BOM + csvLine(columns.map((c) => c.labelVi));
    for await (const row of rows) {
      yield csvLine(
        columns.map((c) => {
          const v = c.value(row);
          return typeof v === 'string' && c.kind === 'text' ? guardFormula(v) : v instanceof Date ? v.toISOString() : v;
        }),
      );
    }
  }
  return Readable.from(lines());
}

function exportFile<T>(baseName: string, format: TaskIoFormat, columns: readonly ExportColumn<T>[], rows: AsyncIterable<T>): ExportFile {
  return {
    fileName: `${baseName}-${todayInVietnam()}.${format}`,
    contentType: EXPORT_CONTENT_TYPES[format],
    stream: format === 'xlsx' ? xlsxStream('Nhiệm vụ', columns, rows) : csvStream(columns, rows),
  };
}

/**
 * The staff export: every task in the caller's scope (their units' tasks; a reporter's organization's; all for
 * national administrators and unscoped reviewers) matching the work-list filters, full staff columns.
 */
export async function exportWorkTasks(ex: Executor, ctx: RequestContext, q: TaskWorkExportQuery): Promise<ExportFile> {
  const actor = requireActor(ctx);
  const scope = await workScope(ex, actor);
  const filter: TaskFilter = { q: q.q, statuses: q.status ? [q.status] : undefined, ...scope };
  return exportFile('nhiem-vu', q.format, STAFF_EXPORT_COLUMNS, staffRows(ex, filter));
}

/** The public export: published tasks matching the public-list filters, public fields only. */
export function exportPublishedTasks(ex: Executor, q: TaskPublicExportQuery): ExportFile {
  const filter: TaskFilter = { q: q.q, statuses: ['published'], leadOrganizationId: q.leadOrganizationId, fieldCode: q.fieldCode };
  return exportFile('nhiem-vu-cong-bo', q.format, PUBLIC_EXPORT_COLUMNS, publicRows(ex, filter));
}
