import { cellKey, type CellMap, type MeasureUnit, type CellValue, type FormDefinition, type StatAggregate, type StatCell } from '@stinet/shared';

/**
 * Pure helpers of the statistics administration screens (releases, period management, pre-fill): Vietnam-time
 * embargo instants, the national table of a release, and the merge of a pre-fill proposal into the grid's cells.
 * Free of the API client and the DOM, for unit tests in Node.
 */

/** Vietnam's UTC offset (no daylight saving time). */
export const VIETNAM_OFFSET = '+07:00';
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** A date and a time of day as typed in the embargo inputs (`YYYY-MM-DD`, `HH:mm`), in Vietnam time. */
export interface LocalDateTime {
  date: string;
  time: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Vietnam wall-clock date and time of an instant. */
export function vietnamDateTime(instant: Date): LocalDateTime & { seconds: string } {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return {
    date: `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
    seconds: pad(shifted.getUTCSeconds()),
  };
}

/** The default embargo of a new release: the next day (in Vietnam) at 09:00 Vietnam time. */
export function defaultEmbargo(now: Date = new Date()): LocalDateTime {
  const tomorrow = vietnamDateTime(new Date(now.getTime() + 24 * 60 * 60 * 1000));
  return { date: tomorrow.date, time: '09:00' };
}

/** Whether a typed date and time are well formed and name a real day. */
export function isValidLocalDateTime(value: LocalDateTime): boolean {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.date);
  const t = /^(\d{2}):(\d{2})$/.exec(value.time);
  if (!d || !t) return false;
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [h, min] = [Number(t[1]), Number(t[2])];
  if (h > 23 || min > 59) return false;
  const probe = new Date(Date.UTC(y, m - 1, day));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === day;
}

/** A Vietnam date and time as an ISO instant with its offset, e.g. `2027-03-01T09:00:00+07:00`. */
export function vietnamInstant(value: LocalDateTime): string {
  return `${value.date}T${value.time}:00${VIETNAM_OFFSET}`;
}

/** An instant (default: now) as an ISO instant in Vietnam time with its offset (for "publish now"). */
export function vietnamInstantOf(instant: Date = new Date()): string {
  const v = vietnamDateTime(instant);
  return `${v.date}T${v.time}:${v.seconds}${VIETNAM_OFFSET}`;
}

/** What one cell of a release table shows: a number, `c` (withheld by small-cell suppression) or `..` (no data). */
export type ReleaseCellText = { kind: 'value'; value: number } | { kind: 'withheld' } | { kind: 'no_data' };

/** One row of a release table: the row's code and label and a cell per column of the form. */
export interface ReleaseTableRow {
  code: string;
  label: string;
  cells: ReleaseCellText[];
}

/** The national table of a release: the form's columns and its rows with their cells. */
export interface ReleaseTable {
  columns: { code: string; label: string; unit: MeasureUnit }[];
  rows: ReleaseTableRow[];
}

/** Lays the first area of an aggregate (the nation) out as the form's rows × columns. */
export function releaseTable(form: FormDefinition, national: StatAggregate, english: boolean): ReleaseTable {
  const area = national.areas[0];
  const cells = new Map((area?.cells ?? []).map((c) => [cellKey(c.row, c.column), c]));
  return {
    columns: form.columns.map((c) => ({ code: c.code, label: english ? c.labelEn : c.labelVi, unit: c.unit })),
    rows: form.rows.map((r) => ({
      code: r.code,
      label: english ? r.labelEn : r.labelVi,
      cells: form.columns.map((c): ReleaseCellText => {
        const cell = cells.get(cellKey(r.code, c.code));
        if (cell?.suppressed) return { kind: 'withheld' };
        if (!cell || cell.value === null) return { kind: 'no_data' };
        return { kind: 'value', value: cell.value };
      }),
    })),
  };
}

/** The text of a release cell: the formatted number, `c` or `..`. */
export function releaseCellText(cell: ReleaseCellText, format: (n: number) => string): string {
  if (cell.kind === 'withheld') return 'c';
  if (cell.kind === 'no_data') return '..';
  return format(cell.value);
}

function sameCell(a: CellValue | undefined, b: CellValue): boolean {
  if (!a || a.state === 'missing') return false;
  if (a.state !== b.state) return false;
  if (a.state === 'value' && b.state === 'value') return a.value === b.value;
  if (a.state === 'confidential' && b.state === 'confidential') return a.value === b.value;
  return true;
}

function cellValueOf(c: StatCell): CellValue {
  if (c.state === 'value') return { state: 'value', value: c.value ?? 0 };
  if (c.state === 'not_applicable') return { state: 'not_applicable' };
  return { state: 'confidential', value: c.value };
}

/** The result of merging a pre-fill proposal into the grid's cells. */
export interface PrefillMerge {
  /** The grid's cells with the proposal applied (a new map; the input is not changed). */
  cells: CellMap;
  /** Proposed cells that differ from the grid. */
  changed: number;
  /** Proposed cells that would overwrite a different value already in the grid (ask before applying). */
  conflicts: number;
}

/**
 * Puts the proposed cells of a pre-fill into the grid's cells: every proposed cell replaces the grid's; the other
 * cells are kept. Counts what changes and how many of those changes overwrite a value the grid already holds.
 */
export function mergePrefill(current: CellMap, proposed: readonly StatCell[]): PrefillMerge {
  const cells = new Map(current);
  let changed = 0;
  let conflicts = 0;
  for (const c of proposed) {
    const key = cellKey(c.row, c.column);
    const before = current.get(key);
    const next = cellValueOf(c);
    if (sameCell(before, next)) continue;
    changed += 1;
    if (before && before.state !== 'missing') conflicts += 1;
    cells.set(key, next);
  }
  return { cells, changed, conflicts };
}
