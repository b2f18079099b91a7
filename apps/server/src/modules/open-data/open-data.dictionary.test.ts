import { OPEN_DATA_ENTITY_TYPES } from '@stinet/shared';
import { describe, expect, it } from 'vitest';
import { buildDictionary } from './open-data.dictionary.js';
import { OPEN_DATA_SCHEMAS } from './open-data.entities.js';
import { columnsOf, csvHeader, csvRow } from './open-data.format.js';
import { z } from 'zod';

describe('open-data data dictionary', () => {
  it('describes exactly the columns of every public schema, in both languages', () => {
    const dict = buildDictionary(OPEN_DATA_SCHEMAS);
    expect(dict.entities.map((e) => e.entityType)).toEqual([...OPEN_DATA_ENTITY_TYPES]);
    for (const e of dict.entities) {
      expect(e.fields.map((f) => f.field)).toEqual(columnsOf(OPEN_DATA_SCHEMAS[e.entityType]).map((c) => c.name));
      for (const f of e.fields) {
        expect(f.descriptionVi.length, f.field).toBeGreaterThan(2);
        expect(f.descriptionEn.length, f.field).toBeGreaterThan(2);
        expect(f.descriptionVi).not.toBe(f.descriptionEn);
      }
    }
    const org = dict.entities[0]?.fields ?? [];
    expect(org.find((f) => f.field === 'provinceUnit.kind')?.type).toBe('enum(national|ministry|province)');
    expect(org.find((f) => f.field === 'foundingDate')).toMatchObject({ type: 'date', nullable: true });
    expect(org.find((f) => f.field === 'id')?.type).toBe('uuid');
  });

  it('fails on a schema field without a description', () => {
    expect(() => buildDictionary({ ...OPEN_DATA_SCHEMAS, organization: z.object({ id: z.uuid(), secretThing: z.string() }) })).toThrow(/secretThing|describes fields/);
  });

  it('flattens nested objects and joins lists in CSV rows', () => {
    const schema = z.object({ a: z.string(), o: z.object({ x: z.string(), y: z.array(z.string()) }).nullable(), n: z.number().nullable() });
    const cols = columnsOf(schema);
    expect(csvHeader(cols)).toBe('a,o.x,o.y,n\r\n');
    expect(csvRow(cols, { a: 'x, "y"', o: { x: 'b', y: ['1', '2'] }, n: null })).toBe('"x, ""y""",b,1; 2,\r\n');
    expect(csvRow(cols, { a: 'z', o: null, n: 3 })).toBe('z,,,3\r\n');
  });
});
