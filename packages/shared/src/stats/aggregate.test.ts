import { describe, expect, it } from 'vitest';
import { aggregateCells, rollUp } from './aggregate.js';
import { cell, cellKey, type CellMap, type CellValue } from './cells.js';
import { formOf, loadFormDirectory } from './forms/load.js';
import { cellCoordinates, coordinateCollisions, formDimensions, toSdmxCsv10 } from './sdmx.js';

const FORM_DEFINITIONS = loadFormDirectory();
const FORM_02_CS_2015 = formOf('02/CS-KHCN');

const m = (entries: Record<string, CellValue>): CellMap => new Map(Object.entries(entries));

describe('aggregateCells and rollUp', () => {
  it('sums values, counts missing cells instead of reading them as zero, and flags confidential contributions', () => {
    const a = m({ '01|C1': cell.value(5), '02|C1': cell.notApplicable(), '03|C1': cell.confidential(2) });
    const b = m({ '01|C1': cell.value(0), '02|C1': cell.value(3) });
    const c = m({ '01|C1': cell.missing(), '03|C1': cell.confidential(null) });
    const agg = aggregateCells([a, b, c]);
    expect(agg.get('01|C1')).toEqual({ value: 5, reporting: 2, missing: 1, hasConfidential: false });
    expect(agg.get('02|C1')).toEqual({ value: 3, reporting: 2, missing: 1, hasConfidential: false });
    expect(agg.get('03|C1')).toEqual({ value: 2, reporting: 1, missing: 2, hasConfidential: true });
  });

  it('rolls units up to the parents of the chosen hierarchy version', () => {
    const units = new Map<string, CellMap>([
      ['quang-nam-org', m({ '01|C1': cell.value(4) })],
      ['da-nang-org', m({ '01|C1': cell.value(6) })],
      ['ha-noi-org', m({ '01|C1': cell.value(9) })],
    ]);
    const before = rollUp(units, (u) => ({ 'quang-nam-org': 'P63:49', 'da-nang-org': 'P63:48', 'ha-noi-org': 'P63:01' })[u] ?? null);
    const after = rollUp(units, (u) => ({ 'quang-nam-org': 'P34:48', 'da-nang-org': 'P34:48', 'ha-noi-org': 'P34:01' })[u] ?? null);
    expect(before.get('P63:49')?.get('01|C1')?.value).toBe(4);
    expect(before.get('P63:48')?.get('01|C1')?.value).toBe(6);
    expect(after.get('P34:48')?.get('01|C1')).toEqual({ value: 10, reporting: 2, missing: 0, hasConfidential: false });
    expect([...after.keys()].sort()).toEqual(['P34:01', 'P34:48']);
  });
});

describe('SDMX mapping of forms', () => {
  it('gives every cell of every shipped form distinct coordinates (explicit dimensions, no combination tables)', () => {
    for (const def of FORM_DEFINITIONS) expect(coordinateCollisions(def), def.code).toEqual([]);
    expect(formDimensions(FORM_02_CS_2015)).toEqual(['SEX', 'NATIONALITY', 'ETHNICITY', 'TRAINING_FIELD', 'QUALIFICATION', 'TITLE']);
    expect(cellCoordinates(FORM_02_CS_2015, '02', 'C2')).toEqual({ SEX: 'F', NATIONALITY: '_T', ETHNICITY: '_T', TRAINING_FIELD: '_T', QUALIFICATION: 'TS', TITLE: '_T' });
  });

  it('writes SDMX-CSV 1.0 with the four cell states told apart', () => {
    const cells = m({ [cellKey('01', 'C1')]: cell.value(10), [cellKey('01', 'C2')]: cell.value(0), [cellKey('02', 'C1')]: cell.confidential(4), [cellKey('05', 'C1')]: cell.notApplicable() });
    const csv = toSdmxCsv10(FORM_02_CS_2015, [{ refArea: '01', timePeriod: '2024', cell: (r, c) => cells.get(cellKey(r, c)) }], { agency: 'VN_CTTK' });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('DATAFLOW,REF_AREA,FREQ,TIME_PERIOD,SEX,NATIONALITY,ETHNICITY,TRAINING_FIELD,QUALIFICATION,TITLE,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,CONF_STATUS');
    expect(lines).toHaveLength(1 + FORM_02_CS_2015.rows.length * FORM_02_CS_2015.columns.length);
    expect(lines).toContain('VN_CTTK:DF_ST_PERS(1.0),01,A,2024,_T,_T,_T,_T,_T,_T,10,PS,A,F');
    expect(lines).toContain('VN_CTTK:DF_ST_PERS(1.0),01,A,2024,_T,_T,_T,_T,TS,_T,0,PS,A,F');
    expect(lines).toContain('VN_CTTK:DF_ST_PERS(1.0),01,A,2024,F,_T,_T,_T,_T,_T,NaN,PS,A,C');
    expect(lines).toContain('VN_CTTK:DF_ST_PERS(1.0),01,A,2024,_T,VN,MINORITY,_T,_T,_T,NaN,PS,Z,F');
    expect(lines).toContain('VN_CTTK:DF_ST_PERS(1.0),01,A,2024,_T,_T,_T,_T,THS,_T,NaN,PS,M,F');
    expect(csv).not.toContain(',4,PS,'); // the confidential value is withheld
  });
});
