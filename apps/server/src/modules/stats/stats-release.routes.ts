import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  StatIndicatorFigures,
  StatReleaseCreate,
  StatReleaseDetail,
  StatReleaseList,
  StatReleaseQuery,
  StatReleaseStaffList,
  StatReleaseStaffSummary,
  StatReleaseWithdraw,
  StatSeries,
  StatSeriesQuery,
} from '@stinet/shared';
import { z } from 'zod';
import { contentDisposition } from '../../http/content-disposition.js';
import { contextOf } from '../../http/context.js';
import { XLSX_CONTENT_TYPE } from './stats-xlsx.js';
import {
  createRelease,
  getPublicRelease,
  getReleaseForStaff,
  listPublicReleases,
  listReleasesForStaff,
  publicIndicators,
  publicReleaseOfDataflow,
  publicSeries,
  releaseCsv,
  releaseSdmx,
  releaseXlsx,
  withdrawRelease,
} from './stats-release.service.js';

const SDMX_CSV = 'application/vnd.sdmx.data+csv; version=1.0.0; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';
/** Public answers may be cached briefly: an embargo lifts within a minute for caches too. */
const PUBLIC_CACHE = 'public, max-age=60';
const Binary = z.string().meta({ format: 'binary' });
const ExportFormat = z.strictObject({ id: z.uuid(), format: z.enum(['csv', 'sdmx', 'xlsx']) });
const exportResponses = {
  200: {
    description: 'The release as a file: flat CSV with labels (text/csv), SDMX-CSV 1.0, or an XLSX workbook',
    content: { [CSV]: { schema: z.string() }, [SDMX_CSV]: { schema: z.string() }, [XLSX_CONTENT_TYPE]: { schema: Binary } },
  },
};

async function sendExport(reply: FastifyReply, d: StatReleaseDetail, format: 'csv' | 'sdmx' | 'xlsx', cache: string) {
  reply.header('cache-control', cache);
  if (format === 'xlsx') {
    const file = await releaseXlsx(d);
    reply.header('content-type', XLSX_CONTENT_TYPE);
    reply.header('content-disposition', contentDisposition(file.fileName));
    return reply.send(file.content);
  }
  const file = format === 'csv' ? releaseCsv(d) : releaseSdmx(d);
  reply.header('content-type', format === 'csv' ? CSV : SDMX_CSV);
  reply.header('content-disposition', contentDisposition(file.fileName));
  return reply.send(file.csv);
}

/**
 * Publication of statistics: releases (snapshots with an embargo) for staff, and the public side — published
 * releases, their downloads (CSV, SDMX-CSV 1.0, XLSX), SDMX by dataflow, time series and the indicator catalog.
 * The public never sees an embargoed or withdrawn release, nor a withheld cell's value.
 */
export const statsReleaseRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['stats'];
  const publicTags = ['public statistics'];
  app.get('/stats/releases', {
    schema: { tags, summary: 'Every release, embargoed and withdrawn ones included (staff)', querystring: StatReleaseQuery, response: { 200: StatReleaseStaffList } },
    handler: (req) => listReleasesForStaff(app.db, contextOf(req), req.query),
  });
  app.post('/stats/releases', {
    schema: {
      tags,
      summary:
        "Release a form's approved data of a period: a snapshot, national and by province as of a registry date, small cells withheld if asked; " +
        'the public sees it from embargoUntil on (national administrators). 422 STAT_RELEASE_EMPTY when nothing is approved.',
      body: StatReleaseCreate,
      response: { 201: StatReleaseStaffSummary },
    },
    handler: async (req, reply) => reply.status(201).send(await createRelease(app.db, contextOf(req), req.body)),
  });
  app.get('/stats/releases/:id', {
    schema: { tags, summary: 'A release with its data in any state (staff preview of an embargoed release)', params: IdParams, response: { 200: StatReleaseDetail } },
    handler: (req) => getReleaseForStaff(app.db, contextOf(req), req.params.id),
  });
  app.get('/stats/releases/:id/:format', {
    schema: { tags, summary: 'A release in any state as a file (staff)', params: ExportFormat, response: exportResponses },
    handler: async (req, reply) => sendExport(reply, await getReleaseForStaff(app.db, contextOf(req), req.params.id), req.params.format, 'private, no-store'),
  });
  app.post('/stats/releases/:id/withdraw', {
    schema: { tags, summary: 'Withdraw a release from the public, with a reason (national administrators)', params: IdParams, body: StatReleaseWithdraw, response: { 200: StatReleaseStaffSummary } },
    handler: (req) => withdrawRelease(app.db, contextOf(req), req.params.id, req.body),
  });

  app.get('/public/stats/releases', {
    schema: { tags: publicTags, summary: 'Published statistical releases (past their embargo, not withdrawn), newest year first', querystring: StatReleaseQuery, response: { 200: StatReleaseList } },
    handler: async (req, reply) => {
      reply.header('cache-control', PUBLIC_CACHE);
      return listPublicReleases(app.db, req.query);
    },
  });
  app.get('/public/stats/releases/:id', {
    schema: { tags: publicTags, summary: 'A published release with its form and data (404 while embargoed or once withdrawn)', params: IdParams, response: { 200: StatReleaseDetail } },
    handler: async (req, reply) => {
      reply.header('cache-control', PUBLIC_CACHE);
      return getPublicRelease(app.db, req.params.id);
    },
  });
  app.get('/public/stats/releases/:id/:format', {
    schema: { tags: publicTags, summary: 'A published release as a file: csv (flat, with labels), sdmx (SDMX-CSV 1.0) or xlsx', params: ExportFormat, response: exportResponses },
    handler: async (req, reply) => sendExport(reply, await getPublicRelease(app.db, req.params.id), req.params.format, PUBLIC_CACHE),
  });
  app.get('/public/stats/sdmx/:dataflow', {
    schema: {
      tags: publicTags,
      summary:
        'SDMX-CSV 1.0 of the latest published release of a dataflow (DATAFLOW, REF_AREA, FREQ, TIME_PERIOD, the form dimensions, OBS_VALUE, UNIT_MEASURE, OBS_STATUS, CONF_STATUS); ' +
        'national and province series; a year picks that year',
      params: z.strictObject({ dataflow: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/) }),
      querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      response: { 200: { description: 'SDMX-CSV 1.0', content: { [SDMX_CSV]: { schema: z.string() } } } },
    },
    handler: async (req, reply) => sendExport(reply, await publicReleaseOfDataflow(app.db, req.params.dataflow, req.query.year), 'sdmx', PUBLIC_CACHE),
  });
  app.get('/public/stats/series', {
    schema: { tags: publicTags, summary: 'A published time series of one cell of a form (latest release of each year), national or for a province code', querystring: StatSeriesQuery, response: { 200: StatSeries } },
    handler: async (req, reply) => {
      reply.header('cache-control', PUBLIC_CACHE);
      return publicSeries(app.db, req.query);
    },
  });
  app.get('/public/stats/indicators', {
    schema: { tags: publicTags, summary: 'The indicator catalog (1401–1407 and the Frascati-aligned core) with the latest published national values', response: { 200: StatIndicatorFigures } },
    handler: async (_req, reply) => {
      reply.header('cache-control', PUBLIC_CACHE);
      return publicIndicators(app.db);
    },
  });
};
