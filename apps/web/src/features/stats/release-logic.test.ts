import { describe, expect, it } from 'vitest';
import { cellKey, type CellMap, type StatAggregate } from '@stinet/shared';
import { formOf } from '@stinet/shared/node';
import {
  defaultEmbargo,
  isValidLocalDateTime,
  mergePrefill,
  releaseCellText,
  releaseTable,
  vietnamDateTime,
  vietnamInstant,
  vietnamInstantOf,
} from './release-logic';

describe('embargo instants in Vietnam time', () => {
  it('defaults to the next Vietnam day at 09:00', () => {
    // 20:30 UTC on 31 Dec is already 03:30 on 1 Jan in Vietnam: the next day there is 2 Jan
    expect(defaultEmbargo(new Date('2026-12-31T20:30:00Z'))).toEqual({ date: '2027-01-02', time: '09:00' });
    expect(defaultEmbargo(new Date('2026-03-10T01:00:00Z'))).toEqual({ date: '2026-03-11', time: '09:00' });
  });

  it('writes a typed date and time with the +07:00 offset and reads instants back as Vietnam wall-clock time', () => {
    expect(vietnamInstant({ date: '2027-03-01', time: '09:00' })).toBe('2027-03-01T09:00:00+07:00');
    expect(new Date(vietnamInstant({ date: '2027-03-01', time: '09:00' })).toISOString()).toBe('2027-03-01T02:00:00.000Z');
    expect(vietnamDateTime(new Date('2027-03-01T02:00:00Z'))).toMatchObject({ date: '2027-03-01', time: '09:00' });
    expect(vietnamInstantOf(new Date('2026-11-24T22:37:05Z'))).toBe('2026-11-25T05:37:05+07:00');
  });

  it('checks typed dates and times', () => {
    expect(isValidLocalDateTime({ date: '2027-02-28', time: '23:59' })).toBe(true);
    expect(isValidLocalDateTime({ date: '2027-02-30', time: '09:00' })).toBe(false);
    expect(isValidLocalDateTime({ date: '2027-02-01', time: '24:00' })).toBe(false);
    expect(isValidLocalDateTime({ date: '', time: '09:00' })).toBe(false);
  });
});

describe('the national table of a release', () => {
  const form = formOf('02/CS-KHCN');
  const national: StatAggregate = {
    periodId: '00000000-0000-4000-8000-000000000000',
    year: 2025,
    formCode: form.code,
    formVersion: form.version,
    level: 'national',
    asOf: '2026-01-01',
    areas: [
      {
        unit: null,
        reports: 3,
        cells: [
          { row: '01', column: 'C1', value: 120, reporting: 3, missing: 0, suppressed: null },
          { row: '01', column: 'C2', value: null, reporting: 1, missing: 0, suppressed: 'primary' },
          { row: '01', column: 'C3', value: null, reporting: 0, missing: 3, suppressed: null },
        ],
      },
    ],
  };

  it('lays cells out as rows × columns: numbers, "c" for withheld, ".." for no data', () => {
    const table = releaseTable(form, national, false);
    expect(table.columns.map((c) => c.code)).toEqual(form.columns.map((c) => c.code));
    expect(table.rows).toHaveLength(form.rows.length);
    const first = table.rows[0];
    expect(first?.code).toBe('01');
    expect(first?.label).toBe(form.rows[0]?.labelVi);
    const text = (i: number) => releaseCellText(first?.cells[i] ?? { kind: 'no_data' }, String);
    expect([text(0), text(1), text(2), text(3)]).toEqual(['120', 'c', '..', '..']);
    expect(releaseTable(form, national, true).rows[0]?.label).toBe(form.rows[0]?.labelEn);
  });
});

describe('pre-fill merged into the grid', () => {
  const grid = (entries: Record<string, number>): CellMap => new Map(Object.entries(entries).map(([k, v]) => [k, { state: 'value', value: v }]));

  it('adds proposed cells to an empty grid without conflicts', () => {
    const merged = mergePrefill(new Map(), [
      { row: '01', column: 'C1', state: 'value', value: 4 },
      { row: '02', column: 'C1', state: 'value', value: 0 },
    ]);
    expect(merged.changed).toBe(2);
    expect(merged.conflicts).toBe(0);
    expect(merged.cells.get(cellKey('01', 'C1'))).toEqual({ state: 'value', value: 4 });
    expect(merged.cells.get(cellKey('02', 'C1'))).toEqual({ state: 'value', value: 0 });
  });

  it('counts the cells that would overwrite a different value, keeps the others and leaves the input alone', () => {
    const current = grid({ [cellKey('01', 'C1')]: 4, [cellKey('01', 'C2')]: 7, [cellKey('09', 'C9')]: 1 });
    const merged = mergePrefill(current, [
      { row: '01', column: 'C1', state: 'value', value: 4 },
      { row: '01', column: 'C2', state: 'value', value: 8 },
      { row: '03', column: 'C1', state: 'not_applicable', value: null },
    ]);
    expect(merged.changed).toBe(2);
    expect(merged.conflicts).toBe(1);
    expect(merged.cells.get(cellKey('01', 'C2'))).toEqual({ state: 'value', value: 8 });
    expect(merged.cells.get(cellKey('03', 'C1'))).toEqual({ state: 'not_applicable' });
    expect(merged.cells.get(cellKey('09', 'C9'))).toEqual({ state: 'value', value: 1 });
    expect(current.get(cellKey('01', 'C2'))).toEqual({ state: 'value', value: 7 });
  });

  it('treats a missing cell in the grid as empty', () => {
    const merged = mergePrefill(new Map([[cellKey('01', 'C1'), { state: 'missing' }]]), [{ row: '01', column: 'C1', state: 'value', value: 2 }]);
    expect(merged.conflicts).toBe(0);
    expect(merged.changed).toBe(1);
  });
});
