import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createLocalFileStorage,
  FileTooLargeError,
  InvalidStorageKeyError,
  isStorageKey,
  keyForSha256,
  ObjectNotFoundError,
  STORAGE_KEY_PATTERN,
  type FileStorage,
} from './file-storage.js';

const sha = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

/** Every regular file under `dir`, relative paths. */
function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
  );
}

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const k of iterable) out.push(k);
  return out.sort();
}

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function* chunked(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.byteLength; i += size) yield data.subarray(i, i + size);
}

describe('local file storage', () => {
  let root: string;
  let storage: FileStorage;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'stinet-storage-'));
    storage = createLocalFileStorage(root);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('stores bytes under their content address with SHA-256 and size, and reads them back', async () => {
    const data = Buffer.from('Báo cáo tổng hợp kết quả nhiệm vụ KH&CN\n', 'utf8');
    const stored = await storage.put(data, { maxBytes: 1024 });
    expect(stored.sha256).toBe(sha(data));
    expect(stored.size).toBe(data.byteLength);
    expect(stored.key).toBe(`${stored.sha256.slice(0, 2)}/${stored.sha256.slice(2, 4)}/${stored.sha256}`);
    expect(stored.key).toMatch(STORAGE_KEY_PATTERN);

    expect(statSync(join(root, ...stored.key.split('/'))).size).toBe(data.byteLength);
    expect(await storage.stat(stored.key)).toEqual({ size: data.byteLength });
    expect(await readAll(await storage.get(stored.key))).toEqual(data);
    expect(await storage.checksum(stored.key)).toBe(stored.sha256);
    expect(await collect(storage.keys())).toEqual([stored.key]);
  });

  it('writes objects read-only', async () => {
    if (process.platform === 'win32') return;
    const { key } = await storage.put(Buffer.from('immutable'), { maxBytes: 100 });
    expect(statSync(join(root, ...key.split('/'))).mode & 0o777).toBe(0o444);
  });

  it('streams chunked content to the same object as the whole buffer', async () => {
    const data = randomBytes(300_000);
    const streamed = await storage.put(chunked(data, 7_919), { maxBytes: data.length });
    expect(streamed).toEqual({ key: keyForSha256(sha(data)), sha256: sha(data), size: data.length });
    // Buffer#equals: vitest's deep equality walks a large buffer byte by byte.
    expect((await readAll(await storage.get(streamed.key))).equals(data)).toBe(true);
  });

  it('deduplicates identical content: same key, one object', async () => {
    const a = await storage.put(Buffer.from('same bytes'), { maxBytes: 100 });
    const b = await storage.put(chunked(Buffer.from('same bytes'), 3), { maxBytes: 100 });
    const c = await storage.put(Buffer.from('other bytes'), { maxBytes: 100 });
    expect(b).toEqual(a);
    expect(c.key).not.toBe(a.key);
    expect(await collect(storage.keys())).toEqual([a.key, c.key].sort());
    expect(listFiles(root).filter((f) => !f.startsWith('.tmp/')).length).toBe(2);
    expect(listFiles(join(root, '.tmp'))).toEqual([]);
  });

  it('stores an empty object and one exactly at the limit', async () => {
    const empty = await storage.put(new Uint8Array(0), { maxBytes: 0 });
    expect(empty.size).toBe(0);
    expect(empty.sha256).toBe(sha(''));
    const exact = await storage.put(chunked(Buffer.alloc(10, 1), 4), { maxBytes: 10 });
    expect(exact.size).toBe(10);
  });

  it('aborts past maxBytes, stops reading the source and leaves nothing on disk (not even a temp file)', async () => {
    let produced = 0;
    let sourceClosed = false;
    async function* big(): AsyncGenerator<Uint8Array> {
      try {
        for (let i = 0; i < 1000; i++) {
          produced += 1024;
          yield Buffer.alloc(1024, 0x41);
        }
      } finally {
        sourceClosed = true;
      }
    }
    const err = await storage.put(big(), { maxBytes: 4096 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileTooLargeError);
    expect((err as FileTooLargeError).limit).toBe(4096);
    expect((err as FileTooLargeError).code).toBe('FILE_TOO_LARGE');
    expect(sourceClosed).toBe(true);
    expect(produced).toBe(5 * 1024);
    expect(listFiles(root)).toEqual([]);
    expect(await collect(storage.keys())).toEqual([]);
  });

  it('rejects an over-limit buffer before touching the disk', async () => {
    await expect(storage.put(Buffer.alloc(11), { maxBytes: 10 })).rejects.toBeInstanceOf(FileTooLargeError);
    expect(listFiles(root)).toEqual([]);
  });

  it('removes the temp file when the source fails mid-stream', async () => {
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('partial upload');
      throw new Error('client disconnected');
    }
    await expect(storage.put(broken(), { maxBytes: 1000 })).rejects.toThrow('client disconnected');
    expect(listFiles(root)).toEqual([]);
  });

  it('validates maxBytes', async () => {
    await expect(storage.put(Buffer.from('x'), { maxBytes: -1 })).rejects.toBeInstanceOf(RangeError);
    await expect(storage.put(Buffer.from('x'), { maxBytes: Number.NaN })).rejects.toBeInstanceOf(RangeError);
    await expect(storage.put(Buffer.from('x'), { maxBytes: 1.5 })).rejects.toBeInstanceOf(RangeError);
  });

  it('rejects keys that do not match the key pattern (no path traversal) on every method', async () => {
    const h = sha('x');
    const bad = [
      '../../etc/passwd',
      '/etc/passwd',
      `${h.slice(0, 2)}/${h.slice(2, 4)}/../../${h}`,
      `../${h.slice(2, 4)}/${h}`,
      `${h.slice(0, 2)}/${h.slice(2, 4)}/${h.toUpperCase()}`,
      `${h.slice(0, 2)}\\${h.slice(2, 4)}\\${h}`,
      `00/00/${h}`, // prefix does not repeat the digest
      `${h.slice(0, 2)}/${h.slice(2, 4)}/${h}/`,
      `${h.slice(0, 2)}/${h.slice(2, 4)}/${h}.pdf`,
      `${h}`,
      '',
      '%2e%2e/%2e%2e/etc/passwd',
      `${h.slice(0, 2)}/${h.slice(2, 4)}/${h}\0`,
    ];
    for (const key of bad) {
      expect(isStorageKey(key)).toBe(false);
      await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.stat(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.checksum(key)).rejects.toThrow(/Invalid storage key/);
    }
    expect(isStorageKey(keyForSha256(h))).toBe(true);
    expect(() => keyForSha256('../x')).toThrow(TypeError);
  });

  it('reports absent objects: stat null, get/checksum ObjectNotFoundError, delete idempotent', async () => {
    const key = keyForSha256(sha('never stored'));
    expect(await storage.stat(key)).toBeNull();
    await expect(storage.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(storage.checksum(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(storage.delete(key)).resolves.toBeUndefined();

    const stored = await storage.put(Buffer.from('to delete'), { maxBytes: 100 });
    await storage.delete(stored.key);
    expect(await storage.stat(stored.key)).toBeNull();
    expect(await collect(storage.keys())).toEqual([]);
  });

  it('lists only well-formed object keys, and nothing for a root that does not exist yet', async () => {
    expect(await collect(createLocalFileStorage(join(root, 'not-yet')).keys())).toEqual([]);
    const { key } = await storage.put(Buffer.from('real'), { maxBytes: 100 });
    mkdirSync(join(root, '.tmp'), { recursive: true });
    writeFileSync(join(root, '.tmp', 'crashed-upload.part'), 'half');
    writeFileSync(join(root, 'README'), 'x');
    mkdirSync(join(root, 'zz', '00'), { recursive: true });
    writeFileSync(join(root, 'zz', '00', sha('y')), 'y');
    mkdirSync(join(root, key.slice(0, 2), key.slice(3, 5)), { recursive: true });
    writeFileSync(join(root, key.slice(0, 2), key.slice(3, 5), 'stray.txt'), 'z');
    expect(await collect(storage.keys())).toEqual([key]);
  });

  it('repairs a damaged object of the wrong size when the same content is stored again', async () => {
    const data = Buffer.from('original deposit');
    const { key } = await storage.put(data, { maxBytes: 100 });
    const path = join(root, ...key.split('/'));
    rmSync(path);
    writeFileSync(path, 'trunc');
    await storage.put(data, { maxBytes: 100 });
    expect(await storage.checksum(key)).toBe(sha(data));
  });
});
