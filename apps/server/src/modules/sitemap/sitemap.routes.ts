import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/env.js';
import { notFound } from '../../errors.js';
import { parseSitemapName, sitemapIndex, sitemapPage } from './sitemap.service.js';

/**
 * `/sitemap.xml` (the index), `/sitemaps/<kind>-<n>.xml` and `/robots.txt` pointing at it: the public pages and every
 * public record, for search engines. Outside `/api` and the OpenAPI document (the sitemap protocol is the contract).
 */
export const sitemapRoutes: FastifyPluginAsync<{ config: Config }> = async (app, { config }) => {
  const baseOf = (req: FastifyRequest) => (config.publicUrl ? config.publicUrl.replace(/\/+$/, '') : `${req.protocol}://${req.host}`);
  const sendXml = (reply: FastifyReply, xml: string) => reply.header('content-type', 'application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(xml);
  app.get('/sitemap.xml', { schema: { hide: true } }, async (req, reply) => sendXml(reply, await sitemapIndex(app.db, baseOf(req))));
  app.get<{ Params: { name: string } }>('/sitemaps/:name', { schema: { hide: true } }, async (req, reply) => {
    const parsed = parseSitemapName(req.params.name);
    if (!parsed) throw notFound('sitemap');
    return sendXml(reply, await sitemapPage(app.db, baseOf(req), parsed.kind, parsed.page));
  });
  app.get('/robots.txt', { schema: { hide: true } }, async (req, reply) =>
    reply.header('content-type', 'text/plain; charset=utf-8').send(`User-agent: *\nDisallow: /staff/\nDisallow: /api/\nAllow: /api/public/\nSitemap: ${baseOf(req)}/sitemap.xml\n`),
  );
};
