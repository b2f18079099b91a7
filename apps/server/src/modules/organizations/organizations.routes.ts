import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, IdParams, OrganizationCreate, OrganizationFull, OrganizationListQuery, OrganizationListResponse, OrganizationPublic, OrganizationUpdate, PageQuery } from '@stinet/shared';
import { contextOf } from '../../http/context.js';
import { publicListRateLimit } from '../../lib/list-grammar-sql.js';
import {
  createOrganization,
  getOrganizationFull,
  getOrganizationPublic,
  listOrganizations,
  organizationHistory,
  updateOrganization,
} from './organizations.service.js';

/** Routes of the S&T organization registry. */
export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['organizations'];
  app.get('/organizations', {
    config: publicListRateLimit,
    schema: { tags, summary: 'Search and list organizations (public fields)', querystring: OrganizationListQuery, response: { 200: OrganizationListResponse } },
    handler: (req) => listOrganizations(app.db, req.query),
  });
  app.get('/organizations/:id', {
    schema: { tags, summary: 'Public record of an organization', params: IdParams, response: { 200: OrganizationPublic } },
    handler: (req) => getOrganizationPublic(app.db, req.params.id),
  });
  app.get('/organizations/:id/full', {
    schema: { tags, summary: 'Full record (staff with the organization in scope)', params: IdParams, response: { 200: OrganizationFull } },
    handler: (req) => getOrganizationFull(app.db, contextOf(req), req.params.id),
  });
  app.get('/organizations/:id/history', {
    schema: { tags, summary: 'Change history (staff with the organization in scope)', params: IdParams, querystring: PageQuery, response: { 200: AuditPage } },
    handler: (req) => organizationHistory(app.db, contextOf(req), req.params.id, req.query.page, req.query.pageSize),
  });
  app.post('/organizations', {
    schema: { tags, summary: 'Create an organization (national admin, focal officer in scope)', body: OrganizationCreate, response: { 201: OrganizationFull } },
    handler: async (req, reply) => reply.status(201).send(await createOrganization(app.db, contextOf(req), req.body)),
  });
  app.patch('/organizations/:id', {
    schema: { tags, summary: 'Change an organization (send the version you read)', params: IdParams, body: OrganizationUpdate, response: { 200: OrganizationFull } },
    handler: (req) => updateOrganization(app.db, contextOf(req), req.params.id, req.body),
  });
};
