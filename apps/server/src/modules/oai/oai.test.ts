import { describe, expect, it } from 'vitest';
import { findAll, parseXml } from './oai-xml-check.js';
import { decodeResumptionToken, encodeResumptionToken, OaiError, parseOaiDate, parseOaiIdentifier, parseRange, parseRequest, type ResumptionState } from './oai.protocol.js';
import { escapeAttr, escapeText, XmlWriter } from './oai.xml.js';

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof OaiError) return err.code;
    throw err;
  }
  return 'ok';
};

describe('XML writer', () => {
  it('escapes text and attributes and drops characters XML forbids', () => {
    expect(escapeText('a & b < c > d "e"')).toBe('a &amp; b &lt; c &gt; d "e"');
    expect(escapeAttr('x"y\n&')).toBe('x&quot;y&#10;&amp;');
    expect(escapeText('a\u0000b\u0008c\uFFFEd')).toBe('abcd');
  });

  it('writes well-formed documents that the strict reader parses back', () => {
    const w = new XmlWriter();
    w.wrap('root', { xmlns: 'urn:x', 'xmlns:d': 'urn:d' }, () => {
      w.leaf('d:title', '<Tiêu đề> & "trích" \u0001', { 'xml:lang': 'vi' });
      w.leaf('empty', null);
      w.optional('skipped', '  ');
    });
    const doc = parseXml(w.toString());
    expect(doc.ns).toBe('urn:x');
    const title = findAll(doc, 'title')[0];
    expect(title?.text).toBe('<Tiêu đề> & "trích" ');
    expect(title?.ns).toBe('urn:d');
    expect(title?.attrs['xml:lang']).toBe('vi');
    expect(findAll(doc, 'skipped')).toEqual([]);
  });

  it('refuses unbalanced output and bad names', () => {
    const w = new XmlWriter().open('a');
    expect(() => w.close('b')).toThrow();
    expect(() => new XmlWriter().open('a').toString()).toThrow();
    expect(() => new XmlWriter().leaf('a b', 'x')).toThrow();
  });

  it('the reader rejects malformed XML', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>';
    expect(() => parseXml(`${head}<a><b></a></b>`)).toThrow();
    expect(() => parseXml(`${head}<a>x & y</a>`)).toThrow();
    expect(() => parseXml(`${head}<a x="1" x="2"/>`)).toThrow();
    expect(() => parseXml(`${head}<p:a/>`)).toThrow();
    expect(() => parseXml(`${head}<a/><b/>`)).toThrow();
    expect(() => parseXml('<a/>')).toThrow();
  });
});

describe('OAI-PMH arguments', () => {
  it('checks verbs and argument names', () => {
    expect(code(() => parseRequest([]))).toBe('badVerb');
    expect(code(() => parseRequest([['verb', 'Junk']]))).toBe('badVerb');
    expect(code(() => parseRequest([['verb', 'Identify'], ['verb', 'Identify']]))).toBe('badVerb');
    expect(code(() => parseRequest([['verb', 'Identify'], ['junk', '1']]))).toBe('badArgument');
    expect(code(() => parseRequest([['verb', 'ListRecords']]))).toBe('badArgument');
    expect(code(() => parseRequest([['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['metadataPrefix', 'oai_dc']]))).toBe('badArgument');
    expect(code(() => parseRequest([['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['resumptionToken', 'x']]))).toBe('badArgument');
    expect(parseRequest([['verb', 'ListRecords'], ['resumptionToken', 'x']]).args).toEqual({ resumptionToken: 'x' });
    expect(code(() => parseRequest([['verb', 'GetRecord'], ['identifier', 'x']]))).toBe('badArgument');
  });

  it('parses dates at both granularities, inclusive', () => {
    expect(parseOaiDate('2026-02-28', 'from').at.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(parseOaiDate('2026-02-28', 'until').at.toISOString()).toBe('2026-02-28T23:59:59.000Z');
    expect(parseOaiDate('2026-02-28T10:11:12Z', 'from').granularity).toBe('second');
    for (const bad of ['2026-02-30', '2026-2-1', '2026-02-28T10:11:12', '2026-02-28T10:11:12+07:00', '2026-02-28T24:00:00Z', 'yesterday']) {
      expect(code(() => parseOaiDate(bad, 'from')), bad).toBe('badArgument');
    }
    expect(code(() => parseRange('2026-01-02', '2026-01-01'))).toBe('badArgument');
    expect(code(() => parseRange('2026-01-01', '2026-01-02T00:00:00Z'))).toBe('badArgument');
    expect(code(() => parseRange('2026-01-01', '2026-01-01'))).toBe('ok');
  });

  it('parses identifiers of this repository only', () => {
    const id = '0b8f4c2e-1111-4222-8333-444455556666';
    expect(parseOaiIdentifier('stinet.local', `oai:stinet.local:project/${id}`)).toEqual({ type: 'project', id });
    expect(parseOaiIdentifier('stinet.local', `oai:other.org:project/${id}`)).toBeNull();
    expect(parseOaiIdentifier('stinet.local', `oai:stinet.local:task/${id}`)).toBeNull();
    expect(parseOaiIdentifier('stinet.local', `oai:stinet.local:project/${id}/x`)).toBeNull();
  });
});

describe('resumption tokens', () => {
  const state: ResumptionState = { verb: 'ListRecords', metadataPrefix: 'oai_dc', from: '2026-01-01', set: 'province:01', lastDatestamp: 1_780_000_000, lastId: '0b8f4c2e-1111-4222-8333-444455556666', cursor: 100 };

  it('round-trips and is URL-safe', () => {
    const token = encodeResumptionToken(state);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeResumptionToken(token, 'ListRecords')).toEqual({ ...state, until: undefined, size: undefined });
    // the list size counted on the first page travels in the token; tokens issued without it stay valid
    const sized = encodeResumptionToken({ ...state, size: 1_100_000 });
    expect(decodeResumptionToken(sized, 'ListRecords')).toEqual({ ...state, until: undefined, size: 1_100_000 });
  });

  it('rejects anything not issued by us', () => {
    const token = encodeResumptionToken(state);
    const json = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forge = (patch: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...json, ...patch }), 'utf8').toString('base64url');
    for (const bad of [
      'garbage!',
      '',
      `${token}x`,
      Buffer.from('[]').toString('base64url'),
      forge({ c: 0 }),
      forge({ c: 1.5 }),
      forge({ p: 'marc' }),
      forge({ i: 'not-a-uuid' }),
      forge({ f: '2026-13-01' }),
      forge({ u: '2025-01-01' }),
      forge({ s: 'bad set' }),
      forge({ extra: 1 }),
      forge({ v: 2 }),
      forge({ n: -1 }),
      forge({ n: '5' }),
    ]) {
      expect(code(() => decodeResumptionToken(bad, 'ListRecords')), bad).toBe('badResumptionToken');
    }
    expect(code(() => decodeResumptionToken(token, 'ListIdentifiers'))).toBe('badResumptionToken');
  });
});
