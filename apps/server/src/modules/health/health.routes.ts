import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbKind } from '../../db/types.js';

/** Health response. */
export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['pglite', 'postgres']),
  dbReachable: z.boolean(),
  version: z.string(),
  time: z.string(),
});

/** `GET /api/health`: liveness plus a database round trip. */
export const healthRoutes: FastifyPluginAsyncZod<{ dbKind: DbKind; version: string }> = async (app, opts) => {
  app.get('/health', {
    schema: { tags: ['health'], summary: 'Service health, database kind and version', response: { 200: Health, 503: Health } },
    handler: async (_req, reply) => {
      let dbReachable = true;
      try {
        await app.db.execute(sql`SELECT 1`);
      } catch {
        dbReachable = false;
      }
      const body = { status: dbReachable ? ('ok' as const) : ('degraded' as const), db: opts.dbKind, dbReachable, version: opts.version, time: new Date().toISOString() };
      return reply.status(dbReachable ? 200 : 503).send(body);
    },
  });
};
