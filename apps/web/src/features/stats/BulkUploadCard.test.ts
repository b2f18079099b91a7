import { describe, expect, it, vi } from 'vitest';
import { bulkProblemsOf, bulkXlsxUrl } from './BulkUploadCard';

// the web unit tests run in Node without a DOM: keep the app's i18n set-up (it touches `document`) out of the import graph
vi.mock('../../i18n', () => ({ i18n: { language: 'vi', t: (key: string) => key } }));

describe('bulkProblemsOf', () => {
  it('names the sheet and the place of each problem of a refused bulk upload', () => {
    const problems = bulkProblemsOf([
      { path: 'sheets.ORG0000008.cells.01.C1', code: 'qualification_sum', message: 'Tổng không khớp' },
      { path: 'sheets.ORG0000009.status', code: 'STAT_REPORT_LOCKED', message: 'Đã khóa' },
      { path: 'sheets.ORG0000010.organization', code: 'not_assigned', message: 'Không được giao' },
      { path: 'sheets.ORG0000011.file', code: 'wrong_form', message: 'Sai biểu' },
      { path: 'sheets.ORG0000011.rows.99', code: 'unknown_row', message: 'Không có dòng' },
      { path: 'sheets.ORG0000011.columns.C99', code: 'unknown_column', message: 'Không có cột' },
      { path: 'sheets.ORG0000012', code: 'duplicate_organization', message: 'Hai trang' },
      { path: 'sheets.Bieu 02.v2.organization', code: 'missing_organization', message: 'Thiếu mã' },
      { path: 'file', code: 'wrong_form', message: 'Không có trang biểu' },
    ]);
    expect(problems.map((p) => [p.sheet, p.place])).toEqual([
      ['ORG0000008', { kind: 'cell', row: '01', column: 'C1' }],
      ['ORG0000009', { kind: 'status' }],
      ['ORG0000010', { kind: 'organization' }],
      ['ORG0000011', { kind: 'file' }],
      ['ORG0000011', { kind: 'row', row: '99' }],
      ['ORG0000011', { kind: 'column', column: 'C99' }],
      ['ORG0000012', { kind: 'sheet' }],
      ['Bieu 02.v2', { kind: 'organization' }],
      ['', { kind: 'file' }],
    ]);
    expect(problems[0]).toMatchObject({ code: 'qualification_sum', message: 'Tổng không khớp' });
  });
});

describe('bulkXlsxUrl', () => {
  it('encodes the form code and leaves out an empty unit', () => {
    expect(bulkXlsxUrl('p1', '02/CS-KHCN')).toBe('/api/stats/periods/p1/bulk-xlsx?formCode=02%2FCS-KHCN');
    expect(bulkXlsxUrl('p1', '02/CS-KHCN', 'u1')).toBe('/api/stats/periods/p1/bulk-xlsx?formCode=02%2FCS-KHCN&unitId=u1');
  });
});
