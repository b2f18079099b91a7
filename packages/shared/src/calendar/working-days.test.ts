import { describe, expect, it } from 'vitest';
import { OFFICIAL_HOLIDAY_YEARS, type HolidayCalendarYear } from './holidays.js';
import { isoDateToJdn, jdnToIsoDate } from './lunar.js';
import { createWorkingCalendar } from './working-days.js';

/** Deterministic pseudo-random generator (mulberry32) so property tests are reproducible. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const official = createWorkingCalendar(OFFICIAL_HOLIDAY_YEARS);
const statutoryOnly = createWorkingCalendar({});
const noHolidays = createWorkingCalendar({}, (year) => ({ year, holidays: [], extraWorkingDays: [], source: 'none' }));

describe('createWorkingCalendar', () => {
  it('skips weekends', () => {
    expect(official.isWorkingDay('2025-03-07')).toBe(true); // Friday
    expect(official.isWorkingDay('2025-03-08')).toBe(false); // Saturday
    expect(official.isWorkingDay('2025-03-09')).toBe(false); // Sunday
    expect(official.addWorkingDays('2025-03-07', 1)).toBe('2025-03-10');
    expect(official.addWorkingDays('2025-03-05', 5)).toBe('2025-03-12');
    expect(official.nextWorkingDay('2025-03-08')).toBe('2025-03-10');
    expect(official.nextWorkingDay('2025-03-10')).toBe('2025-03-11');
  });

  it('treats n = 0 as "this day if working, else the next working day"', () => {
    expect(official.addWorkingDays('2025-03-10', 0)).toBe('2025-03-10');
    expect(official.addWorkingDays('2025-03-08', 0)).toBe('2025-03-10');
    expect(official.addWorkingDays('2025-01-25', 0)).toBe('2025-02-03'); // Tết 2025
  });

  it('computes a 30-working-day deadline across Tết 2025', () => {
    // Tết 2025 for civil servants: Sat 25/1 – Sun 2/2 (five weekdays off).
    expect(official.addWorkingDays('2025-01-10', 30)).toBe('2025-02-28');
    expect(official.workingDaysBetween('2025-01-10', '2025-02-28')).toBe(30);
    // The statutory computation moves one day (27/1 worked, 3/2 off) but lands on the same deadline.
    expect(statutoryOnly.isWorkingDay('2025-01-27')).toBe(true);
    expect(statutoryOnly.isWorkingDay('2025-02-03')).toBe(false);
    expect(statutoryOnly.addWorkingDays('2025-01-10', 30)).toBe('2025-02-28');
    // Weekends only: one week earlier.
    expect(noHolidays.addWorkingDays('2025-01-10', 30)).toBe('2025-02-21');
  });

  it('gives a compensatory day when 1/1 falls on a Sunday (2023)', () => {
    expect(statutoryOnly.isWorkingDay('2023-01-01')).toBe(false);
    expect(statutoryOnly.isWorkingDay('2023-01-02')).toBe(false);
    expect(statutoryOnly.isWorkingDay('2023-01-03')).toBe(true);
    expect(statutoryOnly.addWorkingDays('2022-12-30', 1)).toBe('2023-01-03');
    expect(statutoryOnly.workingDaysBetween('2022-12-30', '2023-01-03')).toBe(1);
  });

  it('counts an extra working Saturday as a working day and the swapped day as a day off', () => {
    expect(official.isWorkingDay('2025-04-26')).toBe(true); // Saturday, made up for Fri 2/5
    expect(official.isWorkingDay('2025-05-02')).toBe(false);
    expect(official.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(official.addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
    // (24/4, 5/5]: Fri 25, Sat 26 (extra), Mon 28, Tue 29, then 30/4–4/5 off, Mon 5/5.
    expect(official.workingDaysBetween('2025-04-24', '2025-05-05')).toBe(5);
    // Without the official swap Sat 26/4 is a weekend day and Fri 2/5 a working day.
    expect(statutoryOnly.isWorkingDay('2025-04-26')).toBe(false);
    expect(statutoryOnly.isWorkingDay('2025-05-02')).toBe(true);
  });

  it('counts working days in (from, to], negative when reversed', () => {
    expect(official.workingDaysBetween('2025-03-10', '2025-03-10')).toBe(0);
    expect(official.workingDaysBetween('2025-03-07', '2025-03-10')).toBe(1);
    expect(official.workingDaysBetween('2025-03-10', '2025-03-07')).toBe(-1);
    expect(official.workingDaysBetween('2025-02-28', '2025-01-10')).toBe(-30);
  });

  it('matches a day-by-day count across several years', () => {
    const from = isoDateToJdn('2022-06-15');
    const to = isoDateToJdn('2027-03-01');
    let expected = 0;
    for (let jdn = from + 1; jdn <= to; jdn += 1) if (official.isWorkingDay(jdnToIsoDate(jdn))) expected += 1;
    expect(official.workingDaysBetween(jdnToIsoDate(from), jdnToIsoDate(to))).toBe(expected);
  });

  it('round-trips: workingDaysBetween(d, addWorkingDays(d, n)) === n for working d', () => {
    const random = rng(112);
    const first = isoDateToJdn('2020-01-01');
    const span = isoDateToJdn('2028-12-31') - first;
    let checked = 0;
    while (checked < 500) {
      const date = jdnToIsoDate(first + Math.floor(random() * span));
      if (!official.isWorkingDay(date)) continue;
      const n = Math.floor(random() * 400);
      const deadline = official.addWorkingDays(date, n);
      expect(official.workingDaysBetween(date, deadline)).toBe(n);
      expect(official.isWorkingDay(deadline)).toBe(true);
      if (n > 0) expect(official.addWorkingDays(date, n - 1) < deadline).toBe(true);
      checked += 1;
    }
  });

  it('agrees with a naive day-by-day deadline', () => {
    const random = rng(2019);
    const first = isoDateToJdn('2023-10-01');
    for (let i = 0; i < 200; i += 1) {
      const start = first + Math.floor(random() * 900);
      const n = 1 + Math.floor(random() * 60);
      let jdn = start;
      for (let left = n; left > 0; ) {
        jdn += 1;
        if (official.isWorkingDay(jdnToIsoDate(jdn))) left -= 1;
      }
      expect(official.addWorkingDays(jdnToIsoDate(start), n)).toBe(jdnToIsoDate(jdn));
    }
  });

  it('uses a configured year instead of the computed one, and the fallback elsewhere', () => {
    expect(official.holidaysIn(2025)).toEqual(OFFICIAL_HOLIDAY_YEARS[2025]?.holidays);
    expect(official.calendarYear(2025).source).toMatch(/Official/);
    expect(official.calendarYear(2027).source).toMatch(/Computed/);
    expect(official.holidaysIn(2027).map((h) => h.date)).toContain('2027-02-06');
  });

  it('is not affected by later changes to its input or output', () => {
    const input: Record<number, HolidayCalendarYear> = {
      2030: { year: 2030, holidays: [{ date: '2030-03-05', nameVi: 'x', nameEn: 'x' }], extraWorkingDays: [], source: 't' },
    };
    const calendar = createWorkingCalendar(input);
    input[2030]?.holidays.push({ date: '2030-03-06', nameVi: 'y', nameEn: 'y' });
    calendar.holidaysIn(2030).push({ date: '2030-03-07', nameVi: 'z', nameEn: 'z' });
    expect(calendar.isWorkingDay('2030-03-05')).toBe(false);
    expect(calendar.isWorkingDay('2030-03-06')).toBe(true);
    expect(calendar.holidaysIn(2030)).toHaveLength(1);
  });

  it('is fast enough for thousands of deadlines', () => {
    const started = performance.now();
    const first = isoDateToJdn('2024-01-02');
    for (let i = 0; i < 20_000; i += 1) {
      const date = jdnToIsoDate(first + (i % 700));
      official.addWorkingDays(date, 30);
      official.workingDaysBetween(jdnToIsoDate(first), date);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('rejects invalid input with RangeError', () => {
    expect(() => official.isWorkingDay('2025-02-29')).toThrow(RangeError);
    expect(() => official.isWorkingDay('2025/03/01')).toThrow(/expected 'YYYY-MM-DD'/);
    expect(() => official.addWorkingDays('2025-03-01', -1)).toThrow(/non-negative integer/);
    expect(() => official.addWorkingDays('2025-03-01', 1.5)).toThrow(RangeError);
    expect(() => official.addWorkingDays('2025-03-01', Number.NaN)).toThrow(RangeError);
    expect(() => official.workingDaysBetween('2025-03-01', '')).toThrow(RangeError);
    expect(() => official.nextWorkingDay('20250301')).toThrow(RangeError);
    expect(() => official.holidaysIn(1899)).toThrow(/No default holiday rules/);
    expect(() => official.addWorkingDays('2100-12-30', 5)).toThrow(/No default holiday rules for year 2101/);
  });

  it('rejects invalid holiday records at creation', () => {
    const y2025 = OFFICIAL_HOLIDAY_YEARS[2025];
    if (!y2025) throw new Error('missing 2025');
    expect(() => createWorkingCalendar({ 2024: y2025 })).toThrow(/has year 2025/);
    expect(() =>
      createWorkingCalendar({ 2025: { ...y2025, extraWorkingDays: [{ date: '2025-04-25', note: 'Friday' }] } }),
    ).toThrow(/not a Saturday or Sunday/);
    expect(() =>
      createWorkingCalendar({}, (year) => ({ year: year + 1, holidays: [], extraWorkingDays: [], source: 'bad' })).isWorkingDay(
        '2025-01-02',
      ),
    ).toThrow(RangeError);
  });
});
