import { z } from 'zod';
import { isValidIsoDate } from '../validators.js';

/** A real calendar date 'YYYY-MM-DD'. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date YYYY-MM-DD')
  .refine(isValidIsoDate, 'Not a real calendar date');

/** A UUID (any version). */
export const Uuid = z.uuid();

/** Trimmed non-empty text with an upper bound. */
export function text(max: number): z.ZodString {
  return z.string().trim().min(1).max(max);
}

/** Optional, nullable trimmed text: empty strings become null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === undefined ? undefined : v === null || v === '' ? null : v));
}

/** Page-number paging parameters shared by list endpoints. */
export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

/** Builds the paged list envelope for an item schema. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** A reference to an org unit inside another record. */
export const UnitRef = z.object({
  id: Uuid,
  kind: z.enum(['national', 'ministry', 'province']),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
});
export type UnitRef = z.infer<typeof UnitRef>;

/** A reference to an organization inside another record. */
export const OrganizationRef = z.object({
  id: Uuid,
  code: z.string(),
  nameVi: z.string(),
});
export type OrganizationRef = z.infer<typeof OrganizationRef>;

/** Generic `{ id }` path parameters. */
export const IdParams = z.strictObject({ id: Uuid });

/**
 * The list query grammar (after OpenAlex) beside `page`/`pageSize`: see packages/shared/src/list-grammar.ts.
 * Each endpoint names its own fields in the descriptions it passes.
 */
export function listGrammarQuery(fields: { filters: string; sorts: string; selects: string; groups: string; filterExample: string }) {
  return {
    filter: z
      .string()
      .max(2000)
      .optional()
      .describe(
        `Filters joined by AND: \`field:value\`; \`a|b\` is OR within a field, \`!value\` negates, \`>x\` / \`<x\` (exclusive) and \`a-b\` (inclusive) are ranges of numbers and dates (YYYY-MM-DD). Fields: ${fields.filters}. Example: \`${fields.filterExample}\`. An unknown field or a bad value is a 400 (LIST_QUERY_INVALID) naming it.`,
      ),
    select: z.string().max(500).optional().describe(`Only these top-level fields of each item (\`id\` is always kept), comma-separated. Fields: ${fields.selects}. Example: \`select=id,code\`.`),
    group_by: z.string().max(100).optional().describe(`Counts per value of one field instead of items (\`{ groups: [{ key, count }], total }\`). Fields: ${fields.groups}.`),
    cursor: z
      .string()
      .max(2000)
      .optional()
      .describe('Keyset paging: `cursor=*` for the first page, then the `next_cursor` of the previous answer (null on the last page); `page` is then ignored. Not with `group_by`.'),
    per_page: z.coerce.number().int().min(1).max(200).optional().describe('Alias of `pageSize`.'),
    search: z.string().trim().max(200).optional().describe('Alias of `q`.'),
  };
}

/** The sort parameter of the grammar: keys joined by commas, `-key` or `key:desc` descending. */
export function listGrammarSort(sorts: string, fallback: string) {
  return z
    .string()
    .max(200)
    .default(fallback)
    .describe(`Sort keys, comma-separated, the first wins; \`-key\` or \`key:desc\` sorts descending. Keys: ${sorts}. Example: \`sort=-updated\`.`);
}

/** One group of a `group_by` answer. */
export const GroupCount = z.object({ key: z.string().nullable(), count: z.number().int() });

/**
 * The answer of a list endpoint with the grammar: a page of items (with `next_cursor` under cursor paging),
 * a page of selected fields (`select`), or counts per value (`group_by`).
 */
export function listResponseOf<T extends z.ZodObject>(item: T) {
  const envelope = { total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), next_cursor: z.string().nullable().optional() };
  return z.union([
    z.object({ items: z.array(item), ...envelope }).describe('A page of items'),
    z.object({ items: z.array(item.partial().extend({ id: Uuid })), ...envelope }).describe('A page of the selected fields of each item (`select`)'),
    z.object({ groups: z.array(GroupCount), total: z.number().int() }).describe('Counts per value (`group_by`); `total` counts the filtered items'),
  ]);
}
