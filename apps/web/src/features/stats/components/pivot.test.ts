import type { FormDefinition, StatAggregate } from '@stinet/shared';
import { describe, expect, it } from 'vitest';
import { PUBLIC_SYMBOLS } from '../../../components/chart-data';
import { ANY, AREA_DIM, COLUMN_DIM, completeSelection, dimensionValueLabels, NATIONAL_AREA, observationsOf, pivot, pivotCellText, pivotCsv, pivotDimensions, ROW_DIM, YEAR_DIM, type DimensionLabels } from './pivot';

const def: FormDefinition = {
  code: '02/T',
  version: 'V1',
  regulationVi: 'Thông tư',
  validFrom: '2015-01-01',
  validTo: null,
  reportingLevel: 'unit',
  titleVi: 'Nhân lực',
  titleEn: 'Staff',
  dataflow: 'DF_T',
  rows: [
    { code: '01', labelVi: 'Tổng số', labelEn: 'Total', dims: {} },
    { code: '02', labelVi: 'Trong đó: nữ', labelEn: 'Of which: women', parent: '01', relation: 'of_which', dims: { SEX: 'F' } },
  ],
  columns: [
    { code: 'C1', labelVi: 'Tổng số', labelEn: 'Total', unit: 'person', dims: { QUALIFICATION: '_T' } },
    { code: 'C2', labelVi: 'Tiến sĩ', labelEn: 'Doctorate', unit: 'person', dims: { QUALIFICATION: 'TS' } },
  ],
  rules: [],
};

type Cell = StatAggregate['areas'][number]['cells'][number];
const cell = (row: string, column: string, value: number | null, extra: Partial<Cell> = {}): Cell => ({ row, column, value, reporting: 3, missing: 0, suppressed: null, ...extra });
const unit = (code: string, nameVi: string) => ({ id: `00000000-0000-4000-8000-0000000000${code}`, kind: 'province' as const, code, nameVi, nameEn: nameVi });

const national = { year: 2024, areas: [{ unit: null, reports: 5, cells: [cell('01', 'C1', 10), cell('01', 'C2', 4), cell('02', 'C1', 6), cell('02', 'C2', null, { missing: 1 })] }] };
const province = {
  year: 2024,
  areas: [
    { unit: unit('01', 'Hà Nội'), reports: 4, cells: [cell('01', 'C1', 9), cell('01', 'C2', 3, { missing: 1 }), cell('02', 'C1', 5), cell('02', 'C2', 2)] },
    { unit: unit('79', 'Hồ Chí Minh'), reports: 1, cells: [cell('01', 'C1', null, { suppressed: 'primary' }), cell('01', 'C2', null, { suppressed: 'secondary' }), cell('02', 'C1', 0), cell('02', 'C2', 0)] },
  ],
};
const labels: DimensionLabels = { dimension: (id) => id, total: 'Tổng', nation: 'Toàn quốc', en: false };
const areaName = (code: string) => ({ '01': 'Hà Nội', '79': 'Hồ Chí Minh' })[code] ?? code;
const obs = observationsOf(def, [national, province]);
const dims = pivotDimensions(def, obs, labels, areaName);

describe('pivot', () => {
  it('turns aggregates into observations with their SDMX coordinates', () => {
    expect(obs).toHaveLength(12);
    expect(obs[2]).toEqual({ area: NATIONAL_AREA, year: 2024, row: '02', column: 'C1', dims: { SEX: 'F', QUALIFICATION: '_T' }, value: 6, suppressed: false, missing: 0 });
  });

  it('offers area, row, column and the form’s SDMX dimensions (year only with several years), labelled from the form', () => {
    expect(dims.map((d) => d.id)).toEqual([AREA_DIM, ROW_DIM, COLUMN_DIM, 'SEX', 'QUALIFICATION']);
    expect(dims[0]?.values.map((v) => v.label)).toEqual(['Toàn quốc', 'Hà Nội', 'Hồ Chí Minh']);
    expect(dims.find((d) => d.id === 'SEX')?.values).toEqual([{ code: '_T', label: 'Tổng' }, { code: 'F', label: 'Nữ' }]);
    expect(dimensionValueLabels(def, 'QUALIFICATION', true).get('TS')).toBe('Doctorate');
    const twoYears = observationsOf(def, [national, { ...national, year: 2023 }]);
    expect(pivotDimensions(def, twoYears, labels, areaName).map((d) => d.id)).toEqual([ROW_DIM, COLUMN_DIM, 'SEX', 'QUALIFICATION'].flatMap((d, i) => (i === 0 ? [YEAR_DIM, d] : [d])));
  });

  it('by default shows the national table in the form’s layout, missing as missing, never 0', () => {
    const sel = completeSelection(dims, ROW_DIM, COLUMN_DIM);
    expect(sel.filters).toEqual({ [AREA_DIM]: NATIONAL_AREA, SEX: ANY, QUALIFICATION: ANY });
    const t = pivot(obs, dims, sel);
    expect(t.rows.map((r) => r.code)).toEqual(['01', '02']);
    expect(t.cells.map((r) => r.map((c) => pivotCellText(c, PUBLIC_SYMBOLS)))).toEqual([
      ['10', '4'],
      ['6', '..'],
    ]);
  });

  it('shows withheld cells as withheld and keeps zeros, by province', () => {
    const sel = completeSelection(dims, AREA_DIM, COLUMN_DIM, { [ROW_DIM]: '01' });
    expect(sel.filters[ROW_DIM]).toBe('01');
    const t = pivot(obs, dims, sel);
    expect(t.cells.map((r) => r.map((c) => pivotCellText(c, PUBLIC_SYMBOLS)))).toEqual([
      ['10', '4'],
      ['9', '3'],
      ['c', 'c'],
    ]);
    expect(t.cells[1]?.[1]).toEqual({ kind: 'value', value: 3, incomplete: true });
    const women = pivot(obs, dims, { ...sel, filters: { ...sel.filters, [ROW_DIM]: '02' } });
    expect(women.cells[2]?.map((c) => pivotCellText(c, PUBLIC_SYMBOLS))).toEqual(['0', '0']);
  });

  it('pivots by SDMX dimensions, each cell one observation, with the others fixed to their total', () => {
    const sel = completeSelection(dims, 'QUALIFICATION', 'SEX');
    expect(sel.filters).toEqual({ [AREA_DIM]: NATIONAL_AREA, [ROW_DIM]: ANY, [COLUMN_DIM]: ANY });
    const t = pivot(obs, dims, sel);
    expect(t.rows.map((r) => r.label)).toEqual(['Tổng', 'Tiến sĩ']);
    expect(t.columns.map((c) => c.label)).toEqual(['Tổng', 'Nữ']);
    expect(t.cells.map((r) => r.map((c) => pivotCellText(c, PUBLIC_SYMBOLS)))).toEqual([
      ['10', '6'],
      ['4', '..'],
    ]);
  });

  it('never sums: a filter left at "any" that matches several observations makes the cell ambiguous', () => {
    const t = pivot(obs, dims, { rows: AREA_DIM, columns: COLUMN_DIM, filters: { [ROW_DIM]: ANY } });
    expect(t.cells[0]?.[0]).toEqual({ kind: 'ambiguous', count: 2 });
    expect(pivotCellText({ kind: 'ambiguous', count: 2 }, PUBLIC_SYMBOLS)).toBe('*');
  });

  it('leaves out rows and columns without any observation', () => {
    const t = pivot(obs, dims, { rows: 'SEX', columns: AREA_DIM, filters: { QUALIFICATION: 'TS', [ROW_DIM]: ANY, [COLUMN_DIM]: ANY } });
    expect(t.rows.map((r) => r.code)).toEqual(['_T', 'F']);
    expect(t.columns.map((c) => c.code)).toEqual([NATIONAL_AREA, '01', '79']);
    expect(pivot(obs, dims, { rows: 'SEX', columns: 'SEX', filters: {} }).rows).toEqual([]);
  });

  it('writes CSV with a BOM, quoting labels where needed and the symbols', () => {
    const t = pivot(obs, dims, completeSelection(dims, AREA_DIM, COLUMN_DIM, { [ROW_DIM]: '01' }));
    expect(pivotCsv({ ...t, rows: t.rows.map((r) => (r.code === '01' ? { ...r, label: 'Hà Nội, thủ đô' } : r)) }, 'Tỉnh', PUBLIC_SYMBOLS)).toBe(
      '\uFEFFTỉnh,Tổng số,Tiến sĩ\r\nToàn quốc,10,4\r\n"Hà Nội, thủ đô",9,3\r\nHồ Chí Minh,c,c\r\n',
    );
  });

  it('fixes an SDMX dimension without a total to a value that has data (given the observations)', () => {
    const tasks: FormDefinition = {
      ...def,
      rows: [
        { code: '01', labelVi: 'Đề tài', labelEn: 'Projects', dims: { KIND: 'DT' } },
        { code: '02', labelVi: 'Đề tài — Cấp quốc gia', labelEn: 'Projects — National', parent: '01', relation: 'breakdown', dims: { KIND: 'DT', LEVEL: 'QG' } },
        { code: '03', labelVi: 'Dự án', labelEn: 'Schemes', dims: { KIND: 'DA' } },
      ],
      columns: [{ code: 'C1', labelVi: 'Tổng số', labelEn: 'Total', unit: 'count', dims: {} }],
    };
    const o = observationsOf(tasks, [{ year: 2024, areas: [{ unit: null, reports: 1, cells: [cell('01', 'C1', 5), cell('02', 'C1', 2), cell('03', 'C1', 1)] }] }]);
    const d = pivotDimensions(tasks, o, labels, areaName);
    expect(d.find((x) => x.id === 'LEVEL')?.values.map((v) => v.label)).toEqual(['Tổng', 'Cấp quốc gia']);
    const blind = completeSelection(d, 'LEVEL', COLUMN_DIM);
    expect(blind.filters.KIND).toBe('_T');
    const sel = completeSelection(d, 'LEVEL', COLUMN_DIM, {}, o);
    expect(sel.filters.KIND).toBe('DT');
    expect(pivot(o, d, sel).cells.map((r) => r.map((c) => pivotCellText(c, PUBLIC_SYMBOLS)))).toEqual([['5'], ['2']]);
    // a previous choice that still has data is kept
    expect(completeSelection(d, 'LEVEL', COLUMN_DIM, { KIND: 'DA' }, o).filters.KIND).toBe('DA');
  });
});
