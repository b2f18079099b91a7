import { describe, expect, it } from 'vitest';
import { missingRegistrationRoles } from './registration.js';
import { TaskChangeCreate, TaskUpdate, diffTaskSnapshots, sameValue } from './task.js';

describe('task snapshots', () => {
  it('compares JSON values regardless of key order (jsonb reorders keys), null equal to undefined', () => {
    expect(sameValue({ fullName: 'A', role: 'member' }, { role: 'member', fullName: 'A' })).toBe(true);
    expect(sameValue([{ a: 1, b: 2 }], [{ b: 2, a: 1 }])).toBe(true);
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(1500, '1500')).toBe(false);
  });

  it('lists the changed fields in order with before and after', () => {
    const before = { titleVi: 'A', endDate: '2026-01-01', members: [{ fullName: 'X', role: 'member', researcherId: null }] };
    const after = { titleVi: 'A', endDate: '2026-06-30', members: [{ role: 'member', researcherId: null, fullName: 'X' }], methods: 'M' };
    expect(diffTaskSnapshots(before, after)).toEqual([
      { field: 'endDate', before: '2026-01-01', after: '2026-06-30' },
      { field: 'methods', before: null, after: 'M' },
    ]);
  });

  it('partial bodies leave absent fields absent (no defaults slip in)', () => {
    expect(TaskUpdate.parse({ methods: 'M', version: 2 })).toEqual({ methods: 'M', version: 2 });
    expect(TaskChangeCreate.parse({ changes: { endDate: '2027-01-31' }, reason: 'r', decisionNo: '1', decisionDate: '2026-01-02' }).changes).toEqual({ endDate: '2027-01-31' });
    expect(TaskChangeCreate.safeParse({ changes: { code: 'X' }, reason: 'r', decisionNo: '1', decisionDate: '2026-01-02' }).success).toBe(false);
  });
});

describe('registration dossier', () => {
  it('needs the form, both reports and the acceptance minutes; a technology description when there is a process', () => {
    expect(missingRegistrationRoles([], false)).toEqual(['registration_form', 'final_report', 'summary_report', 'acceptance_minutes']);
    expect(missingRegistrationRoles(['registration_form', 'final_report', 'summary_report', 'acceptance_minutes', 'data'], false)).toEqual([]);
    expect(missingRegistrationRoles(['registration_form', 'final_report', 'summary_report', 'acceptance_minutes'], true)).toEqual(['technology_description']);
  });
});
