/** One field as CSV: quoted when it holds the delimiter, a quote, a line break or leading/trailing spaces. */
export function csvField(value: string | number | boolean | null | undefined, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  if (text === '') return '';
  if (text.includes(delimiter) || /["\r\n]/.test(text) || text.trim() !== text) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** One CSV line (with its CRLF). */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[], delimiter = ','): string {
  return `${values.map((v) => csvField(v, delimiter)).join(delimiter)}\r\n`;
}
