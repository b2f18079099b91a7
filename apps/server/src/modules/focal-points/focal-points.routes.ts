import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FocalPoint, FocalPointCreate, FocalPointListQuery, FocalPointUpdate, FocalStaff, FocalStaffCreate, FocalStaffUpdate, IdParams, Training, TrainingCreate } from '@stinet/shared';
import { contextOf } from '../../http/context.js';
import { addStaff, addTraining, createFocalPoint, getFocalPoint, listFocalPoints, listStaff, updateFocalPoint, updateStaff } from './focal-points.service.js';

/** Focal-point designations, their staff and training records. */
export const focalPointRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['focal-points'];
  app.get('/focal-points', {
    schema: { tags, summary: 'Focal points valid on a date (public)', querystring: FocalPointListQuery, response: { 200: z.object({ items: z.array(FocalPoint) }) } },
    handler: (req) => listFocalPoints(app.db, req.query),
  });
  app.get('/focal-points/:id', {
    schema: { tags, summary: 'One focal point (public)', params: IdParams, response: { 200: FocalPoint } },
    handler: (req) => getFocalPoint(app.db, req.params.id),
  });
  app.post('/focal-points', {
    schema: { tags, summary: 'Designate a focal point (national admin)', body: FocalPointCreate, response: { 201: FocalPoint } },
    handler: async (req, reply) => reply.status(201).send(await createFocalPoint(app.db, contextOf(req), req.body)),
  });
  app.patch('/focal-points/:id', {
    schema: { tags, summary: 'Change a designation (national admin, the unit\'s focal officer)', params: IdParams, body: FocalPointUpdate, response: { 200: FocalPoint } },
    handler: (req) => updateFocalPoint(app.db, contextOf(req), req.params.id, req.body),
  });
  app.get('/focal-points/:id/staff', {
    schema: { tags, summary: 'Staff and trainings (staff in scope)', params: IdParams, response: { 200: z.object({ items: z.array(FocalStaff) }) } },
    handler: (req) => listStaff(app.db, contextOf(req), req.params.id),
  });
  app.post('/focal-points/:id/staff', {
    schema: { tags, summary: 'Add a staff member', params: IdParams, body: FocalStaffCreate, response: { 201: FocalStaff } },
    handler: async (req, reply) => reply.status(201).send(await addStaff(app.db, contextOf(req), req.params.id, req.body)),
  });
  app.patch('/focal-staff/:id', {
    schema: { tags, summary: 'Change a staff member', params: IdParams, body: FocalStaffUpdate, response: { 200: FocalStaff } },
    handler: (req) => updateStaff(app.db, contextOf(req), req.params.id, req.body),
  });
  app.post('/focal-staff/:id/trainings', {
    schema: { tags, summary: 'Add a training record', params: IdParams, body: TrainingCreate, response: { 201: Training } },
    handler: async (req, reply) => reply.status(201).send(await addTraining(app.db, contextOf(req), req.params.id, req.body)),
  });
};
