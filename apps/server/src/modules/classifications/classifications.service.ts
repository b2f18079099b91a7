import type { ClassificationScheme, ClassificationSchemeDetail, CrosswalkEntry } from '@stinet/shared';
import type { Executor } from '../../db/types.js';
import { fieldError, notFound } from '../../errors.js';
import { codeExists, findCodes, findCrosswalk, findSchemes } from './classifications.repo.js';

/** All code lists. */
export async function listSchemes(ex: Executor): Promise<ClassificationScheme[]> {
  return findSchemes(ex);
}

/** One code list with its codes. */
export async function getScheme(ex: Executor, code: string, f: { level?: number | undefined; parentCode?: string | undefined }): Promise<ClassificationSchemeDetail> {
  const scheme = (await findSchemes(ex)).find((s) => s.code === code);
  if (!scheme) throw notFound('scheme');
  const codes = await findCodes(ex, code, { ...(f.level !== undefined ? { level: f.level } : {}), ...(f.parentCode !== undefined ? { parentCode: f.parentCode } : {}) });
  return { ...scheme, codes };
}

/** The crosswalk between two schemes. */
export async function getCrosswalk(ex: Executor, from: string, to: string, code?: string): Promise<CrosswalkEntry[]> {
  return findCrosswalk(ex, from, to, code);
}

/**
 * Checks that each given (scheme, code) exists; throws INVALID_CODE naming the field otherwise.
 * `null`/`undefined` values are skipped (optional fields).
 */
export async function assertCodes(ex: Executor, checks: { path: string; scheme: string; code: string | null | undefined }[]): Promise<void> {
  for (const c of checks) {
    if (c.code === null || c.code === undefined) continue;
    if (!(await codeExists(ex, c.scheme, c.code))) {
      throw fieldError('INVALID_CODE', c.path, `"${c.code}" is not a code of ${c.scheme}`);
    }
  }
}
