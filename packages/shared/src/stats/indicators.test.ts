import { describe, expect, it } from 'vitest';
import type { AggregateCell } from './aggregate.js';
import { INDICATORS, indicatorProblems, indicatorValue } from './indicators.js';
import { loadFormDirectory } from './forms/load.js';

const agg = (value: number | null, missing = 0): AggregateCell => ({ value, reporting: 5, missing, hasConfidential: false });
const byCode = (code: string) => INDICATORS.find((i) => i.code === code) as (typeof INDICATORS)[number];

describe('indicator catalog', () => {
  it('holds the national indicators 1401–1407 and points only at existing form cells', () => {
    expect(INDICATORS.filter((i) => /^14\d\d$/.test(i.code)).map((i) => i.code)).toEqual(['1401', '1402', '1403', '1404', '1405', '1406', '1407']);
    expect(indicatorProblems(loadFormDirectory())).toEqual([]);
    expect(indicatorProblems([])).toContain('1402: unknown form 02/CS-KHCN');
    expect(new Set(INDICATORS.map((i) => i.code)).size).toBe(INDICATORS.length);
  });

  it('computes values and ratios from aggregates, flags incomplete ones, and never turns "not collected" into zero', () => {
    const aggregates = new Map([['02/CS-KHCN', new Map([['01|C1', agg(200, 1)], ['02|C1', agg(80)], ['01|C2', agg(30)]])]]);
    expect(indicatorValue(byCode('1402'), aggregates)).toEqual({ value: 200, incomplete: true });
    expect(indicatorValue(byCode('FEM_SHARE'), aggregates)).toEqual({ value: 40, incomplete: true });
    expect(indicatorValue(byCode('PHD_SHARE'), aggregates)).toEqual({ value: 15, incomplete: true });
    expect(indicatorValue(byCode('1403'), aggregates)).toEqual({ value: null, reason: 'not_collected' });
    expect(indicatorValue(byCode('1407'), aggregates)).toEqual({ value: null, reason: 'no_data' });
    expect(indicatorValue(byCode('1401'), aggregates)).toEqual({ value: null, reason: 'registry' });
  });
});
