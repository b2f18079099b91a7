/**
 * Public holidays of Vietnam, per Gregorian year, as data.
 *
 * Statutory rules (Labour Code 2019, Bộ luật Lao động số 45/2019/QH14):
 * - Art 112(1): Tết Dương lịch 1 day (1/1); Tết Âm lịch 5 days; Victory Day 30/4; International
 *   Labour Day 1/5; National Day 2 days (2/9 and the day before or after); Hùng Kings
 *   Commemoration 1 day (10/3 lunar).
 * - Art 112(3): each year the Prime Minister fixes the exact Tết days and the second National Day.
 * - Art 111(3): a holiday that falls on the weekly rest day is compensated on the next working day.
 *
 * Each year the Government also announces the schedule for civil servants (công chức, viên chức),
 * often swapping a bridge weekday with a Saturday. Those announcements are recorded in
 * {@link OFFICIAL_HOLIDAY_YEARS}; for other years {@link defaultHolidayYear} computes the statutory
 * schedule. All dates are ISO strings 'YYYY-MM-DD'; arithmetic is done on day numbers, never in the
 * machine's time zone.
 */
import { isoDateToJdn, jdnToIsoDate, jdnWeekday, julianDayNumber, lunarToSolar, LUNAR_YEAR_RANGE } from './lunar.js';

/** One day off (a public holiday, a compensatory day or a swapped bridge day). */
export interface Holiday {
  /** The day off, 'YYYY-MM-DD'. */
  date: string;
  /** Vietnamese name, e.g. 'Tết Dương lịch'. */
  nameVi: string;
  /** English name, e.g. "New Year's Day". */
  nameEn: string;
}

/** A weekend day declared a working day (usually to make up for a swapped bridge day). */
export interface ExtraWorkingDay {
  /** The Saturday or Sunday that is worked, 'YYYY-MM-DD'. */
  date: string;
  /** Why, e.g. 'Làm bù cho ngày nghỉ 02/05/2025'. */
  note: string;
}

/**
 * The days off and extra working days of one Gregorian year. `holidays` lists every day off other
 * than ordinary weekends (statutory days that fall on a weekend may be listed too, for display);
 * every date in the record lies in `year` (a cross-year bridge is recorded in the year of its date).
 */
export interface HolidayCalendarYear {
  /** Gregorian year. */
  year: number;
  /** Days off, in date order. */
  holidays: Holiday[];
  /** Saturdays or Sundays that are working days. */
  extraWorkingDays: ExtraWorkingDay[];
  /** What the record is based on (law, official notice, computation). */
  source: string;
}

/** Choices the Prime Minister makes each year, used by {@link defaultHolidayYear}. */
export interface DefaultHolidayOptions {
  /** Tết days before the first day of the lunar year (0–5); the rest follow. Default 1 (the last day of the lunar year). */
  tetDaysBeforeNewYear?: number;
  /** The second National Day: 'before' = 1/9 (default), 'after' = 3/9. */
  nationalDayExtra?: 'before' | 'after';
}

/** Gregorian years for which {@link defaultHolidayYear} can compute holidays (limited by the lunar calendar). */
export const DEFAULT_HOLIDAY_YEAR_RANGE = { min: LUNAR_YEAR_RANGE.min, max: LUNAR_YEAR_RANGE.max } as const;

/** Number of days of Tết Âm lịch (Labour Code 2019 Art 112(1)(b)). */
const TET_DAYS = 5;
const SATURDAY = 6;
const SUNDAY = 0;

/** True for Saturday and Sunday, the weekly rest days of the public administration. */
export function isWeekendJdn(jdn: number): boolean {
  const weekday = jdnWeekday(jdn);
  return weekday === SATURDAY || weekday === SUNDAY;
}

interface StatutoryDay {
  jdn: number;
  nameVi: string;
  nameEn: string;
}

function tetDayNames(offsetFromNewYear: number): { nameVi: string; nameEn: string } {
  if (offsetFromNewYear === -1) {
    return { nameVi: 'Tết Âm lịch (ngày cuối năm âm lịch)', nameEn: 'Lunar New Year (last day of the lunar year)' };
  }
  if (offsetFromNewYear < 0) {
    const n = -offsetFromNewYear;
    return { nameVi: `Tết Âm lịch (${n} ngày trước mùng 1)`, nameEn: `Lunar New Year (${n} days before day 1)` };
  }
  const n = offsetFromNewYear + 1;
  return { nameVi: `Tết Âm lịch (mùng ${n})`, nameEn: `Lunar New Year (day ${n})` };
}

function statutoryDays(year: number, options: DefaultHolidayOptions): StatutoryDay[] {
  const before = options.tetDaysBeforeNewYear ?? 1;
  if (!Number.isInteger(before) || before < 0 || before > TET_DAYS) {
    throw new RangeError(`Invalid tetDaysBeforeNewYear ${String(before)}: expected an integer from 0 to ${TET_DAYS}`);
  }
  const nationalDayExtra = options.nationalDayExtra ?? 'before';
  if (nationalDayExtra !== 'before' && nationalDayExtra !== 'after') {
    throw new RangeError(`Invalid nationalDayExtra ${JSON.stringify(nationalDayExtra)}: expected 'before' or 'after'`);
  }
  const days: StatutoryDay[] = [
    { jdn: julianDayNumber(year, 1, 1), nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" },
  ];
  const tet = isoDateToJdn(lunarToSolar(1, 1, year));
  for (let offset = -before; offset < TET_DAYS - before; offset += 1) {
    days.push({ jdn: tet + offset, ...tetDayNames(offset) });
  }
  days.push(
    {
      jdn: isoDateToJdn(lunarToSolar(10, 3, year)),
      nameVi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      nameEn: 'Hung Kings Commemoration Day',
    },
    { jdn: julianDayNumber(year, 4, 30), nameVi: 'Ngày Chiến thắng (30/4)', nameEn: 'Reunification Day (30 April)' },
    { jdn: julianDayNumber(year, 5, 1), nameVi: 'Ngày Quốc tế Lao động (1/5)', nameEn: 'International Labour Day' },
    { jdn: julianDayNumber(year, 9, 2), nameVi: 'Quốc khánh (2/9)', nameEn: 'National Day (2 September)' },
    {
      jdn: julianDayNumber(year, 9, nationalDayExtra === 'before' ? 1 : 3),
      nameVi: `Quốc khánh (ngày liền kề, ${nationalDayExtra === 'before' ? '1/9' : '3/9'})`,
      nameEn: `National Day (adjacent day, ${nationalDayExtra === 'before' ? '1' : '3'} September)`,
    },
  );
  return days.sort((a, b) => a.jdn - b.jdn);
}

/**
 * The statutory holiday schedule of a Gregorian year, computed from the Labour Code 2019: the days
 * of Art 112(1), Tết as `tetDaysBeforeNewYear` (default 1: the last day of the lunar year) plus the
 * first days of month 1, National Day with 1/9 by default, and for every holiday on a Saturday or
 * Sunday a compensatory day on the next day that is neither a weekend nor another day off
 * (Art 111(3)). Two holidays on the same date also yield a compensatory day (an interpretation:
 * the law gives each holiday as a paid day off). The Government's yearly swaps are not guessed.
 * @throws RangeError for a year outside {@link DEFAULT_HOLIDAY_YEAR_RANGE} or invalid options.
 */
export function defaultHolidayYear(year: number, options: DefaultHolidayOptions = {}): HolidayCalendarYear {
  if (!Number.isInteger(year) || year < DEFAULT_HOLIDAY_YEAR_RANGE.min || year > DEFAULT_HOLIDAY_YEAR_RANGE.max) {
    throw new RangeError(
      `No default holiday rules for year ${String(year)}: supported years are ${DEFAULT_HOLIDAY_YEAR_RANGE.min}–${DEFAULT_HOLIDAY_YEAR_RANGE.max}`,
    );
  }
  const statutory = statutoryDays(year, options);
  const daysOff = new Set(statutory.map((day) => day.jdn));
  const seen = new Set<number>();
  const holidays: Holiday[] = [];
  for (const day of statutory) {
    holidays.push({ date: jdnToIsoDate(day.jdn), nameVi: day.nameVi, nameEn: day.nameEn });
    const coincides = seen.has(day.jdn);
    seen.add(day.jdn);
    if (!isWeekendJdn(day.jdn) && !coincides) continue;
    let compensatory = day.jdn + 1;
    while (isWeekendJdn(compensatory) || daysOff.has(compensatory)) compensatory += 1;
    daysOff.add(compensatory);
    holidays.push({
      date: jdnToIsoDate(compensatory),
      nameVi: `Nghỉ bù ${day.nameVi}`,
      nameEn: `Compensatory day off for ${day.nameEn}`,
    });
  }
  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    year,
    holidays,
    extraWorkingDays: [],
    source:
      'Computed from the Labour Code 2019 (Art 112(1) holidays, Art 111(3) compensatory days; Tết = last day of the lunar year + days 1–4, National Day + 1/9 unless configured); not an official announcement',
  };
}

/**
 * Checks that a holiday record is usable: `year` matches, every date is a real 'YYYY-MM-DD' in that
 * year, extra working days are Saturdays or Sundays, and no date is both a day off and a working day.
 * @throws RangeError describing the first problem found.
 */
export function validateHolidayCalendarYear(entry: HolidayCalendarYear, expectedYear: number = entry.year): void {
  if (!Number.isInteger(entry.year) || entry.year !== expectedYear) {
    throw new RangeError(`Holiday calendar for ${expectedYear} has year ${String(entry.year)}`);
  }
  if (!Array.isArray(entry.holidays) || !Array.isArray(entry.extraWorkingDays)) {
    throw new RangeError(`Holiday calendar for ${expectedYear} must have holidays and extraWorkingDays arrays`);
  }
  const prefix = `${String(entry.year).padStart(4, '0')}-`;
  const checkDate = (date: string, what: string): number => {
    let jdn: number;
    try {
      jdn = isoDateToJdn(date);
    } catch (error) {
      throw new RangeError(
        `Holiday calendar ${entry.year}: ${what}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!date.startsWith(prefix)) {
      throw new RangeError(`Holiday calendar ${entry.year}: ${what} ${date} is not in ${entry.year}`);
    }
    return jdn;
  };
  const off = new Set<string>();
  for (const holiday of entry.holidays) {
    checkDate(holiday.date, 'holiday');
    off.add(holiday.date);
  }
  for (const extra of entry.extraWorkingDays) {
    const jdn = checkDate(extra.date, 'extra working day');
    if (!isWeekendJdn(jdn)) {
      throw new RangeError(`Holiday calendar ${entry.year}: extra working day ${extra.date} is not a Saturday or Sunday`);
    }
    if (off.has(extra.date)) {
      throw new RangeError(`Holiday calendar ${entry.year}: ${extra.date} is both a holiday and an extra working day`);
    }
  }
}

type DayTuple = readonly [date: string, nameVi: string, nameEn: string];

function officialYear(
  year: number,
  days: readonly DayTuple[],
  extra: readonly (readonly [date: string, note: string])[],
  source: string,
): HolidayCalendarYear {
  const entry: HolidayCalendarYear = {
    year,
    holidays: days.map(([date, nameVi, nameEn]) => Object.freeze({ date, nameVi, nameEn })),
    extraWorkingDays: extra.map(([date, note]) => Object.freeze({ date, note })),
    source,
  };
  validateHolidayCalendarYear(entry);
  Object.freeze(entry.holidays);
  Object.freeze(entry.extraWorkingDays);
  return Object.freeze(entry);
}

const NEW_YEAR: readonly [string, string] = ['Tết Dương lịch', "New Year's Day"];
const HUNG_KINGS: readonly [string, string] = ['Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hung Kings Commemoration Day'];
const VICTORY: readonly [string, string] = ['Ngày Chiến thắng (30/4)', 'Reunification Day (30 April)'];
const LABOUR: readonly [string, string] = ['Ngày Quốc tế Lao động (1/5)', 'International Labour Day'];
const NATIONAL: readonly [string, string] = ['Quốc khánh (2/9)', 'National Day (2 September)'];
const TET_VI = 'Tết Âm lịch';
const TET_EN = 'Lunar New Year';

const OFFICIAL_2024 = officialYear(
  2024,
  [
    ['2024-01-01', ...NEW_YEAR],
    ['2024-02-08', `${TET_VI} (29 tháng Chạp)`, `${TET_EN} (29th of month 12)`],
    ['2024-02-09', `${TET_VI} (30 tháng Chạp)`, `${TET_EN} (last day of the lunar year)`],
    ['2024-02-10', `${TET_VI} (mùng 1)`, `${TET_EN} (day 1)`],
    ['2024-02-11', `${TET_VI} (mùng 2)`, `${TET_EN} (day 2)`],
    ['2024-02-12', `${TET_VI} (mùng 3)`, `${TET_EN} (day 3)`],
    ['2024-02-13', `${TET_VI} (mùng 4)`, `${TET_EN} (day 4)`],
    ['2024-02-14', `${TET_VI} (mùng 5)`, `${TET_EN} (day 5)`],
    ['2024-04-18', ...HUNG_KINGS],
    ['2024-04-29', 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)', 'Swapped day off (worked on Saturday 2024-05-04)'],
    ['2024-04-30', ...VICTORY],
    ['2024-05-01', ...LABOUR],
    ['2024-09-02', ...NATIONAL],
    ['2024-09-03', 'Quốc khánh (ngày liền kề, 3/9)', 'National Day (adjacent day, 3 September)'],
  ],
  [['2024-05-04', 'Làm bù cho ngày nghỉ hoán đổi thứ Hai 29/4/2024']],
  'Official schedule for civil servants (from memory, to verify against the notices of the Ministry of Labour, Invalids and Social Affairs): ' +
    'Tết Dương lịch 1/1 (Mon); Tết Giáp Thìn Thu 8/2 – Wed 14/2 (29 tháng Chạp – mùng 5); Giỗ Tổ Thu 18/4; ' +
    '30/4–1/5: Sat 27/4 – Wed 1/5 with Mon 29/4 swapped for Sat 4/5 (confirmed by press reports); Quốc khánh Sat 31/8 – Tue 3/9 (2/9 + 3/9)',
);

const OFFICIAL_2025 = officialYear(
  2025,
  [
    ['2025-01-01', ...NEW_YEAR],
    ['2025-01-27', `${TET_VI} (28 tháng Chạp)`, `${TET_EN} (28th of month 12)`],
    ['2025-01-28', `${TET_VI} (29 tháng Chạp, ngày cuối năm)`, `${TET_EN} (last day of the lunar year)`],
    ['2025-01-29', `${TET_VI} (mùng 1)`, `${TET_EN} (day 1)`],
    ['2025-01-30', `${TET_VI} (mùng 2)`, `${TET_EN} (day 2)`],
    ['2025-01-31', `${TET_VI} (mùng 3)`, `${TET_EN} (day 3)`],
    ['2025-04-07', ...HUNG_KINGS],
    ['2025-04-30', ...VICTORY],
    ['2025-05-01', ...LABOUR],
    ['2025-05-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)', 'Swapped day off (worked on Saturday 2025-04-26)'],
    ['2025-09-01', 'Quốc khánh (ngày liền kề, 1/9)', 'National Day (adjacent day, 1 September)'],
    ['2025-09-02', ...NATIONAL],
  ],
  [['2025-04-26', 'Làm bù cho ngày nghỉ hoán đổi thứ Sáu 2/5/2025']],
  'Official schedule for civil servants (from memory, to verify against the notices of the Ministry of Labour, Invalids and Social Affairs / Ministry of Home Affairs): ' +
    'Tết Dương lịch 1/1 (Wed); Tết Ất Tỵ Sat 25/1 – Sun 2/2 (26 tháng Chạp – mùng 5; 5 Tết days Mon 27/1 – Fri 31/1, no swap); ' +
    'Giỗ Tổ Mon 7/4; 30/4–1/5: Wed 30/4 – Sun 4/5 with Fri 2/5 swapped for Sat 26/4 (confirmed by VietnamPlus/TTXVN report); ' +
    'Quốc khánh Sat 30/8 – Tue 2/9 (2/9 + 1/9)',
);

/**
 * Officially announced schedules (for civil servants) that this module is confident about: 2024 and
 * 2025. A year present here replaces the computed default entirely. 2026 is not included because the
 * National Day arrangement had not been confirmed when this was written (see
 * {@link PROVISIONAL_HOLIDAY_YEARS}).
 */
export const OFFICIAL_HOLIDAY_YEARS: Readonly<Record<number, HolidayCalendarYear>> = Object.freeze({
  2024: OFFICIAL_2024,
  2025: OFFICIAL_2025,
});

const PROVISIONAL_2026 = officialYear(
  2026,
  [
    ['2026-01-01', ...NEW_YEAR],
    ['2026-01-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/1/2026)', 'Swapped day off (worked on Saturday 2026-01-10)'],
    ['2026-02-16', `${TET_VI} (29 tháng Chạp, ngày cuối năm)`, `${TET_EN} (last day of the lunar year)`],
    ['2026-02-17', `${TET_VI} (mùng 1)`, `${TET_EN} (day 1)`],
    ['2026-02-18', `${TET_VI} (mùng 2)`, `${TET_EN} (day 2)`],
    ['2026-02-19', `${TET_VI} (mùng 3)`, `${TET_EN} (day 3)`],
    ['2026-02-20', `${TET_VI} (mùng 4)`, `${TET_EN} (day 4)`],
    ['2026-04-26', ...HUNG_KINGS],
    ['2026-04-27', `Nghỉ bù ${HUNG_KINGS[0]}`, `Compensatory day off for ${HUNG_KINGS[1]}`],
    ['2026-04-30', ...VICTORY],
    ['2026-05-01', ...LABOUR],
    ['2026-09-01', 'Quốc khánh (ngày liền kề, 1/9) — chưa xác nhận', 'National Day (adjacent day, 1 September) — unconfirmed'],
    ['2026-09-02', ...NATIONAL],
  ],
  [['2026-01-10', 'Làm bù cho ngày nghỉ hoán đổi thứ Sáu 2/1/2026']],
  'PROVISIONAL. Confirmed by press reports: Tết Dương lịch Thu 1/1 – Sun 4/1 with Fri 2/1 swapped for Sat 10/1 (Văn bản 12729/VPCP-KGVX, 25/12/2025); ' +
    'Tết Bính Ngọ Sat 14/2 – Sun 22/2 (5 Tết days Mon 16/2 – Fri 20/2). Statutory (Labour Code, no decision needed): Giỗ Tổ Sun 26/4 compensated Mon 27/4; 30/4–1/5 Thu–Fri. ' +
    'NOT confirmed: the National Day arrangement (a 5-day break with a swap was proposed in October 2025); 1/9 is assumed here',
);

/**
 * Partly confirmed schedules, kept apart from {@link OFFICIAL_HOLIDAY_YEARS}: 2026 (New Year swap and
 * Tết confirmed; the National Day adjacent day/swap is an assumption). Opt in explicitly, e.g.
 * `createWorkingCalendar({ ...OFFICIAL_HOLIDAY_YEARS, ...PROVISIONAL_HOLIDAY_YEARS })`.
 */
export const PROVISIONAL_HOLIDAY_YEARS: Readonly<Record<number, HolidayCalendarYear>> = Object.freeze({
  2026: PROVISIONAL_2026,
});
