import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/** Thrown when another live process holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holderPid: number,
  ) {
    super(
      `The data directory is in use by another stinet process (pid ${holderPid}, lock ${lockPath}). ` +
        'Stop that process first; two processes on one PGlite directory would corrupt it.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock file (O_EXCL). A lock left by a dead process on this host is taken over;
 * a live holder makes this throw DataDirLockedError. Returns the release function.
 */
export function acquireDirLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(readFileSync(lockPath, 'utf8')) as { pid?: number; host?: string };
      } catch {
        // unreadable or half-written lock: treat as stale
      }
      const pid = typeof holder.pid === 'number' ? holder.pid : 0;
      const sameHost = holder.host === undefined || holder.host === hostname();
      if (pid > 0 && (!sameHost || isAlive(pid))) throw new DataDirLockedError(lockPath, pid);
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
