import { describe, expect, it } from 'vitest';
import { parseListQuery, selectFields, type ListGrammarSpec } from './list-grammar.js';

const spec: ListGrammarSpec = {
  filters: { level: 'string', year: 'number', start_date: 'date', has_results: 'boolean', title: 'string' },
  sorts: ['updated', 'title', 'year'],
  selects: ['code', 'title', 'level'],
  groups: ['level', 'year'],
};

const ok = (params: Parameters<typeof parseListQuery>[0]) => {
  const r = parseListQuery(params, spec);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.query;
};
const problems = (params: Parameters<typeof parseListQuery>[0]) => {
  const r = parseListQuery(params, spec);
  if (r.ok) throw new Error('expected problems');
  return r.problems;
};

describe('list query grammar', () => {
  it('parses equality, alternatives, negation, ranges and comparisons', () => {
    const q = ok({ filter: 'level:QG|TINH,year:>2020,start_date:2024-01-01-2024-12-31,has_results:true,title:!"a, b: c"' });
    expect(q.filters).toEqual([
      { field: 'level', term: { op: 'eq', values: ['QG', 'TINH'], negate: false } },
      { field: 'year', term: { op: 'gt', value: '2020' } },
      { field: 'start_date', term: { op: 'between', from: '2024-01-01', to: '2024-12-31' } },
      { field: 'has_results', term: { op: 'eq', values: ['true'], negate: false } },
      { field: 'title', term: { op: 'eq', values: ['a, b: c'], negate: true } },
    ]);
    expect(ok({ filter: 'year:2019-2021' }).filters[0]?.term).toEqual({ op: 'between', from: '2019', to: '2021' });
  });

  it('parses sort keys, select and group_by; an empty request is the default', () => {
    const q = ok({ sort: '-updated,title:asc,year:desc', select: 'code,title', group_by: 'level' });
    expect(q.sort).toEqual([
      { field: 'updated', desc: true },
      { field: 'title', desc: false },
      { field: 'year', desc: true },
    ]);
    expect(q.select).toEqual(['code', 'title']);
    expect(q.groupBy).toBe('level');
    expect(ok({})).toEqual({ filters: [], sort: [], select: null, groupBy: null, cursor: null });
    expect(ok({ cursor: '*' }).cursor).toBe('*');
  });

  it('names every unknown field and bad value instead of ignoring it', () => {
    const p = problems({ filter: 'levle:QG,year:abc,start_date:2024-13-45', sort: 'nope', select: 'code,secret', group_by: 'level,year' });
    expect(p.map((x) => [x.path, x.code])).toEqual([
      ['filter', 'unknown_field'],
      ['filter', 'bad_value'],
      ['filter', 'bad_value'],
      ['sort', 'unknown_field'],
      ['select', 'unknown_field'],
      ['group_by', 'bad_syntax'],
    ]);
    expect(p[0]?.message).toContain('levle');
    expect(problems({ filter: 'year:2021-2019' })[0]?.message).toContain('reversed');
    expect(problems({ filter: 'level' })[0]?.code).toBe('bad_syntax');
    expect(problems({ filter: 'level:QG|' })[0]?.code).toBe('bad_value');
    expect(problems({ sort: 'title:up' })[0]?.code).toBe('bad_syntax');
    expect(problems({ group_by: 'level', cursor: '*' })[0]?.path).toBe('cursor');
  });

  it('select keeps the id and the chosen fields only', () => {
    const item = { id: 'x', code: 'C', title: 'T', budget: 5 };
    expect(selectFields(item, ['title'])).toEqual({ id: 'x', title: 'T' });
    expect(selectFields(item, null)).toBe(item);
  });
});
