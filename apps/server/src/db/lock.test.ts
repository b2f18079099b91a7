import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, acquireDirLock } from './lock.js';

describe('data directory lock', () => {
  it('refuses a second holder while the first lives, and frees on release', () => {
    const lock = join(mkdtempSync(join(tmpdir(), 'lock-')), 'stinet.lock');
    const release = acquireDirLock(lock);
    expect(() => acquireDirLock(lock)).toThrow(DataDirLockedError);
    release();
    expect(existsSync(lock)).toBe(false);
    acquireDirLock(lock)();
  });

  it('takes over a stale lock left by a dead process', () => {
    const lock = join(mkdtempSync(join(tmpdir(), 'lock-')), 'stinet.lock');
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname() }));
    const release = acquireDirLock(lock);
    release();
  });
});
