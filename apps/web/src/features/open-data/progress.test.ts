import { describe, expect, it } from 'vitest';
import { formatBytes, jobPercent } from './progress';

describe('open-data progress helpers', () => {
  it('computes the percent done', () => {
    expect(jobPercent({ status: 'running', recordsWritten: 0, recordsTotal: 0 })).toBe(0);
    expect(jobPercent({ status: 'running', recordsWritten: 50, recordsTotal: 200 })).toBe(25);
    expect(jobPercent({ status: 'running', recordsWritten: 250, recordsTotal: 200 })).toBe(99);
    expect(jobPercent({ status: 'succeeded', recordsWritten: 1, recordsTotal: 200 })).toBe(100);
  });

  it('formats sizes', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(1536, 'vi')).toBe('1,5 KB');
    expect(formatBytes(5 * 1024 * 1024, 'en')).toBe('5.0 MB');
  });
});
