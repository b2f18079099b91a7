import { describe, expect, it } from 'vitest';
import { applicationReportDueDate, applicationReportOpensOn, todayInVietnam } from '@stinet/shared';
import { createRng } from './generator.js';
import { generateApplicationReports, type AcceptedTaskRef } from './application-report-generator.js';

const TODAY = '2026-11-24';
const FORMS = ['DT', 'DT', 'DA_SXTN', 'DA_KHCN', 'DAN', 'CT', 'NDT'];
const tasks: AcceptedTaskRef[] = Array.from({ length: 600 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  formCode: FORMS[i % FORMS.length] as string,
  acceptedOn: `${2019 + (i % 8)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  leadOrganizationId: `10000000-0000-4000-8000-${String(i % 40).padStart(12, '0')}`,
}));
const opts = { today: TODAY, createdBy: '20000000-0000-4000-8000-000000000001' };
const day = (d: Date | null | undefined) => (d ? todayInVietnam(d) : '');

describe('application-report generator', () => {
  it('is deterministic and shows every state, with missing years and late reports', () => {
    const a = generateApplicationReports(tasks, createRng(42), opts);
    expect(generateApplicationReports(tasks, createRng(42), opts)).toEqual(a);
    expect(generateApplicationReports(tasks, createRng(43), opts)).not.toEqual(a);
    for (const s of ['draft', 'submitted', 'returned', 'accepted']) expect(a.some((r) => r.status === s), s).toBe(true);
    for (const s of ['applied', 'partly_applied', 'not_applied']) expect(a.some((r) => r.applicationStatus === s), s).toBe(true);
    const byTask = new Map<string, number[]>();
    for (const r of a) byTask.set(r.taskId, [...(byTask.get(r.taskId) ?? []), r.yearIndex]);
    const eligible = tasks.filter((t) => ['DT', 'DA_SXTN', 'DA_KHCN', 'DAN'].includes(t.formCode));
    const openYears = eligible.reduce((n, t) => n + [1, 2, 3, 4, 5].filter((k) => applicationReportOpensOn(t.acceptedOn, k) <= TODAY).length, 0);
    expect(a.length).toBeLessThan(openYears); // some years are missing
    expect(a.length).toBeGreaterThan(openYears * 0.6);
    expect(a.some((r) => r.firstSubmittedAt && day(r.firstSubmittedAt) > applicationReportDueDate((tasks.find((t) => t.id === r.taskId) as AcceptedTaskRef).acceptedOn, r.yearIndex))).toBe(true);
    for (const years of byTask.values()) expect(new Set(years).size).toBe(years.length);
  });

  it('only writes rows the schema and the workflow allow', () => {
    const rows = generateApplicationReports(tasks, createRng(7), opts);
    for (const r of rows) {
      const t = tasks.find((x) => x.id === r.taskId) as AcceptedTaskRef;
      expect(['DT', 'DA_SXTN', 'DA_KHCN', 'DAN']).toContain(t.formCode);
      expect(r.yearIndex).toBeGreaterThanOrEqual(1);
      expect(r.yearIndex).toBeLessThanOrEqual(5);
      expect(applicationReportOpensOn(t.acceptedOn, r.yearIndex) <= TODAY).toBe(true);
      for (const d of [r.createdAt, r.updatedAt, r.firstSubmittedAt, r.submittedAt, r.acceptedAt]) if (d) expect(day(d) <= TODAY).toBe(true);
      expect(day(r.createdAt) >= applicationReportOpensOn(t.acceptedOn, r.yearIndex)).toBe(true);
      expect((r.revenue ?? 0) >= 0 && (r.transferValue ?? 0) >= 0 && (r.transferContracts ?? 0) >= 0).toBe(true);
      expect(r.applicationStatus === 'not_applied').toBe(r.placesApplied === null);
      if (r.status === 'draft') expect([r.firstSubmittedAt, r.submittedAt, r.acceptedAt]).toEqual([undefined, undefined, undefined]);
      else expect(r.firstSubmittedAt && r.submittedAt && r.firstSubmittedAt <= r.submittedAt).toBeTruthy();
      if (r.status === 'returned') expect(r.reviewComment).toBeTruthy();
      if (r.status === 'accepted') expect(r.acceptedAt && r.submittedAt && r.acceptedAt >= r.submittedAt).toBeTruthy();
      else expect(r.acceptedAt).toBeUndefined();
      for (const text of [r.placesApplied, r.scale, r.economicEffect, r.socialEffect, r.difficulties, r.ipSummary, r.reviewComment]) if (text) expect(text).toBe(text.normalize('NFC'));
    }
  });

  it('writes nothing for tasks of other forms or accepted after today', () => {
    expect(generateApplicationReports([{ ...(tasks[5] as AcceptedTaskRef), formCode: 'CT' }, { ...(tasks[0] as AcceptedTaskRef), acceptedOn: '2027-01-01' }], createRng(1), opts)).toEqual([]);
  });
});
