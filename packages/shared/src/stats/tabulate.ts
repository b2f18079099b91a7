import { cell, cellKey, type CellValue } from './cells.js';
import type { FormDefinition } from './form-definition.js';
import { cellCoordinates, SDMX_TOTAL } from './sdmx.js';

/**
 * One unit-level record (a person, a task, an expenditure item) with, per dimension, every code it belongs to —
 * its leaf code and the codes above it (a task funded by the central state budget is `['NSNN', 'NSNN_TW']`; a task
 * both continued and accepted in the year is `['CONTINUED', 'ACCEPTED']`) — and its weight (1 for a count, an
 * amount for money).
 */
export interface MicroRecord {
  attrs: Readonly<Record<string, readonly string[]>>;
  weight: number;
}

/**
 * Tabulates records onto a form through its cells' SDMX coordinates: a cell is the sum of the weights of the records
 * that carry every code of its coordinates (`_T` matches all). Tables built this way satisfy the form's sum rules
 * whenever each record has exactly one leaf code per breakdown, which makes it the generator of consistent demo and
 * test data and the bridge from registries (tasks, researchers) to forms.
 */
export function tabulate(def: FormDefinition, records: readonly MicroRecord[]): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const { key, coords } of cellFilters(def)) {
    let sum = 0;
    for (const rec of records) if (coords.every(([d, v]) => rec.attrs[d]?.includes(v))) sum += rec.weight;
    out.set(key, cell.value(Math.round(sum * 1000) / 1000));
  }
  return out;
}

/** Each cell's non-total coordinates, computed once per definition (the seed tabulates thousands of reports). */
const filtersByDef = new WeakMap<FormDefinition, { key: string; coords: [string, string][] }[]>();

function cellFilters(def: FormDefinition): { key: string; coords: [string, string][] }[] {
  let filters = filtersByDef.get(def);
  if (!filters) {
    filters = def.rows.flatMap((r) =>
      def.columns.map((c) => ({ key: cellKey(r.code, c.code), coords: Object.entries(cellCoordinates(def, r.code, c.code)).filter(([, v]) => v !== SDMX_TOTAL) })),
    );
    filtersByDef.set(def, filters);
  }
  return filters;
}
