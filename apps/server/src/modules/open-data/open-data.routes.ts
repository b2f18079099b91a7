import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OpenDataChangesPage, OpenDataChangesQuery, OpenDataCurrent, OpenDataDictionary, OpenDataFileParams, OpenDataJob } from '@stinet/shared';
import { notFound } from '../../errors.js';
import { contentDisposition } from '../../http/content-disposition.js';
import { contextOf } from '../../http/context.js';
import { createOpenDataService } from './open-data.service.js';

/** Options of {@link openDataRoutes}. */
export interface OpenDataRouteOptions {
  /** The files directory; dumps are kept in its `open-data` folder. */
  filesDir: string;
}

/** Open data: bulk dumps (CSV, JSON Lines, data dictionary, manifest) of the public records and a changes feed. */
export const openDataRoutes: FastifyPluginAsyncZod<OpenDataRouteOptions> = async (app, opts) => {
  const tags = ['open-data'];
  const service = createOpenDataService({ db: app.db, rootDir: join(opts.filesDir, 'open-data') });
  // a generation left running by a stopped process is reported failed (its temp folder removed; the last good dump stays)
  if (await service.recoverInterrupted()) app.log.warn('open data: a dump generation interrupted by the last stop was marked failed');
  app.addHook('onClose', async () => {
    await service.close();
  });

  app.post('/open-data/dumps', {
    schema: { tags, summary: 'Start regenerating the open-data dump in the background (national administrators; 409 while one runs)', response: { 202: OpenDataJob } },
    handler: async (req, reply) => reply.status(202).send(await service.start(contextOf(req))),
  });
  app.get('/open-data/dumps/current', {
    schema: { tags, summary: 'Manifest of the latest complete dump and the progress of the last or running generation', response: { 200: OpenDataCurrent } },
    handler: async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.current();
    },
  });
  app.get('/open-data/dictionary', {
    schema: { tags, summary: 'Data dictionary of the open-data files (fields, types, descriptions in Vietnamese and English, examples)', response: { 200: OpenDataDictionary } },
    handler: () => service.dictionary(),
  });
  app.get('/open-data/files/:name', {
    schema: { tags, summary: 'Download a file of the current dump (only names listed in its manifest, and manifest.json)', params: OpenDataFileParams },
    handler: async (req, reply) => {
      const found = await service.fileOf(req.params.name);
      if (!found) throw notFound('file');
      const facts = await stat(found.path).catch(() => null);
      if (!facts?.isFile()) throw notFound('file');
      reply.header('content-type', found.file.contentType);
      reply.header('content-length', String(facts.size));
      reply.header('content-disposition', contentDisposition(found.file.name));
      if (found.file.sha256) reply.header('etag', `"${found.file.sha256}"`);
      reply.header('cache-control', 'public, max-age=300');
      return reply.send(createReadStream(found.path));
    },
  });
  app.get('/open-data/changes', {
    schema: {
      tags,
      summary: 'Public records of all types changed since a time, and records that stopped being public (deleted: true, no record fields), ordered by (updatedAt, id), keyset paging with next_cursor',
      description:
        'Each entry is a changed public record (`deleted: false`, `record` in the shape of the public API) or a deletion (`deleted: true`, type, id and time only: the record is no longer public, e.g. a result whose certificate was revoked; a mirror removes it). Deletion times are whole seconds: poll again from a few seconds before the last time seen (entries are idempotent).',
      querystring: OpenDataChangesQuery,
      response: { 200: OpenDataChangesPage },
    },
    handler: (req) => service.changes(req.query),
  });
};
