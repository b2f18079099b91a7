import { describe, expect, it } from 'vitest';
import { decodeEntities, parseHighlight } from './highlight';

describe('parseHighlight', () => {
  it('splits marked and plain parts', () => {
    expect(parseHighlight('Ứng dụng <mark>công</mark> <mark>nghệ</mark> sinh học')).toEqual([
      { text: 'Ứng dụng ', mark: false },
      { text: 'công', mark: true },
      { text: ' ', mark: false },
      { text: 'nghệ', mark: true },
      { text: ' sinh học', mark: false },
    ]);
  });

  it('decodes escaped text and never yields markup other than marks', () => {
    expect(parseHighlight('&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>A&amp;B</mark>')).toEqual([
      { text: '<script>alert(1)</script> & ', mark: false },
      { text: 'A&B', mark: true },
    ]);
    // raw tags (which the server never sends) stay literal text
    expect(parseHighlight('<b>x</b>')).toEqual([{ text: '<b>x</b>', mark: false }]);
  });

  it('tolerates unbalanced markers and empty input', () => {
    expect(parseHighlight('a<mark>b')).toEqual([
      { text: 'a', mark: false },
      { text: 'b', mark: true },
    ]);
    expect(parseHighlight('a</mark>b')).toEqual([{ text: 'ab', mark: false }]);
    expect(parseHighlight('')).toEqual([]);
  });

  it('decodes numeric references and leaves unknown ones', () => {
    expect(decodeEntities('&#39;&#x41;&quot;&nbsp;&#0;')).toBe('\'A"&nbsp;&#0;');
  });
});
