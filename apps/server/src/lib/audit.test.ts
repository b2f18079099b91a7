import { describe, expect, it } from 'vitest';
import { diffFields } from './audit.js';

describe('diffFields', () => {
  it('lists changed fields, ignoring bookkeeping and secrets', () => {
    expect(diffFields({ a: 1, b: 'x', version: 1, updatedAt: 1, passwordHash: 'h1' }, { a: 2, b: 'x', version: 2, updatedAt: 2, passwordHash: 'h2' })).toEqual(['a']);
    expect(diffFields(null, { a: 1 })).toEqual(['a']);
    expect(diffFields({ d: new Date('2020-01-01') }, { d: new Date('2020-01-01') })).toEqual([]);
  });
});
