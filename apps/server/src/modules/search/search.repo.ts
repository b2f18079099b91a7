import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/types.js';
import { escapeLike, queryRows } from '../../lib/sql.js';
import type { ParsedQuery, QueryTerm } from './search-text.js';

/**
 * The public search documents, one row per public record, built from public fields only:
 * published tasks (TT 14/2014 Art 23(2) fields), registered results, organizations (public fields, no
 * internal note, tax code or founding decision), researchers (name, position, organization — no personal data).
 * State-secret tasks are never stored; drafts, submitted and returned tasks and unregistered dossiers are left out here.
 */
function publicDocs(today: string): SQL {
  return sql`
    SELECT 'task'::text AS type, t.id, t.title_vi AS title,
      concat_ws(' ', t.code, t.pi_name, t.objectives, t.content, t.methods, t.expected_products) AS body,
      t.level_code AS level, t.field_codes_2025 AS fields, o.province_unit_id AS province, t.lead_organization_id AS org,
      extract(year FROM t.start_date)::int AS year,
      CASE WHEN t.end_date >= ${today}::date THEN 'ongoing' ELSE 'ended' END AS status
    FROM task t JOIN organization o ON o.id = t.lead_organization_id
    WHERE t.status = 'published'
    UNION ALL
    SELECT 'result', r.id, r.result_title_vi,
      concat_ws(' ', r.abstract_vi, array_to_string(r.keywords, ' '), r.archive_no, t.code, t.title_vi, t.pi_name),
      t.level_code, t.field_codes_2025, o.province_unit_id, t.lead_organization_id,
      extract(year FROM (r.registered_at AT TIME ZONE 'UTC') + interval '7 hours')::int, 'registered'
    FROM result_registration r JOIN task t ON t.id = r.task_id JOIN organization o ON o.id = t.lead_organization_id
    WHERE r.status = 'registered' AND t.status = 'published'
    UNION ALL
    SELECT 'organization', o.id, o.name_vi, concat_ws(' ', o.code, o.name_abbr, o.name_en, o.address),
      NULL::text, ARRAY[o.main_field_code]::text[], o.province_unit_id, o.id, NULL::int, NULL::text
    FROM organization o
    UNION ALL
    SELECT 'researcher', r.id, r.full_name, concat_ws(' ', r.code, r.position, o.name_vi),
      NULL::text, CASE WHEN r.field_code IS NULL THEN '{}'::text[] ELSE ARRAY[r.field_code]::text[] END,
      o.province_unit_id, o.id, NULL::int, NULL::text
    FROM researcher r JOIN organization o ON o.id = r.organization_id`;
}

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
/** Typo tolerance against the longer body text (stricter: long texts share trigrams with anything). */
export const FUZZY_BODY = 0.7;

/** One matched record with what the facets and the ranking need. */
export interface SearchDocRow extends Record<string, unknown> {
  type: 'task' | 'result' | 'organization' | 'researcher';
  id: string;
  title: string;
  level: string | null;
  fields: string[] | null;
  province: string;
  org: string;
  year: number | null;
  status: string | null;
  score: number | string;
}

/**
 * The records matching a query (all of them when there is no term), with a relevance score 0–1:
 *
 * score = Σ_terms [3·title + 1·body + 2·titleExact + 0.5·bodyExact] + 3·word_similarity(plain, title) + 1·(title contains plain)
 *         divided by its maximum, where `title`/`body` mean the folded text contains the term (accent-insensitive) and
 *         `…Exact` that it contains it with the diacritics as typed. A record matches when every phrase and prefix occurs
 *         and every plain word occurs (folded). With `fuzzy` (the service's fallback when nothing matches exactly), all but one
 *         plain word must occur and the plain words be trigram-similar to a part of the title or body (pg_trgm
 *         word_similarity ≥ 0.5 on the title, one word alone ≥ 0.6; ≥ 0.7 on the body): one typo tolerated.
 */
export async function findMatches(ex: Executor, q: ParsedQuery, today: string, fuzzy = false): Promise<SearchDocRow[]> {
  const base = sql`SELECT d.*, lower(immutable_unaccent(d.title)) AS ft, lower(immutable_unaccent(d.body)) AS fb, lower(d.title) AS lt, lower(d.body) AS lb FROM (${publicDocs(today)}) d`;
  if (!q.terms.length) {
    return queryRows<SearchDocRow>(ex, sql`SELECT type, id, title, level, fields, province, org, year, status, 0 AS score FROM (${publicDocs(today)}) d`);
  }
  const ft = sql`x.ft`;
  const fb = sql`x.fb`;
  const strict = q.terms.filter((t) => t.kind !== 'word');
  const words = q.terms.filter((t) => t.kind === 'word');
  const both = (t: QueryTerm) => sql`(${termIn(ft, t)} OR ${termIn(fb, t)})`;
  const conds: SQL[] = strict.map(both);
  const plainFolded = folded(q.plain);
  if (words.length) {
    // every plain word occurs, or all but one do and the plain words are trigram-similar to a part of the text (one typo)
    const occurs = sql.join(words.map((w) => sql`CASE WHEN ${both(w)} THEN 1 ELSE 0 END`), sql` + `);
    const threshold = words.length > 1 ? FUZZY_MANY : FUZZY_ONE;
    conds.push(
      fuzzy
        ? sql`((${occurs}) >= ${words.length - 1} AND (word_similarity(${plainFolded}, ${ft}) >= ${threshold} OR word_similarity(${plainFolded}, ${fb}) >= ${FUZZY_BODY}))`
        : sql`(${occurs}) = ${words.length}`,
    );
  }
  const parts: SQL[] = q.terms.map(
    (t) => sql`(CASE WHEN ${termIn(ft, t)} THEN 3 ELSE 0 END + CASE WHEN ${termIn(fb, t)} THEN 1 ELSE 0 END + CASE WHEN ${exactIn(sql`x.lt`, t)} OR ${exactIn(sql`x.title`, t)} THEN 2 ELSE 0 END + CASE WHEN ${exactIn(sql`x.lb`, t)} THEN 0.5 ELSE 0 END)`,
  );
  let max = q.terms.length * 6.5;
  if (words.length) {
    parts.push(sql`(3 * word_similarity(${plainFolded}, ${ft}) + CASE WHEN ${ft} LIKE ('%' || ${folded(escapeLike(q.plain))} || '%') THEN 1 ELSE 0 END)`);
    max += 4;
  }
  const score = sql`round(((${sql.join(parts, sql` + `)}) / ${max})::numeric, 4)`;
  return queryRows<SearchDocRow>(
    ex,
    sql`SELECT x.type, x.id, x.title, x.level, x.fields, x.province, x.org, x.year, x.status, ${score} AS score FROM (${base}) x WHERE ${sql.join(conds, sql` AND `)}`,
  );
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
