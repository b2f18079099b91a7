import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const main = new URL('../apps/server/dist/main.js', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'stinet-life-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let out = '';
  const child = spawn(process.execPath, [main], { env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function healthy(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

describe('server lifecycle on the embedded database', () => {
  it('refuses a second process on the same data directory, shuts down on SIGTERM and releases the lock', async () => {
    const port = await freePort();
    const first = start({ PORT: String(port), DATA_DIR: dataDir, SEED_ON_START: 'none' });
    await healthy(port, 90_000);
    expect(existsSync(join(dataDir, 'stinet.lock'))).toBe(true);

    const second = start({ PORT: String(await freePort()), DATA_DIR: dataDir, SEED_ON_START: 'none' });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('The data directory is in use by another stinet process');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'stinet.lock'))).toBe(false);

    const again = start({ PORT: String(port), DATA_DIR: dataDir, SEED_ON_START: 'none' });
    await healthy(port, 60_000);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });

  it('exits with every configuration problem listed', async () => {
    const bad = start({ PORT: 'abc', DATABASE_URL: 'mysql://x', SESSION_TTL_HOURS: '0' });
    expect(await bad.exited).toBe(1);
    const out = bad.output();
    for (const name of ['PORT', 'DATABASE_URL', 'SESSION_TTL_HOURS']) expect(out).toContain(name);
  });
});
