/**
 * The query grammar of list endpoints, after OpenAlex (cris-anchors.md §6):
 * - `filter=field:value,field:a|b,field:!x,year:>2020,year:<2025,year:2020-2024` — filters joined by AND, `|` is OR
 *   within one field, `!` negates, `>`/`<` (exclusive) and `a-b` (inclusive) ranges for numbers and dates;
 * - `sort=field,-field,field:desc` — several keys, first wins;
 * - `select=a,b` — only these top-level fields of each item (`id` is always kept);
 * - `group_by=field` — counts per value instead of items;
 * - `cursor=*` starts keyset paging (the answer has `next_cursor`), beside `page`/`per_page`.
 * Every field named must be declared by the endpoint; an unknown one is an error naming the parameter and the field,
 * so a typo never silently returns everything. Parsing is pure: the server maps the result to SQL per endpoint.
 */

/** How a filterable field compares. */
export type GrammarFieldKind = 'string' | 'number' | 'date' | 'boolean';

/** What an endpoint declares. */
export interface ListGrammarSpec {
  filters: Readonly<Record<string, GrammarFieldKind>>;
  sorts: readonly string[];
  selects: readonly string[];
  groups: readonly string[];
}

/** One comparison of a filter. */
export type FilterTerm =
  | { op: 'eq'; values: string[]; negate: boolean }
  | { op: 'gt' | 'lt'; value: string }
  | { op: 'between'; from: string; to: string };

/** A parsed filter: a field and its term. */
export interface ParsedFilter {
  field: string;
  term: FilterTerm;
}

/** A parsed sort key. */
export interface ParsedSort {
  field: string;
  desc: boolean;
}

/** The parsed grammar of one request. */
export interface ParsedListQuery {
  filters: ParsedFilter[];
  sort: ParsedSort[];
  select: string[] | null;
  groupBy: string | null;
  /** `*` for the first page of cursor paging, an opaque token after it, or null for page/per_page paging. */
  cursor: string | null;
}

/** A problem of one parameter (`path` is the parameter name, e.g. `filter`). */
export interface GrammarProblem {
  path: string;
  code: 'unknown_field' | 'bad_value' | 'bad_syntax';
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

function valueProblem(kind: GrammarFieldKind, field: string, value: string): string | null {
  if (kind === 'number' && !NUMBER.test(value)) return `${field}: "${value}" is not a number`;
  if (kind === 'date' && !(ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) return `${field}: "${value}" is not a date (YYYY-MM-DD)`;
  if (kind === 'boolean' && value !== 'true' && value !== 'false') return `${field}: "${value}" is not true or false`;
  return null;
}

/** Splits on `sep` outside double quotes (a quoted value may hold commas and colons). */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === sep && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const unquote = (s: string) => (s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s);

function parseTerm(kind: GrammarFieldKind, field: string, raw: string, problems: GrammarProblem[]): FilterTerm | null {
  const bad = (message: string) => {
    problems.push({ path: 'filter', code: 'bad_value', message });
    return null;
  };
  if (raw === '') return bad(`${field}: empty value`);
  const ordered = kind === 'number' || kind === 'date';
  if (ordered && (raw.startsWith('>') || raw.startsWith('<'))) {
    const value = raw.slice(1);
    const p = valueProblem(kind, field, value);
    return p ? bad(p) : { op: raw.startsWith('>') ? 'gt' : 'lt', value };
  }
  // a range a-b (dates have dashes themselves: split on the dash between two complete values)
  const range = kind === 'number' ? /^(-?\d+(?:\.\d+)?)-(-?\d+(?:\.\d+)?)$/.exec(raw) : kind === 'date' ? /^(\d{4}-\d{2}-\d{2})-(\d{4}-\d{2}-\d{2})$/.exec(raw) : null;
  if (range) {
    const [, from, to] = range as unknown as [string, string, string];
    const p = valueProblem(kind, field, from) ?? valueProblem(kind, field, to);
    if (p) return bad(p);
    if (kind === 'number' ? Number(from) > Number(to) : from > to) return bad(`${field}: range ${from}-${to} is reversed`);
    return { op: 'between', from, to };
  }
  const negate = raw.startsWith('!');
  const values = splitOutsideQuotes(negate ? raw.slice(1) : raw, '|').map(unquote);
  for (const v of values) {
    if (v === '') return bad(`${field}: empty alternative`);
    const p = valueProblem(kind, field, v);
    if (p) return bad(p);
  }
  return { op: 'eq', values, negate };
}

function parseList(param: string, text: string | undefined, allowed: readonly string[], problems: GrammarProblem[]): string[] {
  if (text === undefined || text.trim() === '') return [];
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const name = raw.trim();
    if (!name) {
      problems.push({ path: param, code: 'bad_syntax', message: `${param}: empty item` });
      continue;
    }
    if (!allowed.includes(name)) problems.push({ path: param, code: 'unknown_field', message: `${param}: unknown field "${name}" (allowed: ${allowed.join(', ')})` });
    else if (!out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * Parses the grammar parameters of a list request against what the endpoint declares. Returns the parsed query, or
 * every problem found (nothing is half-applied: the caller answers 400 with them).
 */
export function parseListQuery(
  params: { filter?: string; sort?: string; select?: string; group_by?: string; cursor?: string },
  spec: ListGrammarSpec,
): { ok: true; query: ParsedListQuery } | { ok: false; problems: GrammarProblem[] } {
  const problems: GrammarProblem[] = [];
  const filters: ParsedFilter[] = [];
  if (params.filter !== undefined && params.filter.trim() !== '') {
    for (const part of splitOutsideQuotes(params.filter, ',')) {
      const colon = part.indexOf(':');
      if (colon <= 0) {
        problems.push({ path: 'filter', code: 'bad_syntax', message: `filter: "${part}" is not field:value` });
        continue;
      }
      const field = part.slice(0, colon).trim();
      const kind = spec.filters[field];
      if (!kind) {
        problems.push({ path: 'filter', code: 'unknown_field', message: `filter: unknown field "${field}" (allowed: ${Object.keys(spec.filters).join(', ')})` });
        continue;
      }
      const term = parseTerm(kind, field, part.slice(colon + 1).trim(), problems);
      if (term) filters.push({ field, term });
    }
  }
  const sort: ParsedSort[] = [];
  if (params.sort !== undefined && params.sort.trim() !== '') {
    for (const raw of params.sort.split(',')) {
      const item = raw.trim();
      const [name0, dir] = item.split(':') as [string, string | undefined];
      const desc = name0.startsWith('-') || dir === 'desc';
      const name = name0.replace(/^-/, '');
      if (dir !== undefined && dir !== 'asc' && dir !== 'desc') problems.push({ path: 'sort', code: 'bad_syntax', message: `sort: "${item}" — the direction is asc or desc` });
      else if (!spec.sorts.includes(name)) problems.push({ path: 'sort', code: 'unknown_field', message: `sort: unknown field "${name}" (allowed: ${spec.sorts.join(', ')})` });
      else if (!sort.some((s) => s.field === name)) sort.push({ field: name, desc });
    }
  }
  const select = params.select === undefined ? null : parseList('select', params.select, spec.selects, problems);
  const groups = parseList('group_by', params.group_by, spec.groups, problems);
  if (groups.length > 1) problems.push({ path: 'group_by', code: 'bad_syntax', message: 'group_by: one field at a time' });
  const cursor = params.cursor === undefined || params.cursor === '' ? null : params.cursor;
  if (cursor !== null && groups.length) problems.push({ path: 'cursor', code: 'bad_syntax', message: 'cursor: not with group_by' });
  if (problems.length) return { ok: false, problems };
  return { ok: true, query: { filters, sort, select: select && select.length ? select : null, groupBy: groups[0] ?? null, cursor } };
}

/** Keeps only the selected top-level fields of an item (and always `id`). */
export function selectFields<T extends Record<string, unknown>>(item: T, select: readonly string[] | null): Partial<T> {
  if (!select) return item;
  const out: Partial<T> = {};
  for (const key of ['id', ...select] as (keyof T & string)[]) if (key in item) out[key] = item[key];
  return out;
}
