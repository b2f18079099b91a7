import { z } from 'zod';
import { IsoDate, text } from './common.js';

/** A year's holiday schedule as the API returns it, with where it comes from. */
export const HolidayYear = z.object({
  year: z.number().int(),
  origin: z.enum(['configured', 'official', 'provisional', 'computed']),
  holidays: z.array(z.object({ date: IsoDate, nameVi: z.string(), nameEn: z.string() })),
  extraWorkingDays: z.array(z.object({ date: IsoDate, note: z.string() })),
  source: z.string(),
  updatedAt: z.string().nullable(),
});
export type HolidayYear = z.infer<typeof HolidayYear>;

/** Body to set a year's schedule from the government's notice (national administrators). */
export const HolidayYearPut = z.strictObject({
  holidays: z.array(z.strictObject({ date: IsoDate, nameVi: text(200), nameEn: text(200) })).max(60),
  extraWorkingDays: z.array(z.strictObject({ date: IsoDate, note: text(300) })).max(20).default([]),
  source: text(500),
});
export type HolidayYearPut = z.infer<typeof HolidayYearPut>;

/** Path parameter: a Gregorian year the calendar supports. */
export const YearParams = z.strictObject({ year: z.coerce.number().int().min(1900).max(2100) });

/** Working-day arithmetic over the configured calendar, e.g. a legal deadline. */
export const WorkingDaysQuery = z.strictObject({ from: IsoDate, days: z.coerce.number().int().min(0).max(3650) });
export const WorkingDaysResult = z.object({ from: IsoDate, days: z.number().int(), deadline: IsoDate });
