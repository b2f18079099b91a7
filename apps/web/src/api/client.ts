import type { ErrorBody, ErrorDetail } from '@stinet/shared';
import { i18n } from '../i18n';

/** An error returned by the stinet API (or a network failure), with the API's code, message and field details. */
export class ApiError extends Error {
  /** Stable machine code from the error catalog, or `NETWORK_ERROR` / `UNEXPECTED_RESPONSE` for client-side failures. */
  readonly code: string;
  /** HTTP status (0 for network failures). */
  readonly status: number;
  /** Field-level problems, e.g. for validation errors. */
  readonly details: ErrorDetail[];
  /** The server's request id, to quote when reporting a problem. */
  readonly requestId: string | undefined;

  constructor(init: { code: string; message: string; status: number; details?: ErrorDetail[]; requestId?: string | undefined }) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
  }
}

/** Values allowed in a query string; empty, null and undefined values are left out. */
export type QueryValue = string | number | boolean | null | undefined;

/** Options of one API request. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** A multipart body (e.g. a file upload); the browser sets its content type. Used instead of `body`. */
  form?: FormData;
  signal?: AbortSignal;
}

let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (from login or /api/auth/me) to send on writes. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Builds `path?query` leaving out empty values. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/**
 * Calls the stinet API: JSON in and out, same-origin cookies, `Accept-Language` from the current
 * language and `x-csrf-token` on writes. Throws an {@link ApiError} for any non-2xx answer.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language === 'en' ? 'en' : 'vi',
  };
  if (options.body !== undefined && !options.form) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.body === undefined ? null : JSON.stringify(options.body)),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ code: 'NETWORK_ERROR', message: i18n.t('errors.network'), status: 0 });
  }

  if (response.status === 204) return undefined as T;

  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text) as unknown;
    } catch {
      payload = null;
    }
  }

  if (!response.ok) {
    if (isErrorBody(payload)) {
      const { error } = payload;
      throw new ApiError({
        code: error.code,
        message: error.message,
        status: response.status,
        details: error.details ?? [],
        requestId: error.requestId,
      });
    }
    throw new ApiError({
      code: 'UNEXPECTED_RESPONSE',
      message: i18n.t('errors.unexpected', { status: response.status }),
      status: response.status,
    });
  }
  if (payload === null && text) {
    throw new ApiError({ code: 'UNEXPECTED_RESPONSE', message: i18n.t('errors.unexpected', { status: response.status }), status: response.status });
  }
  return payload as T;
}

/** Shorthand helpers for the HTTP verbs. */
export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal): Promise<T> =>
    apiRequest<T>(path, { query, ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown): Promise<T> => apiRequest<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body: unknown): Promise<T> => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T = void>(path: string): Promise<T> => apiRequest<T>(path, { method: 'DELETE' }),
  /** Uploads one file as multipart/form-data (part name `field`, default "file"). */
  upload: <T>(path: string, file: File, query?: Record<string, QueryValue>, field = 'file'): Promise<T> => {
    const form = new FormData();
    form.append(field, file, file.name);
    return apiRequest<T>(path, { method: 'POST', form, ...(query ? { query } : {}) });
  },
};
