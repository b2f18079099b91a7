/**
 * Text helpers of the search: query parsing, Vietnamese folding with a position map, safe highlighting,
 * snippets and trigram similarity of words. Pure functions, no database.
 */

/** One parsed query term: a word, a word prefix (`hoc*`) or a quoted phrase. */
export interface QueryTerm {
  kind: 'word' | 'prefix' | 'phrase';
  /** As typed (NFC), without quotes or the trailing `*`; phrase words joined by one space. */
  raw: string;
  /** Accent-folded, lower-cased. */
  folded: string;
}

/** A parsed search query. */
export interface ParsedQuery {
  terms: QueryTerm[];
  /** The plain words joined by spaces (typo tolerance applies to them), as typed. */
  plain: string;
}

/** At most this many terms are used; the rest of a longer query is ignored. */
export const MAX_TERMS = 12;

const WORD = /[\p{L}\p{N}]+/gu;

/** Accent-folds one character (Vietnamese diacritics, đ → d) and lower-cases it; combining marks fold to ''. */
function foldChar(c: string): string {
  if (c === 'đ' || c === 'Đ') return 'd';
  const base = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const lower = base.toLowerCase();
  return lower.length === 1 || base.length === 0 ? lower : c;
}

/** Accent-folds and lower-cases text the way `lower(immutable_unaccent(x))` does for Vietnamese. */
export function foldLower(text: string): string {
  return foldWithMap(text).folded;
}

/** The folded text and, for each folded character, the index of its character in the NFC text. */
export function foldWithMap(text: string): { nfc: string; folded: string; map: number[] } {
  const nfc = text.normalize('NFC');
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < nfc.length; i++) {
    const f = foldChar(nfc[i] as string);
    for (const ch of f) {
      folded += ch;
      map.push(i);
    }
  }
  return { nfc, folded, map };
}

/**
 * Parses a query: `"quoted phrases"`, `prefix*` and plain words; punctuation separates words.
 * @returns the terms (at most MAX_TERMS) and the plain words.
 */
export function parseQuery(q: string | undefined): ParsedQuery {
  const terms: QueryTerm[] = [];
  const plain: string[] = [];
  if (!q) return { terms, plain: '' };
  const text = q.normalize('NFC');
  const re = /"([^"]*)"?|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined) {
      const words = m[1].match(WORD) ?? [];
      if (words.length === 1) terms.push({ kind: 'word', raw: words[0] as string, folded: foldLower(words[0] as string) });
      else if (words.length > 1) terms.push({ kind: 'phrase', raw: words.join(' '), folded: foldLower(words.join(' ')) });
      continue;
    }
    const token = m[2] as string;
    const words = token.match(WORD) ?? [];
    words.forEach((w, i) => {
      const prefix = i === words.length - 1 && token.endsWith('*');
      terms.push({ kind: prefix ? 'prefix' : 'word', raw: w, folded: foldLower(w) });
      if (!prefix) plain.push(w);
    });
  }
  const unique = terms.filter((t, i) => terms.findIndex((u) => u.kind === t.kind && u.folded === t.folded) === i).slice(0, MAX_TERMS);
  return { terms: unique, plain: plain.slice(0, MAX_TERMS).join(' ') };
}

/** Escapes text for HTML (the highlight strings carry no other markup than `<mark>`). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** The trigrams of one folded word, as pg_trgm builds them (two spaces before, one after). */
export function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** pg_trgm `similarity` of two folded words: shared trigrams over all distinct trigrams. */
export function wordSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** Whether two words differ by one swap of adjacent letters (`ngeh` / `nghe`), a typo trigrams do not see. */
export function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === (diff[0] as number) + 1 && a[diff[0] as number] === b[diff[1] as number] && a[diff[1] as number] === b[diff[0] as number];
}

/** Character ranges [start, end) of the NFC text. */
type Range = [number, number];

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/**
 * Where the terms occur in a text (accent-insensitive): words and phrases anywhere, prefixes at a word start.
 * Plain words that occur nowhere are matched against whole words by trigram similarity ≥ 0.45 or one swap of adjacent
 * letters (the typo case).
 */
export function matchRanges(text: string, terms: readonly QueryTerm[]): { nfc: string; ranges: Range[] } {
  const { nfc, folded, map } = foldWithMap(text);
  const ranges: Range[] = [];
  const toRange = (from: number, len: number): Range => {
    const start = map[from] as number;
    let end = (map[from + len - 1] as number) + 1;
    while (end < nfc.length && /[\u0300-\u036f]/.test(nfc[end] as string)) end++;
    return [start, end];
  };
  const missing: QueryTerm[] = [];
  for (const t of terms) {
    if (!t.folded) continue;
    let found = false;
    for (let i = folded.indexOf(t.folded); i >= 0; i = folded.indexOf(t.folded, i + 1)) {
      if (t.kind === 'prefix' && isWordChar(folded[i - 1])) continue;
      ranges.push(toRange(i, t.folded.length));
      found = true;
    }
    if (!found && t.kind === 'word' && t.folded.length >= 3) missing.push(t);
  }
  if (missing.length) {
    for (const m of folded.matchAll(WORD)) {
      if (missing.some((t) => wordSimilarity(t.folded, m[0]) >= 0.45 || isTransposition(t.folded, m[0]))) ranges.push(toRange(m.index, m[0].length));
    }
  }
  return { nfc, ranges: mergeRanges(ranges) };
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** HTML-escaped text with the ranges wrapped in `<mark>…</mark>`. */
export function markRanges(nfc: string, ranges: readonly Range[]): string {
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += `${escapeHtml(nfc.slice(at, s))}<mark>${escapeHtml(nfc.slice(s, e))}</mark>`;
    at = e;
  }
  return out + escapeHtml(nfc.slice(at));
}

/** The text, HTML-escaped, with every occurrence of the query terms marked. */
export function highlight(text: string, terms: readonly QueryTerm[]): string {
  const { nfc, ranges } = matchRanges(text, terms);
  return markRanges(nfc, ranges);
}

/**
 * A short extract of the first text that contains a term (or of the first text), cut at word boundaries
 * around the first match, with its highlight.
 */
export function snippetOf(texts: readonly (string | null | undefined)[], terms: readonly QueryTerm[], max = 200): { text: string; highlight: string } | null {
  const present = texts.filter((t): t is string => !!t && t.trim().length > 0).map((t) => t.replace(/\s+/g, ' ').trim());
  if (!present.length) return null;
  let chosen = present[0] as string;
  let first = 0;
  for (const t of present) {
    const { ranges } = matchRanges(t, terms);
    if (ranges.length) {
      chosen = t;
      first = (ranges[0] as Range)[0];
      break;
    }
  }
  const nfc = chosen.normalize('NFC');
  if (nfc.length <= max) return { text: nfc, highlight: highlight(nfc, terms) };
  let start = Math.max(0, first - Math.floor(max / 3));
  if (start > 0) {
    const space = nfc.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(nfc.length, start + max);
  if (end < nfc.length) {
    const space = nfc.lastIndexOf(' ', end);
    if (space > start + max / 2) end = space;
  }
  const cut = `${start > 0 ? '… ' : ''}${nfc.slice(start, end)}${end < nfc.length ? ' …' : ''}`;
  return { text: cut, highlight: highlight(cut, terms) };
}
