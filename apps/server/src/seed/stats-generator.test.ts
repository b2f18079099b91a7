import { describe, expect, it } from 'vitest';
import { FORM_02_CS_2015, FORM_03_CS_2015, tabulate, validateForm } from '@stinet/shared';
import { createRng } from './generator.js';
import { generateExpenditure, generateStaff, reportState } from './stats-generator.js';

describe('stats demo generator', () => {
  it('makes staff and expenditure records that tabulate into rule-abiding forms, deterministically', () => {
    for (let i = 0; i < 20; i++) {
      const staff = generateStaff(createRng(i), 5 + i * 7, String((i % 6) + 1));
      const money = generateExpenditure(createRng(i + 100), 5 + i * 7, i % 2 === 0);
      expect(validateForm(FORM_02_CS_2015, tabulate(FORM_02_CS_2015, staff))).toEqual([]);
      expect(validateForm(FORM_03_CS_2015, tabulate(FORM_03_CS_2015, money))).toEqual([]);
    }
    expect(generateStaff(createRng(7), 30, '4')).toEqual(generateStaff(createRng(7), 30, '4'));
  });

  it('accepts older years and spreads the latest over every state', () => {
    const latest = new Set(Array.from({ length: 300 }, (_, i) => reportState(createRng(i), 1).status));
    expect([...latest].sort()).toEqual(['accepted', 'approved', 'draft', 'returned', 'submitted']);
    const older = new Set(Array.from({ length: 300 }, (_, i) => reportState(createRng(i), 3).status));
    expect([...older].sort()).toEqual(['accepted', 'approved']);
  });
});
