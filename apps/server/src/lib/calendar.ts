import { sql } from 'drizzle-orm';
import {
  OFFICIAL_HOLIDAY_YEARS,
  PROVISIONAL_HOLIDAY_YEARS,
  createWorkingCalendar,
  type HolidayCalendarYear,
  type WorkingCalendar,
} from '@stinet/shared';
import type { Executor } from '../db/types.js';
import { queryRows } from './sql.js';

/** Working days for the ongoing-task form after the contract (Decree 11/2014 Art 6, Circular 14/2014 Art 6). */
export const ONGOING_TASK_WORKING_DAYS = 30;
/** Result registration: the dossier is due within 30 working days of the official acceptance (TT 14/2014 as amended). */
export const REGISTRATION_WORKING_DAYS = 30;
/** Changes (Mẫu 3) reach the focal point within 15 working days of the approving decision (local practice). */
export const CHANGE_WORKING_DAYS = 15;

/** The built-in schedules: officially announced years, then provisional ones not yet verified. */
export const BUILTIN_HOLIDAY_YEARS: Readonly<Record<number, HolidayCalendarYear>> = { ...OFFICIAL_HOLIDAY_YEARS, ...PROVISIONAL_HOLIDAY_YEARS };

/** The calendar from built-in data only (for pure code and tests that have no database). */
export const builtinWorkingCalendar: WorkingCalendar = createWorkingCalendar(BUILTIN_HOLIDAY_YEARS);

interface HolidayYearRow extends Record<string, unknown> {
  year: number;
  holidays: HolidayCalendarYear['holidays'];
  extra_working_days: HolidayCalendarYear['extraWorkingDays'];
  source: string;
}

const cache = new WeakMap<object, { fingerprint: string; calendar: WorkingCalendar }>();

/** The years administrators configured in the database. */
export async function configuredHolidayYears(ex: Executor): Promise<Record<number, HolidayCalendarYear>> {
  const rows = await queryRows<HolidayYearRow>(ex, sql`SELECT year, holidays, extra_working_days, source FROM holiday_year ORDER BY year`);
  return Object.fromEntries(rows.map((r) => [r.year, { year: r.year, holidays: r.holidays, extraWorkingDays: r.extra_working_days, source: r.source }]));
}

/**
 * The working-day calendar for legal deadlines: years configured by administrators override the built-in
 * official and provisional schedules; other years follow the Labour Code 2019 rules. Cached per database
 * handle and rebuilt when the configured years change (one cheap query per call).
 */
export async function loadWorkingCalendar(ex: Executor): Promise<WorkingCalendar> {
  const [state] = await queryRows<{ n: number; at: string | null }>(ex, sql`SELECT count(*)::int AS n, max(updated_at)::text AS at FROM holiday_year`);
  const fingerprint = `${state?.n ?? 0}|${state?.at ?? ''}`;
  const hit = cache.get(ex);
  if (hit && hit.fingerprint === fingerprint) return hit.calendar;
  const calendar = state?.n ? createWorkingCalendar({ ...BUILTIN_HOLIDAY_YEARS, ...(await configuredHolidayYears(ex)) }) : builtinWorkingCalendar;
  cache.set(ex, { fingerprint, calendar });
  return calendar;
}
