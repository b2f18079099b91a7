import { describe, expect, it } from 'vitest';
import { isEditableStatus, levelForUnitKind, unitKindsForLevel } from './rules';

describe('task registration rules', () => {
  it('offers the registering units that fit the level', () => {
    expect(unitKindsForLevel('QG')).toEqual(['national']);
    expect(unitKindsForLevel('BO')).toEqual(['ministry']);
    expect(unitKindsForLevel('TINH')).toEqual(['province']);
    expect(unitKindsForLevel('CS')).toEqual(['ministry', 'province']);
    expect(unitKindsForLevel('KHAC')).toEqual(['national', 'ministry', 'province']);
    expect(unitKindsForLevel(null)).toEqual(['national', 'ministry', 'province']);
  });

  it('suggests the level of an officer scope and every suggestion accepts that scope', () => {
    for (const kind of ['national', 'ministry', 'province'] as const) {
      expect(unitKindsForLevel(levelForUnitKind(kind))).toContain(kind);
    }
    expect(levelForUnitKind('province')).toBe('TINH');
  });

  it('lets only drafts and returned tasks be changed', () => {
    expect(['draft', 'submitted', 'returned', 'published'].filter((s) => isEditableStatus(s as 'draft'))).toEqual(['draft', 'returned']);
  });
});
