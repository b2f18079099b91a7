/** One category of a chart: its label and value; a withheld (suppressed) value is shown as "x" and not drawn. */
export interface ChartRow {
  label: string;
  value: number | null;
  suppressed?: boolean;
}

/** The symbols a table or CSV writes for cells without a number. */
export interface CellSymbols {
  /** A value withheld for confidentiality (small-cell suppression). */
  withheld: string;
  /** No value (missing, not reported). */
  noData: string;
}

/** The staff dashboard's symbols: "x" for withheld, nothing for no data. */
export const STAFF_SYMBOLS: CellSymbols = { withheld: 'x', noData: '' };

/** The symbols of published statistics: "c" (confidential) for withheld, ".." for no data. */
export const PUBLIC_SYMBOLS: CellSymbols = { withheld: 'c', noData: '..' };

/** The text of a value in tables and CSV: the withheld symbol ("x") when suppressed, the no-data symbol (empty) when there is no number. */
export function cellText(row: ChartRow, format: (n: number) => string = String, symbols: CellSymbols = STAFF_SYMBOLS): string {
  if (row.suppressed) return symbols.withheld;
  return row.value === null ? symbols.noData : format(row.value);
}

function csvField(text: string): string {
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The chart's data as CSV (UTF-8 with a byte-order mark so spreadsheet programs read Vietnamese correctly). */
export function chartCsv(categoryHeader: string, valueHeader: string, rows: readonly ChartRow[], symbols: CellSymbols = STAFF_SYMBOLS): string {
  const lines = [[categoryHeader, valueHeader], ...rows.map((r) => [r.label, cellText(r, String, symbols)])];
  return `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The rows drawn as bars: those with a number that is not withheld. */
export function drawnRows(rows: readonly ChartRow[]): ChartRow[] {
  return rows.filter((r) => !r.suppressed && r.value !== null);
}
