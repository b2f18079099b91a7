import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../lib/sql.js';
import { anonymous, createTestApp, loginAs, type TestApp } from '../../test-support/test-app.js';
import { INDEX_HTML_TEMPLATE as TEMPLATE } from '../../test-support/index-html.js';

const PUBLIC_URL = 'https://stinet.example.vn';
const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

let t: TestApp;
beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'stinet-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), TEMPLATE);
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("stinet")');
  t = await createTestApp({ WEB_DIST_DIR: dist, PUBLIC_URL: `${PUBLIC_URL}/` });
});
afterAll(async () => {
  await t.close();
});

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The parts of a record page's head the tests look at. */
function headOf(html: string) {
  const attr = (re: RegExp) => {
    const m = re.exec(html);
    return m ? unescape(m[1] as string) : undefined;
  };
  const preload = /<script type="application\/json" id="stinet-preload">([\s\S]*?)<\/script>/.exec(html);
  return {
    title: attr(/<title>([^<]*)<\/title>/),
    description: attr(/<meta name="description" content="([^"]*)"/),
    robots: attr(/<meta name="robots" content="([^"]*)"/),
    canonical: attr(/<link rel="canonical" href="([^"]*)"/),
    og: {
      title: attr(/<meta property="og:title" content="([^"]*)"/),
      description: attr(/<meta property="og:description" content="([^"]*)"/),
      type: attr(/<meta property="og:type" content="([^"]*)"/),
      url: attr(/<meta property="og:url" content="([^"]*)"/),
    },
    preload: preload ? (JSON.parse(preload[1] as string) as { key: string; data: unknown }) : undefined,
    titles: html.match(/<title>/g)?.length ?? 0,
    descriptions: html.match(/name="description"/g)?.length ?? 0,
  };
}

/** The id of the first record of a public list. */
async function firstOf(list: string): Promise<string> {
  const body = (await anonymous(t.app).get(`/api/${list}?pageSize=1`)).json() as { items: { id: string }[] };
  const id = body.items[0]?.id;
  expect(id, `no public ${list}`).toBeDefined();
  return id as string;
}

const KINDS = [
  { segment: 'tasks', title: (r: Record<string, unknown>) => r.titleVi, ogType: 'article' },
  { segment: 'results', title: (r: Record<string, unknown>) => r.resultTitleVi, ogType: 'article' },
  { segment: 'organizations', title: (r: Record<string, unknown>) => r.nameVi, ogType: 'website' },
  { segment: 'researchers', title: (r: Record<string, unknown>) => r.fullName, ogType: 'profile' },
] as const;

describe('public record pages', () => {
  for (const kind of KINDS) {
    it(`/${kind.segment}/:id has the record's title, description, canonical link, Open Graph tags and the API answer preloaded`, async () => {
      const id = await firstOf(kind.segment);
      const api = await anonymous(t.app).get(`/api/${kind.segment}/${id}`);
      expect(api.statusCode).toBe(200);
      const record = api.json() as Record<string, unknown>;
      const title = kind.title(record) as string;

      const res = await anonymous(t.app).request({ method: 'GET', url: `/${kind.segment}/${id}`, headers: HTML });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const head = headOf(res.body);
      expect(head.title).toBe(`${title} — stinet`);
      expect([head.titles, head.descriptions]).toEqual([1, 1]);
      expect(head.description).toBeDefined();
      const description = head.description as string;
      expect(description.length).toBeGreaterThan(10);
      expect(Array.from(description).length).toBeLessThanOrEqual(160);
      expect(description).not.toMatch(/\s{2}/);
      if (description.endsWith('…')) expect(Array.from(description).length).toBeGreaterThan(100);
      expect(description.startsWith(Array.from(title).slice(0, 60).join(''))).toBe(true); // the record's name comes first
      expect(head.robots).toBeUndefined();
      expect(head.canonical).toBe(`${PUBLIC_URL}/${kind.segment}/${id}`);
      expect(head.og).toEqual({ title: `${title} — stinet`, description, type: kind.ogType, url: `${PUBLIC_URL}/${kind.segment}/${id}` });
      // the preload is exactly the public API's body for the path the page fetches
      expect(head.preload?.key).toBe(`/api/${kind.segment}/${id}`);
      expect(head.preload?.data).toEqual(record);
      expect(JSON.stringify(head.preload?.data)).toBe(api.body);
      // the app still boots: the body is the template's
      expect(res.body).toContain('<div id="root"></div>');
      expect(res.body).toContain('src="/assets/app.js"');

      // HEAD answers too; a signed-in visitor gets the same public page (the web app refetches for them)
      const headRes = await t.app.inject({ method: 'HEAD', url: `/${kind.segment}/${id}`, headers: HTML });
      expect(headRes.statusCode).toBe(200);
      const admin = await loginAs(t.app, 'admin');
      expect(headOf((await admin.request({ method: 'GET', url: `/${kind.segment}/${id}`, headers: HTML })).body).preload).toEqual(head.preload);
    });

    it(`/${kind.segment}/:id of an unknown or malformed id is the app with 404 and noindex, without a preload`, async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const res = await anonymous(t.app).request({ method: 'GET', url: `/${kind.segment}/${id}`, headers: HTML });
        expect([id, res.statusCode]).toEqual([id, 404]);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        const head = headOf(res.body);
        expect(head.robots).toBe('noindex');
        expect(head.preload).toBeUndefined();
        expect(head.canonical).toBeUndefined();
        expect(head.title).toBe('stinet — Mạng thông tin KH&CN quốc gia');
        expect(res.body).toContain('<div id="root"></div>');
      }
    });
  }

  it('a task that is not published (draft, submitted, returned) is a 404 page with noindex and nothing of the task', async () => {
    const rows = await queryRows<{ id: string; status: string; title_vi: string }>(t.handle.db, sql`SELECT DISTINCT ON (status) id, status, title_vi FROM task WHERE status <> 'published' ORDER BY status, id`);
    expect(rows.map((r) => r.status)).toContain('draft');
    for (const row of rows) {
      expect((await anonymous(t.app).get(`/api/tasks/${row.id}`)).statusCode).toBe(404);
      const res = await anonymous(t.app).request({ method: 'GET', url: `/tasks/${row.id}`, headers: HTML });
      expect([row.status, res.statusCode]).toEqual([row.status, 404]);
      const head = headOf(res.body);
      expect(head.robots).toBe('noindex');
      expect(head.preload).toBeUndefined();
      expect(res.body).not.toContain(row.id);
      expect(res.body).not.toContain(row.title_vi);
    }
  });

  it('a result whose dossier is not registered is a 404 page', async () => {
    const [row] = await queryRows<{ id: string }>(t.handle.db, sql`SELECT id FROM result_registration WHERE status <> 'registered' LIMIT 1`);
    expect(row).toBeDefined();
    const res = await anonymous(t.app).request({ method: 'GET', url: `/results/${row?.id ?? ''}`, headers: HTML });
    expect(res.statusCode).toBe(404);
    expect(headOf(res.body).robots).toBe('noindex');
  });

  it('JSON-only clients get the plain app, and the API, assets and other client routes are unchanged', async () => {
    const id = await firstOf('tasks');
    const json = await anonymous(t.app).request({ method: 'GET', url: `/tasks/${id}`, headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(200);
    expect(headOf(json.body).preload).toBeUndefined();
    expect(headOf(json.body).title).toBe('stinet — Mạng thông tin KH&CN quốc gia');
    for (const url of ['/', '/tasks', `/staff/tasks/${id}`, `/tasks/${id}/extra`]) {
      const res = await anonymous(t.app).request({ method: 'GET', url, headers: HTML });
      expect([url, res.statusCode, headOf(res.body).preload]).toEqual([url, 200, undefined]);
    }
    expect((await anonymous(t.app).get(`/api/tasks/${id}`)).headers['content-type']).toContain('application/json');
    expect((await anonymous(t.app).get('/assets/app.js')).statusCode).toBe(200);
  });

  it('without PUBLIC_URL the canonical link uses the request host', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'stinet-web-'));
    writeFileSync(join(dist, 'index.html'), TEMPLATE);
    const other = await createTestApp({ WEB_DIST_DIR: dist });
    try {
      const id = await firstOf('organizations');
      const res = await other.app.inject({ method: 'GET', url: `/organizations/${id}`, headers: { ...HTML, host: 'portal.example.org' } });
      expect(headOf(res.body).canonical).toBe(`http://portal.example.org/organizations/${id}`);
    } finally {
      await other.close();
    }
  });
});
