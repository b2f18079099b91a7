import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { PortalSummary } from '@stinet/shared';
import { queryRows } from '../../lib/sql.js';
import { anonymous, createTestApp, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('portal summary', () => {
  it('gives the home page its counts, figures and latest releases in one public request', async () => {
    const res = await anonymous(t.app).get('/api/public/summary');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const s = res.json() as PortalSummary;
    expect(s.counts.provinces).toBe(34);
    const [db] = await queryRows<{ tasks: number; orgs: number }>(t.handle.db, sql`SELECT (SELECT count(*)::int FROM task WHERE status = 'published') AS tasks, (SELECT count(*)::int FROM organization) AS orgs`);
    expect(s.counts.publishedTasks).toBe(db?.tasks);
    expect(s.counts.organizations).toBe(db?.orgs);
    // the same totals as the public lists
    expect(s.counts.publishedTasks).toBe((((await anonymous(t.app).get('/api/tasks?pageSize=1')).json()) as { total: number }).total);
    expect(s.counts.registeredResults).toBe((((await anonymous(t.app).get('/api/results?pageSize=1')).json()) as { total: number }).total);
    // figures only from published releases; the latest releases are public ones
    expect(s.indicators.every((i) => i.value !== null && i.releaseId !== null)).toBe(true);
    expect(s.releases.length).toBeLessThanOrEqual(3);
    for (const r of s.releases) expect((await anonymous(t.app).get(`/api/public/stats/releases/${r.id}`)).statusCode).toBe(200);
  });
});
