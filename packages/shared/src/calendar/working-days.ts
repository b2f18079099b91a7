/**
 * Working-day arithmetic for legal deadlines ("trong thời hạn N ngày làm việc").
 *
 * A day is a working day unless it is a Saturday or Sunday (and not declared an extra working day)
 * or it is listed as a holiday. Holiday data comes per Gregorian year from the caller (e.g.
 * `OFFICIAL_HOLIDAY_YEARS`) with a computed fallback for the other years. Each year is indexed
 * once (a flag per day and a running count), so deadline computations cost O(years spanned + log 366).
 */
import {
  defaultHolidayYear,
  isWeekendJdn,
  validateHolidayCalendarYear,
  type Holiday,
  type HolidayCalendarYear,
} from './holidays.js';
import { gregorianFromJdn, isoDateToJdn, jdnToIsoDate, julianDayNumber } from './lunar.js';

/** Supplies the holiday record of a year that has no explicit entry. */
export type HolidayYearFallback = (year: number) => HolidayCalendarYear;

/** Working-day calendar; all dates are 'YYYY-MM-DD' strings. */
export interface WorkingCalendar {
  /** True unless the date is a weekend day (not declared an extra working day) or a holiday. */
  isWorkingDay(date: string): boolean;
  /**
   * The deadline `n` working days after `date`: the n-th working day strictly after it. For n = 0,
   * `date` itself when it is a working day, otherwise the next working day.
   * @throws RangeError for an invalid date or an `n` that is not a non-negative integer.
   */
  addWorkingDays(date: string, n: number): string;
  /**
   * Number of working days in (from, to]; negative (minus the count in (to, from]) when `to` is
   * before `from`, so `workingDaysBetween(deadline, today) > 0` means "overdue by that many days".
   */
  workingDaysBetween(from: string, to: string): number;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string;
  /** The days off of a Gregorian year (configured or computed), in date order. */
  holidaysIn(year: number): Holiday[];
  /** The whole holiday record used for a Gregorian year (configured or computed). */
  calendarYear(year: number): HolidayCalendarYear;
}

/** Per-year index: working flag per day and running count of working days. */
interface YearIndex {
  readonly entry: HolidayCalendarYear;
  /** Julian day number of 1 January. */
  readonly firstJdn: number;
  /** Working days among the first i days of the year (length = days in year + 1). */
  readonly workingBefore: Int32Array;
  /** 1 when the i-th day of the year (0-based) is a working day. */
  readonly working: Uint8Array;
}

const MIN_YEAR = 1;
const MAX_YEAR = 9999;

function copyEntry(entry: HolidayCalendarYear): HolidayCalendarYear {
  return {
    year: entry.year,
    holidays: entry.holidays.map((h) => ({ date: h.date, nameVi: h.nameVi, nameEn: h.nameEn })),
    extraWorkingDays: entry.extraWorkingDays.map((d) => ({ date: d.date, note: d.note })),
    source: entry.source,
  };
}

function compareDates(a: { date: string }, b: { date: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

function buildIndex(entry: HolidayCalendarYear): YearIndex {
  const firstJdn = julianDayNumber(entry.year, 1, 1);
  const length = julianDayNumber(entry.year + 1, 1, 1) - firstJdn;
  const working = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) working[i] = isWeekendJdn(firstJdn + i) ? 0 : 1;
  for (const extra of entry.extraWorkingDays) working[isoDateToJdn(extra.date) - firstJdn] = 1;
  for (const holiday of entry.holidays) working[isoDateToJdn(holiday.date) - firstJdn] = 0;
  const workingBefore = new Int32Array(length + 1);
  for (let i = 0; i < length; i += 1) workingBefore[i + 1] = (workingBefore[i] ?? 0) + (working[i] ?? 0);
  return { entry, firstJdn, working, workingBefore };
}

/**
 * Creates a working-day calendar from per-year holiday records (keyed by Gregorian year; a record
 * replaces the fallback for its whole year) and a fallback for the other years (by default the
 * statutory computation {@link defaultHolidayYear}). Records are validated and copied up front;
 * fallback years are computed, validated and cached on first use.
 * @throws RangeError when a record is invalid (see {@link validateHolidayCalendarYear}).
 */
export function createWorkingCalendar(
  years: Readonly<Record<number, HolidayCalendarYear>>,
  fallback: HolidayYearFallback = defaultHolidayYear,
): WorkingCalendar {
  const configured = new Map<number, HolidayCalendarYear>();
  for (const [key, entry] of Object.entries(years)) {
    const year = Number(key);
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      throw new RangeError(`Invalid holiday calendar key ${JSON.stringify(key)}: expected a year from ${MIN_YEAR} to ${MAX_YEAR}`);
    }
    validateHolidayCalendarYear(entry, year);
    configured.set(year, copyEntry(entry));
  }
  const cache = new Map<number, YearIndex>();

  const indexOf = (year: number): YearIndex => {
    const cached = cache.get(year);
    if (cached) return cached;
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      throw new RangeError(`Invalid year ${String(year)}: expected an integer from ${MIN_YEAR} to ${MAX_YEAR}`);
    }
    let entry = configured.get(year);
    if (!entry) {
      entry = copyEntry(fallback(year));
      validateHolidayCalendarYear(entry, year);
    }
    const index = buildIndex(entry);
    cache.set(year, index);
    return index;
  };

  /** Index of the year containing `jdn` and the day's 0-based position in it. */
  const locate = (jdn: number): { index: YearIndex; day: number } => {
    const index = indexOf(gregorianFromJdn(jdn).year);
    return { index, day: jdn - index.firstJdn };
  };

  const isWorkingJdn = (jdn: number): boolean => {
    const { index, day } = locate(jdn);
    return index.working[day] === 1;
  };

  /** Working days in (jdn, end of its year]. */
  const workingAfterInYear = (index: YearIndex, day: number): number => {
    const total = index.workingBefore[index.working.length] ?? 0;
    return total - (index.workingBefore[day + 1] ?? 0);
  };

  /** Working days in (from, to] for from ≤ to. */
  const countForward = (from: number, to: number): number => {
    const start = locate(from);
    const end = locate(to);
    if (start.index === end.index) {
      return (end.index.workingBefore[end.day + 1] ?? 0) - (start.index.workingBefore[start.day + 1] ?? 0);
    }
    let count = workingAfterInYear(start.index, start.day);
    for (let year = start.index.entry.year + 1; year < end.index.entry.year; year += 1) {
      const index = indexOf(year);
      count += index.workingBefore[index.working.length] ?? 0;
    }
    return count + (end.index.workingBefore[end.day + 1] ?? 0);
  };

  /** The n-th (n ≥ 1) working day strictly after `jdn`. */
  const nthWorkingDayAfter = (jdn: number, n: number): number => {
    let { index, day } = locate(jdn);
    let remaining = n;
    let available = workingAfterInYear(index, day);
    while (remaining > available) {
      remaining -= available;
      index = indexOf(index.entry.year + 1);
      day = -1;
      available = workingAfterInYear(index, day);
    }
    // Smallest position p > day with workingBefore[p + 1] >= workingBefore[day + 1] + remaining.
    const target = (index.workingBefore[day + 1] ?? 0) + remaining;
    let low = day + 1;
    let high = index.working.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((index.workingBefore[mid + 1] ?? 0) >= target) high = mid;
      else low = mid + 1;
    }
    return index.firstJdn + low;
  };

  const checkCount = (n: number): void => {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`Invalid number of working days ${String(n)}: expected a non-negative integer`);
    }
  };

  return {
    isWorkingDay(date) {
      return isWorkingJdn(isoDateToJdn(date));
    },
    addWorkingDays(date, n) {
      const jdn = isoDateToJdn(date);
      checkCount(n);
      if (n === 0) return isWorkingJdn(jdn) ? date : jdnToIsoDate(nthWorkingDayAfter(jdn, 1));
      return jdnToIsoDate(nthWorkingDayAfter(jdn, n));
    },
    workingDaysBetween(from, to) {
      const a = isoDateToJdn(from);
      const b = isoDateToJdn(to);
      return a <= b ? countForward(a, b) : -countForward(b, a);
    },
    nextWorkingDay(date) {
      return jdnToIsoDate(nthWorkingDayAfter(isoDateToJdn(date), 1));
    },
    holidaysIn(year) {
      return copyEntry(indexOf(year).entry).holidays.sort(compareDates);
    },
    calendarYear(year) {
      const entry = copyEntry(indexOf(year).entry);
      entry.holidays.sort(compareDates);
      entry.extraWorkingDays.sort(compareDates);
      return entry;
    },
  };
}
