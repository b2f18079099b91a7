import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { isDateFormat, readXlsx, xmlText, XlsxError } from './xlsx-reader.js';

async function streamed(rows: unknown[][]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('Dữ liệu');
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

describe('XLSX reader', () => {
  it('reads shared strings, numbers, dates, booleans, formulas, rich text and sparse rows of an ExcelJS workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Hướng dẫn').addRow(['Ghi chú']);
    const ws = wb.addWorksheet('Nhiệm vụ');
    ws.getCell('A1').value = 'Mã nhiệm vụ';
    ws.getCell('C1').value = 1500.5;
    ws.getCell('A2').value = new Date(Date.UTC(2026, 2, 1));
    ws.getCell('B2').value = true;
    ws.getCell('C2').value = { formula: 'C1*2', result: 3001 };
    ws.getCell('D2').value = { richText: [{ text: 'Nghiên ' }, { font: { bold: true }, text: 'cứu & <thử>' }] };
    ws.getCell('B4').value = 'Dòng 1\r\nDòng 2';
    const sheets = readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sheets.map((s) => s.name)).toEqual(['Hướng dẫn', 'Nhiệm vụ']);
    const rows = [...(sheets[1]?.rows() ?? [])];
    expect(rows.map((r) => r.row)).toEqual([1, 2, 4]);
    expect(rows[0]?.cells).toEqual(['Mã nhiệm vụ', null, 1500.5]);
    expect(rows[1]?.cells).toEqual([new Date(Date.UTC(2026, 2, 1)), true, 3001, 'Nghiên cứu & <thử>']);
    expect(rows[2]?.cells).toEqual([null, 'Dòng 1\r\nDòng 2']);
  });

  it('keeps Vietnamese letters intact in large sheets of inline strings (no chunk-boundary damage)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`ĐT-${i}`, 'Không', 'Nghiên cứu ứng dụng công nghệ sinh học trong sản xuất giống lúa chịu mặn', i]);
    const sheet = readXlsx(await streamed(rows))[0];
    const read = [...(sheet?.rows() ?? [])];
    expect(read).toHaveLength(3000);
    expect(read.every((r, i) => r.cells[0] === `ĐT-${i}` && r.cells[1] === 'Không' && r.cells[3] === i)).toBe(true);
    expect(new Set(read.map((r) => r.cells[2])).size).toBe(1);
  });

  it('refuses what is not a workbook', () => {
    expect(() => readXlsx(Buffer.from('PK\u0003\u0004 not really a zip'))).toThrow(XlsxError);
    expect(() => readXlsx(Buffer.alloc(100))).toThrow(XlsxError);
  });

  it('decodes XML entities and OOXML escapes, and knows date formats', () => {
    expect(xmlText('a &amp; b &lt;c&gt; &#273;&#x1EA1;_x000D_')).toBe('a & b <c> đạ\r');
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('[$-42A]dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('0.00')).toBe(false);
    expect(isDateFormat('"Ngày"0')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
  });
});
