import type { ErrorDetail } from '@stinet/shared';
import type { z } from 'zod';
import { ApiError } from '../api/client';
import { i18n } from '../i18n';

/** Field name → message, for showing validation messages under inputs. */
export type FieldErrors = Record<string, string>;

const DATE_FIELD = /(Date|From|To|On)$|^(from|to|asOf)$/;

function translateIssue(issue: z.core.$ZodIssue): string {
  const field = String(issue.path[issue.path.length - 1] ?? '');
  switch (issue.code) {
    case 'invalid_type':
      return i18n.t('validation.required');
    case 'too_small':
      if ((issue.origin === 'string' || issue.origin === 'array') && Number(issue.minimum) <= 1) return i18n.t('validation.required');
      if (issue.origin === 'array') return i18n.t('validation.chooseAtLeast', { min: Number(issue.minimum) });
      if (issue.origin === 'string') return i18n.t('validation.tooShort', { min: Number(issue.minimum) });
      return i18n.t('validation.min', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return i18n.t('validation.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return i18n.t('validation.tooMany', { max: Number(issue.maximum) });
      return i18n.t('validation.max', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return i18n.t('validation.email');
      if (issue.format === 'url') return i18n.t('validation.url');
      if (issue.format === 'uuid') return i18n.t('validation.choose');
      if (field === 'taxCode') return i18n.t('validation.taxCode');
      if (field === 'username') return i18n.t('validation.username');
      if (DATE_FIELD.test(field)) return i18n.t('validation.date');
      return i18n.t('validation.format');
    case 'custom':
      if (field === 'orcid') return i18n.t('validation.orcid');
      if (DATE_FIELD.test(field)) return i18n.t('validation.date');
      return issue.message;
    case 'invalid_value':
      return i18n.t('validation.choose');
    default:
      return issue.message;
  }
}

/** Turns a zod error into one translated message per field (the first problem of each field). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    if (!(key in result)) result[key] = translateIssue(issue);
  }
  return result;
}

function normalizePath(path: string): string {
  return path.replace(/^\/+/, '').replace(/^body[./]/, '').replace(/\//g, '.');
}

const DUPLICATE_FIELDS: Record<string, string> = {
  DUPLICATE_TAX_CODE: 'taxCode',
  DUPLICATE_ORCID: 'orcid',
  DUPLICATE_USERNAME: 'username',
  DUPLICATE_CODE: 'code',
  DUPLICATE_TASK_CODE: 'code',
};

/** Turns the `details` of an API validation error (or a duplicate-value error) into field messages. */
export function apiFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const result: FieldErrors = {};
  const duplicateField = DUPLICATE_FIELDS[error.code];
  if (duplicateField) result[duplicateField] = error.message;
  for (const detail of error.details as ErrorDetail[]) {
    const key = normalizePath(detail.path);
    if (key && !(key in result)) result[key] = detail.message;
  }
  return result;
}

/** Trims text and turns empty strings into null, so optional fields are sent as null. */
export function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of `next` whose value differs from `previous` (for PATCH bodies); lists and objects compare by content. */
export function changedFields<T extends object>(previous: T, next: T): Partial<T> {
  const result: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (!sameValue(previous[key], next[key])) result[key] = next[key];
  }
  return result;
}
