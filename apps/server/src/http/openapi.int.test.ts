import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('OpenAPI', () => {
  it('is served at /api/openapi.json as OpenAPI 3.1 and matches the committed docs/api/openapi.json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const live = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(live.openapi).toBe('3.1.0');
    expect(Object.keys(live.paths)).toContain('/api/organizations/{id}');
    const committed = JSON.parse(readFileSync(new URL('../../../../docs/api/openapi.json', import.meta.url), 'utf8')) as unknown;
    expect(live, 'docs/api/openapi.json is stale: run `npm run openapi` and commit it').toEqual(committed);
  });

  it('serves the docs UI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(res.statusCode);
  });

  it('answers unknown API routes with ROUTE_NOT_FOUND', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND', message: 'No such API route.' } });
  });

  it('reports health with the database kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', db: process.env.STINET_TEST_DB === 'postgres' ? 'postgres' : 'pglite', dbReachable: true });
  });
});
