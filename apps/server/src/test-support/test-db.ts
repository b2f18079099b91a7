import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { createDb, openPgliteMemory, type DbHandle } from '../db/client.js';

/** Which database the integration tier runs on. */
export type TestDbKind = 'pglite' | 'postgres';

/** The database kind of this test run (STINET_TEST_DB=postgres switches to real PostgreSQL). */
export function testDbKind(): TestDbKind {
  return process.env.STINET_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** The admin connection URL of the PostgreSQL test server. */
export function testPgUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

/** The same server URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement on the admin database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPgUrl() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test file, cloned from the migrated + seeded template the global setup
 * made: a PGlite in memory loaded from the template tarball, or `CREATE DATABASE … TEMPLATE` on PostgreSQL.
 */
export async function openTestDb(): Promise<DbHandle> {
  if (testDbKind() === 'pglite') {
    const tar = process.env.STINET_TEST_TEMPLATE_TAR;
    if (!tar) throw new Error('STINET_TEST_TEMPLATE_TAR is not set: run through the vitest int project');
    return openPgliteMemory(new Blob([await readFile(tar)]));
  }
  const template = process.env.STINET_TEST_TEMPLATE_DB;
  if (!template) throw new Error('STINET_TEST_TEMPLATE_DB is not set: run through the vitest int project');
  const name = `stinet_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const handle = await createDb({ database: { kind: 'postgres', url: withDatabase(testPgUrl(), name), poolMax: 4 } });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
    },
  };
}
