import { and, count, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import { parseListQuery, selectFields, type GrammarFieldKind, type ListGrammarSpec, type ParsedFilter, type ParsedListQuery, type ParsedSort } from '@stinet/shared';
import { AppError } from '../errors.js';
import type { Executor } from '../db/types.js';
import { escapeLike } from './sql.js';

/**
 * SQL of the list query grammar (packages/shared/src/list-grammar.ts), shared by every public list endpoint.
 * An endpoint declares its filterable fields as SQL expressions; this turns a parsed query into WHERE, ORDER BY,
 * keyset (cursor) and GROUP BY SQL. Every value is a bound parameter.
 */

/** One filterable (and optionally groupable) field. */
export interface GrammarColumn {
  kind: GrammarFieldKind;
  /** The SQL expression compared (a scalar column, or a text[] column when `array`). */
  sql: SQL;
  /** The column is an array: a filter matches when any element matches; a group counts each element. */
  array?: boolean;
  /**
   * Equality values also match as a prefix (classification codes: `field:1` is every code under 1); `dotted`:
   * the code itself or any code under it in a dotted hierarchy (`type:1` is 1, 1.1, 1.2 but not 10).
   */
  prefix?: boolean | 'dotted';
  /** Values are identifiers (UUID): a malformed one is a 400 rather than a database error. */
  uuid?: boolean;
}

/** One sort key: the expressions ordered (all NOT NULL) with their SQL type (a cursor casts its values back to it). */
export type GrammarSortKey = { expr: SQL; type: 'text' | 'timestamptz' | 'date' | 'uuid' | 'int' }[];

/** What an endpoint declares. */
export interface GrammarTable {
  columns: Record<string, GrammarColumn>;
  sorts: Record<string, GrammarSortKey>;
  selects: readonly string[];
  groups: readonly string[];
  /** The row id (tie-break of every order and of cursor paging). */
  id: SQL;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(path: string, message: string, code = 'bad_value'): AppError {
  return new AppError('LIST_QUERY_INVALID', [{ path, code, message }]);
}

/** Parses the grammar parameters against the table, or throws LIST_QUERY_INVALID naming every problem. */
export function parseGrammar(
  params: { filter?: string | undefined; sort?: string | undefined; select?: string | undefined; group_by?: string | undefined; cursor?: string | undefined },
  table: GrammarTable,
): ParsedListQuery {
  const spec: ListGrammarSpec = {
    filters: Object.fromEntries(Object.entries(table.columns).map(([k, c]) => [k, c.kind])),
    sorts: Object.keys(table.sorts),
    selects: table.selects,
    groups: table.groups,
  };
  const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Parameters<typeof parseListQuery>[0];
  const parsed = parseListQuery(clean, spec);
  if (!parsed.ok) throw new AppError('LIST_QUERY_INVALID', parsed.problems.map((p) => ({ path: p.path, code: p.code, message: p.message })));
  for (const f of parsed.query.filters) {
    const col = table.columns[f.field] as GrammarColumn;
    if (col.uuid && f.term.op === 'eq') for (const v of f.term.values) if (!UUID.test(v)) throw invalid('filter', `${f.field}: "${v}" is not an identifier`);
  }
  return parsed.query;
}

function typed(col: GrammarColumn, value: string): SQL {
  if (col.kind === 'number') return sql`${Number(value)}`;
  if (col.kind === 'date') return sql`${value}::date`;
  if (col.kind === 'boolean') return sql`${value === 'true'}`;
  return sql`${value}`;
}

function filterSql(col: GrammarColumn, f: ParsedFilter): SQL {
  const t = f.term;
  // an array column: the element is compared inside EXISTS
  const subject = col.array ? sql`g.v` : col.kind === 'string' ? sql`(${col.sql})::text` : col.sql;
  let cond: SQL;
  if (t.op === 'eq') {
    const alts = t.values.map((v) =>
      col.prefix === 'dotted'
        ? sql`(${subject} = ${v} OR ${subject} LIKE ${`${escapeLike(v)}.%`})`
        : col.prefix
          ? sql`${subject} LIKE ${`${escapeLike(v)}%`}`
          : sql`${subject} = ${typed(col, v)}`,
    );
    cond = sql`(${sql.join(alts, sql` OR `)})`;
  } else if (t.op === 'between') cond = sql`(${subject} >= ${typed(col, t.from)} AND ${subject} <= ${typed(col, t.to)})`;
  else cond = t.op === 'gt' ? sql`${subject} > ${typed(col, t.value)}` : sql`${subject} < ${typed(col, t.value)}`;
  if (col.array) cond = sql`EXISTS (SELECT 1 FROM unnest(${col.sql}) AS g(v) WHERE ${cond})`;
  // a negation keeps the rows without a value (NULL compares to nothing)
  return t.op === 'eq' && t.negate ? sql`NOT COALESCE(${cond}, FALSE)` : cond;
}

/** The WHERE conditions of the parsed filters (AND). */
export function grammarWhere(q: ParsedListQuery, table: GrammarTable): SQL[] {
  return q.filters.map((f) => filterSql(table.columns[f.field] as GrammarColumn, f));
}

/** The effective sort keys: the parsed ones or the default. */
function sortKeys(q: ParsedListQuery, fallback: ParsedSort[]): ParsedSort[] {
  return q.sort.length ? q.sort : fallback;
}

/** The ordered expressions with their direction; the id last, in the direction of the first key. */
type Term = { expr: SQL; type: string; desc: boolean };
function orderTerms(q: ParsedListQuery, table: GrammarTable, fallback: ParsedSort[]): Term[] {
  const keys = sortKeys(q, fallback);
  const terms: Term[] = keys.flatMap((k) => (table.sorts[k.field] as GrammarSortKey).map((t) => ({ ...t, desc: k.desc })));
  terms.push({ expr: table.id, type: 'uuid', desc: keys[0]?.desc ?? false });
  return terms;
}

/** ORDER BY terms of the parsed sort (or the default), the id breaking ties. */
export function grammarOrder(q: ParsedListQuery, table: GrammarTable, fallback: ParsedSort[]): SQL[] {
  return orderTerms(q, table, fallback).map((t) => (t.desc ? sql`${t.expr} DESC` : sql`${t.expr} ASC`));
}

/** The sort values of each row, selected as text so a cursor repeats them exactly. */
export function grammarSortValues(q: ParsedListQuery, table: GrammarTable, fallback: ParsedSort[]): SQL<string[]> {
  const terms = orderTerms(q, table, fallback);
  return sql<string[]>`ARRAY[${sql.join(terms.map((t) => sql`(${t.expr})::text`), sql`, `)}]`;
}

function signature(q: ParsedListQuery, fallback: ParsedSort[]): string {
  return sortKeys(q, fallback)
    .map((k) => `${k.desc ? '-' : ''}${k.field}`)
    .join(',');
}

/** A value the database can cast to the type of a sort key (a forged cursor is a 400, not a database error). */
function castable(type: string, v: string): boolean {
  if (type === 'uuid') return UUID.test(v);
  if (type === 'int') return /^-?\d{1,9}$/.test(v);
  if (type === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
  if (type === 'timestamptz') return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(v) && !Number.isNaN(Date.parse(v.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')));
  return true;
}

/** Encodes the cursor after a row (its sort values). */
export function encodeCursor(q: ParsedListQuery, fallback: ParsedSort[], values: string[]): string {
  return Buffer.from(JSON.stringify({ s: signature(q, fallback), v: values })).toString('base64url');
}

/**
 * The keyset condition of a cursor: rows strictly after the one it names, in the order of the sort.
 * `*` (the first page) is no condition. A cursor that is not ours, or was made for another sort, is a 400.
 */
export function grammarCursor(q: ParsedListQuery, table: GrammarTable, fallback: ParsedSort[]): SQL | undefined {
  if (q.cursor === null || q.cursor === '*') return undefined;
  const terms = orderTerms(q, table, fallback);
  let values: unknown;
  let sig: unknown;
  try {
    const decoded = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')) as { s?: unknown; v?: unknown };
    values = decoded.v;
    sig = decoded.s;
  } catch {
    throw invalid('cursor', 'cursor: not a cursor of this list (start with cursor=*)');
  }
  if (sig !== signature(q, fallback)) throw invalid('cursor', 'cursor: made for another sort, or not a cursor of this list (start with cursor=*)');
  if (!Array.isArray(values) || values.length !== terms.length || !values.every((v, i) => typeof v === 'string' && castable((terms[i] as Term).type, v))) {
    throw invalid('cursor', 'cursor: not a cursor of this list (start with cursor=*)');
  }
  // (k1 after v1) OR (k1 = v1 AND k2 after v2) OR …; each value cast back through the expression's own type
  const ors: SQL[] = [];
  for (let i = 0; i < terms.length; i++) {
    const eqs = terms.slice(0, i).map((t, j) => sql`${t.expr} = CAST(${values[j] as string} AS ${sql.raw(t.type)})`);
    const t = terms[i] as Term;
    const after = sql`${t.expr} ${t.desc ? sql`<` : sql`>`} CAST(${values[i] as string} AS ${sql.raw(t.type)})`;
    ors.push(sql`(${sql.join([...eqs, after], sql` AND `)})`);
  }
  return sql`(${sql.join(ors, sql` OR `)})`;
}

/** The grouping expression and whether it unnests (an array column counts each element). */
export function grammarGroup(q: ParsedListQuery, table: GrammarTable): { key: SQL; array: boolean } | null {
  if (!q.groupBy) return null;
  const col = table.columns[q.groupBy] as GrammarColumn;
  return { key: col.sql, array: col.array === true };
}

/** A page of rows (with the next cursor under cursor paging), or counts per value. */
export type GrammarResult<Row> = { kind: 'items'; rows: Row[]; total: number; nextCursor: string | null | undefined } | { kind: 'groups'; groups: { key: string | null; count: number }[]; total: number };

/** Where the rows of a list come from: a table, inner joins, and the selection of one row (default: the table). */
export interface GrammarSource {
  from: PgTable;
  joins?: { table: PgTable; on: SQL }[];
  row?: Record<string, unknown>;
}

// drizzle's builder types do not follow a dynamic list of joins; the queries are plain SELECTs
type Dyn = {
  from(t: unknown): Dyn;
  innerJoin(t: unknown, on: SQL): Dyn;
  where(c: SQL | undefined): Dyn;
  groupBy(...g: unknown[]): Dyn;
  orderBy(...o: SQL[]): Dyn;
  limit(n: number): Dyn;
  offset(n: number): Dyn;
  as(alias: string): unknown;
} & PromiseLike<Record<string, unknown>[]>;

function selectFrom(ex: Executor, src: GrammarSource, fields: Record<string, unknown>): Dyn {
  let qb = (ex.select as unknown as (f: Record<string, unknown>) => Dyn)(fields).from(src.from);
  for (const j of src.joins ?? []) qb = qb.innerJoin(j.table, j.on);
  return qb;
}

/**
 * Runs a list with the grammar: `base` are the endpoint's own conditions (what the public may see, `q`), the parsed
 * filters are added to them; then either counts per value, a keyset page after the cursor, or a numbered page.
 */
export async function runGrammarList<Row>(
  ex: Executor,
  src: GrammarSource,
  base: (SQL | undefined)[],
  table: GrammarTable,
  q: ParsedListQuery,
  fallback: ParsedSort[],
  page: number,
  pageSize: number,
): Promise<GrammarResult<Row>> {
  const cond = and(...base, ...grammarWhere(q, table));
  const total = Number((await selectFrom(ex, src, { n: count() }).where(cond))[0]?.n ?? 0);
  const group = grammarGroup(q, table);
  if (group) {
    const key = group.array ? sql<string | null>`unnest(${group.key})::text` : sql<string | null>`(${group.key})::text`;
    const inner = selectFrom(ex, src, { k: key.as('k') }).where(cond).as('g');
    const k = sql`"g"."k"`;
    const rows = (await (ex.select as unknown as (f: Record<string, unknown>) => Dyn)({ key: k, count: sql<number>`count(*)::int` })
      .from(inner)
      .groupBy(k)
      .orderBy(sql`count(*) DESC`, sql`${k} ASC NULLS LAST`)) as { key: string | null; count: number }[];
    return { kind: 'groups', groups: rows.map((r) => ({ key: r.key, count: Number(r.count) })), total };
  }
  const order = grammarOrder(q, table, fallback);
  const rowFields = src.row ?? getTableColumns(src.from);
  if (q.cursor !== null) {
    const after = grammarCursor(q, table, fallback);
    const rows = (await selectFrom(ex, src, { ...rowFields, __keys: grammarSortValues(q, table, fallback) })
      .where(and(cond, after))
      .orderBy(...order)
      .limit(pageSize + 1)) as (Record<string, unknown> & { __keys: string[] })[];
    const more = rows.length > pageSize;
    const pageRows = rows.slice(0, pageSize);
    const last = pageRows[pageRows.length - 1];
    return {
      kind: 'items',
      rows: pageRows.map(({ __keys: _keys, ...row }) => row as Row),
      total,
      nextCursor: more && last ? encodeCursor(q, fallback, last.__keys) : null,
    };
  }
  const rows = (await selectFrom(ex, src, rowFields)
    .where(cond)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize)) as Row[];
  return { kind: 'items', rows, total, nextCursor: undefined };
}

/** Requests per minute and IP of an anonymous client on a public list endpoint. */
export const PUBLIC_LIST_PER_MINUTE = 120;

/**
 * Route config of a public list endpoint: anonymous clients are limited per IP (with `x-ratelimit-*` headers);
 * signed-in callers are not. Checked after authentication (preHandler), so the caller is known.
 */
export const publicListRateLimit = {
  rateLimit: {
    max: PUBLIC_LIST_PER_MINUTE,
    timeWindow: '1 minute',
    hook: 'preHandler' as const,
    keyGenerator: (req: FastifyRequest) => req.ip,
    allowList: (req: FastifyRequest) => req.actor !== null,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  },
};

/**
 * The answer of a grammar list: counts per value, or the page of presented items trimmed to `select`
 * (with `next_cursor` under cursor paging).
 */
export async function grammarAnswer<Row, Item extends Record<string, unknown>>(
  result: GrammarResult<Row>,
  query: ParsedListQuery,
  page: number,
  pageSize: number,
  present: (rows: Row[]) => Promise<Item[]>,
) {
  if (result.kind === 'groups') return { groups: result.groups, total: result.total };
  const items = (await present(result.rows)).map((item) => selectFields(item, query.select));
  return { items, total: result.total, page: query.cursor === null ? page : 1, pageSize, ...(result.nextCursor === undefined ? {} : { next_cursor: result.nextCursor }) };
}
