import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { definitionProblems, type FormDefinition } from '../form-definition.js';
import { coordinateCollisions, formDimensions, SDMX_TOTAL } from '../sdmx.js';
import { tabulate, type MicroRecord } from '../tabulate.js';
import { validateForm } from '../validate.js';
import { findFormDefinition, formFileName, formsValidOn } from './index.js';
import { formOf, loadFormDirectory, SHIPPED_FORMS_DIR } from './load.js';

const defs = loadFormDirectory();
const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'stinet-forms-'));
  temps.push(d);
  return d;
}

/** Every `*.json` under a folder, relative. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : e.name.endsWith('.json') ? [`${prefix}${e.name}`] : []));
}

/** A small deterministic generator. */
function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Random unit-level records for any form, read from its layout: a record starts at a root row and a root column
 * and, for every sum rule whose total it has reached, takes exactly one part (so every breakdown block adds up);
 * "of which" rows and columns are taken at random. Its codes are the dimensions of what it took.
 */
function sampleRecords(def: FormDefinition, n: number, seed: number): MicroRecord[] {
  const rnd = lcg(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const rowPart = new Set(def.rules.flatMap((r) => (r.kind === 'row_sum' ? r.parts : r.kind === 'row_lte' ? [r.part] : [])));
  const colPart = new Set(def.rules.flatMap((r) => (r.kind === 'column_sum' ? r.parts : r.kind === 'column_lte' ? [r.part] : [])));
  const rowRoots = def.rows.filter((r) => !rowPart.has(r.code));
  const colRoots = def.columns.filter((c) => !colPart.has(c.code));
  const walk = (axis: 'row' | 'column', code: string, attrs: Record<string, string[]>) => {
    const item = (axis === 'row' ? def.rows : def.columns).find((x) => x.code === code);
    for (const [d, v] of Object.entries(item?.dims ?? {})) if (v !== SDMX_TOTAL && !(attrs[d] ??= []).includes(v)) attrs[d].push(v);
    for (const rule of def.rules) {
      if (!('total' in rule) || rule.total !== code) continue;
      if ((axis === 'row' && rule.kind === 'row_sum') || (axis === 'column' && rule.kind === 'column_sum')) walk(axis, pick(rule.parts), attrs);
      if (((axis === 'row' && rule.kind === 'row_lte') || (axis === 'column' && rule.kind === 'column_lte')) && rnd() < 0.4) walk(axis, rule.part, attrs);
    }
  };
  return Array.from({ length: n }, () => {
    const attrs: Record<string, string[]> = {};
    walk('row', pick(rowRoots).code, attrs);
    walk('column', pick(colRoots).code, attrs);
    return { attrs, weight: 1 + Math.floor(rnd() * 20) };
  });
}

describe('shipped form files', () => {
  it('all load: one definition per file, the six grassroots forms of Circular 25/2015 and six provincial forms of Circular 26/2015', () => {
    const files = filesUnder(SHIPPED_FORMS_DIR);
    expect(defs).toHaveLength(files.length);
    for (const d of defs) expect(files, d.code).toContain(`${d.version}/${formFileName(d)}`);
    expect(defs.filter((d) => d.version === 'TT25-2015').map((d) => d.code)).toEqual(['01/CS-KHCN', '02/CS-KHCN', '03/CS-KHCN', '04/CS-KHCN', '05/CS-KHCN', '06/CS-KHCN']);
    expect(defs.filter((d) => d.version === 'TT26-2015').map((d) => d.code)).toEqual(['01/TKTH-KHCN-ĐP', '02/TKTH-KHCN-ĐP', '03/TKTH-KHCN-ĐP', '04/TKTH-KHCN-ĐP', '05/TKTH-KHCN-ĐP', '06/TKTH-KHCN-ĐP']);
    for (const d of defs) expect(d.reportingLevel, d.code).toBe(d.version === 'TT26-2015' ? 'province' : 'unit');
    expect(formOf('04/CS-KHCN').rows).toHaveLength(38);
    expect(() => formOf('04/CS-KHCN', 'TT99')).toThrow(/no shipped form 04\/CS-KHCN \(TT99\)/);
  });

  it('resolve every reference, give every cell distinct coordinates and have non-negative and whole-number rules', () => {
    for (const d of defs) {
      expect(definitionProblems(d), d.code).toEqual([]);
      expect(coordinateCollisions(d), d.code).toEqual([]);
      const kinds = d.rules.map((r) => r.kind);
      expect(kinds, d.code).toContain('non_negative');
      if (d.columns.some((c) => c.unit === 'person' || c.unit === 'count')) expect(kinds, d.code).toContain('whole_number');
      // every breakdown row is a part of some sum rule whose total is its parent; every "of which" row of a ≤ rule
      for (const r of d.rows.filter((x) => x.parent)) {
        const covered = d.rules.some((rule) => (r.relation === 'of_which' ? rule.kind === 'row_lte' && rule.part === r.code && rule.total === r.parent : rule.kind === 'row_sum' && rule.total === r.parent && rule.parts.includes(r.code)));
        expect(covered, `${d.code} row ${r.code}`).toBe(true);
      }
    }
  });

  it('share a dataflow only between forms whose cells have identical coordinates', () => {
    const byFlow = new Map<string, FormDefinition[]>();
    for (const d of defs) byFlow.set(d.dataflow, [...(byFlow.get(d.dataflow) ?? []), d]);
    const coords = (d: FormDefinition) => JSON.stringify([formDimensions(d), d.rows.map((r) => [r.code, r.dims]), d.columns.map((c) => [c.code, c.unit, c.dims])]);
    for (const [flow, group] of byFlow) for (const d of group) expect(coords(d), `${flow}: ${d.code}`).toBe(coords(group[0] as FormDefinition));
    expect(byFlow.size).toBe(7);
  });

  it('accept tabulated samples (any unit-level records tabulate into reports that pass every rule)', () => {
    for (const d of defs) {
      for (let seed = 1; seed <= 25; seed++) {
        const cells = tabulate(d, sampleRecords(d, 1 + ((seed * 13) % 60), seed * 101 + d.rows.length));
        expect(validateForm(d, cells), `${d.code} ${d.version} seed ${seed}`).toEqual([]);
      }
    }
  });

  it('catch a broken sample: the sum rules of every form bite', () => {
    for (const d of defs) {
      const cells = tabulate(d, sampleRecords(d, 40, 7));
      const rule = d.rules.find((r) => r.kind === 'row_sum' || r.kind === 'column_sum');
      if (!rule || (rule.kind !== 'row_sum' && rule.kind !== 'column_sum')) continue;
      const key = rule.kind === 'row_sum' ? `${rule.total}|${d.columns[0]?.code}` : `${d.rows[0]?.code}|${rule.total}`;
      const c = cells.get(key);
      cells.set(key, { state: 'value', value: (c?.state === 'value' ? c.value : 0) + 1 });
      expect(validateForm(d, cells).map((i) => i.ruleId), d.code).toContain(rule.id);
    }
  });

  it('are found by code and version, and by date of validity', () => {
    expect(findFormDefinition(defs, '05/CS-KHCN', 'TT25-2015')?.dataflow).toBe('DF_ST_INTL');
    expect(formsValidOn(defs, '2016-06-30')).toHaveLength(12);
    expect(formsValidOn(defs, '2019-01-01')).toEqual([]);
  });
});

describe('loadFormDirectory', () => {
  it('rejects a bad file with a message naming the file and every problem', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'TT99'));
    const good = JSON.parse(readFileSync(join(SHIPPED_FORMS_DIR, 'TT25-2015', '02-CS-KHCN.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'TT99', 'ok.json'), JSON.stringify({ ...good, version: 'TT99' }));
    const rules = [...(good.rules as object[]), { id: 'bad', kind: 'row_sum', total: '99', parts: ['01', '98'], messageVi: 'a', messageEn: 'b' }];
    writeFileSync(join(dir, 'TT99', 'refs.json'), JSON.stringify({ ...good, code: '07/X', version: 'TT99', rules }));
    writeFileSync(join(dir, 'TT99', 'schema.json'), JSON.stringify({ ...good, code: '08/X', version: 'TT99', dataflow: 'lower', rows: [] }));
    writeFileSync(join(dir, 'TT99', 'syntax.json'), '{ "code": ');
    let message = '';
    try {
      loadFormDirectory(dir);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(dir);
    expect(message).toMatch(/TT99[\\/]refs\.json: rule bad: unknown row 99; rule bad: unknown row 98/);
    expect(message).toMatch(/TT99[\\/]schema\.json: .*dataflow.*; rows/);
    expect(message).toMatch(/TT99[\\/]syntax\.json: invalid JSON/);
    expect(message).not.toContain('ok.json');
  });

  it('rejects a second definition of the same code and version, naming both files', () => {
    const dir = tempDir();
    cpSync(join(SHIPPED_FORMS_DIR, 'TT25-2015', '03-CS-KHCN.json'), join(dir, 'a.json'));
    cpSync(join(SHIPPED_FORMS_DIR, 'TT25-2015', '03-CS-KHCN.json'), join(dir, 'b.json'));
    expect(() => loadFormDirectory(dir)).toThrow(/b\.json: form 03\/CS-KHCN \(TT25-2015\) is already defined in a\.json/);
  });

  it('loads a new version dropped in beside the shipped ones, without code changes', () => {
    const dir = tempDir();
    cpSync(SHIPPED_FORMS_DIR, dir, { recursive: true });
    const next = { ...JSON.parse(readFileSync(join(dir, 'TT25-2015', '02-CS-KHCN.json'), 'utf8')), version: 'TT45-2025', regulationVi: 'Thông tư 45/2025/TT-BKHCN', validFrom: '2026-01-01', validTo: null };
    mkdirSync(join(dir, 'TT45-2025'));
    writeFileSync(join(dir, 'TT45-2025', '02-CS-KHCN.json'), JSON.stringify(next));
    const all = loadFormDirectory(dir);
    expect(all).toHaveLength(defs.length + 1);
    expect(findFormDefinition(all, '02/CS-KHCN', 'TT45-2025')?.validTo).toBeNull();
    expect(formsValidOn(all, '2026-03-01').map((d) => `${d.code} ${d.version}`)).toEqual(['02/CS-KHCN TT45-2025']);
    expect(loadFormDirectory(join(dir, 'TT45-2025'))).toHaveLength(1);
  });
});
