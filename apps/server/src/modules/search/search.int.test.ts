import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { SearchResponse, TaskFull } from '@stinet/shared';
import { queryRows } from '../../lib/sql.js';
import { SEARCH_DOC_COLUMNS } from './search-index.js';
import { organizationBody, unitByCode } from '../../test-support/fixtures.js';
import { organizationOf, publishedTask, registeredResult } from '../../test-support/registration-fixtures.js';
import { taskBody } from '../../test-support/task-fixtures.js';
import { anonymous, createTestApp, loginAs, type TestApp } from '../../test-support/test-app.js';

/** A made-up word that occurs in no seeded record, so every assertion is about the records planted here. */
const M = 'Zentrovia';

let t: TestApp;
let orgA = '';
let orgB = '';
let hue = '';
let thuaThienHue = '';
let t1: TaskFull;
let t2: TaskFull;
let t3: TaskFull;
let draftId = '';

async function find(query: string): Promise<SearchResponse> {
  const res = await anonymous(t.app).get(`/api/search?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchResponse;
}
const q = (text: string, rest = '') => find(`q=${encodeURIComponent(text)}${rest}`);
const ids = (r: SearchResponse) => r.items.map((i) => i.id);
const bucket = (r: SearchResponse, facet: keyof SearchResponse['facets'], key: string) => r.facets[facet].find((b) => b.key === key)?.count ?? 0;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await loginAs(t.app, 'admin');
  const hanoi = (await unitByCode(t.app, 'province', '01')).id;
  hue = (await unitByCode(t.app, 'province', '46')).id;
  thuaThienHue = (await unitByCode(t.app, 'province', '46', '2024-06-01')).id;
  orgA = ((await admin.post('/api/organizations', organizationBody(hanoi, { nameVi: `Viện Công nghệ ${M} Hà Nội`, internalNote: `GHICHU-NOIBO-${M}` }))).json() as { id: string }).id;
  orgB = ((await admin.post('/api/organizations', organizationBody(hue, { nameVi: `Trung tâm ${M} miền Trung` }))).json() as { id: string }).id;
  t1 = await publishedTask(admin, hanoi, orgA, {
    overrides: { titleVi: `Ứng dụng công nghệ sinh học ${M} trong nuôi trồng thủy sản`, levelCode: 'TINH', fieldCodes2025: ['401'], applicationPlan: `KHUNGMAT ${M} kế hoạch ứng dụng` },
  });
  t2 = await publishedTask(admin, hue, orgB, { overrides: { titleVi: `Dự báo bão nhiệt đới ${M} ven biển`, levelCode: 'TINH', fieldCodes2025: ['105'] } });
  t3 = await publishedTask(admin, hue, orgB, { overrides: { titleVi: `Bảo tồn nguồn gen ${M} cây dược liệu`, levelCode: 'CS', fieldCodes2025: ['401'] } });
  const draft = await admin.post('/api/tasks', taskBody(hanoi, orgA, { titleVi: `Công nghệ sinh học ${M} bản nháp chưa công bố` }));
  expect(draft.statusCode).toBe(201);
  draftId = (draft.json() as { id: string }).id;
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/search', () => {
  it('finds Vietnamese text typed without diacritics and marks the terms', async () => {
    const r = await q(`cong nghe sinh hoc ${M.toLowerCase()}`);
    expect(ids(r)).toContain(t1.id);
    const hit = r.items.find((i) => i.id === t1.id);
    expect(hit?.url).toBe(`/tasks/${t1.id}`);
    expect(hit?.highlight.title).toBe(`Ứng dụng <mark>công</mark> <mark>nghệ</mark> <mark>sinh</mark> <mark>học</mark> <mark>${M}</mark> trong nuôi trồng thủy sản`);
    expect(hit?.score).toBeGreaterThan(0);
    expect(hit?.score).toBeLessThanOrEqual(1);
  });

  it('ranks a match with the diacritics as typed above a folded-only match', async () => {
    const folded = await q(`bao ${M}`);
    expect(ids(folded)).toEqual(expect.arrayContaining([t2.id, t3.id]));
    const storm = ids(await q(`bão ${M}`));
    expect(storm.indexOf(t2.id)).toBeGreaterThanOrEqual(0);
    expect(storm.indexOf(t2.id)).toBeLessThan(storm.indexOf(t3.id));
    const conserve = ids(await q(`bảo ${M}`));
    expect(conserve.indexOf(t3.id)).toBeLessThan(conserve.indexOf(t2.id));
  });

  it('matches quoted phrases as phrases', async () => {
    expect(ids(await q(`"sinh hoc ${M}"`))).toEqual([t1.id]);
    expect(ids(await q(`"hoc sinh ${M}"`))).toEqual([]);
  });

  it('matches prefixes at a word start only', async () => {
    expect(ids(await q('zentro* thuy san'))).toContain(t1.id);
    expect(ids(await q('entrovi* thuy san'))).not.toContain(t1.id);
  });

  it('tolerates a typo', async () => {
    const one = await q(`${M} sinh hocc`);
    expect(ids(one)).toContain(t1.id);
    expect(one.approximate).toBe(true);
    expect(one.items.find((i) => i.id === t1.id)?.highlight.title).toContain('<mark>học</mark>');
    expect(ids(await q(`${M} cong ngeh`))).toContain(t1.id);
    expect((await q(`${M} sinh hoc`)).approximate).toBe(false);
  });

  it('counts each facet with the other facet filters applied', async () => {
    const all = await q(M);
    expect(bucket(all, 'type', 'task')).toBe(3);
    expect(bucket(all, 'type', 'organization')).toBe(2);
    expect(all.total).toBe(5);
    expect(bucket(all, 'level', 'TINH')).toBe(2);
    expect(bucket(all, 'level', 'CS')).toBe(1);
    const cs = await q(M, '&level=CS');
    expect(ids(cs)).toEqual([t3.id]);
    // the chosen facet keeps its other values; the other facets are counted within level = CS
    expect(bucket(cs, 'level', 'TINH')).toBe(2);
    expect(cs.facets.level.find((b) => b.key === 'CS')?.selected).toBe(true);
    expect(bucket(cs, 'type', 'task')).toBe(1);
    expect(bucket(cs, 'type', 'organization')).toBe(0);
    expect(bucket(cs, 'field', '4')).toBe(1);
    expect(bucket(cs, 'field', '1')).toBe(0);
    const both = await q(M, '&level=CS|TINH&type=task&field=4');
    expect(new Set(ids(both))).toEqual(new Set([t1.id, t3.id]));
    expect(bucket(both, 'field', '1')).toBe(1);
    expect(bucket(both, 'organization', orgB)).toBe(1);
    expect(bucket(both, 'year', '2024')).toBe(2);
    expect(bucket(both, 'status', 'ended')).toBe(2);
  });

  it('shows provinces as of today or as of a past date through the succession map', async () => {
    const today = await q(M);
    expect(bucket(today, 'province', hue)).toBe(3);
    const past = await q(M, '&provinceAsOf=2024-06-01');
    expect(past.provinceAsOf).toBe('2024-06-01');
    expect(bucket(past, 'province', thuaThienHue)).toBe(3);
    expect(past.facets.province.find((b) => b.key === thuaThienHue)?.label).toContain('Thừa Thiên Huế');
    const filtered = await q(M, `&provinceAsOf=2024-06-01&province=${thuaThienHue}`);
    expect(new Set(ids(filtered))).toEqual(new Set([orgB, t2.id, t3.id]));
    // an old unit given as a filter today means its successor
    expect(new Set(ids(await q(M, `&province=${thuaThienHue}`)))).toEqual(new Set([orgB, t2.id, t3.id]));
  });

  it('never finds drafts or restricted fields', async () => {
    const r = await q(M, '&pageSize=100');
    expect(ids(r)).not.toContain(draftId);
    expect(ids(await q(`ban nhap chua cong bo ${M}`))).toEqual([]);
    expect((await q('KHUNGMAT')).total).toBe(0);
    expect((await q(`GHICHU-NOIBO-${M}`)).total).toBe(0);
    expect(JSON.stringify(r)).not.toContain('KHUNGMAT');
  });

  it('pages through the hits', async () => {
    const p1 = await q(M, '&pageSize=2&page=1');
    const p2 = await q(M, '&pageSize=2&page=2');
    const p3 = await q(M, '&pageSize=2&page=3');
    expect(p1.total).toBe(5);
    expect([p1.items.length, p2.items.length, p3.items.length]).toEqual([2, 2, 1]);
    expect(new Set([...ids(p1), ...ids(p2), ...ids(p3)]).size).toBe(5);
  });

  it('searches every public record without a query and escapes the highlight', async () => {
    const r = await find('type=organization&pageSize=5');
    expect(r.total).toBeGreaterThan(2);
    expect(r.items.every((i) => i.type === 'organization' && i.score === 0)).toBe(true);
    const odd = await q(`<${M}> & "`);
    expect(odd.total).toBe(5);
    expect(odd.items.every((i) => !i.highlight.title.includes('<b>') && i.highlight.title.includes(`<mark>${M}</mark>`))).toBe(true);
  });

  it('refuses bad parameters with 400 and the standard error', async () => {
    for (const bad of ['type=foo', 'pageSize=1000', 'province=not-a-uuid', 'year=20x4', 'provinceAsOf=2024-02-30', 'page=200&pageSize=100', `q=${'a'.repeat(400)}`]) {
      const res = await anonymous(t.app).get(`/api/search?${bad}`);
      expect([bad, res.statusCode, (res.json() as { error: { code: string } }).error.code]).toEqual([bad, 400, 'VALIDATION_FAILED']);
    }
    const unknown = await anonymous(t.app).get('/api/search?foo=1');
    expect([unknown.statusCode, (unknown.json() as { error: { code: string } }).error.code]).toEqual([400, 'UNKNOWN_FIELD']);
  });
});

describe('the search documents follow every change in its transaction', () => {
  /** Rows of the search index that differ from what the view of public records says now (either way). */
  async function drift(): Promise<number> {
    const cols = SEARCH_DOC_COLUMNS;
    const rows = await queryRows<{ n: number | string }>(
      t.handle.db,
      sql`SELECT count(*) AS n FROM ((SELECT ${cols} FROM search_doc EXCEPT SELECT ${cols} FROM search_doc_source) UNION ALL (SELECT ${cols} FROM search_doc_source EXCEPT SELECT ${cols} FROM search_doc)) x`,
    );
    return Number(rows[0]?.n);
  }

  it('renames, results registered and revoked, and the seed all leave the index equal to the public records', async () => {
    expect(await drift()).toBe(0);
    const admin = await loginAs(t.app, 'admin');
    const officer = await loginAs(t.app, 'officer.hanoi');
    const reporter = await loginAs(t.app, 'reporter');
    // an organization renamed: its own document and its researchers' (the organization's name is in their text)
    const org = (await admin.get(`/api/organizations/${orgB}/full`)).json() as { version: number };
    const renamed = await admin.patch(`/api/organizations/${orgB}`, { nameVi: `Trung tâm Quvarex ${M} miền Trung`, version: org.version });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(ids(await q('quvarex'))).toEqual(expect.arrayContaining([orgB]));
    // a result registered on a published task, then its certificate revoked: found, then gone
    const hanoi = (await unitByCode(t.app, 'province', '01')).id;
    const reporterOrg = await organizationOf(t.handle.db, 'reporter');
    const { task, reg } = await registeredResult(officer, reporter, hanoi, reporterOrg, { titleVi: `Vật liệu Plixoran ${M} cho pin mặt trời` });
    expect(ids(await q('plixoran', '&type=result'))).toEqual([reg.id]);
    expect(await drift()).toBe(0);
    expect((await officer.post(`/api/certificates/${reg.certificate?.id}/revoke`, { reason: 'Kết quả trùng lặp.' })).statusCode).toBe(200);
    expect(ids(await q('plixoran', '&type=result'))).toEqual([]);
    expect(ids(await q('plixoran'))).toEqual([task.id]);
    expect(await drift()).toBe(0);
  });
});

describe('browsing without words', () => {
  it('reuses the answer while nothing changes and drops it at the first change of a public record', async () => {
    const first = await find('type=organization&pageSize=5');
    const again = await find('type=organization&pageSize=5');
    expect(again.tookMs).toBe(0);
    expect({ ...again, tookMs: 0 }).toEqual({ ...first, tookMs: 0 });
    const admin = await loginAs(t.app, 'admin');
    const hanoi = (await unitByCode(t.app, 'province', '01')).id;
    expect((await admin.post('/api/organizations', organizationBody(hanoi, { nameVi: `Viện Browsia ${M}` }))).statusCode).toBe(201);
    const after = await find('type=organization&pageSize=5');
    expect(after.total).toBe(first.total + 1);
  });
});

describe('POST /api/similar-tasks', () => {
  let rice: TaskFull;
  beforeAll(async () => {
    const admin = await loginAs(t.app, 'admin');
    const hanoi = (await unitByCode(t.app, 'province', '01')).id;
    rice = await publishedTask(admin, hanoi, orgA, {
      overrides: {
        titleVi: `Chọn tạo giống lúa chịu mặn ${M} cho vùng đồng bằng sông Cửu Long`,
        objectives: 'Chọn tạo được hai giống lúa chịu mặn năng suất cao. Xây dựng quy trình canh tác thích ứng xâm nhập mặn.',
        content: 'Thu thập nguồn gen lúa địa phương; lai tạo và chọn lọc bằng chỉ thị phân tử; khảo nghiệm tại Sóc Trăng và Bạc Liêu.',
      },
    });
  });

  it('is for signed-in staff only', async () => {
    const body = { title: 'Giống lúa chịu mặn' };
    expect((await anonymous(t.app).post('/api/similar-tasks', body)).statusCode).toBe(401);
    for (const user of ['admin', 'reviewer']) expect((await (await loginAs(t.app, user)).post('/api/similar-tasks', body)).statusCode).toBe(200);
  });

  it('ranks a near-duplicate first, with shared passages marked, and an unrelated task last', async () => {
    const reviewer = await loginAs(t.app, 'reviewer');
    const res = await reviewer.post('/api/similar-tasks', {
      title: `Nghiên cứu chọn tạo giống lúa chịu mặn ${M} vùng đồng bằng sông Cửu Long`,
      summary: 'Mục tiêu: chọn tạo giống lúa chịu mặn có năng suất cao; khảo nghiệm tại Sóc Trăng.',
      limit: 50,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: { id: string; score: number; passages: { field: string; highlight: string }[] }[]; candidates: number };
    expect(body.items[0]?.id).toBe(rice.id);
    expect(body.items[0]?.score).toBeGreaterThan(0.5);
    expect(body.items[0]?.score).toBeLessThanOrEqual(1);
    const passages = body.items[0]?.passages ?? [];
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.map((p) => p.field)).toContain('objectives');
    expect(passages.some((p) => p.highlight.includes('<mark>mặn</mark>'))).toBe(true);
    const scores = body.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const storm = body.items.findIndex((i) => i.id === t2.id);
    if (storm >= 0) expect(body.items[storm]?.score).toBeLessThan(0.2);
    // deterministic
    const again = (await reviewer.post('/api/similar-tasks', { title: `Nghiên cứu chọn tạo giống lúa chịu mặn ${M} vùng đồng bằng sông Cửu Long`, summary: 'Mục tiêu: chọn tạo giống lúa chịu mặn có năng suất cao; khảo nghiệm tại Sóc Trăng.', limit: 50 })).json() as typeof body;
    expect(again.items).toEqual(body.items);
  });

  it('leaves out the task being checked and refuses a bad body', async () => {
    const admin = await loginAs(t.app, 'admin');
    const res = (await admin.post('/api/similar-tasks', { title: rice.titleVi, excludeTaskId: rice.id })).json() as { items: { id: string }[] };
    expect(res.items.map((i) => i.id)).not.toContain(rice.id);
    const bad = await admin.post('/api/similar-tasks', { title: 'a' });
    expect([bad.statusCode, (bad.json() as { error: { code: string } }).error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
