import { describe, expect, it } from 'vitest';
import { cell, cellKey, validateForm, type CellIssue, type CellValue } from '@stinet/shared';
import { formOf } from '@stinet/shared/node';
import {
  applyPaste,
  cellIdPart,
  countIssues,
  draftsAfterPaste,
  formatCell,
  invalidDrafts,
  isSingleValue,
  leaveCell,
  formatNumber,
  issuesByCell,
  issuesInGridOrder,
  moveForKey,
  moveTarget,
  notANumberIssues,
  numberLocaleOf,
  parseCellText,
  parseNumber,
  parsePasteBlock,
  rowDepths,
  sameCell,
  typeInCell,
  type NavigationKey,
} from './grid-logic';

const FORM_02_CS_2015 = formOf('02/CS-KHCN');
const FORM_03_CS_2015 = formOf('03/CS-KHCN');
const FORM_04_CS_2015 = formOf('04/CS-KHCN');

describe('parseNumber', () => {
  it('reads plain integers and decimals in both locales', () => {
    for (const locale of ['vi', 'en'] as const) {
      expect(parseNumber('0', locale)).toBe(0);
      expect(parseNumber('1234', locale)).toBe(1234);
      expect(parseNumber('1234.5', locale)).toBe(1234.5);
      expect(parseNumber('1234,5', locale)).toBe(1234.5);
      expect(parseNumber('  42 ', locale)).toBe(42);
      expect(parseNumber('-7', locale)).toBe(-7);
      expect(parseNumber('+7', locale)).toBe(7);
      expect(parseNumber('−7', locale)).toBe(-7);
      expect(parseNumber('-0', locale)).toBe(0);
      expect(Object.is(parseNumber('-0', locale), 0)).toBe(true);
      expect(parseNumber('0,25', locale)).toBe(0.25);
      expect(parseNumber(',5', locale)).toBe(0.5);
      expect(parseNumber('.5', locale)).toBe(0.5);
    }
  });

  it('reads Vietnamese and English grouped numbers whatever the locale', () => {
    for (const locale of ['vi', 'en'] as const) {
      expect(parseNumber('1.234,5', locale)).toBe(1234.5);
      expect(parseNumber('1,234.5', locale)).toBe(1234.5);
      expect(parseNumber('1.234.567', locale)).toBe(1234567);
      expect(parseNumber('1,234,567', locale)).toBe(1234567);
      expect(parseNumber('1.234.567,89', locale)).toBe(1234567.89);
      expect(parseNumber('1,234,567.89', locale)).toBe(1234567.89);
      expect(parseNumber('1 234 567', locale)).toBe(1234567);
      expect(parseNumber('1\u00a0234,5', locale)).toBe(1234.5);
      expect(parseNumber('1 234.5', locale)).toBe(1234.5);
    }
  });

  it('reads the ambiguous "one separator and three digits" by the locale', () => {
    expect(parseNumber('1.234', 'vi')).toBe(1234);
    expect(parseNumber('1,234', 'vi')).toBe(1.234);
    expect(parseNumber('1.234', 'en')).toBe(1.234);
    expect(parseNumber('1,234', 'en')).toBe(1234);
    expect(parseNumber('12.5', 'vi')).toBe(12.5);
    expect(parseNumber('12,50', 'en')).toBe(12.5);
  });

  it('tolerates a trailing decimal mark while typing', () => {
    expect(parseNumber('12,', 'vi')).toBe(12);
    expect(parseNumber('12.', 'en')).toBe(12);
  });

  it('rejects what is not a number', () => {
    for (const locale of ['vi', 'en'] as const) {
      for (const text of ['', ' ', 'abc', '12a', '1..2', '1,,2', '1.2.3,4.5', '1,23,4', '12.34.5', '1.234,5,6', '1,234.5.6', '--1', '1-2', '1e5', 'NaN', 'Infinity', '1 23', '.', ',', '-', '12 ,5 x']) {
        expect(parseNumber(text, locale), `${locale}: "${text}"`).toBeNull();
      }
    }
  });

  it('round-trips with formatNumber in each locale', () => {
    for (const locale of ['vi', 'en'] as const) {
      for (const n of [0, 1, 7, 999, 1000, 1234, 1.234, 1234.5, 0.1 + 0.2, 12345678.9, -3.25, 1e-7 * 1e7]) {
        expect(parseNumber(formatNumber(n, locale), locale), `${locale}: ${n}`).toBeCloseTo(n, 9);
      }
    }
    expect(formatNumber(1234.5, 'vi')).toBe('1234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1234.5');
    expect(formatNumber(0.1 + 0.2, 'en')).toBe('0.3');
  });

  it('chooses the number locale from the interface language', () => {
    expect(numberLocaleOf('en')).toBe('en');
    expect(numberLocaleOf('en-US')).toBe('en');
    expect(numberLocaleOf('vi')).toBe('vi');
    expect(numberLocaleOf(undefined)).toBe('vi');
  });
});

describe('parseCellText', () => {
  it('keeps the four cell contents apart; zero is a value', () => {
    expect(parseCellText('', 'vi')).toEqual({ ok: true, cell: cell.missing() });
    expect(parseCellText('   ', 'vi')).toEqual({ ok: true, cell: cell.missing() });
    expect(parseCellText('0', 'vi')).toEqual({ ok: true, cell: cell.value(0) });
    expect(parseCellText('-', 'vi')).toEqual({ ok: true, cell: cell.notApplicable() });
    expect(parseCellText('x', 'vi')).toEqual({ ok: true, cell: cell.notApplicable() });
    expect(parseCellText(' X ', 'en')).toEqual({ ok: true, cell: cell.notApplicable() });
    expect(parseCellText('c', 'vi')).toEqual({ ok: true, cell: cell.confidential(null) });
    expect(parseCellText('C 12', 'vi')).toEqual({ ok: true, cell: cell.confidential(12) });
    expect(parseCellText('c1.234,5', 'vi')).toEqual({ ok: true, cell: cell.confidential(1234.5) });
    expect(parseCellText('1.234,5', 'en')).toEqual({ ok: true, cell: cell.value(1234.5) });
    expect(parseCellText('-3', 'en')).toEqual({ ok: true, cell: cell.value(-3) });
  });

  it('refuses text that is not a number', () => {
    expect(parseCellText('mười', 'vi')).toEqual({ ok: false });
    expect(parseCellText('12 người', 'vi')).toEqual({ ok: false });
    expect(parseCellText('cx', 'vi')).toEqual({ ok: false });
    expect(parseCellText('xx', 'vi')).toEqual({ ok: false });
  });

  it('formats every cell so that it reads back the same', () => {
    const samples: (CellValue | undefined)[] = [undefined, cell.missing(), cell.value(0), cell.value(1234.5), cell.value(-2), cell.notApplicable(), cell.confidential(null), cell.confidential(7.25)];
    for (const locale of ['vi', 'en'] as const) {
      for (const c of samples) {
        const parsed = parseCellText(formatCell(c, locale), locale);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(sameCell(parsed.cell, c), `${locale}: ${JSON.stringify(c)}`).toBe(true);
      }
    }
    expect(formatCell(cell.notApplicable(), 'vi')).toBe('x');
    expect(formatCell(cell.confidential(3.5), 'vi')).toBe('c3,5');
    expect(formatCell(undefined, 'vi')).toBe('');
  });

  it('compares cells by state and number', () => {
    expect(sameCell(undefined, cell.missing())).toBe(true);
    expect(sameCell(cell.value(0), cell.missing())).toBe(false);
    expect(sameCell(cell.value(0), cell.notApplicable())).toBe(false);
    expect(sameCell(cell.value(5), cell.confidential(5))).toBe(false);
    expect(sameCell(cell.confidential(null), cell.confidential(null))).toBe(true);
    expect(sameCell(cell.value(1), cell.value(2))).toBe(false);
  });
});

describe('parsePasteBlock', () => {
  it('splits tab-separated lines from Excel (CRLF, trailing line break)', () => {
    expect(parsePasteBlock('1\t2\t3\r\n4\t\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '', '6'],
    ]);
  });

  it('splits LibreOffice (LF) and old Mac (CR) line ends', () => {
    expect(parsePasteBlock('1\t2\n3\t4')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parsePasteBlock('1\r2\r')).toEqual([['1'], ['2']]);
  });

  it('keeps a single value and unquotes quoted cells', () => {
    expect(parsePasteBlock('1.234,5')).toEqual([['1.234,5']]);
    expect(parsePasteBlock('"1,234.5"\t"say ""x"""')).toEqual([['1,234.5', 'say "x"']]);
    expect(parsePasteBlock('')).toEqual([['']]);
  });
});

describe('applyPaste', () => {
  const rows = ['01', '02', '03'];
  const cols = ['C1', 'C2'];

  it('fills the block from the start cell and leaves the rest as it was', () => {
    const before = new Map<string, CellValue>([[cellKey('01', 'C1'), cell.value(9)], [cellKey('03', 'C2'), cell.value(5)]]);
    const result = applyPaste(rows, cols, before, { row: 1, col: 0 }, parsePasteBlock('1.234,5\t0\n-\tc3\n'), 'vi');
    expect(result.clipped).toBe(false);
    expect(result.invalid.size).toBe(0);
    expect(result.cells.get(cellKey('01', 'C1'))).toEqual(cell.value(9));
    expect(result.cells.get(cellKey('02', 'C1'))).toEqual(cell.value(1234.5));
    expect(result.cells.get(cellKey('02', 'C2'))).toEqual(cell.value(0));
    expect(result.cells.get(cellKey('03', 'C1'))).toEqual(cell.notApplicable());
    expect(result.cells.get(cellKey('03', 'C2'))).toEqual(cell.confidential(3));
    expect(before.get(cellKey('03', 'C2'))).toEqual(cell.value(5));
    expect([...result.valid].sort()).toEqual([cellKey('02', 'C1'), cellKey('02', 'C2'), cellKey('03', 'C1'), cellKey('03', 'C2')]);
  });

  it('clips at the right and bottom edges', () => {
    const result = applyPaste(rows, cols, new Map(), { row: 2, col: 1 }, parsePasteBlock('1\t2\t3\n4\t5\t6'), 'en');
    expect(result.clipped).toBe(true);
    expect([...result.cells.entries()]).toEqual([[cellKey('03', 'C2'), cell.value(1)]]);
  });

  it('turns empty texts into missing and keeps non-numbers apart (missing upstream)', () => {
    const before = new Map<string, CellValue>([[cellKey('01', 'C1'), cell.value(9)], [cellKey('01', 'C2'), cell.value(4)]]);
    const result = applyPaste(rows, cols, before, { row: 0, col: 0 }, parsePasteBlock('\tabc'), 'en');
    expect(result.cells.has(cellKey('01', 'C1'))).toBe(false);
    expect(result.cells.has(cellKey('01', 'C2'))).toBe(false);
    expect(before.get(cellKey('01', 'C2'))).toEqual(cell.value(4));
    expect([...result.invalid.entries()]).toEqual([[cellKey('01', 'C2'), 'abc']]);
    expect(result.valid.has(cellKey('01', 'C2'))).toBe(false);
  });

  it('reads English formats in the English locale', () => {
    const result = applyPaste(rows, cols, new Map(), { row: 0, col: 0 }, parsePasteBlock('1,234\t1,234.5'), 'en');
    expect(result.cells.get(cellKey('01', 'C1'))).toEqual(cell.value(1234));
    expect(result.cells.get(cellKey('01', 'C2'))).toEqual(cell.value(1234.5));
  });
});

describe('keyboard navigation', () => {
  const key = (k: string, extra: Partial<NavigationKey> = {}): NavigationKey => ({
    key: k,
    shiftKey: false,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    caretAtStart: false,
    caretAtEnd: false,
    ...extra,
  });

  it('maps Enter, Shift+Enter and the vertical arrows', () => {
    expect(moveForKey(key('Enter'))).toBe('down');
    expect(moveForKey(key('Enter', { shiftKey: true }))).toBe('up');
    expect(moveForKey(key('ArrowDown'))).toBe('down');
    expect(moveForKey(key('ArrowUp'))).toBe('up');
    expect(moveForKey(key('ArrowUp', { shiftKey: true }))).toBeNull();
    expect(moveForKey(key('Enter', { altKey: true }))).toBeNull();
  });

  it('moves sideways with the arrows only when the caret is at the edge of the text', () => {
    expect(moveForKey(key('ArrowLeft'))).toBeNull();
    expect(moveForKey(key('ArrowLeft', { caretAtStart: true }))).toBe('left');
    expect(moveForKey(key('ArrowRight'))).toBeNull();
    expect(moveForKey(key('ArrowRight', { caretAtEnd: true }))).toBe('right');
    expect(moveForKey(key('ArrowRight', { caretAtEnd: true, shiftKey: true }))).toBeNull();
  });

  it('leaves Tab, typing and plain Home/End to the input; Ctrl+Home/End jump', () => {
    expect(moveForKey(key('Tab'))).toBeNull();
    expect(moveForKey(key('Tab', { shiftKey: true }))).toBeNull();
    expect(moveForKey(key('5'))).toBeNull();
    expect(moveForKey(key('Home'))).toBeNull();
    expect(moveForKey(key('Home', { ctrlKey: true }))).toBe('first');
    expect(moveForKey(key('End', { ctrlKey: true }))).toBe('last');
  });

  it('computes targets and stays put at the edges', () => {
    expect(moveTarget({ row: 0, col: 0 }, 'down', 3, 2)).toEqual({ row: 1, col: 0 });
    expect(moveTarget({ row: 2, col: 1 }, 'down', 3, 2)).toBeNull();
    expect(moveTarget({ row: 0, col: 1 }, 'up', 3, 2)).toBeNull();
    expect(moveTarget({ row: 1, col: 0 }, 'left', 3, 2)).toBeNull();
    expect(moveTarget({ row: 1, col: 1 }, 'right', 3, 2)).toBeNull();
    expect(moveTarget({ row: 1, col: 0 }, 'right', 3, 2)).toEqual({ row: 1, col: 1 });
    expect(moveTarget({ row: 2, col: 1 }, 'first', 3, 2)).toEqual({ row: 0, col: 0 });
    expect(moveTarget({ row: 0, col: 0 }, 'last', 3, 2)).toEqual({ row: 2, col: 1 });
    expect(moveTarget({ row: 0, col: 0 }, 'first', 3, 2)).toBeNull();
  });
});

describe('rowDepths', () => {
  it('follows parents (form 02: 01 → 03 → 04)', () => {
    const depths = rowDepths(FORM_02_CS_2015.rows);
    expect(depths.get('01')).toBe(0);
    expect(depths.get('02')).toBe(1);
    expect(depths.get('03')).toBe(1);
    expect(depths.get('04')).toBe(2);
    expect(depths.get('05')).toBe(2);
    expect(depths.size).toBe(FORM_02_CS_2015.rows.length);
  });

  it('gives a depth to every row of every form and survives cycles and unknown parents', () => {
    for (const form of [FORM_02_CS_2015, FORM_03_CS_2015, FORM_04_CS_2015]) {
      const depths = rowDepths(form.rows);
      for (const r of form.rows) {
        expect(depths.get(r.code)).toBe(r.parent === undefined ? 0 : (depths.get(r.parent) ?? -1) + 1);
      }
    }
    const cyclic = rowDepths([
      { code: 'a', parent: 'b' },
      { code: 'b', parent: 'a' },
      { code: 'c', parent: 'zz' },
    ]);
    expect(cyclic.get('a')).toBe(1);
    expect(cyclic.get('b')).toBe(1);
    expect(cyclic.get('c')).toBe(0);
  });
});

describe('issues', () => {
  const issue = (row: string, column: string, severity: 'error' | 'warning', ruleId = 'r'): CellIssue => ({ row, column, ruleId, severity, messageVi: 'v', messageEn: 'e' });

  it('groups by cell, errors first', () => {
    const map = issuesByCell([issue('01', 'C1', 'warning', 'w'), issue('01', 'C1', 'error', 'e'), issue('02', 'C1', 'error')]);
    expect(map.get(cellKey('01', 'C1'))?.map((i) => i.ruleId)).toEqual(['e', 'w']);
    expect(map.get(cellKey('02', 'C1'))).toHaveLength(1);
    expect(map.has(cellKey('03', 'C1'))).toBe(false);
  });

  it('orders in reading order of the grid and counts', () => {
    const list = [issue('02', 'C1', 'error'), issue('01', 'C2', 'warning'), issue('01', 'C1', 'warning'), issue('01', 'C1', 'error')];
    const ordered = issuesInGridOrder(list, ['01', '02'], ['C1', 'C2']);
    expect(ordered.map((i) => `${i.row}${i.column}${i.severity[0]}`)).toEqual(['01C1e', '01C1w', '01C2w', '02C1e']);
    expect(countIssues(list)).toEqual({ errors: 2, warnings: 2 });
    expect(countIssues([])).toEqual({ errors: 0, warnings: 0 });
  });

  it('turns unreadable drafts into cell errors', () => {
    const out = notANumberIssues(new Map([[cellKey('01', 'C1'), 'abc']]), 'Không phải số', 'Not a number');
    expect(out).toEqual([{ row: '01', column: 'C1', ruleId: 'not_a_number', severity: 'error', messageVi: 'Không phải số', messageEn: 'Not a number' }]);
  });

  it('makes DOM-safe id parts', () => {
    expect(cellIdPart('1.2', 'C1')).toBe('1_2-C1');
  });

  it('works with the engine on a pasted form 02 block (live totals)', () => {
    const rows = FORM_02_CS_2015.rows.map((r) => r.code);
    const cols = FORM_02_CS_2015.columns.map((c) => c.code);
    // Total row: C1 = 10 but the qualifications add up to 9.
    const pasted = applyPaste(rows, cols, new Map(), { row: 0, col: 0 }, parsePasteBlock('10\t1\t2\t3\t1\t1\t1\t0\t0\n'), 'vi');
    const issues = validateForm(FORM_02_CS_2015, pasted.cells);
    expect(issues.filter((i) => i.ruleId === 'qualification_sum').map((i) => cellKey(i.row, i.column))).toEqual([cellKey('01', 'C1')]);
  });
});

describe('editing a cell', () => {
  const k = cellKey('01', 'C1');

  it('passes a typed number up and keeps the text as typed while editing', () => {
    const edit = typeInCell(new Map(), new Map(), k, '1.234,5', 'vi');
    expect(edit.cells?.get(k)).toEqual(cell.value(1234.5));
    expect(edit.drafts.get(k)).toBe('1.234,5');
    expect(leaveCell(edit.drafts, k, 'vi').has(k)).toBe(false);
  });

  it('does not call for a change when the content is the same (e.g. "5," after "5")', () => {
    const cells = new Map<string, CellValue>([[k, cell.value(5)]]);
    expect(typeInCell(cells, new Map(), k, '5,', 'vi').cells).toBeNull();
    expect(typeInCell(cells, new Map(), k, '5', 'vi').cells).toBeNull();
  });

  it('types the special entries: empty, "-", "x", "c", "0"', () => {
    const cells = new Map<string, CellValue>([[k, cell.value(5)]]);
    expect(typeInCell(cells, new Map(), k, '', 'vi').cells?.has(k)).toBe(false);
    expect(typeInCell(cells, new Map(), k, '-', 'vi').cells?.get(k)).toEqual(cell.notApplicable());
    expect(typeInCell(cells, new Map(), k, 'x', 'vi').cells?.get(k)).toEqual(cell.notApplicable());
    expect(typeInCell(cells, new Map(), k, 'c', 'vi').cells?.get(k)).toEqual(cell.confidential(null));
    expect(typeInCell(cells, new Map(), k, 'c5', 'vi').cells?.get(k)).toEqual(cell.confidential(5));
    expect(typeInCell(cells, new Map(), k, '0', 'vi').cells?.get(k)).toEqual(cell.value(0));
  });

  it('never passes text that is not a number up as a value, and keeps it with an error until fixed', () => {
    const cells = new Map<string, CellValue>([[k, cell.value(5)]]);
    const edit = typeInCell(cells, new Map(), k, '5a', 'vi');
    expect(edit.cells?.has(k)).toBe(false);
    expect(cells.get(k)).toEqual(cell.value(5));
    expect(invalidDrafts(edit.drafts, 'vi')).toEqual(new Map([[k, '5a']]));
    const left = leaveCell(edit.drafts, k, 'vi');
    expect(left.get(k)).toBe('5a');
    const fixed = typeInCell(edit.cells ?? new Map(), left, k, '5', 'vi');
    expect(fixed.cells?.get(k)).toEqual(cell.value(5));
    expect(invalidDrafts(fixed.drafts, 'vi').size).toBe(0);
    expect(notANumberIssues(invalidDrafts(edit.drafts, 'vi'), 'Không phải số', 'Not a number')[0]?.messageVi).toBe('Không phải số');
  });

  it('updates drafts after a paste and leaves single values to the input', () => {
    const k2 = cellKey('01', 'C2');
    const drafts = new Map([[k, 'abc'], [k2, '7']]);
    const next = draftsAfterPaste(drafts, { valid: new Set([k]), invalid: new Map([[k2, 'zz']]) });
    expect([...next.entries()]).toEqual([[k2, 'zz']]);
    expect(drafts.get(k)).toBe('abc');
    expect(isSingleValue(parsePasteBlock('12\r\n'))).toBe(true);
    expect(isSingleValue(parsePasteBlock('1\t2'))).toBe(false);
    expect(isSingleValue(parsePasteBlock('1\n2'))).toBe(false);
  });
});
