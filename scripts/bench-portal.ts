// The portal benchmark of `npm run bench -- --only portal` (issue #5), on a seeded PostgreSQL database: the search API
// beside the raw SQL of the same query and a plain ILIKE scan; the similar-task check beside a brute-force scan of every
// public task and result; a full OAI-PMH ListRecords harvest beside a raw keyset read of the same rows, with the SQL
// statements each OAI page sent.
import type { AddressInfo } from 'node:net';
import { sql, type SQL } from 'drizzle-orm';
import type { SearchResponse, SimilarTasksResponse } from '@stinet/shared';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config/env.js';
import { createDb } from '../apps/server/src/db/client.js';
import type { Db } from '../apps/server/src/db/types.js';
import { queryRows } from '../apps/server/src/lib/sql.js';
import { runSearch, searchStatement, type SearchPlan } from '../apps/server/src/modules/search/search.repo.js';
import { parseQuery } from '../apps/server/src/modules/search/search-text.js';
import { cosine, features } from '../apps/server/src/modules/search/similar.js';
import { todayInVietnam } from '@stinet/shared';

/** Options of the portal benchmark. */
export interface PortalBenchOptions {
  /** A seeded stinet database on PostgreSQL. */
  url: string;
  /** Timed runs per search query after one warm-up. */
  reps: number;
  /** Proposals checked by the similar-task API; the brute-force scan runs for the first `bruteProposals`. */
  proposals: number;
  bruteProposals: number;
  /** Stop the OAI harvest after this many records (0: the whole list). */
  harvestLimit: number;
  log: (msg: string) => void;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const fmt = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`);
const int = (n: number) => Math.round(n).toLocaleString('en');

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function series(reps: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) times.push((await timed(fn)).ms);
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p95: pct(times, 95) };
}

/** The search queries measured: accent-free and accented text, a phrase, a prefix, a typo, filters, browsing. */
const QUERIES: { label: string; q?: string; params?: Record<string, string> }[] = [
  { label: 'words without diacritics', q: 'cong nghe sinh hoc' },
  { label: 'words with diacritics', q: 'công nghệ sinh học' },
  { label: 'phrase', q: '"bien doi khi hau"' },
  { label: 'prefix', q: 'vi mach ban dan*' },
  { label: 'typo (fallback)', q: 'duoc lieuu' },
  { label: 'words + filters (type, level)', q: 'tri tue nhan tao', params: { type: 'task', level: 'QG|BO' } },
  { label: 'researcher name', q: 'nguyen thi huong' },
  { label: 'rare word', q: 'polyme composite' },
  { label: 'browse: every organization, no words', params: { type: 'organization' } },
];

/** A naive implementation's query: ILIKE over the live public records (no folding, no index), the first 20 and the total. */
function ilikeStatement(q: string | undefined, type: string | undefined): SQL {
  const terms = parseQuery(q).terms.map((t) => `%${t.raw.replace(/[%_\\]/g, '\\$&')}%`);
  const conds = terms.map((p) => sql`(s.title ILIKE ${p} OR s.body ILIKE ${p})`);
  if (type) conds.push(sql`s.entity_type = ${type}`);
  return sql`SELECT s.entity_type, s.entity_id, s.title, count(*) OVER () AS total FROM search_doc_source s
    ${conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``} ORDER BY s.title LIMIT 20`;
}

/** Counts `execute` calls on the database handle (every SQL statement the OAI-PMH provider sends goes through it). */
function countingDb(db: Db): { db: Db; count: () => number } {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const v: unknown = Reflect.get(target, prop, receiver);
      if (prop === 'execute' && typeof v === 'function') {
        return (...args: unknown[]) => {
          n++;
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { db: proxy, count: () => n };
}

/** Runs the portal benchmark and returns its markdown section. */
export async function runPortalBench(o: PortalBenchOptions): Promise<string> {
  const handle = await createDb({ database: { kind: 'postgres', url: o.url, poolMax: 4 } });
  const db = handle.db;
  const counting = countingDb(db);
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: o.url, SEED_ON_START: 'none', WEB_DIST_DIR: '/nonexistent', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', OAI_REPOSITORY_IDENTIFIER: 'stinet.gov.vn' });
  const app = await buildApp({ config, db: counting.db, dbKind: 'postgres', logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const out: string[] = [];
  try {
    const docs = await queryRows<{ entity_type: string; n: string }>(db, sql`SELECT entity_type, count(*)::text AS n FROM search_doc GROUP BY 1 ORDER BY 1`);
    const totalDocs = docs.reduce((s, r) => s + Number(r.n), 0);
    const size = (await queryRows<{ t: string; i: string }>(db, sql`SELECT pg_size_pretty(pg_table_size('search_doc')) AS t, pg_size_pretty(pg_indexes_size('search_doc')) AS i`))[0];
    out.push(`### Search (${int(totalDocs)} public records: ${docs.map((d) => `${int(Number(d.n))} ${d.entity_type}s`).join(', ')}; search_doc ${size?.t}, its indexes ${size?.i})\n`);
    out.push(`Each query ${o.reps} times after a warm-up, one at a time. API = \`GET /api/search\` over HTTP (hits, highlights, snippets, every facet, total);`);
    out.push('raw SQL = the one statement the API sends, run directly; ILIKE = a plain `ILIKE` scan of the live public records (first 20 and the total, no facets, no folding).\n');
    out.push('| query | hits | API p50 | API p95 | raw SQL p50 | raw SQL p95 | ILIKE p50 | ILIKE p95 | ILIKE hits |');
    out.push('|---|---|---|---|---|---|---|---|---|');
    const today = todayInVietnam();
    for (const query of QUERIES) {
      const params = new URLSearchParams({ ...(query.q ? { q: query.q } : {}), pageSize: '20', ...(query.params ?? {}) });
      const api = async () => {
        const res = await fetch(`${base}/api/search?${params}`);
        if (res.status !== 200) throw new Error(`search ${params}: ${res.status} ${await res.text()}`);
        return (await res.json()) as SearchResponse;
      };
      const answer = await api();
      const parsed = parseQuery(query.q);
      const filters = query.params?.type ? { type: query.params.type.split('|'), ...(query.params.level ? { level: query.params.level.split('|') } : {}) } : {};
      const plan: SearchPlan = { query: parsed, today, fuzzy: answer.approximate, filters, topOrganizations: 10, limit: 20, offset: 0 };
      const raw = answer.approximate ? () => runSearch(db, plan) : () => db.execute(searchStatement(plan));
      const ilike = ilikeStatement(query.q, query.params?.type);
      const ilikeHits = Number((await queryRows<{ total: string }>(db, ilike))[0]?.total ?? 0);
      const a = await series(o.reps, api);
      const r = await series(o.reps, raw);
      const i = await series(Math.max(3, Math.floor(o.reps / 3)), () => db.execute(ilike));
      o.log(`search ${query.label}: ${answer.total} hits, api p50 ${fmt(a.p50)}`);
      out.push(`| ${query.label}: \`${query.q ?? ''}\`${query.params ? ` ${new URLSearchParams(query.params).toString().replace(/%7C/g, '|')}` : ''} | ${int(answer.total)}${answer.approximate ? ' (approx.)' : ''} | ${fmt(a.p50)} | ${fmt(a.p95)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(i.p50)} | ${fmt(i.p95)} | ${int(ilikeHits)} |`);
    }
    out.push('');

    // similar-task check
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'stinet-demo-2026' }) });
    if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    const csrf = ((await login.json()) as { csrfToken?: string }).csrfToken ?? '';
    const sample = await queryRows<{ id: string; title_vi: string; objectives: string | null }>(
      db,
      sql`SELECT t.id, t.title_vi, t.objectives FROM task t WHERE t.status = 'published' ORDER BY md5(t.id::text) LIMIT ${o.proposals}`,
    );
    const proposals = sample.map((t) => {
      const words = t.title_vi.split(' ');
      return { source: t.id, title: ['Nghiên cứu', ...words.slice(2)].join(' '), summary: (t.objectives ?? '').split(/(?<=\.)\s/)[0] ?? '' };
    });
    const times: number[] = [];
    const topOf = new Map<string, string[]>();
    let found = 0;
    for (const p of proposals) {
      const { ms, value } = await timed(async () => {
        const res = await fetch(`${base}/api/similar-tasks`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify({ title: p.title, summary: p.summary, limit: 10 }) });
        if (res.status !== 200) throw new Error(`similar: ${res.status} ${await res.text()}`);
        return (await res.json()) as SimilarTasksResponse;
      });
      times.push(ms);
      topOf.set(p.source, value.items.map((i) => i.id));
      if (value.items.slice(0, 3).some((i) => i.id === p.source)) found++;
    }
    times.sort((a, b) => a - b);
    // brute force: every public task and result read and compared with the same score, for the first proposals
    const brute: number[] = [];
    let overlap = 0;
    let compared = 0;
    let scanned = 0;
    for (const p of proposals.slice(0, o.bruteProposals)) {
      const { ms, value } = await timed(async () => {
        const qTitle = features(p.title);
        const qAll = features(`${p.title} ${p.summary}`);
        const scores: { id: string; score: number }[] = [];
        let lastType = '';
        let lastId = '00000000-0000-0000-0000-000000000000';
        for (;;) {
          const rows = await queryRows<{ entity_type: string; entity_id: string; title: string; texts: string }>(
            db,
            sql`SELECT s.entity_type, s.entity_id, s.title, concat_ws(' ', t.objectives, t.content, t.expected_products, r.abstract_vi, array_to_string(r.keywords, '; ')) AS texts
              FROM search_doc s LEFT JOIN task t ON s.entity_type = 'task' AND t.id = s.entity_id LEFT JOIN result_registration r ON s.entity_type = 'result' AND r.id = s.entity_id
              WHERE s.entity_type IN ('task', 'result') AND (s.entity_type, s.entity_id) > (${lastType}, ${lastId}::uuid)
              ORDER BY s.entity_type, s.entity_id LIMIT 5000`,
          );
          if (!rows.length) break;
          for (const r of rows) {
            const titleScore = cosine(qTitle, features(r.title));
            const textScore = cosine(qAll, features(`${r.title} ${r.texts}`));
            scores.push({ id: r.entity_id, score: 0.5 * titleScore + 0.5 * textScore });
          }
          const last = rows[rows.length - 1] as (typeof rows)[number];
          lastType = last.entity_type;
          lastId = last.entity_id;
        }
        scanned = scores.length;
        return scores.sort((a, b) => b.score - a.score).slice(0, 10).map((s) => s.id);
      });
      brute.push(ms);
      const api = new Set(topOf.get(p.source) ?? []);
      overlap += value.filter((id) => api.has(id)).length;
      compared += value.length;
    }
    brute.sort((a, b) => a - b);
    out.push(`### Similar-task check (${int(scanned)} public tasks and results)\n`);
    out.push(`${proposals.length} proposals made from published tasks (title with its first two words replaced by "Nghiên cứu", the first sentence of its objectives as summary), \`POST /api/similar-tasks\` over HTTP, limit 10.`);
    out.push(`Brute force = every public task and result read from the database and scored with the same formula in TypeScript (the first ${brute.length} proposals).\n`);
    out.push('| | p50 | p95 | notes |');
    out.push('|---|---|---|---|');
    out.push(`| similar-task API (preselection by the trigram index, ≤ 200 candidates re-ranked) | ${fmt(pct(times, 50))} | ${fmt(pct(times, 95))} | the source task in the top 3 for ${found} of ${proposals.length} |`);
    out.push(`| brute-force scan | ${fmt(pct(brute, 50))} | ${fmt(pct(brute, 95))} | its top 10 shared with the API's top 10: ${compared ? Math.round((100 * overlap) / compared) : 0} % |`);
    out.push('');

    // OAI-PMH harvest
    const before = counting.count();
    const pages: number[] = [];
    let records = 0;
    let deleted = 0;
    let token: string | null = null;
    let listSize = 0;
    const harvest = await timed(async () => {
      for (;;) {
        const started = counting.count();
        const url = token ? `${base}/oai?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}` : `${base}/oai?verb=ListRecords&metadataPrefix=oai_dc`;
        const xml = await (await fetch(url)).text();
        pages.push(counting.count() - started);
        records += (xml.match(/<record>/g) ?? []).length;
        deleted += (xml.match(/status="deleted"/g) ?? []).length;
        const size = /completeListSize="(\d+)"/.exec(xml);
        if (size) listSize = Number(size[1]);
        const m = /<resumptionToken[^>]*>([^<]*)<\/resumptionToken>/.exec(xml);
        token = m && m[1] ? m[1] : null;
        if (!token || (o.harvestLimit > 0 && records >= o.harvestLimit)) break;
        if (pages.length % 500 === 0) o.log(`oai: ${records} records`);
      }
    });
    const statements = counting.count() - before;
    const pageSize = config.oai.pageSize;
    // the limit: the same rows read by keyset straight from the database, with the columns oai_dc shows
    let rawRows = 0;
    const raw = await timed(async () => {
      let after: { d: string; id: string } | null = null;
      while (rawRows < records) {
        const rows: { datestamp: string; id: string }[] = await queryRows<{ datestamp: string; id: string }>(
          db,
          sql`SELECT i.datestamp::text AS datestamp, i.id, i.deleted, i.sets, o.name_vi, o.name_en, p.full_name, p.position, t.title_vi, t.objectives, t.start_date, rr.result_title_vi, rr.abstract_vi
            FROM oai_item i
            LEFT JOIN organization o ON i.entity_type = 'organization' AND o.id = i.entity_id
            LEFT JOIN researcher p ON i.entity_type = 'person' AND p.id = i.entity_id
            LEFT JOIN task t ON i.entity_type = 'project' AND t.id = i.entity_id
            LEFT JOIN result_registration rr ON i.entity_type = 'product' AND rr.id = i.entity_id
            ${after ? sql`WHERE (i.datestamp, i.id) > (${after.d}::timestamptz, ${after.id}::uuid)` : sql``}
            ORDER BY i.datestamp, i.id LIMIT ${pageSize}`,
        );
        if (!rows.length) break;
        rawRows += rows.length;
        const last = rows[rows.length - 1] as { datestamp: string; id: string };
        after = { d: last.datestamp, id: last.id };
      }
    });
    const sortedPages = [...pages].sort((a, b) => a - b);
    out.push(`### OAI-PMH harvest (${int(listSize)} items in the list${o.harvestLimit ? `; stopped after ${int(records)}` : ''})\n`);
    out.push(`\`ListRecords\` with \`metadataPrefix=oai_dc\` over HTTP, following every resumption token, page size ${pageSize}; the raw read takes the same number of rows by keyset straight from the item list and the four record tables.\n`);
    out.push('| | records | pages | time | records/s | SQL statements per page (min / median / max) |');
    out.push('|---|---|---|---|---|---|');
    out.push(`| OAI-PMH harvest | ${int(records)} (${int(deleted)} deleted) | ${int(pages.length)} | ${fmt(harvest.ms)} | ${int(records / (harvest.ms / 1000))} | ${sortedPages[0]} / ${pct(sortedPages, 50)} / ${sortedPages[sortedPages.length - 1]} (${int(statements)} in all) |`);
    out.push(`| raw keyset read (the limit) | ${int(rawRows)} | ${int(Math.ceil(rawRows / pageSize))} | ${fmt(raw.ms)} | ${int(rawRows / (raw.ms / 1000))} | 1 |`);
    out.push('');
    return out.join('\n');
  } finally {
    await app.close();
    await handle.close();
  }
}
