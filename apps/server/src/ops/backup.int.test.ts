import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { queryRows } from '../lib/sql.js';
import { adminQuery, testDbKind, testPgUrl, withDatabase } from '../test-support/test-db.js';
import { backupDatabase, restoreDatabase } from './backup.js';

async function orgCount(config: Parameters<typeof createDb>[0]): Promise<number> {
  const h = await createDb(config);
  try {
    return (await queryRows<{ n: number }>(h.db, sql`SELECT count(*)::int AS n FROM organization`))[0]?.n ?? -1;
  } finally {
    await h.close();
  }
}

describe('backup and restore', () => {
  it('round-trips the database of this tier', async () => {
    const work = mkdtempSync(join(tmpdir(), 'stinet-backup-'));
    let config: Parameters<typeof createDb>[0];
    let cleanup = async () => {};
    if (testDbKind() === 'pglite') {
      config = { database: { kind: 'pglite', dataDir: join(work, 'data') } };
    } else {
      const name = `stinet_bk_${process.pid}`;
      await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
      await adminQuery(`CREATE DATABASE ${name}`);
      config = { database: { kind: 'postgres', url: withDatabase(testPgUrl(), name), poolMax: 2 } };
      cleanup = () => adminQuery(`DROP DATABASE IF EXISTS ${name}`);
    }
    try {
      const h = await createDb(config);
      await runMigrations(h);
      await h.db.execute(sql`INSERT INTO org_unit (kind, code, name_vi, name_en, valid_from) VALUES ('province', '01', 'Thành phố Hà Nội', 'Ha Noi', '2025-07-01')`);
      await h.db.execute(sql`INSERT INTO organization (code, name_vi, province_unit_id, managing_unit_id, org_type_code, economic_type_code, main_field_code)
        SELECT 'ORG0000001', 'Viện Sao Lưu', id, id, '13.2', '14.1', '101' FROM org_unit`);
      await h.close();

      const backup = await backupDatabase(config, join(work, 'backups'));
      expect(backup.bytes).toBeGreaterThan(0);
      expect(backup.sha256).toMatch(/^[0-9a-f]{64}$/);

      const h2 = await createDb(config);
      await h2.db.execute(sql`DELETE FROM organization`);
      await h2.close();
      expect(await orgCount(config)).toBe(0);

      await restoreDatabase(config, backup.file);
      expect(await orgCount(config)).toBe(1);
    } finally {
      await cleanup();
    }
  });
});
