import { describe, expect, it } from 'vitest';
import { cell, cellKey, sdmxStatus, type CellValue } from './cells.js';
import { defineForm, definitionProblems, FormDefinition } from './form-definition.js';
import { findFormDefinition, formsValidOn } from './forms/index.js';
import { formOf, loadFormDirectory } from './forms/load.js';
import { isSubmittable, validateForm } from './validate.js';

const FORM_DEFINITIONS = loadFormDirectory();
const FORM_02_CS_2015 = formOf('02/CS-KHCN');
const FORM_03_CS_2015 = formOf('03/CS-KHCN');
const FORM_04_CS_2015 = formOf('04/CS-KHCN');

/** Cells from `{ 'row|col': number | CellValue }`. */
function cells(entries: Record<string, number | CellValue>): Map<string, CellValue> {
  return new Map(Object.entries(entries).map(([k, v]) => [k, typeof v === 'number' ? cell.value(v) : v]));
}

/** A consistent form 02: 10 people (4 women), 9 Vietnamese (8 Kinh, 1 minority) + 1 foreigner, by qualification and field. */
function valid02(): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  const set = (row: string, byQual: number[], gs = 0, pgs = 0) => {
    const total = byQual.reduce((a, b) => a + b, 0);
    m.set(cellKey(row, 'C1'), cell.value(total));
    byQual.forEach((v, i) => m.set(cellKey(row, `C${i + 2}`), cell.value(v)));
    m.set(cellKey(row, 'C8'), cell.value(gs));
    m.set(cellKey(row, 'C9'), cell.value(pgs));
  };
  set('01', [3, 4, 2, 1, 0, 0], 1, 1);
  set('02', [1, 2, 1, 0, 0, 0]);
  set('03', [2, 4, 2, 1, 0, 0], 0, 1);
  set('04', [2, 3, 2, 1, 0, 0], 0, 1);
  set('05', [0, 1, 0, 0, 0, 0]);
  set('06', [1, 0, 0, 0, 0, 0], 1, 0);
  set('07', [3, 4, 2, 1, 0, 0], 1, 1);
  for (const r of ['08', '09', '10', '11', '12', '13']) set(r, [0, 0, 0, 0, 0, 0]);
  return m;
}

describe('form definitions', () => {
  it('are well formed and unique by code and version', () => {
    for (const f of FORM_DEFINITIONS) expect(definitionProblems(f), f.code).toEqual([]);
    expect(new Set(FORM_DEFINITIONS.map((f) => `${f.code}@${f.version}`)).size).toBe(FORM_DEFINITIONS.length);
    expect(findFormDefinition(FORM_DEFINITIONS, '04/CS-KHCN', 'TT25-2015')?.rows).toHaveLength(38);
    expect(findFormDefinition(FORM_DEFINITIONS, '04/CS-KHCN', 'TT99')).toBeUndefined();
    expect(formsValidOn(FORM_DEFINITIONS, '2017-06-30').filter((f) => f.version === 'TT25-2015').map((f) => f.code)).toEqual(['01/CS-KHCN', '02/CS-KHCN', '03/CS-KHCN', '04/CS-KHCN', '05/CS-KHCN', '06/CS-KHCN']);
    expect(formsValidOn(FORM_DEFINITIONS, '2020-01-01')).toEqual([]);
  });

  it('refuse unknown references with every problem listed', () => {
    const bad = { ...FORM_02_CS_2015, rules: [...FORM_02_CS_2015.rules, { id: 'x', kind: 'row_sum' as const, total: '99', parts: ['01', '98'], severity: 'error' as const, messageVi: 'a', messageEn: 'b' }] };
    expect(() => defineForm(bad)).toThrow(/unknown row 99; rule x: unknown row 98/);
    expect(FormDefinition.safeParse({ ...FORM_02_CS_2015, rows: [] }).success).toBe(false);
  });
});

describe('validateForm', () => {
  it('accepts a consistent report', () => {
    expect(validateForm(FORM_02_CS_2015, valid02())).toEqual([]);
  });

  it('puts each broken rule at its cell, with both languages', () => {
    const m = valid02();
    m.set(cellKey('01', 'C1'), cell.value(11)); // total ≠ Σ qualifications, ≠ Σ nationality, ≠ Σ fields
    m.set(cellKey('02', 'C3'), cell.value(5)); // women with a master's > all with a master's
    m.set(cellKey('05', 'C2'), cell.value(-1));
    m.set(cellKey('06', 'C4'), cell.value(0.5));
    const issues = validateForm(FORM_02_CS_2015, m);
    const at = (ruleId: string) => issues.filter((i) => i.ruleId === ruleId).map((i) => `${i.row}|${i.column}`);
    expect(at('qualification_sum')).toContain('01|C1');
    expect(at('nationality_sum')).toEqual(['01|C1', '01|C4']); // 0.5 of a foreigner also breaks the sum in C4
    expect(at('training_field_sum')).toEqual(['01|C1']);
    expect(at('women_lte_total')).toEqual(['02|C3']);
    expect(at('non_negative')).toEqual(['05|C2']);
    expect(at('whole_number')).toEqual(['06|C4']);
    const one = issues.find((i) => i.ruleId === 'nationality_sum');
    expect(one?.messageVi).toContain('(11 ≠ 10)');
    expect(one?.messageEn).toContain('Vietnamese plus foreigners');
    expect(isSubmittable(issues)).toBe(false);
  });

  it('keeps zero, missing, not applicable and confidential apart', () => {
    const m = valid02();
    // a missing part: the sum cannot be checked, so it is not reported as wrong
    m.delete(cellKey('05', 'C3'));
    m.set(cellKey('04', 'C3'), cell.value(99));
    expect(validateForm(FORM_02_CS_2015, m).filter((i) => i.ruleId === 'ethnicity_sum')).toEqual([]);
    // not applicable counts as zero; a confidential value still counts in the checks
    const n = valid02();
    n.set(cellKey('05', 'C3'), cell.notApplicable());
    n.set(cellKey('04', 'C3'), cell.confidential(5)); // 5 + 0 ≠ 4 Vietnamese with a master's
    expect(validateForm(FORM_02_CS_2015, n).filter((i) => i.ruleId === 'ethnicity_sum').map((i) => i.column)).toEqual(['C3']);
    expect(sdmxStatus(cell.value(0))).toEqual({ obsValue: '0', obsStatus: 'A', confStatus: 'F' });
    expect(sdmxStatus(undefined)).toEqual({ obsValue: 'NaN', obsStatus: 'M', confStatus: 'F' });
    expect(sdmxStatus(cell.notApplicable())).toEqual({ obsValue: 'NaN', obsStatus: 'Z', confStatus: 'F' });
    expect(sdmxStatus(cell.confidential(7))).toEqual({ obsValue: 'NaN', obsStatus: 'A', confStatus: 'C' });
  });

  it('checks money with decimals and nested sums on form 03', () => {
    const m = cells({
      '01|C1': 1000.5, '01|C2': 600.25, '01|C3': 400.25, '01|C4': 0, '01|C5': 0,
      '02|C1': 200, '03|C1': 700.5, '18|C1': 100,
      '04|C1': 300.5, '05|C1': 250, '06|C1': 50.5,
      '07|C1': 100, '08|C1': 300, '09|C1': 100, '10|C1': 0, '11|C1': 150, '12|C1': 50, '13|C1': 0,
      '14|C1': 0, '15|C1': 0, '16|C1': 0, '17|C1': 0,
    });
    expect(validateForm(FORM_03_CS_2015, m)).toEqual([]);
    m.set('11|C1', cell.value(151));
    expect(validateForm(FORM_03_CS_2015, m).map((i) => `${i.ruleId}@${i.row}|${i.column}`)).toEqual(['tasks_sum@08|C1']);
  });

  it('checks the level, field and funding breakdowns of both blocks of form 04', () => {
    const m = new Map<string, CellValue>();
    for (const start of [1, 20]) {
      const r = (n: number) => String(start + n).padStart(2, '0');
      m.set(`${r(0)}|C1`, cell.value(10));
      m.set(`${r(3)}|C1`, cell.value(10)); // provincial
      m.set(`${r(9)}|C1`, cell.value(10)); // agriculture
      m.set(`${r(12)}|C1`, cell.value(8)); // state budget
      m.set(`${r(14)}|C1`, cell.value(8)); // of which local
      m.set(`${r(15)}|C1`, cell.value(2)); // business
      for (const n of [1, 2, 4, 5, 6, 7, 8, 10, 11, 13, 16, 17, 18]) m.set(`${r(n)}|C1`, cell.value(0));
    }
    expect(validateForm(FORM_04_CS_2015, m)).toEqual([]);
    m.set('33|C1', cell.value(1)); // projects, central state budget: NSNN 8 ≠ 1 + 8
    expect(validateForm(FORM_04_CS_2015, m).map((i) => i.ruleId)).toEqual(['DA_state_budget_sum']);
  });

  it('flags year-on-year outliers as warnings only', () => {
    const now = valid02();
    const before = valid02();
    before.set(cellKey('01', 'C1'), cell.value(100));
    const issues = validateForm(FORM_02_CS_2015, now, { previous: before });
    expect(issues.map((i) => [i.ruleId, i.row, i.column, i.severity])).toEqual([['outlier_yoy', '01', 'C1', 'warning']]);
    expect(isSubmittable(issues)).toBe(true);
  });
});
