import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { SHIPPED_FORMS_DIR } from '@stinet/shared/node';
import type { DbHandle } from '../db/client.js';
import { queryRows } from '../lib/sql.js';
import { openTestDb } from '../test-support/test-db.js';
import { ensureStatForms } from './reference.js';

let h: DbHandle;
const dir = mkdtempSync(join(tmpdir(), 'stinet-forms-'));

beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

const stored = async () => (await queryRows<{ code: string; version: string }>(h.db, sql`SELECT code, version FROM stat_form`)).map((r) => `${r.code} ${r.version}`).sort();

describe('ensureStatForms', () => {
  it('stores the shipped form files, and a new version dropped in a folder without code changes', async () => {
    await ensureStatForms(h.db);
    const shipped = await stored();
    expect(shipped).toContain('05/CS-KHCN TT25-2015');
    expect(shipped).toContain('01/TKTH-KHCN-ĐP TT26-2015');
    expect(shipped).toHaveLength(12);

    cpSync(SHIPPED_FORMS_DIR, dir, { recursive: true });
    const next = { ...JSON.parse(readFileSync(join(dir, 'TT25-2015', '02-CS-KHCN.json'), 'utf8')), version: 'TT15-2018', regulationVi: 'Thông tư 15/2018/TT-BKHCN', validFrom: '2019-01-01', validTo: null };
    mkdirSync(join(dir, 'TT15-2018'));
    writeFileSync(join(dir, 'TT15-2018', '02-CS-KHCN.json'), JSON.stringify(next));
    await ensureStatForms(h.db, dir);
    await ensureStatForms(h.db, dir); // idempotent upsert
    expect(await stored()).toEqual([...shipped, '02/CS-KHCN TT15-2018'].sort());
  });

  it('refuses a folder with a bad file, naming it, and stores nothing of it', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'stinet-forms-bad-'));
    try {
      writeFileSync(join(bad, 'broken.json'), JSON.stringify({ code: '09/X' }));
      await expect(ensureStatForms(h.db, bad)).rejects.toThrow(/broken\.json/);
      expect(await stored()).not.toContain('09/X');
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});
