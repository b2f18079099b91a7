import type { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import type { FileAccessTier, StoredFile } from '@stinet/shared';
import { storedFile } from '../../db/schema.js';
import type { Db, Executor } from '../../db/types.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { recordAudit } from '../../lib/audit.js';
import { queryRows } from '../../lib/sql.js';
import { FileTooLargeError, type FileStorage } from '../../storage/file-storage.js';
import { peekHead, sniffFile } from '../../storage/sniff.js';
import { organizationAccess, requireRole } from '../access/access.service.js';
import { findOrganizationById } from '../organizations/organizations.repo.js';

type StoredFileRow = typeof storedFile.$inferSelect;

/** The API shape of a stored file. */
export function presentFile(row: StoredFileRow): StoredFile {
  return {
    id: row.id,
    originalName: row.originalName,
    size: row.size,
    sha256: row.sha256,
    mime: row.mime,
    kind: row.kind,
    accessTier: row.accessTier,
    organizationId: row.organizationId,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Stores an upload for an organization the caller may edit: the head is sniffed first (content decides the type,
 * the extension must agree), then the content streams into the storage with its SHA-256, never past the limit.
 * A refused file leaves nothing behind.
 */
export async function uploadFile(
  db: Db,
  storage: FileStorage,
  ctx: RequestContext,
  input: { organizationId: string; accessTier: FileAccessTier; filename: string; content: AsyncIterable<Uint8Array>; maxBytes: number },
): Promise<StoredFile> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  const org = await findOrganizationById(db, input.organizationId);
  if (!org) throw fieldError('VALIDATION_FAILED', 'organizationId', 'Unknown organization');
  if (!(await organizationAccess(db, actor, org)).canEdit) throw new AppError('OUT_OF_SCOPE');
  const name = input.filename.normalize('NFC').replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 255);
  if (!name) throw fieldError('VALIDATION_FAILED', 'file', 'The file has no name');
  const { head, content } = await peekHead(input.content);
  const sniffed = await sniffFile(head, name);
  if (!sniffed.ok) throw new AppError('UNSUPPORTED_FILE_TYPE', [{ path: 'file', code: sniffed.reason, message: sniffed.message }]);
  let stored;
  try {
    stored = await storage.put(content, { maxBytes: input.maxBytes });
  } catch (err) {
    if (err instanceof FileTooLargeError) throw new AppError('FILE_TOO_LARGE', [{ path: 'file', code: 'too_large', message: `Limit ${err.limit} bytes` }]);
    throw err;
  }
  const mime = sniffed.charset ? `${sniffed.mime}; charset=${sniffed.charset}` : sniffed.mime;
  return db.transaction(async (tx) => {
    const row = (
      await tx
        .insert(storedFile)
        .values({ storageKey: stored.key, sha256: stored.sha256, size: stored.size, mime, kind: sniffed.kind, originalName: name, accessTier: input.accessTier, organizationId: org.id, uploadedBy: actor.id })
        .returning()
    )[0] as StoredFileRow;
    await recordAudit(tx, ctx, { action: 'create', entityType: 'stored_file', entityId: row.id, after: presentFile(row) });
    return presentFile(row);
  });
}

async function load(ex: Executor, id: string): Promise<StoredFileRow> {
  const row = (await ex.select().from(storedFile).where(eq(storedFile.id, id)).limit(1))[0];
  if (!row) throw notFound('file');
  return row;
}

/** Whether a file belongs to a result whose certificate was revoked (a void registration: its documents stop being public). */
async function inRevokedResult(ex: Executor, fileId: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    ex,
    sql`SELECT 1 AS one FROM registration_file rf JOIN certificate c ON c.registration_id = rf.registration_id WHERE rf.file_id = ${fileId}::uuid AND c.status = 'revoked' LIMIT 1`,
  );
  return rows.length > 0;
}

/**
 * Whether the caller may see the metadata / the content of a file, by its access tier and their scope. A public file
 * of a result whose certificate was revoked is served like a focal-point file: to its organization's scope only.
 */
async function fileAccess(ex: Executor, ctx: RequestContext, row: StoredFileRow): Promise<{ meta: boolean; content: boolean }> {
  const actor = ctx.actor;
  const publicTier = (row.accessTier === 'public_fulltext' || row.accessTier === 'public_metadata') && !(await inRevokedResult(ex, row.id));
  if (publicTier && row.accessTier === 'public_fulltext') return { meta: true, content: true };
  const publicMeta = publicTier && row.accessTier === 'public_metadata';
  if (!actor) return { meta: publicMeta, content: false };
  if (actor.role === 'national_admin' || actor.id === row.uploadedBy) return { meta: true, content: true };
  if (row.accessTier === 'restricted') return { meta: false, content: false };
  const org = await findOrganizationById(ex, row.organizationId);
  const inScope = org ? (await organizationAccess(ex, actor, org)).canRead : false;
  return { meta: publicMeta || inScope, content: inScope };
}

/** A file's metadata, if the caller may see it. */
export async function getFile(ex: Executor, ctx: RequestContext, id: string): Promise<StoredFile> {
  const row = await load(ex, id);
  const access = await fileAccess(ex, ctx, row);
  if (!access.meta) throw new AppError(ctx.actor ? 'OUT_OF_SCOPE' : 'UNAUTHENTICATED');
  return presentFile(row);
}

/** A file's content stream with its metadata, if the caller may read it. */
export async function openFile(ex: Executor, storage: FileStorage, ctx: RequestContext, id: string): Promise<{ file: StoredFile; stream: Readable }> {
  const row = await load(ex, id);
  const access = await fileAccess(ex, ctx, row);
  if (!access.content) throw new AppError(ctx.actor ? 'OUT_OF_SCOPE' : 'UNAUTHENTICATED');
  return { file: presentFile(row), stream: (await storage.get(row.storageKey)) as Readable };
}

/** Every stored file record, for the fixity check. */
export async function* fileRecords(ex: Executor): AsyncIterable<{ key: string; sha256: string; size: number }> {
  const pageSize = 1000;
  for (let offset = 0; ; offset += pageSize) {
    const rows = await ex.select({ key: storedFile.storageKey, sha256: storedFile.sha256, size: storedFile.size }).from(storedFile).orderBy(storedFile.id).limit(pageSize).offset(offset);
    yield* rows;
    if (rows.length < pageSize) return;
  }
}
