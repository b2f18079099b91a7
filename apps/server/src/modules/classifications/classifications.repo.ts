import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { classificationCode, classificationCrosswalk, classificationScheme } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';

/** Schemes with their number of codes. */
export async function findSchemes(ex: Executor) {
  return ex
    .select({
      code: classificationScheme.code,
      nameVi: classificationScheme.nameVi,
      nameEn: classificationScheme.nameEn,
      version: classificationScheme.version,
      legalBasis: classificationScheme.legalBasis,
      validFrom: classificationScheme.validFrom,
      validTo: classificationScheme.validTo,
      note: classificationScheme.note,
      codeCount: sql<number>`(SELECT count(*)::int FROM classification_code c WHERE c.scheme_code = "classification_scheme"."code")`,
    })
    .from(classificationScheme)
    .orderBy(asc(classificationScheme.code));
}

/** The codes of one scheme in their defined order. */
export async function findCodes(ex: Executor, scheme: string, f: { level?: number; parentCode?: string }) {
  const conds: SQL[] = [eq(classificationCode.schemeCode, scheme)];
  if (f.level !== undefined) conds.push(eq(classificationCode.level, f.level));
  if (f.parentCode !== undefined) conds.push(eq(classificationCode.parentCode, f.parentCode));
  return ex
    .select({
      code: classificationCode.code,
      labelVi: classificationCode.labelVi,
      labelEn: classificationCode.labelEn,
      parentCode: classificationCode.parentCode,
      level: classificationCode.level,
    })
    .from(classificationCode)
    .where(and(...conds))
    .orderBy(asc(classificationCode.sortOrder));
}

/** True when `code` exists in `scheme`. */
export async function codeExists(ex: Executor, scheme: string, code: string): Promise<boolean> {
  const rows = await ex
    .select({ code: classificationCode.code })
    .from(classificationCode)
    .where(and(eq(classificationCode.schemeCode, scheme), eq(classificationCode.code, code)))
    .limit(1);
  return rows.length > 0;
}

/** Crosswalk rows between two schemes, optionally for one source code. */
export async function findCrosswalk(ex: Executor, from: string, to: string, code?: string) {
  const conds: SQL[] = [eq(classificationCrosswalk.fromScheme, from), eq(classificationCrosswalk.toScheme, to)];
  if (code) conds.push(eq(classificationCrosswalk.fromCode, code));
  return ex.select().from(classificationCrosswalk).where(and(...conds)).orderBy(asc(classificationCrosswalk.fromCode), asc(classificationCrosswalk.toCode));
}
