import { numericOf, type CellMap, type CellValue } from './cells.js';

/** One aggregated cell: the sum of what the units reported, and how complete it is. */
export interface AggregateCell {
  /** Σ of the units' numbers (values, confidential values, not-applicable as zero); null when no unit has a number. */
  value: number | null;
  /** Units whose number went into the sum. */
  reporting: number;
  /** Units that left the cell missing (or confidential without a number). */
  missing: number;
  /** Some contributing unit marked its value confidential: the aggregate needs disclosure control before publication. */
  hasConfidential: boolean;
}

/**
 * Adds up the cells of several units' reports of one form (organization → province/ministry → national). Zero,
 * missing, not applicable and confidential stay distinguishable: missing cells are counted, not read as zero.
 */
export function aggregateCells(reports: readonly CellMap[]): Map<string, AggregateCell> {
  const out = new Map<string, AggregateCell>();
  const keys = new Set<string>();
  for (const r of reports) for (const k of r.keys()) keys.add(k);
  for (const key of keys) {
    const agg: AggregateCell = { value: null, reporting: 0, missing: 0, hasConfidential: false };
    for (const r of reports) {
      const c: CellValue | undefined = r.get(key);
      const n = numericOf(c);
      if (n === null) {
        agg.missing += 1;
        continue;
      }
      agg.value = (agg.value ?? 0) + n;
      agg.reporting += 1;
      if (c?.state === 'confidential') agg.hasConfidential = true;
    }
    out.set(key, agg);
  }
  return out;
}

/**
 * Rolls unit-level cells up a hierarchy: `parentOf` maps a unit to its parent as of the chosen date of the org-unit
 * registry (so 2024 data can be shown by the 63 old provinces or re-aggregated into the 34 new ones through the
 * succession map). Returns the aggregate of every parent that has at least one unit.
 */
export function rollUp(units: ReadonlyMap<string, CellMap>, parentOf: (unitId: string) => string | null): Map<string, Map<string, AggregateCell>> {
  const byParent = new Map<string, CellMap[]>();
  for (const [unitId, cells] of units) {
    const parent = parentOf(unitId);
    if (parent === null) continue;
    const list = byParent.get(parent) ?? [];
    list.push(cells);
    byParent.set(parent, list);
  }
  return new Map([...byParent].map(([parent, list]) => [parent, aggregateCells(list)]));
}
