import { cellKey, type CellIssue, type CellMap, type CellValue, type ErrorDetail, type FormDefinition, type StatCell, type StatCellInput } from '@stinet/shared';

/**
 * Conversions between the API's report cells and the grid's cell map, and the server's cell errors as grid issues.
 * Free of the API client (and so of the DOM), for unit tests in Node.
 */

/** A refused save or submission: an API error (`ApiError`) with the code `STAT_VALIDATION_FAILED`. */
function isRefusedSave(error: unknown): error is { code: string; details: ErrorDetail[] } {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; details?: unknown };
  return e.code === 'STAT_VALIDATION_FAILED' && Array.isArray(e.details);
}

/** The stored cells of a report as the grid's cell map. */
export function cellMapOfReport(cells: readonly StatCell[]): CellMap {
  const map = new Map<string, CellValue>();
  for (const c of cells) {
    if (c.state === 'value') map.set(cellKey(c.row, c.column), { state: 'value', value: c.value ?? 0 });
    else if (c.state === 'not_applicable') map.set(cellKey(c.row, c.column), { state: 'not_applicable' });
    else map.set(cellKey(c.row, c.column), { state: 'confidential', value: c.value });
  }
  return map;
}

/** Every cell of the form as a save body: the map's cells, and `missing` for the others (clears them on the server). */
export function cellInputsOf(definition: FormDefinition, cells: CellMap): StatCellInput[] {
  const out: StatCellInput[] = [];
  for (const r of definition.rows) {
    for (const c of definition.columns) {
      const v = cells.get(cellKey(r.code, c.code));
      if (!v || v.state === 'missing') out.push({ row: r.code, column: c.code, state: 'missing' });
      else if (v.state === 'value') out.push({ row: r.code, column: c.code, state: 'value', value: v.value });
      else if (v.state === 'not_applicable') out.push({ row: r.code, column: c.code, state: 'not_applicable' });
      else out.push({ row: r.code, column: c.code, state: 'confidential', value: v.value });
    }
  }
  return out;
}

/**
 * The cell errors of a refused save (422 `STAT_VALIDATION_FAILED`, details at `cells.<row>.<column>`) as grid issues;
 * the server's message is already in the caller's language. Empty for any other error.
 */
export function serverCellIssues(error: unknown): CellIssue[] {
  if (!isRefusedSave(error)) return [];
  const out: CellIssue[] = [];
  for (const d of error.details) {
    const match = /^cells\.([^.]+)\.([^.]+)$/.exec(d.path);
    if (!match) continue;
    const [, row = '', column = ''] = match;
    out.push({ row, column, ruleId: d.code ?? 'server', severity: 'error', messageVi: d.message, messageEn: d.message });
  }
  return out;
}
