import { describe, expect, it } from 'vitest';
import { TASK_IMPORT_COLUMNS } from '@stinet/shared';
import { codeText, foldHeader, formatMembers, headerKey, matchHeader, missingRequiredColumns, parseBooleanCell, parseDateCell, parseMembers, parseMoneyCell, readRow, type Cell } from './mapping.js';

describe('header matching', () => {
  it('has no two columns whose key or labels fold alike', () => {
    const names = TASK_IMPORT_COLUMNS.flatMap((c) => [...new Set([c.key, c.labelVi, c.labelEn].map(foldHeader))].map((n) => `${n}|${c.key}`));
    const byName = new Map<string, string>();
    for (const entry of names) {
      const [name, key] = entry.split('|') as [string, string];
      expect(byName.get(name) ?? key, name).toBe(key);
      byName.set(name, key);
    }
  });

  it('recognizes a column by key, Vietnamese label (with or without diacritics and *), or English label', () => {
    expect(headerKey('Mã nhiệm vụ *')).toBe('code');
    expect(headerKey('MA NHIEM VU')).toBe('code');
    expect(headerKey('titleVi')).toBe('titleVi');
    expect(headerKey('Principal investigator')).toBe('piName');
    expect(headerKey('Trạng thái')).toBeUndefined();
    expect(headerKey(42)).toBeUndefined();
  });

  it('takes a row as the header only when it names enough columns, and reports missing required ones', () => {
    expect(matchHeader(['Danh sách', 'code', 'titleVi'])).toBeNull();
    const header = matchHeader(['STT', 'code', 'titleVi', 'levelCode', 'formCode', 'fundingType', 'code']);
    expect(header && [...header.entries()]).toEqual([['code', 1], ['titleVi', 2], ['levelCode', 3], ['formCode', 4], ['fundingType', 5]]);
    expect(missingRequiredColumns(header ?? new Map()).map((c) => c.key)).toEqual(['managingUnitCode', 'leadOrganizationCode', 'piName', 'fieldCodes2025', 'startDate', 'endDate', 'objectives', 'content', 'expectedProducts', 'isStateSecret']);
  });
});

describe('cell conversion', () => {
  it('reads dates from Excel dates, Excel day numbers and text (ISO or DD/MM/YYYY), refusing impossible dates', () => {
    expect(parseDateCell(new Date(Date.UTC(2026, 2, 1)))).toEqual({ ok: true, value: '2026-03-01' });
    expect(parseDateCell(46082)).toEqual({ ok: true, value: '2026-03-01' });
    expect(parseDateCell('2026-3-1')).toEqual({ ok: true, value: '2026-03-01' });
    expect(parseDateCell('01/03/2026')).toEqual({ ok: true, value: '2026-03-01' });
    expect(parseDateCell('1.3.2026')).toEqual({ ok: true, value: '2026-03-01' });
    expect(parseDateCell('')).toEqual({ ok: true, value: null });
    expect(parseDateCell(null)).toEqual({ ok: true, value: null });
    for (const bad of ['2026-02-30', '31/02/2026', 'ngày 1 tháng 3', '03/2026'] as Cell[]) expect(parseDateCell(bad)).toMatchObject({ ok: false, issue: { code: 'INVALID_DATE' } });
    expect(parseDateCell(1.5)).toMatchObject({ ok: false });
  });

  it('reads money in million VND: numbers, a decimal point or a lone decimal comma; refuses thousands separators and words', () => {
    expect(parseMoneyCell(1500)).toEqual({ ok: true, value: 1500 });
    expect(parseMoneyCell(' 1500.5 ')).toEqual({ ok: true, value: 1500.5 });
    expect(parseMoneyCell('1500,5')).toEqual({ ok: true, value: 1500.5 });
    expect(parseMoneyCell('-5')).toEqual({ ok: true, value: -5 }); // the schema then refuses negatives
    expect(parseMoneyCell('')).toEqual({ ok: true, value: null });
    for (const bad of ['1.500.000', '1,500,000', '1,5 tỷ', 'abc']) expect(parseMoneyCell(bad)).toMatchObject({ ok: false, issue: { code: 'INVALID_NUMBER' } });
  });

  it('reads yes/no in Vietnamese and English', () => {
    for (const yes of ['Có', 'co', 'YES', 'true', '1', 1, true] as Cell[]) expect(parseBooleanCell(yes)).toEqual({ ok: true, value: true });
    for (const no of ['Không', 'khong', 'No', 'FALSE', '0', 0, false] as Cell[]) expect(parseBooleanCell(no)).toEqual({ ok: true, value: false });
    expect(parseBooleanCell('')).toEqual({ ok: true, value: null });
    expect(parseBooleanCell('có lẽ')).toMatchObject({ ok: false, issue: { code: 'INVALID_BOOLEAN' } });
  });

  it('splits member lists, marks the scientific secretary, and formats them back', () => {
    const members = parseMembers('ThS. Trần Thị Mai; KS. Lê Văn Tâm (thư ký) ;; PGS. Đỗ Hùng (Thư Ký Khoa Học)');
    expect(members).toEqual([
      { fullName: 'ThS. Trần Thị Mai', role: 'member' },
      { fullName: 'KS. Lê Văn Tâm', role: 'secretary' },
      { fullName: 'PGS. Đỗ Hùng', role: 'secretary' },
    ]);
    expect(parseMembers(formatMembers(members))).toEqual(members);
    expect(parseMembers(null)).toEqual([]);
  });

  it('keeps two-digit province codes typed as numbers', () => {
    expect(codeText(1, 2)).toBe('01');
    expect(codeText('79', 2)).toBe('79');
    expect(codeText('BKHCN', 2)).toBe('BKHCN');
  });
});

describe('row reading', () => {
  const header = new Map(TASK_IMPORT_COLUMNS.map((c, i) => [c.key, i]));
  const cells = (values: Record<string, Cell>): Cell[] => TASK_IMPORT_COLUMNS.map((c) => values[c.key] ?? null);

  it('converts a full row by the header', () => {
    const { values, issues } = readRow(
      cells({
        code: ' ĐT-2026-01 ',
        titleVi: 'Nghiên cứu',
        levelCode: 'tinh',
        formCode: 'dt',
        fundingType: 'nsnn',
        managingUnitCode: 1,
        leadOrganizationCode: 'org0000001',
        piName: 'TS. A',
        members: 'B; C (thư ký)',
        fieldCodes2025: '401;402',
        startDate: '01/03/2026',
        endDate: new Date(Date.UTC(2027, 11, 31)),
        budgetTotal: '100',
        objectives: 'M',
        content: "'- nội dung",
        expectedProducts: 'S',
        isStateSecret: 'Không',
      }),
      header,
    );
    expect(issues).toEqual([]);
    expect(values).toMatchObject({
      code: 'ĐT-2026-01',
      levelCode: 'TINH',
      formCode: 'DT',
      fundingType: 'NSNN',
      managingUnitCode: '01',
      leadOrganizationCode: 'ORG0000001',
      members: [{ fullName: 'B', role: 'member' }, { fullName: 'C', role: 'secretary' }],
      fieldCodes2025: ['401', '402'],
      startDate: '2026-03-01',
      endDate: '2027-12-31',
      budgetTotal: 100,
      budgetOther: null,
      content: '- nội dung',
      isStateSecret: false,
      titleEn: '',
    });
  });

  it('reports one problem per cell: unreadable values first, then empty required cells', () => {
    const { issues } = readRow(cells({ code: 'X', startDate: 'hôm qua', budgetTotal: '1.000.000', isStateSecret: 'chưa rõ' }), header);
    const byColumn = new Map(issues.map((i) => [i.column, i.code]));
    expect(byColumn.get('startDate')).toBe('INVALID_DATE');
    expect(byColumn.get('budgetTotal')).toBe('INVALID_NUMBER');
    expect(byColumn.get('isStateSecret')).toBe('INVALID_BOOLEAN');
    expect(byColumn.get('titleVi')).toBe('REQUIRED');
    expect(byColumn.get('endDate')).toBe('REQUIRED');
    expect(byColumn.has('code')).toBe(false);
    expect(issues.filter((i) => i.column === 'startDate')).toHaveLength(1);
    for (const i of issues) expect(i.vi && i.en).toBeTruthy();
  });
});
