import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registration } from '@stinet/shared';
import { unitByCode } from '../../test-support/fixtures.js';
import { completeDossier, organizationOf, publishedTask } from '../../test-support/registration-fixtures.js';
import { harvestByCursor, publicList, type ListError, type ListGroups, type ListPage } from '../../test-support/list-grammar.js';
import { anonymous, createTestApp, loginAs, type Client, type TestApp } from '../../test-support/test-app.js';

/** The list grammar (filter, sort, select, group_by, cursor) on the public list of registered results. */
let t: TestApp;
let hanoi: string;
let national: string;
const ids: Record<string, string> = {};


const { get, page } = publicList(() => t.app, '/api/results', 'Ngữ pháp kết quả');
const names = (p: ListPage) => p.items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0]).sort();

async function register(name: string, registrar: Client, reporter: Client, org: string, unit: string, overrides: Record<string, unknown>) {
  const task = await publishedTask(registrar, unit, org, { acceptedOn: '2026-10-20', overrides: { titleVi: `Ngữ pháp kết quả ${name}`, ...overrides } });
  let reg = await completeDossier(reporter, task.id, org);
  reg = (await reporter.post(`/api/registrations/${reg.id}/submit`, { version: reg.version })).json() as Registration;
  reg = (await registrar.post(`/api/registrations/${reg.id}/review`, { decision: 'register', version: reg.version })).json() as Registration;
  expect(reg.status).toBe('registered');
  ids[name] = reg.id;
}

beforeAll(async () => {
  t = await createTestApp();
  hanoi = (await unitByCode(t.app, 'province', '01')).id;
  national = (await unitByCode(t.app, 'national', 'CTTK')).id;
  const officer = await loginAs(t.app, 'officer.hanoi');
  const admin = await loginAs(t.app, 'admin');
  const reporter = await loginAs(t.app, 'reporter');
  const org = await organizationOf(t.handle.db, 'reporter');
  await register('a', officer, reporter, org, hanoi, { levelCode: 'TINH', fieldCodes2025: ['101'] });
  await register('b', officer, reporter, org, hanoi, { levelCode: 'CS', fieldCodes2025: ['201', '102'] });
  await register('c', admin, reporter, org, national, { levelCode: 'QG', fieldCodes2025: ['402'] });
  // a dossier not registered never shows
  const draft = await publishedTask(officer, hanoi, org, { acceptedOn: '2026-10-20', overrides: { titleVi: 'Ngữ pháp kết quả nháp' } });
  await completeDossier(reporter, draft.id, org);
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/results with the list grammar', () => {
  it('filters by level, field prefix, authority, registration year; OR and negation', async () => {
    expect(names(await page(''))).toEqual(['a', 'b', 'c']);
    expect(names(await page('filter=level:QG|CS'))).toEqual(['b', 'c']);
    expect(names(await page('filter=level:!QG'))).toEqual(['a', 'b']);
    expect(names(await page('filter=field:1'))).toEqual(['a', 'b']);
    expect(names(await page(`filter=authority:${national}`))).toEqual(['c']);
    expect(names(await page(`filter=authority:!${national},field:2`))).toEqual(['b']);
    const year = new Date().getUTCFullYear();
    expect((await page(`filter=registered_year:${year - 1}-${year + 1}`)).total).toBe(3);
    expect((await page(`filter=registered_year:<${year}`)).total).toBe(0);
  });

  it('keeps q and page/pageSize; sorts by title or registration', async () => {
    const old = (await anonymous(t.app).get(`/api/results?q=${encodeURIComponent('Ngữ pháp kết quả')}&page=2&pageSize=2`)).json() as ListPage;
    expect([old.items.length, old.total, old.page, old.pageSize]).toEqual([1, 3, 2, 2]);
    const newest = (await page('sort=-registered')).items.map((i) => i.registeredAt as string);
    expect(newest).toEqual([...newest].sort().reverse());
    expect((await page('sort=registered')).items.map((i) => i.id)).toEqual((await page('sort=-registered')).items.map((i) => i.id).reverse());
  });

  it('selects public fields only', async () => {
    const p = await page('select=certificateNumber,task');
    for (const item of p.items) expect(Object.keys(item).sort()).toEqual(['certificateNumber', 'id', 'task']);
    for (const restricted of ['status', 'reviewComment', 'documents', 'version']) {
      const res = await get(`select=${restricted}`);
      expect(res.statusCode).toBe(400);
      expect((res.json() as ListError).error.details[0]?.message).toContain(restricted);
    }
  });

  it('groups with counts equal to the filtered totals', async () => {
    const g = (await get('group_by=authority')).json() as ListGroups;
    expect(g.total).toBe(3);
    expect(g.groups).toEqual([
      { key: hanoi, count: 2 },
      { key: national, count: 1 },
    ]);
    for (const { key, count } of g.groups) expect((await page(`filter=authority:${key}`)).total).toBe(count);
    const fields = (await get('group_by=field&filter=level:CS')).json() as ListGroups;
    expect(fields).toEqual({ groups: [{ key: '102', count: 1 }, { key: '201', count: 1 }], total: 1 });
  });

  it('pages with a cursor: each item once, the total matching; bad input is a 400 naming the field', async () => {
    for (const sort of ['-registered', 'title', '-title']) {
      const { ids: seen, total } = await harvestByCursor(page, `per_page=2&sort=${sort}`);
      expect([seen.length, new Set(seen).size]).toEqual([total, total]);
      expect(seen).toEqual((await page(`sort=${sort}`)).items.map((i) => i.id));
    }
    for (const [qs, path, named] of [
      ['filter=status:draft', 'filter', 'status'],
      ['filter=registered_year:last', 'filter', 'registered_year'],
      ['sort=updated', 'sort', 'updated'],
      ['cursor=abc', 'cursor', 'cursor'],
    ] as const) {
      const res = await get(qs);
      expect(res.statusCode, qs).toBe(400);
      const body = res.json() as ListError;
      expect([body.error.code, body.error.details[0]?.path]).toEqual(['LIST_QUERY_INVALID', path]);
      expect(body.error.details[0]?.message).toContain(named);
    }
  });
});
