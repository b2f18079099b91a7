/** One piece of a highlighted text: plain text, or a matched term when `mark` is true. */
export interface HighlightPart {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the HTML character references the server's escaping produces (named ones above and numeric ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return safeCodePoint(Number.parseInt(ref.slice(2), 16), whole);
    if (ref.startsWith('#')) return safeCodePoint(Number.parseInt(ref.slice(1), 10), whole);
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(cp: number, fallback: string): string {
  return Number.isInteger(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : fallback;
}

/**
 * Parses a highlight string of the search API (HTML-escaped text where the only markup is `<mark>…</mark>`) into
 * parts to render as React elements. Anything else that looks like markup stays literal text, so the result can
 * never inject HTML; unbalanced markers are tolerated.
 */
export function parseHighlight(highlight: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let mark = false;
  let at = 0;
  const push = (raw: string) => {
    if (!raw) return;
    const text = decodeEntities(raw);
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += text;
    else parts.push({ text, mark });
  };
  const re = /<(\/?)mark>/gi;
  for (let m = re.exec(highlight); m; m = re.exec(highlight)) {
    push(highlight.slice(at, m.index));
    mark = m[1] !== '/';
    at = m.index + m[0].length;
  }
  push(highlight.slice(at));
  return parts;
}
