import { csvLine } from '../csv.js';
import { cellKey, sdmxStatus, type CellValue } from './cells.js';
import type { FormDefinition } from './form-definition.js';

/** SDMX code of "total" for a dimension a row or column does not break down. */
export const SDMX_TOTAL = '_T';

/** SDMX unit-of-measure codes of the form units. */
const UNIT_CODES = { person: 'PS', fte: 'PS_FTE', count: 'NUMBER', million_vnd: 'VND_MIO' } as const;

/** The domain dimensions of a form, in the order they first appear in its rows, then its columns. */
export function formDimensions(def: FormDefinition): string[] {
  const dims: string[] = [];
  for (const part of [...def.rows, ...def.columns]) for (const d of Object.keys(part.dims)) if (!dims.includes(d)) dims.push(d);
  return dims;
}

/** A cell's full coordinates: its row's and column's dimensions, `_T` for the others. */
export function cellCoordinates(def: FormDefinition, row: string, column: string): Record<string, string> {
  const r = def.rows.find((x) => x.code === row);
  const c = def.columns.find((x) => x.code === column);
  const out: Record<string, string> = {};
  for (const d of formDimensions(def)) out[d] = c?.dims[d] ?? r?.dims[d] ?? SDMX_TOTAL;
  return out;
}

/** Cells of the form whose coordinates collide (must be empty: every cell is one distinct observation). */
export function coordinateCollisions(def: FormDefinition): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const r of def.rows) {
    for (const c of def.columns) {
      const key = JSON.stringify(cellCoordinates(def, r.code, c.code));
      const other = seen.get(key);
      if (other) out.push(`${cellKey(r.code, c.code)} = ${other}`);
      else seen.set(key, cellKey(r.code, c.code));
    }
  }
  return out;
}

/** One series to export: the cells of a reference area (unit, province or the nation) for a period. */
export interface SdmxSeries {
  refArea: string;
  timePeriod: string;
  cell: (row: string, column: string) => CellValue | undefined;
}

/**
 * SDMX-CSV 1.0 (SDMX 2.1 REST, `application/vnd.sdmx.data+csv; version=1.0.0`): the DATAFLOW column
 * (`AGENCY:ID(VERSION)`), all dimensions (REF_AREA, FREQ, TIME_PERIOD, then the form's), OBS_VALUE, then the
 * attributes UNIT_MEASURE, OBS_STATUS (A, M missing, Z not applicable) and CONF_STATUS (F free, C confidential, the
 * value withheld as NaN). One line per cell of every series, RFC 4180, CRLF line ends.
 */
export function toSdmxCsv10(def: FormDefinition, series: readonly SdmxSeries[], opts: { agency: string; version?: string }): string {
  const dims = formDimensions(def);
  const header = ['DATAFLOW', 'REF_AREA', 'FREQ', 'TIME_PERIOD', ...dims, 'OBS_VALUE', 'UNIT_MEASURE', 'OBS_STATUS', 'CONF_STATUS'];
  const flow = `${opts.agency}:${def.dataflow}(${opts.version ?? '1.0'})`;
  let out = csvLine(header);
  for (const s of series) {
    for (const r of def.rows) {
      for (const c of def.columns) {
        const coords = cellCoordinates(def, r.code, c.code);
        const status = sdmxStatus(s.cell(r.code, c.code));
        out += csvLine([flow, s.refArea, 'A', s.timePeriod, ...dims.map((d) => coords[d] as string), status.obsValue, UNIT_CODES[c.unit], status.obsStatus, status.confStatus]);
      }
    }
  }
  return out;
}
