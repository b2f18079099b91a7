import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, OrgUnitCreate, OrgUnitDetail, OrgUnitListQuery, OrgUnitPage, OrgUnitUpdate } from '@stinet/shared';
import { contextOf } from '../../http/context.js';
import { changeUnit, createUnit, getUnit, listUnits } from './org-units.service.js';

/** Routes of the time-versioned org-unit registry. */
export const orgUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/org-units', {
    schema: { tags: ['org-units'], summary: 'Org units valid on a date (default today)', querystring: OrgUnitListQuery, response: { 200: OrgUnitPage } },
    handler: (req) => listUnits(app.db, req.query),
  });
  app.get('/org-units/:id', {
    schema: { tags: ['org-units'], summary: 'One org unit with predecessors and successors', params: IdParams, response: { 200: OrgUnitDetail } },
    handler: (req) => getUnit(app.db, req.params.id),
  });
  app.post('/org-units', {
    schema: { tags: ['org-units'], summary: 'Create an org unit (national admin)', body: OrgUnitCreate, response: { 201: OrgUnitDetail } },
    handler: async (req, reply) => reply.status(201).send(await createUnit(app.db, contextOf(req), req.body)),
  });
  app.patch('/org-units/:id', {
    schema: { tags: ['org-units'], summary: 'Rename or end an org unit (national admin)', params: IdParams, body: OrgUnitUpdate, response: { 200: OrgUnitDetail } },
    handler: (req) => changeUnit(app.db, contextOf(req), req.params.id, req.body),
  });
};
