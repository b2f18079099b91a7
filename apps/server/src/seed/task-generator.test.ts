import { describe, expect, it } from 'vitest';
import { generateTasks, type TaskOrg } from './task-generator.js';

const orgs: TaskOrg[] = Array.from({ length: 30 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  managingUnitId: i % 3 === 0 ? 'ministry-unit' : 'province-unit',
  managingUnitKind: i % 3 === 0 ? 'ministry' : 'province',
  placeVi: i % 2 ? 'Hà Nội' : 'TP. Hồ Chí Minh',
  mainFieldCode: ['401', '102', '302'][i % 3] as string,
}));

describe('task generator', () => {
  it('is deterministic, covers every state and keeps budgets and dates consistent', () => {
    const a = [...generateTasks({ seed: 7, count: 2000, orgs, nationalUnitId: 'national-unit' })];
    const b = [...generateTasks({ seed: 7, count: 2000, orgs, nationalUnitId: 'national-unit' })];
    expect(a).toEqual(b);
    expect(new Set(a.map((t) => t.code)).size).toBe(a.length);
    for (const s of ['draft', 'submitted', 'returned', 'published']) expect(a.some((t) => t.status === s)).toBe(true);
    for (const t of a) {
      expect(t.budgetStateCentral + t.budgetStateLocal + t.budgetOther).toBe(t.budgetTotal);
      expect(t.endDate > t.startDate).toBe(true);
      expect(t.titleVi).toBe(t.titleVi.normalize('NFC'));
      if (t.levelCode === 'QG') expect(t.managingUnitId).toBe('national-unit');
      if (t.levelCode === 'BO') expect(t.managingUnitId).toBe('ministry-unit');
      if (t.levelCode === 'TINH') expect(t.managingUnitId).toBe('province-unit');
      expect(t.status === 'returned').toBe(t.reviewComment !== null);
    }
    const national = a.filter((t) => t.levelCode === 'QG').length / a.length;
    expect(national).toBeGreaterThan(0.04);
    expect(national).toBeLessThan(0.12);
  });
});
