import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ClassificationCodesQuery, ClassificationScheme, ClassificationSchemeDetail, CrosswalkEntry, CrosswalkQuery } from '@stinet/shared';
import { getCrosswalk, getScheme, listSchemes } from './classifications.service.js';

/** Routes of the versioned code lists. */
export const classificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/classifications', {
    schema: { tags: ['classifications'], summary: 'All code lists', response: { 200: z.array(ClassificationScheme) } },
    handler: () => listSchemes(app.db),
  });
  app.get('/classifications/crosswalk', {
    schema: { tags: ['classifications'], summary: 'Crosswalk between two code lists', querystring: CrosswalkQuery, response: { 200: z.array(CrosswalkEntry) } },
    handler: (req) => getCrosswalk(app.db, req.query.from, req.query.to, req.query.code),
  });
  app.get('/classifications/:scheme', {
    schema: {
      tags: ['classifications'],
      summary: 'One code list with its codes',
      params: z.strictObject({ scheme: z.string().regex(/^[A-Z0-9_]{2,30}$/) }),
      querystring: ClassificationCodesQuery,
      response: { 200: ClassificationSchemeDetail },
    },
    handler: (req) => getScheme(app.db, req.params.scheme, req.query),
  });
};
