import { z } from 'zod';
import { Uuid } from './common.js';
import { OrganizationPublic } from './organization.js';
import { ResultPublic } from './registration.js';
import { ResearcherPublic } from './researcher.js';
import { TaskPublic } from './task.js';

/**
 * Open data (bulk dumps and a changes feed) of the public records: organizations, researchers,
 * published non-secret tasks (TT 14/2014 Art 23(2) fields) and registered results whose certificate is not revoked.
 */

/** The entity types published as open data. */
export const OPEN_DATA_ENTITY_TYPES = ['organization', 'researcher', 'task', 'result'] as const;
/** One entity type published as open data. */
export const OpenDataEntityType = z.enum(OPEN_DATA_ENTITY_TYPES);
export type OpenDataEntityType = z.infer<typeof OpenDataEntityType>;

/** Version of the dump layout (file names, CSV conventions, manifest fields). */
export const OPEN_DATA_FORMAT_VERSION = '1.0';

/** One file of a dump, as listed in its manifest. */
export const OpenDataFile = z.object({
  name: z.string(),
  entityType: OpenDataEntityType.nullable(),
  format: z.enum(['csv', 'jsonl', 'json']),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  /** Records in the file (data files only). */
  records: z.number().int().nullable(),
});
export type OpenDataFile = z.infer<typeof OpenDataFile>;

/** The manifest of a complete dump (also written as `manifest.json` next to the files). */
export const OpenDataManifest = z.object({
  formatVersion: z.string(),
  dumpId: Uuid,
  generatedAt: z.string(),
  counts: z.object({ organization: z.number().int(), researcher: z.number().int(), task: z.number().int(), result: z.number().int() }),
  files: z.array(OpenDataFile),
  csv: z.object({ encoding: z.string(), delimiter: z.string(), lineEnd: z.string(), listSeparator: z.string(), nestedFields: z.string() }),
  license: z.object({ nameVi: z.string(), nameEn: z.string(), noteVi: z.string(), noteEn: z.string() }),
  changesFeed: z.string(),
});
export type OpenDataManifest = z.infer<typeof OpenDataManifest>;

/** Phases of a dump generation. */
export const OpenDataJobPhase = z.enum(['starting', 'organization', 'researcher', 'task', 'result', 'dictionary', 'finishing', 'done']);
export type OpenDataJobPhase = z.infer<typeof OpenDataJobPhase>;

/** A dump generation (running, or the last one finished). */
export const OpenDataJob = z.object({
  id: Uuid,
  status: z.enum(['running', 'succeeded', 'failed']),
  phase: OpenDataJobPhase,
  recordsWritten: z.number().int(),
  /** Public records counted at the start (an estimate: records may change while the dump runs). */
  recordsTotal: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.object({ code: z.string(), messageVi: z.string(), messageEn: z.string() }).nullable(),
});
export type OpenDataJob = z.infer<typeof OpenDataJob>;

/** The latest complete dump and the last (or running) generation. */
export const OpenDataCurrent = z.object({ manifest: OpenDataManifest.nullable(), job: OpenDataJob.nullable() });
export type OpenDataCurrent = z.infer<typeof OpenDataCurrent>;

/** One field of the data dictionary (CSV column; nested objects use dotted names). */
export const OpenDataDictionaryField = z.object({
  field: z.string(),
  type: z.string(),
  nullable: z.boolean(),
  descriptionVi: z.string(),
  descriptionEn: z.string(),
  example: z.string(),
});
export type OpenDataDictionaryField = z.infer<typeof OpenDataDictionaryField>;

/** The data dictionary: the fields of every entity type. */
export const OpenDataDictionary = z.object({
  formatVersion: z.string(),
  entities: z.array(
    z.object({
      entityType: OpenDataEntityType,
      fileBase: z.string(),
      titleVi: z.string(),
      titleEn: z.string(),
      fields: z.array(OpenDataDictionaryField),
    }),
  ),
});
export type OpenDataDictionary = z.infer<typeof OpenDataDictionary>;

/** Path parameters of a dump file download. */
export const OpenDataFileParams = z.strictObject({ name: z.string().regex(/^[a-z0-9-]{1,60}\.(csv|jsonl|json)$/, 'Expected a dump file name') });

/** Query of the changes feed. */
export const OpenDataChangesQuery = z.strictObject({
  since: z.iso.datetime({ offset: true }),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type OpenDataChangesQuery = z.infer<typeof OpenDataChangesQuery>;

const change = <T extends OpenDataEntityType, S extends z.ZodType>(type: T, record: S) =>
  z.object({ type: z.literal(type), id: Uuid, updatedAt: z.string(), deleted: z.literal(false), record });

/** One changed public record, in the shape of the public API (`deleted: false`). */
export const OpenDataRecordChange = z.discriminatedUnion('type', [
  change('organization', OrganizationPublic),
  change('researcher', ResearcherPublic),
  change('task', TaskPublic),
  change('result', ResultPublic),
]);
export type OpenDataRecordChange = z.infer<typeof OpenDataRecordChange>;

/**
 * A record that stopped being public (a result whose certificate was revoked, a task no longer published; the
 * OAI-PMH record turned deleted): its type, id and the time it stopped being public (whole seconds), no record
 * fields. A mirror removes it.
 */
export const OpenDataDeletion = z.object({ type: OpenDataEntityType, id: Uuid, updatedAt: z.string(), deleted: z.literal(true) });
export type OpenDataDeletion = z.infer<typeof OpenDataDeletion>;

/** One entry of the changes feed: a changed public record or a deletion, told apart by `deleted`. */
export const OpenDataChange = z.union([OpenDataRecordChange, OpenDataDeletion]);
export type OpenDataChange = z.infer<typeof OpenDataChange>;

/** A page of the changes feed; `next_cursor` is null on the last page. */
export const OpenDataChangesPage = z.object({ items: z.array(OpenDataChange), next_cursor: z.string().nullable() });
export type OpenDataChangesPage = z.infer<typeof OpenDataChangesPage>;
