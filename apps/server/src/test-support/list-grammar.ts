import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { anonymous } from './test-app.js';

/** A page of a public list as the grammar answers it (`next_cursor` in cursor mode). */
export type ListPage = { items: Record<string, unknown>[]; total: number; page: number; pageSize: number; next_cursor?: string | null };
/** A `group_by` answer. */
export type ListGroups = { groups: { key: string | null; count: number }[]; total: number };
/** An error answer with details. */
export type ListError = { error: { code: string; details: { path: string; message: string }[] } };

/**
 * Anonymous calls of a public list narrowed by a search that only the test's records match: `get` answers the raw
 * response, `page` expects 200 and answers the page.
 */
export function publicList(app: () => FastifyInstance, path: string, search: string) {
  const get = async (qs: string) => anonymous(app()).get(`${path}?search=${encodeURIComponent(search)}&${qs}`);
  const page = async (qs: string) => {
    const res = await get(qs);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ListPage;
  };
  return { get, page };
}

/**
 * Follows `next_cursor` from `cursor=*` to the end: every id seen in order, the total the pages reported, and each
 * page's `next_cursor` as answered (so a test can check none was left out).
 */
export async function harvestByCursor(page: (qs: string) => Promise<ListPage>, qs: string): Promise<{ ids: string[]; total: number; nextCursors: (string | null | undefined)[] }> {
  const ids: string[] = [];
  const nextCursors: (string | null | undefined)[] = [];
  let cursor: string | null | undefined = '*';
  let total = -1;
  while (cursor) {
    const p: ListPage = await page(`${qs}&cursor=${encodeURIComponent(cursor)}`);
    ids.push(...p.items.map((i) => i.id as string));
    total = p.total;
    cursor = p.next_cursor;
    nextCursors.push(cursor);
  }
  return { ids, total, nextCursors };
}
