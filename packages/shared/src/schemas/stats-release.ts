import { z } from 'zod';
import { FormDefinition } from '../stats/form-definition.js';
import { IsoDate, Uuid, optionalText, text } from './common.js';
import { StatAggregate } from './stats.js';

/**
 * Statistical releases (publication like .Stat Suite): a frozen snapshot of a form's aggregates for a year, national
 * and by province, that the public sees from its embargo time on. Small cells are withheld in the snapshot itself, so
 * nothing withheld can leak through any public output. A later release of the same form and year revises an earlier one.
 */

/** Where a release stands for the public. */
export const StatReleaseStatus = z.enum(['embargoed', 'published', 'withdrawn']);
export type StatReleaseStatus = z.infer<typeof StatReleaseStatus>;

/** An instant with its offset, e.g. `2027-03-01T09:00:00+07:00`. */
const Instant = z.iso.datetime({ offset: true });

/** Body to create a release of a form's approved data for a period. */
export const StatReleaseCreate = z.strictObject({
  periodId: Uuid,
  formCode: z.string().trim().min(1).max(40),
  /** When the public may see it (now or in the past: published at once). */
  embargoUntil: Instant,
  /** Registry date of the province breakdown (default: today). */
  asOf: IsoDate.optional(),
  /** Small-cell suppression: withhold cells from fewer units than this, with complementary cells. */
  suppressBelow: z.number().int().min(2).max(20).optional(),
  titleVi: optionalText(300),
  titleEn: optionalText(300),
  noteVi: optionalText(2000),
  noteEn: optionalText(2000),
});
export type StatReleaseCreate = z.infer<typeof StatReleaseCreate>;
export type StatReleaseCreateInput = z.input<typeof StatReleaseCreate>;

/** Body to withdraw a release from the public. */
export const StatReleaseWithdraw = z.strictObject({ reason: text(2000) });
export type StatReleaseWithdraw = z.infer<typeof StatReleaseWithdraw>;

/** A release without its data. */
export const StatReleaseSummary = z.object({
  id: Uuid,
  periodId: Uuid,
  year: z.number().int(),
  formCode: z.string(),
  formVersion: z.string(),
  dataflow: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  noteVi: z.string().nullable(),
  noteEn: z.string().nullable(),
  embargoUntil: z.string(),
  status: StatReleaseStatus,
  asOf: IsoDate,
  suppressBelow: z.number().int().nullable(),
  /** Reports included (approved or accepted) and reports assigned when the snapshot was taken. */
  reports: z.number().int(),
  assigned: z.number().int(),
  /** A later published release of the same form and year that revises this one. */
  revisedBy: Uuid.nullable(),
  createdAt: z.string(),
});
export type StatReleaseSummary = z.infer<typeof StatReleaseSummary>;

/** Staff view of a release adds the withdrawal. */
export const StatReleaseStaffSummary = StatReleaseSummary.extend({ withdrawnAt: z.string().nullable(), withdrawReason: z.string().nullable() });
export type StatReleaseStaffSummary = z.infer<typeof StatReleaseStaffSummary>;

/** Releases, newest year first. */
export const StatReleaseList = z.object({ items: z.array(StatReleaseSummary) });
export type StatReleaseList = z.infer<typeof StatReleaseList>;
export const StatReleaseStaffList = z.object({ items: z.array(StatReleaseStaffSummary) });
export type StatReleaseStaffList = z.infer<typeof StatReleaseStaffList>;

/** Query of the release lists. */
export const StatReleaseQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  formCode: z.string().trim().min(1).max(40).optional(),
});
export type StatReleaseQuery = z.infer<typeof StatReleaseQuery>;

/** A release with its form and its data (national, and by province as of the release's registry date). */
export const StatReleaseDetail = StatReleaseSummary.extend({
  form: FormDefinition,
  national: StatAggregate,
  province: StatAggregate,
});
export type StatReleaseDetail = z.infer<typeof StatReleaseDetail>;

/** Query of a published time series: one cell of a form, nationally or for one province code. */
export const StatSeriesQuery = z.strictObject({
  formCode: z.string().trim().min(1).max(40),
  row: z.string().regex(/^[A-Za-z0-9_.-]{1,20}$/),
  column: z.string().regex(/^[A-Za-z0-9_.-]{1,20}$/),
  /** A province code (as of each release's registry date); national when absent. */
  area: z.string().regex(/^[A-Za-z0-9_.-]{1,20}$/).optional(),
});
export type StatSeriesQuery = z.infer<typeof StatSeriesQuery>;

/** A published time series: the latest published release of each year. */
export const StatSeries = z.object({
  formCode: z.string(),
  row: z.string(),
  column: z.string(),
  area: z.string().nullable(),
  points: z.array(
    z.object({
      year: z.number().int(),
      releaseId: Uuid,
      value: z.number().nullable(),
      missing: z.number().int(),
      suppressed: z.enum(['primary', 'secondary']).nullable(),
    }),
  ),
});
export type StatSeries = z.infer<typeof StatSeries>;

/** An indicator of the catalog with its latest published value. */
export const StatIndicatorFigure = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unitVi: z.string(),
  unitEn: z.string(),
  /** The year and release the value comes from (null: none published). */
  year: z.number().int().nullable(),
  releaseId: Uuid.nullable(),
  value: z.number().nullable(),
  /** Some units left a cell it uses missing. */
  incomplete: z.boolean(),
  /** Why there is no value: not collected by the network, counted from a registry, or no published data. */
  reason: z.enum(['not_collected', 'registry', 'no_data']).nullable(),
  noteVi: z.string().nullable(),
  noteEn: z.string().nullable(),
});
export type StatIndicatorFigure = z.infer<typeof StatIndicatorFigure>;
export const StatIndicatorFigures = z.object({ items: z.array(StatIndicatorFigure) });
export type StatIndicatorFigures = z.infer<typeof StatIndicatorFigures>;
