import { describe, expect, it } from 'vitest';
import { foldLower, highlight, parseQuery, snippetOf, wordSimilarity } from './search-text.js';
import { cosine, features } from './similar.js';

describe('search text', () => {
  it('parses words, prefixes and quoted phrases', () => {
    const p = parseQuery('"Công nghệ sinh học" lúa* mặn, hạn');
    expect(p.terms.map((t) => [t.kind, t.folded])).toEqual([
      ['phrase', 'cong nghe sinh hoc'],
      ['prefix', 'lua'],
      ['word', 'man'],
      ['word', 'han'],
    ]);
    expect(p.plain).toBe('mặn hạn');
    expect(parseQuery('  ').terms).toEqual([]);
  });

  it('folds Vietnamese like unaccent + lower', () => {
    expect(foldLower('Đánh giá CÔNG NGHỆ Sinh học')).toBe('danh gia cong nghe sinh hoc');
  });

  it('marks matches accent-insensitively and escapes everything else', () => {
    expect(highlight('Công nghệ <script> & sinh học', parseQuery('cong hoc').terms)).toBe('<mark>Công</mark> nghệ &lt;script&gt; &amp; sinh <mark>học</mark>');
    expect(highlight('Dự báo bão', parseQuery('"bao bao"').terms)).toBe('Dự <mark>báo bão</mark>');
    expect(highlight('trong thuy san', parseQuery('thuy*').terms)).toBe('trong <mark>thuy</mark> san');
    expect(highlight('nuôi trồng', parseQuery('uoi*').terms)).toBe('nuôi trồng');
    // a typo marks the nearest word
    expect(highlight('sinh học biển', parseQuery('hocc').terms)).toBe('sinh <mark>học</mark> biển');
    expect(highlight('Công nghệ mới', parseQuery('cong ngeh').terms)).toBe('<mark>Công</mark> <mark>nghệ</mark> mới');
    // decomposed input is composed first
    expect(highlight('cộng'.normalize('NFD'), parseQuery('cong').terms)).toBe('<mark>cộng</mark>');
  });

  it('cuts snippets around the first match', () => {
    const long = `${'mở đầu '.repeat(60)}giống lúa chịu mặn ${'kết thúc '.repeat(60)}`;
    const s = snippetOf([null, long], parseQuery('chiu man').terms, 120);
    expect(s?.text.startsWith('… ')).toBe(true);
    expect(s?.highlight).toContain('<mark>chịu</mark> <mark>mặn</mark>');
    expect(s?.text.length).toBeLessThanOrEqual(126);
  });

  it('computes trigram similarity and the token-set cosine', () => {
    expect(wordSimilarity('hocc', 'hoc')).toBeCloseTo(0.5, 5);
    expect(cosine(features('giống lúa chịu mặn'), features('Giống lúa chịu mặn'))).toBeCloseTo(1, 10);
    expect(cosine(features('giống lúa chịu mặn'), features('dự báo bão'))).toBe(0);
  });
});
