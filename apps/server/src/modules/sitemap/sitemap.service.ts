import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/types.js';
import { notFound } from '../../errors.js';
import { queryRows } from '../../lib/sql.js';
import { XmlWriter } from '../oai/oai.xml.js';

/** At most this many URLs per sitemap file (the protocol's limit is 50,000). */
export const SITEMAP_PAGE_SIZE = 50_000;

/** The public page of each kind of public record, and the sitemap file names. */
const KINDS = {
  tasks: { entityType: 'project', path: '/tasks/' },
  results: { entityType: 'product', path: '/results/' },
  organizations: { entityType: 'organization', path: '/organizations/' },
  researchers: { entityType: 'person', path: '/researchers/' },
} as const;
export type SitemapKind = keyof typeof KINDS | 'pages';

/** Public pages that are not records. */
const STATIC_PAGES = ['/', '/search', '/tasks', '/results', '/organizations', '/researchers', '/statistics', '/open-data', '/org-units', '/focal-points', '/classifications'];

const SQL_KIND: Record<keyof typeof KINDS, string> = { tasks: 'project', results: 'product', organizations: 'organization', researchers: 'person' };

/**
 * The sitemap index: the static pages, then every public record by kind in files of at most 50,000 URLs. The records
 * are the live (not deleted) items of the OAI-PMH item table, which holds exactly the public records and is kept in
 * the transaction of each change; statistical releases come from the published releases.
 */
export async function sitemapIndex(ex: Executor, base: string): Promise<string> {
  const counts = await queryRows<{ entity_type: string; n: number; last: string | null }>(
    ex,
    sql`SELECT entity_type, count(*)::int AS n, to_char(max(datestamp) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last
        FROM oai_item WHERE NOT deleted GROUP BY entity_type`,
  );
  const w = new XmlWriter().open('sitemapindex', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' });
  w.wrap('sitemap', undefined, (x) => x.leaf('loc', `${base}/sitemaps/pages-1.xml`));
  for (const kind of Object.keys(KINDS) as (keyof typeof KINDS)[]) {
    const c = counts.find((r) => r.entity_type === SQL_KIND[kind]);
    const pages = Math.ceil((c?.n ?? 0) / SITEMAP_PAGE_SIZE);
    for (let p = 1; p <= pages; p++) {
      w.wrap('sitemap', undefined, (x) => {
        x.leaf('loc', `${base}/sitemaps/${kind}-${p}.xml`);
        x.optional('lastmod', c?.last ?? null);
      });
    }
  }
  return w.close('sitemapindex').toString();
}

/** One sitemap file: `pages-1`, or page `n` of a kind of record (ordered by id). */
export async function sitemapPage(ex: Executor, base: string, kind: SitemapKind, page: number): Promise<string> {
  const w = new XmlWriter().open('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' });
  if (kind === 'pages') {
    if (page !== 1) throw notFound('sitemap');
    for (const path of STATIC_PAGES) w.wrap('url', undefined, (x) => x.leaf('loc', `${base}${path}`));
    const releases = await queryRows<{ id: string; at: string }>(
      ex,
      sql`SELECT id, to_char(embargo_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at FROM stat_release
          WHERE withdrawn_at IS NULL AND embargo_until <= now() ORDER BY embargo_until, id`,
    );
    for (const r of releases) {
      w.wrap('url', undefined, (x) => {
        x.leaf('loc', `${base}/statistics/releases/${r.id}`);
        x.leaf('lastmod', r.at);
      });
    }
    return w.close('urlset').toString();
  }
  const rows = await queryRows<{ entity_id: string; at: string }>(
    ex,
    sql`SELECT entity_id, to_char(datestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at FROM oai_item
        WHERE entity_type = ${KINDS[kind].entityType} AND NOT deleted
        ORDER BY entity_id LIMIT ${SITEMAP_PAGE_SIZE} OFFSET ${(page - 1) * SITEMAP_PAGE_SIZE}`,
  );
  if (!rows.length && page > 1) throw notFound('sitemap');
  for (const r of rows) {
    w.wrap('url', undefined, (x) => {
      x.leaf('loc', `${base}${KINDS[kind].path}${r.entity_id}`);
      x.leaf('lastmod', r.at);
    });
  }
  return w.close('urlset').toString();
}

/** Whether a sitemap file name is one this server writes. */
export function parseSitemapName(name: string): { kind: SitemapKind; page: number } | null {
  const m = /^(pages|tasks|results|organizations|researchers)-([1-9]\d{0,5})\.xml$/.exec(name);
  return m ? { kind: m[1] as SitemapKind, page: Number(m[2]) } : null;
}
