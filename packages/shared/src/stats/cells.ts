import { z } from 'zod';

/**
 * The four kinds of cell content, kept apart from entry to export (statistics-anchors.md, lessons §d.6):
 * a value (zero is a value: "no patents" is information), missing (not reported), not applicable (the cell does not
 * apply to the unit), confidential (reported, but never published as such).
 */
export const CELL_STATES = ['value', 'missing', 'not_applicable', 'confidential'] as const;
export const CellState = z.enum(CELL_STATES);
export type CellState = z.infer<typeof CellState>;

/** One cell: its state and, for values and confidential cells, the number. */
export const CellValue = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('value'), value: z.number().finite() }),
  z.strictObject({ state: z.literal('missing') }),
  z.strictObject({ state: z.literal('not_applicable') }),
  z.strictObject({ state: z.literal('confidential'), value: z.number().finite().nullable() }),
]);
export type CellValue = z.infer<typeof CellValue>;

/** Shorthands. */
export const cell = {
  value: (value: number): CellValue => ({ state: 'value', value }),
  missing: (): CellValue => ({ state: 'missing' }),
  notApplicable: (): CellValue => ({ state: 'not_applicable' }),
  confidential: (value: number | null): CellValue => ({ state: 'confidential', value }),
};

/** The key of a cell in a form: `row|column`. */
export function cellKey(row: string, column: string): string {
  return `${row}|${column}`;
}

/** The cells of one form instance by {@link cellKey}; absent keys are missing. */
export type CellMap = ReadonlyMap<string, CellValue>;

/**
 * The number a cell contributes to checks and sums: values and confidential values count, not-applicable counts as
 * zero, missing (or a confidential cell without a value) is unknown (null).
 */
export function numericOf(c: CellValue | undefined): number | null {
  if (!c || c.state === 'missing') return null;
  if (c.state === 'not_applicable') return 0;
  return c.value;
}

/** SDMX observation attributes of a cell: OBS_STATUS (A normal, M missing, Z not applicable) and CONF_STATUS (F free, C confidential). */
export function sdmxStatus(c: CellValue | undefined): { obsValue: string; obsStatus: 'A' | 'M' | 'Z'; confStatus: 'F' | 'C' } {
  if (!c || c.state === 'missing') return { obsValue: 'NaN', obsStatus: 'M', confStatus: 'F' };
  if (c.state === 'not_applicable') return { obsValue: 'NaN', obsStatus: 'Z', confStatus: 'F' };
  if (c.state === 'confidential') return { obsValue: 'NaN', obsStatus: 'A', confStatus: 'C' };
  return { obsValue: String(c.value), obsStatus: 'A', confStatus: 'F' };
}
