import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { Certificate, CertificateCopyCreate, CertificateCopyParams, CertificateRevoke, CertificateVerification, IdParams, VerificationParams } from '@stinet/shared';
import { contentDisposition } from '../../http/content-disposition.js';
import { contextOf } from '../../http/context.js';
import { certificateCopyPdf, certificatePdf, getCertificate, issueCopy, revokeCertificate, verifyCertificate } from './certificates.service.js';

/** Registration certificates: PDF, certified copies, revocation and the public verification. */
export const certificateRoutes: FastifyPluginAsyncZod<{ publicUrl: string | null }> = async (app, opts) => {
  const tags = ['certificates'];
  const baseUrl = (req: FastifyRequest) => opts.publicUrl ?? `${req.protocol}://${req.host}`;
  const pdfName = (number: string) => `giay-chung-nhan-${number.replace(/[^\p{L}\p{N}]+/gu, '-')}.pdf`;
  app.get('/certificates/verify/:code', {
    schema: { tags, summary: 'Public check of a certificate by the code printed on it (valid or revoked)', params: VerificationParams, response: { 200: CertificateVerification } },
    handler: (req) => verifyCertificate(app.db, req.params.code),
  });
  app.get('/certificates/:id', {
    schema: { tags, summary: 'A certificate with its copies (lead organization and focal points in scope)', params: IdParams, response: { 200: Certificate } },
    handler: (req) => getCertificate(app.db, contextOf(req), req.params.id, baseUrl(req)),
  });
  app.get('/certificates/:id/pdf', {
    schema: { tags, summary: 'The certificate as a PDF (application/pdf)', params: IdParams },
    handler: async (req, reply) => {
      const { number, pdf } = await certificatePdf(app.db, contextOf(req), req.params.id, baseUrl(req));
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', contentDisposition(pdfName(number)));
      reply.header('cache-control', 'private, no-store');
      return reply.send(pdf);
    },
  });
  app.post('/certificates/:id/copies', {
    schema: { tags, summary: 'Issue a certified copy (the original is never issued twice)', params: IdParams, body: CertificateCopyCreate, response: { 201: Certificate } },
    handler: async (req, reply) => reply.status(201).send(await issueCopy(app.db, contextOf(req), req.params.id, req.body.purpose, baseUrl(req))),
  });
  app.get('/certificates/:id/copies/:copyNo/pdf', {
    schema: { tags, summary: "A certified copy's PDF, marked as a copy (application/pdf)", params: CertificateCopyParams },
    handler: async (req, reply) => {
      const { number, pdf } = await certificateCopyPdf(app.db, contextOf(req), req.params.id, req.params.copyNo, baseUrl(req));
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', contentDisposition(pdfName(number)));
      reply.header('cache-control', 'private, no-store');
      return reply.send(pdf);
    },
  });
  app.post('/certificates/:id/revoke', {
    schema: { tags, summary: 'Revoke a certificate with a reason (TT 14/2014 Art 16)', params: IdParams, body: CertificateRevoke, response: { 200: Certificate } },
    handler: (req) => revokeCertificate(app.db, contextOf(req), req.params.id, req.body.reason, baseUrl(req)),
  });
};
