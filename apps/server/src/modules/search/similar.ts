import { sql } from 'drizzle-orm';
import type { SimilarItem, SimilarPassage, SimilarTasksBody, SimilarTasksResponse } from '@stinet/shared';
import type { Executor } from '../../db/types.js';
import type { RequestContext } from '../../http/context.js';
import { queryRows } from '../../lib/sql.js';
import { requireRole } from '../access/access.service.js';
import { foldWithMap, markRanges } from './search-text.js';

/**
 * Similar-task check (Decree 11/2014 Art 11: management agencies check the database before selecting and
 * approving a task). Compares a proposal (title, summary) with published tasks and registered results, public
 * fields only, so what it shows is what anyone may read; it is limited to signed-in staff because it is costly.
 *
 * 1. Preselection in SQL over the search documents (bounded to PRESELECT candidates): the folded record text must contain
 *    one of the proposal's syllable bigrams (up to MAX_BIGRAMS, title bigrams first) or have a title trigram similarity ≥ 0.3.
 * 2. Re-ranking in TypeScript, deterministic: features = distinct folded syllables (weight 1, stop words 0.2) and
 *    adjacent syllable bigrams (weight 2, none when both syllables are stop words); weighted token-set cosine
 *    cos(A,B) = Σ_{f∈A∩B} w(f)² / (‖A‖·‖B‖).
 *    titleScore = cos(proposal title, record title); textScore = cos(proposal title + summary, record title + texts);
 *    score = 0.5·titleScore + 0.5·textScore with a summary, 0.7·titleScore + 0.3·textScore without; 4 decimals;
 *    ties by type (tasks first) and id.
 * 3. Passages: the sentences of the record that share the most feature weight with the proposal (at least one bigram
 *    or two syllables), up to three, the shared syllables marked.
 */

/** Candidates preselected by SQL for the re-ranking. */
export const PRESELECT = 200;
/** Bigrams of the proposal used by the preselection. */
export const MAX_BIGRAMS = 40;

/** Folded Vietnamese function words and words of every task title: low weight, never a bigram on their own. */
const STOP = new Set(
  'va cua cac cho trong tai tren voi de la mot nhung duoc theo ve tu den nham nay do co khong o hoac bang nhu khi sau truoc giua qua vao ra thi ma nen cung da dang se rat nhieu it hon nhat moi tung phan nghien cuu xay dung giai phap mot so'.split(' '),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** Folded syllables of a text. */
export function syllables(text: string): string[] {
  return foldWithMap(text).folded.match(WORD) ?? [];
}

/** Weighted feature set (syllables and syllable bigrams) of a text. */
export function features(text: string): Map<string, number> {
  const toks = syllables(text);
  const out = new Map<string, number>();
  toks.forEach((t, i) => {
    out.set(t, STOP.has(t) ? 0.2 : 1);
    const next = toks[i + 1];
    if (next !== undefined && !(STOP.has(t) && STOP.has(next))) out.set(`${t} ${next}`, 2);
  });
  return out;
}

/** Weighted token-set cosine of two feature sets (0–1). */
export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [f, w] of a) {
    na += w * w;
    const v = b.get(f);
    if (v !== undefined) dot += w * v;
  }
  for (const w of b.values()) nb += w * w;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

interface CandidateRow extends Record<string, unknown> {
  type: 'task' | 'result';
  id: string;
  code: string | null;
  title: string;
  objectives: string | null;
  content: string | null;
  expected: string | null;
  abstract: string | null;
  keywords: string | null;
}

/** The sentences of a field that share the most with the proposal, with the shared syllables marked. */
function passagesOf(fields: [SimilarPassage['field'], string | null][], query: Map<string, number>): SimilarPassage[] {
  const found: (SimilarPassage & { weight: number; order: number })[] = [];
  let order = 0;
  for (const [field, text] of fields) {
    if (!text) continue;
    for (const sentence of text.split(/(?<=[.;!?])\s+|\n+/)) {
      const s = sentence.trim();
      if (!s) continue;
      order++;
      const f = features(s);
      let weight = 0;
      for (const [k, w] of f) if (query.has(k)) weight += w * (query.get(k) as number);
      if (weight < 2) continue;
      const { nfc, folded, map } = foldWithMap(s.length > 400 ? `${s.slice(0, 400)} …` : s);
      const ranges: [number, number][] = [];
      for (const m of folded.matchAll(WORD)) {
        if (!STOP.has(m[0]) && query.has(m[0])) ranges.push([map[m.index] as number, (map[m.index + m[0].length - 1] as number) + 1]);
      }
      found.push({ field, text: nfc, highlight: markRanges(nfc, ranges), weight, order });
    }
  }
  return found
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .slice(0, 3)
    .map(({ field, text, highlight }) => ({ field, text, highlight }));
}

/**
 * Preselection over the search documents of tasks and results (public text, kept in the transaction of every change):
 * the folded text contains one of the bigrams (trigram index on `doc_folded`) or the folded title is trigram-similar
 * (pg_trgm `%`, similarity ≥ 0.3, trigram index on the folded titles); ranked by bigram hits + 4 · title
 * similarity; then the texts of the PRESELECT best, read from the records themselves.
 */
async function findCandidates(ex: Executor, bigrams: string[], foldedTitle: string, exclude: string): Promise<CandidateRow[]> {
  const hits = bigrams.length ? sql.join(bigrams.map((bg) => sql`CASE WHEN d.doc_folded LIKE ${`%${bg}%`} THEN 1 ELSE 0 END`), sql` + `) : sql`0`;
  const anyBigram = bigrams.map((bg) => sql`d.doc_folded LIKE ${`%${bg}%`}`);
  const selected = sql.join([...anyBigram, sql`(d.entity_type IN ('task', 'result') AND d.title_folded % ${foldedTitle})`], sql` OR `);
  return queryRows<CandidateRow>(
    ex,
    sql`WITH pre AS (
      SELECT d.entity_type AS type, d.entity_id AS id, (${hits}) + 4 * similarity(${foldedTitle}, d.title_folded) AS pre
      FROM search_doc d
      WHERE d.entity_type IN ('task', 'result') AND (${selected})
        AND NOT (d.entity_type = 'task' AND d.entity_id = ${exclude}::uuid)
        AND NOT (d.entity_type = 'result' AND d.entity_id IN (SELECT r.id FROM result_registration r WHERE r.task_id = ${exclude}::uuid))
      ORDER BY pre DESC, d.entity_id LIMIT ${PRESELECT}
    )
    SELECT p.type, p.id, t.code, t.title_vi AS title, t.objectives, t.content, t.expected_products AS expected, NULL::text AS abstract, NULL::text AS keywords
    FROM pre p JOIN task t ON p.type = 'task' AND t.id = p.id
    UNION ALL
    SELECT p.type, p.id, r.archive_no, r.result_title_vi, NULL, NULL, NULL, r.abstract_vi, array_to_string(r.keywords, '; ')
    FROM pre p JOIN result_registration r ON p.type = 'result' AND r.id = p.id`,
  );
}

/** Ranks published tasks and registered results by similarity to a proposed task. Staff only. */
export async function similarTasks(ex: Executor, ctx: RequestContext, body: SimilarTasksBody): Promise<SimilarTasksResponse> {
  requireRole(ctx, 'national_admin', 'focal_officer', 'reviewer', 'org_reporter');
  const started = performance.now();
  const titleToks = syllables(body.title);
  const allToks = syllables(`${body.title} ${body.summary ?? ''}`);
  const bigrams: string[] = [];
  for (const toks of [titleToks, allToks]) {
    for (let i = 0; i + 1 < toks.length && bigrams.length < MAX_BIGRAMS; i++) {
      const a = toks[i] as string;
      const b = toks[i + 1] as string;
      const bg = `${a} ${b}`;
      if (!(STOP.has(a) && STOP.has(b)) && !bigrams.includes(bg)) bigrams.push(bg);
    }
  }
  const foldedTitle = titleToks.join(' ');
  const exclude = body.excludeTaskId ?? '00000000-0000-0000-0000-000000000000';
  const rows = await findCandidates(ex, bigrams, foldedTitle, exclude);
  const qTitle = features(body.title);
  const qAll = features(`${body.title} ${body.summary ?? ''}`);
  const hasSummary = !!body.summary && body.summary.trim().length > 0;
  const items: SimilarItem[] = rows.map((r) => {
    const texts = [r.objectives, r.content, r.expected, r.abstract, r.keywords].filter((t): t is string => !!t).join(' ');
    const titleScore = cosine(qTitle, features(r.title));
    const textScore = cosine(qAll, features(`${r.title} ${texts}`));
    const score = hasSummary ? 0.5 * titleScore + 0.5 * textScore : 0.7 * titleScore + 0.3 * textScore;
    const fields: [SimilarPassage['field'], string | null][] =
      r.type === 'task'
        ? [['title', r.title], ['objectives', r.objectives], ['content', r.content], ['expectedProducts', r.expected]]
        : [['title', r.title], ['abstract', r.abstract], ['keywords', r.keywords]];
    return {
      type: r.type,
      id: r.id,
      code: r.code,
      title: r.title,
      url: `/${r.type === 'task' ? 'tasks' : 'results'}/${r.id}`,
      score: round4(score),
      titleScore: round4(titleScore),
      textScore: round4(textScore),
      passages: passagesOf(fields, qAll),
    };
  });
  items.sort((a, b) => b.score - a.score || (a.type === b.type ? 0 : a.type === 'task' ? -1 : 1) || (a.id < b.id ? -1 : 1));
  return { items: items.slice(0, body.limit), candidates: rows.length, tookMs: Math.round(performance.now() - started) };
}
