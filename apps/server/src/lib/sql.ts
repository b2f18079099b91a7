import { asc, desc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/types.js';

/** Escapes LIKE wildcards (% _ \) in user text so it matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Runs raw SQL and returns its rows, for either driver (both return `{ rows }`).
 * Use for recursive CTEs, sequences and other SQL the query builder does not express.
 */
export async function queryRows<T extends Record<string, unknown>>(ex: Executor, query: SQL): Promise<T[]> {
  const result = (await ex.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The entries of `input` whose value is not undefined (a PATCH body → the columns to set). */
export function definedOnly<T extends object>(input: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** The sort keys every registry list accepts. */
export type ListSort = 'name' | '-name' | 'updated' | '-updated' | 'code';

/**
 * ORDER BY terms for a registry list. Names sort by an accent-folded key (same order on PGlite's C collation
 * and on PostgreSQL) with a byte-order tie-break and the id last, so paging is stable.
 */
export function listOrder(sort: ListSort, cols: { name: AnyColumn; updatedAt: AnyColumn; code: AnyColumn; id: AnyColumn }): SQL[] {
  const nameKey = sql`lower(immutable_unaccent(${cols.name}))`;
  switch (sort) {
    case 'name':
      return [asc(nameKey), sql`${cols.name} COLLATE "C"`, asc(cols.id)];
    case '-name':
      return [desc(nameKey), sql`${cols.name} COLLATE "C" DESC`, desc(cols.id)];
    case 'updated':
      return [asc(cols.updatedAt), asc(cols.id)];
    case '-updated':
      return [desc(cols.updatedAt), desc(cols.id)];
    case 'code':
      return [asc(cols.code)];
  }
}

/** Condition: the accent-folded, lower-cased column contains the accent-folded text (uses the trigram index). */
export function containsFolded(col: AnyColumn, text: string): SQL {
  return sql`lower(immutable_unaccent(${col})) LIKE lower(immutable_unaccent(${`%${escapeLike(text)}%`}))`;
}
