import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDataChangesPage, OpenDataCurrent } from '@stinet/shared';
import { organizationBody, unitByCode } from '../../test-support/fixtures.js';
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
    expect(item?.record).toEqual((await anonymous(t.app).get(`/api/organizations/${org.id}`)).json());
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
