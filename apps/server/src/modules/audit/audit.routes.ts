import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditListQuery, AuditPage } from '@stinet/shared';
import { contextOf } from '../../http/context.js';
import { listAudit } from './audit.service.js';

/** Routes of the audit log. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', {
    schema: { tags: ['audit'], summary: 'The audit log (national admin)', querystring: AuditListQuery, response: { 200: AuditPage } },
    handler: (req) => listAudit(app.db, contextOf(req), req.query),
  });
};
