import { ERROR_CATALOG, type ErrorCode, type ErrorDetail } from '@stinet/shared';

/**
 * The one application error. Services throw it with a stable code; the HTTP layer maps the code
 * to a status and a bilingual message in one place (http/error-handler.ts).
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: ErrorDetail[],
    message?: string,
  ) {
    super(message ?? ERROR_CATALOG[code].en);
    this.name = 'AppError';
    this.status = ERROR_CATALOG[code].status;
  }
}

/** Shorthand for a NOT_FOUND error. */
export function notFound(what?: string): AppError {
  return new AppError('NOT_FOUND', what ? [{ path: what, code: 'not_found', message: `${what} not found` }] : undefined);
}

/** Shorthand for a single-field 400 error with a given code. */
export function fieldError(code: ErrorCode, path: string, message: string): AppError {
  return new AppError(code, [{ path, code: code.toLowerCase(), message }]);
}
