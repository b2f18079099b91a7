import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  Registration,
  RegistrationAttach,
  RegistrationCreate,
  RegistrationFileParams,
  RegistrationReview,
  RegistrationSubmit,
  RegistrationUpdate,
  RegistrationWorkPage,
  RegistrationWorkQuery,
  ResultListQuery,
  ResultListResponse,
  ResultPublicDetail,
} from '@stinet/shared';
import { contextOf } from '../../http/context.js';
import { publicListRateLimit } from '../../lib/list-grammar-sql.js';
import {
  attachRegistrationFile,
  createRegistration,
  detachRegistrationFile,
  getPublicResult,
  getRegistration,
  getRegistrationOfTask,
  listPublicResultsGrammar,
  listRegistrationWork,
  reviewRegistration,
  submitRegistration,
  updateRegistration,
} from './registrations.service.js';

/** Routes of result registration (dossier Mẫu 5, TT 14/2014 Art 12) and the public list of registered results. */
export const registrationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['registrations'];
  app.get('/results', {
    config: publicListRateLimit,
    schema: { tags, summary: 'Registered results (public list published after certificates are issued)', querystring: ResultListQuery, response: { 200: ResultListResponse } },
    handler: (req) => listPublicResultsGrammar(app.db, req.query),
  });
  app.get('/results/:id', {
    schema: { tags, summary: 'Public record of a registered result, with the documents its full-text access makes public', params: IdParams, response: { 200: ResultPublicDetail } },
    handler: (req) => getPublicResult(app.db, req.params.id),
  });
  app.get('/registrations/work', {
    schema: { tags, summary: 'Work list: registration dossiers in my scope', querystring: RegistrationWorkQuery, response: { 200: RegistrationWorkPage } },
    handler: (req) => listRegistrationWork(app.db, contextOf(req), req.query),
  });
  app.get('/tasks/:id/registration', {
    schema: { tags, summary: 'The registration dossier of a task', params: IdParams, response: { 200: Registration } },
    handler: (req) => getRegistrationOfTask(app.db, contextOf(req), req.params.id),
  });
  app.post('/tasks/:id/registration', {
    schema: { tags, summary: 'Open the registration dossier (Mẫu 5) of an accepted, published task', params: IdParams, body: RegistrationCreate, response: { 201: Registration } },
    handler: async (req, reply) => reply.status(201).send(await createRegistration(app.db, contextOf(req), req.params.id, req.body)),
  });
  app.get('/registrations/:id', {
    schema: { tags, summary: 'A registration dossier with its documents', params: IdParams, response: { 200: Registration } },
    handler: (req) => getRegistration(app.db, contextOf(req), req.params.id),
  });
  app.patch('/registrations/:id', {
    schema: { tags, summary: 'Change a draft or returned dossier (send the version you read)', params: IdParams, body: RegistrationUpdate, response: { 200: Registration } },
    handler: (req) => updateRegistration(app.db, contextOf(req), req.params.id, req.body),
  });
  app.post('/registrations/:id/files', {
    schema: { tags, summary: "Attach an uploaded file of the lead organization to the dossier in a role", params: IdParams, body: RegistrationAttach, response: { 200: Registration } },
    handler: (req) => attachRegistrationFile(app.db, contextOf(req), req.params.id, req.body),
  });
  app.delete('/registrations/:id/files/:fileId', {
    schema: { tags, summary: 'Detach a file from a draft or returned dossier (it stays stored and listed)', params: RegistrationFileParams, response: { 200: Registration } },
    handler: (req) => detachRegistrationFile(app.db, contextOf(req), req.params.id, req.params.fileId),
  });
  app.post('/registrations/:id/submit', {
    schema: { tags, summary: 'Send a complete dossier to the registering authority', params: IdParams, body: RegistrationSubmit, response: { 200: Registration } },
    handler: (req) => submitRegistration(app.db, contextOf(req), req.params.id, req.body.version),
  });
  app.post('/registrations/:id/review', {
    schema: { tags, summary: 'Register (issues the one certificate) or return a submitted dossier with comments', params: IdParams, body: RegistrationReview, response: { 200: Registration } },
    handler: (req) => reviewRegistration(app.db, contextOf(req), req.params.id, req.body),
  });
};
