import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  FormDefinition,
  IdParams,
  StatAggregate,
  StatAggregateQuery,
  StatAssignmentCreate,
  StatAssignmentResult,
  StatBoard,
  StatBoardQuery,
  StatBulkResult,
  StatBulkXlsxQuery,
  StatCellsUpdate,
  StatFormList,
  StatFormListQuery,
  StatFormParams,
  StatPeriod,
  StatPeriodClose,
  StatPeriodCreate,
  StatPeriodReopen,
  StatPrefill,
  StatProvinceFormQuery,
  StatPeriodList,
  StatReopen,
  StatReport,
  StatReportPage,
  StatReportQuery,
  StatReview,
  StatVersionBody,
} from '@stinet/shared';
import { z } from 'zod';
import { contentDisposition } from '../../http/content-disposition.js';
import { contextOf } from '../../http/context.js';
import { readUpload } from '../task-io/task-io.routes.js';
import { XLSX_CONTENT_TYPE } from './stats-xlsx.js';
import { bulkXlsx, uploadBulkXlsx } from './stats-bulk.js';
import { aggregateForm, aggregateSdmxCsv, provinceFormXlsx } from './stats-aggregates.service.js';
import { prefillReport } from './stats-prefill.js';
import {
  acceptReport,
  closePeriod,
  reopenPeriod,
  formXlsx,
  assignForms,
  createPeriod,
  getForm,
  getReport,
  listForms,
  listPeriods,
  listReports,
  periodBoard,
  reopenReport,
  reportXlsx,
  reviewReport,
  saveCells,
  submitReport,
  uploadReportXlsx,
} from './stats.service.js';

/** Largest uploaded report workbook (a form is a few hundred cells). */
const XLSX_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
/** Largest uploaded multi-unit workbook (one sheet per organization of a province or ministry). */
const BULK_XLSX_UPLOAD_MAX_BYTES = 25 * 1024 * 1024;
const Binary = z.string().meta({ format: 'binary' });
const xlsxResponse = { description: 'XLSX workbook', content: { [XLSX_CONTENT_TYPE]: { schema: Binary } } };

function sendXlsx(reply: FastifyReply, file: { fileName: string; content: Buffer }, cache: string) {
  reply.header('content-type', XLSX_CONTENT_TYPE);
  reply.header('content-disposition', contentDisposition(file.fileName));
  reply.header('cache-control', cache);
  return reply.send(file.content);
}

/** Routes of the statistical reporting cycle: forms as data, periods, assignments, data entry, approval, the board. */
export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['stats'];
  app.get('/stats/forms', {
    schema: { tags, summary: 'Report form definitions: the version of each form to use in a year (default this year), or all versions', querystring: StatFormListQuery, response: { 200: StatFormList } },
    handler: (req) => listForms(app.db, req.query),
  });
  app.get('/stats/forms/:code/:version', {
    schema: { tags, summary: 'One form version (encode the slash of the code: 02%2FCS-KHCN)', params: StatFormParams, response: { 200: FormDefinition } },
    handler: (req) => getForm(app.db, req.params.code, req.params.version),
  });
  app.get('/stats/forms/:code/:version/xlsx', {
    schema: {
      tags,
      summary: 'The blank XLSX of a form version, to fill and upload to a report (header block with the form code and version, the row of column codes marked "#", row codes in column A)',
      params: StatFormParams,
      response: { 200: xlsxResponse },
    },
    handler: async (req, reply) => {
      const file = await formXlsx(app.db, req.params.code, req.params.version);
      return sendXlsx(reply, file, 'public, max-age=3600');
    },
  });
  app.get('/stats/periods', {
    schema: { tags, summary: 'Reporting periods (calendar years) with their deadlines, newest first', response: { 200: StatPeriodList } },
    handler: () => listPeriods(app.db),
  });
  app.post('/stats/periods', {
    schema: { tags, summary: 'Open the reporting period of a year (deadlines default to 1 and 15 February of the next year)', body: StatPeriodCreate, response: { 201: StatPeriod } },
    handler: async (req, reply) => reply.status(201).send(await createPeriod(app.db, contextOf(req), req.body)),
  });
  app.post('/stats/periods/:id/close', {
    schema: { tags, summary: 'Close a period (national administrators): its reports are frozen — no entry, review or reopening — until it is reopened', params: IdParams, body: StatPeriodClose, response: { 200: StatPeriod } },
    handler: (req) => closePeriod(app.db, contextOf(req), req.params.id, req.body),
  });
  app.post('/stats/periods/:id/reopen', {
    schema: { tags, summary: 'Reopen a closed period, with a reason (national administrators; audited)', params: IdParams, body: StatPeriodReopen, response: { 200: StatPeriod } },
    handler: (req) => reopenPeriod(app.db, contextOf(req), req.params.id, req.body),
  });
  app.post('/stats/periods/:id/assignments', {
    schema: { tags, summary: 'Assign forms to organizations for the period (creates their draft reports; idempotent)', params: IdParams, body: StatAssignmentCreate, response: { 200: StatAssignmentResult } },
    handler: (req) => assignForms(app.db, contextOf(req), req.params.id, req.body),
  });
  app.get('/stats/periods/:id/board', {
    schema: { tags, summary: 'Completeness and timeliness of the period per form, for the organizations managed by a unit', params: IdParams, querystring: StatBoardQuery, response: { 200: StatBoard } },
    handler: (req) => periodBoard(app.db, contextOf(req), req.params.id, req.query.unitId),
  });
  app.get('/stats/reports', {
    schema: { tags, summary: 'Work list: statistical reports in my scope', querystring: StatReportQuery, response: { 200: StatReportPage } },
    handler: (req) => listReports(app.db, contextOf(req), req.query),
  });
  app.get('/stats/reports/:id', {
    schema: { tags, summary: 'A report with its cells, current validation issues and what I may do', params: IdParams, response: { 200: StatReport } },
    handler: (req) => getReport(app.db, contextOf(req), req.params.id),
  });
  app.put('/stats/reports/:id/cells', {
    schema: { tags, summary: 'Save cells of a draft or returned report (merged; validated whole; nothing saved on an error)', params: IdParams, body: StatCellsUpdate, response: { 200: StatReport } },
    handler: (req) => saveCells(app.db, contextOf(req), req.params.id, req.body),
  });
  app.get('/stats/reports/:id/xlsx', {
    schema: {
      tags,
      summary: 'The report as XLSX: its form filled with the stored cells (a number; "x" not applicable; "c" or "c 12" confidential; empty missing)',
      params: IdParams,
      response: { 200: xlsxResponse },
    },
    handler: async (req, reply) => {
      const file = await reportXlsx(app.db, contextOf(req), req.params.id);
      return sendXlsx(reply, file, 'private, no-store');
    },
  });
  app.post('/stats/reports/:id/xlsx', {
    schema: {
      tags,
      summary:
        'Upload a filled XLSX of the report\'s form (multipart/form-data, one part named "file") to a draft or returned report. ' +
        'The workbook must be this form and version (else 422 STAT_WRONG_FORM); cells are mapped by the row and column codes. ' +
        'It REPLACES every cell of the report (empty cells become missing) and needs no version: it applies to the current one and bumps it. ' +
        'Text that is not a number, "x" or "c [number]", and any rule error, answer 422 STAT_VALIDATION_FAILED with details at cells.<row>.<column>; ' +
        'nothing is saved then. A file that is not an XLSX workbook answers 400 STAT_XLSX_UNREADABLE.',
      params: IdParams,
      consumes: ['multipart/form-data'],
      response: { 200: StatReport },
    },
    handler: async (req) => {
      const file = await readUpload(req, XLSX_UPLOAD_MAX_BYTES);
      return uploadReportXlsx(app.db, contextOf(req), req.params.id, file.content);
    },
  });
  app.get('/stats/periods/:id/bulk-xlsx', {
    schema: {
      tags,
      summary:
        'The multi-unit XLSX of a form for the period (national admin, focal officers): an instructions sheet, then one sheet per report of the form that I may edit ' +
        '(draft or returned, organizations managed by unitId — default my unit; all for a national admin), each laid out like the report XLSX with the organization code in its header block',
      params: IdParams,
      querystring: StatBulkXlsxQuery,
      response: { 200: xlsxResponse },
    },
    handler: async (req, reply) => {
      const file = await bulkXlsx(app.db, contextOf(req), req.params.id, req.query);
      return sendXlsx(reply, file, 'private, no-store');
    },
  });
  app.post('/stats/periods/:id/bulk-xlsx', {
    schema: {
      tags,
      summary:
        'Upload a filled multi-unit XLSX (multipart/form-data, one part named "file"): each sheet is mapped to its report by the organization code of its header block and its form code, ' +
        'and REPLACES that report\'s cells; sheets without any value are skipped. All or nothing in one transaction: on any problem nothing is saved and the answer is ' +
        '403 OUT_OF_SCOPE (an organization I do not manage), 422 STAT_WRONG_FORM (form, version or codes do not match), 422 STAT_NOT_ASSIGNED (organization not assigned the form in the period) ' +
        'or 422 STAT_BULK_INVALID (cell errors, submitted or locked reports), with every problem in details at sheets.<organization code>… (cells at sheets.<code>.cells.<row>.<column>). ' +
        'A file that is not an XLSX workbook answers 400 STAT_XLSX_UNREADABLE.',
      params: IdParams,
      consumes: ['multipart/form-data'],
      response: { 200: StatBulkResult },
    },
    handler: async (req) => {
      const file = await readUpload(req, BULK_XLSX_UPLOAD_MAX_BYTES);
      return uploadBulkXlsx(app.db, contextOf(req), req.params.id, file.content);
    },
  });
  app.post('/stats/reports/:id/submit', {
    schema: { tags, summary: 'Send the report to the province or ministry (refused while a validation error remains)', params: IdParams, body: StatVersionBody, response: { 200: StatReport } },
    handler: (req) => submitReport(app.db, contextOf(req), req.params.id, req.body.version),
  });
  app.post('/stats/reports/:id/review', {
    schema: { tags, summary: 'Approve a submitted report, or return it with a comment', params: IdParams, body: StatReview, response: { 200: StatReport } },
    handler: (req) => reviewReport(app.db, contextOf(req), req.params.id, req.body),
  });
  app.post('/stats/reports/:id/accept', {
    schema: { tags, summary: 'National acceptance of an approved report', params: IdParams, body: StatVersionBody, response: { 200: StatReport } },
    handler: (req) => acceptReport(app.db, contextOf(req), req.params.id, req.body.version),
  });
  app.post('/stats/reports/:id/reopen', {
    schema: { tags, summary: 'Reopen approved or accepted data (back to returned), with a reason; by the approving level', params: IdParams, body: StatReopen, response: { 200: StatReport } },
    handler: (req) => reopenReport(app.db, contextOf(req), req.params.id, req.body),
  });
  app.get('/stats/reports/:id/prefill', {
    schema: {
      tags,
      summary: 'Cells proposed for the report from the registries (form 04/CS-KHCN from the task registry; else 422 STAT_PREFILL_UNAVAILABLE). Nothing is saved: save them like any entry.',
      params: IdParams,
      response: { 200: StatPrefill },
    },
    handler: (req) => prefillReport(app.db, contextOf(req), req.params.id),
  });
  app.get('/stats/aggregates', {
    schema: { tags, summary: 'Aggregates of a form for a period over approved reports: national, or by province as of a registry date', querystring: StatAggregateQuery, response: { 200: StatAggregate } },
    handler: (req) => aggregateForm(app.db, contextOf(req), req.query),
  });
  app.get('/stats/aggregates/province-form', {
    schema: {
      tags,
      summary:
        "A province's aggregate form (Circular 26/2015) as XLSX: 02–06/TKTH-KHCN-ĐP filled from the approved reports of its units (the grassroots form with the same cells), " +
        '01/TKTH-KHCN-ĐP counted from the organization registry (organizations founded by the province, socio-political organizations, enterprises and others)',
      querystring: StatProvinceFormQuery,
      response: { 200: xlsxResponse },
    },
    handler: async (req, reply) => sendXlsx(reply, await provinceFormXlsx(app.db, contextOf(req), req.query), 'private, no-store'),
  });
  app.get('/stats/sdmx/:dataflow', {
    schema: {
      tags,
      summary: 'Aggregates as SDMX-CSV 1.0 (text/csv; DATAFLOW, REF_AREA, FREQ, TIME_PERIOD, the form dimensions, OBS_VALUE, UNIT_MEASURE, OBS_STATUS, CONF_STATUS)',
      params: z.strictObject({ dataflow: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/) }),
      querystring: StatAggregateQuery.omit({ formCode: true }),
    },
    handler: async (req, reply) => {
      const { fileName, csv } = await aggregateSdmxCsv(app.db, contextOf(req), req.params.dataflow, req.query);
      reply.header('content-type', 'application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8');
      reply.header('content-disposition', contentDisposition(fileName));
      return reply.send(csv);
    },
  });
};
