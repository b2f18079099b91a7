import { describe, expect, it } from 'vitest';
import { cellKey, numericOf } from './cells.js';
import { formOf } from './forms/load.js';
import { tabulate, type MicroRecord } from './tabulate.js';
import { validateForm } from './validate.js';

const FORM_02_CS_2015 = formOf('02/CS-KHCN');
const FORM_03_CS_2015 = formOf('03/CS-KHCN');

/** A deterministic small population of S&T staff. */
function people(n: number): MicroRecord[] {
  const quals = ['TS', 'THS', 'DH', 'CD', 'TC', 'OTH'];
  return Array.from({ length: n }, (_, i) => {
    const foreign = i % 17 === 0;
    return {
      weight: 1,
      attrs: {
        SEX: [i % 3 === 0 ? 'F' : 'M'],
        NATIONALITY: [foreign ? 'FOREIGN' : 'VN'],
        ETHNICITY: foreign ? [] : [i % 11 === 0 ? 'MINORITY' : 'KINH'],
        TRAINING_FIELD: [i % 9 === 8 ? 'OTH' : String((i % 6) + 1)],
        QUALIFICATION: [quals[i % quals.length] as string],
        TITLE: i % 23 === 0 ? ['GS'] : i % 7 === 0 ? ['PGS'] : [],
      },
    };
  });
}

describe('tabulate', () => {
  it('turns unit-level records into a form 02 that satisfies every rule', () => {
    const cells = tabulate(FORM_02_CS_2015, people(250));
    expect(numericOf(cells.get(cellKey('01', 'C1')))).toBe(250);
    expect(numericOf(cells.get(cellKey('02', 'C1')))).toBe(84); // i % 3 === 0 for i < 250
    expect(validateForm(FORM_02_CS_2015, cells)).toEqual([]);
  });

  it('sums amounts through hierarchical codes on form 03', () => {
    const items: MicroRecord[] = [
      { weight: 120.5, attrs: { PURPOSE: ['RECURRENT', 'STAFF', 'SALARY'], FUNDING: ['NSNN_DP'] } },
      { weight: 300, attrs: { PURPOSE: ['RECURRENT', 'TASKS'], TASK_LEVEL: ['TINH'], FUNDING: ['NSNN_DP'] } },
      { weight: 80, attrs: { PURPOSE: ['RECURRENT', 'TASKS'], TASK_LEVEL: ['QG'], FUNDING: ['NSNN_TW'] } },
      { weight: 50, attrs: { PURPOSE: ['INVEST'], FUNDING: ['NON_NSNN'] } },
    ];
    const cells = tabulate(FORM_03_CS_2015, items);
    const v = (r: string, c: string) => numericOf(cells.get(cellKey(r, c)));
    expect([v('01', 'C1'), v('03', 'C1'), v('08', 'C1'), v('11', 'C3'), v('09', 'C2'), v('02', 'C4')]).toEqual([550.5, 500.5, 380, 300, 80, 50]);
    expect(validateForm(FORM_03_CS_2015, cells)).toEqual([]);
  });
});
