/**
 * A small RFC 4180 CSV reader and writer for task import and export. Reading accepts a UTF-8 byte-order mark, CRLF,
 * LF or CR line ends, quoted fields with doubled quotes, delimiters and line breaks inside quotes, and a comma,
 * semicolon or tab delimiter (detected from the header line, as spreadsheet programs of different locales write
 * them). Writing quotes only when needed, ends lines with CRLF and starts the file with a BOM so that Excel opens
 * Vietnamese text as UTF-8.
 */

/** The UTF-8 byte-order mark as a string. */
export const BOM = '\uFEFF';

/** A CSV text that cannot be read (e.g. a quote that never closes). */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly record: number,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

/** One record: its 1-based number (as a spreadsheet shows the row) and its fields. */
export interface CsvRecord {
  record: number;
  fields: string[];
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/** The delimiter used by the first line: the most frequent of comma, semicolon and tab outside quotes (comma on a tie). */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/**
 * Reads CSV records one by one. Empty lines yield a record with one empty field (callers skip blank records).
 * Throws {@link CsvError} for a quoted field that is not closed before the end of the text.
 */
export function* parseCsv(text: string, delimiter: string = detectDelimiter(text)): Generator<CsvRecord> {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let record = 1;
  if (i >= n) return;
  let fields: string[] = [];
  for (;;) {
    // one field starts at i
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      const startRecord = record;
      let parts = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) throw new CsvError(`A quoted field opened in record ${startRecord} is never closed`, startRecord);
        parts += text.slice(from, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          parts += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // tolerate characters between the closing quote and the delimiter (taken literally, as spreadsheets do)
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === delim || c === CR || c === LF) break;
        j++;
      }
      value = parts + text.slice(i, j);
      i = j;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === delim || c === CR || c === LF) break;
        j++;
      }
      value = text.slice(i, j);
      i = j;
    }
    fields.push(value);
    if (i >= n) {
      yield { record, fields };
      return;
    }
    const c = text.charCodeAt(i);
    if (c === delim) {
      i += 1;
      continue;
    }
    // end of record: CRLF, LF or CR
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    yield { record, fields };
    record += 1;
    fields = [];
    if (i >= n) return;
  }
}

/** The RFC 4180 writer lives in the shared package (SDMX-CSV uses it too). */
export { csvField, csvLine } from '@stinet/shared';

/**
 * Neutralizes spreadsheet formula injection in exported text (OWASP "CSV injection"): a text starting with
 * `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe. {@link unguardFormula} reverses it on import.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Removes the apostrophe {@link guardFormula} adds. */
export function unguardFormula(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
