import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../config/env.js';
import { PGLITE_EXTENSIONS, createDb, dataPaths } from '../db/client.js';
import { acquireDirLock } from '../db/lock.js';

/** What a backup wrote. */
export interface BackupResult {
  file: string;
  bytes: number;
  sha256: string;
  kind: 'pglite' | 'postgres';
}

function stamp(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-').replace('Z', 'Z');
}

async function sha256File(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

function runTool(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      reject(new Error(err.code === 'ENOENT' ? `${cmd} is not installed (install the PostgreSQL client tools, e.g. apt-get install postgresql-client)` : err.message));
    });
    child.on('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${cmd} exited with ${code}: ${stderr.trim()}`))));
  });
}

/**
 * Writes a backup of the configured database into `outDir`:
 * PGlite → a gzipped tarball of the data directory (taken under the directory lock, so the server must be stopped);
 * PostgreSQL → `pg_dump --format=custom` (online, consistent snapshot).
 */
export async function backupDatabase(config: Pick<Config, 'database'>, outDir: string): Promise<BackupResult> {
  await mkdir(outDir, { recursive: true });
  if (config.database.kind === 'postgres') {
    const file = resolve(outDir, `stinet-postgres-${stamp()}.dump`);
    await runTool('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, config.database.url]);
    return { file, bytes: statSync(file).size, sha256: await sha256File(file), kind: 'postgres' };
  }
  const handle = await createDb(config);
  try {
    const blob = await (handle.pglite as PGlite).dumpDataDir('gzip');
    const file = resolve(outDir, `stinet-pglite-${stamp()}.tar.gz`);
    await writeFile(file, Buffer.from(await blob.arrayBuffer()));
    return { file, bytes: statSync(file).size, sha256: await sha256File(file), kind: 'pglite' };
  } finally {
    await handle.close();
  }
}

/**
 * Restores a backup into the configured database.
 * PGlite: the current data directory is kept aside as `pg.before-restore-<time>` (never deleted), then the
 * tarball is loaded into a fresh directory. PostgreSQL: `pg_restore --clean --if-exists` into DATABASE_URL.
 */
export async function restoreDatabase(config: Pick<Config, 'database'>, file: string): Promise<{ keptAside: string | null }> {
  if (!existsSync(file)) throw new Error(`No backup file at ${file}`);
  if (config.database.kind === 'postgres') {
    await runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${config.database.url}`, file]);
    return { keptAside: null };
  }
  const paths = dataPaths(config.database.dataDir);
  await mkdir(paths.root, { recursive: true });
  const release = acquireDirLock(paths.lock);
  let keptAside: string | null = null;
  try {
    if (existsSync(paths.pgdata) && readdirSync(paths.pgdata).length > 0) {
      keptAside = join(dirname(paths.pgdata), `pg.before-restore-${stamp()}`);
      renameSync(paths.pgdata, keptAside);
    }
    const blob = new Blob([await readFile(file)]);
    const pglite = await PGlite.create(paths.pgdata, { extensions: PGLITE_EXTENSIONS, loadDataDir: blob });
    await pglite.query('SELECT count(*) FROM org_unit');
    await pglite.close();
    await writeFile(paths.initMarker, new Date().toISOString());
    return { keptAside };
  } catch (err) {
    if (keptAside && !existsSync(paths.pgdata)) renameSync(keptAside, paths.pgdata);
    throw err;
  } finally {
    release();
  }
}
