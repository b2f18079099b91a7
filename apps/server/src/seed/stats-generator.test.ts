import { describe, expect, it } from 'vitest';
import { tabulate, validateForm } from '@stinet/shared';
import { formOf } from '@stinet/shared/node';
import { createRng } from './generator.js';
import { generateAwards, generateCooperation, generateExpenditure, generateStaff, generateTasks, GRASSROOTS_GENERATORS, reportState } from './stats-generator.js';

describe('stats demo generator', () => {
  it('makes staff and expenditure records that tabulate into rule-abiding forms, deterministically', () => {
    const f02 = formOf('02/CS-KHCN');
    const f03 = formOf('03/CS-KHCN');
    for (let i = 0; i < 20; i++) {
      const staff = generateStaff(createRng(i), 5 + i * 7, String((i % 6) + 1));
      const money = generateExpenditure(createRng(i + 100), 5 + i * 7, i % 2 === 0);
      expect(validateForm(f02, tabulate(f02, staff))).toEqual([]);
      expect(validateForm(f03, tabulate(f03, money))).toEqual([]);
    }
    expect(generateStaff(createRng(7), 30, '4')).toEqual(generateStaff(createRng(7), 30, '4'));
  });

  it('fills all six grassroots forms with reports that pass every rule, across many seeds and unit sizes', () => {
    expect(GRASSROOTS_GENERATORS.map(([code]) => code)).toEqual(['01/CS-KHCN', '02/CS-KHCN', '03/CS-KHCN', '04/CS-KHCN', '05/CS-KHCN', '06/CS-KHCN']);
    for (const [code, make] of GRASSROOTS_GENERATORS) {
      const def = formOf(code);
      for (let seed = 0; seed < 150; seed++) {
        const size = 3 + ((seed * 37) % 140);
        const cells = tabulate(def, make(createRng(seed * 7919 + 11), size, String((seed % 6) + 1), seed % 3 === 0));
        expect(cells.size, code).toBe(def.rows.length * def.columns.length);
        expect(validateForm(def, cells), `${code} seed ${seed}`).toEqual([]);
      }
      expect(make(createRng(42), 60, '2', true), code).toEqual(make(createRng(42), 60, '2', true));
    }
  });

  it('gives many units no or few tasks, cooperation and awards, and some units more', () => {
    const tasks = Array.from({ length: 300 }, (_, i) => generateTasks(createRng(i), 40, '1', i % 2 === 0).length);
    const coop = Array.from({ length: 300 }, (_, i) => generateCooperation(createRng(i), 40, '1', false).length);
    const awards = Array.from({ length: 300 }, (_, i) => generateAwards(createRng(i), 40, '1').length);
    for (const counts of [tasks, coop, awards]) {
      expect(counts.filter((n) => n === 0).length).toBeGreaterThan(30);
      expect(counts.some((n) => n > 2)).toBe(true);
    }
    expect(awards.filter((n) => n === 0).length).toBeGreaterThan(150);
  });

  it('accepts older years and spreads the latest over every state', () => {
    const latest = new Set(Array.from({ length: 300 }, (_, i) => reportState(createRng(i), 1).status));
    expect([...latest].sort()).toEqual(['accepted', 'approved', 'draft', 'returned', 'submitted']);
    const older = new Set(Array.from({ length: 300 }, (_, i) => reportState(createRng(i), 3).status));
    expect([...older].sort()).toEqual(['accepted', 'approved']);
  });
});
