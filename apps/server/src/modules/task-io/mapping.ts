import { isValidIsoDate, TASK_IMPORT_COLUMNS, type TaskImportColumn } from '@stinet/shared';
import { unguardFormula } from './csv.js';

/** A cell as read from a file: CSV gives strings; XLSX also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

/** A problem of one cell (or row when column is ''), with the message in both languages. */
export interface RowIssue {
  column: string;
  code: string;
  vi: string;
  en: string;
}

/** Folds a header text for matching: no diacritics, lower case, letters and digits only. */
export function foldHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const HEADER_INDEX: ReadonlyMap<string, string> = (() => {
  const index = new Map<string, string>();
  for (const c of TASK_IMPORT_COLUMNS) {
    for (const name of [c.key, c.labelVi, c.labelEn]) index.set(foldHeader(name), c.key);
  }
  return index;
})();

/** How many known column names a row must hold to count as a header row. */
export const MIN_HEADER_MATCHES = 5;

/** The column key a header cell names (by key, Vietnamese or English label; a trailing `*` ignored), if any. */
export function headerKey(cell: Cell): string | undefined {
  if (typeof cell !== 'string') return undefined;
  const folded = foldHeader(cell);
  return folded ? HEADER_INDEX.get(folded) : undefined;
}

/** Column positions of a header row (first occurrence of each key wins), or null when the row is not a header. */
export function matchHeader(cells: readonly Cell[]): Map<string, number> | null {
  const found = new Map<string, number>();
  cells.forEach((cell, i) => {
    const key = headerKey(cell);
    if (key && !found.has(key)) found.set(key, i);
  });
  return found.size >= MIN_HEADER_MATCHES ? found : null;
}

/** Required columns that a header lacks. */
export function missingRequiredColumns(header: ReadonlyMap<string, number>): TaskImportColumn[] {
  return TASK_IMPORT_COLUMNS.filter((c) => c.required && !header.has(c.key));
}

/** True when every cell is empty. */
export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));
}

/** A cell as trimmed text ('' when empty). Whole numbers print without a decimal part; dates as YYYY-MM-DD. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return unguardFormula(cell.trim()).trim();
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return isoOfDate(cell);
}

function isoOfDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** Days between 1899-12-30 (Excel's day 0, 1900 system) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

type Parsed<T> = { ok: true; value: T } | { ok: false; issue: Omit<RowIssue, 'column'> };

/**
 * A date cell: an Excel date, an Excel day number (a date cell without a date format), or text `YYYY-MM-DD`
 * or `DD/MM/YYYY` (also with `-` or `.`). Empty gives null.
 */
export function parseDateCell(cell: Cell | undefined): Parsed<string | null> {
  if (cell === null || cell === undefined) return { ok: true, value: null };
  if (cell instanceof Date) {
    const iso = isoOfDate(cell);
    return iso ? { ok: true, value: iso } : bad('INVALID_DATE', 'Ngày không hợp lệ.', 'Not a valid date.');
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell > 0 && cell < 2958466) {
      return { ok: true, value: new Date((cell - EXCEL_EPOCH_OFFSET) * 86_400_000).toISOString().slice(0, 10) };
    }
    return bad('INVALID_DATE', `"${cell}" không phải là ngày.`, `"${cell}" is not a date.`);
  }
  const text = cellText(cell);
  if (!text) return { ok: true, value: null };
  let iso: string | null = null;
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (ymd) iso = `${ymd[1]}-${(ymd[2] as string).padStart(2, '0')}-${(ymd[3] as string).padStart(2, '0')}`;
  else if (dmy) iso = `${dmy[3]}-${(dmy[2] as string).padStart(2, '0')}-${(dmy[1] as string).padStart(2, '0')}`;
  if (iso && isValidIsoDate(iso)) return { ok: true, value: iso };
  return bad('INVALID_DATE', `Ngày "${text}" không hợp lệ: dùng YYYY-MM-DD hoặc DD/MM/YYYY.`, `Date "${text}" is not valid: use YYYY-MM-DD or DD/MM/YYYY.`);
}

/** An amount in million VND: a number cell, or text with a decimal point (or a lone decimal comma). Empty gives null. */
export function parseMoneyCell(cell: Cell | undefined): Parsed<number | null> {
  if (cell === null || cell === undefined) return { ok: true, value: null };
  if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: true, value: cell } : bad('INVALID_NUMBER', 'Số không hợp lệ.', 'Not a valid number.');
  const text = cellText(cell).replace(/\s/g, '');
  if (!text) return { ok: true, value: null };
  const normal = /^-?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  if (/^-?(\d+(\.\d*)?|\.\d+)$/.test(normal)) return { ok: true, value: Number(normal) };
  return bad(
    'INVALID_NUMBER',
    `"${text}" không phải là số (đơn vị triệu đồng, dấu chấm thập phân, không dùng dấu phân cách hàng nghìn).`,
    `"${text}" is not a number (million VND, decimal point, no thousands separators).`,
  );
}

/** A yes/no cell: Có/Không, Yes/No, True/False, 1/0, x; empty gives null. */
export function parseBooleanCell(cell: Cell | undefined): Parsed<boolean | null> {
  if (cell === null || cell === undefined) return { ok: true, value: null };
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  if (typeof cell === 'number' && (cell === 0 || cell === 1)) return { ok: true, value: cell === 1 };
  const folded = foldHeader(cellText(cell));
  if (!folded) return { ok: true, value: null };
  if (['co', 'yes', 'true', '1', 'x', 'y'].includes(folded)) return { ok: true, value: true };
  if (['khong', 'no', 'false', '0', 'n'].includes(folded)) return { ok: true, value: false };
  return bad('INVALID_BOOLEAN', `"${cellText(cell)}" không hợp lệ: ghi Có hoặc Không.`, `"${cellText(cell)}" is not valid: write Có (yes) or Không (no).`);
}

/** A `;`-separated list (a newline also separates); empty items dropped. */
export function parseListCell(cell: Cell | undefined): string[] {
  return cellText(cell)
    .split(/[;\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const SECRETARY = /\s*\((thu ky|thu ky khoa hoc|secretary)\)\s*$/;

/** A member list: names separated by `;`; a name followed by "(thư ký)" or "(secretary)" is the scientific secretary. */
export function parseMembers(cell: Cell | undefined): { fullName: string; role: 'member' | 'secretary' }[] {
  return parseListCell(cell).map((item) => {
    const folded = item.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    const m = SECRETARY.exec(folded);
    if (!m) return { fullName: item, role: 'member' as const };
    // cut the same number of characters from the original (NFD folding keeps base letters one to one after NFC)
    const name = item.normalize('NFC');
    const cut = name.lastIndexOf('(');
    return { fullName: name.slice(0, cut).trim(), role: 'secretary' as const };
  });
}

/** Formats members for export, the inverse of {@link parseMembers}. */
export function formatMembers(members: readonly { fullName: string; role: 'member' | 'secretary' }[]): string {
  return members.map((m) => (m.role === 'secretary' ? `${m.fullName} (thư ký)` : m.fullName)).join('; ');
}

/**
 * A code cell as text; a whole number from a number cell (e.g. a province code typed as 1 in Excel) keeps the
 * two-digit form of province codes when `pad` is set.
 */
export function codeText(cell: Cell | undefined, pad = 0): string {
  const text = cellText(cell);
  return pad && /^\d+$/.test(text) ? text.padStart(pad, '0') : text;
}

function bad<T>(code: string, vi: string, en: string): Parsed<T> {
  return { ok: false, issue: { code, vi, en } };
}

/** The raw values of one data row, converted by column kind but not yet checked against the registry. */
export interface RowValues {
  code: string;
  titleVi: string;
  titleEn: string;
  levelCode: string;
  formCode: string;
  programme: string;
  fundingType: string;
  approvalDecisionNo: string;
  approvalDecisionDate: string | null;
  contractNo: string;
  contractDate: string | null;
  managingUnitCode: string;
  leadOrganizationCode: string;
  piName: string;
  piResearcherCode: string;
  members: { fullName: string; role: 'member' | 'secretary' }[];
  fieldCodes2025: string[];
  fieldCodes2008: string[];
  seoCode: string;
  startDate: string | null;
  endDate: string | null;
  budgetTotal: number | null;
  budgetStateCentral: number | null;
  budgetStateLocal: number | null;
  budgetOther: number | null;
  objectives: string;
  content: string;
  methods: string;
  expectedProducts: string;
  applicationPlan: string;
  isStateSecret: boolean | null;
}

/**
 * Converts one data row by the header: text trimmed, dates, amounts and yes/no parsed, lists split, codes upper-cased
 * where codes are upper case. Reports unreadable cells and empty required cells (one issue per cell).
 */
export function readRow(cells: readonly Cell[], header: ReadonlyMap<string, number>): { values: RowValues; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const at = (key: string): Cell | undefined => {
    const i = header.get(key);
    return i === undefined ? undefined : cells[i];
  };
  const text = (key: string) => cellText(at(key));
  const date = (key: string) => {
    const r = parseDateCell(at(key));
    if (r.ok) return r.value;
    issues.push({ column: key, ...r.issue });
    return null;
  };
  const money = (key: string) => {
    const r = parseMoneyCell(at(key));
    if (r.ok) return r.value;
    issues.push({ column: key, ...r.issue });
    return null;
  };
  const secret = parseBooleanCell(at('isStateSecret'));
  if (!secret.ok) issues.push({ column: 'isStateSecret', ...secret.issue });
  const values: RowValues = {
    code: text('code'),
    titleVi: text('titleVi'),
    titleEn: text('titleEn'),
    levelCode: codeText(at('levelCode')).toUpperCase(),
    formCode: codeText(at('formCode')).toUpperCase(),
    programme: text('programme'),
    fundingType: codeText(at('fundingType')).toUpperCase(),
    approvalDecisionNo: text('approvalDecisionNo'),
    approvalDecisionDate: date('approvalDecisionDate'),
    contractNo: text('contractNo'),
    contractDate: date('contractDate'),
    managingUnitCode: codeText(at('managingUnitCode'), 2).toUpperCase(),
    leadOrganizationCode: codeText(at('leadOrganizationCode')).toUpperCase(),
    piName: text('piName'),
    piResearcherCode: codeText(at('piResearcherCode')).toUpperCase(),
    members: parseMembers(at('members')),
    fieldCodes2025: parseListCell(at('fieldCodes2025')),
    fieldCodes2008: parseListCell(at('fieldCodes2008')),
    seoCode: codeText(at('seoCode')).toUpperCase(),
    startDate: date('startDate'),
    endDate: date('endDate'),
    budgetTotal: money('budgetTotal'),
    budgetStateCentral: money('budgetStateCentral'),
    budgetStateLocal: money('budgetStateLocal'),
    budgetOther: money('budgetOther'),
    objectives: text('objectives'),
    content: text('content'),
    methods: text('methods'),
    expectedProducts: text('expectedProducts'),
    applicationPlan: text('applicationPlan'),
    isStateSecret: secret.ok ? secret.value : null,
  };
  const flagged = new Set(issues.map((i) => i.column));
  for (const c of TASK_IMPORT_COLUMNS) {
    if (!c.required || flagged.has(c.key)) continue;
    const v = values[c.key as keyof RowValues];
    const empty = v === null || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) issues.push({ column: c.key, code: 'REQUIRED', vi: `Thiếu "${c.labelVi}" (bắt buộc).`, en: `"${c.labelEn}" is required.` });
  }
  return { values, issues };
}
