import { cellKey, type CellIssue, type CellMap, type CellValue, type FormRow } from '@stinet/shared';

/**
 * Pure logic of the statistical data-entry grid (`FormGrid.tsx`): number parsing in Vietnamese and English formats,
 * the special entries of a cell, paste-block parsing, keyboard navigation targets, row hierarchy depth and issue
 * grouping. Kept free of React and the DOM so it is unit-tested directly.
 */

/** The number format a text is read and written in: Vietnamese `1.234,5` or English `1,234.5`. */
export type NumberLocale = 'vi' | 'en';

/** The number locale of an interface language (anything but English reads as Vietnamese, the default). */
export function numberLocaleOf(language: string | undefined): NumberLocale {
  return language?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/** True when `s` is digits grouped by threes with `sep` (`1.234.567`, `1 234`). */
function grouped(s: string, sep: '.' | ',' | ' '): boolean {
  const esc = sep === '.' ? '\\.' : sep;
  return new RegExp(`^\\d{1,3}(?:${esc}\\d{3})+$`).test(s);
}

/** Digits, or digits grouped by threes with spaces. */
function plainInteger(s: string): boolean {
  return /^\d+$/.test(s) || grouped(s, ' ');
}

/**
 * Reads a number typed or pasted in either format, or returns null when the text is not a number.
 * - both separators present: the last one is the decimal separator (`1.234,5` and `1,234.5` → 1234.5);
 * - one separator repeated, or spaces: thousands separators (`1.234.567`, `1 234 567`);
 * - one separator once: a decimal separator, unless exactly three digits follow it, which is ambiguous
 *   (`1.234`, `1,234`) and read by the locale: in Vietnamese `.` groups thousands and `,` is the decimal mark,
 *   in English the reverse. `1234.5` and `1234,5` are decimals in both.
 * A leading `-` or `+` is a sign; a trailing separator (`12,` while typing) is ignored.
 */
export function parseNumber(text: string, locale: NumberLocale): number | null {
  let s = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+') || s.startsWith('\u2212')) {
    if (!s.startsWith('+')) sign = -1;
    s = s.slice(1).trimStart();
  }
  if (/^\d[\d\s]*[.,]$/.test(s)) s = s.slice(0, -1);
  if (/^[.,]\d+$/.test(s)) return sign * Number(`0.${s.slice(1)}`);
  if (!/^\d[\d.,\s]*\d$|^\d$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let integer = s;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const at = Math.max(lastDot, lastComma);
    const groupSep = s[at] === '.' ? ',' : '.';
    integer = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (!grouped(integer, groupSep)) return null;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const at = s.lastIndexOf(sep);
    const count = s.split(sep).length - 1;
    const after = s.slice(at + 1);
    const thousandsByLocale = (locale === 'vi' && sep === '.') || (locale === 'en' && sep === ',');
    if (count > 1 || (after.length === 3 && thousandsByLocale && !s.includes(' '))) {
      if (!grouped(s, sep)) return null;
    } else {
      integer = s.slice(0, at);
      fraction = after;
      if (!plainInteger(integer)) return null;
    }
  } else if (!plainInteger(integer)) {
    return null;
  }
  if (!/^\d*$/.test(fraction)) return null;
  const digits = integer.replace(/[.,\s]/g, '');
  const n = Number(fraction ? `${digits}.${fraction}` : digits);
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : sign * n;
}

/** Writes a number for editing in a cell: no thousands separators, the locale's decimal mark (round-trips with {@link parseNumber}). */
export function formatNumber(n: number, locale: NumberLocale): string {
  const plain = Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
  return locale === 'vi' ? plain.replace('.', ',') : plain;
}

/** Texts that mean "not applicable" (không áp dụng) in a cell. */
export const NOT_APPLICABLE_TEXTS: readonly string[] = ['-', 'x', '–', '—'];

/** What a cell's text means: one of the four cell contents, or text that is not a number. */
export type ParsedCell = { ok: true; cell: CellValue } | { ok: false };

/**
 * Reads what an officer typed in a cell: empty → missing; `-` or `x` → not applicable; `c` alone or followed by a
 * number (`c12`, `c 12`) → confidential (with or without its value); a number (`0` included) → a value; anything
 * else is not a number.
 */
export function parseCellText(text: string, locale: NumberLocale): ParsedCell {
  const s = text.trim();
  if (!s) return { ok: true, cell: { state: 'missing' } };
  if (NOT_APPLICABLE_TEXTS.includes(s.toLowerCase())) return { ok: true, cell: { state: 'not_applicable' } };
  if (s[0] === 'c' || s[0] === 'C') {
    const rest = s.slice(1).trim();
    if (!rest) return { ok: true, cell: { state: 'confidential', value: null } };
    const n = parseNumber(rest, locale);
    return n === null ? { ok: false } : { ok: true, cell: { state: 'confidential', value: n } };
  }
  const n = parseNumber(s, locale);
  return n === null ? { ok: false } : { ok: true, cell: { state: 'value', value: n } };
}

/** The text a cell shows for editing; {@link parseCellText} reads it back to the same cell. */
export function formatCell(cell: CellValue | undefined, locale: NumberLocale): string {
  if (!cell || cell.state === 'missing') return '';
  if (cell.state === 'not_applicable') return 'x';
  if (cell.state === 'confidential') return cell.value === null ? 'c' : `c${formatNumber(cell.value, locale)}`;
  return formatNumber(cell.value, locale);
}

/** True when two cell contents are the same. */
export function sameCell(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const sa = a?.state ?? 'missing';
  const sb = b?.state ?? 'missing';
  if (sa !== sb) return false;
  const va = a && (a.state === 'value' || a.state === 'confidential') ? a.value : null;
  const vb = b && (b.state === 'value' || b.state === 'confidential') ? b.value : null;
  return va === vb;
}

/**
 * Splits clipboard text copied from Excel or LibreOffice Calc into lines of cells: lines end with CR/LF, cells are
 * tab-separated, the final line break is dropped, and a cell quoted by the spreadsheet ("…") is unquoted.
 */
export function parsePasteBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) =>
    line.split('\t').map((raw) => {
      const t = raw.trim();
      return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : raw;
    }),
  );
}

/** A position in the grid: row and column indexes. */
export interface GridPosition {
  row: number;
  col: number;
}

/** The outcome of pasting a block: the cells to set (ONE change), the texts that are not numbers, and whether the block was clipped. */
export interface PasteResult {
  /** The complete next cell map (the previous one with the pasted cells replaced). */
  cells: Map<string, CellValue>;
  /** Cells whose pasted text is not a number, by {@link cellKey}: kept as local drafts; missing in `cells`. */
  invalid: Map<string, string>;
  /** Cells pasted with a valid content, by {@link cellKey} (their drafts are cleared). */
  valid: Set<string>;
  /** True when part of the block fell outside the grid and was dropped. */
  clipped: boolean;
}

/**
 * Applies a pasted block at `start`, clipped at the grid's right and bottom edges. Empty texts become missing; cells
 * whose text is not a number are reported in `invalid` and become missing in `cells` (never a stale number under
 * text the officer sees as wrong).
 */
export function applyPaste(
  rowCodes: readonly string[],
  columnCodes: readonly string[],
  cells: CellMap,
  start: GridPosition,
  block: readonly (readonly string[])[],
  locale: NumberLocale,
): PasteResult {
  const next = new Map(cells);
  const invalid = new Map<string, string>();
  const valid = new Set<string>();
  let clipped = false;
  block.forEach((line, i) => {
    const r = start.row + i;
    if (r >= rowCodes.length) {
      clipped = true;
      return;
    }
    line.forEach((text, j) => {
      const c = start.col + j;
      if (c >= columnCodes.length) {
        clipped = true;
        return;
      }
      const key = cellKey(rowCodes[r] ?? '', columnCodes[c] ?? '');
      const parsed = parseCellText(text, locale);
      if (!parsed.ok) {
        invalid.set(key, text.trim());
        next.delete(key);
        return;
      }
      valid.add(key);
      if (parsed.cell.state === 'missing') next.delete(key);
      else next.set(key, parsed.cell);
    });
  });
  return { cells: next, invalid, valid, clipped };
}

/** A movement between cells. */
export type GridMove = 'up' | 'down' | 'left' | 'right' | 'first' | 'last';

/** The parts of a keyboard event and the input's caret that decide a movement. */
export interface NavigationKey {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** Caret at the start of the text, with nothing selected after it. */
  caretAtStart: boolean;
  /** Caret at the end of the text, with nothing selected before it. */
  caretAtEnd: boolean;
}

/**
 * The movement a key asks for, or null to leave the key to the input (Tab stays native):
 * Enter ↓, Shift+Enter ↑, ↑ ↓ always, ← → only when the caret is at the start / end of the text,
 * Ctrl+Home / Ctrl+End to the first / last cell.
 */
export function moveForKey(k: NavigationKey): GridMove | null {
  if (k.altKey || k.metaKey) return null;
  switch (k.key) {
    case 'Enter':
      return k.ctrlKey ? null : k.shiftKey ? 'up' : 'down';
    case 'ArrowUp':
      return k.ctrlKey || k.shiftKey ? null : 'up';
    case 'ArrowDown':
      return k.ctrlKey || k.shiftKey ? null : 'down';
    case 'ArrowLeft':
      return !k.ctrlKey && !k.shiftKey && k.caretAtStart ? 'left' : null;
    case 'ArrowRight':
      return !k.ctrlKey && !k.shiftKey && k.caretAtEnd ? 'right' : null;
    case 'Home':
      return k.ctrlKey ? 'first' : null;
    case 'End':
      return k.ctrlKey ? 'last' : null;
    default:
      return null;
  }
}

/** The cell a movement leads to from `from` in a grid of `rows` × `cols`, or null at the grid's edge (stay put). */
export function moveTarget(from: GridPosition, move: GridMove, rows: number, cols: number): GridPosition | null {
  let to: GridPosition;
  switch (move) {
    case 'up':
      to = { row: from.row - 1, col: from.col };
      break;
    case 'down':
      to = { row: from.row + 1, col: from.col };
      break;
    case 'left':
      to = { row: from.row, col: from.col - 1 };
      break;
    case 'right':
      to = { row: from.row, col: from.col + 1 };
      break;
    case 'first':
      to = { row: 0, col: 0 };
      break;
    case 'last':
      to = { row: rows - 1, col: cols - 1 };
      break;
  }
  if (to.row < 0 || to.col < 0 || to.row >= rows || to.col >= cols) return null;
  return to.row === from.row && to.col === from.col ? null : to;
}

/** Depth of every row in the form's hierarchy (0 for a row without parent), following `parent`; safe against cycles. */
export function rowDepths(rows: readonly Pick<FormRow, 'code' | 'parent'>[]): Map<string, number> {
  const parentOf = new Map(rows.map((r) => [r.code, r.parent]));
  const depths = new Map<string, number>();
  for (const r of rows) {
    let depth = 0;
    const seen = new Set<string>([r.code]);
    let p = r.parent;
    while (p !== undefined && parentOf.has(p) && !seen.has(p)) {
      seen.add(p);
      depth += 1;
      p = parentOf.get(p);
    }
    depths.set(r.code, depth);
  }
  return depths;
}

/** Issues grouped by {@link cellKey}, errors before warnings within a cell. */
export function issuesByCell(issues: readonly CellIssue[]): Map<string, CellIssue[]> {
  const map = new Map<string, CellIssue[]>();
  for (const i of issues) {
    const key = cellKey(i.row, i.column);
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  }
  for (const list of map.values()) list.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return map;
}

/** Issues in reading order of the grid (row by row, then column), errors first within a cell; unknown cells last. */
export function issuesInGridOrder(issues: readonly CellIssue[], rowCodes: readonly string[], columnCodes: readonly string[]): CellIssue[] {
  const rowIndex = new Map(rowCodes.map((c, i) => [c, i]));
  const colIndex = new Map(columnCodes.map((c, i) => [c, i]));
  const rank = (i: CellIssue) => (rowIndex.get(i.row) ?? rowCodes.length) * (columnCodes.length + 1) + (colIndex.get(i.column) ?? columnCodes.length);
  return [...issues].sort((a, b) => rank(a) - rank(b) || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** Counts of errors and warnings. */
export function countIssues(issues: readonly Pick<CellIssue, 'severity'>[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const i of issues) if (i.severity === 'error') errors += 1;
  return { errors, warnings: issues.length - errors };
}

/** The rule id of the grid's own "not a number" cell error (not a rule of the form). */
export const NOT_A_NUMBER_RULE = 'not_a_number';

/** "Not a number" issues for the cells whose text could not be read, to show with the validation engine's. */
export function notANumberIssues(drafts: ReadonlyMap<string, string>, messageVi: string, messageEn: string): CellIssue[] {
  const out: CellIssue[] = [];
  for (const key of drafts.keys()) {
    const at = key.indexOf('|');
    out.push({ row: key.slice(0, at), column: key.slice(at + 1), ruleId: NOT_A_NUMBER_RULE, severity: 'error', messageVi, messageEn });
  }
  return out;
}

/** A DOM-id-safe fragment for a cell key (codes may contain `.`). */
export function cellIdPart(row: string, column: string): string {
  return `${row}-${column}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** The outcome of typing in a cell: the next cells (null when they do not change) and the next drafts. */
export interface CellEdit {
  cells: Map<string, CellValue> | null;
  drafts: Map<string, string>;
}

/**
 * Typing `text` in cell `key`: the text is kept as the cell's draft (shown as typed), and the cell's content becomes
 * what the text means; text that is not a number makes the cell missing (never a value) and stays as a draft with a
 * "not a number" error until fixed. `cells` is null when the content does not change (no `onChange`).
 */
export function typeInCell(cells: CellMap, drafts: ReadonlyMap<string, string>, key: string, text: string, locale: NumberLocale): CellEdit {
  const nextDrafts = new Map(drafts).set(key, text);
  const parsed = parseCellText(text, locale);
  const content: CellValue = parsed.ok ? parsed.cell : { state: 'missing' };
  if (sameCell(cells.get(key), content)) return { cells: null, drafts: nextDrafts };
  const next = new Map(cells);
  if (content.state === 'missing') next.delete(key);
  else next.set(key, content);
  return { cells: next, drafts: nextDrafts };
}

/** Leaving a cell: a draft that reads as a cell content is dropped (the cell shows its formatted content); a draft that is not a number stays. */
export function leaveCell(drafts: ReadonlyMap<string, string>, key: string, locale: NumberLocale): ReadonlyMap<string, string> {
  const text = drafts.get(key);
  if (text === undefined || !parseCellText(text, locale).ok) return drafts;
  const next = new Map(drafts);
  next.delete(key);
  return next;
}

/** The drafts after a paste: pasted cells with a valid content lose their draft, pasted texts that are not numbers become drafts. */
export function draftsAfterPaste(drafts: ReadonlyMap<string, string>, result: Pick<PasteResult, 'valid' | 'invalid'>): Map<string, string> {
  const next = new Map(drafts);
  for (const key of result.valid) next.delete(key);
  for (const [key, text] of result.invalid) next.set(key, text);
  return next;
}

/** The drafts whose text is not a number (the cells with a "not a number" error). */
export function invalidDrafts(drafts: ReadonlyMap<string, string>, locale: NumberLocale): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, text] of drafts) if (!parseCellText(text, locale).ok) out.set(key, text);
  return out;
}

/** True when a pasted block is a single value (left to the input's own paste). */
export function isSingleValue(block: readonly (readonly string[])[]): boolean {
  return block.length === 1 && (block[0]?.length ?? 0) <= 1;
}
