import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_CATALOG, type ErrorBody, type ErrorCode, type ErrorDetail } from '@stinet/shared';
import { AppError } from '../errors.js';
import { localeOf } from './context.js';

/** PostgreSQL unique-constraint names → the stable error code they mean. */
const UNIQUE_CONSTRAINT_CODES: Record<string, ErrorCode> = {
  organization_tax_code_uq: 'DUPLICATE_TAX_CODE',
  researcher_orcid_uq: 'DUPLICATE_ORCID',
  app_user_username_uq: 'DUPLICATE_USERNAME',
  org_unit_kind_code_valid_from_uq: 'DUPLICATE_CODE',
  organization_code_uq: 'DUPLICATE_CODE',
  researcher_code_uq: 'DUPLICATE_CODE',
  task_code_uq: 'DUPLICATE_TASK_CODE',
};

interface PgLikeError {
  code?: string;
  constraint?: string;
  cause?: unknown;
}

function findPgError(err: unknown): (PgLikeError & { code: string }) | null {
  let current: unknown = err;
  for (let i = 0; i < 4 && current && typeof current === 'object'; i++) {
    const e = current as PgLikeError;
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e as PgLikeError & { code: string };
    current = e.cause;
  }
  return null;
}

/** Turns any thrown value into (status, code, details). The only place codes meet HTTP. */
export function classifyError(err: unknown): { code: ErrorCode; details?: ErrorDetail[] } {
  if (err instanceof AppError) return { code: err.code, ...(err.details ? { details: err.details } : {}) };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details: ErrorDetail[] = err.validation.map((v) => {
      const keys = (v.params as { keys?: unknown }).keys;
      const keyList = Array.isArray(keys) && keys.length ? ` (${keys.join(', ')})` : '';
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return { path: `${err.validationContext ?? 'body'}${path ? `.${path}` : ''}`, code: v.keyword, message: `${v.message}${keyList}` };
    });
    const unknownOnly = details.length > 0 && details.every((d) => d.code === 'unrecognized_keys');
    return { code: unknownOnly ? 'UNKNOWN_FIELD' : 'VALIDATION_FAILED', details };
  }
  if (err !== null && typeof err === 'object' && isResponseSerializationError(err as Parameters<typeof isResponseSerializationError>[0])) return { code: 'INTERNAL' };
  const fe = err as FastifyError;
  if (fe && typeof fe === 'object' && typeof fe.code === 'string') {
    switch (fe.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return { code: 'PAYLOAD_TOO_LARGE' };
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return { code: 'UNSUPPORTED_MEDIA_TYPE' };
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return { code: 'MALFORMED_REQUEST', details: [{ path: 'body', code: 'malformed', message: fe.message }] };
      default:
        break;
    }
    if (fe.statusCode === 429) return { code: 'RATE_LIMITED' };
    if (fe.statusCode === 400 && (err as SyntaxError) instanceof SyntaxError) return { code: 'MALFORMED_REQUEST' };
  }
  const pgErr = findPgError(err);
  if (pgErr?.code) {
    if (pgErr.code === '23505') {
      const code = (pgErr.constraint && UNIQUE_CONSTRAINT_CODES[pgErr.constraint]) || 'DUPLICATE_CODE';
      return { code };
    }
    if (pgErr.code === '23503') return { code: 'VALIDATION_FAILED', details: [{ path: pgErr.constraint ?? 'reference', code: 'foreign_key', message: 'Referenced record does not exist' }] };
    if (pgErr.code === '23514') return { code: 'VALIDATION_FAILED', details: [{ path: pgErr.constraint ?? 'check', code: 'check', message: 'A rule of the data was violated' }] };
    if (pgErr.code === '22P02' || pgErr.code === '22007' || pgErr.code === '22008') return { code: 'VALIDATION_FAILED' };
    if (pgErr.code.startsWith('08') || pgErr.code === '57P01') return { code: 'DATABASE_UNAVAILABLE' };
  }
  if (fe && typeof fe === 'object' && fe.statusCode === 403) return { code: 'FORBIDDEN' };
  if (fe && typeof fe === 'object' && fe.statusCode === 404) return { code: 'NOT_FOUND' };
  if (fe && typeof fe === 'object' && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { code: 'MALFORMED_REQUEST', details: [{ path: 'request', code: 'malformed', message: fe.message }] };
  }
  return { code: 'INTERNAL' };
}

/** Builds the JSON error body in the request's language. */
export function errorBody(code: ErrorCode, locale: 'vi' | 'en', details?: ErrorDetail[], requestId?: string): ErrorBody {
  const entry = ERROR_CATALOG[code];
  return {
    error: {
      code,
      message: locale === 'en' ? entry.en : entry.vi,
      messageVi: entry.vi,
      messageEn: entry.en,
      ...(details && details.length ? { details } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
}

/** Installs the error and not-found handlers. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { code, details } = classifyError(err);
    const status = ERROR_CATALOG[code].status;
    if (status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code }, 'request refused');
    return reply.status(status).send(errorBody(code, localeOf(request), details, String(request.id)));
  });
}
