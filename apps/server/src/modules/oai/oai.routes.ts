import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/env.js';
import { handleOaiRequest, type OaiOptions } from './oai.service.js';

/** Options of the OAI-PMH plugin. */
export interface OaiRoutesOptions {
  config: Config;
}

const FORM = 'application/x-www-form-urlencoded';

function pairsOfQuery(url: string): [string, string][] {
  const q = url.indexOf('?');
  return q < 0 ? [] : [...new URLSearchParams(url.slice(q + 1)).entries()];
}

function pairsOfBody(body: unknown): [string, string][] {
  if (typeof body === 'string') return [...new URLSearchParams(body).entries()];
  if (body && typeof body === 'object') {
    const out: [string, string][] = [];
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) for (const x of [v].flat()) out.push([k, String(x)]);
    return out;
  }
  return [];
}

function adminEmailOf(mailFrom: string): string {
  return /<([^<>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
}

/**
 * The OAI-PMH 2.0 provider at `/oai` (outside `/api`, not in the OpenAPI document: its contract is the OAI-PMH
 * specification and XML schema). GET with a query string, or POST with an `application/x-www-form-urlencoded` body.
 */
export const oaiRoutes: FastifyPluginAsync<OaiRoutesOptions> = async (app, { config }) => {
  if (!app.hasContentTypeParser(FORM)) {
    app.addContentTypeParser(FORM, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  }
  const options = (req: FastifyRequest): OaiOptions => ({
    baseUrl: config.publicUrl ? `${config.publicUrl.replace(/\/+$/, '')}/oai` : `${req.protocol}://${req.host}/oai`,
    repositoryIdentifier: config.oai.repositoryIdentifier,
    repositoryName: 'stinet: National S&T information platform of Vietnam (CSDL quốc gia về KH&CN)',
    adminEmail: adminEmailOf(config.mailFrom),
    pageSize: config.oai.pageSize,
  });
  const send = async (req: FastifyRequest, reply: FastifyReply, pairs: [string, string][]) => {
    const xml = await handleOaiRequest(app.db, options(req), pairs);
    return reply.type('text/xml; charset=utf-8').header('cache-control', 'no-store').send(xml);
  };
  app.get('/oai', { schema: { hide: true } }, (req, reply) => send(req, reply, pairsOfQuery(req.url)));
  app.post('/oai', { schema: { hide: true } }, (req, reply) => send(req, reply, pairsOfBody(req.body)));
};
