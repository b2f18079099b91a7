import { describe, expect, it } from 'vitest';
import {
  ApplicationReportCreate,
  addCalendarDays,
  addMonthsClamped,
  applicationReportDueDate,
  applicationReportOpensOn,
  applicationReportPeriod,
  isApplicationReportForm,
} from './application-report.js';

describe('application-report schedule', () => {
  it('adds months like PostgreSQL (end of month clamps) and days across years', () => {
    expect(addMonthsClamped('2024-03-15', 12)).toBe('2025-03-15');
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsClamped('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonthsClamped('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonthsClamped('2023-11-30', 3)).toBe('2024-02-29');
    expect(addCalendarDays('2025-01-10', -30)).toBe('2024-12-11');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('puts year k on T1 + k×12 months, open 30 days before, covering the 12 months before', () => {
    expect([1, 2, 3, 4, 5].map((k) => applicationReportDueDate('2024-03-15', k))).toEqual(['2025-03-15', '2026-03-15', '2027-03-15', '2028-03-15', '2029-03-15']);
    expect(applicationReportOpensOn('2024-03-15', 1)).toBe('2025-02-13');
    expect(applicationReportPeriod('2024-03-15', 2)).toEqual({ from: '2025-03-15', to: '2026-03-15' });
  });

  it('owes reports only for đề tài, đề án, dự án SXTN and dự án KH&CN', () => {
    expect(['DT', 'DAN', 'DA_SXTN', 'DA_KHCN'].every(isApplicationReportForm)).toBe(true);
    expect(['CT', 'NDT', 'DTCB', 'KHAC'].some(isApplicationReportForm)).toBe(false);
  });

  it('accepts years 1..5 only and non-negative amounts', () => {
    expect(ApplicationReportCreate.safeParse({ yearIndex: 1, applicationStatus: 'applied' }).success).toBe(true);
    expect(ApplicationReportCreate.safeParse({ yearIndex: 6, applicationStatus: 'applied' }).success).toBe(false);
    expect(ApplicationReportCreate.safeParse({ yearIndex: 1, applicationStatus: 'applied', revenue: -1 }).success).toBe(false);
    expect(ApplicationReportCreate.safeParse({ yearIndex: 1, applicationStatus: 'maybe' }).success).toBe(false);
  });
});
