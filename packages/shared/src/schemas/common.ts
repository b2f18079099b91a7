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
