import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PortalSummary } from '@stinet/shared';
import { portalSummary } from './portal.service.js';

/** The public portal's summary (the home page in one request). */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/public/summary', {
    schema: { tags: ['public statistics'], summary: 'The public home page in one request: counts of the network and its public records, indicator figures of the latest releases, the latest releases', response: { 200: PortalSummary } },
    handler: async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return portalSummary(app.db);
    },
  });
};
