import { eq } from 'drizzle-orm';
import { OFFICIAL_HOLIDAY_YEARS, PROVISIONAL_HOLIDAY_YEARS, validateHolidayCalendarYear, type HolidayYear, type HolidayYearPut } from '@stinet/shared';
import { holidayYear } from '../../db/schema.js';
import type { Db, Executor } from '../../db/types.js';
import { fieldError, notFound } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { loadWorkingCalendar } from '../../lib/calendar.js';
import { requireRole } from '../access/access.service.js';

/** A year's schedule and where it comes from: configured here, official, provisional or computed from the law. */
export async function getHolidayYear(ex: Executor, year: number): Promise<HolidayYear> {
  const row = (await ex.select().from(holidayYear).where(eq(holidayYear.year, year)).limit(1))[0];
  const calendar = await loadWorkingCalendar(ex);
  const entry = calendar.calendarYear(year);
  const origin = row ? 'configured' : OFFICIAL_HOLIDAY_YEARS[year] ? 'official' : PROVISIONAL_HOLIDAY_YEARS[year] ? 'provisional' : 'computed';
  return { year, origin, holidays: entry.holidays, extraWorkingDays: entry.extraWorkingDays, source: entry.source, updatedAt: row?.updatedAt.toISOString() ?? null };
}

/** Sets a year's schedule from the government's notice (national administrators); every later deadline uses it. */
export async function putHolidayYear(db: Db, ctx: RequestContext, year: number, input: HolidayYearPut): Promise<HolidayYear> {
  requireRole(ctx, 'national_admin');
  const entry = {
    year,
    holidays: [...input.holidays].sort((a, b) => a.date.localeCompare(b.date)),
    extraWorkingDays: [...input.extraWorkingDays].sort((a, b) => a.date.localeCompare(b.date)),
    source: input.source,
  };
  try {
    validateHolidayCalendarYear(entry, year);
  } catch (err) {
    throw fieldError('VALIDATION_FAILED', 'holidays', err instanceof Error ? err.message : String(err));
  }
  return db.transaction(async (tx) => {
    const before = (await tx.select().from(holidayYear).where(eq(holidayYear.year, year)).limit(1))[0] ?? null;
    const values = { year, holidays: entry.holidays, extraWorkingDays: entry.extraWorkingDays, source: entry.source, updatedAt: new Date() };
    await tx.insert(holidayYear).values(values).onConflictDoUpdate({ target: holidayYear.year, set: values });
    await recordAudit(tx, ctx, { action: before ? 'update' : 'create', entityType: 'holiday_year', entityId: String(year), before, after: values });
    return getHolidayYear(tx, year);
  });
}

/** Removes a configured year so the built-in or computed schedule applies again. */
export async function deleteHolidayYear(db: Db, ctx: RequestContext, year: number): Promise<void> {
  requireRole(ctx, 'national_admin');
  await db.transaction(async (tx) => {
    const rows = await tx.delete(holidayYear).where(eq(holidayYear.year, year)).returning();
    if (!rows[0]) throw notFound('holidayYear');
    await recordAudit(tx, ctx, { action: 'delete', entityType: 'holiday_year', entityId: String(year), before: rows[0] });
  });
}

/** The deadline `days` working days after `from` on the configured calendar. */
export async function computeDeadline(ex: Executor, from: string, days: number): Promise<{ from: string; days: number; deadline: string }> {
  return { from, days, deadline: (await loadWorkingCalendar(ex)).addWorkingDays(from, days) };
}
