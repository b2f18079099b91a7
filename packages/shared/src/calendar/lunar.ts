/**
 * Vietnamese lunar calendar (âm lịch) and the day-number arithmetic shared by the calendar module.
 *
 * The lunisolar conversion follows the public astronomical algorithm published by Hồ Ngọc Đức
 * ("Thuật toán tính âm lịch"), itself based on Jean Meeus, "Astronomical Algorithms" (1998):
 * lunar months start on the local day of the astronomical new moon, month 11 is the month that
 * contains the winter solstice, and in a year with 13 lunations the first month without a major
 * solar term (trung khí) is the leap month. Vietnam computes it for UTC+7 (since 1968; earlier
 * almanacs used UTC+8, which can be passed as `timeZone` when historical accuracy matters).
 *
 * Everything here is pure integer / floating-point arithmetic: no `Date`, no machine time zone.
 */

/** Vietnam's standard time zone (UTC+7), in hours, used for the Vietnamese lunar calendar. */
export const VIETNAM_TIME_ZONE = 7;

/** First and last lunar years supported by {@link lunarToSolar} and {@link solarToLunar}. */
export const LUNAR_YEAR_RANGE = { min: 1900, max: 2100 } as const;

/** A date of the Vietnamese lunar calendar. */
export interface LunarDate {
  /** Day of the lunar month, 1–30. */
  day: number;
  /** Lunar month, 1–12 (a leap month carries the number of the month it repeats). */
  month: number;
  /** Lunar year, named after the Gregorian year in which its month 1 starts. */
  year: number;
  /** True for the leap (intercalary, "nhuận") month. */
  leap: boolean;
}

/** A Gregorian calendar date split into its parts. */
export interface GregorianDate {
  /** Gregorian year (1–9999). */
  year: number;
  /** Month, 1–12. */
  month: number;
  /** Day of the month, 1–31. */
  day: number;
}

// ---------------------------------------------------------------------------------------------
// Julian day numbers and ISO 'YYYY-MM-DD' strings (proleptic Gregorian calendar).
// ---------------------------------------------------------------------------------------------

/** Offset of the Julian day number epoch in the "March-based" civil-day formula below. */
const JDN_CIVIL_OFFSET = 32045;
/** Years added so that the intermediate year stays positive (the formula works from 4801 BC). */
const JDN_YEAR_SHIFT = 4800;
/** Days in a 400-year Gregorian cycle. */
const DAYS_PER_400_YEARS = 146_097;
/** Days in a 4-year Julian cycle. */
const DAYS_PER_4_YEARS = 1461;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Julian day number (the integer day count used in astronomy) of a proleptic Gregorian date. */
export function julianDayNumber(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + JDN_YEAR_SHIFT - a;
  const m = month + 12 * a - 3;
  return (
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    JDN_CIVIL_OFFSET
  );
}

/** Proleptic Gregorian date of a Julian day number (inverse of {@link julianDayNumber}). */
export function gregorianFromJdn(jdn: number): GregorianDate {
  const a = jdn + JDN_CIVIL_OFFSET - 1;
  const b = Math.floor((4 * a + 3) / DAYS_PER_400_YEARS);
  const c = a - Math.floor((DAYS_PER_400_YEARS * b) / 4);
  const d = Math.floor((4 * c + 3) / DAYS_PER_4_YEARS);
  const e = c - Math.floor((DAYS_PER_4_YEARS * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - JDN_YEAR_SHIFT + Math.floor(m / 10),
  };
}

/**
 * Julian day number of an ISO date 'YYYY-MM-DD' (years 0001–9999).
 * @throws RangeError when the string is not in that shape or is not a real calendar date.
 */
export function isoDateToJdn(date: string): number {
  const match = typeof date === 'string' ? ISO_DATE_PATTERN.exec(date) : null;
  if (!match) {
    throw new RangeError(`Invalid date ${JSON.stringify(date)}: expected 'YYYY-MM-DD'`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const jdn = julianDayNumber(year, month, day);
  const back = gregorianFromJdn(jdn);
  if (year < 1 || back.year !== year || back.month !== month || back.day !== day) {
    throw new RangeError(`Invalid date ${JSON.stringify(date)}: no such calendar day`);
  }
  return jdn;
}

/**
 * ISO date 'YYYY-MM-DD' of a Julian day number.
 * @throws RangeError when the day falls outside the years 0001–9999.
 */
export function jdnToIsoDate(jdn: number): string {
  if (!Number.isSafeInteger(jdn)) throw new RangeError(`Invalid Julian day number ${jdn}`);
  const { year, month, day } = gregorianFromJdn(jdn);
  if (year < 1 || year > 9999) {
    throw new RangeError(`Julian day number ${jdn} is outside the years 0001–9999`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Day of the week of a Julian day number: 0 = Sunday, 1 = Monday, …, 6 = Saturday. */
export function jdnWeekday(jdn: number): number {
  return (((jdn + 1) % 7) + 7) % 7;
}

// ---------------------------------------------------------------------------------------------
// Astronomy (Meeus, simplified as in Hồ Ngọc Đức's algorithm).
// ---------------------------------------------------------------------------------------------

const DEGREE = Math.PI / 180;
const FULL_CIRCLE = 2 * Math.PI;
/** Mean length of a synodic month (new moon to new moon), in days. */
const SYNODIC_MONTH = 29.530588853;
/** Julian date of the mean new moon numbered k = 0 (1900-01-01 ≈ 13:51 UT). */
const NEW_MOON_EPOCH_JD = 2415021.076998695;
/** Julian day number of 1900-01-01, the origin used to count lunations. */
const JDN_1900_01_01 = 2415021;
/** Lunations per Julian century, to express k as time T in centuries since 1900. */
const LUNATIONS_PER_CENTURY = 1236.85;
/** Julian date of the J2000.0 epoch (2000-01-01 12:00 TT). */
const J2000_JD = 2451545.0;
/** Days in a Julian century. */
const DAYS_PER_JULIAN_CENTURY = 36525;
/** The ecliptic is split into 12 sectors of 30° for the major solar terms (trung khí). */
const SOLAR_TERM_SECTORS = 12;
/** Sector of the winter solstice (270°–300°): the lunar month containing it is month 11. */
const WINTER_SOLSTICE_SECTOR = 9;
/** Month 11 is the anchor of the lunar year ("tháng Một" containing the winter solstice). */
const ANCHOR_MONTH = 11;
/** Months from one month 11 to the next in a year with a leap month. */
const MONTHS_IN_LEAP_YEAR = 13;
/** Two consecutive months 11 more than this many days apart enclose 13 months (one is a leap month). */
const DAYS_IN_COMMON_LUNAR_YEAR_MAX = 365;

/** Julian date (UT) of the k-th new moon after the 1900-01-01 epoch (Meeus, chapter 49, simplified). */
function newMoonJd(k: number): number {
  const t = k / LUNATIONS_PER_CENTURY;
  const t2 = t * t;
  const t3 = t2 * t;
  // Mean new moon.
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEGREE);
  // Sun's mean anomaly, Moon's mean anomaly, Moon's argument of latitude (degrees).
  const sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const latitudeArg = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const sin = (degrees: number): number => Math.sin(degrees * DEGREE);
  const correction =
    (0.1734 - 0.000393 * t) * sin(sunAnomaly) +
    0.0021 * sin(2 * sunAnomaly) -
    0.4068 * sin(moonAnomaly) +
    0.0161 * sin(2 * moonAnomaly) -
    0.0004 * sin(3 * moonAnomaly) +
    0.0104 * sin(2 * latitudeArg) -
    0.0051 * sin(sunAnomaly + moonAnomaly) -
    0.0074 * sin(sunAnomaly - moonAnomaly) +
    0.0004 * sin(2 * latitudeArg + sunAnomaly) -
    0.0004 * sin(2 * latitudeArg - sunAnomaly) -
    0.0006 * sin(2 * latitudeArg + moonAnomaly) +
    0.001 * sin(2 * latitudeArg - moonAnomaly) +
    0.0005 * sin(2 * moonAnomaly + sunAnomaly);
  // ΔT (TT − UT) in days.
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + correction - deltaT;
}

/** Apparent longitude of the Sun, in radians within [0, 2π), at a Julian date (Meeus, chapter 25). */
function sunLongitude(jd: number): number {
  const t = (jd - J2000_JD) / DAYS_PER_JULIAN_CENTURY;
  const t2 = t * t;
  const meanAnomaly = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const center =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEGREE * meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(DEGREE * 2 * meanAnomaly) +
    0.00029 * Math.sin(DEGREE * 3 * meanAnomaly);
  const longitude = (meanLongitude + center) * DEGREE;
  return longitude - FULL_CIRCLE * Math.floor(longitude / FULL_CIRCLE);
}

/** Solar-term sector (0–11, 30° each) of the Sun at local midnight starting the given day. */
function solarTermSector(jdn: number, timeZone: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - timeZone / 24) / Math.PI) * (SOLAR_TERM_SECTORS / 2));
}

/** Local day (Julian day number) of the k-th new moon. */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoonJd(k) + 0.5 + timeZone / 24);
}

/** Lunation index k of the new moon that starts the month beginning on `monthStart` (rounded). */
function lunationIndex(monthStart: number): number {
  return Math.floor((monthStart - NEW_MOON_EPOCH_JD) / SYNODIC_MONTH + 0.5);
}

/** First day (JDN) of the lunar month 11 that contains the winter solstice of Gregorian `year`. */
function month11Start(year: number, timeZone: number): number {
  const daysSinceEpoch = julianDayNumber(year, 12, 31) - JDN_1900_01_01;
  const k = Math.floor(daysSinceEpoch / SYNODIC_MONTH);
  const candidate = newMoonDay(k, timeZone);
  // If that new moon is already past the solstice, month 11 began with the previous one.
  return solarTermSector(candidate, timeZone) >= WINTER_SOLSTICE_SECTOR ? newMoonDay(k - 1, timeZone) : candidate;
}

/**
 * In a 13-month span starting at month 11 (first day `month11`), the offset (1–12) of the leap
 * month: the first month during which the Sun does not enter a new solar-term sector.
 */
function leapMonthOffset(month11: number, timeZone: number): number {
  const k = lunationIndex(month11);
  let offset = 1;
  let sector = solarTermSector(newMoonDay(k + offset, timeZone), timeZone);
  let previous: number;
  do {
    previous = sector;
    offset += 1;
    sector = solarTermSector(newMoonDay(k + offset, timeZone), timeZone);
  } while (sector !== previous && offset <= MONTHS_IN_LEAP_YEAR);
  return offset - 1;
}

/** Month number (1–12) of the month at `offset` months after month 11. */
function monthAtOffset(offset: number): number {
  return ((ANCHOR_MONTH - 1 + offset) % 12) + 1;
}

function assertInteger(value: number, name: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`Invalid lunar ${name} ${String(value)}: expected an integer from ${min} to ${max}`);
  }
}

function assertTimeZone(timeZone: number): void {
  if (!Number.isFinite(timeZone) || timeZone < -12 || timeZone > 14) {
    throw new RangeError(`Invalid time zone ${String(timeZone)}: expected hours from -12 to 14`);
  }
}

/** The month-11-to-month-11 span ("tuế") in which a lunar month lies. */
interface LunarSpan {
  start: number;
  next: number;
  leapOffset: number | null;
}

function spanStartingIn(year: number, timeZone: number): LunarSpan {
  const start = month11Start(year, timeZone);
  const next = month11Start(year + 1, timeZone);
  const leapOffset = next - start > DAYS_IN_COMMON_LUNAR_YEAR_MAX ? leapMonthOffset(start, timeZone) : null;
  return { start, next, leapOffset };
}

/** Span holding months 1–10 of lunar `year` (from month 11 of year−1) or months 11–12 (from month 11 of year). */
function spanForMonth(month: number, year: number, timeZone: number): LunarSpan {
  return spanStartingIn(month < ANCHOR_MONTH ? year - 1 : year, timeZone);
}

/**
 * Leap month of a lunar year, or null when the year has none.
 * @throws RangeError for a year outside {@link LUNAR_YEAR_RANGE}.
 */
export function lunarLeapMonth(year: number, timeZone: number = VIETNAM_TIME_ZONE): number | null {
  assertInteger(year, 'year', LUNAR_YEAR_RANGE.min, LUNAR_YEAR_RANGE.max);
  assertTimeZone(timeZone);
  // A leap month 1–10 lies in the span that starts with month 11 of the previous year; a leap
  // month 11 or 12 lies in the span that starts with this year's month 11.
  const early = spanStartingIn(year - 1, timeZone);
  if (early.leapOffset !== null) {
    const month = monthAtOffset(early.leapOffset - 1);
    if (month < ANCHOR_MONTH) return month;
  }
  const late = spanStartingIn(year, timeZone);
  if (late.leapOffset !== null) {
    const month = monthAtOffset(late.leapOffset - 1);
    if (month >= ANCHOR_MONTH) return month;
  }
  return null;
}

/** First day (JDN) and length of a validated lunar month. */
function lunarMonthBounds(month: number, year: number, leap: boolean, timeZone: number): { start: number; length: number } {
  const span = spanForMonth(month, year, timeZone);
  let offset = (month - ANCHOR_MONTH + 12) % 12;
  if (span.leapOffset !== null) {
    const leapMonth = monthAtOffset(span.leapOffset - 1);
    if (leap && month !== leapMonth) {
      throw new RangeError(`Lunar year ${year} has no leap month ${month} (its leap month is ${leapMonth})`);
    }
    if (leap || offset >= span.leapOffset) offset += 1;
  } else if (leap) {
    throw new RangeError(`Lunar month ${month}/${year} has no leap month`);
  }
  const k = lunationIndex(span.start);
  const start = newMoonDay(k + offset, timeZone);
  return { start, length: newMoonDay(k + offset + 1, timeZone) - start };
}

/**
 * Number of days (29 or 30) of a lunar month.
 * @throws RangeError for an invalid month, year or a leap month that does not exist.
 */
export function lunarMonthLength(month: number, year: number, leap = false, timeZone: number = VIETNAM_TIME_ZONE): number {
  assertInteger(month, 'month', 1, 12);
  assertInteger(year, 'year', LUNAR_YEAR_RANGE.min, LUNAR_YEAR_RANGE.max);
  assertTimeZone(timeZone);
  return lunarMonthBounds(month, year, leap, timeZone).length;
}

/**
 * Gregorian date 'YYYY-MM-DD' of a Vietnamese lunar date, e.g. `lunarToSolar(1, 1, 2025)` is
 * '2025-01-29' (Tết Ất Tỵ).
 * @throws RangeError for an out-of-range year (see {@link LUNAR_YEAR_RANGE}), month or day, a day
 * 30 in a 29-day month, or a leap month that the year does not have.
 */
export function lunarToSolar(
  day: number,
  month: number,
  year: number,
  leap = false,
  timeZone: number = VIETNAM_TIME_ZONE,
): string {
  assertInteger(day, 'day', 1, 30);
  assertInteger(month, 'month', 1, 12);
  assertInteger(year, 'year', LUNAR_YEAR_RANGE.min, LUNAR_YEAR_RANGE.max);
  assertTimeZone(timeZone);
  const { start, length } = lunarMonthBounds(month, year, leap, timeZone);
  if (day > length) {
    throw new RangeError(`Lunar month ${month}${leap ? ' (leap)' : ''}/${year} has only ${length} days`);
  }
  return jdnToIsoDate(start + day - 1);
}

/**
 * Vietnamese lunar date of a Gregorian date 'YYYY-MM-DD' (Gregorian years 1900–2100).
 * @throws RangeError for an invalid date or one outside the supported years.
 */
export function solarToLunar(date: string, timeZone: number = VIETNAM_TIME_ZONE): LunarDate {
  const jdn = isoDateToJdn(date);
  assertTimeZone(timeZone);
  const gregorianYear = gregorianFromJdn(jdn).year;
  if (gregorianYear < LUNAR_YEAR_RANGE.min || gregorianYear > LUNAR_YEAR_RANGE.max) {
    throw new RangeError(
      `Date ${date} is outside the supported years ${LUNAR_YEAR_RANGE.min}–${LUNAR_YEAR_RANGE.max}`,
    );
  }
  // The month containing the day starts at the last new moon on or before it. The mean-lunation
  // estimate can be off by one either way (the published algorithm only steps back once, which
  // yields "day 0" on 2054-05-07 and 2062-04-09), so adjust until it brackets the day.
  let k = Math.floor((jdn - NEW_MOON_EPOCH_JD) / SYNODIC_MONTH);
  while (newMoonDay(k + 1, timeZone) <= jdn) k += 1;
  while (newMoonDay(k, timeZone) > jdn) k -= 1;
  const monthStart = newMoonDay(k, timeZone);

  // The span [month 11, next month 11) that contains the day.
  let spanYear = gregorianYear;
  if (month11Start(gregorianYear, timeZone) > monthStart) spanYear -= 1;
  const span = spanStartingIn(spanYear, timeZone);

  const monthsSinceAnchor = Math.floor((monthStart - span.start) / 29);
  let offset = monthsSinceAnchor;
  let leap = false;
  if (span.leapOffset !== null && monthsSinceAnchor >= span.leapOffset) {
    offset -= 1;
    leap = monthsSinceAnchor === span.leapOffset;
  }
  const month = monthAtOffset(offset);
  return {
    day: jdn - monthStart + 1,
    month,
    year: month >= ANCHOR_MONTH ? spanYear : spanYear + 1,
    leap,
  };
}
