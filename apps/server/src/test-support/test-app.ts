import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config/env.js';
import type { DbHandle } from '../db/client.js';
import { DEMO_PASSWORD } from '../seed/seed.js';
import { openTestDb } from './test-db.js';

/** An app on a fresh cloned database, for one test file. */
export interface TestApp {
  app: FastifyInstance;
  handle: DbHandle;
  close(): Promise<void>;
}

/** Builds the app on a fresh clone of the seeded template (no listen; use app.inject). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const handle = await openTestDb();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', WEB_DIST_DIR: '/nonexistent', ...env });
  const app = await buildApp({ config, db: handle.db, dbKind: handle.kind, logger: false });
  await app.ready();
  return {
    app,
    handle,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

/** A logged-in client: sends the session cookie and CSRF token. */
export interface Client {
  username: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  cookie: string;
  csrfToken: string;
}

function makeClient(app: FastifyInstance, username: string, cookie: string, csrfToken: string): Client {
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { cookie: `stinet_session=${cookie}`, 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) } });
  return {
    username,
    cookie,
    csrfToken,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    patch: (url, payload) => request({ method: 'PATCH', url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/** Logs in a seeded demo user and returns a client. */
export async function loginAs(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'stinet_session')?.value;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  if (!cookie) throw new Error('no session cookie');
  return makeClient(app, username, cookie, csrf);
}

/** An anonymous client. */
export function anonymous(app: FastifyInstance): Omit<Client, 'cookie' | 'csrfToken'> {
  const request = (opts: InjectOptions) => app.inject(opts);
  return {
    username: 'public',
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    patch: (url, payload) => request({ method: 'PATCH', url, ...(payload === undefined ? {} : { payload: payload as object }) }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}
