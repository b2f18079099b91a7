import { constants as fsConstants } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { OpenDataJob, OpenDataManifest } from '@stinet/shared';
import { z } from 'zod';

/**
 * Where the open-data dumps live: a folder of the files directory, outside the content-addressed object layout
 * (its names are not two-hex fan-out folders, so fixity sweeps and orphan checks never see it).
 *
 * Layout: `state.json` (the current dump id and the last or running generation: the only mutable file, replaced
 * by write-then-rename), `dumps/<dumpId>/` (complete dumps with their `manifest.json`), `tmp/<jobId>/` (a generation
 * in progress). A dump folder appears only by rename once complete, and becomes current only when `state.json` is
 * swapped, so a failed or interrupted run never replaces the last good dump.
 */

/** The persisted state of the open-data module. */
export const OpenDataState = z.object({ currentDumpId: z.string().nullable(), job: OpenDataJob.nullable() });
export type OpenDataState = z.infer<typeof OpenDataState>;

/** File-system access of the open-data module. */
export interface OpenDataStore {
  root: string;
  tmpDir(jobId: string): string;
  dumpDir(dumpId: string): string;
  readState(): Promise<OpenDataState>;
  writeState(state: OpenDataState): Promise<void>;
  /** The manifest of a complete dump (cached), or null when unreadable. */
  readManifest(dumpId: string): Promise<OpenDataManifest | null>;
  /** Moves a complete temp folder into `dumps/`. */
  publish(jobId: string, dumpId: string): Promise<void>;
  /** Removes dump folders other than `keepDumpId`, and temp folders other than `keepJobId`. */
  sweep(keepDumpId: string | null, keepJobId: string | null): Promise<void>;
}

/** fsyncs a file or folder (best effort on platforms that refuse folders). */
export async function syncPath(path: string): Promise<void> {
  let fh;
  try {
    fh = await open(path, fsConstants.O_RDONLY);
    await fh.sync();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw err;
  } finally {
    await fh?.close();
  }
}

/** The store under `rootDir` (created on demand). */
export function createOpenDataStore(rootDir: string): OpenDataStore {
  const root = resolve(rootDir);
  const statePath = join(root, 'state.json');
  const dumps = join(root, 'dumps');
  const tmp = join(root, 'tmp');
  const manifests = new Map<string, OpenDataManifest>();
  const idOk = (id: string) => /^[0-9a-f-]{36}$/.test(id);
  const checked = (id: string) => {
    if (!idOk(id)) throw new Error(`open data: bad id ${JSON.stringify(id)}`);
    return id;
  };

  async function readState(): Promise<OpenDataState> {
    try {
      return OpenDataState.parse(JSON.parse(await readFile(statePath, 'utf8')));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { currentDumpId: null, job: null };
      throw err;
    }
  }

  async function writeState(state: OpenDataState): Promise<void> {
    await mkdir(root, { recursive: true });
    const temp = join(root, `state.json.${process.pid}.${Date.now().toString(36)}.tmp`);
    const fh = await open(temp, 'w', 0o644);
    try {
      await fh.writeFile(JSON.stringify(state, null, 2), 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(temp, statePath);
    await syncPath(root);
  }

  async function readManifest(dumpId: string): Promise<OpenDataManifest | null> {
    const cached = manifests.get(dumpId);
    if (cached) return cached;
    try {
      const m = OpenDataManifest.parse(JSON.parse(await readFile(join(dumps, checked(dumpId), 'manifest.json'), 'utf8')));
      manifests.set(dumpId, m);
      return m;
    } catch {
      return null;
    }
  }

  async function publish(jobId: string, dumpId: string): Promise<void> {
    await mkdir(dumps, { recursive: true });
    await rename(join(tmp, checked(jobId)), join(dumps, checked(dumpId)));
    await syncPath(dumps);
  }

  async function sweep(keepDumpId: string | null, keepJobId: string | null): Promise<void> {
    for (const [dir, keep] of [[dumps, keepDumpId], [tmp, keepJobId]] as const) {
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names) if (name !== keep && idOk(name)) await rm(join(dir, name), { recursive: true, force: true });
    }
    for (const id of manifests.keys()) if (id !== keepDumpId) manifests.delete(id);
  }

  return {
    root,
    tmpDir: (jobId) => join(tmp, checked(jobId)),
    dumpDir: (dumpId) => join(dumps, checked(dumpId)),
    readState,
    writeState,
    readManifest,
    publish,
    sweep,
  };
}
