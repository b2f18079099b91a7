/**
 * Pure helpers that put record-specific tags into the web app's index.html: title, description, canonical link,
 * Open Graph tags, robots and the preloaded API answer. No I/O, no database: unit-tested in html-head.test.ts.
 */

/** Element id of the preloaded API answer the web app reads (apps/web/src/lib/preload.ts). */
export const PRELOAD_ELEMENT_ID = 'stinet-preload';

/** The longest meta description, in characters (code points), ellipsis included. */
export const DESCRIPTION_MAX = 160;

/** What {@link renderHead} puts into the page's head. */
export interface HeadTags {
  /** The document title (replaces the template's `<title>`). */
  title?: string;
  /** The meta description (replaces the template's); cut with {@link cutDescription} beforehand. */
  description?: string;
  /** Absolute URL of the canonical page. */
  canonical?: string;
  /** Open Graph tags (`og:title`, `og:description`, `og:type`, `og:url`). */
  og?: { title: string; description: string; type: string; url: string };
  /** Content of `<meta name="robots">`, e.g. `noindex`. */
  robots?: string;
  /** The API answer the page would fetch first, embedded as JSON: `key` is the API path, `data` its body. */
  preload?: { key: string; data: unknown };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a double- or single-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * JSON for the body of a `<script type="application/json">` element: `<`, `>`, `&`, U+2028 and U+2029 are written as
 * `\uXXXX` escapes (still the same JSON value), so no string in the data can close the element, open a comment or
 * break a line in older JavaScript parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const TRAILING_PUNCTUATION = /[\s,;:.\-–—·/(]+$/u;

/**
 * A meta description from free text: whitespace collapsed, and when longer than `max` characters, cut on the last
 * word boundary that fits with "…" appended (the result, ellipsis included, has at most `max` characters).
 */
export function cutDescription(text: string, max = DESCRIPTION_MAX): string {
  const clean = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  const room = chars.slice(0, max - 1);
  // the cut falls between words when the next character is a space; otherwise back up to the last space
  let cut = chars[max - 1] === ' ' ? room.length : room.lastIndexOf(' ');
  if (cut < Math.floor(max / 2)) cut = room.length; // one very long word: cut inside it rather than lose most of the text
  const head = room.slice(0, cut).join('').replace(TRAILING_PUNCTUATION, '');
  return `${head}…`;
}

/** Joins the non-empty parts of a description with " · ". */
export function joinParts(parts: (string | null | undefined)[]): string {
  return parts
    .map((p) => (p ?? '').replace(/\s+/gu, ' ').trim())
    .filter((p) => p.length > 0)
    .join(' · ');
}

/** True when the client takes HTML: a browser (`text/html`), `*\/*` or no Accept header at all. */
export function acceptsHtml(accept: string | string[] | undefined): boolean {
  if (accept === undefined) return true;
  const value = (Array.isArray(accept) ? accept.join(',') : accept).toLowerCase();
  return value.trim() === '' || /(^|,)\s*(text\/html|text\/\*|\*\/\*)\s*(;|,|$)/.test(value);
}

// Tags of the template that the injected ones replace (Vite writes attributes in double quotes; both are accepted).
const TITLE_TAG = /<title\b[^>]*>[\s\S]*?<\/title>/i;
const DESCRIPTION_TAG = /<meta\s+name=["']description["'][^>]*>\s*/gi;
const ROBOTS_TAG = /<meta\s+name=["']robots["'][^>]*>\s*/gi;
const CANONICAL_TAG = /<link\s+rel=["']canonical["'][^>]*>\s*/gi;
const OG_TAG = /<meta\s+property=["']og:(?:title|description|type|url)["'][^>]*>\s*/gi;

/**
 * The template with the given tags in its head: `<title>` replaced, any description, robots, canonical and Open Graph
 * tags of the template removed, the new ones and the preload script added before `</head>`. Every value is escaped;
 * replacement never interprets `$` patterns of the values.
 */
export function renderHead(template: string, tags: HeadTags): string {
  let html = template;
  if (tags.title !== undefined) {
    const title = `<title>${escapeHtml(tags.title)}</title>`;
    html = TITLE_TAG.test(html) ? html.replace(TITLE_TAG, () => title) : insertBeforeHeadEnd(html, title);
  }
  const remove: RegExp[] = [];
  if (tags.description !== undefined) remove.push(DESCRIPTION_TAG);
  if (tags.robots !== undefined) remove.push(ROBOTS_TAG);
  if (tags.canonical !== undefined) remove.push(CANONICAL_TAG);
  if (tags.og !== undefined) remove.push(OG_TAG);
  for (const re of remove) html = html.replace(re, () => '');
  const added: string[] = [];
  if (tags.description !== undefined) added.push(`<meta name="description" content="${escapeHtml(tags.description)}" />`);
  if (tags.robots !== undefined) added.push(`<meta name="robots" content="${escapeHtml(tags.robots)}" />`);
  if (tags.canonical !== undefined) added.push(`<link rel="canonical" href="${escapeHtml(tags.canonical)}" />`);
  if (tags.og) {
    for (const [prop, value] of [
      ['og:title', tags.og.title],
      ['og:description', tags.og.description],
      ['og:type', tags.og.type],
      ['og:url', tags.og.url],
    ] as const) {
      added.push(`<meta property="${prop}" content="${escapeHtml(value)}" />`);
    }
  }
  if (tags.preload) added.push(`<script type="application/json" id="${PRELOAD_ELEMENT_ID}">${jsonForScript({ key: tags.preload.key, data: tags.preload.data })}</script>`);
  return added.length ? insertBeforeHeadEnd(html, added.join('\n    ')) : html;
}

function insertBeforeHeadEnd(html: string, fragment: string): string {
  const headEnd = html.search(/<\/head>/i);
  if (headEnd >= 0) return `${html.slice(0, headEnd)}${fragment}\n  ${html.slice(headEnd)}`;
  // a template without </head> (minimal ones in tests): after the title or the doctype, where the head is implied
  const after = /<\/title>/i.exec(html) ?? /<!doctype[^>]*>/i.exec(html);
  const at = after ? after.index + after[0].length : 0;
  return `${html.slice(0, at)}${fragment}${html.slice(at)}`;
}
