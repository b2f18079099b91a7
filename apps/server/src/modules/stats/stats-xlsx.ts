import ExcelJS from 'exceljs';
import { cellKey, type CellValue, type ErrorDetail, type FormDefinition, type StatCell, type StatCellInput, type StatReport } from '@stinet/shared';
import { AppError } from '../../errors.js';
import type { Cell } from '../task-io/mapping.js';
import { XlsxError, readXlsx, type XlsxSheet } from '../task-io/xlsx-reader.js';

/**
 * The XLSX of a statistical report form (blank, or filled with a report's cells) and the reading of a filled one.
 *
 * Layout of the one sheet (named after the form code): a header block of label/value pairs in columns A:B (form code,
 * version, title, unit, period, status), an entry note, then the grid: a row of column labels, the row of column
 * codes (marked `#` in column A), then one row per form row: its code in A, its label in B (indented by hierarchy),
 * one column per form column from C. Cells hold the entry convention of the web grid: a number; `x` not applicable;
 * `c` or `c 12` confidential (with or without its value); empty missing. Upload maps cells by the codes, not by
 * position, and checks the form code and version of the header block.
 *
 * The pieces are reusable: {@link addFormSheet} writes one such sheet into a workbook (the multi-unit workbook of
 * stats-bulk.ts holds one per report, with the organization code and name added to the header block), and
 * {@link openFormWorkbook}, {@link scanFormSheet}, {@link checkFormSheet} and {@link readFormCells} read them back
 * without throwing on the first problem.
 */

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Labels of the header block (column A); the upload finds the form code and version by them. */
export const XLSX_HEADER = {
  code: 'Mã biểu (form code)',
  version: 'Phiên bản (version)',
  title: 'Tên biểu (title)',
  unit: 'Đơn vị báo cáo (reporting unit)',
  period: 'Kỳ báo cáo (period)',
  status: 'Trạng thái (status)',
  /** Only in the sheets of the multi-unit workbook: the code the upload maps the sheet to its report by. */
  orgCode: 'Mã tổ chức (organization code)',
  /** Only in the sheets of the multi-unit workbook. */
  orgName: 'Tên tổ chức (organization name)',
} as const;

/** Column A of the row of column codes (the upload reads the codes of that row and the row codes below it). */
export const XLSX_CODE_MARKER = '#';

/** The status of a report as the header block shows it. */
export const STATUS_VI: Record<StatReport['status'], string> = { draft: 'Nháp', submitted: 'Đã gửi', returned: 'Bị trả lại', approved: 'Đã duyệt', accepted: 'Đã tiếp nhận' };
const NOT_APPLICABLE_TEXTS = ['x', '-', '–', '—'];

/** The form code (or any text) as a sheet name (Excel forbids : \ / ? * [ ] and allows 31 characters). */
export function sheetNameOf(code: string): string {
  return code.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'Form';
}

/** The text or number of a cell as entered in the web grid (`x`, `c`, `c 12`, a number, or empty). */
function cellContent(c: CellValue | undefined): string | number | null {
  if (!c || c.state === 'missing') return null;
  if (c.state === 'value') return c.value;
  if (c.state === 'not_applicable') return 'x';
  return c.value === null ? 'c' : `c ${c.value}`;
}

function depthsOf(def: FormDefinition): Map<string, number> {
  const parents = new Map(def.rows.map((r) => [r.code, r.parent]));
  const out = new Map<string, number>();
  for (const r of def.rows) {
    let d = 0;
    let p = r.parent;
    while (p && d < 20) {
      d += 1;
      p = parents.get(p);
    }
    out.set(r.code, d);
  }
  return out;
}

/** What a filled sheet shows of a report (a full {@link StatReport} fits). */
export interface FormSheetReport {
  organization: { code: string; nameVi: string };
  period: { year: number };
  status: StatReport['status'];
  cells: readonly StatCell[];
}

/** Options of {@link addFormSheet}. */
export interface FormSheetOptions {
  /** The sheet name (default: the form code as a sheet name); must already be a valid, unique Excel sheet name. */
  name?: string;
  /** Adds the organization code and name to the header block (the sheets of the multi-unit workbook). */
  withOrganization?: boolean;
}

/** A new, empty workbook as STINET writes them. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'STINET';
  return wb;
}

/** The bytes of a workbook. */
export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Adds the sheet of a form to a workbook: blank (no report), or with a report's header and cells. */
export function addFormSheet(wb: ExcelJS.Workbook, def: FormDefinition, report?: FormSheetReport, opts: FormSheetOptions = {}): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(opts.name ?? sheetNameOf(def.code));
  const header: [string, string | number | null][] = [
    [XLSX_HEADER.code, def.code],
    [XLSX_HEADER.version, def.version],
    [XLSX_HEADER.title, def.titleVi],
    [XLSX_HEADER.unit, report ? `${report.organization.nameVi} (${report.organization.code})` : null],
    [XLSX_HEADER.period, report ? report.period.year : null],
    [XLSX_HEADER.status, report ? STATUS_VI[report.status] : null],
  ];
  if (opts.withOrganization) header.push([XLSX_HEADER.orgCode, report?.organization.code ?? null], [XLSX_HEADER.orgName, report?.organization.nameVi ?? null]);
  for (const [label, value] of header) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { bold: true };
  }
  ws.addRow(['Ghi chú', 'Nhập số; "x" = không áp dụng; "c" hoặc "c 12" = bảo mật (có hoặc không kèm số); để trống = chưa có số liệu. Không sửa mã biểu, phiên bản, dòng mã cột (#) và cột mã dòng (A).']).getCell(2).font = { italic: true };
  ws.addRow([]);
  const labels = ws.addRow(['Mã dòng', 'Chỉ tiêu', ...def.columns.map((c) => c.labelVi)]);
  labels.font = { bold: true };
  labels.alignment = { wrapText: true, vertical: 'top' };
  const codes = ws.addRow([XLSX_CODE_MARKER, 'Mã cột (không sửa)', ...def.columns.map((c) => c.code)]);
  codes.font = { italic: true, color: { argb: 'FF666666' } };
  const cells = new Map<string, CellValue>();
  for (const c of report?.cells ?? []) {
    const v: CellValue = c.state === 'value' ? { state: 'value', value: c.value ?? 0 } : c.state === 'not_applicable' ? { state: 'not_applicable' } : { state: 'confidential', value: c.value };
    cells.set(cellKey(c.row, c.column), v);
  }
  const depths = depthsOf(def);
  for (const r of def.rows) {
    const row = ws.addRow([r.code, r.labelVi, ...def.columns.map((c) => cellContent(cells.get(cellKey(r.code, c.code))))]);
    row.getCell(2).alignment = { indent: depths.get(r.code) ?? 0, wrapText: true };
    row.getCell(1).numFmt = '@';
  }
  ws.getColumn(1).width = 10;
  ws.getColumn(2).width = 60;
  def.columns.forEach((_c, i) => (ws.getColumn(i + 3).width = 16));
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: codes.number }];
  return ws;
}

/** The workbook of a form: blank (no report), or with a report's header and cells. */
export async function buildFormXlsx(def: FormDefinition, report?: FormSheetReport): Promise<Buffer> {
  const wb = newWorkbook();
  addFormSheet(wb, def, report);
  return workbookBuffer(wb);
}

function text(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}

/** A plain number as text (`12`, `-3`, `12.5`, `12,5`; spaces as thousands separators), or null. */
function numberOf(s: string): number | null {
  const t = s.replace(/[\s\u00a0]/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

/** One worksheet cell as a report cell, or null when it is not one of the accepted entries. */
function parseCell(raw: Cell | undefined): CellValue | null {
  if (raw === null || raw === undefined) return { state: 'missing' };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { state: 'value', value: raw } : null;
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  if (!s) return { state: 'missing' };
  if (NOT_APPLICABLE_TEXTS.includes(s.toLowerCase())) return { state: 'not_applicable' };
  const conf = /^c\s*(.*)$/i.exec(s);
  if (conf) {
    const rest = (conf[1] ?? '').trim();
    if (!rest) return { state: 'confidential', value: null };
    const n = numberOf(rest);
    return n === null ? null : { state: 'confidential', value: n };
  }
  const n = numberOf(s);
  return n === null ? null : { state: 'value', value: n };
}

const unreadable = (e: XlsxError) => new AppError('STAT_XLSX_UNREADABLE', [{ path: 'file', code: 'unreadable', message: e.message }]);

/** The worksheets of an uploaded workbook; throws STAT_XLSX_UNREADABLE (400) when it is not one. */
export function openFormWorkbook(content: Buffer): XlsxSheet[] {
  try {
    return readXlsx(content);
  } catch (e) {
    if (e instanceof XlsxError) throw unreadable(e);
    throw e;
  }
}

/** A worksheet holding a form: its header block (label → value), its column codes by position and its rows by code. */
export interface ScannedFormSheet {
  sheetName: string;
  code: string;
  version: string;
  /** Every label/value pair of the header block (column A → column B, as text). */
  header: Map<string, string>;
  columns: Map<number, string>;
  rows: Map<string, Cell[]>;
  /** Row codes found more than once. */
  duplicateRows: string[];
}

/**
 * Reads one worksheet as a form sheet, or null when it has no form code in its header block or no row of column
 * codes (e.g. an instructions sheet). Throws STAT_XLSX_UNREADABLE (400) when the sheet's XML cannot be read.
 */
export function scanFormSheet(sheet: XlsxSheet): ScannedFormSheet | null {
  const header = new Map<string, string>();
  let columns: Map<number, string> | null = null;
  const rows = new Map<string, Cell[]>();
  const duplicateRows: string[] = [];
  try {
    for (const { cells } of sheet.rows()) {
      const a = text(cells[0]);
      if (columns) {
        if (a && !rows.has(a)) rows.set(a, cells);
        else if (a && !duplicateRows.includes(a)) duplicateRows.push(a);
      } else if (a === XLSX_CODE_MARKER) {
        const found = new Map<number, string>();
        cells.forEach((c, i) => {
          if (i >= 2 && text(c)) found.set(i, text(c));
        });
        columns = found;
      } else if (a && !header.has(a)) header.set(a, text(cells[1]));
    }
  } catch (e) {
    if (e instanceof XlsxError) throw unreadable(e);
    throw e;
  }
  const code = header.get(XLSX_HEADER.code);
  if (code === undefined || !columns) return null;
  return { sheetName: sheet.name, code, version: header.get(XLSX_HEADER.version) ?? '', header, columns, rows, duplicateRows };
}

/**
 * The problems that make a sheet not this form (each a STAT_WRONG_FORM detail): another form code or version, a
 * row code twice, unknown or duplicate columns, a missing column, an unknown row. `prefix` is put before each path.
 */
export function checkFormSheet(def: FormDefinition, found: ScannedFormSheet, prefix = ''): ErrorDetail[] {
  if (found.code !== def.code || found.version !== def.version) {
    return [{ path: `${prefix}file`, code: 'wrong_form', message: `The sheet is form ${found.code} (${found.version || '?'}), the report is form ${def.code} (${def.version})` }];
  }
  const problems: ErrorDetail[] = found.duplicateRows.map((r) => ({ path: `${prefix}rows.${r}`, code: 'wrong_form', message: `Row code ${r} appears twice` }));
  const formRows = new Set(def.rows.map((r) => r.code));
  const formCols = new Set(def.columns.map((c) => c.code));
  const seen = new Set<string>();
  for (const c of found.columns.values()) {
    if (!formCols.has(c)) problems.push({ path: `${prefix}columns.${c}`, code: 'unknown_column', message: `Form ${def.code} has no column ${c}` });
    else if (seen.has(c)) problems.push({ path: `${prefix}columns.${c}`, code: 'duplicate_column', message: `Column ${c} appears twice` });
    else seen.add(c);
  }
  for (const c of def.columns) if (!seen.has(c.code)) problems.push({ path: `${prefix}columns.${c.code}`, code: 'missing_column', message: `Column ${c.code} is missing` });
  for (const r of found.rows.keys()) if (!formRows.has(r)) problems.push({ path: `${prefix}rows.${r}`, code: 'unknown_row', message: `Form ${def.code} has no row ${r}` });
  return problems;
}

/**
 * Every cell of the form from a sheet that passed {@link checkFormSheet} (missing where empty or absent, so that
 * saving them replaces the report's cells), and the cells holding text that is not an entry (`not_a_number` details
 * at `<prefix>cells.<row>.<column>`).
 */
export function readFormCells(def: FormDefinition, found: ScannedFormSheet, locale: 'vi' | 'en' = 'vi', prefix = ''): { cells: StatCellInput[]; bad: ErrorDetail[] } {
  const colIndex = new Map<string, number>();
  for (const [i, c] of found.columns) if (!colIndex.has(c)) colIndex.set(c, i);
  const cells: StatCellInput[] = [];
  const bad: ErrorDetail[] = [];
  for (const r of def.rows) {
    const row = found.rows.get(r.code) ?? [];
    for (const c of def.columns) {
      const raw = row[colIndex.get(c.code) as number];
      const v = parseCell(raw);
      if (!v) bad.push({ path: `${prefix}cells.${r.code}.${c.code}`, code: 'not_a_number', message: locale === 'en' ? `"${text(raw)}" is not a number, x or c` : `"${text(raw)}" không phải là số, x hoặc c` });
      else cells.push({ row: r.code, column: c.code, ...v } as StatCellInput);
    }
  }
  return { cells, bad };
}

/**
 * Reads a filled workbook of a form: checks it is this form and version, maps the codes to cells, and returns every
 * cell of the form (missing where empty or absent), so that saving it replaces the report's cells.
 * Throws STAT_XLSX_UNREADABLE (400), STAT_WRONG_FORM (422) or STAT_VALIDATION_FAILED (422, text in a number cell at
 * `cells.<row>.<column>`).
 */
export function readFormXlsx(def: FormDefinition, content: Buffer, locale: 'vi' | 'en' = 'vi'): StatCellInput[] {
  const wrong = (message: string, path = 'file'): never => {
    throw new AppError('STAT_WRONG_FORM', [{ path, code: 'wrong_form', message }]);
  };
  let found: ScannedFormSheet | null = null;
  for (const sheet of openFormWorkbook(content)) {
    found = scanFormSheet(sheet);
    if (found) break;
  }
  if (!found) return wrong(`No sheet of a report form (the "${XLSX_HEADER.code}" cell and the "${XLSX_CODE_MARKER}" row of column codes)`);
  if (found.code !== def.code || found.version !== def.version) return wrong(`The file is form ${found.code} (${found.version || '?'}), this report is form ${def.code} (${def.version})`);
  const problems = checkFormSheet(def, found);
  if (problems.length) throw new AppError('STAT_WRONG_FORM', problems);
  const { cells, bad } = readFormCells(def, found, locale);
  if (bad.length) throw new AppError('STAT_VALIDATION_FAILED', bad);
  return cells;
}
