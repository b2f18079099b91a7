import ExcelJS from 'exceljs';
import { cellKey, type CellValue, type ErrorDetail, type FormDefinition, type StatCellInput, type StatReport } from '@stinet/shared';
import { AppError } from '../../errors.js';
import type { Cell } from '../task-io/mapping.js';
import { XlsxError, readXlsx } from '../task-io/xlsx-reader.js';

/**
 * The XLSX of a statistical report form (blank, or filled with a report's cells) and the reading of a filled one.
 *
 * Layout of the one sheet (named after the form code): a header block of label/value pairs in columns A:B (form code,
 * version, title, unit, period, status), an entry note, then the grid: a row of column labels, the row of column
 * codes (marked `#` in column A), then one row per form row: its code in A, its label in B (indented by hierarchy),
 * one column per form column from C. Cells hold the entry convention of the web grid: a number; `x` not applicable;
 * `c` or `c 12` confidential (with or without its value); empty missing. Upload maps cells by the codes, not by
 * position, and checks the form code and version of the header block.
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
} as const;

/** Column A of the row of column codes (the upload reads the codes of that row and the row codes below it). */
export const XLSX_CODE_MARKER = '#';

const STATUS_VI: Record<StatReport['status'], string> = { draft: 'Nháp', submitted: 'Đã gửi', returned: 'Bị trả lại', approved: 'Đã duyệt', accepted: 'Đã tiếp nhận' };
const NOT_APPLICABLE_TEXTS = ['x', '-', '–', '—'];

/** The form code as a sheet name (Excel forbids : \ / ? * [ ] and allows 31 characters). */
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

/** The workbook of a form: blank (no report), or with a report's header and cells. */
export async function buildFormXlsx(def: FormDefinition, report?: StatReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'STINET';
  const ws = wb.addWorksheet(sheetNameOf(def.code));
  const header: [string, string | number | null][] = [
    [XLSX_HEADER.code, def.code],
    [XLSX_HEADER.version, def.version],
    [XLSX_HEADER.title, def.titleVi],
    [XLSX_HEADER.unit, report ? `${report.organization.nameVi} (${report.organization.code})` : null],
    [XLSX_HEADER.period, report ? report.period.year : null],
    [XLSX_HEADER.status, report ? STATUS_VI[report.status] : null],
  ];
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
  return Buffer.from(await wb.xlsx.writeBuffer());
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

/**
 * Reads a filled workbook of a form: checks it is this form and version, maps the codes to cells, and returns every
 * cell of the form (missing where empty or absent), so that saving it replaces the report's cells.
 * Throws STAT_XLSX_UNREADABLE (400), STAT_WRONG_FORM (422) or STAT_VALIDATION_FAILED (422, text in a number cell at
 * `cells.<row>.<column>`).
 */
export function readFormXlsx(def: FormDefinition, content: Buffer, locale: 'vi' | 'en' = 'vi'): StatCellInput[] {
  let sheets;
  try {
    sheets = readXlsx(content);
  } catch (e) {
    if (e instanceof XlsxError) throw new AppError('STAT_XLSX_UNREADABLE', [{ path: 'file', code: 'unreadable', message: e.message }]);
    throw e;
  }
  const wrong = (message: string, path = 'file'): never => {
    throw new AppError('STAT_WRONG_FORM', [{ path, code: 'wrong_form', message }]);
  };
  let found: { code: string; version: string; columns: Map<number, string>; rows: Map<string, Cell[]> } | null = null;
  try {
    for (const sheet of sheets) {
      let code: string | null = null;
      let version: string | null = null;
      let columns: Map<number, string> | null = null;
      const rows = new Map<string, Cell[]>();
      for (const { cells } of sheet.rows()) {
        const a = text(cells[0]);
        if (columns) {
          if (a && !rows.has(a)) rows.set(a, cells);
          else if (a) wrong(`Row code ${a} appears twice`, `rows.${a}`);
        } else if (a === XLSX_HEADER.code) code = text(cells[1]);
        else if (a === XLSX_HEADER.version) version = text(cells[1]);
        else if (a === XLSX_CODE_MARKER) {
          columns = new Map();
          cells.forEach((c, i) => {
            if (i >= 2 && text(c)) (columns as Map<number, string>).set(i, text(c));
          });
        }
      }
      if (code !== null && columns) {
        found = { code, version: version ?? '', columns, rows };
        break;
      }
    }
  } catch (e) {
    if (e instanceof XlsxError) throw new AppError('STAT_XLSX_UNREADABLE', [{ path: 'file', code: 'unreadable', message: e.message }]);
    throw e;
  }
  if (!found) return wrong(`No sheet of a report form (the "${XLSX_HEADER.code}" cell and the "${XLSX_CODE_MARKER}" row of column codes)`);
  if (found.code !== def.code || found.version !== def.version) return wrong(`The file is form ${found.code} (${found.version || '?'}), this report is form ${def.code} (${def.version})`);

  const problems: ErrorDetail[] = [];
  const formRows = new Set(def.rows.map((r) => r.code));
  const formCols = new Set(def.columns.map((c) => c.code));
  const colIndex = new Map<string, number>();
  for (const [i, c] of found.columns) {
    if (!formCols.has(c)) problems.push({ path: `columns.${c}`, code: 'unknown_column', message: `Form ${def.code} has no column ${c}` });
    else if (colIndex.has(c)) problems.push({ path: `columns.${c}`, code: 'duplicate_column', message: `Column ${c} appears twice` });
    else colIndex.set(c, i);
  }
  for (const c of def.columns) if (!colIndex.has(c.code)) problems.push({ path: `columns.${c.code}`, code: 'missing_column', message: `Column ${c.code} is missing` });
  for (const r of found.rows.keys()) if (!formRows.has(r)) problems.push({ path: `rows.${r}`, code: 'unknown_row', message: `Form ${def.code} has no row ${r}` });
  if (problems.length) throw new AppError('STAT_WRONG_FORM', problems);

  const out: StatCellInput[] = [];
  const bad: ErrorDetail[] = [];
  for (const r of def.rows) {
    const cells = found.rows.get(r.code) ?? [];
    for (const c of def.columns) {
      const raw = cells[colIndex.get(c.code) as number];
      const v = parseCell(raw);
      if (!v) bad.push({ path: `cells.${r.code}.${c.code}`, code: 'not_a_number', message: locale === 'en' ? `"${text(raw)}" is not a number, x or c` : `"${text(raw)}" không phải là số, x hoặc c` });
      else out.push({ row: r.code, column: c.code, ...v } as StatCellInput);
    }
  }
  if (bad.length) throw new AppError('STAT_VALIDATION_FAILED', bad);
  return out;
}
