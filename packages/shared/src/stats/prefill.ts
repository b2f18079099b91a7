import { cell, cellKey, type CellValue } from './cells.js';

/** What form 04/CS-KHCN needs to know of a task of the registry. */
export interface TaskForStats {
  formCode: string;
  levelCode: string;
  fundingType: 'NSNN' | 'NON_NSNN' | 'FUND';
  budgetStateCentral: number | null;
  budgetStateLocal: number | null;
  fieldCodes2025: readonly string[];
  /** Contract date, else start date: when the task began. */
  startedOn: string;
  acceptedOn: string | null;
  /** The PI's sex when the PI is a linked researcher; null when unknown. */
  piSex: 'F' | 'M' | null;
  /** A report of the year says the results are applied (fully or partly). */
  appliedInYear: boolean;
}

const RESEARCH = new Set(['DT', 'DAN']);
const PROJECT = new Set(['DA_SXTN', 'DA_KHCN']);
const LEVEL_OFFSET: Record<string, number> = { QG: 1, BO: 2, TINH: 3, CS: 4, KHAC: 5 };

/**
 * Pre-fills form 04/CS-KHCN (TT 25/2015) from the task registry for a calendar year, so officers confirm rather
 * than re-key: a task counts when it ran during the year (began by 31 Dec, not accepted before 1 Jan). Rows: the
 * research-project block (đề tài, đề án: 01–19) or the project block (dự án SXTN / KH&CN: 20–38), by level, by
 * field (level 1 of the first 2025 field code) and by source (state budget split into central or local by the larger
 * part; quỹ counted as "other"; non-state tasks as "other" too, since the registry does not say which non-state
 * source). Columns: total, woman-led (missing when any PI's sex is unknown), new this year, continued, accepted
 * this year, applied this year. Tasks of other forms (programmes, protocol tasks…) are not on this form.
 */
export function prefillForm04(tasks: readonly TaskForStats[], year: number): Map<string, CellValue> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const counts = new Map<string, number>();
  const unknownSex = new Set<string>();
  const add = (row: string, col: string) => counts.set(cellKey(row, col), (counts.get(cellKey(row, col)) ?? 0) + 1);
  const usedRows = new Set<string>();
  for (const t of tasks) {
    const start = RESEARCH.has(t.formCode) ? 1 : PROJECT.has(t.formCode) ? 20 : 0;
    if (!start) continue;
    if (t.startedOn > to || (t.acceptedOn !== null && t.acceptedOn < from)) continue;
    const row = (n: number) => String(start + n).padStart(2, '0');
    const field = Number(t.fieldCodes2025[0]?.charAt(0));
    const rows = [row(0), row(LEVEL_OFFSET[t.levelCode] ?? 5)];
    if (field >= 1 && field <= 6) rows.push(row(5 + field));
    if (t.fundingType === 'NSNN') {
      rows.push(row(12), (t.budgetStateCentral ?? 0) >= (t.budgetStateLocal ?? 0) ? row(13) : row(14));
    } else rows.push(row(18));
    const cols = ['C1'];
    if (t.piSex === 'F') cols.push('C2');
    if (t.startedOn >= from) cols.push('C3');
    else cols.push('C4');
    if (t.acceptedOn !== null && t.acceptedOn >= from && t.acceptedOn <= to) cols.push('C5');
    if (t.appliedInYear) cols.push('C6');
    for (const r of rows) {
      usedRows.add(r);
      for (const c of cols) add(r, c);
      if (t.piSex === null) unknownSex.add(r);
    }
  }
  // every row of both blocks is reported: zero is information; woman-led is missing where a PI's sex is unknown
  const out = new Map<string, CellValue>();
  for (let n = 1; n <= 38; n++) {
    const r = String(n).padStart(2, '0');
    for (const c of ['C1', 'C2', 'C3', 'C4', 'C5', 'C6']) {
      if (c === 'C2' && unknownSex.has(r)) continue;
      out.set(cellKey(r, c), cell.value(counts.get(cellKey(r, c)) ?? 0));
    }
  }
  return out;
}
