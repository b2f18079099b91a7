import type { FileStorage } from './file-storage.js';

/** What the database says about one deposited file. */
export interface FixityRecord {
  /** Storage key. */
  key: string;
  /** SHA-256 recorded at deposit time (hex; compared case-insensitively). */
  sha256: string;
  /** Size in bytes recorded at deposit time. */
  size: number;
}

/** A stored object whose SHA-256 no longer matches the recorded one. */
export interface ChecksumMismatch {
  key: string;
  expected: string;
  actual: string;
}

/** A stored object whose size no longer matches the recorded one (its checksum is not recomputed). */
export interface SizeMismatch {
  key: string;
  expected: number;
  actual: number;
}

/** Result of a fixity sweep. `checked === ok + mismatched + missing + sizeMismatch + errors`. */
export interface FixityReport {
  /** Records examined. */
  checked: number;
  /** Records whose object exists with the recorded size and SHA-256. */
  ok: number;
  /** Objects whose content changed (bit rot, tampering, or a wrong record). */
  mismatched: ChecksumMismatch[];
  /** Keys recorded but absent from storage. */
  missing: string[];
  /** Objects whose size differs from the record. */
  sizeMismatch: SizeMismatch[];
  /** Records that could not be checked (malformed key, I/O error); the sweep goes on. */
  errors: { key: string; message: string }[];
  /** Stored keys that no record references; only when `orphans: true` was requested. */
  orphans?: string[];
  /** Sweep start and end, ISO 8601. */
  startedAt: string;
  finishedAt: string;
}

/** Options of {@link runFixityCheck}. */
export interface FixityOptions {
  /** Also list stored objects that no record references (walks every stored key; holds all record keys in memory). */
  orphans?: boolean;
}

/**
 * Verifies every record against storage: the object must exist, have the recorded size, and hash to
 * the recorded SHA-256. Records are streamed; an object shared by several records (dedup) is hashed
 * once. Never throws for a bad object or record: every problem lands in the report.
 */
export async function runFixityCheck(
  storage: FileStorage,
  records: AsyncIterable<FixityRecord> | Iterable<FixityRecord>,
  options: FixityOptions = {},
): Promise<FixityReport> {
  const startedAt = new Date().toISOString();
  const report: FixityReport = { checked: 0, ok: 0, mismatched: [], missing: [], sizeMismatch: [], errors: [], startedAt, finishedAt: startedAt };
  const seenKeys = options.orphans ? new Set<string>() : null;
  /** Per key: actual size (null = missing) and lazily computed checksum, so shared objects are read once. */
  const observed = new Map<string, { size: number | null; sha256?: string }>();

  for await (const record of records) {
    report.checked++;
    seenKeys?.add(record.key);
    try {
      let facts = observed.get(record.key);
      if (!facts) {
        const st = await storage.stat(record.key);
        facts = { size: st ? st.size : null };
        observed.set(record.key, facts);
      }
      if (facts.size === null) {
        report.missing.push(record.key);
        continue;
      }
      if (facts.size !== record.size) {
        report.sizeMismatch.push({ key: record.key, expected: record.size, actual: facts.size });
        continue;
      }
      facts.sha256 ??= await storage.checksum(record.key);
      const expected = record.sha256.toLowerCase();
      if (facts.sha256 !== expected) {
        report.mismatched.push({ key: record.key, expected, actual: facts.sha256 });
        continue;
      }
      report.ok++;
    } catch (err) {
      report.errors.push({ key: record.key, message: err instanceof Error ? err.message : String(err) });
    }
  }

  if (seenKeys) {
    const orphans: string[] = [];
    for await (const key of storage.keys()) if (!seenKeys.has(key)) orphans.push(key);
    orphans.sort();
    report.orphans = orphans;
  }
  report.finishedAt = new Date().toISOString();
  return report;
}
