import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationBody, unitByCode } from '../../test-support/fixtures.js';
import { harvestByCursor, publicList, type ListError, type ListGroups, type ListPage } from '../../test-support/list-grammar.js';
import { anonymous, createTestApp, loginAs, type TestApp } from '../../test-support/test-app.js';

/** The list grammar (filter, sort, select, group_by, cursor) on the public organization list. */
let t: TestApp;
let hanoi: string;
let danang: string;
const ids: Record<string, string> = {};


const { get, page } = publicList(() => t.app, '/api/organizations', 'Viện Ngữ pháp');
const names = (p: ListPage) => p.items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0]).sort();

beforeAll(async () => {
  t = await createTestApp();
  hanoi = (await unitByCode(t.app, 'province', '01')).id;
  danang = (await unitByCode(t.app, 'province', '48')).id;
  const admin = await loginAs(t.app, 'admin');
  const make = async (name: string, unit: string, overrides: Record<string, unknown>) => {
    const res = await admin.post('/api/organizations', organizationBody(unit, { nameVi: `Viện Ngữ pháp ${name}`, ...overrides }));
    expect(res.statusCode, res.body).toBe(201);
    ids[name] = (res.json() as { id: string }).id;
  };
  await make('a', hanoi, { orgTypeCode: '13.3.1', economicTypeCode: '14.1', mainFieldCode: '101', foundingDate: '1990-01-01' });
  await make('b', hanoi, { orgTypeCode: '13.3', economicTypeCode: '14.2', mainFieldCode: '102', foundingDate: '2005-06-01' });
  await make('c', danang, { orgTypeCode: '13.2', economicTypeCode: '14.1', mainFieldCode: '201', foundingDate: '2012-03-15' });
  await make('d', danang, { orgTypeCode: '13.4.1', economicTypeCode: '14.1', mainFieldCode: '402', foundingDate: null });
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/organizations with the list grammar', () => {
  it('filters by province, dotted type codes, economic type, field prefix, dates; OR and negation', async () => {
    expect(names(await page(''))).toEqual(['a', 'b', 'c', 'd']);
    expect(names(await page(`filter=province:${danang}`))).toEqual(['c', 'd']);
    expect(names(await page('filter=type:13.3'))).toEqual(['a', 'b']);
    expect(names(await page('filter=type:13.2|13.4'))).toEqual(['c', 'd']);
    expect(names(await page('filter=type:!13.3'))).toEqual(['c', 'd']);
    expect(names(await page('filter=economic_type:14.1,field:1'))).toEqual(['a']);
    expect(names(await page('filter=field:!1'))).toEqual(['c', 'd']);
    expect(names(await page('filter=founding_date:2000-01-01-2012-03-15'))).toEqual(['b', 'c']);
    expect(names(await page('filter=founding_date:<2000-01-01'))).toEqual(['a']);
  });

  it('keeps q, page, pageSize and sort working, with the aliases', async () => {
    const old = (await anonymous(t.app).get(`/api/organizations?q=${encodeURIComponent('Viện Ngữ pháp')}&page=2&pageSize=3&sort=-name`)).json() as ListPage;
    expect([old.items.map((i) => i.nameVi), old.total, old.page]).toEqual([['Viện Ngữ pháp a'], 4, 2]);
    expect((await page('per_page=2')).items).toHaveLength(2);
    expect((await page('sort=code:desc')).items.map((i) => i.code)).toEqual((await page('sort=code')).items.map((i) => i.code).reverse());
  });

  it('selects public fields only', async () => {
    const p = await page('select=nameVi,provinceUnit');
    for (const item of p.items) expect(Object.keys(item).sort()).toEqual(['id', 'nameVi', 'provinceUnit']);
    for (const restricted of ['taxCode', 'internalNote', 'fax', 'version']) {
      const res = await get(`select=${restricted}`);
      expect(res.statusCode).toBe(400);
      expect((res.json() as ListError).error.details[0]).toMatchObject({ path: 'select' });
      expect((res.json() as ListError).error.details[0]?.message).toContain(restricted);
    }
    expect(JSON.stringify(await page('select=nameVi'))).not.toContain('GHI-CHU-NOI-BO');
  });

  it('groups with counts equal to the filtered totals', async () => {
    const g = (await get('group_by=economic_type')).json() as ListGroups;
    expect(g).toEqual({ groups: [{ key: '14.1', count: 3 }, { key: '14.2', count: 1 }], total: 4 });
    for (const { key, count } of g.groups) expect((await page(`filter=economic_type:${key}`)).total).toBe(count);
    const byProvince = (await get(`group_by=province&filter=type:13.3`)).json() as ListGroups;
    expect(byProvince).toEqual({ groups: [{ key: hanoi, count: 2 }], total: 2 });
  });

  it('pages with a cursor: each item once, the total matching', async () => {
    for (const sort of ['name', '-updated', 'code']) {
      const { ids: seen, total } = await harvestByCursor(page, `per_page=3&sort=${sort}`);
      expect([seen.length, new Set(seen).size]).toEqual([total, total]);
      expect(seen).toEqual((await page(`sort=${sort}`)).items.map((i) => i.id));
    }
  });

  it('answers 400 naming the parameter and the field', async () => {
    for (const [qs, path, named] of [
      ['filter=tax_code:1', 'filter', 'tax_code'],
      ['filter=province:abc', 'filter', 'province'],
      ['filter=founding_date:2020', 'filter', 'founding_date'],
      ['sort=taxCode', 'sort', 'taxCode'],
      ['group_by=internal_note', 'group_by', 'internal_note'],
      ['cursor=%25%25', 'cursor', 'cursor'],
    ] as const) {
      const res = await get(qs);
      expect(res.statusCode, qs).toBe(400);
      const body = res.json() as ListError;
      expect([body.error.code, body.error.details[0]?.path]).toEqual(['LIST_QUERY_INVALID', path]);
      expect(body.error.details[0]?.message).toContain(named);
    }
  });

  it('sends rate-limit headers to anonymous clients', async () => {
    const res = await get('');
    expect(res.headers['x-ratelimit-limit']).toBe('120');
    expect(res.headers['x-ratelimit-remaining']).toBeDefined();
  });
});
