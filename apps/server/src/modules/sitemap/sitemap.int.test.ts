import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../lib/sql.js';
import { unitByCode } from '../../test-support/fixtures.js';
import { taskBody } from '../../test-support/task-fixtures.js';
import { organizationOf, publishedTask, registeredResult } from '../../test-support/registration-fixtures.js';
import { anonymous, createTestApp, loginAs, type TestApp } from '../../test-support/test-app.js';
import { parseSitemapName } from './sitemap.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://stinet.example.vn' });
});
afterAll(async () => {
  await t.close();
});

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string);

describe('sitemap', () => {
  it('indexes the static pages and every public record, and no draft', async () => {
    const pub = anonymous(t.app);
    const officer = await loginAs(t.app, 'officer.hanoi');
    const hanoi = (await unitByCode(t.app, 'province', '01')).id;
    const org = await organizationOf(t.handle.db, 'reporter');
    const published = await publishedTask(officer, hanoi, org);
    const draft = (await officer.post('/api/tasks', taskBody(hanoi, org))).json() as { id: string };

    const index = await pub.get('/sitemap.xml');
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toContain('application/xml');
    expect(index.body).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const files = locs(index.body);
    expect(files[0]).toBe('https://stinet.example.vn/sitemaps/pages-1.xml');
    expect(files).toContain('https://stinet.example.vn/sitemaps/tasks-1.xml');

    const pages = locs((await pub.get('/sitemaps/pages-1.xml')).body);
    expect(pages).toContain('https://stinet.example.vn/statistics');
    const [release] = await queryRows<{ id: string }>(t.handle.db, sql`SELECT id FROM stat_release WHERE withdrawn_at IS NULL AND embargo_until <= now() LIMIT 1`);
    expect(pages).toContain(`https://stinet.example.vn/statistics/releases/${release?.id}`);
    const [embargoed] = await queryRows<{ id: string }>(t.handle.db, sql`SELECT id FROM stat_release WHERE embargo_until > now() LIMIT 1`);
    if (embargoed) expect(pages).not.toContain(`https://stinet.example.vn/statistics/releases/${embargoed.id}`);

    const tasks = locs((await pub.get('/sitemaps/tasks-1.xml')).body);
    expect(tasks).toContain(`https://stinet.example.vn/tasks/${published.id}`);
    expect(tasks.some((l) => l.endsWith(draft.id))).toBe(false);
    const [n] = await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM task WHERE status = 'published'`);
    expect(tasks).toHaveLength(n?.n ?? -1);
    const orgs = locs((await pub.get('/sitemaps/organizations-1.xml')).body);
    expect(orgs).toContain(`https://stinet.example.vn/organizations/${org}`);
  });

  it('drops a result whose certificate is revoked', async () => {
    const pub = anonymous(t.app);
    const officer = await loginAs(t.app, 'officer.hanoi');
    const reporter = await loginAs(t.app, 'reporter');
    const hanoi = (await unitByCode(t.app, 'province', '01')).id;
    const org = await organizationOf(t.handle.db, 'reporter');
    const { task, reg } = await registeredResult(officer, reporter, hanoi, org);
    const url = `https://stinet.example.vn/results/${reg.id}`;
    const results = async () => locs((await pub.get('/sitemaps/results-1.xml')).body);
    const listed = await results();
    expect(listed).toContain(url);
    const publicTotal = async () => ((await pub.get('/api/results?pageSize=1')).json() as { total: number }).total;
    expect(listed).toHaveLength(await publicTotal());

    expect((await officer.post(`/api/certificates/${reg.certificate?.id}/revoke`, { reason: 'Kết quả trùng lặp.' })).statusCode).toBe(200);
    const after = await results();
    expect(after).not.toContain(url);
    expect(after).toHaveLength(listed.length - 1);
    expect(after).toHaveLength(await publicTotal());
    // the task stays public
    expect(locs((await pub.get('/sitemaps/tasks-1.xml')).body)).toContain(`https://stinet.example.vn/tasks/${task.id}`);
  });

  it('answers 404 for unknown files and points robots.txt at it', async () => {
    const pub = anonymous(t.app);
    expect((await pub.get('/sitemaps/tasks-2.xml')).statusCode).toBe(404);
    expect((await pub.get('/sitemaps/secrets-1.xml')).statusCode).toBe(404);
    expect((await pub.get('/sitemaps/pages-2.xml')).statusCode).toBe(404);
    expect(parseSitemapName('tasks-0.xml')).toBeNull();
    const robots = await pub.get('/robots.txt');
    expect(robots.body).toContain('Sitemap: https://stinet.example.vn/sitemap.xml');
    expect(robots.body).toContain('Disallow: /staff/');
  });
});
