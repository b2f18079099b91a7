import { describe, expect, it } from 'vitest';
import { cellKey } from '@stinet/shared';
import { formOf } from '@stinet/shared/node';
import { cellInputsOf, cellMapOfReport, serverCellIssues } from './report-cells';

const FORM_02_CS_2015 = formOf('02/CS-KHCN');

describe('stats API helpers', () => {
  it('map stored cells to the grid and back, sending every other cell as missing', () => {
    const map = cellMapOfReport([
      { row: '01', column: 'C1', state: 'value', value: 0 },
      { row: '01', column: 'C8', state: 'not_applicable', value: null },
      { row: '01', column: 'C9', state: 'confidential', value: 2 },
    ]);
    expect(map.get(cellKey('01', 'C1'))).toEqual({ state: 'value', value: 0 });
    expect(map.get(cellKey('01', 'C8'))).toEqual({ state: 'not_applicable' });
    const inputs = cellInputsOf(FORM_02_CS_2015, map);
    expect(inputs.length).toBe(FORM_02_CS_2015.rows.length * FORM_02_CS_2015.columns.length);
    expect(inputs).toContainEqual({ row: '01', column: 'C9', state: 'confidential', value: 2 });
    expect(inputs).toContainEqual({ row: '02', column: 'C1', state: 'missing' });
    expect(inputs.filter((i) => i.state !== 'missing').length).toBe(3);
  });

  it('turn a refused save (422, details at cells.<row>.<column>) into grid errors, and nothing else', () => {
    const refused = Object.assign(new Error('x'), {
      code: 'STAT_VALIDATION_FAILED',
      status: 422,
      details: [
        { path: 'cells.01.C1', code: 'qualification_sum', message: 'Tổng số phải bằng tổng theo trình độ.' },
        { path: 'version', code: 'other', message: 'ignored' },
      ],
    });
    expect(serverCellIssues(refused)).toEqual([
      { row: '01', column: 'C1', ruleId: 'qualification_sum', severity: 'error', messageVi: 'Tổng số phải bằng tổng theo trình độ.', messageEn: 'Tổng số phải bằng tổng theo trình độ.' },
    ]);
    expect(serverCellIssues(Object.assign(new Error('x'), { code: 'VERSION_CONFLICT', status: 409, details: [] }))).toEqual([]);
    expect(serverCellIssues(new Error('x'))).toEqual([]);
  });
});
