import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApplicationReport,
  ApplicationReportCreate,
  ApplicationReportListQuery,
  ApplicationReportPage,
  ApplicationReportReview,
  ApplicationReportSubmit,
  ApplicationReportUpdate,
  ApplicationReportWorkPage,
  ApplicationReportWorkQuery,
  ApplicationSummary,
  ApplicationSummaryQuery,
  ApplicationSummaryXlsxQuery,
  IdParams,
  TaskApplicationReports,
} from '@stinet/shared';
import { contextOf } from '../../http/context.js';
import {
  applicationSummary,
  createReport,
  getReport,
  listAcceptedReports,
  listTaskReports,
  listWork,
  reviewReport,
  submitReport,
  updateReport,
} from './application-reports.service.js';
import { summaryWorkbook } from './application-reports.xlsx.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Routes of the application-of-results reports (Mẫu 12) and the focal point's yearly summary (Mẫu 15). */
export const applicationReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['application-reports'];
  app.get('/tasks/:id/application-reports', {
    schema: { tags, summary: 'The five yearly application-report slots of a task, with due dates and states (staff in scope)', params: IdParams, response: { 200: TaskApplicationReports } },
    handler: (req) => listTaskReports(app.db, contextOf(req), req.params.id),
  });
  app.post('/tasks/:id/application-reports', {
    schema: {
      tags,
      summary: 'Start the report of one year as a draft (lead organization or focal point; from 30 days before the due date)',
      params: IdParams,
      body: ApplicationReportCreate,
      response: { 201: ApplicationReport },
    },
    handler: async (req, reply) => reply.status(201).send(await createReport(app.db, contextOf(req), req.params.id, req.body)),
  });
  app.get('/application-reports', {
    schema: { tags, summary: 'Accepted application reports (public fields only)', querystring: ApplicationReportListQuery, response: { 200: ApplicationReportPage } },
    handler: (req) => listAcceptedReports(app.db, req.query),
  });
  app.get('/application-reports/work', {
    schema: { tags, summary: 'Work list: yearly reports open for sending, overdue, awaiting review or returned, in my scope', querystring: ApplicationReportWorkQuery, response: { 200: ApplicationReportWorkPage } },
    handler: (req) => listWork(app.db, contextOf(req), req.query),
  });
  app.get('/application-reports/summary', {
    schema: { tags, summary: 'Yearly summary of a focal point (Mẫu 15): tasks owing a report in the year and what came of them', querystring: ApplicationSummaryQuery, response: { 200: ApplicationSummary } },
    handler: (req) => applicationSummary(app.db, contextOf(req), req.query),
  });
  app.get('/application-reports/summary.xlsx', {
    schema: { tags, summary: 'The yearly summary (Mẫu 15) as an XLSX workbook (labels in `lang`, default the request language)', querystring: ApplicationSummaryXlsxQuery, produces: [XLSX_MIME] },
    handler: async (req, reply) => {
      const ctx = contextOf(req);
      const { lang, ...query } = req.query;
      const summary = await applicationSummary(app.db, ctx, query);
      const body = await summaryWorkbook(summary, lang ?? ctx.locale);
      reply.header('content-type', XLSX_MIME);
      reply.header('content-disposition', `attachment; filename="mau-15-${summary.unit.code.replace(/[^A-Za-z0-9_-]/g, '_')}-${summary.year}.xlsx"`);
      reply.header('cache-control', 'private, no-store');
      return reply.send(body);
    },
  });
  app.get('/application-reports/:id', {
    schema: { tags, summary: 'One application report in full (staff in scope)', params: IdParams, response: { 200: ApplicationReport } },
    handler: (req) => getReport(app.db, contextOf(req), req.params.id),
  });
  app.patch('/application-reports/:id', {
    schema: { tags, summary: 'Change a draft or returned report (send the version you read)', params: IdParams, body: ApplicationReportUpdate, response: { 200: ApplicationReport } },
    handler: (req) => updateReport(app.db, contextOf(req), req.params.id, req.body),
  });
  app.post('/application-reports/:id/submit', {
    schema: { tags, summary: 'Send a report to the focal point', params: IdParams, body: ApplicationReportSubmit, response: { 200: ApplicationReport } },
    handler: (req) => submitReport(app.db, contextOf(req), req.params.id, req.body.version),
  });
  app.post('/application-reports/:id/review', {
    schema: { tags, summary: 'Accept (publish) or return a submitted report with a comment (focal point)', params: IdParams, body: ApplicationReportReview, response: { 200: ApplicationReport } },
    handler: (req) => reviewReport(app.db, contextOf(req), req.params.id, req.body),
  });
};
