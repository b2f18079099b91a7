import { describe, expect, it } from 'vitest';
import { BOM, CsvError, csvField, csvLine, detectDelimiter, guardFormula, parseCsv, unguardFormula } from './csv.js';

const records = (text: string, delimiter?: string) => [...parseCsv(text, delimiter)].map((r) => r.fields);

describe('CSV reader (RFC 4180)', () => {
  it('reads plain records with CRLF, LF or CR line ends, with or without a final line break', () => {
    expect(records('a,b\r\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(records('a,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(records('a,b\rc,d\r')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('strips a UTF-8 BOM and keeps Vietnamese text', () => {
    expect(records(`${BOM}Mã,Tên\r\nĐT-01,Nghiên cứu giống lúa\r\n`)).toEqual([['Mã', 'Tên'], ['ĐT-01', 'Nghiên cứu giống lúa']]);
    expect(records(BOM)).toEqual([]);
    expect(records('')).toEqual([]);
  });

  it('reads quoted fields with delimiters, doubled quotes and embedded line breaks, numbering records not lines', () => {
    const text = 'code,content\r\n"A-1","Dòng 1\r\nDòng 2, có dấu phẩy"\r\n"A-2","Nói ""xin chào"""\r\nA-3,\r\n';
    const parsed = [...parseCsv(text)];
    expect(parsed.map((r) => r.fields)).toEqual([
      ['code', 'content'],
      ['A-1', 'Dòng 1\r\nDòng 2, có dấu phẩy'],
      ['A-2', 'Nói "xin chào"'],
      ['A-3', ''],
    ]);
    expect(parsed.map((r) => r.record)).toEqual([1, 2, 3, 4]);
  });

  it('keeps empty fields and empty lines as records', () => {
    expect(records(',a,,\r\n\r\nb')).toEqual([['', 'a', '', ''], [''], ['b']]);
  });

  it('detects the delimiter of the header line (comma, semicolon, tab), ignoring quoted ones', () => {
    expect(detectDelimiter('a,b,c\n1;2')).toBe(',');
    expect(detectDelimiter('a;b;"c,d,e"\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(records('a;"b;c";d\r\n1;2;3')).toEqual([['a', 'b;c', 'd'], ['1', '2', '3']]);
  });

  it('refuses a quote that never closes, naming the record', () => {
    expect(() => records('a,b\r\n"open,c\r\nd')).toThrow(CsvError);
    try {
      records('a,b\r\nc,"open');
    } catch (err) {
      expect((err as CsvError).record).toBe(2);
    }
  });
});

describe('CSV writer', () => {
  it('quotes only what needs quoting and ends lines with CRLF', () => {
    expect(csvLine(['a', 1, null, undefined, true, 1.5])).toBe('a,1,,,true,1.5\r\n');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField('a;b', ';')).toBe('"a;b"');
  });

  it('round-trips any text through writer and reader', () => {
    const rows = [['Mã', 'Nội dung'], ['ĐT-1', 'Dòng 1\r\nDòng 2; "trích dẫn", dấu phẩy'], ['', ' khoảng trắng '], ['=1+1', '-']];
    const text = BOM + rows.map((r) => csvLine(r)).join('');
    expect(records(text)).toEqual(rows);
  });

  it('guards text that a spreadsheet would run as a formula, and the reader side removes the guard', () => {
    expect(guardFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(guardFormula('- nội dung 1')).toBe("'- nội dung 1");
    expect(guardFormula('Bình thường')).toBe('Bình thường');
    expect(unguardFormula(guardFormula('@SUM(A1)'))).toBe('@SUM(A1)');
    expect(unguardFormula("'bình thường")).toBe("'bình thường");
  });
});
