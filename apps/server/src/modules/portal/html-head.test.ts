import { describe, expect, it } from 'vitest';
import { acceptsHtml, cutDescription, escapeHtml, joinParts, jsonForScript, PRELOAD_ELEMENT_ID, renderHead } from './html-head.js';
import { INDEX_HTML_TEMPLATE as TEMPLATE } from '../../test-support/index-html.js';


/** The preload element's JSON, parsed as the browser would read its text. */
function preloadOf(html: string): unknown {
  const m = new RegExp(`<script type="application/json" id="${PRELOAD_ELEMENT_ID}">([\\s\\S]*?)</script>`).exec(html);
  return m ? JSON.parse(m[1] as string) : undefined;
}

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`a & b < c > d "e" 'f'`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;');
  });
});

describe('jsonForScript', () => {
  it('cannot close the script element, open a comment or break a line, and parses back to the same value', () => {
    const value = { t: '</script><script>alert(1)</script>', c: '<!-- x -->', a: 'R&D', l: 'a\u2028b\u2029c', q: '"\\' };
    const out = jsonForScript(value);
    for (const bad of ['<', '>', '&', '\u2028', '\u2029']) expect(out).not.toContain(bad);
    expect(out).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe('cutDescription', () => {
  it('keeps short text whole, with whitespace collapsed', () => {
    expect(cutDescription('  Nghiên cứu\n\tcông nghệ   sinh học  ')).toBe('Nghiên cứu công nghệ sinh học');
  });

  it('cuts long text on a word boundary with an ellipsis, at most 160 characters', () => {
    const words = 'Nghiên cứu ứng dụng công nghệ sinh học trong sản xuất giống cây trồng chịu hạn, mặn cho vùng đồng bằng sông Cửu Long và duyên hải miền Trung giai đoạn 2026–2030';
    const text = `${words} ${words}`;
    const cut = cutDescription(text);
    expect(Array.from(cut).length).toBeLessThanOrEqual(160);
    expect(cut.endsWith('…')).toBe(true);
    const body = cut.slice(0, -1);
    expect(text.startsWith(body)).toBe(true);
    // the character after the kept part is a space (or trimmed punctuation before one): no word was cut
    expect(text.slice(body.length)).toMatch(/^[,;:.]?\s/);
    expect(body).not.toMatch(/[\s,]$/);
  });

  it('counts characters, not UTF-16 units, and cuts inside a single overlong word only when it must', () => {
    expect(Array.from(cutDescription('đ'.repeat(200))).length).toBe(160);
    expect(cutDescription('😀'.repeat(200))).toBe(`${'😀'.repeat(159)}…`);
    expect(cutDescription('ab '.repeat(100), 10)).toBe('ab ab ab…');
  });

  it('keeps exactly max characters uncut and drops trailing punctuation before the ellipsis', () => {
    expect(cutDescription('x'.repeat(160))).toBe('x'.repeat(160));
    expect(cutDescription('aaaa bbbb, cccc dddd', 12)).toBe('aaaa bbbb…');
  });
});

describe('joinParts', () => {
  it('joins the non-empty parts', () => {
    expect(joinParts(['A', null, ' ', undefined, 'B\nC'])).toBe('A · B C');
  });
});

describe('renderHead', () => {
  it('replaces the title and description, adds canonical, Open Graph and the preload, all escaped', () => {
    const html = renderHead(TEMPLATE, {
      title: 'R&D <b>"x"</b> — stinet',
      description: 'Mô tả & "trích dẫn"',
      canonical: 'https://stinet.example.vn/tasks/1?a=1&b=2',
      og: { title: 'R&D — stinet', description: 'Mô tả', type: 'article', url: 'https://stinet.example.vn/tasks/1' },
      preload: { key: '/api/tasks/1', data: { titleVi: '</script><img src=x onerror=alert(1)>', n: 1 } },
    });
    expect(html).toContain('<title>R&amp;D &lt;b&gt;&quot;x&quot;&lt;/b&gt; — stinet</title>');
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/name="description"/g)).toHaveLength(1);
    expect(html).toContain('<meta name="description" content="Mô tả &amp; &quot;trích dẫn&quot;" />');
    expect(html).toContain('<link rel="canonical" href="https://stinet.example.vn/tasks/1?a=1&amp;b=2" />');
    expect(html).toContain('<meta property="og:title" content="R&amp;D — stinet" />');
    expect(html).toContain('<meta property="og:type" content="article" />');
    expect(html).toContain('<meta property="og:url" content="https://stinet.example.vn/tasks/1" />');
    expect(html).not.toContain('<img');
    expect(html.match(/<\/script>/g)).toHaveLength(2); // the app's module script and the preload, nothing injected
    expect(preloadOf(html)).toEqual({ key: '/api/tasks/1', data: { titleVi: '</script><img src=x onerror=alert(1)>', n: 1 } });
    // everything lands in the head, and the body is untouched
    expect(html.indexOf(PRELOAD_ELEMENT_ID)).toBeLessThan(html.indexOf('</head>'));
    expect(html).toContain('<body>\n    <div id="root"></div>');
  });

  it('never interprets $ replacement patterns of the values', () => {
    const html = renderHead(TEMPLATE, { title: "$& $' $` $1", description: '$&' });
    expect(html).toContain("<title>$&amp; $&#39; $` $1</title>");
    expect(html).toContain('<meta name="description" content="$&amp;" />');
  });

  it('adds only robots for a page without a record, keeping the template title and description', () => {
    const html = renderHead(TEMPLATE, { robots: 'noindex' });
    expect(html).toContain('<meta name="robots" content="noindex" />');
    expect(html).toContain('<title>stinet — Mạng thông tin KH&amp;CN quốc gia</title>');
    expect(html).toContain('name="description"');
    expect(html).not.toContain(PRELOAD_ELEMENT_ID);
  });

  it('works on a minimal template without a head element', () => {
    const html = renderHead('<!doctype html><title>stinet</title><div id="root"></div>', { title: 'T', description: 'D' });
    expect(html).toBe('<!doctype html><title>T</title><meta name="description" content="D" /><div id="root"></div>');
  });
});

describe('acceptsHtml', () => {
  it('takes browsers, */* and a missing Accept header; refuses JSON-only clients', () => {
    expect(acceptsHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(true);
    expect(acceptsHtml('*/*')).toBe(true);
    expect(acceptsHtml(undefined)).toBe(true);
    expect(acceptsHtml('application/json')).toBe(false);
    expect(acceptsHtml('application/json, text/plain')).toBe(false);
  });
});
