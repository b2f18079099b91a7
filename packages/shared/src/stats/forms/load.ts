import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { definitionProblems, FormDefinition } from '../form-definition.js';

/**
 * The folder of the form files shipped with the package (`packages/shared/forms`): three levels above this module,
 * which lives at `src/stats/forms/load.ts` under tsx/vitest and at `dist/stats/forms/load.js` once built.
 */
export const SHIPPED_FORMS_DIR: string = fileURLToPath(new URL('../../../forms/', import.meta.url));

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(path);
  }
  return out;
}

/** Every problem of one file's content: JSON syntax, schema (with the path of each issue), references. */
function fileProblems(text: string): { def: FormDefinition | null; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { def: null, problems: [`invalid JSON: ${(e as Error).message}`] };
  }
  const parsed = FormDefinition.safeParse(raw);
  if (!parsed.success) return { def: null, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
  return { def: parsed.data, problems: definitionProblems(parsed.data) };
}

/**
 * Reads every `*.json` form definition under a folder, recursively (default: the shipped `forms/` folder; by
 * convention `<version>/<code with '/' replaced by '-'>.json`, though only the content counts). Each file holds
 * one `FormDefinitionInput`. Throws one Error naming every bad file with all its problems, and every (code, version)
 * defined twice. Node only: exported from `@stinet/shared/node`, never from the browser entry.
 */
export function loadFormDirectory(dir: string = SHIPPED_FORMS_DIR): FormDefinition[] {
  const defs: FormDefinition[] = [];
  const errors: string[] = [];
  const seen = new Map<string, string>();
  for (const path of jsonFiles(dir)) {
    const name = relative(dir, path) || path;
    const { def, problems } = fileProblems(readFileSync(path, 'utf8'));
    if (problems.length || !def) {
      errors.push(`${name}: ${problems.join('; ')}`);
      continue;
    }
    const key = `${def.code} (${def.version})`;
    const other = seen.get(key);
    if (other) {
      errors.push(`${name}: form ${key} is already defined in ${other}`);
      continue;
    }
    seen.set(key, name);
    defs.push(def);
  }
  if (errors.length) throw new Error(`Invalid form definitions in ${dir}:\n${errors.join('\n')}`);
  return defs.sort((a, b) => a.code.localeCompare(b.code) || a.validFrom.localeCompare(b.validFrom) || a.version.localeCompare(b.version));
}

let shipped: readonly FormDefinition[] | undefined;

/** The shipped definitions, read once per process (for seeds and tests). */
export function shippedForms(): readonly FormDefinition[] {
  shipped ??= loadFormDirectory();
  return shipped;
}

/** One shipped definition by code and version (default Circular 25/2015); throws when there is none. For seeds and tests. */
export function formOf(code: string, version = 'TT25-2015'): FormDefinition {
  const def = shippedForms().find((f) => f.code === code && f.version === version);
  if (!def) throw new Error(`no shipped form ${code} (${version})`);
  return def;
}
