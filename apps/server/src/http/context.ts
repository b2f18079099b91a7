import type { FastifyRequest } from 'fastify';
import type { Role } from '@stinet/shared';

/** The authenticated user of a request. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scopeUnitId: string | null;
  organizationId: string | null;
  /** How the request authenticated: a session cookie (needs CSRF on writes) or an API token. */
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
}

/** What a service needs to know about the caller: who, from where, which request. */
export interface RequestContext {
  actor: AuthUser | null;
  ip: string | null;
  requestId: string;
  locale: 'vi' | 'en';
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: AuthUser | null;
  }
}

/** Picks Vietnamese unless the client prefers English. */
export function localeOf(request: FastifyRequest): 'vi' | 'en' {
  const header = request.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

/** Builds the service context of a request. */
export function contextOf(request: FastifyRequest): RequestContext {
  return { actor: request.actor, ip: request.ip ?? null, requestId: String(request.id), locale: localeOf(request) };
}

/** A context for scripts (seed, CLI) acting as the system. */
export function systemContext(): RequestContext {
  return { actor: null, ip: null, requestId: 'system', locale: 'vi' };
}
