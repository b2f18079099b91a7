import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'stinet-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>stinet</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("stinet")');
  t = await createTestApp({ WEB_DIST_DIR: dist });
});
afterAll(async () => {
  await t.close();
});

describe('serving the web app', () => {
  it('serves index.html at / and for client-side routes, assets as files, and JSON 404s under /api', async () => {
    for (const url of ['/', '/org-units', '/staff/organizations/new', '/organizations']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect([url, res.statusCode, res.headers['content-type']]).toEqual([url, 200, 'text/html; charset=utf-8']);
      expect(res.body).toContain('<div id="root">');
    }
    // a record page of an unknown record is the app with status 404 and noindex (modules/portal/record-pages.ts)
    const missing = await t.app.inject({ method: 'GET', url: '/organizations/00000000-0000-4000-8000-000000000000', headers: { accept: 'text/html' } });
    expect([missing.statusCode, missing.headers['content-type']]).toEqual([404, 'text/html; charset=utf-8']);
    expect(missing.body).toContain('<div id="root">');
    expect(missing.body).toContain('<meta name="robots" content="noindex" />');
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(String(asset.headers['content-type'])).toContain('javascript');
    const api = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(api.statusCode).toBe(404);
    expect((api.json() as { error: { code: string } }).error.code).toBe('ROUTE_NOT_FOUND');
    expect(api.headers['x-content-type-options']).toBe('nosniff');
  });
});
