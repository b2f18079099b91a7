import { auditLog } from '../db/schema.js';
import type { Executor } from '../db/types.js';
import type { RequestContext } from '../http/context.js';

/** Fields never copied into the audit log. */
const REDACTED_FIELDS = new Set(['passwordHash', 'tokenHash', 'csrfToken']);

type Row = Record<string, unknown>;

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}

function clean(row: Row | null): Row | null {
  if (!row) return null;
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (REDACTED_FIELDS.has(k)) continue;
    out[k] = normalise(v);
  }
  return out;
}

/** The names of fields whose values differ between two versions (ignoring bookkeeping fields). */
export function diffFields(before: Row | null, after: Row | null): string[] {
  const ignore = new Set(['updatedAt', 'createdAt', 'version']);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys]
    .filter((k) => !ignore.has(k) && !REDACTED_FIELDS.has(k))
    .filter((k) => JSON.stringify(normalise(before?.[k]) ?? null) !== JSON.stringify(normalise(after?.[k]) ?? null))
    .sort();
}

/** One change to record. */
export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: Row | null;
  after?: Row | null;
}

/**
 * Appends an audit entry in the same transaction as the change it describes. For updates only
 * the changed fields are stored in before/after.
 */
export async function recordAudit(tx: Executor, ctx: RequestContext, input: AuditInput): Promise<void> {
  const before = clean(input.before ?? null);
  const after = clean(input.after ?? null);
  const changed = diffFields(before, after);
  const pick = (row: Row | null): Row | null =>
    row && before && after ? Object.fromEntries(changed.map((k) => [k, row[k] ?? null])) : row;
  await tx.insert(auditLog).values({
    actorId: ctx.actor?.id ?? null,
    actorUsername: ctx.actor?.username ?? (ctx.requestId === 'system' ? 'system' : null),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    changedFields: changed,
    before: pick(before),
    after: pick(after),
    ip: ctx.ip,
    requestId: ctx.requestId,
  });
}
