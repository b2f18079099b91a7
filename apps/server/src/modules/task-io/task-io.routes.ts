import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, TaskImport, TaskPublicExportQuery, TaskWorkExportQuery } from '@stinet/shared';
import { AppError } from '../../errors.js';
import { contentDisposition } from '../../http/content-disposition.js';
import { contextOf } from '../../http/context.js';
import { requireActor } from '../access/access.service.js';
import { EXPORT_CONTENT_TYPES, exportPublishedTasks, exportWorkTasks, type ExportFile } from './export.service.js';
import { getTaskImport, importFailure, startTaskImport } from './import.service.js';
import { buildTemplateCsv, buildTemplateXlsx } from './template.js';

/** Files up to this size are imported before the answer (201 or 422); larger ones, or `Prefer: respond-async`, in the background (202). */
export const INLINE_IMPORT_MAX_BYTES = 512 * 1024;

/** Public exports per IP and minute (each walks the whole published list). */
const PUBLIC_EXPORT_PER_MINUTE = 20;

const Binary = z.string().meta({ format: 'binary' });
const spreadsheet = (description: string) => ({
  description,
  content: { [EXPORT_CONTENT_TYPES.xlsx]: { schema: Binary }, [EXPORT_CONTENT_TYPES.csv]: { schema: Binary } },
});

/** Reads the one file part of a multipart request, up to a size. */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<{ fileName: string; content: Buffer }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const part = await req.file({ limits: { files: 1, fileSize: maxBytes + 1 } });
  if (!part) throw new AppError('VALIDATION_FAILED', [{ path: 'file', code: 'required', message: 'No file part' }]);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of part.file) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      part.file.resume();
      throw new AppError('FILE_TOO_LARGE', [{ path: 'file', code: 'too_large', message: `Limit ${maxBytes} bytes` }]);
    }
    chunks.push(chunk as Buffer);
  }
  if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', [{ path: 'file', code: 'too_large', message: `Limit ${maxBytes} bytes` }]);
  return { fileName: part.filename, content: Buffer.concat(chunks, size) };
}

function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; stream: ExportFile['stream'] | Buffer }, cache: string) {
  reply.header('content-type', file.contentType);
  reply.header('content-disposition', contentDisposition(file.fileName));
  reply.header('cache-control', cache);
  return reply.send(file.stream);
}

/** Bulk import of tasks from the XLSX/CSV template, and export of task lists to XLSX/CSV. */
export const taskIoRoutes: FastifyPluginAsyncZod<{ uploadMaxBytes: number }> = async (app, opts) => {
  const tags = ['tasks'];
  app.get('/tasks/import/template.xlsx', {
    schema: {
      tags,
      summary: 'The XLSX import template: the "Nhiệm vụ" sheet (one column per field of Mẫu 1), instructions and code lists (staff)',
      response: { 200: { description: 'XLSX workbook', content: { [EXPORT_CONTENT_TYPES.xlsx]: { schema: Binary } } } },
    },
    handler: async (req, reply) => {
      requireActor(contextOf(req));
      const stream = await buildTemplateXlsx(app.db);
      return sendFile(reply, { fileName: 'mau-nhap-nhiem-vu.xlsx', contentType: EXPORT_CONTENT_TYPES.xlsx, stream }, 'private, no-store');
    },
  });
  app.get('/tasks/import/template.csv', {
    schema: {
      tags,
      summary: 'The CSV import template (UTF-8 with BOM; the same columns as the XLSX template) (staff)',
      response: { 200: { description: 'CSV text', content: { [EXPORT_CONTENT_TYPES.csv]: { schema: Binary } } } },
    },
    handler: async (req, reply) => {
      requireActor(contextOf(req));
      const stream = Buffer.from(buildTemplateCsv(), 'utf8');
      return sendFile(reply, { fileName: 'mau-nhap-nhiem-vu.csv', contentType: EXPORT_CONTENT_TYPES.csv, stream }, 'private, no-store');
    },
  });
  app.post('/tasks/import', {
    schema: {
      tags,
      summary:
        'Import tasks as drafts from an XLSX or CSV file of the template (multipart/form-data, one part named "file"; the format is sniffed from the content). ' +
        'Every row is validated; if any row has a problem nothing is written and every problem is listed (row, column, code, message). ' +
        `Files up to ${INLINE_IMPORT_MAX_BYTES / 1024} KiB are processed before answering: 201 when imported, 422 IMPORT_INVALID listing the problems as details ` +
        '(path rows.<row>.<column>). Larger files, or a request with `Prefer: respond-async`, answer 202 at once: poll the Location.',
      consumes: ['multipart/form-data'],
      response: { 201: TaskImport, 202: TaskImport },
    },
    handler: async (req, reply) => {
      const file = await readUpload(req, opts.uploadMaxBytes);
      const ctx = contextOf(req);
      const started = await startTaskImport(app.db, ctx, file);
      reply.header('location', `/api/tasks/import/${started.state.id}`);
      const respondAsync = /\brespond-async\b/i.test(String(req.headers.prefer ?? '')) || file.content.length > INLINE_IMPORT_MAX_BYTES;
      if (respondAsync) return reply.status(202).send(started.state);
      const final = await started.completion;
      if (final.status !== 'done') throw importFailure(final);
      return reply.status(201).send(final);
    },
  });
  app.get('/tasks/import/:id', {
    schema: { tags, summary: 'The state of an import (its creator and national administrators): status, row counts and every problem', params: IdParams, response: { 200: TaskImport } },
    handler: (req) => getTaskImport(app.db, contextOf(req), req.params.id),
  });
  app.get('/tasks/work/export', {
    schema: {
      tags,
      summary: 'Export the work list (every task in my scope matching status and q) to XLSX or CSV, full staff columns',
      querystring: TaskWorkExportQuery,
      response: { 200: spreadsheet('XLSX workbook or CSV text (UTF-8 with BOM)') },
    },
    handler: async (req, reply) => sendFile(reply, await exportWorkTasks(app.db, contextOf(req), req.query), 'private, no-store'),
  });
  app.get('/tasks/export', {
    config: { rateLimit: { max: PUBLIC_EXPORT_PER_MINUTE, timeWindow: '1 minute', errorResponseBuilder: () => new AppError('RATE_LIMITED') } },
    schema: {
      tags,
      summary: 'Export published tasks (the public fields of TT 14/2014 Art 23(2) only) to XLSX or CSV',
      querystring: TaskPublicExportQuery,
      response: { 200: spreadsheet('XLSX workbook or CSV text (UTF-8 with BOM)') },
    },
    handler: async (req, reply) => sendFile(reply, exportPublishedTasks(app.db, req.query), 'public, max-age=300'),
  });
};
