import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiToken, ApiTokenCreate, ApiTokenCreated, IdParams, LoginInput, Me, ProfileUpdate } from '@stinet/shared';
import { AppError } from '../../errors.js';
import { SESSION_COOKIE } from '../../http/auth.js';
import { contextOf } from '../../http/context.js';
import { createToken, deleteToken, listTokens, login, logout, me, updateProfile } from './auth.service.js';

/** Options of the auth routes. */
export interface AuthRouteOptions {
  sessionTtlHours: number;
  cookieSecure: boolean;
  loginRateLimitPerMinute: number;
}

/** Login, logout, the current user and API tokens. */
export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, opts) => {
  const tags = ['auth'];
  app.post('/auth/login', {
    config: {
      rateLimit: {
        max: opts.loginRateLimitPerMinute,
        timeWindow: '1 minute',
        hook: 'preHandler',
        keyGenerator: (req) => `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '').toLowerCase()}`,
        errorResponseBuilder: () => new AppError('RATE_LIMITED'),
      },
    },
    schema: { tags, summary: 'Log in with username and password; sets the session cookie', body: LoginInput, response: { 200: Me } },
    handler: async (req, reply) => {
      const result = await login(app.db, contextOf(req), req.body, opts.sessionTtlHours, req.headers['user-agent'] ?? null);
      reply.setCookie(SESSION_COOKIE, result.cookieToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.cookieSecure,
        maxAge: result.maxAgeSeconds,
      });
      return result.me;
    },
  });
  app.post('/auth/logout', {
    schema: { tags, summary: 'End the session', response: { 204: z.null() } },
    handler: async (req, reply) => {
      await logout(app.db, contextOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });
  app.get('/auth/me', {
    schema: { tags, summary: 'The current user and the CSRF token for writes', response: { 200: Me } },
    handler: (req) => me(app.db, contextOf(req)),
  });
  app.patch('/auth/me', {
    schema: { tags, summary: 'Change own name, language or password', body: ProfileUpdate, response: { 200: Me } },
    handler: (req) => updateProfile(app.db, contextOf(req), req.body),
  });
  app.get('/auth/tokens', {
    schema: { tags, summary: 'My API tokens', response: { 200: z.array(ApiToken) } },
    handler: (req) => listTokens(app.db, contextOf(req)),
  });
  app.post('/auth/tokens', {
    schema: { tags, summary: 'Create an API token (the secret is shown once)', body: ApiTokenCreate, response: { 201: ApiTokenCreated } },
    handler: async (req, reply) => reply.status(201).send(await createToken(app.db, contextOf(req), req.body)),
  });
  app.delete('/auth/tokens/:id', {
    schema: { tags, summary: 'Revoke one of my API tokens', params: IdParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await deleteToken(app.db, contextOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
};
