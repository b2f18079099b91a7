import { compareVietnamese, todayInVietnam, type FacetBucket, type SearchFacet, type SearchHit, type SearchQuery, type SearchResponse } from '@stinet/shared';
import { orgUnit, orgUnitSuccession } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import type { OrgUnitRow } from '../org-units/org-units.repo.js';
import { findCodeLabels, findHitDetails, findOrganizationNames, runSearch, type FacetCountRow, type SearchFilters, type SearchHitRow, type SearchPlan } from './search.repo.js';
import { highlight, parseQuery, snippetOf } from './search-text.js';

const TYPE_ORDER = ['task', 'result', 'organization', 'researcher'] as const;
const URL_BASE: Record<SearchHitRow['type'], string> = { task: '/tasks', result: '/results', organization: '/organizations', researcher: '/researchers' };
const STATUS_LABELS: Record<string, { vi: string; en: string }> = {
  ongoing: { vi: 'Đang thực hiện', en: 'Ongoing' },
  ended: { vi: 'Đã kết thúc', en: 'Ended' },
  registered: { vi: 'Đã đăng ký kết quả', en: 'Result registered' },
};
const TYPE_LABELS: Record<string, { vi: string; en: string }> = {
  task: { vi: 'Nhiệm vụ KH&CN', en: 'S&T tasks' },
  result: { vi: 'Kết quả đã đăng ký', en: 'Registered results' },
  organization: { vi: 'Tổ chức KH&CN', en: 'S&T organizations' },
  researcher: { vi: 'Nhà khoa học', en: 'Researchers' },
};
/** How many organizations the organization facet lists (plus any selected one). */
const ORG_FACET_SIZE = 10;

/**
 * Maps units to the unit valid on a date through the succession map (same rule as the statistics aggregates):
 * an ended unit to its single successor, a later unit back to its single predecessor; a unit merged from several
 * cannot be taken back and stays itself.
 */
async function unitResolver(ex: Executor, asOf: string): Promise<{ units: Map<string, OrgUnitRow>; resolve: (id: string) => OrgUnitRow | undefined }> {
  const units = new Map((await ex.select().from(orgUnit)).map((u) => [u.id, u]));
  const successors = new Map<string, string[]>();
  const predecessors = new Map<string, string[]>();
  for (const l of await ex.select().from(orgUnitSuccession)) {
    successors.set(l.predecessorId, [...(successors.get(l.predecessorId) ?? []), l.successorId]);
    predecessors.set(l.successorId, [...(predecessors.get(l.successorId) ?? []), l.predecessorId]);
  }
  const valid = (u: OrgUnitRow) => u.validFrom <= asOf && (u.validTo === null || u.validTo >= asOf);
  const cache = new Map<string, OrgUnitRow | undefined>();
  const resolve = (id: string) => {
    if (cache.has(id)) return cache.get(id);
    let u = units.get(id);
    for (let hops = 0; u && !valid(u) && hops < 10; hops++) {
      const next = u.validTo !== null && u.validTo < asOf ? successors.get(u.id) : predecessors.get(u.id);
      if (!next || next.length !== 1) break;
      u = units.get(next[0] as string);
    }
    cache.set(id, u);
    return u;
  };
  return { units, resolve };
}

/** Answers to searches without words (browsing, e.g. the search page opened empty), reused while nothing changes. */
const browseCache = new Map<string, { at: number; generation: number; value: SearchResponse }>();
/** Bumped by every change of a public record in this process (see {@link publicRecordsChanged}). */
let generation = 0;
/** How long a browse answer is reused at most (other server processes' changes show after this at the latest). */
export const BROWSE_CACHE_MS = 60_000;
const BROWSE_CACHE_SIZE = 200;

/** Called by the hook of public changes (modules/portal/public-record.ts): browse answers of this process are stale. */
export function publicRecordsChanged(): void {
  generation++;
}

/**
 * The public search; a search without words counts every public record (over a million at national scale), so its
 * answer is kept for up to BROWSE_CACHE_MS and dropped at the first change of a public record in this process.
 */
export async function search(ex: Executor, q: SearchQuery): Promise<SearchResponse> {
  if (q.q !== undefined && q.q.trim() !== '') return searchNow(ex, q);
  const key = JSON.stringify([todayInVietnam(), q]);
  const hit = browseCache.get(key);
  const now = Date.now();
  if (hit && hit.generation === generation && now - hit.at < BROWSE_CACHE_MS) return { ...hit.value, tookMs: 0 };
  const seen = generation;
  const value = await searchNow(ex, q);
  if (browseCache.size >= BROWSE_CACHE_SIZE) browseCache.delete(browseCache.keys().next().value as string);
  browseCache.set(key, { at: now, generation: seen, value });
  return value;
}

/**
 * The public search: hits with highlights, total and disjunctive facet counts (each facet counted over the query
 * with every other facet's filter applied, so choosing a value never hides the other values of the same facet),
 * all from one SQL statement over the search documents (search_doc, kept in the transaction of every change).
 */
async function searchNow(ex: Executor, q: SearchQuery): Promise<SearchResponse> {
  const started = performance.now();
  const today = todayInVietnam();
  const asOf = q.provinceAsOf ?? today;
  const parsed = parseQuery(q.q);
  const { units, resolve } = await unitResolver(ex, asOf);
  const chosenProvinces = q.province && new Set(q.province.map((id) => resolve(id)?.id ?? id));
  const filters: SearchFilters = {
    type: q.type,
    level: q.level,
    field: q.field,
    // a stored unit stands for a chosen province when it maps to it on the asked date
    province: chosenProvinces && [...new Set([...chosenProvinces, ...[...units.keys()].filter((id) => chosenProvinces.has(resolve(id)?.id ?? id))])],
    organization: q.organization,
    year: q.year?.map(String),
    status: q.status,
  };
  const plan: SearchPlan = { query: parsed, today, fuzzy: false, filters, topOrganizations: ORG_FACET_SIZE, limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  let found = await runSearch(ex, plan);
  const count = (rows: FacetCountRow[], facet: 'total' | 'matched') => Number(rows.find((r) => r.facet === facet)?.n ?? 0);
  // typo tolerance only when nothing matches as typed: exact queries keep precise totals and facet counts
  const fuzzy = count(found.counts, 'matched') === 0 && parsed.terms.some((t) => t.kind === 'word') && parsed.plain.length >= 3;
  if (fuzzy) found = await runSearch(ex, { ...plan, fuzzy: true });

  const counts: Record<SearchFacet, Map<string, number>> = { type: new Map(), level: new Map(), field: new Map(), province: new Map(), organization: new Map(), year: new Map(), status: new Map() };
  for (const r of found.counts) {
    if (r.facet === 'total' || r.facet === 'matched' || r.key === null) continue;
    const key = r.facet === 'province' ? (resolve(r.key)?.id ?? r.key) : r.key;
    counts[r.facet].set(key, (counts[r.facet].get(key) ?? 0) + Number(r.n));
  }
  const items = await presentHits(ex, found.hits, parsed);
  // the facets' selected values: as asked, provinces as the units valid on the date (not the expanded stored units)
  const chosen: Partial<Record<SearchFacet, Set<string>>> = {};
  for (const f of Object.keys(filters) as SearchFacet[]) {
    const values = filters[f];
    if (values) chosen[f] = f === 'province' ? chosenProvinces : new Set(values);
  }
  const facets = await presentFacets(ex, counts, chosen, resolve);
  return { items, total: count(found.counts, 'total'), page: q.page, pageSize: q.pageSize, approximate: fuzzy, provinceAsOf: asOf, facets, tookMs: Math.round(performance.now() - started) };
}

async function presentHits(ex: Executor, page: SearchHitRow[], parsed: ReturnType<typeof parseQuery>): Promise<SearchHit[]> {
  const ids = { task: [] as string[], result: [] as string[], organization: [] as string[], researcher: [] as string[] };
  for (const d of page) ids[d.type].push(d.id);
  const details = await findHitDetails(ex, ids);
  return page.map((d) => {
    const det = details.get(d.id);
    const snip = snippetOf(det?.texts ?? [], parsed.terms);
    return {
      type: d.type,
      id: d.id,
      title: d.title,
      snippet: snip?.text ?? null,
      subtitle: det?.subtitle ?? null,
      highlight: { title: highlight(d.title, parsed.terms), snippet: snip?.highlight ?? null },
      url: `${URL_BASE[d.type]}/${d.id}`,
      score: Number(d.score),
    };
  });
}

async function presentFacets(
  ex: Executor,
  counts: Record<SearchFacet, Map<string, number>>,
  filters: Partial<Record<SearchFacet, Set<string>>>,
  resolve: (id: string) => OrgUnitRow | undefined,
): Promise<SearchResponse['facets']> {
  const selected = (f: SearchFacet, k: string) => filters[f]?.has(k) ?? false;
  const build = (f: SearchFacet, labels: (k: string) => { vi: string; en: string }, order: (a: FacetBucket, b: FacetBucket) => number): FacetBucket[] => {
    const keys = new Set([...counts[f].keys(), ...(filters[f] ?? [])]);
    return [...keys].map((k) => ({ key: k, label: labels(k).vi, labelEn: labels(k).en, count: counts[f].get(k) ?? 0, selected: selected(f, k) })).sort(order);
  };
  const byCount = (a: FacetBucket, b: FacetBucket) => b.count - a.count || compareVietnamese(a.label, b.label);
  const byKey = (a: FacetBucket, b: FacetBucket) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const [levels, fields] = await Promise.all([findCodeLabels(ex, 'TASK_LEVEL'), findCodeLabels(ex, 'FOS2025', 1)]);
  const topOrgs = [...counts.organization.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, ORG_FACET_SIZE).map(([k]) => k);
  const orgIds = [...new Set([...topOrgs, ...(filters.organization ?? [])])];
  const orgNames = await findOrganizationNames(ex, orgIds);
  const orgCounts = new Map(orgIds.map((k) => [k, counts.organization.get(k) ?? 0]));
  const unknown = (k: string) => ({ vi: k, en: k });
  return {
    type: build('type', (k) => TYPE_LABELS[k] ?? unknown(k), (a, b) => TYPE_ORDER.indexOf(a.key as (typeof TYPE_ORDER)[number]) - TYPE_ORDER.indexOf(b.key as (typeof TYPE_ORDER)[number])),
    level: build('level', (k) => levels.get(k) ?? unknown(k), byCount),
    field: build('field', (k) => fields.get(k) ?? unknown(k), byKey),
    province: build('province', (k) => {
      const u = resolve(k);
      return u ? { vi: u.nameVi, en: u.nameEn } : unknown(k);
    }, byCount),
    organization: [...orgCounts.entries()]
      .map(([k, count]) => ({ key: k, label: orgNames.get(k)?.vi ?? k, labelEn: orgNames.get(k)?.en ?? k, count, selected: selected('organization', k) }))
      .sort(byCount),
    year: build('year', (k) => ({ vi: k, en: k }), (a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0)),
    status: build('status', (k) => STATUS_LABELS[k] ?? unknown(k), (a, b) => a.key.localeCompare(b.key)),
  };
}
