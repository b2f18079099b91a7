import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { mkdir, open, opendir, rename, stat as fsStat, unlink, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Content-addressed object storage for deposited S&T result files (Circular 14/2014/TT-BKHCN):
 * final and summary reports, data sets, maps, software source archives.
 *
 * Keys are derived from the SHA-256 of the content (`ab/cd/abcd…` — two fan-out levels, then the
 * full 64-hex digest), so storing the same bytes twice stores one object. Consequence for callers:
 * several deposit records may share one key, so `delete` must only be called once no record
 * references the key any more (reference counting belongs to the caller's database).
 *
 * The interface is deliberately small so that an S3-compatible backend can implement it later
 * (`put` → multipart upload to a staging key + server-side copy, `keys` → ListObjectsV2).
 */

/** What `put` returns: the content address plus the facts to store with the deposit record. */
export interface StoredObject {
  /** Content address, `ab/cd/<64 lowercase hex>`; see {@link STORAGE_KEY_PATTERN}. */
  key: string;
  /** Lowercase hex SHA-256 of the stored bytes. */
  sha256: string;
  /** Size in bytes. */
  size: number;
}

/** Minimal storage backend for deposited files. The local-directory implementation is {@link createLocalFileStorage}. */
export interface FileStorage {
  /**
   * Streams the content in, computing SHA-256 and size on the way; aborts (and leaves nothing)
   * past `maxBytes`, throwing {@link FileTooLargeError}. Identical content yields the same key
   * and is stored once. The object becomes visible only when completely written and synced.
   */
  put(content: AsyncIterable<Uint8Array> | Uint8Array, opts: { maxBytes: number }): Promise<StoredObject>;
  /**
   * Opens a stored object for reading as a Node.js `Readable` (pipe it, or hand it to Fastify's
   * `reply.send`). Rejects with {@link ObjectNotFoundError} when absent, so a missing object is a
   * rejected promise rather than a stream error after headers were sent.
   */
  get(key: string): Promise<Readable>;
  /** Size of a stored object, or `null` when there is none under `key`. */
  stat(key: string): Promise<{ size: number } | null>;
  /** Removes an object; removing an absent object is not an error. Mind dedup: keys may be shared. */
  delete(key: string): Promise<void>;
  /** Recomputes the SHA-256 of a stored object (lowercase hex). Rejects with {@link ObjectNotFoundError} when absent. */
  checksum(key: string): Promise<string>;
  /** Yields every stored key (for fixity sweeps and orphan detection). Order is unspecified. */
  keys(): AsyncIterable<string>;
}

/** A storage key: two 2-hex fan-out directories that repeat the digest's first 4 hex digits, then the full SHA-256. */
export const STORAGE_KEY_PATTERN = /^([0-9a-f]{2})\/([0-9a-f]{2})\/\1\2[0-9a-f]{60}$/;

const SHA256_HEX = /^[0-9a-f]{64}$/;
const FANOUT_DIR = /^[0-9a-f]{2}$/;
/** Directory under the root that holds in-flight uploads (same filesystem, so `rename` is atomic). */
const TEMP_DIR = '.tmp';

/** Thrown by `put` when the content exceeds `maxBytes`. Nothing is left on disk. */
export class FileTooLargeError extends Error {
  /** Stable code for the HTTP layer (maps to 413 PAYLOAD_TOO_LARGE). */
  readonly code = 'FILE_TOO_LARGE';
  constructor(readonly limit: number) {
    super(`File exceeds the size limit of ${limit} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** Thrown when a key does not match {@link STORAGE_KEY_PATTERN} (e.g. path traversal attempts). */
export class InvalidStorageKeyError extends Error {
  /** Stable code for callers. */
  readonly code = 'INVALID_STORAGE_KEY';
  constructor(readonly key: string) {
    super(`Invalid storage key ${JSON.stringify(key.slice(0, 200))}: expected "ab/cd/<64 lowercase hex SHA-256>"`);
    this.name = 'InvalidStorageKeyError';
  }
}

/** Thrown by `get` and `checksum` when no object is stored under the key. */
export class ObjectNotFoundError extends Error {
  /** Stable code for callers. */
  readonly code = 'OBJECT_NOT_FOUND';
  constructor(readonly key: string) {
    super(`No stored object under key ${key}`);
    this.name = 'ObjectNotFoundError';
  }
}

/** True when `key` is a well-formed storage key. */
export function isStorageKey(key: string): boolean {
  return STORAGE_KEY_PATTERN.test(key);
}

/** The storage key for a lowercase hex SHA-256 digest. */
export function keyForSha256(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new TypeError(`Not a lowercase hex SHA-256: ${JSON.stringify(sha256.slice(0, 100))}`);
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

function assertKey(key: string): void {
  if (typeof key !== 'string' || !STORAGE_KEY_PATTERN.test(key)) throw new InvalidStorageKeyError(String(key));
}

function isErrnoException(err: unknown, code: string): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === code;
}

/** Writes the whole chunk, looping on short writes. */
async function writeAll(fh: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await fh.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}

/** fsyncs a directory so a rename in it survives a crash; best effort where the platform refuses (Windows). */
async function syncDir(dir: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(dir, fsConstants.O_RDONLY);
    await fh.sync();
  } catch (err) {
    if (!isErrnoException(err, 'EISDIR') && !isErrnoException(err, 'EPERM') && !isErrnoException(err, 'EINVAL')) throw err;
  } finally {
    await fh?.close();
  }
}

async function unlinkQuiet(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (err) {
    if (!isErrnoException(err, 'ENOENT')) throw err;
  }
}

function toChunks(content: AsyncIterable<Uint8Array> | Uint8Array): AsyncIterable<Uint8Array> {
  if (content instanceof Uint8Array) {
    return (async function* single() {
      yield content;
    })();
  }
  return content;
}

/**
 * A {@link FileStorage} on a local directory.
 *
 * Layout: `<rootDir>/ab/cd/<sha256>` for objects (written read-only, mode 0444) and
 * `<rootDir>/.tmp/` for uploads in flight. `put` streams into a fresh temp file, refuses to write
 * past `maxBytes`, fsyncs, renames into place and fsyncs the target directory; on any error
 * (limit exceeded, source stream failure, disk full) the temp file is removed. A crash can leave
 * a stray file in `.tmp/`, never a partial object: objects only appear by atomic rename.
 */
export function createLocalFileStorage(rootDir: string): FileStorage {
  const root = resolve(rootDir);
  const tempDir = join(root, TEMP_DIR);
  const pathOf = (key: string): string => {
    assertKey(key);
    return join(root, ...key.split('/'));
  };

  async function put(content: AsyncIterable<Uint8Array> | Uint8Array, opts: { maxBytes: number }): Promise<StoredObject> {
    const { maxBytes } = opts;
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) throw new RangeError(`maxBytes must be a non-negative integer, got ${String(maxBytes)}`);
    // Fail fast for in-memory content: nothing is created at all.
    if (content instanceof Uint8Array && content.byteLength > maxBytes) throw new FileTooLargeError(maxBytes);

    await mkdir(tempDir, { recursive: true });
    const tempPath = join(tempDir, `${Date.now().toString(36)}-${randomBytes(12).toString('hex')}.part`);
    const hash = createHash('sha256');
    let size = 0;
    let fh: FileHandle | undefined = await open(tempPath, 'wx', 0o600);
    let renamed = false;
    try {
      for await (const chunk of toChunks(content)) {
        size += chunk.byteLength;
        // Checked before writing, so no byte past the limit ever reaches the disk.
        if (size > maxBytes) throw new FileTooLargeError(maxBytes);
        hash.update(chunk);
        await writeAll(fh, chunk);
      }
      await fh.sync();
      await fh.chmod(0o444);
      await fh.close();
      fh = undefined;

      const sha256 = hash.digest('hex');
      const key = keyForSha256(sha256);
      const finalPath = join(root, ...key.split('/'));
      const existing = await fsStat(finalPath).catch((err: unknown) => {
        if (isErrnoException(err, 'ENOENT')) return null;
        throw err;
      });
      if (existing?.isFile() && existing.size === size) {
        // Dedup: the same bytes are already stored. (A same-named object of the wrong size is
        // damaged; falling through replaces it with the good copy just received.)
        await unlinkQuiet(tempPath);
        return { key, sha256, size };
      }
      const finalDir = join(root, key.slice(0, 2), key.slice(3, 5));
      await mkdir(finalDir, { recursive: true });
      await rename(tempPath, finalPath);
      renamed = true;
      await syncDir(finalDir);
      return { key, sha256, size };
    } finally {
      if (fh) await fh.close().catch(() => undefined);
      if (!renamed) await unlinkQuiet(tempPath).catch(() => undefined);
    }
  }

  async function get(key: string): Promise<Readable> {
    const path = pathOf(key);
    let fh: FileHandle;
    try {
      fh = await open(path, 'r');
    } catch (err) {
      if (isErrnoException(err, 'ENOENT')) throw new ObjectNotFoundError(key);
      throw err;
    }
    return fh.createReadStream({ autoClose: true });
  }

  async function stat(key: string): Promise<{ size: number } | null> {
    const path = pathOf(key);
    try {
      const s = await fsStat(path);
      return s.isFile() ? { size: s.size } : null;
    } catch (err) {
      if (isErrnoException(err, 'ENOENT')) return null;
      throw err;
    }
  }

  async function remove(key: string): Promise<void> {
    await unlinkQuiet(pathOf(key));
  }

  async function checksum(key: string): Promise<string> {
    const stream = await get(key);
    const hash = createHash('sha256');
    for await (const chunk of stream) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }

  async function* keys(): AsyncGenerator<string> {
    const level1 = await opendir(root).catch((err: unknown) => {
      if (isErrnoException(err, 'ENOENT')) return null;
      throw err;
    });
    if (!level1) return;
    for await (const d1 of level1) {
      if (!d1.isDirectory() || !FANOUT_DIR.test(d1.name)) continue;
      const level2 = await opendir(join(root, d1.name));
      for await (const d2 of level2) {
        if (!d2.isDirectory() || !FANOUT_DIR.test(d2.name)) continue;
        const files = await opendir(join(root, d1.name, d2.name));
        for await (const f of files) {
          if (!f.isFile()) continue;
          const key = `${d1.name}/${d2.name}/${f.name}`;
          if (STORAGE_KEY_PATTERN.test(key)) yield key;
        }
      }
    }
  }

  return { put, get, stat, delete: remove, checksum, keys };
}
