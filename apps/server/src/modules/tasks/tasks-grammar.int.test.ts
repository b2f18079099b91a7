import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskFull } from '@stinet/shared';
import { organizationBody, unitByCode } from '../../test-support/fixtures.js';
import { taskBody } from '../../test-support/task-fixtures.js';
import { harvestByCursor, publicList, type ListError, type ListGroups, type ListPage } from '../../test-support/list-grammar.js';
import { anonymous, createTestApp, loginAs, type Client, type TestApp } from '../../test-support/test-app.js';

/** The list grammar (filter, sort, select, group_by, cursor) on the public task list. */
let t: TestApp;
let officer: Client;
let orgA: string;
let orgB: string;
const ids: Record<string, string> = {};


async function publish(name: string, overrides: Record<string, unknown>, lead: string, unit: string) {
  let task = (await officer.post('/api/tasks', taskBody(unit, lead, { titleVi: `Ngữ pháp ${name}`, ...overrides }))).json() as TaskFull;
  task = (await officer.post(`/api/tasks/${task.id}/submit`, { version: task.version })).json() as TaskFull;
  task = (await officer.post(`/api/tasks/${task.id}/review`, { decision: 'accept', version: task.version })).json() as TaskFull;
  expect(task.status).toBe('published');
  ids[name] = task.id;
}

const { get, page } = publicList(() => t.app, '/api/tasks', 'Ngữ pháp');
const names = (p: ListPage) => p.items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0]).sort();

beforeAll(async () => {
  t = await createTestApp();
  const hanoi = (await unitByCode(t.app, 'province', '01')).id;
  officer = await loginAs(t.app, 'officer.hanoi');
  orgA = ((await officer.post('/api/organizations', organizationBody(hanoi))).json() as { id: string }).id;
  orgB = ((await officer.post('/api/organizations', organizationBody(hanoi))).json() as { id: string }).id;
  await publish('a', { levelCode: 'TINH', fieldCodes2025: ['101'], startDate: '2020-01-10', endDate: '2021-12-31' }, orgA, hanoi);
  await publish('b', { levelCode: 'CS', fieldCodes2025: ['102', '401'], startDate: '2022-05-01', endDate: '2024-06-30' }, orgA, hanoi);
  await publish('c', { levelCode: 'CS', fieldCodes2025: ['201'], startDate: '2024-02-01', endDate: '2026-01-31' }, orgB, hanoi);
  await publish('d', { levelCode: 'TINH', fieldCodes2025: ['402'], startDate: '2025-09-01', endDate: '2027-08-31' }, orgB, hanoi);
  // a draft never shows
  await officer.post('/api/tasks', taskBody(hanoi, orgA, { titleVi: 'Ngữ pháp nháp', levelCode: 'CS' }));
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/tasks with the list grammar', () => {
  it('filters by equality, OR, negation, prefix of a field code, ids, numbers and date ranges', async () => {
    expect(names(await page(''))).toEqual(['a', 'b', 'c', 'd']);
    expect(names(await page('filter=level:CS'))).toEqual(['b', 'c']);
    expect(names(await page('filter=level:!CS'))).toEqual(['a', 'd']);
    expect(names(await page('filter=field:1'))).toEqual(['a', 'b']);
    expect(names(await page('filter=field:101|201'))).toEqual(['a', 'c']);
    expect(names(await page('filter=field:!4'))).toEqual(['a', 'c']);
    expect(names(await page(`filter=lead_organization:${orgB}`))).toEqual(['c', 'd']);
    expect(names(await page('filter=start_year:2022-2024'))).toEqual(['b', 'c']);
    expect(names(await page('filter=start_year:>2022'))).toEqual(['c', 'd']);
    expect(names(await page('filter=end_date:<2024-06-30'))).toEqual(['a']);
    expect(names(await page('filter=start_date:2022-05-01-2024-02-01,level:CS'))).toEqual(['b', 'c']);
    const both = await page(`filter=level:TINH,lead_organization:${orgA}|${orgB}`);
    expect([names(both), both.total]).toEqual([['a', 'd'], 2]);
  });

  it('keeps the old parameters and the aliases working', async () => {
    const old = await page('pageSize=2&page=2&sort=-updated');
    expect([old.items.length, old.total, old.page, old.pageSize]).toEqual([2, 4, 2, 2]);
    expect((await page('per_page=3')).items).toHaveLength(3);
    const q = (await anonymous(t.app).get(`/api/tasks?q=${encodeURIComponent('Ngữ pháp')}&fieldCode=4`)).json() as ListPage;
    expect(names(q)).toEqual(['b', 'd']);
  });

  it('sorts by one or several keys, ascending or descending', async () => {
    expect((await page('sort=start_date')).items.map((i) => i.startDate)).toEqual(['2020-01-10', '2022-05-01', '2024-02-01', '2025-09-01']);
    expect((await page('sort=end_date:desc')).items.map((i) => i.endDate)).toEqual(['2027-08-31', '2026-01-31', '2024-06-30', '2021-12-31']);
    const byName = (await page('sort=-name')).items.map((i) => i.titleVi);
    expect(byName).toEqual(['Ngữ pháp d', 'Ngữ pháp c', 'Ngữ pháp b', 'Ngữ pháp a']);
  });

  it('selects fields (id always kept) and never a non-public one', async () => {
    const p = await page('select=code,startDate');
    expect(p.items).toHaveLength(4);
    for (const item of p.items) expect(Object.keys(item).sort()).toEqual(['code', 'id', 'startDate']);
    for (const restricted of ['budgetTotal', 'contractNo', 'levelCode', 'status', 'reviewComment']) {
      const res = await get(`select=code,${restricted}`);
      expect(res.statusCode).toBe(400);
      const body = res.json() as ListError;
      expect(body.error.code).toBe('LIST_QUERY_INVALID');
      expect(body.error.details[0]).toMatchObject({ path: 'select' });
      expect(body.error.details[0]?.message).toContain(restricted);
    }
    expect(JSON.stringify(await page('select=titleVi'))).not.toContain('HĐ-KHCN');
  });

  it('groups: counts per value equal the filtered totals', async () => {
    const res = await get('group_by=level');
    expect(res.statusCode).toBe(200);
    const g = res.json() as ListGroups;
    expect(g.total).toBe(4);
    expect(g.groups).toEqual([
      { key: 'CS', count: 2 },
      { key: 'TINH', count: 2 },
    ]);
    for (const { key, count } of g.groups) expect((await page(`filter=level:${key}`)).total).toBe(count);
    const years = (await get('group_by=start_year&filter=level:CS')).json() as ListGroups;
    expect(years).toEqual({ groups: [{ key: '2022', count: 1 }, { key: '2024', count: 1 }], total: 2 });
    const fields = (await get('group_by=field')).json() as ListGroups;
    expect(fields.groups.find((x) => x.key === '401')?.count).toBe(1);
    expect(fields.groups.reduce((s, x) => s + x.count, 0)).toBe(5);
  });

  it('pages with a cursor: every item exactly once, the total matching, null after the last page', async () => {
    for (const sort of ['-updated', 'name', 'start_date,-code', 'end_date:desc']) {
      const { ids: seen, total, nextCursors } = await harvestByCursor(page, `per_page=3&sort=${sort}`);
      for (const cursor of nextCursors) expect(cursor).not.toBeUndefined();
      expect(nextCursors.length).toBe(2);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(total);
      expect(seen).toEqual((await page(`sort=${sort}`)).items.map((i) => i.id));
    }
    const filtered = await page('per_page=1&cursor=*&filter=level:CS');
    const second = await page(`per_page=1&cursor=${filtered.next_cursor}&filter=level:CS`);
    expect([filtered.total, second.next_cursor, names(second).length]).toEqual([2, null, 1]);
  });

  it('answers 400 naming the parameter and the field on bad input', async () => {
    const cases: [string, string, string][] = [
      ['filter=budget:1', 'filter', 'budget'],
      ['filter=start_year:abc', 'filter', 'start_year'],
      ['filter=end_date:2024-13-01', 'filter', 'end_date'],
      ['filter=lead_organization:not-an-id', 'filter', 'lead_organization'],
      ['filter=level', 'filter', 'level'],
      ['sort=budgetTotal', 'sort', 'budgetTotal'],
      ['group_by=status', 'group_by', 'status'],
      ['cursor=bm9wZQ', 'cursor', 'cursor'],
      ['group_by=level&cursor=*', 'cursor', 'cursor'],
    ];
    for (const [qs, path, named] of cases) {
      const res = await get(qs);
      expect(res.statusCode, qs).toBe(400);
      const body = res.json() as ListError;
      expect(body.error.code).toBe('LIST_QUERY_INVALID');
      expect(body.error.details[0]?.path).toBe(path);
      expect(body.error.details[0]?.message).toContain(named);
    }
    // a forged cursor with the right sort but values the database cannot read
    const forged = Buffer.from(JSON.stringify({ s: '-updated', v: ['yesterday', 'not-an-id'] })).toString('base64url');
    const res = await get(`cursor=${forged}`);
    expect([res.statusCode, (res.json() as ListError).error.details[0]?.path]).toEqual([400, 'cursor']);
    // a cursor made for another sort
    const first = await page('per_page=1&cursor=*&sort=name');
    expect((await get(`per_page=1&cursor=${first.next_cursor}&sort=code`)).statusCode).toBe(400);
  });
});

describe('rate limit of the public task list', () => {
  it('limits anonymous clients with x-ratelimit headers; signed-in callers are not counted', async () => {
    const anon = await anonymous(t.app).get('/api/tasks');
    expect(anon.headers['x-ratelimit-limit']).toBe('120');
    expect(Number(anon.headers['x-ratelimit-remaining'])).toBeLessThan(120);
    const signedIn = await officer.get('/api/tasks');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers['x-ratelimit-limit']).toBeUndefined();
  });
});
