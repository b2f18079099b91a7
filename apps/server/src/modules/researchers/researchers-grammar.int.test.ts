import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationBody, unitByCode } from '../../test-support/fixtures.js';
import { harvestByCursor, publicList, type ListError, type ListGroups, type ListPage } from '../../test-support/list-grammar.js';
import { anonymous, createTestApp, loginAs, type TestApp } from '../../test-support/test-app.js';

/** The list grammar (filter, sort, select, group_by, cursor) on the public researcher list. */
let t: TestApp;
let orgA: string;
let orgB: string;
const ids: Record<string, string> = {};


const { get, page } = publicList(() => t.app, '/api/researchers', 'Ngữ Pháp');
const names = (p: ListPage) => p.items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0]).sort();

beforeAll(async () => {
  t = await createTestApp();
  const officer = await loginAs(t.app, 'officer.hanoi');
  const hanoi = (await unitByCode(t.app, 'province', '01')).id;
  orgA = ((await officer.post('/api/organizations', organizationBody(hanoi))).json() as { id: string }).id;
  orgB = ((await officer.post('/api/organizations', organizationBody(hanoi))).json() as { id: string }).id;
  const make = async (name: string, overrides: Record<string, unknown>) => {
    const res = await officer.post('/api/researchers', { fullName: `Ngữ Pháp ${name}`, gender: 'F', birthYear: 1971, email: `np.${name}@example.vn`, ...overrides });
    expect(res.statusCode, res.body).toBe(201);
    ids[name] = (res.json() as { id: string }).id;
  };
  await make('a', { organizationId: orgA, qualificationCode: 'TS', academicTitleCode: 'PGS', fieldCode: '101' });
  await make('b', { organizationId: orgA, qualificationCode: 'ThS', fieldCode: '102' });
  await make('c', { organizationId: orgB, qualificationCode: 'TS', fieldCode: '201' });
  await make('d', { organizationId: orgB });
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/researchers with the list grammar', () => {
  it('filters by organization, qualification, title and field; OR and negation keep the rows without a value', async () => {
    expect(names(await page(''))).toEqual(['a', 'b', 'c', 'd']);
    expect(names(await page(`filter=organization:${orgB}`))).toEqual(['c', 'd']);
    expect(names(await page('filter=qualification:TS'))).toEqual(['a', 'c']);
    expect(names(await page('filter=qualification:ThS|TS,field:1'))).toEqual(['a', 'b']);
    expect(names(await page('filter=qualification:!TS'))).toEqual(['b', 'd']);
    expect(names(await page('filter=academic_title:PGS'))).toEqual(['a']);
    expect(names(await page(`filter=field:2|10,organization:!${orgA}`))).toEqual(['c']);
  });

  it('keeps q, paging and sort, with the aliases', async () => {
    const old = (await anonymous(t.app).get(`/api/researchers?q=${encodeURIComponent('Ngữ Pháp')}&pageSize=3&sort=name`)).json() as ListPage;
    expect([old.items.length, old.total]).toEqual([3, 4]);
    expect((await page('sort=-name&per_page=1')).items.map((i) => i.fullName)).toEqual(['Ngữ Pháp d']);
  });

  it('selects public fields only; personal data cannot be selected, filtered or grouped', async () => {
    const p = await page('select=fullName,organization');
    for (const item of p.items) expect(Object.keys(item).sort()).toEqual(['fullName', 'id', 'organization']);
    for (const [param, name] of [
      ['select', 'birthYear'],
      ['select', 'email'],
      ['select', 'gender'],
      ['group_by', 'gender'],
      ['sort', 'birthYear'],
    ] as const) {
      const res = await get(`${param}=${name}`);
      expect(res.statusCode).toBe(400);
      expect((res.json() as ListError).error.details[0]).toMatchObject({ path: param });
      expect((res.json() as ListError).error.details[0]?.message).toContain(name);
    }
    const res = await get('filter=birth_year:1971');
    expect([res.statusCode, (res.json() as ListError).error.details[0]?.path]).toEqual([400, 'filter']);
    expect(JSON.stringify(await page(''))).not.toContain('example.vn');
  });

  it('groups with counts equal to the filtered totals', async () => {
    const g = (await get('group_by=qualification')).json() as ListGroups;
    expect(g.total).toBe(4);
    expect(g.groups).toEqual([
      { key: 'TS', count: 2 },
      { key: 'ThS', count: 1 },
      { key: null, count: 1 },
    ]);
    expect(g.groups.reduce((s, x) => s + x.count, 0)).toBe(g.total);
    const byOrg = (await get(`group_by=organization&filter=organization:${orgA}`)).json() as ListGroups;
    expect(byOrg).toEqual({ groups: [{ key: orgA, count: 2 }], total: 2 });
  });

  it('pages with a cursor: each item once, the total matching', async () => {
    for (const sort of ['name', '-name', 'updated']) {
      const { ids: seen, total } = await harvestByCursor(page, `per_page=2&sort=${sort}`);
      expect([seen.length, new Set(seen).size]).toEqual([total, total]);
      expect(seen).toEqual((await page(`sort=${sort}`)).items.map((i) => i.id));
    }
    expect((await get('cursor=eyJzIjoibmFtZSJ9')).statusCode).toBe(400);
  });
});
