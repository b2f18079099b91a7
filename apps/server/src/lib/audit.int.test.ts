import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from './sql.js';
import { createTestApp, loginAs, type TestApp } from '../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('audit log', () => {
  it('is append-only in the database itself', async () => {
    const rows = await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM audit_log`);
    expect(rows[0]?.n).toBeGreaterThan(0);
    await expect(t.handle.db.execute(sql`UPDATE audit_log SET action = 'x'`)).rejects.toThrow();
    await expect(t.handle.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(t.handle.db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
    const after = await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM audit_log`);
    expect(after[0]?.n).toBe(rows[0]?.n);
  });

  it('records logins and never stores password hashes', async () => {
    await loginAs(t.app, 'reviewer');
    const admin = await loginAs(t.app, 'admin');
    const res = await admin.get('/api/audit?entityType=session&action=login');
    const items = (res.json() as { items: { actor: { username: string } }[] }).items;
    expect(items.some((i) => i.actor.username === 'reviewer')).toBe(true);
    const leaked = await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE before::text LIKE '%argon2%' OR after::text LIKE '%argon2%'`);
    expect(leaked[0]?.n).toBe(0);
  });
});
