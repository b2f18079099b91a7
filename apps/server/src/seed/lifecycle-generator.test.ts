import { describe, expect, it } from 'vitest';
import { planLifecycle } from './lifecycle-generator.js';

const tasks = Array.from({ length: 2000 }, (_, i) => ({ code: `ĐT-2022-401-${String(i).padStart(6, '0')}`, endDate: `202${2 + (i % 5)}-0${1 + (i % 9)}-15`, levelCode: i % 12 === 0 ? 'QG' : 'TINH' }));
const TODAY = '2026-11-24';

describe('planLifecycle', () => {
  it('is deterministic', () => {
    expect(tasks.slice(0, 50).map((t) => planLifecycle(t, TODAY, 42))).toEqual(tasks.slice(0, 50).map((t) => planLifecycle(t, TODAY, 42)));
  });

  it('never dates anything after today, and keeps the order acceptance → submission → registration', () => {
    for (const t of tasks) {
      const p = planLifecycle(t, TODAY, 42);
      if (p.acceptance) {
        expect(p.acceptance.acceptedOn < TODAY).toBe(true);
        expect(p.acceptance.acceptedOn > (p.change?.newEndDate ?? t.endDate)).toBe(true);
      }
      if (p.registration) expect(p.acceptance).not.toBeNull();
      if (p.change) expect(p.change.decisionDate < TODAY).toBe(true);
    }
  });

  it('spreads the dossiers over every state, with some tasks never sending one', () => {
    const plans = tasks.map((t) => planLifecycle(t, TODAY, 42));
    const states = new Set(plans.map((p) => p.registration?.status ?? (p.acceptance ? 'none' : 'not accepted')));
    expect([...states].sort()).toEqual(['draft', 'none', 'not accepted', 'registered', 'returned', 'submitted']);
    expect(plans.filter((p) => p.change).length).toBeGreaterThan(100);
    expect(plans.filter((p) => p.registration?.status === 'returned').every((p) => p.registration?.returnComment)).toBe(true);
  });
});
