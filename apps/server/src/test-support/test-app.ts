import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  /** The temporary directory of the file storage. */
  filesDir: string;
  close(): Promise<void>;
}

/** Builds the app on a fresh clone of the seeded template (no listen; use app.inject). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const handle = await openTestDb();
  const filesDir = mkdtempSync(join(tmpdir(), 'stinet-files-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', WEB_DIST_DIR: '/nonexistent', FILES_DIR: filesDir, ...env });
  const app = await buildApp({ config, db: handle.db, dbKind: handle.kind, logger: false });
  await app.ready();
  return {
    app,
    handle,
    filesDir,
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

/** A multipart/form-data body with one file part named "file". */
export function multipartFile(filename: string, content: Buffer | string, type = 'application/octet-stream'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----stinet${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
