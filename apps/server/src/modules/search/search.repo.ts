import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/types.js';
import { escapeLike, queryRows } from '../../lib/sql.js';
import type { ParsedQuery, QueryTerm } from './search-text.js';

/** Escapes regular-expression metacharacters. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const folded = (text: string): SQL => sql`lower(immutable_unaccent(${text}))`;

/** Condition: the folded column text contains the term (words, phrases) or a word starting with it (prefixes). */
function termIn(col: SQL, t: QueryTerm): SQL {
  if (t.kind === 'prefix') return sql`${col} ~ ('\\m' || ${folded(escapeRegex(t.raw))})`;
  return sql`${col} LIKE ('%' || ${folded(escapeLike(t.raw))} || '%')`;
}

/** Condition: the record text contains the term with its diacritics as typed (lower case, or capitalised as a sentence start). */
function exactIn(col: SQL, t: QueryTerm): SQL {
  const lower = t.raw.toLocaleLowerCase('vi');
  const capital = lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
  if (t.kind === 'prefix') return sql`(${col} LIKE ${`%${escapeLike(lower)}%`} OR ${col} LIKE ${`%${escapeLike(capital)}%`})`;
  return sql`(${col} LIKE ${`%${escapeLike(lower)}%`} OR ${col} LIKE ${`%${escapeLike(capital)}%`})`;
}

/** Typo tolerance: pg_trgm word_similarity of the folded plain words needed for a one-word query. */
export const FUZZY_ONE = 0.6;
/** Typo tolerance for several words, all but one of which must occur as typed (folded): similarity to a part of the title. */
export const FUZZY_MANY = 0.5;

/** The facets of the search. */
export type FacetName = 'type' | 'level' | 'field' | 'province' | 'organization' | 'year' | 'status';

/** Filters as stored values: provinces already expanded to every unit that stands for a chosen one. */
export type SearchFilters = Partial<Record<FacetName, string[]>>;

/** One hit of the page. */
export interface SearchHitRow {
  type: 'task' | 'result' | 'organization' | 'researcher';
  id: string;
  title: string;
  score: number | string;
}

/** One facet bucket as counted by the database (provinces are stored units, not yet mapped to a date). */
export interface FacetCountRow {
  /** `total`: hits after the filters; `matched`: records matching the terms, before the filters. */
  facet: FacetName | 'total' | 'matched';
  key: string | null;
  n: number | string;
}

/** What a search needs from the database. */
export interface SearchPlan {
  query: ParsedQuery;
  /** Today in Vietnam (the status facet of tasks: ongoing until their end date). */
  today: string;
  /** Typo tolerance: used when nothing matches as typed. */
  fuzzy: boolean;
  filters: SearchFilters;
  /** Organizations listed in the organization facet besides the chosen ones (the largest counts). */
  topOrganizations: number;
  limit: number;
  offset: number;
}

/** Terms shorter than this (folded) cannot use the trigram index; they are checked on the rows the others select. */
const MIN_INDEXED = 3;

/** Condition: the folded document contains the term (indexed by trigrams when long enough). */
function docHas(t: QueryTerm): SQL {
  if (t.kind !== 'prefix' && t.folded.length < MIN_INDEXED) return sql`position(${folded(t.raw)} IN d.doc_folded) > 0`;
  return termIn(sql`d.doc_folded`, t);
}

/** The stored value of each facet of a document row `d`, as SQL (the status of tasks computed against today). */
function facetValues(today: string): Record<Exclude<FacetName, 'field'>, SQL> {
  return {
    type: sql`d.entity_type`,
    level: sql`d.level_code`,
    province: sql`d.province_unit_id::text`,
    organization: sql`d.organization_id::text`,
    year: sql`d.year::text`,
    status: sql`CASE WHEN d.entity_type = 'task' THEN CASE WHEN d.end_date >= ${today}::date THEN 'ongoing' ELSE 'ended' END ELSE d.status END`,
  };
}

const FACETS: FacetName[] = ['type', 'level', 'field', 'province', 'organization', 'year', 'status'];

/**
 * The one statement of a search: the matching documents (trigram index on the folded text), their relevance, the page of hits and the
 * disjunctive facet counts (each facet counted with every other facet's filter applied) and the total.
 *
 * score = Σ_terms [3·title + 1·text + 2·titleExact + 0.5·bodyExact] + 3·word_similarity(plain, title) + 1·(title contains plain)
 *         divided by its maximum, where `title`/`text` mean the folded title / whole folded document contains the term
 *         (accent-insensitive) and `…Exact` that the title / body contains it with the diacritics as typed. A record
 *         matches when every phrase and prefix occurs and every plain word occurs (folded). With `fuzzy`, all but one
 *         plain word must occur and the plain words be trigram-similar to a part of the title (pg_trgm word_similarity
 *         ≥ 0.5, one word alone ≥ 0.6, through the trigram index of the titles): one typo tolerated.
 * Order: score, then (without terms) tasks, results, organizations, researchers, then the folded title, title, id.
 */
export function searchStatement(plan: SearchPlan): SQL {
  const q = plan.query;
  const values = facetValues(plan.today);
  const conds: SQL[] = [];
  const words = q.terms.filter((t) => t.kind === 'word');
  for (const t of q.terms.filter((t) => t.kind !== 'word')) conds.push(docHas(t));
  const plainFolded = folded(q.plain);
  if (words.length) {
    if (plan.fuzzy) {
      const occurs = sql.join(words.map((w) => sql`CASE WHEN ${docHas(w)} THEN 1 ELSE 0 END`), sql` + `);
      // `<%` (pg_trgm.word_similarity_threshold, set for the statement's transaction) selects titles through their index
      conds.push(sql`${plainFolded} <% d.title_folded AND (${occurs}) >= ${words.length - 1}`);
    } else {
      for (const w of words) conds.push(docHas(w));
    }
  }
  let score: SQL = sql`0`;
  if (q.terms.length) {
    // every exact match contains every term in its folded text: that part of the score is constant then
    const inText = (t: QueryTerm) => (plan.fuzzy ? sql`CASE WHEN ${termIn(sql`d.doc_folded`, t)} THEN 1 ELSE 0 END` : sql`1`);
    const parts: SQL[] = q.terms.map(
      (t) => sql`(CASE WHEN ${termIn(sql`d.title_folded`, t)} THEN 3 ELSE 0 END + ${inText(t)} + CASE WHEN ${exactIn(sql`l.lt`, t)} OR ${exactIn(sql`d.title`, t)} THEN 2 ELSE 0 END + CASE WHEN ${exactIn(sql`l.lb`, t)} THEN 0.5 ELSE 0 END)`,
    );
    let max = q.terms.length * 6.5;
    if (words.length) {
      parts.push(sql`(3 * word_similarity(${plainFolded}, d.title_folded) + CASE WHEN d.title_folded LIKE ('%' || ${folded(escapeLike(q.plain))} || '%') THEN 1 ELSE 0 END)`);
      max += 4;
    }
    score = sql`round(((${sql.join(parts, sql` + `)}) / ${max})::numeric, 4)`;
  }
  const ok = (f: FacetName): SQL => {
    const chosen = plan.filters[f];
    if (!chosen) return sql`true`;
    const arr = sql`ARRAY[${sql.join(chosen.map((v) => sql`${v}`), sql`, `)}]::text[]`;
    return f === 'field' ? sql`coalesce(d.field_tops && ${arr}, false)` : sql`coalesce(${values[f]} = ANY(${arr}), false)`;
  };
  const active = FACETS.filter((f) => plan.filters[f] !== undefined);
  const fails = active.length ? sql.join(active.map((f) => sql`(NOT x.ok_${sql.raw(f)})::int`), sql` + `) : sql`0`;
  const counted = (f: FacetName) => (plan.filters[f] ? sql`(m.fails = 0 OR (m.fails = 1 AND NOT m.ok_${sql.raw(f)}))` : sql`m.fails = 0`);
  const chosenOrgs = plan.filters.organization ?? [];
  const facetQueries: SQL[] = [
    sql`SELECT 'total' AS facet, NULL::text AS key, count(*) AS n FROM c m WHERE m.fails = 0`,
    sql`SELECT 'matched', NULL, count(*) FROM c`,
    ...(['type', 'level', 'province', 'year', 'status'] as const).map(
      (f) => sql`SELECT ${f}::text, m.v_${sql.raw(f)}, count(*) FROM c m WHERE ${counted(f)} AND m.v_${sql.raw(f)} IS NOT NULL GROUP BY 2`,
    ),
    sql`SELECT 'field', fv, count(*) FROM c m CROSS JOIN LATERAL unnest(m.v_field) fv WHERE ${counted('field')} GROUP BY 2`,
    sql`(SELECT 'organization', m.v_organization, count(*) FROM c m WHERE ${counted('organization')} GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT ${plan.topOrganizations})`,
  ];
  if (chosenOrgs.length) {
    facetQueries.push(sql`SELECT 'organization', m.v_organization, count(*) FROM c m WHERE ${counted('organization')} AND m.v_organization = ANY(ARRAY[${sql.join(chosenOrgs.map((v) => sql`${v}`), sql`, `)}]::text[]) GROUP BY 2`);
  }
  const typeOrder = q.terms.length ? sql`` : sql`array_position(ARRAY['task','result','organization','researcher'], m.type), `;
  return sql`WITH c AS MATERIALIZED (SELECT x.*, ${fails} AS fails FROM (
      SELECT d.entity_type AS type, d.entity_id AS id, d.title, d.title_folded AS ft, ${score} AS score,
        ${values.type} AS v_type, ${values.level} AS v_level, d.field_tops AS v_field, ${values.province} AS v_province,
        ${values.organization} AS v_organization, ${values.year} AS v_year, ${values.status} AS v_status,
        ${sql.join(FACETS.map((f) => sql`${ok(f)} AS ok_${sql.raw(f)}`), sql`, `)}
      FROM search_doc d
      -- lower case of the title and body computed once per row (OFFSET 0 keeps the planner from copying the expressions)
      CROSS JOIN LATERAL (SELECT ${q.terms.length ? sql`lower(d.title) AS lt, lower(d.body) AS lb` : sql`NULL::text AS lt, NULL::text AS lb`} OFFSET 0) l
      ${conds.length ? sql` WHERE ${sql.join(conds, sql` AND `)}` : sql``}
    ) x)
    SELECT
      (SELECT coalesce(json_agg(h), '[]'::json) FROM (
        SELECT m.type, m.id, m.title, m.score FROM c m WHERE m.fails = 0
        ORDER BY m.score DESC, ${typeOrder}m.ft, m.title, m.id LIMIT ${plan.limit} OFFSET ${plan.offset}) h) AS hits,
      (SELECT coalesce(json_agg(f), '[]'::json) FROM (${sql.join(facetQueries, sql` UNION ALL `)}) f(facet, key, n)) AS counts`;
}

/** The pg_trgm word-similarity threshold the typo fallback sets for its statement. */
export function fuzzyThreshold(query: ParsedQuery): number {
  const words = query.terms.filter((t) => t.kind === 'word').length;
  return words > 1 ? FUZZY_MANY : FUZZY_ONE;
}

/** Runs the search statement (see searchStatement); the typo fallback in a transaction that sets the pg_trgm threshold. */
export async function runSearch(ex: Executor, plan: SearchPlan): Promise<{ hits: SearchHitRow[]; counts: FacetCountRow[] }> {
  const statement = searchStatement(plan);
  const run = async (tx: Executor) => {
    if (plan.fuzzy) await tx.execute(sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(fuzzyThreshold(plan.query))}, true)`);
    const row = (await queryRows<{ hits: SearchHitRow[] | string; counts: FacetCountRow[] | string }>(tx, statement))[0];
    const parse = <T>(v: T[] | string | undefined): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : (v ?? []));
    return { hits: parse(row?.hits), counts: parse(row?.counts) };
  };
  return plan.fuzzy ? ex.transaction(run) : run(ex);
}

/** Public details of the hits of one page, for subtitles and snippets. */
export interface HitDetailRow extends Record<string, unknown> {
  id: string;
  subtitle: string | null;
  texts: (string | null)[];
}

/** The public texts of a page of hits (by type), in snippet order, and a subtitle. */
export async function findHitDetails(ex: Executor, ids: { task: string[]; result: string[]; organization: string[]; researcher: string[] }): Promise<Map<string, HitDetailRow>> {
  const out = new Map<string, HitDetailRow>();
  const arr = (list: string[]) => sql`ARRAY[${sql.join(list.map((id) => sql`${id}::uuid`), sql`, `)}]`;
  const run = async (list: string[], query: (ids: SQL) => SQL) => {
    if (!list.length) return;
    for (const r of await queryRows<HitDetailRow>(ex, query(arr(list)))) out.set(r.id, r);
  };
  await run(ids.task, (a) => sql`SELECT t.id, t.code || ' · ' || o.name_vi AS subtitle, ARRAY[t.objectives, t.content, t.expected_products, t.methods, t.pi_name] AS texts FROM task t JOIN organization o ON o.id = t.lead_organization_id WHERE t.id = ANY(${a}) AND t.status = 'published'`);
  await run(ids.result, (a) => sql`SELECT r.id, concat_ws(' · ', t.code, o.name_vi) AS subtitle, ARRAY[r.abstract_vi, array_to_string(r.keywords, '; '), t.title_vi] AS texts FROM result_registration r JOIN task t ON t.id = r.task_id JOIN organization o ON o.id = t.lead_organization_id WHERE r.id = ANY(${a}) AND r.status = 'registered'`);
  await run(ids.organization, (a) => sql`SELECT o.id, concat_ws(' · ', o.code, o.name_abbr) AS subtitle, ARRAY[o.name_en, o.address] AS texts FROM organization o WHERE o.id = ANY(${a})`);
  await run(ids.researcher, (a) => sql`SELECT r.id, o.name_vi AS subtitle, ARRAY[r.position, o.name_vi] AS texts FROM researcher r JOIN organization o ON o.id = r.organization_id WHERE r.id = ANY(${a})`);
  return out;
}

/** Labels of codes of a code list. */
export async function findCodeLabels(ex: Executor, scheme: string, level?: number): Promise<Map<string, { vi: string; en: string }>> {
  const rows = await queryRows<{ code: string; label_vi: string; label_en: string }>(
    ex,
    sql`SELECT code, label_vi, label_en FROM classification_code WHERE scheme_code = ${scheme}${level === undefined ? sql`` : sql` AND level = ${level}`}`,
  );
  return new Map(rows.map((r) => [r.code, { vi: r.label_vi, en: r.label_en }]));
}

/** Names of organizations. */
export async function findOrganizationNames(ex: Executor, ids: string[]): Promise<Map<string, { vi: string; en: string }>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<{ id: string; name_vi: string; name_en: string | null }>(
    ex,
    sql`SELECT id, name_vi, name_en FROM organization WHERE id = ANY(ARRAY[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}])`,
  );
  return new Map(rows.map((r) => [r.id, { vi: r.name_vi, en: r.name_en ?? r.name_vi }]));
}
