import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Config } from '../config/env.js';
import { acquireDirLock } from './lock.js';
import * as schema from './schema.js';
import type { Db, DbKind } from './types.js';

/** The one extension list: PGlite must get the same list on every open of a data directory. */
export const PGLITE_EXTENSIONS = { pg_trgm, unaccent } as const;

/** An open database with its kind and a close function. */
export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** PGlite instance when kind is pglite (for dumps); null otherwise. */
  pglite: PGlite | null;
  close(): Promise<void>;
}

/** Paths inside the data directory. */
export function dataPaths(dataDir: string): { root: string; pgdata: string; lock: string; initMarker: string } {
  const root = resolve(dataDir);
  return {
    root,
    pgdata: join(root, 'pg'),
    lock: join(root, 'stinet.lock'),
    initMarker: join(root, 'pg.initialized'),
  };
}

/** Opens PGlite in memory (tests) or from a tarball of a data directory. */
export async function openPgliteMemory(loadDataDir?: Blob): Promise<DbHandle> {
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS, ...(loadDataDir ? { loadDataDir } : {}) });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return { db, kind: 'pglite', pglite: client, close: () => client.close() };
}

/**
 * Opens the configured database: PGlite in DATA_DIR (locked against a second process) or a
 * node-postgres pool on DATABASE_URL.
 */
export async function createDb(config: Pick<Config, 'database'>): Promise<DbHandle> {
  if (config.database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.database.url, max: config.database.poolMax });
    pool.on('error', () => {
      // idle client errors are reported on the next query; keep the process alive
    });
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return { db, kind: 'postgres', pglite: null, close: () => pool.end() };
  }
  const paths = dataPaths(config.database.dataDir);
  mkdirSync(paths.root, { recursive: true });
  const release = acquireDirLock(paths.lock);
  try {
    if (existsSync(paths.pgdata) && !existsSync(paths.initMarker)) {
      throw new Error(
        `The database directory ${paths.pgdata} exists but its first start never finished (interrupted initdb). ` +
          'Remove it (or restore a backup) and start again.',
      );
    }
    const client = await PGlite.create(paths.pgdata, { extensions: PGLITE_EXTENSIONS });
    if (!existsSync(paths.initMarker)) writeFileSync(paths.initMarker, new Date().toISOString());
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      pglite: client,
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
