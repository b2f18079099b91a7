import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalFileStorage, keyForSha256, type FileStorage, type StoredObject } from './file-storage.js';
import { runFixityCheck, type FixityRecord } from './fixity.js';

async function* records(list: FixityRecord[]): AsyncGenerator<FixityRecord> {
  for (const r of list) yield r;
}

describe('runFixityCheck', () => {
  let root: string;
  let storage: FileStorage;
  let a: StoredObject;
  let b: StoredObject;
  let c: StoredObject;
  const pathOf = (key: string): string => join(root, ...key.split('/'));

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'stinet-fixity-'));
    storage = createLocalFileStorage(root);
    a = await storage.put(Buffer.from('Báo cáo tổng hợp kết quả nhiệm vụ'), { maxBytes: 1000 });
    b = await storage.put(Buffer.from('Báo cáo tóm tắt'), { maxBytes: 1000 });
    c = await storage.put(Buffer.from('ma,ten\n1,Hà Nội\n'), { maxBytes: 1000 });
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('passes intact objects', async () => {
    const report = await runFixityCheck(storage, records([a, b, c]));
    expect(report).toMatchObject({ checked: 3, ok: 3, mismatched: [], missing: [], sizeMismatch: [], errors: [] });
    expect(report.orphans).toBeUndefined();
    expect(Date.parse(report.finishedAt)).toBeGreaterThanOrEqual(Date.parse(report.startedAt));
  });

  it('detects a byte flipped on disk and a deleted object', async () => {
    const path = pathOf(a.key);
    chmodSync(path, 0o644); // objects are written read-only
    const bytes = readFileSync(path);
    bytes[5] = (bytes[5] ?? 0) ^ 0x01;
    writeFileSync(path, bytes);
    rmSync(pathOf(b.key), { force: true });

    const report = await runFixityCheck(storage, records([a, b, c]));
    expect(report.checked).toBe(3);
    expect(report.ok).toBe(1);
    expect(report.mismatched).toHaveLength(1);
    expect(report.mismatched[0]).toMatchObject({ key: a.key, expected: a.sha256 });
    expect(report.mismatched[0]?.actual).toMatch(/^[0-9a-f]{64}$/);
    expect(report.mismatched[0]?.actual).not.toBe(a.sha256);
    expect(report.missing).toEqual([b.key]);
  });

  it('reports a size change without rehashing', async () => {
    const path = pathOf(c.key);
    chmodSync(path, 0o644);
    writeFileSync(path, 'ma,ten\n');
    const report = await runFixityCheck(storage, records([c]));
    expect(report.sizeMismatch).toEqual([{ key: c.key, expected: c.size, actual: 7 }]);
    expect(report.ok).toBe(0);
  });

  it('reports a record whose checksum disagrees with an intact object, and compares hex case-insensitively', async () => {
    const wrong = { ...b, sha256: a.sha256 };
    const upper = { ...c, sha256: c.sha256.toUpperCase() };
    const report = await runFixityCheck(storage, [wrong, upper]);
    expect(report.mismatched).toEqual([{ key: b.key, expected: a.sha256, actual: b.sha256 }]);
    expect(report.ok).toBe(1);
  });

  it('lists orphans only when asked', async () => {
    const report = await runFixityCheck(storage, records([a, b]), { orphans: true });
    expect(report.ok).toBe(2);
    expect(report.orphans).toEqual([c.key]);
    expect((await runFixityCheck(storage, records([a, b, c]), { orphans: true })).orphans).toEqual([]);
  });

  it('hashes an object shared by several records (dedup) once', async () => {
    let checksums = 0;
    const counting: FileStorage = {
      ...storage,
      checksum: async (key) => {
        checksums++;
        return storage.checksum(key);
      },
    };
    const report = await runFixityCheck(counting, records([a, { ...a }, { ...a }, b]));
    expect(report).toMatchObject({ checked: 4, ok: 4 });
    expect(checksums).toBe(2);
  });

  it('keeps going past malformed records', async () => {
    const report = await runFixityCheck(storage, records([{ key: '../../etc/passwd', sha256: a.sha256, size: 1 }, a, { key: keyForSha256('0'.repeat(64)), sha256: '0'.repeat(64), size: 0 }]));
    expect(report.checked).toBe(3);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.key).toBe('../../etc/passwd');
    expect(report.errors[0]?.message).toMatch(/Invalid storage key/);
    expect(report.ok).toBe(1);
    expect(report.missing).toEqual([keyForSha256('0'.repeat(64))]);
  });
});
