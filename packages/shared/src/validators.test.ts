import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldVietnamese, isValidIsoDate, isValidOrcid, TAX_CODE_PATTERN, todayInVietnam } from './validators.js';

describe('validators', () => {
  it('checks ORCID check digits', () => {
    expect(isValidOrcid('0000-0002-1825-0097')).toBe(true);
    expect(isValidOrcid('0000-0002-1694-233X')).toBe(true);
    expect(isValidOrcid('0000-0002-1825-0098')).toBe(false);
    expect(isValidOrcid('0000-0002-1825')).toBe(false);
  });
  it('checks real dates and tax codes', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(TAX_CODE_PATTERN.test('0101234567')).toBe(true);
    expect(TAX_CODE_PATTERN.test('0101234567-001')).toBe(true);
    expect(TAX_CODE_PATTERN.test('010123456')).toBe(false);
  });
  it('folds and sorts Vietnamese', () => {
    expect(foldVietnamese('Đắk Lắk – Hồ Chí Minh')).toBe('Dak Lak – Ho Chi Minh');
    const sorted = ['Đồng Nai', 'Zeta', 'Dương', 'An Giang', 'Ắc'].sort(compareVietnamese);
    expect(sorted.indexOf('Đồng Nai')).toBeLessThan(sorted.indexOf('Zeta'));
    expect(sorted[0]).toBe('An Giang');
  });
  it('computes today in Vietnam (UTC+7)', () => {
    expect(todayInVietnam(new Date('2025-06-30T17:30:00Z'))).toBe('2025-07-01');
  });
});
