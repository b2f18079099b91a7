import type { OpenDataJob } from '@stinet/shared';

/** Percent done of a generation (0–100, whole); 0 while the total is unknown, capped at 99 until it succeeds. */
export function jobPercent(job: Pick<OpenDataJob, 'status' | 'recordsWritten' | 'recordsTotal'>): number {
  if (job.status === 'succeeded') return 100;
  if (job.recordsTotal <= 0) return 0;
  return Math.min(99, Math.floor((job.recordsWritten / job.recordsTotal) * 100));
}

/** A byte size for people: B, KB, MB, GB (1024-based, one decimal above KB). */
export function formatBytes(size: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
