import { describe, expect, it } from 'vitest';
import { STAFF_SYMBOLS } from '../../../components/chart-data';
import { releaseCellText, rowDepth } from './release-format';

describe('release tables', () => {
  it('write withheld cells as "c", cells without a value as "..", and keep zeros', () => {
    expect(releaseCellText({ value: 12, suppressed: null })).toBe('12');
    expect(releaseCellText({ value: 0, suppressed: null })).toBe('0');
    expect(releaseCellText({ value: null, suppressed: 'primary' })).toBe('c');
    expect(releaseCellText({ value: null, suppressed: 'secondary' }, STAFF_SYMBOLS)).toBe('x');
    expect(releaseCellText({ value: null, suppressed: null })).toBe('..');
    expect(releaseCellText(undefined)).toBe('..');
  });

  it('indent rows by their depth under the top-level row', () => {
    const def = { rows: [{ code: '01' }, { code: '03', parent: '01' }, { code: '04', parent: '03' }, { code: 'X', parent: 'X' }] } as const;
    expect(['01', '03', '04', 'X', '??'].map((c) => rowDepth(def as never, c))).toEqual([0, 1, 2, 1, 0]);
  });
});
