/** One category of a chart: its label and value; a withheld (suppressed) value is shown as "x" and not drawn. */
export interface ChartRow {
  label: string;
  value: number | null;
  suppressed?: boolean;
}

/** The text of a value in tables and CSV: "x" when suppressed, empty when there is no number. */
export function cellText(row: ChartRow, format: (n: number) => string = String): string {
  if (row.suppressed) return 'x';
  return row.value === null ? '' : format(row.value);
}

function csvField(text: string): string {
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The chart's data as CSV (UTF-8 with a byte-order mark so spreadsheet programs read Vietnamese correctly). */
export function chartCsv(categoryHeader: string, valueHeader: string, rows: readonly ChartRow[]): string {
  const lines = [[categoryHeader, valueHeader], ...rows.map((r) => [r.label, cellText(r)])];
  return `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The rows drawn as bars: those with a number that is not withheld. */
export function drawnRows(rows: readonly ChartRow[]): ChartRow[] {
  return rows.filter((r) => !r.suppressed && r.value !== null);
}
