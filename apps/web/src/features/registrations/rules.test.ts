import type { StoredFile } from '@stinet/shared';
import { describe, expect, it } from 'vitest';
import { parseKeywords, sortFilesByRole, type RegistrationFile } from './rules';

const stored = (id: string): StoredFile => ({
  id,
  originalName: `${id}.pdf`,
  size: 10,
  sha256: 'a'.repeat(64),
  mime: 'application/pdf',
  kind: 'pdf',
  accessTier: 'focal_fulltext',
  organizationId: '00000000-0000-4000-8000-000000000000',
  createdAt: '2026-11-01T00:00:00.000Z',
});
const file = (id: string, role: RegistrationFile['role'], attachedAt: string, detachedAt: string | null = null): RegistrationFile => ({ role, file: stored(id), attachedAt, detachedAt });

describe('registration dossier rules', () => {
  it('splits keywords at commas and semicolons and drops empty ones', () => {
    expect(parseKeywords(' lúa; chịu mặn,ven biển ;; , ')).toEqual(['lúa', 'chịu mặn', 'ven biển']);
    expect(parseKeywords('')).toEqual([]);
  });

  it('lists documents by role, then in the order attached (a replaced document before its replacement)', () => {
    const files = [
      file('new-minutes', 'acceptance_minutes', '2026-11-03T00:00:00Z'),
      file('final', 'final_report', '2026-11-01T00:00:00Z'),
      file('old-minutes', 'acceptance_minutes', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'),
      file('form', 'registration_form', '2026-11-02T00:00:00Z'),
    ];
    expect(sortFilesByRole(files).map((f) => f.file.id)).toEqual(['form', 'final', 'old-minutes', 'new-minutes']);
  });
});
