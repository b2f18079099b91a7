import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, User, UserCreate, UserListQuery, UserPage, UserUpdate } from '@stinet/shared';
import { contextOf } from '../../http/context.js';
import { createUser, listUsers, updateUser } from './users.service.js';

/** Staff account administration (national administrators). */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['users'];
  app.get('/users', {
    schema: { tags, summary: 'List staff accounts', querystring: UserListQuery, response: { 200: UserPage } },
    handler: (req) => listUsers(app.db, contextOf(req), req.query),
  });
  app.post('/users', {
    schema: { tags, summary: 'Create a staff account', body: UserCreate, response: { 201: User } },
    handler: async (req, reply) => reply.status(201).send(await createUser(app.db, contextOf(req), req.body)),
  });
  app.patch('/users/:id', {
    schema: { tags, summary: 'Change a staff account', params: IdParams, body: UserUpdate, response: { 200: User } },
    handler: (req) => updateUser(app.db, contextOf(req), req.params.id, req.body),
  });
};
