import type { AggregateCell } from './aggregate.js';
import { cellKey } from './cells.js';
import type { FormDefinition } from './form-definition.js';

/** Why a cell is withheld: too few contributors (primary) or to protect a primary cell through a sum (secondary). */
export type SuppressionReason = 'primary' | 'secondary';

/** Options of {@link suppressSmallCells}. */
export interface SuppressionOptions {
  /** A cell with fewer contributing units than this is withheld (e.g. 3: no single unit's value can be read off). */
  minUnits: number;
}

/** The additive groups of a form, as cell keys: [total, ...parts] for every sum rule and every row/column it covers. */
export function additiveGroups(def: FormDefinition): string[][] {
  const rows = def.rows.map((r) => r.code);
  const cols = def.columns.map((c) => c.code);
  const groups: string[][] = [];
  for (const rule of def.rules) {
    if (rule.kind === 'row_sum') {
      for (const c of rule.columns ?? cols) groups.push([cellKey(rule.total, c), ...rule.parts.map((r) => cellKey(r, c))]);
    } else if (rule.kind === 'column_sum') {
      for (const r of rule.rows ?? rows) groups.push([cellKey(r, rule.total), ...rule.parts.map((c) => cellKey(r, c))]);
    }
  }
  return groups;
}

/**
 * Small-cell suppression of an aggregate table. Primary: cells with a value from fewer than `minUnits` units (or
 * a confidential contribution). Secondary (complementary): wherever a sum rule leaves exactly one withheld cell
 * in its group, the smallest other cell of the group is withheld too, so the total and the other parts do not
 * reveal it; repeated until no group has a single withheld cell.
 */
export function suppressSmallCells(def: FormDefinition, cells: ReadonlyMap<string, AggregateCell>, opts: SuppressionOptions): Map<string, SuppressionReason> {
  const out = new Map<string, SuppressionReason>();
  for (const [key, c] of cells) {
    if (c.value === null || c.value === 0) continue; // nothing to disclose in an empty or zero cell
    if (c.reporting < opts.minUnits || c.hasConfidential) out.set(key, 'primary');
  }
  const groups = additiveGroups(def);
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      const withheld = group.filter((k) => out.has(k));
      if (withheld.length !== 1) continue;
      const candidates = group
        .filter((k) => !out.has(k))
        .map((k) => ({ k, v: cells.get(k)?.value ?? null }))
        .filter((x): x is { k: string; v: number } => x.v !== null && x.v !== 0);
      if (candidates.length === 0) continue; // the others are empty or zero: nothing can be inferred beyond them
      candidates.sort((a, b) => a.v - b.v || a.k.localeCompare(b.k));
      out.set((candidates[0] as { k: string }).k, 'secondary');
      changed = true;
    }
  }
  return out;
}
