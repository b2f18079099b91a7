import { describe, expect, it } from 'vitest';
import {
  isoDateToJdn,
  jdnToIsoDate,
  jdnWeekday,
  LUNAR_YEAR_RANGE,
  lunarLeapMonth,
  lunarMonthLength,
  lunarToSolar,
  solarToLunar,
} from './lunar.js';

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

describe('day numbers', () => {
  it('converts ISO dates to Julian day numbers and back', () => {
    expect(isoDateToJdn('2000-01-01')).toBe(2451545);
    expect(jdnToIsoDate(2451545)).toBe('2000-01-01');
    expect(jdnToIsoDate(isoDateToJdn('2024-02-29'))).toBe('2024-02-29');
    expect(jdnWeekday(isoDateToJdn('2025-01-29'))).toBe(3); // Wednesday
    expect(jdnWeekday(isoDateToJdn('2023-01-01'))).toBe(0); // Sunday
  });

  it('rejects malformed or impossible dates', () => {
    expect(() => isoDateToJdn('2025-02-29')).toThrow(RangeError);
    expect(() => isoDateToJdn('2025-13-01')).toThrow(/no such calendar day/);
    expect(() => isoDateToJdn('2025-1-1')).toThrow(/expected 'YYYY-MM-DD'/);
    expect(() => isoDateToJdn('2025-01-01T00:00:00Z')).toThrow(RangeError);
    expect(() => isoDateToJdn('0000-01-01')).toThrow(RangeError);
  });
});

describe('lunarToSolar', () => {
  it('finds Tết (1/1 lunar)', () => {
    expect(lunarToSolar(1, 1, 2023)).toBe('2023-01-22');
    expect(lunarToSolar(1, 1, 2024)).toBe('2024-02-10');
    expect(lunarToSolar(1, 1, 2025)).toBe('2025-01-29');
    expect(lunarToSolar(1, 1, 2026)).toBe('2026-02-17');
    expect(lunarToSolar(1, 1, 2027)).toBe('2027-02-06');
    expect(lunarToSolar(1, 1, 2000)).toBe('2000-02-05');
    expect(lunarToSolar(1, 1, 1900)).toBe('1900-01-31');
  });

  it('finds Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
    expect(lunarToSolar(10, 3, 2023)).toBe('2023-04-29');
    expect(lunarToSolar(10, 3, 2024)).toBe('2024-04-18');
    expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07');
    expect(lunarToSolar(10, 3, 2026)).toBe('2026-04-26');
  });

  it('uses UTC+7, which differs from the UTC+8 (Chinese) calendar in some years', () => {
    expect(lunarToSolar(1, 1, 1985)).toBe('1985-01-21');
    expect(lunarToSolar(1, 1, 1985, false, 8)).toBe('1985-02-20');
    expect(lunarToSolar(1, 1, 2007)).toBe('2007-02-17');
    expect(lunarToSolar(1, 1, 2007, false, 8)).toBe('2007-02-18');
  });

  it('handles leap months', () => {
    expect(lunarLeapMonth(2023)).toBe(2);
    expect(lunarLeapMonth(2025)).toBe(6);
    expect(lunarLeapMonth(2020)).toBe(4);
    expect(lunarLeapMonth(2024)).toBeNull();
    expect(lunarToSolar(1, 2, 2023)).toBe('2023-02-20');
    expect(lunarToSolar(1, 2, 2023, true)).toBe('2023-03-22');
    expect(lunarToSolar(1, 3, 2023)).toBe('2023-04-20');
    expect(() => lunarToSolar(1, 3, 2023, true)).toThrow(/no leap month 3/);
    expect(() => lunarToSolar(1, 3, 2024, true)).toThrow(RangeError);
  });

  it('knows the length of months (the day before Tết is the last day of the year)', () => {
    // Month 12 of Giáp Thìn (2024) had 29 days: Tết Ất Tỵ followed 29 tháng Chạp.
    expect(lunarMonthLength(12, 2024)).toBe(29);
    expect(lunarToSolar(29, 12, 2024)).toBe('2025-01-28');
    expect(() => lunarToSolar(30, 12, 2024)).toThrow(/only 29 days/);
    expect(lunarMonthLength(12, 2023)).toBe(30);
    expect(lunarToSolar(30, 12, 2023)).toBe('2024-02-09');
  });

  it('rejects invalid lunar dates', () => {
    expect(() => lunarToSolar(0, 1, 2025)).toThrow(RangeError);
    expect(() => lunarToSolar(31, 1, 2025)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 13, 2025)).toThrow(RangeError);
    expect(() => lunarToSolar(1.5, 1, 2025)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 1, LUNAR_YEAR_RANGE.min - 1)).toThrow(/1900 to 2100/);
    expect(() => lunarToSolar(1, 1, LUNAR_YEAR_RANGE.max + 1)).toThrow(RangeError);
  });
});

describe('solarToLunar', () => {
  it('converts known dates', () => {
    expect(solarToLunar('2025-01-29')).toEqual({ day: 1, month: 1, year: 2025, leap: false });
    expect(solarToLunar('2025-01-25')).toEqual({ day: 26, month: 12, year: 2024, leap: false });
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(solarToLunar('2025-09-02')).toEqual({ day: 11, month: 7, year: 2025, leap: false });
  });

  it('round-trips with lunarToSolar for random dates', () => {
    const random = rng(20250129);
    const first = isoDateToJdn('1900-02-01');
    const last = isoDateToJdn('2100-12-31');
    for (let i = 0; i < 400; i += 1) {
      const date = jdnToIsoDate(first + Math.floor(random() * (last - first)));
      const lunar = solarToLunar(date);
      expect(lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.leap)).toBe(date);
    }
  });

  it('gives consecutive days consecutive lunar days within a month', () => {
    let previous = solarToLunar('2024-12-31');
    for (let jdn = isoDateToJdn('2025-01-01'); jdn <= isoDateToJdn('2025-12-31'); jdn += 1) {
      const current = solarToLunar(jdnToIsoDate(jdn));
      if (current.day !== 1) expect(current.day).toBe(previous.day + 1);
      else expect([29, 30]).toContain(previous.day);
      previous = current;
    }
  });

  it('rejects invalid or unsupported dates', () => {
    expect(() => solarToLunar('2025-02-30')).toThrow(RangeError);
    expect(() => solarToLunar('1899-12-31')).toThrow(/outside the supported years/);
  });
});
