import { z } from 'zod';
import { IsoDate, Uuid } from './common.js';

/** The entity types the public search covers. */
export const SEARCH_TYPES = ['task', 'result', 'organization', 'researcher'] as const;
/** An entity type of the public search. */
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Public status buckets: a published task is ongoing or ended (by its public end date); a result is registered. */
export const SEARCH_STATUSES = ['ongoing', 'ended', 'registered'] as const;
/** A public status bucket of the search. */
export type SearchStatus = (typeof SEARCH_STATUSES)[number];

/** The facets of the public search, each counted with every other facet filter applied. */
export const SEARCH_FACETS = ['type', 'level', 'field', 'province', 'organization', 'year', 'status'] as const;
/** A facet of the public search. */
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/** Results reachable by page numbers (as OpenAlex: deeper paging needs narrower filters). */
export const SEARCH_MAX_RESULTS = 10_000;

/** A multi-valued filter parameter: values separated by `,` or `|` (OR within the filter). */
function listParam<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .max(4000)
    .transform((s) => s.split(/[,|]/).map((v) => v.trim()).filter((v) => v.length > 0))
    .pipe(z.array(item).min(1).max(50))
    .optional();
}

/** Query of `GET /api/search`. */
export const SearchQuery = z
  .strictObject({
    q: z.string().trim().max(300).optional(),
    type: listParam(z.enum(SEARCH_TYPES)),
    level: listParam(z.string().regex(/^[A-Z_]{1,16}$/, 'Expected a task level code')),
    field: listParam(z.string().regex(/^\d{1,2}$/, 'Expected a level-1 field code (2025)')),
    province: listParam(Uuid),
    organization: listParam(Uuid),
    year: listParam(z.string().regex(/^\d{4}$/, 'Expected a year').transform(Number).pipe(z.number().int().min(1900).max(2100))),
    status: listParam(z.enum(SEARCH_STATUSES)),
    provinceAsOf: IsoDate.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((v) => (v.page - 1) * v.pageSize < SEARCH_MAX_RESULTS, {
    message: `Only the first ${SEARCH_MAX_RESULTS} results can be paged; narrow the query`,
    path: ['page'],
  });
/** Parsed search query. */
export type SearchQuery = z.infer<typeof SearchQuery>;

/** Text with the matched terms marked: HTML-escaped, the only tags are `<mark>` and `</mark>`. */
export const HighlightedText = z.string();

/** One search hit: only public fields. */
export const SearchHit = z.object({
  type: z.enum(SEARCH_TYPES),
  id: Uuid,
  title: z.string(),
  /** A short extract of the record's public text (plain text). */
  snippet: z.string().nullable(),
  /** Code, organization or province, plain text. */
  subtitle: z.string().nullable(),
  highlight: z.object({ title: HighlightedText, snippet: HighlightedText.nullable() }),
  /** Path of the public page of the record in the web app. */
  url: z.string(),
  /** Relevance 0–1 (0 when there is no query). */
  score: z.number(),
});
/** One search hit. */
export type SearchHit = z.infer<typeof SearchHit>;

/** One facet value and how many records the query with the other facets' filters has for it. */
export const FacetBucket = z.object({
  key: z.string(),
  label: z.string(),
  labelEn: z.string(),
  count: z.number().int(),
  selected: z.boolean(),
});
/** One facet value. */
export type FacetBucket = z.infer<typeof FacetBucket>;

/** Response of `GET /api/search`: hits, total and facets in one payload. */
export const SearchResponse = z.object({
  items: z.array(SearchHit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** True when nothing matched as typed and the hits are approximate (one word allowed a typo). */
  approximate: z.boolean(),
  /** The date provinces are shown as of. */
  provinceAsOf: z.string(),
  facets: z.object({
    type: z.array(FacetBucket),
    level: z.array(FacetBucket),
    field: z.array(FacetBucket),
    province: z.array(FacetBucket),
    organization: z.array(FacetBucket),
    year: z.array(FacetBucket),
    status: z.array(FacetBucket),
  }),
  /** Server time spent, milliseconds. */
  tookMs: z.number(),
});
/** Response of the public search. */
export type SearchResponse = z.infer<typeof SearchResponse>;

/** Body of `POST /api/similar-tasks` (Decree 11/2014 Art 11: check the database before approving a task). */
export const SimilarTasksBody = z.strictObject({
  title: z.string().trim().min(3).max(1000),
  summary: z.string().trim().max(20_000).optional(),
  limit: z.number().int().min(1).max(50).default(10),
  /** A task to leave out (the one being checked). */
  excludeTaskId: Uuid.optional(),
});
/** Body of the similar-task check. */
export type SimilarTasksBody = z.infer<typeof SimilarTasksBody>;

/** A passage of a similar record that shares terms with the proposal. */
export const SimilarPassage = z.object({
  field: z.enum(['title', 'objectives', 'content', 'expectedProducts', 'abstract', 'keywords']),
  text: z.string(),
  highlight: HighlightedText,
});
/** A shared passage. */
export type SimilarPassage = z.infer<typeof SimilarPassage>;

/** One existing record similar to the proposal. */
export const SimilarItem = z.object({
  type: z.enum(['task', 'result']),
  id: Uuid,
  code: z.string().nullable(),
  title: z.string(),
  url: z.string(),
  /** 0–1, see the formula in the API description. */
  score: z.number(),
  titleScore: z.number(),
  textScore: z.number(),
  passages: z.array(SimilarPassage),
});
/** One similar record. */
export type SimilarItem = z.infer<typeof SimilarItem>;

/** Response of the similar-task check. */
export const SimilarTasksResponse = z.object({
  items: z.array(SimilarItem),
  /** How many candidates the database preselected for re-ranking. */
  candidates: z.number().int(),
  tookMs: z.number(),
});
/** Response of the similar-task check. */
export type SimilarTasksResponse = z.infer<typeof SimilarTasksResponse>;
