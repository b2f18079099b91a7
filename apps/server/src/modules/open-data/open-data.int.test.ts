import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDataChangesPage, OpenDataCurrent, Registration } from '@stinet/shared';
import { organizationBody, unitByCode } from '../../test-support/fixtures.js';
import { completeDossier, organizationOf, publishedTask } from '../../test-support/registration-fixtures.js';
import { anonymous, createTestApp, loginAs, type TestApp } from '../../test-support/test-app.js';
import { parseCsv } from '../task-io/csv.js';
import { createOpenDataService } from './open-data.service.js';

const MARK = 'MA-SO-THUE-MAT-6620';
let t: TestApp;

async function waitDone(): Promise<OpenDataCurrent> {
  for (let i = 0; i < 600; i++) {
    const cur = (await anonymous(t.app).get('/api/open-data/dumps/current')).json() as OpenDataCurrent;
    if (cur.job && cur.job.status !== 'running') return cur;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('dump did not finish');
}

beforeAll(async () => {
  t = await createTestApp();
  const admin = await loginAs(t.app, 'admin');
  const hanoi = (await unitByCode(t.app, 'province', '01')).id;
  const res = await admin.post('/api/organizations', organizationBody(hanoi, { nameVi: 'Viện "Dữ liệu, Mở"\nThử', internalNote: MARK }));
  expect(res.statusCode).toBe(201);
});
afterAll(async () => {
  await t.close();
});

describe('open-data dumps', () => {
  let cur: OpenDataCurrent;
  beforeAll(async () => {
    const admin = await loginAs(t.app, 'admin');
    const [a, b] = await Promise.all([admin.post('/api/open-data/dumps'), admin.post('/api/open-data/dumps')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([202, 409]);
    cur = await waitDone();
  });

  it('produces files whose counts equal the public list totals, with matching checksums', async () => {
    expect(cur.job?.status).toBe('succeeded');
    const m = cur.manifest;
    if (!m) throw new Error('no manifest');
    const pub = anonymous(t.app);
    const totals = {
      organization: ((await pub.get('/api/organizations?pageSize=1')).json() as { total: number }).total,
      researcher: ((await pub.get('/api/researchers?pageSize=1')).json() as { total: number }).total,
      task: ((await pub.get('/api/tasks?pageSize=1')).json() as { total: number }).total,
      result: ((await pub.get('/api/results?pageSize=1')).json() as { total: number }).total,
    };
    expect(m.counts).toEqual(totals);
    expect(totals.organization).toBeGreaterThan(0);
    for (const f of m.files) {
      const res = await pub.get(`/api/open-data/files/${f.name}`);
      expect(res.statusCode, f.name).toBe(200);
      expect(res.headers['content-type']).toBe(f.contentType);
      expect(res.headers['content-disposition']).toContain(f.name);
      expect(res.rawPayload.byteLength).toBe(f.size);
      expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(f.sha256);
      expect(res.body, `${f.name} leaks`).not.toContain(MARK);
      if (f.format === 'csv' && f.entityType) {
        const recs = [...parseCsv(res.body, ',')];
        expect(recs.length - 1, f.name).toBe(f.records);
        expect(recs.every((r) => r.fields.length === recs[0]?.fields.length)).toBe(true);
      }
      if (f.format === 'jsonl' && f.entityType) {
        const lines = res.body.split('\n').filter(Boolean);
        expect(lines.length).toBe(f.records);
        for (const l of lines) JSON.parse(l);
      }
    }
    const manifest = await pub.get('/api/open-data/files/manifest.json');
    expect(manifest.statusCode).toBe(200);
    expect((manifest.json() as { dumpId: string }).dumpId).toBe(m.dumpId);
  });

  it('JSON Lines records equal the public API records; CSV parses back', async () => {
    const pub = anonymous(t.app);
    for (const [file, api] of [['organizations', 'organizations'], ['researchers', 'researchers'], ['tasks', 'tasks'], ['results', 'results']] as const) {
      const lines = (await pub.get(`/api/open-data/files/${file}.jsonl`)).body.split('\n').filter(Boolean);
      for (const line of lines.slice(0, 3)) {
        const rec = JSON.parse(line) as { id: string };
        expect((await pub.get(`/api/${api}/${rec.id}`)).json() as Record<string, unknown>).toMatchObject(rec);
        if (api !== 'results') expect(JSON.parse((await pub.get(`/api/${api}/${rec.id}`)).body)).toEqual(rec);
      }
    }
    const csv = (await pub.get('/api/open-data/files/organizations.csv')).body;
    const recs = [...parseCsv(csv, ',')];
    const header = recs[0]?.fields ?? [];
    expect(header).toContain('provinceUnit.code');
    const row = recs.find((r) => r.fields.includes('Viện "Dữ liệu, Mở"\nThử'));
    expect(row).toBeDefined();
  });

  it('serves only names of the manifest', async () => {
    const pub = anonymous(t.app);
    for (const name of ['..%2Fstate.json', 'state.json', 'x.csv', '..%2F..%2Fetc%2Fpasswd']) expect((await pub.get(`/api/open-data/files/${name}`)).statusCode).not.toBe(200);
  });

  it('a failed run keeps the previous dump; an interrupted run is reported failed on start', async () => {
    const before = cur.manifest?.dumpId;
    const rootDir = join(t.filesDir, 'open-data');
    const failing = createOpenDataService({ db: t.handle.db, rootDir, beforePage: (type) => {
      if (type === 'task') throw new Error('disk full');
    } });
    const admin = { actor: { role: 'national_admin' } } as unknown as Parameters<typeof failing.start>[0];
    await failing.start(admin);
    await failing.running();
    const after = (await anonymous(t.app).get('/api/open-data/dumps/current')).json() as OpenDataCurrent;
    expect(after.manifest?.dumpId).toBe(before);
    expect(after.job?.status).toBe('failed');
    expect(after.job?.error?.code).toBe('OPEN_DATA_DUMP_FAILED');
    expect((await anonymous(t.app).get('/api/open-data/files/organizations.csv')).statusCode).toBe(200);

    const state = await failing.store.readState();
    await failing.store.writeState({ ...state, job: { ...(state.job as NonNullable<typeof state.job>), status: 'running', error: null } });
    const restarted = createOpenDataService({ db: t.handle.db, rootDir });
    expect(await restarted.recoverInterrupted()).toBe(true);
    const s2 = await restarted.store.readState();
    expect(s2.job?.error?.code).toBe('OPEN_DATA_DUMP_INTERRUPTED');
    expect(s2.currentDumpId).toBe(before);
    expect(existsSync(join(rootDir, 'tmp', s2.job?.id ?? 'x'))).toBe(false);
  });

  it('refuses non-administrators', async () => {
    expect((await anonymous(t.app).post('/api/open-data/dumps')).statusCode).toBe(401);
    expect((await (await loginAs(t.app, 'officer.hanoi')).post('/api/open-data/dumps')).statusCode).toBe(403);
  });
});

describe('open-data changes feed', () => {
  it('returns each changed record once across pages, in (updatedAt, id) order', async () => {
    const pub = anonymous(t.app);
    const since = '2000-01-01T00:00:00Z';
    const all = ((await pub.get(`/api/open-data/changes?since=${since}&limit=1000`)).json() as OpenDataChangesPage).items;
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `/api/open-data/changes?since=${encodeURIComponent(since)}&limit=7${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await pub.get(q);
      expect(res.statusCode).toBe(200);
      const page = res.json() as OpenDataChangesPage;
      seen.push(...page.items.map((i) => `${i.type}:${i.id}`));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor && pages < 500);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(7);
    if (all.length < 1000) expect(seen).toEqual(all.map((i) => `${i.type}:${i.id}`));
    const ts = all.map((i) => i.updatedAt);
    expect([...ts].sort()).toEqual(ts);
    expect(JSON.stringify(all)).not.toContain(MARK);
  });

  it('filters by since and shows a fresh change', async () => {
    const admin = await loginAs(t.app, 'admin');
    const hanoi = (await unitByCode(t.app, 'province', '01')).id;
    const since = new Date(Date.now() - 1000).toISOString();
    const org = (await admin.post('/api/organizations', organizationBody(hanoi, { nameVi: 'Viện Thay đổi Mới' }))).json() as { id: string };
    const page = (await anonymous(t.app).get(`/api/open-data/changes?since=${encodeURIComponent(since)}`)).json() as OpenDataChangesPage;
    const item = page.items.find((i) => i.id === org.id);
    expect(item?.type).toBe('organization');
    expect(item?.deleted).toBe(false);
    expect(item && !item.deleted ? item.record : null).toEqual((await anonymous(t.app).get(`/api/organizations/${org.id}`)).json());
  });

  it('reports a result whose certificate is revoked as deleted, no longer as present, and leaves it out of the dump', async () => {
    const officer = await loginAs(t.app, 'officer.hanoi');
    const reporter = await loginAs(t.app, 'reporter');
    const hanoi = (await unitByCode(t.app, 'province', '01')).id;
    const org = await organizationOf(t.handle.db, 'reporter');
    const since = new Date(Date.now() - 2000).toISOString();
    const task = await publishedTask(officer, hanoi, org, { acceptedOn: '2026-10-20' });
    let reg = await completeDossier(reporter, task.id, org);
    reg = (await reporter.post(`/api/registrations/${reg.id}/submit`, { version: reg.version })).json() as Registration;
    reg = (await officer.post(`/api/registrations/${reg.id}/review`, { decision: 'register', version: reg.version })).json() as Registration;
    expect(reg.status).toBe('registered');
    const pub = anonymous(t.app);
    const feed = async () => {
      const items: OpenDataChangesPage['items'] = [];
      let cursor: string | null = null;
      do {
        const page = (await pub.get(`/api/open-data/changes?since=${encodeURIComponent(since)}&limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json() as OpenDataChangesPage;
        items.push(...page.items);
        cursor = page.next_cursor;
      } while (cursor);
      return items;
    };
    const before = (await feed()).filter((i) => i.id === reg.id);
    expect(before.map((i) => [i.type, i.deleted])).toEqual([['result', false]]);
    expect(before.map((i) => i.id)).toEqual([reg.id]);
    expect((await feed()).some((i) => i.id === task.id && i.type === 'task' && !i.deleted)).toBe(true);

    const revoked = await officer.post(`/api/certificates/${reg.certificate?.id}/revoke`, { reason: 'Kết quả trùng lặp với nhiệm vụ đã đăng ký.' });
    expect(revoked.statusCode).toBe(200);
    const after = await feed();
    const entries = after.filter((i) => i.id === reg.id);
    expect(entries).toHaveLength(1);
    expect(Object.keys(entries[0] ?? {}).sort()).toEqual(['deleted', 'id', 'type', 'updatedAt']);
    expect(entries[0]).toMatchObject({ type: 'result', id: reg.id, deleted: true });
    expect(Date.parse(entries[0]?.updatedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(since));
    // the order (updatedAt, id) holds across records and deletions; the task stays public
    const ts = after.map((i) => i.updatedAt);
    expect([...ts].sort()).toEqual(ts);
    expect(after.some((i) => i.id === task.id && i.type === 'task' && !i.deleted)).toBe(true);
    // a feed since after the revocation does not list it again
    const later = (await pub.get(`/api/open-data/changes?since=${encodeURIComponent(new Date(Date.now() + 2000).toISOString())}`)).json() as OpenDataChangesPage;
    expect(later.items.some((i) => i.id === reg.id)).toBe(false);
    expect((await pub.get(`/api/results/${reg.id}`)).statusCode).toBe(404);

    // a new dump leaves it out and still counts what the public list counts
    const admin = await loginAs(t.app, 'admin');
    expect((await admin.post('/api/open-data/dumps')).statusCode).toBe(202);
    const cur = await waitDone();
    expect(cur.job?.status).toBe('succeeded');
    const total = ((await pub.get('/api/results?pageSize=1')).json() as { total: number }).total;
    expect(cur.manifest?.counts.result).toBe(total);
    expect((await pub.get('/api/open-data/files/results.jsonl')).body).not.toContain(reg.id);
    expect((await pub.get('/api/open-data/files/results.csv')).body).not.toContain(reg.id);
    // staff still see the registration, with the revocation
    const dossier = (await officer.get(`/api/registrations/${reg.id}`)).json() as Registration;
    expect([dossier.status, dossier.certificate?.status]).toEqual(['registered', 'revoked']);
  });

  it('rejects a bad since or cursor with 400', async () => {
    const pub = anonymous(t.app);
    expect((await pub.get('/api/open-data/changes?since=yesterday')).statusCode).toBe(400);
    expect((await pub.get('/api/open-data/changes')).statusCode).toBe(400);
    const bad = await pub.get('/api/open-data/changes?since=2020-01-01T00:00:00Z&cursor=abc');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { code: string } }).error.code).toBe('OPEN_DATA_BAD_CURSOR');
  });

  it('serves the data dictionary', async () => {
    const dict = (await anonymous(t.app).get('/api/open-data/dictionary')).json() as { entities: { entityType: string; fields: { field: string }[] }[] };
    expect(dict.entities.map((e) => e.entityType)).toEqual(['organization', 'researcher', 'task', 'result']);
  });
});
