import { afterEach, describe, expect, it, vi } from 'vitest';

// the hook's dependencies are not needed by the pure helpers (and the API client pulls in the browser-only i18n setup)
vi.mock('../api/auth', () => ({ useAuth: () => ({ user: null }) }));
vi.mock('../api/client', () => ({ api: { get: vi.fn() } }));

/** A stand-in for the document holding one preload element. */
function fakeDocument(text: string | null) {
  let present = text !== null;
  const element = { textContent: text, remove: () => (present = false) };
  return { getElementById: (id: string) => (id === 'stinet-preload' && present ? element : null), isPresent: () => present };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('parsePreload', () => {
  it('accepts { key, data } and refuses anything else', async () => {
    const { parsePreload } = await import('./preload');
    expect(parsePreload('{"key":"/api/tasks/1","data":{"titleVi":"\\u003c/script\\u003e"}}')).toEqual({ key: '/api/tasks/1', data: { titleVi: '</script>' } });
    for (const bad of [null, '', 'not json', '[]', '{"key":1,"data":{}}', '{"key":"/api/x"}', '{"key":"/api/x","data":null}']) expect(parsePreload(bad)).toBeNull();
  });
});

describe('takePreload', () => {
  it('gives the data once for the matching path, and removes the element', async () => {
    const doc = fakeDocument('{"key":"/api/tasks/1","data":{"id":"1"}}');
    vi.stubGlobal('document', doc);
    const { takePreload } = await import('./preload');
    expect(takePreload('/api/tasks/1')).toEqual({ id: '1' });
    expect(doc.isPresent()).toBe(false);
    expect(takePreload('/api/tasks/1')).toBeUndefined();
  });

  it('is used up by the first page that asks, even for another path (client-side navigation then fetches)', async () => {
    vi.stubGlobal('document', fakeDocument('{"key":"/api/tasks/1","data":{"id":"1"}}'));
    const { takePreload } = await import('./preload');
    expect(takePreload('/api/tasks/2')).toBeUndefined();
    expect(takePreload('/api/tasks/1')).toBeUndefined();
  });

  it('gives nothing without an element or without a document', async () => {
    vi.stubGlobal('document', fakeDocument(null));
    expect((await import('./preload')).takePreload('/api/tasks/1')).toBeUndefined();
    vi.resetModules();
    vi.unstubAllGlobals();
    expect((await import('./preload')).takePreload('/api/tasks/1')).toBeUndefined();
  });
});
