import type { SQL } from 'drizzle-orm';
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
