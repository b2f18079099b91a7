import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOLIDAY_YEAR_RANGE,
  defaultHolidayYear,
  OFFICIAL_HOLIDAY_YEARS,
  PROVISIONAL_HOLIDAY_YEARS,
  validateHolidayCalendarYear,
  type HolidayCalendarYear,
} from './holidays.js';

const datesOf = (entry: HolidayCalendarYear): string[] => entry.holidays.map((h) => h.date);
const compensatory = (entry: HolidayCalendarYear): string[] =>
  entry.holidays.filter((h) => h.nameVi.startsWith('Nghỉ bù')).map((h) => h.date);

describe('defaultHolidayYear', () => {
  it('lists the eleven statutory days of Labour Code 2019 Art 112(1)', () => {
    const y2025 = defaultHolidayYear(2025);
    const statutory = y2025.holidays.filter((h) => !h.nameVi.startsWith('Nghỉ bù')).map((h) => h.date);
    expect(statutory).toEqual([
      '2025-01-01',
      '2025-01-28', // last day of lunar year Giáp Thìn
      '2025-01-29', // Tết Ất Tỵ
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-04-07', // Giỗ Tổ Hùng Vương
      '2025-04-30',
      '2025-05-01',
      '2025-09-01',
      '2025-09-02',
    ]);
    expect(y2025.extraWorkingDays).toEqual([]);
    expect(y2025.source).toMatch(/Computed/);
  });

  it('gives the next working day off when a holiday falls on a weekend', () => {
    // 2023-01-01 is a Sunday.
    const y2023 = defaultHolidayYear(2023);
    expect(datesOf(y2023)).toContain('2023-01-01');
    expect(y2023.holidays.find((h) => h.date === '2023-01-02')?.nameVi).toBe('Nghỉ bù Tết Dương lịch');
    // Tết 2023: Sat 21/1 and Sun 22/1 are compensated after the block (Thu 26/1, Fri 27/1);
    // Giỗ Tổ Sat 29/4 and Sun 30/4 are compensated after 1/5 (Tue 2/5, Wed 3/5).
    expect(compensatory(y2023)).toEqual(['2023-01-02', '2023-01-26', '2023-01-27', '2023-05-02', '2023-05-03', '2023-09-04']);
    // 2025: only Tết mùng 4 (Sat 1/2) needs compensation.
    expect(compensatory(defaultHolidayYear(2025))).toEqual(['2025-02-03']);
    // 2026: Giỗ Tổ on Sunday 26/4.
    expect(compensatory(defaultHolidayYear(2026))).toEqual(['2026-04-27']);
  });

  it('supports the Prime Minister choices as options', () => {
    const y2025 = defaultHolidayYear(2025, { tetDaysBeforeNewYear: 2, nationalDayExtra: 'after' });
    expect(datesOf(y2025)).toEqual(expect.arrayContaining(['2025-01-27', '2025-01-31', '2025-09-02', '2025-09-03']));
    expect(datesOf(y2025)).not.toContain('2025-02-01');
    expect(datesOf(y2025)).not.toContain('2025-09-01');
    expect(compensatory(y2025)).toEqual([]);
    expect(() => defaultHolidayYear(2025, { tetDaysBeforeNewYear: 6 })).toThrow(RangeError);
  });

  it('produces valid, sorted records for every supported year', () => {
    for (let year = DEFAULT_HOLIDAY_YEAR_RANGE.min; year <= DEFAULT_HOLIDAY_YEAR_RANGE.max; year += 1) {
      const entry = defaultHolidayYear(year);
      expect(() => validateHolidayCalendarYear(entry, year)).not.toThrow();
      const dates = datesOf(entry);
      expect([...dates].sort()).toEqual(dates);
      // Every statutory day is a distinct day off; compensatory days are weekdays.
      expect(entry.holidays.filter((h) => !h.nameVi.startsWith('Nghỉ bù'))).toHaveLength(11);
    }
  });

  it('rejects unsupported years', () => {
    expect(() => defaultHolidayYear(1899)).toThrow(RangeError);
    expect(() => defaultHolidayYear(2101)).toThrow(/1900–2100/);
    expect(() => defaultHolidayYear(2025.5)).toThrow(RangeError);
  });
});

describe('OFFICIAL_HOLIDAY_YEARS', () => {
  it('holds the announced 2024 and 2025 schedules only', () => {
    expect(Object.keys(OFFICIAL_HOLIDAY_YEARS)).toEqual(['2024', '2025']);
    for (const [year, entry] of Object.entries(OFFICIAL_HOLIDAY_YEARS)) {
      expect(() => validateHolidayCalendarYear(entry, Number(year))).not.toThrow();
      expect(entry.source).toMatch(/Official/);
    }
  });

  it('records Tết 2025 (25/1–2/2) and the 30/4 swap', () => {
    const y2025 = OFFICIAL_HOLIDAY_YEARS[2025];
    expect(y2025).toBeDefined();
    const dates = y2025 ? datesOf(y2025) : [];
    expect(dates).toEqual(expect.arrayContaining(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']));
    expect(dates).toEqual(expect.arrayContaining(['2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01', '2025-09-02']));
    expect(y2025?.extraWorkingDays.map((d) => d.date)).toEqual(['2025-04-26']);
  });

  it('records Tết 2024 (8/2–14/2) and the 30/4 swap', () => {
    const y2024 = OFFICIAL_HOLIDAY_YEARS[2024];
    const dates = y2024 ? datesOf(y2024) : [];
    expect(dates).toEqual(expect.arrayContaining(['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14']));
    expect(dates).toEqual(expect.arrayContaining(['2024-04-29', '2024-09-02', '2024-09-03']));
    expect(y2024?.extraWorkingDays.map((d) => d.date)).toEqual(['2024-05-04']);
  });

  it('is frozen', () => {
    const y2025 = OFFICIAL_HOLIDAY_YEARS[2025];
    expect(Object.isFrozen(OFFICIAL_HOLIDAY_YEARS)).toBe(true);
    expect(Object.isFrozen(y2025)).toBe(true);
    expect(Object.isFrozen(y2025?.holidays)).toBe(true);
  });

  it('keeps 2026 apart as provisional', () => {
    const y2026 = PROVISIONAL_HOLIDAY_YEARS[2026];
    expect(y2026?.source).toMatch(/^PROVISIONAL/);
    expect(y2026?.extraWorkingDays.map((d) => d.date)).toEqual(['2026-01-10']);
    expect(y2026 && datesOf(y2026)).toEqual(expect.arrayContaining(['2026-01-02', '2026-02-16', '2026-02-20', '2026-04-27']));
  });
});

describe('validateHolidayCalendarYear', () => {
  const base = (): HolidayCalendarYear => ({ year: 2025, holidays: [], extraWorkingDays: [], source: 'test' });

  it('accepts a well-formed record', () => {
    expect(() => validateHolidayCalendarYear(base())).not.toThrow();
  });

  it('rejects inconsistent records', () => {
    expect(() => validateHolidayCalendarYear(base(), 2024)).toThrow(/has year 2025/);
    expect(() =>
      validateHolidayCalendarYear({ ...base(), holidays: [{ date: '2025-02-30', nameVi: 'x', nameEn: 'x' }] }),
    ).toThrow(/no such calendar day/);
    expect(() =>
      validateHolidayCalendarYear({ ...base(), holidays: [{ date: '2024-12-31', nameVi: 'x', nameEn: 'x' }] }),
    ).toThrow(/not in 2025/);
    expect(() => validateHolidayCalendarYear({ ...base(), extraWorkingDays: [{ date: '2025-04-25', note: 'Fri' }] })).toThrow(
      /not a Saturday or Sunday/,
    );
    expect(() =>
      validateHolidayCalendarYear({
        ...base(),
        holidays: [{ date: '2025-04-26', nameVi: 'x', nameEn: 'x' }],
        extraWorkingDays: [{ date: '2025-04-26', note: 'x' }],
      }),
    ).toThrow(/both a holiday and an extra working day/);
  });
});
