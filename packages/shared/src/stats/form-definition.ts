import { z } from 'zod';
import { IsoDate } from '../schemas/common.js';

const code = z.string().regex(/^[A-Za-z0-9_.-]{1,20}$/);
const label = z.string().trim().min(1).max(500);
const ruleId = z.string().regex(/^[A-Za-z0-9_.-]{1,60}$/);

/** Units of measure of a column (how values are entered and checked: persons and counts are whole numbers). */
export const MEASURE_UNITS = ['person', 'fte', 'count', 'million_vnd'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

/**
 * SDMX-style coordinates of a row or column: dimension id → code (e.g. `{ SEX: 'F' }`, `{ TASK_LEVEL: 'QG' }`).
 * A cell's coordinates are its row's merged with its column's; they map the form onto explicit dimensions instead
 * of category-option combinations.
 */
const Coordinates = z.record(z.string().regex(/^[A-Z][A-Z0-9_]{0,39}$/), z.string().min(1).max(40));

/** A row of a form. `parent` and `relation` describe the layout: a breakdown of the parent, or an "of which" part. */
export const FormRow = z.strictObject({
  code,
  labelVi: label,
  labelEn: label,
  parent: code.optional(),
  /** `breakdown`: the parent's siblings of one block add up to it; `of_which` ("trong đó"): at most the parent. */
  relation: z.enum(['breakdown', 'of_which']).optional(),
  dims: Coordinates.default({}),
});
export type FormRow = z.infer<typeof FormRow>;

/** A column of a form. */
export const FormColumn = z.strictObject({
  code,
  labelVi: label,
  labelEn: label,
  unit: z.enum(MEASURE_UNITS),
  dims: Coordinates.default({}),
});
export type FormColumn = z.infer<typeof FormColumn>;

const messages = { messageVi: label, messageEn: label };

/**
 * A validation rule, declared once and run by the grid, the API and the import (see `validateForm`).
 * - `row_sum`: in every column (or the listed ones), row `total` = Σ rows `parts`;
 * - `column_sum`: in every row, column `total` = Σ columns `parts`;
 * - `row_lte` / `column_lte`: row (column) `part` ≤ row (column) `total`, cell by cell ("of which", FTE ≤ headcount);
 * - `non_negative`: every number ≥ 0; `whole_number`: person and count columns hold integers.
 */
export const FormRule = z.discriminatedUnion('kind', [
  z.strictObject({ id: ruleId, kind: z.literal('row_sum'), total: code, parts: z.array(code).min(1), columns: z.array(code).optional(), severity: z.enum(['error', 'warning']).default('error'), ...messages }),
  z.strictObject({ id: ruleId, kind: z.literal('column_sum'), total: code, parts: z.array(code).min(1), rows: z.array(code).optional(), severity: z.enum(['error', 'warning']).default('error'), ...messages }),
  z.strictObject({ id: ruleId, kind: z.literal('row_lte'), part: code, total: code, columns: z.array(code).optional(), severity: z.enum(['error', 'warning']).default('error'), ...messages }),
  z.strictObject({ id: ruleId, kind: z.literal('column_lte'), part: code, total: code, rows: z.array(code).optional(), severity: z.enum(['error', 'warning']).default('error'), ...messages }),
  z.strictObject({ id: ruleId, kind: z.literal('non_negative'), severity: z.enum(['error', 'warning']).default('error'), ...messages }),
  z.strictObject({ id: ruleId, kind: z.literal('whole_number'), severity: z.enum(['error', 'warning']).default('error'), ...messages }),
]);
export type FormRule = z.infer<typeof FormRule>;

/**
 * A statistical report form as data, versioned by the regulation that issued it (Circular 25/2015 now; 15/2018 and
 * 45/2025 later as new versions of the same codes, without code changes).
 */
export const FormDefinition = z.strictObject({
  /** The form's own code, e.g. '02/CS-KHCN'. */
  code: z.string().min(1).max(40),
  /** Version id, e.g. 'TT25-2015'. The pair (code, version) identifies a definition. */
  version: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/),
  regulationVi: label,
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  /** Who fills it: a grassroots unit, or the province / ministry aggregating its units. */
  reportingLevel: z.enum(['unit', 'province', 'ministry']),
  titleVi: label,
  titleEn: label,
  /** SDMX dataflow id of its observations, e.g. 'DF_ST_PERS'. */
  dataflow: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/),
  rows: z.array(FormRow).min(1),
  columns: z.array(FormColumn).min(1),
  rules: z.array(FormRule),
}).meta({ id: 'FormDefinition' });
export type FormDefinition = z.infer<typeof FormDefinition>;
export type FormDefinitionInput = z.input<typeof FormDefinition>;

/**
 * Problems of a definition that its schema cannot see: duplicate codes, unknown parents or rule references.
 * An empty list means the definition can be loaded.
 */
export function definitionProblems(def: FormDefinition): string[] {
  const problems: string[] = [];
  const rows = new Set<string>();
  const cols = new Set<string>();
  for (const r of def.rows) {
    if (rows.has(r.code)) problems.push(`duplicate row ${r.code}`);
    rows.add(r.code);
  }
  for (const c of def.columns) {
    if (cols.has(c.code)) problems.push(`duplicate column ${c.code}`);
    cols.add(c.code);
  }
  for (const r of def.rows) if (r.parent && !rows.has(r.parent)) problems.push(`row ${r.code}: unknown parent ${r.parent}`);
  const ruleIds = new Set<string>();
  for (const rule of def.rules) {
    if (ruleIds.has(rule.id)) problems.push(`duplicate rule ${rule.id}`);
    ruleIds.add(rule.id);
    const need = (set: Set<string>, what: string, codes: readonly string[] | undefined) => {
      for (const c of codes ?? []) if (!set.has(c)) problems.push(`rule ${rule.id}: unknown ${what} ${c}`);
    };
    switch (rule.kind) {
      case 'row_sum':
        need(rows, 'row', [rule.total, ...rule.parts]);
        need(cols, 'column', rule.columns);
        break;
      case 'column_sum':
        need(cols, 'column', [rule.total, ...rule.parts]);
        need(rows, 'row', rule.rows);
        break;
      case 'row_lte':
        need(rows, 'row', [rule.part, rule.total]);
        need(cols, 'column', rule.columns);
        break;
      case 'column_lte':
        need(cols, 'column', [rule.part, rule.total]);
        need(rows, 'row', rule.rows);
        break;
      default:
        break;
    }
  }
  return problems;
}

/** Parses a definition and checks its references; throws with every problem listed. */
export function defineForm(input: FormDefinitionInput): FormDefinition {
  const def = FormDefinition.parse(input);
  const problems = definitionProblems(def);
  if (problems.length) throw new Error(`form ${def.code} (${def.version}): ${problems.join('; ')}`);
  return def;
}
