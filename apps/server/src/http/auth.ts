import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { safeEqual } from '../lib/crypto.js';
import { authenticateSession, authenticateToken } from '../modules/auth/auth.service.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'stinet_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Paths that take writes without a session (login itself). */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

/**
 * Resolves the caller of every /api request: a Bearer API token or the session cookie.
 * Cookie-authenticated writes must carry the session's CSRF token in `x-csrf-token`.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    request.actor = null;
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = match?.[1] ? await authenticateToken(app.db, match[1]) : null;
      if (!actor) throw new AppError('UNAUTHENTICATED');
      request.actor = actor;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const actor = await authenticateSession(app.db, cookie);
    if (!actor) return;
    request.actor = actor;
    const path = request.url.split('?')[0] ?? '';
    if (!SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(path)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !actor.csrfToken || !safeEqual(sent, actor.csrfToken)) throw new AppError('CSRF_TOKEN_INVALID');
    }
  });
}
