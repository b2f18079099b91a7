import type { FormDefinition } from '../form-definition.js';

/*
 * The form definitions themselves are data: one JSON file per form version under `packages/shared/forms/<version>/`,
 * read by `loadFormDirectory` (Node only, entry `@stinet/shared/node`). A new regulation adds files, not code.
 * The helpers below work on any list of definitions, so the browser can use them on definitions from the API.
 */

/** One definition by form code and version. */
export function findFormDefinition(defs: readonly FormDefinition[], code: string, version: string): FormDefinition | undefined {
  return defs.find((f) => f.code === code && f.version === version);
}

/** The definitions in force on a date (the version a report of that period uses). */
export function formsValidOn(defs: readonly FormDefinition[], date: string): FormDefinition[] {
  return defs.filter((f) => f.validFrom <= date && (f.validTo === null || f.validTo >= date));
}

/** The file name of a definition inside its version folder: the code with `/` replaced by `-`, e.g. `02-CS-KHCN.json`. */
export function formFileName(def: Pick<FormDefinition, 'code'>): string {
  return `${def.code.replaceAll('/', '-')}.json`;
}
