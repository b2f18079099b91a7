import { z } from 'zod';
import { OrganizationRef, Uuid } from './common.js';

/**
 * Bulk entry of statistical reports for provinces and ministries that collect on paper: one workbook of a form for
 * a period with one worksheet per report the officer may edit (draft or returned, of the organizations they manage),
 * uploaded back and saved all or nothing.
 */

/** Query of the bulk workbook: the form, and the managing unit (default: the caller's unit; all for national admins). */
export const StatBulkXlsxQuery = z.strictObject({
  formCode: z.string().trim().min(1).max(40),
  unitId: Uuid.optional(),
});
export type StatBulkXlsxQuery = z.infer<typeof StatBulkXlsxQuery>;

/** A report saved by a bulk upload: its sheet, its organization, how many cells it now holds and its new version. */
export const StatBulkSaved = z.object({
  sheet: z.string(),
  reportId: Uuid,
  organization: OrganizationRef,
  formCode: z.string(),
  /** Stored (non-missing) cells after the upload. */
  cells: z.number().int(),
  version: z.number().int(),
});
export type StatBulkSaved = z.infer<typeof StatBulkSaved>;

/** A sheet a bulk upload left alone: `empty` (no value at all, so the report keeps its cells). */
export const StatBulkSkipped = z.object({
  sheet: z.string(),
  organizationCode: z.string(),
  reportId: Uuid.nullable(),
  reason: z.enum(['empty']),
});
export type StatBulkSkipped = z.infer<typeof StatBulkSkipped>;

/** The answer of a successful bulk upload (on any error nothing is saved and the API answers an error instead). */
export const StatBulkResult = z.object({
  periodId: Uuid,
  saved: z.array(StatBulkSaved),
  skipped: z.array(StatBulkSkipped),
});
export type StatBulkResult = z.infer<typeof StatBulkResult>;
