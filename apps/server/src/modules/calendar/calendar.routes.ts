import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HolidayYear, HolidayYearPut, WorkingDaysQuery, WorkingDaysResult, YearParams } from '@stinet/shared';
import { contextOf } from '../../http/context.js';
import { computeDeadline, deleteHolidayYear, getHolidayYear, putHolidayYear } from './calendar.service.js';

/** The working-day calendar used for legal deadlines. */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['calendar'];
  app.get('/calendar/working-days', {
    schema: { tags, summary: 'The date N working days after a date (legal deadlines)', querystring: WorkingDaysQuery, response: { 200: WorkingDaysResult } },
    handler: (req) => computeDeadline(app.db, req.query.from, req.query.days),
  });
  app.get('/calendar/:year', {
    schema: { tags, summary: 'Public holidays and extra working days of a year', params: YearParams, response: { 200: HolidayYear } },
    handler: (req) => getHolidayYear(app.db, req.params.year),
  });
  app.put('/calendar/:year', {
    schema: { tags, summary: "Set a year's schedule from the government notice (national admin)", params: YearParams, body: HolidayYearPut, response: { 200: HolidayYear } },
    handler: (req) => putHolidayYear(app.db, contextOf(req), req.params.year, req.body),
  });
  app.delete('/calendar/:year', {
    schema: { tags, summary: 'Remove a configured year (built-in or computed schedule applies again)', params: YearParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await deleteHolidayYear(app.db, contextOf(req), req.params.year);
      return reply.status(204).send(null);
    },
  });
};
