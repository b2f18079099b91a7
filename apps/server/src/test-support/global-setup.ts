import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, openPgliteMemory } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { seedDatabase } from '../seed/seed.js';
import { adminQuery, testDbKind, testPgUrl, withDatabase } from './test-db.js';

/**
 * Migrates and seeds (scale "test") one template database per run; each test file clones it.
 * PGlite: a data-directory tarball in a temp dir. PostgreSQL: a template database.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (testDbKind() === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'stinet-test-'));
    const handle = await openPgliteMemory();
    await runMigrations(handle);
    await seedDatabase(handle.db, 'test');
    const blob = await (handle.pglite as NonNullable<typeof handle.pglite>).dumpDataDir('none');
    const tar = join(dir, 'template.tar');
    await writeFile(tar, Buffer.from(await blob.arrayBuffer()));
    await handle.close();
    process.env.STINET_TEST_TEMPLATE_TAR = tar;
    return async () => {
      await rm(dir, { recursive: true, force: true });
    };
  }
  const name = `stinet_tpl_${process.pid}`;
  try {
    await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
  } catch (err) {
    throw new Error(`PostgreSQL test server not reachable at ${testPgUrl()}: ${(err as Error).message}`);
  }
  await adminQuery(`CREATE DATABASE ${name}`);
  const handle = await createDb({ database: { kind: 'postgres', url: withDatabase(testPgUrl(), name), poolMax: 2 } });
  await runMigrations(handle);
  await seedDatabase(handle.db, 'test');
  await handle.close();
  process.env.STINET_TEST_TEMPLATE_DB = name;
  return async () => {
    await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
  };
}
