import { cellCoordinates, csvLine, formDimensions, SDMX_TOTAL, type FormDefinition, type StatAggregate } from '@stinet/shared';
import type { CellSymbols } from '../../../components/chart-data';

/*
 * Pivoting published or live aggregates without inventing numbers: a pivot cell is exactly one stored observation,
 * found by fixing every dimension — the pivot's row and column dimensions by position, all others by filters. Nothing
 * is ever summed in the browser, so a total that the server withheld (or that would reveal a withheld cell) cannot be
 * recomputed here, and a missing value stays missing instead of turning into 0. When the filters leave several
 * observations for one pivot cell, the cell is shown as ambiguous rather than added up.
 */

/** The area dimension: the nation ({@link NATIONAL_AREA}) or a province code. */
export const AREA_DIM = '@area';
/** The year dimension (when several releases are combined). */
export const YEAR_DIM = '@year';
/** The form-row dimension. */
export const ROW_DIM = '@row';
/** The form-column dimension. */
export const COLUMN_DIM = '@column';
/** The structural (non-SDMX) dimensions. */
export const STRUCTURAL_DIMS = [AREA_DIM, YEAR_DIM, ROW_DIM, COLUMN_DIM] as const;
/** The area code of the nation. */
export const NATIONAL_AREA = 'VN';
/** A filter value that fixes nothing ("any value"). */
export const ANY = '';

/** One stored observation: a cell of a form for an area and a year, with its SDMX coordinates. */
export interface PivotObservation {
  /** {@link NATIONAL_AREA} or a province code. */
  area: string;
  year: number;
  row: string;
  column: string;
  /** SDMX coordinates of the cell (`_T` for a total). */
  dims: Readonly<Record<string, string>>;
  value: number | null;
  suppressed: boolean;
  /** Units that left the cell missing (the value is then incomplete). */
  missing: number;
}

/** A value of a dimension with its label. */
export interface PivotValue {
  code: string;
  label: string;
}

/** A dimension the pivot can lay out or filter on. */
export interface PivotDimension {
  id: string;
  label: string;
  values: readonly PivotValue[];
}

/** What the pivot shows: the row and column dimensions and a value (or {@link ANY}) for every other dimension. */
export interface PivotSelection {
  rows: string;
  columns: string;
  filters: Readonly<Record<string, string>>;
}

/** A cell of a pivot table. */
export type PivotCell =
  | { kind: 'value'; value: number; incomplete: boolean }
  | { kind: 'withheld' }
  | { kind: 'missing' }
  /** No observation has these coordinates (not applicable). */
  | { kind: 'none' }
  /** Several observations match: a filter is left at "any". */
  | { kind: 'ambiguous'; count: number };

/** A pivot table: the shown row and column values and the cells (`cells[row][column]`). */
export interface PivotTableData {
  rows: PivotValue[];
  columns: PivotValue[];
  cells: PivotCell[][];
}

/** The coordinate of an observation along a dimension (`_T` for an SDMX dimension it does not break down). */
export function coordinate(o: PivotObservation, dim: string): string {
  switch (dim) {
    case AREA_DIM:
      return o.area;
    case YEAR_DIM:
      return String(o.year);
    case ROW_DIM:
      return o.row;
    case COLUMN_DIM:
      return o.column;
    default:
      return o.dims[dim] ?? SDMX_TOTAL;
  }
}

/** The observations of aggregates (national and/or by province) of a form: one per area and cell. */
export function observationsOf(def: FormDefinition, aggregates: readonly Pick<StatAggregate, 'year' | 'areas'>[]): PivotObservation[] {
  const coords = new Map<string, Record<string, string>>();
  const dimsOf = (row: string, column: string) => {
    const key = `${row}|${column}`;
    let c = coords.get(key);
    if (!c) {
      c = cellCoordinates(def, row, column);
      coords.set(key, c);
    }
    return c;
  };
  const out: PivotObservation[] = [];
  for (const agg of aggregates) {
    for (const area of agg.areas) {
      const code = area.unit ? area.unit.code : NATIONAL_AREA;
      for (const c of area.cells) {
        out.push({ area: code, year: agg.year, row: c.row, column: c.column, dims: dimsOf(c.row, c.column), value: c.value, suppressed: Boolean(c.suppressed), missing: c.missing });
      }
    }
  }
  return out;
}

/** Whether a dimension is one of the form's SDMX dimensions (not area, year, row or column). */
export function isSdmxDim(dim: string): boolean {
  return !(STRUCTURAL_DIMS as readonly string[]).includes(dim);
}

function matches(o: PivotObservation, filters: Readonly<Record<string, string>>, skip: readonly string[]): boolean {
  for (const [dim, value] of Object.entries(filters)) {
    if (value === ANY || skip.includes(dim)) continue;
    if (coordinate(o, dim) !== value) return false;
  }
  return true;
}

function cellOf(found: readonly PivotObservation[]): PivotCell {
  if (found.length === 0) return { kind: 'none' };
  if (found.length > 1) return { kind: 'ambiguous', count: found.length };
  const o = found[0] as PivotObservation;
  if (o.suppressed) return { kind: 'withheld' };
  if (o.value === null) return { kind: 'missing' };
  return { kind: 'value', value: o.value, incomplete: o.missing > 0 };
}

/**
 * Lays the observations out by the selection's row and column dimensions, each cell being the one observation whose
 * coordinates match (filters on the other dimensions; {@link ANY} fixes nothing). Rows and columns where no
 * observation exists are left out. Never sums.
 */
export function pivot(observations: readonly PivotObservation[], dimensions: readonly PivotDimension[], selection: PivotSelection): PivotTableData {
  const rowDim = dimensions.find((d) => d.id === selection.rows);
  const colDim = dimensions.find((d) => d.id === selection.columns);
  if (!rowDim || !colDim || rowDim.id === colDim.id) return { rows: [], columns: [], cells: [] };
  const buckets = new Map<string, PivotObservation[]>();
  for (const o of observations) {
    if (!matches(o, selection.filters, [rowDim.id, colDim.id])) continue;
    const key = `${coordinate(o, rowDim.id)}\u0000${coordinate(o, colDim.id)}`;
    const list = buckets.get(key);
    if (list) list.push(o);
    else buckets.set(key, [o]);
  }
  const grid = rowDim.values.map((r) => colDim.values.map((c) => cellOf(buckets.get(`${r.code}\u0000${c.code}`) ?? [])));
  const keepRow = grid.map((cells) => cells.some((c) => c.kind !== 'none'));
  const keepCol = colDim.values.map((_, j) => grid.some((cells) => cells[j]?.kind !== 'none'));
  return {
    rows: rowDim.values.filter((_, i) => keepRow[i]),
    columns: colDim.values.filter((_, j) => keepCol[j]),
    cells: grid.filter((_, i) => keepRow[i]).map((cells) => cells.filter((_, j) => keepCol[j])),
  };
}

/** The text of a pivot cell: the formatted value, the withheld or no-data symbol, "*" when ambiguous, empty when none. */
export function pivotCellText(cell: PivotCell, symbols: CellSymbols, format: (n: number) => string = String): string {
  switch (cell.kind) {
    case 'value':
      return format(cell.value);
    case 'withheld':
      return symbols.withheld;
    case 'missing':
      return symbols.noData;
    case 'ambiguous':
      return '*';
    default:
      return '';
  }
}

/** The pivot table as CSV (UTF-8 with a byte-order mark): a header line, then one line per row. */
export function pivotCsv(data: PivotTableData, cornerHeader: string, symbols: CellSymbols): string {
  let out = `\uFEFF${csvLine([cornerHeader, ...data.columns.map((c) => c.label)])}`;
  data.rows.forEach((r, i) => {
    out += csvLine([r.label, ...(data.cells[i] ?? []).map((c) => pivotCellText(c, symbols))]);
  });
  return out;
}

/** Labels the dimensions need beyond the form: names of dimensions, of the nation, of "total". */
export interface DimensionLabels {
  /** The name of a dimension id (`@area`, `@row`, `SEX`, …). */
  dimension: (id: string) => string;
  /** "Total" (the `_T` code of an SDMX dimension). */
  total: string;
  /** The nation as an area. */
  nation: string;
  /** English labels of the form (else Vietnamese). */
  en: boolean;
}

function stripParent(label: string, parent: string | undefined): string {
  let out = label;
  if (parent) for (const sep of [' — ', ' - ', ': ']) if (out.startsWith(parent + sep)) out = out.slice(parent.length + sep.length);
  out = out.replace(/^(Trong đó|Of which):\s*/iu, '');
  return out ? out.charAt(0).toLocaleUpperCase('vi') + out.slice(1) : label;
}

/**
 * Labels of the codes of a form's SDMX dimension, taken from the form itself: the label of the row or column with
 * the fewest coordinates that has the code (less its parent row's label, as in "Projects — National"), else the code.
 */
export function dimensionValueLabels(def: FormDefinition, dim: string, en: boolean): Map<string, string> {
  const best = new Map<string, { size: number; label: string }>();
  const label = (x: { labelVi: string; labelEn: string }) => (en ? x.labelEn : x.labelVi);
  const consider = (dims: Readonly<Record<string, string>>, text: string) => {
    const code = dims[dim];
    if (!code || code === SDMX_TOTAL) return;
    const size = Object.values(dims).filter((v) => v !== SDMX_TOTAL).length;
    const prev = best.get(code);
    if (!prev || size < prev.size) best.set(code, { size, label: text });
  };
  for (const r of def.rows) {
    const parent = r.parent ? def.rows.find((p) => p.code === r.parent) : undefined;
    consider(r.dims, stripParent(label(r), parent ? label(parent) : undefined));
  }
  for (const c of def.columns) consider(c.dims, stripParent(label(c), undefined));
  return new Map([...best].map(([code, v]) => [code, v.label]));
}

/**
 * The dimensions of observations of a form: area (when there are several areas), year (when several years), form row,
 * form column and the form's SDMX dimensions, each with the values that occur, in the form's order.
 */
export function pivotDimensions(def: FormDefinition, observations: readonly PivotObservation[], labels: DimensionLabels, areaName: (code: string) => string): PivotDimension[] {
  const label = (x: { labelVi: string; labelEn: string }) => (labels.en ? x.labelEn : x.labelVi);
  const out: PivotDimension[] = [];
  const areas = [...new Set(observations.map((o) => o.area))];
  areas.sort((a, b) => (a === NATIONAL_AREA ? -1 : b === NATIONAL_AREA ? 1 : areaName(a).localeCompare(areaName(b), labels.en ? 'en' : 'vi')));
  if (areas.length > 1) out.push({ id: AREA_DIM, label: labels.dimension(AREA_DIM), values: areas.map((code) => ({ code, label: code === NATIONAL_AREA ? labels.nation : areaName(code) })) });
  const years = [...new Set(observations.map((o) => o.year))].sort((a, b) => a - b);
  if (years.length > 1) out.push({ id: YEAR_DIM, label: labels.dimension(YEAR_DIM), values: years.map((y) => ({ code: String(y), label: String(y) })) });
  out.push({ id: ROW_DIM, label: labels.dimension(ROW_DIM), values: def.rows.map((r) => ({ code: r.code, label: `${r.code} ${label(r)}` })) });
  out.push({ id: COLUMN_DIM, label: labels.dimension(COLUMN_DIM), values: def.columns.map((c) => ({ code: c.code, label: label(c) })) });
  for (const dim of formDimensions(def)) {
    const names = dimensionValueLabels(def, dim, labels.en);
    const codes: string[] = [SDMX_TOTAL];
    for (const part of [...def.rows, ...def.columns]) {
      const code = part.dims[dim];
      if (code && !codes.includes(code)) codes.push(code);
    }
    out.push({ id: dim, label: labels.dimension(dim), values: codes.map((code) => ({ code, label: code === SDMX_TOTAL ? labels.total : (names.get(code) ?? code) })) });
  }
  return out;
}

function firstOf(dim: PivotDimension, prefer?: string): string {
  if (prefer !== undefined && dim.values.some((v) => v.code === prefer)) return prefer;
  return dim.values[0]?.code ?? ANY;
}

/**
 * A complete selection for the chosen row and column dimensions, keeping the previous filters where they still fit:
 * with form rows and columns laid out (or filtered), the SDMX dimensions follow from them and are left at "any";
 * with an SDMX dimension laid out, form rows and columns are left at "any" and the other SDMX dimensions are fixed
 * (to the previous value, else their total, else their first value — the first of these for which, given the
 * observations, some observation still matches), so that each pivot cell is one observation. Area defaults to the
 * nation, year to the latest.
 */
export function completeSelection(
  dimensions: readonly PivotDimension[],
  rows: string,
  columns: string,
  previous: Readonly<Record<string, string>> = {},
  observations: readonly PivotObservation[] = [],
): PivotSelection {
  const ids = dimensions.map((d) => d.id);
  const r = ids.includes(rows) ? rows : (ids.find((d) => d === ROW_DIM) ?? ids[0] ?? '');
  let c = ids.includes(columns) && columns !== r ? columns : (ids.find((d) => d !== r && (d === COLUMN_DIM || d === ROW_DIM)) ?? ids.find((d) => d !== r) ?? '');
  if (c === r) c = '';
  const sdmxMode = isSdmxDim(r) || isSdmxDim(c);
  const filters: Record<string, string> = {};
  const validPrev = (dim: PivotDimension) => {
    const prev = previous[dim.id];
    return prev !== undefined && prev !== ANY && dim.values.some((v) => v.code === prev) ? prev : undefined;
  };
  const laidOut = (dim: PivotDimension) => dim.id === r || dim.id === c;
  for (const dim of dimensions) {
    if (laidOut(dim) || isSdmxDim(dim.id)) continue;
    const valid = validPrev(dim);
    if (dim.id === AREA_DIM) filters[dim.id] = valid ?? firstOf(dim, NATIONAL_AREA);
    else if (dim.id === YEAR_DIM) filters[dim.id] = valid ?? dim.values[dim.values.length - 1]?.code ?? ANY;
    else filters[dim.id] = sdmxMode ? ANY : (valid ?? firstOf(dim));
  }
  for (const dim of dimensions) {
    if (laidOut(dim) || !isSdmxDim(dim.id)) continue;
    if (!sdmxMode) {
      filters[dim.id] = ANY;
      continue;
    }
    const valid = validPrev(dim);
    const candidates = [...new Set([...(valid ? [valid] : []), SDMX_TOTAL, ...dim.values.map((v) => v.code)])].filter((code) => dim.values.some((v) => v.code === code));
    const fits = (code: string) => observations.some((o) => matches(o, { ...filters, [dim.id]: code }, [r, c]));
    filters[dim.id] = (observations.length ? candidates.find(fits) : undefined) ?? valid ?? firstOf(dim, SDMX_TOTAL);
  }
  return { rows: r, columns: c, filters };
}
