import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../lib/sql.js';
import { anonymous, createTestApp, loginAs, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '5' });
});
afterAll(async () => {
  await t.close();
});

describe('password login and sessions', () => {
  it('sets an HttpOnly SameSite cookie and returns a CSRF token', async () => {
    const res = await anonymous(t.app).post('/api/auth/login', { username: 'officer.hanoi', password: 'stinet-demo-2026' });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'stinet_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = res.json() as { user: { role: string; scopeUnit: { code: string } }; csrfToken: string };
    expect(body.user.role).toBe('focal_officer');
    expect(body.user.scopeUnit.code).toBe('01');
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect(res.body).not.toContain('passwordHash');
    const stored = await queryRows<{ password_hash: string }>(t.handle.db, sql`SELECT password_hash FROM app_user WHERE username = 'officer.hanoi'`);
    expect(stored[0]?.password_hash.startsWith('$argon2id$')).toBe(true);
  });

  it('gives the same error for a wrong password and an unknown user', async () => {
    const a = await anonymous(t.app).post('/api/auth/login', { username: 'reviewer', password: 'wrong-password' });
    const b = await anonymous(t.app).post('/api/auth/login', { username: 'no.such.user', password: 'wrong-password' });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect((a.json() as { error: { code: string } }).error.code).toBe('INVALID_CREDENTIALS');
    expect((b.json() as { error: { code: string } }).error.code).toBe('INVALID_CREDENTIALS');
  });

  it('rate-limits repeated logins for one username', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await anonymous(t.app).post('/api/auth/login', { username: 'officer.danang', password: `bad-${i}` })).statusCode);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const limited = await anonymous(t.app).post('/api/auth/login', { username: 'officer.danang', password: 'stinet-demo-2026' });
    expect((limited.json() as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  });

  it('refuses cookie writes without the CSRF token, and forged tokens', async () => {
    const c = await loginAs(t.app, 'admin');
    const noToken = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', payload: { locale: 'en' }, headers: { cookie: `stinet_session=${c.cookie}` } });
    expect(noToken.statusCode).toBe(403);
    expect((noToken.json() as { error: { code: string } }).error.code).toBe('CSRF_TOKEN_INVALID');
    const forged = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', payload: { locale: 'en' }, headers: { cookie: `stinet_session=${c.cookie}`, 'x-csrf-token': 'x'.repeat(32) } });
    expect(forged.statusCode).toBe(403);
    expect((await c.patch('/api/auth/me', { locale: 'en' })).statusCode).toBe(200);
  });

  it('logs out: the cookie stops working', async () => {
    const c = await loginAs(t.app, 'reviewer');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changes the password only with the current one', async () => {
    const c = await loginAs(t.app, 'officer.hcm');
    const wrong = await c.patch('/api/auth/me', { currentPassword: 'nope', newPassword: 'mat-khau-moi-2026' });
    expect(wrong.statusCode).toBe(401);
    expect((await c.patch('/api/auth/me', { currentPassword: 'stinet-demo-2026', newPassword: 'mat-khau-moi-2026' })).statusCode).toBe(200);
    await expect(loginAs(t.app, 'officer.hcm')).rejects.toThrow();
    await loginAs(t.app, 'officer.hcm', 'mat-khau-moi-2026');
  });
});

describe('API tokens for machine clients', () => {
  it('authenticates with a Bearer token without CSRF, and stops after revocation', async () => {
    const c = await loginAs(t.app, 'officer.hanoi');
    const created = await c.post('/api/auth/tokens', { name: 'đồng bộ dữ liệu' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json() as { token: string; id: string };
    expect(token.startsWith('stn_')).toBe(true);
    const stored = await queryRows<{ token_hash: string }>(t.handle.db, sql`SELECT token_hash FROM api_token WHERE id = ${id}`);
    expect(stored[0]?.token_hash).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect((me.json() as { user: { username: string } }).user.username).toBe('officer.hanoi');
    const write = await t.app.inject({ method: 'PATCH', url: '/api/auth/me', headers: bearer, payload: { locale: 'vi' } });
    expect(write.statusCode).toBe(200);
    const listed = (await c.get('/api/auth/tokens')).json() as { id: string; lastUsedAt: string | null }[];
    expect(listed.find((x) => x.id === id)?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect((await c.delete(`/api/auth/tokens/${id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/organizations', headers: { authorization: 'Bearer stn_forged' } })).statusCode).toBe(401);
  });
});

describe('users administration', () => {
  it('requires a scope unit for focal officers and refuses duplicate usernames', async () => {
    const admin = await loginAs(t.app, 'admin');
    const noScope = await admin.post('/api/users', { username: 'officer.x', displayName: 'X', password: 'mat-khau-dai-2026', role: 'focal_officer' });
    expect(noScope.statusCode).toBe(400);
    const dup = await admin.post('/api/users', { username: 'admin', displayName: 'X', password: 'mat-khau-dai-2026', role: 'reviewer' });
    expect([dup.statusCode, (dup.json() as { error: { code: string } }).error.code]).toEqual([409, 'DUPLICATE_USERNAME']);
    const short = await admin.post('/api/users', { username: 'abc.def', displayName: 'X', password: 'short', role: 'reviewer' });
    expect(short.statusCode).toBe(400);
    const found = (await admin.get('/api/users?q=quan%20tri')).json() as { items: { username: string }[] };
    expect(found.items.map((u) => u.username)).toEqual(['admin']);
    const byName = (await admin.get('/api/users?q=officer.h')).json() as { items: { username: string }[] };
    expect(byName.items.map((u) => u.username).sort()).toEqual(['officer.hanoi', 'officer.hcm']);
  });
});
