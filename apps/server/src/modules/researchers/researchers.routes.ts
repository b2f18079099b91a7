import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, IdParams, ResearcherCreate, ResearcherFull, ResearcherListQuery, ResearcherListResponse, ResearcherPublic, ResearcherUpdate, PageQuery } from '@stinet/shared';
import { contextOf } from '../../http/context.js';
import { publicListRateLimit } from '../../lib/list-grammar-sql.js';
import {
  createResearcher,
  getResearcherFull,
  getResearcherPublic,
  listResearchers,
  researcherHistory,
  updateResearcher,
} from './researchers.service.js';

/** Routes of the researcher registry. */
export const researcherRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['researchers'];
  app.get('/researchers', {
    config: publicListRateLimit,
    schema: { tags, summary: 'Search and list researchers (public fields)', querystring: ResearcherListQuery, response: { 200: ResearcherListResponse } },
    handler: (req) => listResearchers(app.db, req.query),
  });
  app.get('/researchers/:id', {
    schema: { tags, summary: 'Public record of a researcher', params: IdParams, response: { 200: ResearcherPublic } },
    handler: (req) => getResearcherPublic(app.db, req.params.id),
  });
  app.get('/researchers/:id/full', {
    schema: { tags, summary: 'Full record incl. personal data (staff with the organization in scope)', params: IdParams, response: { 200: ResearcherFull } },
    handler: (req) => getResearcherFull(app.db, contextOf(req), req.params.id),
  });
  app.get('/researchers/:id/history', {
    schema: { tags, summary: 'Change history (staff with the organization in scope)', params: IdParams, querystring: PageQuery, response: { 200: AuditPage } },
    handler: (req) => researcherHistory(app.db, contextOf(req), req.params.id, req.query.page, req.query.pageSize),
  });
  app.post('/researchers', {
    schema: { tags, summary: 'Add a researcher to an organization in scope', body: ResearcherCreate, response: { 201: ResearcherFull } },
    handler: async (req, reply) => reply.status(201).send(await createResearcher(app.db, contextOf(req), req.body)),
  });
  app.patch('/researchers/:id', {
    schema: { tags, summary: 'Change a researcher (send the version you read)', params: IdParams, body: ResearcherUpdate, response: { 200: ResearcherFull } },
    handler: (req) => updateResearcher(app.db, contextOf(req), req.params.id, req.body),
  });
};
