import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SearchQuery, SearchResponse, SimilarTasksBody, SimilarTasksResponse } from '@stinet/shared';
import { contextOf } from '../../http/context.js';
import { search } from './search.service.js';
import { similarTasks } from './similar.js';

/** Routes of the public search across tasks, results, organizations and researchers, and the similar-task check. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['search'];
  app.get('/search', {
    schema: {
      tags,
      summary: 'Public search: hits with highlights, total and facet counts in one response',
      description:
        'Accent-insensitive (`cong nghe` finds `công nghệ`), diacritics as typed rank higher; `"quoted phrases"`, `prefix*`, one typo tolerated (pg_trgm word similarity). ' +
        'Filters take several values separated by `,` or `|` (OR within a filter, AND across filters). Each facet is counted with every other facet filter applied. ' +
        'Provinces are shown as of today or `provinceAsOf` through the org-unit succession map. Public records and fields only.',
      querystring: SearchQuery,
      response: { 200: SearchResponse },
    },
    handler: (req) => search(app.db, req.query),
  });
  app.post('/similar-tasks', {
    schema: {
      tags,
      summary: 'Similar-task check before approving a task (Decree 11/2014 Art 11): published tasks and registered results ranked by similarity, with shared passages',
      description:
        'score = 0.5·titleScore + 0.5·textScore with a summary (0.7/0.3 without); each a weighted token-set cosine over folded syllables (weight 1, stop words 0.2) and syllable bigrams (weight 2). Staff only.',
      body: SimilarTasksBody,
      response: { 200: SimilarTasksResponse },
    },
    handler: (req) => similarTasks(app.db, contextOf(req), req.body),
  });
};
