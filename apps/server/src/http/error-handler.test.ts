import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, ERROR_CODES } from '@stinet/shared';
import { AppError } from '../errors.js';
import { classifyError, errorBody } from './error-handler.js';

describe('error catalog', () => {
  it('has a Vietnamese and an English message and a 4xx/5xx status for every code', () => {
    for (const code of ERROR_CODES) {
      const e = ERROR_CATALOG[code];
      expect(e.vi.length).toBeGreaterThan(3);
      expect(e.en.length).toBeGreaterThan(3);
      expect(e.vi).not.toBe(e.en);
      expect(e.status).toBeGreaterThanOrEqual(400);
    }
  });

  it('maps app errors, unique violations and unknown errors', () => {
    expect(classifyError(new AppError('OUT_OF_SCOPE')).code).toBe('OUT_OF_SCOPE');
    expect(classifyError({ code: '23505', constraint: 'organization_tax_code_uq' }).code).toBe('DUPLICATE_TAX_CODE');
    expect(classifyError(Object.assign(new Error('x'), { cause: { code: '23505', constraint: 'researcher_orcid_uq' } })).code).toBe('DUPLICATE_ORCID');
    expect(classifyError(new Error('boom')).code).toBe('INTERNAL');
  });

  it('answers in the request language and always carries both', () => {
    const en = errorBody('NOT_FOUND', 'en');
    expect(en.error.message).toBe('Not found.');
    expect(errorBody('NOT_FOUND', 'vi').error.message).toBe('Không tìm thấy.');
    expect(en.error.messageVi).toBe('Không tìm thấy.');
  });
});
