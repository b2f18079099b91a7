import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ERROR_CATALOG,
  OPEN_DATA_FORMAT_VERSION,
  csvLine,
  type OpenDataChange,
  type OpenDataChangesPage,
  type OpenDataChangesQuery,
  type OpenDataCurrent,
  type OpenDataDictionary,
  type OpenDataEntityType,
  type OpenDataFile,
  type OpenDataJob,
  type OpenDataManifest,
} from '@stinet/shared';
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/types.js';
import { AppError } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { queryRows } from '../../lib/sql.js';
import { requireRole } from '../access/access.service.js';
import { publicResultCondition } from '../registrations/registrations.repo.js';
import { buildDictionary, entityTexts } from './open-data.dictionary.js';
import { OPEN_DATA_ENTITIES, OPEN_DATA_SCHEMAS, type OpenDataEntity } from './open-data.entities.js';
import { LIST_SEPARATOR, columnsOf, csvHeader, csvRow } from './open-data.format.js';
import { createOpenDataStore, syncPath, type OpenDataStore } from './open-data.store.js';

/** The UTF-8 byte-order mark written at the start of each CSV file (as the task export does, so Excel reads UTF-8). */
const BOM = '\uFEFF';
/** Records read and written per keyset page. */
export const DEFAULT_PAGE_SIZE = 1000;

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

/** Options of {@link createOpenDataService}. */
export interface OpenDataServiceOptions {
  db: Db;
  /** Folder of the open-data files (e.g. `<filesDir>/open-data`). */
  rootDir: string;
  pageSize?: number;
  /** Test hook, called before each page is read; throwing fails the run. */
  beforePage?: (type: OpenDataEntityType, written: number) => void | Promise<void>;
}

/** The open-data service of one app instance. */
export interface OpenDataService {
  store: OpenDataStore;
  /** Marks a generation left running by a stopped process as failed and removes its temp folder. Returns whether one was. */
  recoverInterrupted(): Promise<boolean>;
  /** Starts a generation in the background (national administrators; one at a time). */
  start(ctx: RequestContext): Promise<OpenDataJob>;
  /** The promise of the running generation (resolves when it ends, whatever the outcome), or null. */
  running(): Promise<void> | null;
  current(): Promise<OpenDataCurrent>;
  /** The path and manifest entry of a file of the current dump (the manifest itself included), or null. */
  fileOf(name: string): Promise<{ path: string; file: OpenDataFile } | null>;
  dictionary(): OpenDataDictionary;
  changes(q: OpenDataChangesQuery): Promise<OpenDataChangesPage>;
  /** Stops a running generation (on app close) and waits for it. */
  close(): Promise<void>;
}

/** A file written with its SHA-256 and size computed on the way. */
class HashedFile {
  private readonly hash = createHash('sha256');
  size = 0;
  records = 0;
  private constructor(
    readonly name: string,
    private fh: FileHandle,
  ) {}
  static async create(dir: string, name: string): Promise<HashedFile> {
    return new HashedFile(name, await open(join(dir, name), 'wx', 0o644));
  }
  async write(text: string): Promise<void> {
    if (!text) return;
    const buf = Buffer.from(text, 'utf8');
    this.hash.update(buf);
    this.size += buf.byteLength;
    let offset = 0;
    while (offset < buf.byteLength) offset += (await this.fh.write(buf, offset, buf.byteLength - offset)).bytesWritten;
  }
  async finish(entityType: OpenDataEntityType | null, format: OpenDataFile['format'], records: number | null): Promise<OpenDataFile> {
    await this.fh.sync();
    await this.fh.close();
    return { name: this.name, entityType, format, contentType: CONTENT_TYPES[format], size: this.size, sha256: this.hash.digest('hex'), records };
  }
  async abandon(): Promise<void> {
    await this.fh.close().catch(() => undefined);
  }
}

function errorOf(code: 'OPEN_DATA_DUMP_INTERRUPTED' | 'OPEN_DATA_DUMP_FAILED'): NonNullable<OpenDataJob['error']> {
  return { code, messageVi: ERROR_CATALOG[code].vi, messageEn: ERROR_CATALOG[code].en };
}

class Aborted extends Error {}

/** The license note of the dumps. */
export const OPEN_DATA_LICENSE: OpenDataManifest['license'] = {
  nameVi: 'Được tự do khai thác, sử dụng miễn phí theo Thông tư 10/2017/TT-BKHCN',
  nameEn: 'Free reuse at no charge under Circular 10/2017/TT-BKHCN',
  noteVi: 'Cần xác minh phạm vi thông tin được sử dụng miễn phí theo quy định hiện hành (Thông tư 10/2017/TT-BKHCN, Nghị định 11/2014/NĐ-CP) trước khi công bố điều khoản chính thức. Khi sử dụng, ghi rõ nguồn: Cơ sở dữ liệu quốc gia về KH&CN.',
  noteEn: 'The scope of information usable free of charge under the regulations in force (Circular 10/2017/TT-BKHCN, Decree 11/2014/ND-CP) must be verified before official terms are published. Cite the source: National S&T database.',
};

/** Creates the open-data service on a folder of the files directory. */
export function createOpenDataService(opts: OpenDataServiceOptions): OpenDataService {
  const store = createOpenDataStore(opts.rootDir);
  const pageSize = opts.pageSize ?? DEFAULT_PAGE_SIZE;
  let job: OpenDataJob | null = null;
  let runPromise: Promise<void> | null = null;
  let aborting = false;
  let dictionaryCache: OpenDataDictionary | null = null;

  const dictionary = (): OpenDataDictionary => (dictionaryCache ??= buildDictionary(OPEN_DATA_SCHEMAS));

  async function recoverInterrupted(): Promise<boolean> {
    const state = await store.readState();
    let recovered = false;
    if (state.job?.status === 'running') {
      await store.writeState({ ...state, job: { ...state.job, status: 'failed', finishedAt: new Date().toISOString(), error: errorOf('OPEN_DATA_DUMP_INTERRUPTED') } });
      recovered = true;
    }
    await store.sweep(state.currentDumpId, null);
    return recovered;
  }

  async function saveJob(): Promise<void> {
    const state = await store.readState();
    await store.writeState({ ...state, job });
  }

  async function writeEntity(ex: Executor, dir: string, entity: OpenDataEntity, j: OpenDataJob): Promise<OpenDataFile[]> {
    const { fileBase } = entityTexts(entity.type);
    const columns = columnsOf(entity.schema);
    const csv = await HashedFile.create(dir, `${fileBase}.csv`);
    const jsonl = await HashedFile.create(dir, `${fileBase}.jsonl`);
    try {
      await csv.write(BOM + csvHeader(columns));
      let afterId: string | null = null;
      let records = 0;
      let pages = 0;
      for (;;) {
        if (aborting) throw new Aborted();
        await opts.beforePage?.(entity.type, records);
        const page = await entity.page(ex, afterId, pageSize);
        if (!page.length) break;
        await csv.write(page.map((p) => csvRow(columns, p.record)).join(''));
        await jsonl.write(page.map((p) => `${JSON.stringify(p.record)}\n`).join(''));
        records += page.length;
        j.recordsWritten += page.length;
        afterId = (page[page.length - 1] as { id: string }).id;
        if (++pages % 20 === 0) await saveJob();
        if (page.length < pageSize) break;
      }
      return [await csv.finish(entity.type, 'csv', records), await jsonl.finish(entity.type, 'jsonl', records)];
    } catch (err) {
      await csv.abandon();
      await jsonl.abandon();
      throw err;
    }
  }

  async function writeDictionary(dir: string): Promise<OpenDataFile[]> {
    const dict = dictionary();
    const json = await HashedFile.create(dir, 'data-dictionary.json');
    await json.write(`${JSON.stringify(dict, null, 2)}\n`);
    const csv = await HashedFile.create(dir, 'data-dictionary.csv');
    await csv.write(BOM + csvLine(['entityType', 'field', 'type', 'nullable', 'descriptionVi', 'descriptionEn', 'example']));
    for (const e of dict.entities) for (const f of e.fields) await csv.write(csvLine([e.entityType, f.field, f.type, f.nullable, f.descriptionVi, f.descriptionEn, f.example]));
    return [await json.finish(null, 'json', null), await csv.finish(null, 'csv', null)];
  }

  async function run(j: OpenDataJob): Promise<void> {
    const dumpId = randomUUID();
    const dir = store.tmpDir(j.id);
    try {
      await mkdir(dir, { recursive: true });
      let total = 0;
      for (const e of OPEN_DATA_ENTITIES) total += await e.count(opts.db);
      j.recordsTotal = total;
      const files: OpenDataFile[] = [];
      const counts: OpenDataManifest['counts'] = { organization: 0, researcher: 0, task: 0, result: 0 };
      for (const entity of OPEN_DATA_ENTITIES) {
        j.phase = entity.type;
        await saveJob();
        const written = await writeEntity(opts.db, dir, entity, j);
        counts[entity.type] = written[0]?.records ?? 0;
        files.push(...written);
      }
      j.phase = 'dictionary';
      files.push(...(await writeDictionary(dir)));
      j.phase = 'finishing';
      if (aborting) throw new Aborted();
      const manifest: OpenDataManifest = {
        formatVersion: OPEN_DATA_FORMAT_VERSION,
        dumpId,
        generatedAt: new Date().toISOString(),
        counts,
        files,
        csv: { encoding: 'UTF-8 (with byte-order mark)', delimiter: ',', lineEnd: 'CRLF (RFC 4180)', listSeparator: LIST_SEPARATOR, nestedFields: 'dotted column names, e.g. provinceUnit.code' },
        license: OPEN_DATA_LICENSE,
        changesFeed: '/api/open-data/changes?since=<ISO 8601 datetime>',
      };
      const mf = await HashedFile.create(dir, 'manifest.json');
      await mf.write(`${JSON.stringify(manifest, null, 2)}\n`);
      await mf.finish(null, 'json', null);
      await syncPath(dir);
      await store.publish(j.id, dumpId);
      // the swap: the new dump becomes current only here (the in-memory job says "succeeded" only once it has)
      const done: OpenDataJob = { ...j, status: 'succeeded', phase: 'done', finishedAt: new Date().toISOString() };
      await store.writeState({ currentDumpId: dumpId, job: done });
      Object.assign(j, done);
      await store.sweep(dumpId, null);
    } catch (err) {
      const failed: OpenDataJob = { ...j, status: 'failed', finishedAt: new Date().toISOString(), error: errorOf(err instanceof Aborted ? 'OPEN_DATA_DUMP_INTERRUPTED' : 'OPEN_DATA_DUMP_FAILED') };
      if (!(err instanceof Aborted)) process.stderr.write(`open data: dump ${j.id} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      const state = await store.readState().catch(() => ({ currentDumpId: null, job: null }));
      await store.writeState({ currentDumpId: state.currentDumpId, job: failed }).catch(() => undefined);
      Object.assign(j, failed);
      await store.sweep(state.currentDumpId, null).catch(() => undefined);
    }
  }

  async function start(ctx: RequestContext): Promise<OpenDataJob> {
    requireRole(ctx, 'national_admin');
    if (runPromise) throw new AppError('OPEN_DATA_DUMP_RUNNING');
    const j: OpenDataJob = { id: randomUUID(), status: 'running', phase: 'starting', recordsWritten: 0, recordsTotal: 0, startedAt: new Date().toISOString(), finishedAt: null, error: null };
    job = j;
    aborting = false;
    // claimed synchronously above, so a second request in the same tick gets 409
    runPromise = (async () => {
      await saveJob();
      await run(j);
    })()
      .catch(() => undefined)
      .finally(() => {
        runPromise = null;
      });
    return { ...j };
  }

  async function current(): Promise<OpenDataCurrent> {
    const state = await store.readState();
    const manifest = state.currentDumpId ? await store.readManifest(state.currentDumpId) : null;
    const live = job && (job.status === 'running' || job.id === state.job?.id) ? job : state.job;
    return { manifest, job: live ? { ...live } : null };
  }

  async function fileOf(name: string): Promise<{ path: string; file: OpenDataFile } | null> {
    const state = await store.readState();
    if (!state.currentDumpId) return null;
    const manifest = await store.readManifest(state.currentDumpId);
    if (!manifest) return null;
    const dir = store.dumpDir(state.currentDumpId);
    if (name === 'manifest.json') {
      return { path: join(dir, name), file: { name, entityType: null, format: 'json', contentType: CONTENT_TYPES.json, size: -1, sha256: '', records: null } };
    }
    // only names listed in the manifest: the requested string never reaches the file system otherwise
    const file = manifest.files.find((f) => f.name === name);
    return file ? { path: join(dir, file.name), file } : null;
  }

  async function changes(q: OpenDataChangesQuery): Promise<OpenDataChangesPage> {
    const cursor = q.cursor ? decodeCursor(q.cursor) : null;
    const since = new Date(q.since);
    const after = cursor ? sql`AND (c.updated_at, c.id) > (${cursor.ts}::timestamptz, ${cursor.id}::uuid)` : sql``;
    // present: the public records (the rules of the public API); deleted: the records whose OAI-PMH item turned
    // deleted (kept persistently, in the transaction of the change), at the item's datestamp. A record is in at most
    // one of the two: its OAI-PMH item is deleted exactly when it is not public.
    const rows = await queryRows<{ type: OpenDataEntityType; id: string; ts: string; deleted: boolean }>(
      opts.db,
      sql`SELECT c.type, c.id::text AS id, to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ts, c.deleted FROM (
            SELECT 'organization' AS type, id, updated_at, false AS deleted FROM organization
            UNION ALL SELECT 'researcher', id, updated_at, false FROM researcher
            UNION ALL SELECT 'task', id, updated_at, false FROM task WHERE status = 'published'
            UNION ALL SELECT 'result', result_registration.id, result_registration.updated_at, false
              FROM result_registration JOIN task ON task.id = result_registration.task_id WHERE ${publicResultCondition()}
            UNION ALL SELECT CASE i.entity_type WHEN 'person' THEN 'researcher' WHEN 'project' THEN 'task' WHEN 'product' THEN 'result' ELSE 'organization' END,
              i.entity_id, i.datestamp, true FROM oai_item i WHERE i.deleted AND i.datestamp >= ${since.toISOString()}::timestamptz
          ) c
          WHERE c.updated_at >= ${since.toISOString()}::timestamptz ${after}
          ORDER BY c.updated_at, c.id
          LIMIT ${q.limit + 1}`,
    );
    const pageRows = rows.slice(0, q.limit);
    const records = new Map<string, unknown>();
    for (const entity of OPEN_DATA_ENTITIES) {
      const ids = pageRows.filter((r) => r.type === entity.type && !r.deleted).map((r) => r.id);
      if (ids.length) for (const [id, rec] of await entity.byIds(opts.db, ids)) records.set(`${entity.type}:${id}`, rec);
    }
    const items: OpenDataChange[] = [];
    for (const r of pageRows) {
      const updatedAt = `${r.ts.slice(0, 23)}Z`;
      if (r.deleted) {
        items.push({ type: r.type, id: r.id, updatedAt, deleted: true });
        continue;
      }
      const record = records.get(`${r.type}:${r.id}`);
      // a record made non-public between the two reads is left out (its deletion follows, with a later time)
      if (record) items.push({ type: r.type, id: r.id, updatedAt, deleted: false, record } as OpenDataChange);
    }
    const last = pageRows[pageRows.length - 1];
    return { items, next_cursor: rows.length > q.limit && last ? encodeCursor(last.ts, last.id) : null };
  }

  async function close(): Promise<void> {
    aborting = true;
    await runPromise;
  }

  return { store, recoverInterrupted, start, running: () => runPromise, current, fileOf, dictionary, changes, close };
}

const CURSOR_TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An opaque keyset cursor of the changes feed: the (updatedAt in microseconds, id) of the last item. */
export function encodeCursor(ts: string, id: string): string {
  return Buffer.from(JSON.stringify([ts, id]), 'utf8').toString('base64url');
}

/** Reads a cursor; a malformed one is OPEN_DATA_BAD_CURSOR (400). */
export function decodeCursor(cursor: string): { ts: string; id: string } {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string' && CURSOR_TS.test(v[0]) && UUID.test(v[1])) return { ts: v[0], id: v[1] };
  } catch {
    // fall through
  }
  throw new AppError('OPEN_DATA_BAD_CURSOR', [{ path: 'cursor', code: 'invalid', message: 'Not a cursor of this feed' }]);
}
