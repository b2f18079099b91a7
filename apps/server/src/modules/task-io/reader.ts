import type { TaskIoFormat } from '@stinet/shared';
import { CsvError, parseCsv } from './csv.js';
import { isBlankRow, matchHeader, missingRequiredColumns, type Cell } from './mapping.js';
import { readXlsx } from './xlsx-reader.js';

/** A file that is not a readable XLSX/CSV of the template; the message says why, in both languages. */
export class UnreadableFileError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'UnreadableFileError';
  }
}

/** Rows searched for the header at the top of each sheet. */
const HEADER_SEARCH_ROWS = 10;

/**
 * The format of an upload decided by its content, never its name: a ZIP container is taken as XLSX (the workbook
 * reader then decides), text in UTF-8 (BOM optional) without NUL bytes as CSV; anything else (legacy .xls, binary,
 * legacy Vietnamese 8-bit encodings) is unreadable.
 */
export function sniffFormat(content: Uint8Array): TaskIoFormat | null {
  if (content.length >= 4 && content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04) return 'xlsx';
  if (content.length === 0 || content.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return 'csv';
  } catch {
    return null;
  }
}

/** One row of one sheet (CSV: sheet 1), 1-based as a spreadsheet shows it. */
export interface SheetRow {
  sheet: number;
  row: number;
  cells: Cell[];
}

async function* xlsxRows(content: Buffer): AsyncGenerator<SheetRow> {
  let sheet = 0;
  for (const ws of readXlsx(content)) {
    sheet += 1;
    for (const row of ws.rows()) yield { sheet, row: row.row, cells: row.cells };
  }
}

async function* csvRows(content: Buffer): AsyncGenerator<SheetRow> {
  const text = new TextDecoder('utf-8').decode(content);
  for (const r of parseCsv(text)) yield { sheet: 1, row: r.record, cells: r.fields };
}

/** An opened import file: its format, the header (column key → position) and the data rows after it. */
export interface ImportTable {
  format: TaskIoFormat;
  header: Map<string, number>;
  headerRow: number;
  /** The data rows of the header's sheet (blank rows skipped), read lazily. Throws {@link UnreadableFileError}. */
  rows: AsyncGenerator<SheetRow>;
}

async function closeQuietly(source: AsyncGenerator<SheetRow>): Promise<void> {
  try {
    await source.return(undefined);
  } catch {
    // the file is being refused anyway
  }
}

function unreadable(err: unknown): UnreadableFileError {
  if (err instanceof UnreadableFileError) return err;
  if (err instanceof CsvError) return new UnreadableFileError(`Tệp CSV hỏng: một trường trong ngoặc kép mở ở dòng ${err.record} không được đóng.`, err.message);
  const detail = err instanceof Error ? err.message : String(err);
  // XlsxError and anything else thrown while reading the container
  return new UnreadableFileError(`Không đọc được tệp XLSX (${detail}).`, `The XLSX file cannot be read (${detail}).`);
}

/**
 * Opens an upload: sniffs the format, reads up to the header row of the first sheet that has one (the template's
 * "Nhiệm vụ" sheet; a second header row with the field keys is skipped) and checks that every required column is
 * there. Throws {@link UnreadableFileError} when the file is not a readable XLSX/CSV of the template.
 */
export async function openImportTable(content: Buffer): Promise<ImportTable> {
  const format = sniffFormat(content);
  if (!format) {
    throw new UnreadableFileError(
      'Tệp không phải XLSX hoặc CSV (UTF-8). Hãy dùng tệp mẫu; tệp .xls cũ hoặc văn bản mã TCVN3/VNI cần chuyển sang XLSX hoặc CSV UTF-8.',
      'The file is neither XLSX nor CSV (UTF-8). Use the template; convert legacy .xls files or TCVN3/VNI text to XLSX or UTF-8 CSV.',
    );
  }
  const source = format === 'xlsx' ? xlsxRows(content) : csvRows(content);
  let header: Map<string, number> | null = null;
  let headerRow = 0;
  let headerSheet = 0;
  let pending: SheetRow | null = null;
  try {
    for (;;) {
      const next = await source.next();
      if (next.done) break;
      const r = next.value;
      if (r.row > HEADER_SEARCH_ROWS) continue; // keep reading: a later sheet may hold the table
      const found = matchHeader(r.cells);
      if (found) {
        header = found;
        headerRow = r.row;
        headerSheet = r.sheet;
        break;
      }
    }
    if (header) {
      // skip blank rows and a second header row (the field keys) right after the header
      for (;;) {
        const next = await source.next();
        if (next.done || next.value.sheet !== headerSheet) break;
        if (isBlankRow(next.value.cells)) continue;
        if (next.value.row <= headerRow + 1 && matchHeader(next.value.cells)) continue;
        pending = next.value;
        break;
      }
    }
  } catch (err) {
    await closeQuietly(source);
    throw unreadable(err);
  }
  if (!header) {
    await closeQuietly(source);
    throw new UnreadableFileError(
      'Không tìm thấy dòng tiêu đề của mẫu nhập nhiệm vụ (ví dụ "Mã nhiệm vụ", "Tên nhiệm vụ", …) trong 10 dòng đầu của trang tính.',
      'No header row of the task import template (e.g. "code", "titleVi", …) was found in the first 10 rows of a sheet.',
    );
  }
  const missing = missingRequiredColumns(header);
  if (missing.length) {
    await closeQuietly(source);
    throw new UnreadableFileError(
      `Tệp thiếu cột bắt buộc: ${missing.map((c) => `"${c.labelVi}"`).join(', ')}.`,
      `The file lacks required columns: ${missing.map((c) => c.key).join(', ')}.`,
    );
  }
  const first = pending;
  const sheet = headerSheet;
  async function* rows(): AsyncGenerator<SheetRow> {
    try {
      if (first) yield first;
      if (!first) return;
      for (;;) {
        const next = await source.next();
        if (next.done || next.value.sheet !== sheet) return;
        if (!isBlankRow(next.value.cells)) yield next.value;
      }
    } catch (err) {
      throw unreadable(err);
    } finally {
      await closeQuietly(source);
    }
  }
  return { format, header, headerRow, rows: rows() };
}
