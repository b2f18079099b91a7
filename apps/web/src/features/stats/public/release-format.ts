import type { FormDefinition, StatAggregate } from '@stinet/shared';
import { PUBLIC_SYMBOLS, type CellSymbols } from '../../../components/chart-data';

type Cell = StatAggregate['areas'][number]['cells'][number];

/** The text of an aggregate cell in a published table: the value, "c" when withheld, ".." when there is none (never 0). */
export function releaseCellText(cell: Pick<Cell, 'value' | 'suppressed'> | undefined, symbols: CellSymbols = PUBLIC_SYMBOLS, format: (n: number) => string = String): string {
  if (cell?.suppressed) return symbols.withheld;
  if (!cell || cell.value === null) return symbols.noData;
  return format(cell.value);
}

/** The depth of a form row below its top-level row (0 for a top-level row), for indenting the form's layout. */
export function rowDepth(def: Pick<FormDefinition, 'rows'>, code: string): number {
  let depth = 0;
  let row = def.rows.find((r) => r.code === code);
  const seen = new Set<string>();
  while (row?.parent && !seen.has(row.parent) && depth < 20) {
    seen.add(row.parent);
    const parent = row.parent;
    row = def.rows.find((r) => r.code === parent);
    depth += 1;
  }
  return depth;
}
