import { describe, expect, it } from 'vitest';
import { cellKey, numericOf } from './cells.js';
import { formOf } from './forms/load.js';
import { prefillForm04, type TaskForStats } from './prefill.js';
import { validateForm } from './validate.js';

const FORM_04_CS_2015 = formOf('04/CS-KHCN');

const base: TaskForStats = { formCode: 'DT', levelCode: 'TINH', fundingType: 'NSNN', budgetStateCentral: 0, budgetStateLocal: 500, fieldCodes2025: ['401'], startedOn: '2024-03-01', acceptedOn: null, piSex: 'F', appliedInYear: false };

describe('prefillForm04', () => {
  it('counts the tasks that ran in the year by level, field, source and stage, and passes the form rules', () => {
    const tasks: TaskForStats[] = [
      base,
      { ...base, startedOn: '2023-05-01', acceptedOn: '2024-10-10', levelCode: 'QG', budgetStateCentral: 900, budgetStateLocal: 0, fieldCodes2025: ['201'], piSex: 'M', appliedInYear: true },
      { ...base, formCode: 'DA_SXTN', fundingType: 'FUND', startedOn: '2022-01-01' },
      { ...base, startedOn: '2025-02-01' }, // not yet begun in 2024
      { ...base, startedOn: '2021-01-01', acceptedOn: '2023-12-20' }, // finished before 2024
      { ...base, formCode: 'CT' }, // programmes are not on this form
    ];
    const cells = prefillForm04(tasks, 2024);
    const v = (r: string, c: string) => numericOf(cells.get(cellKey(r, c)));
    expect([v('01', 'C1'), v('01', 'C2'), v('01', 'C3'), v('01', 'C4'), v('01', 'C5'), v('01', 'C6')]).toEqual([2, 1, 1, 1, 1, 1]);
    expect([v('02', 'C1'), v('04', 'C1'), v('08', 'C1'), v('10', 'C1')]).toEqual([1, 1, 1, 1]); // QG, TINH, field 2, field 4
    expect([v('13', 'C1'), v('14', 'C1'), v('15', 'C1')]).toEqual([2, 1, 1]); // state budget: central and local
    expect([v('20', 'C1'), v('23', 'C1'), v('29', 'C1'), v('38', 'C1'), v('20', 'C4')]).toEqual([1, 1, 1, 1, 1]);
    expect(v('33', 'C1')).toBe(0); // zero is reported, not left missing
    expect(validateForm(FORM_04_CS_2015, cells)).toEqual([]);
  });

  it('leaves woman-led missing where a PI is not a linked researcher', () => {
    const cells = prefillForm04([{ ...base, piSex: null }], 2024);
    expect(cells.has(cellKey('01', 'C2'))).toBe(false);
    expect(numericOf(cells.get(cellKey('01', 'C1')))).toBe(1);
    expect(numericOf(cells.get(cellKey('20', 'C2')))).toBe(0);
  });
});
