import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { FileUploadQuery, IdParams, StoredFile } from '@stinet/shared';
import { AppError } from '../../errors.js';
import { contentDisposition } from '../../http/content-disposition.js';
import { contextOf } from '../../http/context.js';
import type { FileStorage } from '../../storage/file-storage.js';
import { getFile, openFile, uploadFile } from './files.service.js';

/** Upload and download of stored files. */
export const fileRoutes: FastifyPluginAsyncZod<{ storage: FileStorage; uploadMaxBytes: number }> = async (app, opts) => {
  const tags = ['files'];
  app.post('/files', {
    schema: {
      tags,
      summary: 'Upload a file (multipart/form-data, one part named "file"); content is sniffed and must match the extension',
      querystring: FileUploadQuery,
      consumes: ['multipart/form-data'],
      response: { 201: StoredFile },
    },
    handler: async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await req.file({ limits: { files: 1, fileSize: opts.uploadMaxBytes + 1 } });
      if (!part) throw new AppError('VALIDATION_FAILED', [{ path: 'file', code: 'required', message: 'No file part' }]);
      const stored = await uploadFile(app.db, opts.storage, contextOf(req), {
        organizationId: req.query.organizationId,
        accessTier: req.query.accessTier,
        filename: part.filename,
        content: part.file,
        maxBytes: opts.uploadMaxBytes,
      });
      return reply.status(201).send(stored);
    },
  });
  app.get('/files/:id', {
    schema: { tags, summary: 'Metadata of a file (by access tier and scope)', params: IdParams, response: { 200: StoredFile } },
    handler: (req) => getFile(app.db, contextOf(req), req.params.id),
  });
  app.get('/files/:id/content', {
    schema: { tags, summary: 'Download a file (by access tier and scope)', params: IdParams },
    handler: async (req, reply) => {
      const { file, stream } = await openFile(app.db, opts.storage, contextOf(req), req.params.id);
      reply.header('content-type', file.mime);
      reply.header('content-length', String(file.size));
      reply.header('content-disposition', contentDisposition(file.originalName));
      reply.header('etag', `"${file.sha256}"`);
      reply.header('cache-control', file.accessTier === 'public_fulltext' ? 'public, max-age=3600' : 'private, no-store');
      return reply.send(stream);
    },
  });
};
