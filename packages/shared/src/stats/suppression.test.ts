import { describe, expect, it } from 'vitest';
import type { AggregateCell } from './aggregate.js';
import { defineForm } from './form-definition.js';
import { additiveGroups, suppressSmallCells } from './suppression.js';

// a small 2 × 2 table with totals: rows T = A + B, columns C0 = C1 + C2
const def = defineForm({
  code: 'TEST', version: 'T1', regulationVi: 'Thử nghiệm', validFrom: '2020-01-01', validTo: null, reportingLevel: 'province',
  titleVi: 'Bảng thử', titleEn: 'Test table', dataflow: 'DF_TEST',
  rows: [{ code: 'T', labelVi: 'Tổng', labelEn: 'Total' }, { code: 'A', labelVi: 'A', labelEn: 'A', parent: 'T', relation: 'breakdown' }, { code: 'B', labelVi: 'B', labelEn: 'B', parent: 'T', relation: 'breakdown' }],
  columns: [{ code: 'C0', labelVi: 'Tổng', labelEn: 'Total', unit: 'count' }, { code: 'C1', labelVi: '1', labelEn: '1', unit: 'count' }, { code: 'C2', labelVi: '2', labelEn: '2', unit: 'count' }],
  rules: [
    { id: 'rows', kind: 'row_sum', total: 'T', parts: ['A', 'B'], messageVi: 'x', messageEn: 'x' },
    { id: 'cols', kind: 'column_sum', total: 'C0', parts: ['C1', 'C2'], messageVi: 'x', messageEn: 'x' },
  ],
});

const agg = (value: number, reporting: number): AggregateCell => ({ value, reporting, missing: 0, hasConfidential: false });

describe('suppressSmallCells', () => {
  it('lists the additive groups of the sum rules', () => {
    expect(additiveGroups(def)).toContainEqual(['T|C1', 'A|C1', 'B|C1']);
    expect(additiveGroups(def)).toContainEqual(['A|C0', 'A|C1', 'A|C2']);
  });

  it('withholds small cells and enough complementary cells that no sum reveals them', () => {
    const cells = new Map<string, AggregateCell>([
      ['T|C0', agg(30, 12)], ['T|C1', agg(18, 7)], ['T|C2', agg(12, 5)],
      ['A|C0', agg(20, 8)], ['A|C1', agg(16, 6)], ['A|C2', agg(4, 2)],
      ['B|C0', agg(10, 4)], ['B|C1', agg(2, 1)], ['B|C2', agg(8, 3)],
    ]);
    const out = suppressSmallCells(def, cells, { minUnits: 3 });
    expect(out.get('A|C2')).toBe('primary');
    expect(out.get('B|C1')).toBe('primary');
    // every additive group has no withheld cell or at least two
    for (const group of additiveGroups(def)) expect(group.filter((k) => out.has(k)).length).not.toBe(1);
    // the complements chosen are the two other cells of the 2 × 2 core
    expect([...out].filter(([, r]) => r === 'secondary').map(([k]) => k).sort()).toEqual(['A|C1', 'B|C2']);
  });

  it('does not withhold zero or empty cells, and treats a confidential contribution as primary', () => {
    const cells = new Map<string, AggregateCell>([
      ['T|C0', agg(0, 1)], ['A|C0', { value: 5, reporting: 9, missing: 0, hasConfidential: true }], ['B|C0', agg(5, 9)],
    ]);
    const out = suppressSmallCells(def, cells, { minUnits: 3 });
    expect(out.has('T|C0')).toBe(false);
    expect(out.get('A|C0')).toBe('primary');
  });
});
