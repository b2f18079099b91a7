import { sql } from 'drizzle-orm';
import { loadFormDirectory, SHIPPED_FORMS_DIR } from '@stinet/shared/node';
import { classificationCode, classificationCrosswalk, classificationScheme, orgUnit, orgUnitSuccession, statForm } from '../db/schema.js';
import type { Executor } from '../db/types.js';
import { queryRows } from '../lib/sql.js';
import { CLASSIFICATION_SCHEMES, CROSSWALKS } from './data/classifications.js';
import { ORG_UNITS, SUCCESSIONS } from './data/org-units.js';

/** Inserts in slices so no statement exceeds PostgreSQL's 65,535 parameters. */
export async function insertInChunks<T>(rows: readonly T[], columnsPerRow: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  const size = Math.max(1, Math.floor(60000 / columnsPerRow));
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Loads the statistical report form definitions from their JSON files (default: the ones shipped in the repo,
 * `packages/shared/forms/<version>/*.json`) into `stat_form`: new versions are added, changed definitions of an
 * existing version are updated (the files are the source). A new regulation's forms are new files, not code.
 * Throws, naming the file, when a file is not a valid definition.
 */
export async function ensureStatForms(ex: Executor, dir: string = SHIPPED_FORMS_DIR): Promise<void> {
  const defs = loadFormDirectory(dir);
  if (!defs.length) return;
  await ex
    .insert(statForm)
    .values(defs.map((f) => ({ code: f.code, version: f.version, definition: f, validFrom: f.validFrom, validTo: f.validTo })))
    .onConflictDoUpdate({
      target: [statForm.code, statForm.version],
      set: { definition: sql`excluded.definition`, validFrom: sql`excluded.valid_from`, validTo: sql`excluded.valid_to`, updatedAt: new Date() },
    });
}

/**
 * Loads the reference data every installation needs (org-unit registry with the 2025 succession map,
 * code lists with crosswalks, statistical report forms). Idempotent: existing rows are kept, new ones added.
 * Returns the map seed key → org unit id.
 */
export async function ensureReferenceData(ex: Executor): Promise<Map<string, string>> {
  await insertInChunks(ORG_UNITS, 12, (chunk) =>
    ex
      .insert(orgUnit)
      .values(
        chunk.map((u) => ({
          seedKey: u.key,
          kind: u.kind,
          code: u.code,
          nameVi: u.nameVi,
          nameEn: u.nameEn,
          shortNameVi: u.shortNameVi,
          validFrom: u.validFrom,
          validTo: u.validTo,
          isCentralCity: u.isCentralCity,
          isExcludedFromNetwork: u.isExcludedFromNetwork,
        })),
      )
      .onConflictDoNothing(),
  );
  const keyRows = await queryRows<{ id: string; seed_key: string }>(ex, sql`SELECT id, seed_key FROM org_unit WHERE seed_key IS NOT NULL`);
  const ids = new Map(keyRows.map((r) => [r.seed_key, r.id]));
  const links = SUCCESSIONS.map((s) => {
    const predecessorId = ids.get(s.predecessorKey);
    const successorId = ids.get(s.successorKey);
    if (!predecessorId || !successorId) throw new Error(`Succession ${s.predecessorKey} → ${s.successorKey} names an unknown unit`);
    return { predecessorId, successorId, effectiveDate: s.effectiveDate, note: s.note };
  });
  await insertInChunks(links, 4, (chunk) => ex.insert(orgUnitSuccession).values(chunk).onConflictDoNothing());

  await ex
    .insert(classificationScheme)
    .values(
      CLASSIFICATION_SCHEMES.map((s) => ({
        code: s.code,
        nameVi: s.nameVi,
        nameEn: s.nameEn,
        version: s.version,
        legalBasis: s.legalBasis,
        validFrom: s.validFrom,
        validTo: s.validTo,
        note: s.note,
      })),
    )
    .onConflictDoNothing();
  // parents before children: the level order guarantees the self-referencing foreign key holds
  const codes = CLASSIFICATION_SCHEMES.flatMap((s) =>
    s.codes.map((c, i) => ({ schemeCode: s.code, code: c.code, labelVi: c.labelVi, labelEn: c.labelEn, parentCode: c.parentCode, level: c.level, sortOrder: i })),
  ).sort((a, b) => a.level - b.level);
  await insertInChunks(codes, 7, (chunk) => ex.insert(classificationCode).values(chunk).onConflictDoNothing());
  await insertInChunks(CROSSWALKS, 5, (chunk) => ex.insert(classificationCrosswalk).values([...chunk]).onConflictDoNothing());
  await ensureStatForms(ex);
  return ids;
}
