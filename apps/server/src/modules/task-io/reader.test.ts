import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { TASK_IMPORT_COLUMNS } from '@stinet/shared';
import { BOM, csvLine } from './csv.js';
import { openImportTable, sniffFormat, UnreadableFileError, type SheetRow } from './reader.js';

const keys = TASK_IMPORT_COLUMNS.map((c) => c.key);
const labels = TASK_IMPORT_COLUMNS.map((c) => c.labelVi);

async function all(rows: AsyncGenerator<SheetRow>): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

describe('format sniffing', () => {
  it('decides by content: ZIP → xlsx, UTF-8 text → csv, binary and legacy 8-bit text → none', () => {
    expect(sniffFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toBe('xlsx');
    expect(sniffFormat(Buffer.from(`${BOM}Mã,Tên\r\n`, 'utf8'))).toBe('csv');
    expect(sniffFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBeNull(); // legacy .xls
    expect(sniffFormat(Buffer.from('abc\0def'))).toBeNull();
    expect(sniffFormat(Buffer.from([0x4d, 0xe3, 0x20, 0x76]))).toBeNull();
    expect(sniffFormat(Buffer.alloc(0))).toBeNull();
  });
});

describe('opening an import table', () => {
  it('finds the CSV header (labels), skips the key row and blank rows, numbers data rows as a spreadsheet does', async () => {
    const text = BOM + csvLine(labels) + csvLine(keys) + '\r\n' + csvLine(keys.map((k) => (k === 'code' ? 'A-1' : 'x'))) + csvLine(keys.map(() => '')) + csvLine(keys.map((k) => (k === 'code' ? 'A-2' : 'y')));
    const table = await openImportTable(Buffer.from(text, 'utf8'));
    expect([table.format, table.headerRow, table.header.get('code'), table.header.get('isStateSecret')]).toEqual(['csv', 1, 0, keys.length - 1]);
    expect((await all(table.rows)).map((r) => [r.row, r.cells[0]])).toEqual([[4, 'A-1'], [6, 'A-2']]);
  });

  it('finds the data sheet of a workbook after other sheets, with the header below a title', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chú').addRow(['Bảng này không phải dữ liệu']);
    const ws = wb.addWorksheet('Dữ liệu');
    ws.addRow(['DANH SÁCH NHIỆM VỤ NĂM 2026']);
    ws.addRow(keys);
    ws.addRow(keys.map((k) => (k === 'code' ? 'B-1' : k === 'startDate' ? new Date(Date.UTC(2026, 0, 2)) : 'v')));
    wb.addWorksheet('Sau').addRow(keys.map((k) => (k === 'code' ? 'KHÔNG-ĐỌC' : 'z')));
    const table = await openImportTable(Buffer.from(await wb.xlsx.writeBuffer()));
    expect([table.format, table.headerRow]).toEqual(['xlsx', 2]);
    const rows = await all(table.rows);
    expect(rows.map((r) => r.cells[0])).toEqual(['B-1']);
    expect(rows[0]?.cells[keys.indexOf('startDate')]).toEqual(new Date(Date.UTC(2026, 0, 2)));
  });

  it('refuses files without the template header or with a required column missing', async () => {
    await expect(openImportTable(Buffer.from('một,hai,ba\r\n1,2,3\r\n'))).rejects.toBeInstanceOf(UnreadableFileError);
    const missing = keys.filter((k) => k !== 'piName');
    await expect(openImportTable(Buffer.from(csvLine(missing)))).rejects.toThrow(/piName/);
    await expect(openImportTable(Buffer.from('code,"titleVi\r\n'))).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(openImportTable(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 9, 9, 9]))).rejects.toBeInstanceOf(UnreadableFileError);
  });

  it('gives no rows for a header with nothing under it', async () => {
    const table = await openImportTable(Buffer.from(csvLine(keys)));
    expect(await all(table.rows)).toEqual([]);
  });
});
