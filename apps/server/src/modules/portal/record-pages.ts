import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { OrganizationPublic, ResearcherPublic, ResultPublicDetail, TaskPublic, Uuid } from '@stinet/shared';
import type { Config } from '../../config/env.js';
import type { Executor } from '../../db/types.js';
import { AppError } from '../../errors.js';
import { getOrganizationPublic } from '../organizations/organizations.service.js';
import { getPublicResult } from '../registrations/registrations.service.js';
import { getResearcherPublic } from '../researchers/researchers.service.js';
import { getPublishedTask } from '../tasks/tasks.service.js';
import { acceptsHtml, cutDescription, joinParts, renderHead, type HeadTags } from './html-head.js';

/** Suffix of every record page title. */
const SITE_NAME = 'stinet';

/** The head of one record page, from the record as the public API returns it (public fields only). */
interface RecordHead {
  title: string;
  description: string;
  ogType: 'article' | 'website' | 'profile';
}

/** One kind of public record page: its path segment (web and API alike) and how to read one record. */
interface RecordKind {
  /** `/<segment>/:id` in the web app, `/api/<segment>/:id` in the API. */
  segment: 'tasks' | 'results' | 'organizations' | 'researchers';
  /** The public API's body for the record (throws the service's 404 for a missing or non-public one) and the head. */
  read: (ex: Executor, id: string) => Promise<{ data: unknown; head: RecordHead }>;
}

/**
 * A record kind served through the public API route's own service (which takes no caller: it answers as to anyone)
 * and response schema: the body is encoded with the schema exactly as the route's serializer does, so undeclared
 * fields are stripped and the page can carry nothing the API does not publish.
 */
function recordKind<S extends z.ZodType>(segment: RecordKind['segment'], schema: S, load: (ex: Executor, id: string) => Promise<z.output<S>>, head: (record: z.output<S>) => RecordHead): RecordKind {
  return {
    segment,
    read: async (ex, id) => {
      const record = await load(ex, id);
      return { data: z.encode(schema, record), head: head(record) };
    },
  };
}

/** The four public record pages, each with the service and schema of its public API route (`GET /api/tasks/:id` etc.). */
const RECORD_KINDS: RecordKind[] = [
  recordKind('tasks', TaskPublic, getPublishedTask, (t) => ({
    title: t.titleVi,
    description: joinParts([t.titleVi, t.code, t.leadOrganization.nameVi, t.piName, t.objectives]),
    ogType: 'article',
  })),
  recordKind('results', ResultPublicDetail, getPublicResult, (r) => ({
    title: r.resultTitleVi,
    description: joinParts([r.resultTitleVi, r.certificateNumber, r.leadOrganization.nameVi, r.abstractVi]),
    ogType: 'article',
  })),
  recordKind('organizations', OrganizationPublic, getOrganizationPublic, (o) => ({
    title: o.nameVi,
    description: joinParts([o.nameVi, o.nameAbbr, o.nameEn, o.address, o.provinceUnit.nameVi]),
    ogType: 'website',
  })),
  recordKind('researchers', ResearcherPublic, getResearcherPublic, (r) => ({
    title: r.fullName,
    description: joinParts([r.fullName, r.position, r.organization.nameVi, r.orcid ? `ORCID ${r.orcid}` : null]),
    ogType: 'profile',
  })),
];

/** Options of {@link recordPageRoutes}. */
export interface RecordPageOptions {
  config: Config;
  /** The built web app's index.html (read once, when the plugin registers). */
  indexHtmlPath: string;
}

/**
 * Public record pages `/tasks/:id`, `/results/:id`, `/organizations/:id`, `/researchers/:id`: the web app's
 * index.html with a record-specific title, description, canonical link and Open Graph tags, and the public API's answer
 * for the record embedded as `#stinet-preload` (the page renders without fetching it). A missing or non-public record
 * gets the plain index.html with status 404 and `noindex`. Without a built web app nothing is registered (the
 * not-found handler answers as before).
 */
export const recordPageRoutes: FastifyPluginAsync<RecordPageOptions> = async (app, { config, indexHtmlPath }) => {
  let template: string;
  try {
    template = readFileSync(indexHtmlPath, 'utf8');
  } catch {
    return;
  }
  const notFoundHtml = renderHead(template, { robots: 'noindex' });
  const baseOf = (req: FastifyRequest) => (config.publicUrl ? config.publicUrl.replace(/\/+$/, '') : `${req.protocol}://${req.host}`);
  const sendHtml = (reply: FastifyReply, status: number, html: string) =>
    reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);

  for (const k of RECORD_KINDS) {
    app.get<{ Params: { id: string } }>(`/${k.segment}/:id`, { schema: { hide: true } }, async (req, reply) => {
      if (!acceptsHtml(req.headers.accept)) return reply.callNotFound();
      const { id } = req.params;
      if (!Uuid.safeParse(id).success) return sendHtml(reply, 404, notFoundHtml);
      let read: { data: unknown; head: RecordHead };
      try {
        read = await k.read(app.db, id);
      } catch (err) {
        if (err instanceof AppError && err.status === 404) return sendHtml(reply, 404, notFoundHtml);
        throw err;
      }
      const { data, head } = read;
      const url = `${baseOf(req)}/${k.segment}/${id.toLowerCase()}`; // one canonical spelling of the UUID
      const title = `${head.title} — ${SITE_NAME}`;
      const description = cutDescription(head.description);
      const tags: HeadTags = {
        title,
        description,
        canonical: url,
        og: { title, description, type: head.ogType, url },
        preload: { key: `/api/${k.segment}/${id}`, data },
      };
      return sendHtml(reply, 200, renderHead(template, tags));
    });
  }
};
