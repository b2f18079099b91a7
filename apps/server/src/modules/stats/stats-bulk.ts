import type ExcelJS from 'exceljs';
import { inArray } from 'drizzle-orm';
import {
  FormDefinition,
  cellKey,
  isSubmittable,
  validateForm,
  type CellValue,
  type ErrorCode,
  type ErrorDetail,
  type StatBulkResult,
  type StatBulkXlsxQuery,
  type StatCellInput,
} from '@stinet/shared';
import { organization } from '../../db/schema.js';
import type { Db, Executor } from '../../db/types.js';
import { AppError, notFound } from '../../errors.js';
import type { AuthUser, RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { canManageUnit, organizationAccess, requireRole, unitScopeIds, type OrganizationAccess } from '../access/access.service.js';
import { findUnitById } from '../org-units/org-units.repo.js';
import {
  STATUS_VI,
  XLSX_HEADER,
  addFormSheet,
  checkFormSheet,
  newWorkbook,
  openFormWorkbook,
  readFormCells,
  scanFormSheet,
  sheetNameOf,
  workbookBuffer,
  type ScannedFormSheet,
} from './stats-xlsx.js';
import { cellMapOf, cellRowsOf, presentCell } from './stats.presenter.js';
import { findBoardRows, findCells, findFormDefinitions, findPeriodById, findReportsOf, replaceCells, updateReportVersioned, type ReportJoinRow, type StatReportRow } from './stats.repo.js';
import { reportRights } from './stats.service.js';

/**
 * Bulk entry of statistical reports for provinces and ministries that collect on paper: the multi-unit workbook of a
 * form for a period (a first instructions sheet, then one sheet per report the caller may edit, each laid out like the
 * single-report workbook with the organization code and name added to its header block), and its upload, saved all
 * or nothing in one transaction.
 *
 * Who may bulk-enter: the same rule as entering one report's cells ({@link reportRights} `canEdit`): the national
 * admin, or the focal officer of the province or ministry managing the organization (its scope, with the units it
 * succeeded), while the report is draft or returned. Reporters of an organization use the single-report workbook.
 */

/** Name of the first sheet (Excel forbids "/" in sheet names, hence the dash). */
export const BULK_INSTRUCTIONS_SHEET = 'Hướng dẫn - Instructions';

const EDITABLE: StatReportRow['status'][] = ['draft', 'returned'];
const LOCKED: StatReportRow['status'][] = ['approved', 'accepted'];

/**
 * A valid sheet name for a text, unique (case-insensitively) among `taken` (which it joins): Excel's forbidden
 * characters replaced, no leading or trailing apostrophe, at most 31 characters, `~2`, `~3`… appended on a clash.
 */
export function uniqueSheetName(base: string, taken: Set<string>): string {
  const trimmed = base.replace(/^'+|'+$/g, '').trim();
  const clean = (trimmed && sheetNameOf(trimmed).replace(/^'+|'+$/g, '')) || 'Sheet';
  let name = clean;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${clean.slice(0, 31 - `~${n}`.length)}~${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The organization fields the bulk path needs. */
interface BulkOrg {
  id: string;
  code: string;
  nameVi: string;
  managingUnitId: string;
}

/** Whether the actor may edit each managing unit's reports (cached: for staff, access depends on the unit only). */
function accessCache(ex: Executor, actor: AuthUser) {
  const cache = new Map<string, Promise<OrganizationAccess>>();
  return (org: Pick<BulkOrg, 'id' | 'managingUnitId'>): Promise<OrganizationAccess> => {
    let access = cache.get(org.managingUnitId);
    if (!access) {
      access = organizationAccess(ex, actor, { id: org.id, managingUnitId: org.managingUnitId });
      cache.set(org.managingUnitId, access);
    }
    return access;
  };
}

/** The parsed definitions of a form code (every stored version). */
async function formVersions(ex: Executor, code: string): Promise<FormDefinition[]> {
  return (await findFormDefinitions(ex)).filter((f) => f.code === code);
}

// ---------------------------------------------------------------------------------------------------------------
// download

function addInstructionsSheet(
  wb: ExcelJS.Workbook,
  info: { year: number; def: FormDefinition; unit: string },
  sheets: { name: string; row: ReportJoinRow }[],
): void {
  const ws = wb.addWorksheet(BULK_INSTRUCTIONS_SHEET);
  ws.addRow(['Hướng dẫn / Instructions']).font = { bold: true, size: 14 };
  ws.addRow([]);
  for (const [label, value] of [
    ['Kỳ báo cáo (period)', info.year],
    ['Biểu (form)', `${info.def.code} — ${info.def.titleVi}`],
    ['Đơn vị quản lý (managing unit)', info.unit],
    ['Số trang báo cáo (report sheets)', sheets.length],
  ] as const) {
    ws.addRow([label, value]).getCell(1).font = { bold: true };
  }
  ws.addRow([]);
  const notes = [
    ['Mỗi trang tính sau trang này là báo cáo của một tổ chức, nhận diện bằng ô "Mã tổ chức (organization code)" chứ không bằng tên hay thứ tự trang.', 'Each sheet after this one is one organization\'s report, identified by its "Mã tổ chức (organization code)" cell, not by the sheet\'s name or order.'],
    ['Không sửa mã tổ chức, mã biểu, phiên bản, dòng mã cột (#) và cột mã dòng (A).', 'Do not change the organization code, form code, version, the row of column codes (#) or the row codes (column A).'],
    ['Nhập số; "x" = không áp dụng; "c" hoặc "c 12" = bảo mật; để trống = chưa có số liệu. Mỗi trang thay thế toàn bộ số liệu của báo cáo.', 'Enter numbers; "x" not applicable; "c" or "c 12" confidential; empty missing. Each sheet replaces every cell of its report.'],
    ['Trang để trống hoàn toàn được bỏ qua: báo cáo đó giữ nguyên số liệu.', 'A sheet left entirely empty is skipped: that report keeps its cells.'],
    ['Tất cả hoặc không: nếu bất kỳ trang nào có lỗi, không báo cáo nào được lưu; danh sách lỗi nêu trang (mã tổ chức) và ô.', 'All or nothing: if any sheet has an error, no report is saved; the list of errors names the sheet (organization code) and the cell.'],
  ];
  for (const [vi, en] of notes) {
    ws.addRow([`• ${vi}`]);
    ws.addRow([`  ${en}`]).getCell(1).font = { italic: true, color: { argb: 'FF555555' } };
  }
  ws.addRow([]);
  const head = ws.addRow(['Trang tính (sheet)', 'Mã tổ chức (organization code)', 'Tên tổ chức (organization name)', 'Trạng thái (status)']);
  head.font = { bold: true };
  for (const s of sheets) {
    ws.addRow([{ text: s.name, hyperlink: `#'${s.name.replace(/'/g, "''")}'!A1` }, s.row.org.code, s.row.org.nameVi, STATUS_VI[s.row.report.status]]);
  }
  if (!sheets.length) ws.addRow(['Không có báo cáo nào ở trạng thái nháp hoặc bị trả lại mà bạn được nhập. / No draft or returned report you may enter.']);
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 30;
  ws.getColumn(3).width = 60;
  ws.getColumn(4).width = 18;
}

/**
 * The multi-unit workbook of a form for a period: one sheet per report of the form that the caller may edit (draft
 * or returned, organizations managed by `unitId` — default the caller's unit; every organization for a national
 * admin), each filled with the report's stored cells. National admins and focal officers; 409 STAT_PERIOD_CLOSED
 * once the period is closed.
 */
export async function bulkXlsx(ex: Executor, ctx: RequestContext, periodId: string, q: StatBulkXlsxQuery): Promise<{ fileName: string; content: Buffer }> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer');
  const period = await findPeriodById(ex, periodId);
  if (!period) throw notFound('period');
  if (period.status === 'closed') throw new AppError('STAT_PERIOD_CLOSED');
  const unitId = q.unitId ?? (actor.role === 'national_admin' ? undefined : (actor.scopeUnitId ?? undefined));
  if (!unitId && actor.role !== 'national_admin') throw new AppError('OUT_OF_SCOPE');
  if (unitId && !(await canManageUnit(ex, actor, unitId))) throw new AppError('OUT_OF_SCOPE');
  const unit = unitId ? await findUnitById(ex, unitId) : undefined;
  if (unitId && !unit) throw notFound('unit');
  const defs = await formVersions(ex, q.formCode);
  if (!defs.length) throw new AppError('STAT_FORM_UNKNOWN', [{ path: 'formCode', code: 'unknown_form', message: `Unknown form ${q.formCode}` }]);

  const accessOf = accessCache(ex, actor);
  const rows: ReportJoinRow[] = [];
  for (const row of await findBoardRows(ex, periodId, unitId ? [...(await unitScopeIds(ex, unitId))] : undefined)) {
    if (row.report.formCode !== q.formCode) continue;
    if (reportRights(actor, await accessOf(row.org), row.report.status, []).canEdit) rows.push(row);
  }

  const wb = newWorkbook();
  const taken = new Set<string>([BULK_INSTRUCTIONS_SHEET.toLowerCase()]);
  const sheets = rows.map((row) => ({ name: uniqueSheetName(row.org.code, taken), row }));
  const newest = [...defs].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0] as FormDefinition;
  const firstDef = defs.find((d) => d.version === rows[0]?.report.formVersion) ?? newest;
  addInstructionsSheet(wb, { year: period.year, def: firstDef, unit: unit ? `${unit.nameVi} (${unit.code})` : 'Toàn quốc (all)' }, sheets);
  for (const { name, row } of sheets) {
    const def = defs.find((d) => d.version === row.report.formVersion) as FormDefinition;
    const cells = (await findCells(ex, row.report.id)).map(presentCell);
    addFormSheet(wb, def, { organization: row.org, period: row.period, status: row.report.status, cells }, { name, withOrganization: true });
  }
  const fileName = `${sheetNameOf(q.formCode)}_${period.year}_${unit ? unit.code : 'toan-quoc'}_nhieu-don-vi.xlsx`;
  return { fileName, content: await workbookBuffer(wb) };
}

// ---------------------------------------------------------------------------------------------------------------
// upload

/** One form sheet of an uploaded workbook, with the key its problems are reported under (`sheets.<key>.…`). */
interface UploadSheet {
  found: ScannedFormSheet;
  orgCode: string;
  key: string;
}

/** A report that passed every check, to be written. */
interface ToSave {
  sheet: UploadSheet;
  report: StatReportRow;
  org: BulkOrg;
  given: StatCellInput[];
  merged: Map<string, CellValue>;
}

/** The problems of an upload by the error code they lead to (the most fundamental one answers). */
const PRECEDENCE: ErrorCode[] = ['OUT_OF_SCOPE', 'STAT_WRONG_FORM', 'STAT_NOT_ASSIGNED', 'STAT_BULK_INVALID'];

async function findOrgsByCode(ex: Executor, codes: string[]): Promise<BulkOrg[]> {
  if (!codes.length) return [];
  return ex
    .select({ id: organization.id, code: organization.code, nameVi: organization.nameVi, managingUnitId: organization.managingUnitId })
    .from(organization)
    .where(inArray(organization.code, [...new Set(codes)]));
}

/**
 * Saves a filled multi-unit workbook: every sheet is mapped to its report by the organization code of its header
 * block and the form code (not by sheet name or order), checked (form and version, assignment, the caller may edit
 * the report, draft or returned), read and validated whole with the same engine as one report; sheets without any
 * value are skipped. Any problem anywhere and nothing is saved: OUT_OF_SCOPE (403), STAT_WRONG_FORM,
 * STAT_NOT_ASSIGNED or STAT_BULK_INVALID (422), in that precedence, with every problem in the details at
 * `sheets.<organization code>.…` (cells at `sheets.<code>.cells.<row>.<column>`). Otherwise every report is written
 * in one transaction (its cells replaced, its version bumped, one audit entry each, like the single upload).
 * A closed period refuses the upload (409 STAT_PERIOD_CLOSED).
 */
export async function uploadBulkXlsx(db: Db, ctx: RequestContext, periodId: string, content: Buffer): Promise<StatBulkResult> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer');
  const en = ctx.locale === 'en';
  const period = await findPeriodById(db, periodId);
  if (!period) throw notFound('period');
  // like every change to a report: none in a closed period
  if (period.status === 'closed') throw new AppError('STAT_PERIOD_CLOSED');
  const workbook = openFormWorkbook(content);

  const problems: { code: ErrorCode; detail: ErrorDetail }[] = [];
  const problem = (code: ErrorCode, path: string, detailCode: string, vi: string, english: string) => problems.push({ code, detail: { path, code: detailCode, message: en ? english : vi } });

  const sheets: UploadSheet[] = [];
  for (const sheet of workbook) {
    const found = scanFormSheet(sheet);
    if (!found) continue;
    const orgCode = (found.header.get(XLSX_HEADER.orgCode) ?? '').trim();
    const key = orgCode || found.sheetName;
    if (!orgCode) {
      problem('STAT_WRONG_FORM', `sheets.${key}.organization`, 'missing_organization', `Trang "${found.sheetName}" không có ô "${XLSX_HEADER.orgCode}": không phải tệp nhiều đơn vị`, `Sheet "${found.sheetName}" has no "${XLSX_HEADER.orgCode}" cell: not a multi-unit workbook`);
      continue;
    }
    if (sheets.some((s) => s.orgCode === orgCode && s.found.code === found.code)) {
      problem('STAT_BULK_INVALID', `sheets.${key}`, 'duplicate_organization', `Tổ chức ${orgCode} có hơn một trang của biểu ${found.code}`, `Organization ${orgCode} has more than one sheet of form ${found.code}`);
      continue;
    }
    sheets.push({ found, orgCode, key });
  }
  if (!sheets.length && !problems.length) {
    throw new AppError('STAT_WRONG_FORM', [{ path: 'file', code: 'wrong_form', message: `No sheet of a report form (the "${XLSX_HEADER.code}" cell and the "#" row of column codes)` }]);
  }

  return db.transaction(async (tx) => {
    const orgs = new Map((await findOrgsByCode(tx, sheets.map((s) => s.orgCode))).map((o) => [o.code, o]));
    const reports = await findReportsOf(tx, periodId, [...orgs.values()].map((o) => o.id), [...new Set(sheets.map((s) => s.found.code))]);
    const reportOf = new Map(reports.map((r) => [`${r.organizationId}|${r.formCode}`, r]));
    const known = new Set((await findFormDefinitions(tx)).map((f) => f.code));
    const defs = new Map<string, FormDefinition>();
    const defOf = async (r: StatReportRow) => {
      const key = `${r.formCode}|${r.formVersion}`;
      let def = defs.get(key);
      if (!def) {
        def = (await formVersions(tx, r.formCode)).find((d) => d.version === r.formVersion) as FormDefinition;
        defs.set(key, def);
      }
      return def;
    };
    const accessOf = accessCache(tx, actor);

    const toSave: ToSave[] = [];
    const skipped: StatBulkResult['skipped'] = [];
    for (const sheet of sheets) {
      const { found, orgCode, key } = sheet;
      const at = `sheets.${key}`;
      const org = orgs.get(orgCode);
      if (!org) {
        problem('STAT_NOT_ASSIGNED', `${at}.organization`, 'unknown_organization', `Không có tổ chức mã ${orgCode}`, `No organization has the code ${orgCode}`);
        continue;
      }
      if (!(await accessOf(org)).canEdit) {
        problem('OUT_OF_SCOPE', `${at}.organization`, 'out_of_scope', `Tổ chức ${orgCode} nằm ngoài phạm vi quản lý của bạn`, `Organization ${orgCode} is outside your scope`);
        continue;
      }
      if (!known.has(found.code)) {
        problem('STAT_WRONG_FORM', `${at}.file`, 'unknown_form', `Trang "${found.sheetName}" ghi mã biểu ${found.code} không tồn tại`, `Sheet "${found.sheetName}" names form ${found.code}, which does not exist`);
        continue;
      }
      const report = reportOf.get(`${org.id}|${found.code}`);
      if (!report) {
        problem('STAT_NOT_ASSIGNED', `${at}.organization`, 'not_assigned', `Tổ chức ${orgCode} không được giao biểu ${found.code} trong kỳ ${period.year}`, `Organization ${orgCode} is not assigned form ${found.code} in the ${period.year} period`);
        continue;
      }
      const def = await defOf(report);
      const wrong = checkFormSheet(def, found, `${at}.`);
      if (wrong.length) {
        for (const d of wrong) problems.push({ code: 'STAT_WRONG_FORM', detail: d });
        continue;
      }
      const { cells: given, bad } = readFormCells(def, found, ctx.locale, `${at}.`);
      if (!bad.length && given.every((c) => c.state === 'missing')) {
        skipped.push({ sheet: found.sheetName, organizationCode: orgCode, reportId: report.id, reason: 'empty' });
        continue;
      }
      if (LOCKED.includes(report.status)) {
        problem('STAT_BULK_INVALID', `${at}.status`, 'STAT_REPORT_LOCKED', `Báo cáo của ${orgCode} đã được duyệt hoặc tiếp nhận nên bị khóa`, `The report of ${orgCode} is approved or accepted and therefore locked`);
        continue;
      }
      if (!EDITABLE.includes(report.status)) {
        problem('STAT_BULK_INVALID', `${at}.status`, 'INVALID_TRANSITION', `Báo cáo của ${orgCode} đã được gửi, không sửa được`, `The report of ${orgCode} has been submitted and cannot be changed`);
        continue;
      }
      for (const d of bad) problems.push({ code: 'STAT_BULK_INVALID', detail: d });
      if (bad.length) continue;
      const merged = new Map<string, CellValue>();
      for (const c of given) {
        const { row: _row, column: _column, ...value } = c;
        if (value.state !== 'missing') merged.set(cellKey(c.row, c.column), value);
      }
      const issues = validateForm(def, merged);
      if (!isSubmittable(issues)) {
        for (const i of issues.filter((x) => x.severity === 'error')) problem('STAT_BULK_INVALID', `${at}.cells.${i.row}.${i.column}`, i.ruleId, i.messageVi, i.messageEn);
        continue;
      }
      toSave.push({ sheet, report, org, given, merged });
    }

    if (problems.length) {
      const code = PRECEDENCE.find((c) => problems.some((p) => p.code === c)) as ErrorCode;
      throw new AppError(code, problems.map((p) => p.detail));
    }

    const saved: StatBulkResult['saved'] = [];
    for (const { sheet, report, org, given, merged } of toSave) {
      const stored = cellMapOf(await findCells(tx, report.id));
      const before: Record<string, CellValue | null> = {};
      const after: Record<string, CellValue | null> = {};
      for (const c of given) {
        const k = cellKey(c.row, c.column);
        const was = stored.get(k) ?? null;
        if (was === null && c.state === 'missing') continue;
        before[k] = was;
        after[k] = merged.get(k) ?? null;
      }
      await replaceCells(tx, report.id, cellRowsOf(merged));
      const updated = await updateReportVersioned(tx, report.id, report.version, {});
      if (!updated) throw new AppError('VERSION_CONFLICT', [{ path: `sheets.${sheet.key}`, code: 'version_conflict', message: `The report of ${org.code} changed meanwhile` }]);
      await recordAudit(tx, ctx, { action: 'update', entityType: 'stat_report', entityId: report.id, before: { cells: before }, after: { cells: after } });
      saved.push({ sheet: sheet.found.sheetName, reportId: report.id, organization: { id: org.id, code: org.code, nameVi: org.nameVi }, formCode: report.formCode, cells: merged.size, version: updated.version });
    }
    return { periodId, saved, skipped };
  });
}
