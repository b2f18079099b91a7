import { and, eq, inArray, isNull, lte, or, gte, sql, type SQL } from 'drizzle-orm';
import type { OrgUnitKind } from '@stinet/shared';
import { orgUnit, orgUnitSuccession } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import { containsFolded } from '../../lib/sql.js';

/** An org_unit row. */
export type OrgUnitRow = typeof orgUnit.$inferSelect;

/** SQL condition: the unit is valid on `date`. */
export function validOn(date: string): SQL {
  return and(lte(orgUnit.validFrom, date), or(isNull(orgUnit.validTo), gte(orgUnit.validTo, date))) as SQL;
}

/** Units valid on a date, optionally of one kind and matching text (diacritic-insensitive). */
export async function findUnits(ex: Executor, f: { asOf: string; kind?: OrgUnitKind; q?: string }): Promise<OrgUnitRow[]> {
  const conds: SQL[] = [validOn(f.asOf)];
  if (f.kind) conds.push(eq(orgUnit.kind, f.kind));
  if (f.q) {
    conds.push(sql`(${containsFolded(orgUnit.nameVi, f.q)} OR ${containsFolded(orgUnit.shortNameVi, f.q)} OR ${containsFolded(orgUnit.nameEn, f.q)} OR ${orgUnit.code} = ${f.q})`);
  }
  return ex.select().from(orgUnit).where(and(...conds));
}

/** One unit by id. */
export async function findUnitById(ex: Executor, id: string): Promise<OrgUnitRow | undefined> {
  const rows = await ex.select().from(orgUnit).where(eq(orgUnit.id, id)).limit(1);
  return rows[0];
}

/** Several units by id. */
export async function findUnitsByIds(ex: Executor, ids: string[]): Promise<Map<string, OrgUnitRow>> {
  if (ids.length === 0) return new Map();
  const rows = await ex.select().from(orgUnit).where(inArray(orgUnit.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Succession links touching a unit, in both directions, with the other unit. */
export async function findSuccessions(
  ex: Executor,
  id: string,
): Promise<{ predecessors: { unit: OrgUnitRow; effectiveDate: string; note: string | null }[]; successors: { unit: OrgUnitRow; effectiveDate: string; note: string | null }[] }> {
  const links = await ex
    .select()
    .from(orgUnitSuccession)
    .where(or(eq(orgUnitSuccession.predecessorId, id), eq(orgUnitSuccession.successorId, id)));
  const units = await findUnitsByIds(ex, links.flatMap((l) => [l.predecessorId, l.successorId]));
  const pick = (otherId: string, l: (typeof links)[number]) => ({ unit: units.get(otherId) as OrgUnitRow, effectiveDate: l.effectiveDate, note: l.note });
  return {
    predecessors: links.filter((l) => l.successorId === id).map((l) => pick(l.predecessorId, l)),
    successors: links.filter((l) => l.predecessorId === id).map((l) => pick(l.successorId, l)),
  };
}

/** Inserts a unit. */
export async function insertUnit(ex: Executor, values: typeof orgUnit.$inferInsert): Promise<OrgUnitRow> {
  const rows = await ex.insert(orgUnit).values(values).returning();
  return rows[0] as OrgUnitRow;
}

/** Updates a unit. */
export async function updateUnit(ex: Executor, id: string, values: Partial<typeof orgUnit.$inferInsert>): Promise<OrgUnitRow> {
  const rows = await ex.update(orgUnit).set({ ...values, updatedAt: new Date() }).where(eq(orgUnit.id, id)).returning();
  return rows[0] as OrgUnitRow;
}

/** Inserts succession links. */
export async function insertSuccessions(ex: Executor, values: (typeof orgUnitSuccession.$inferInsert)[]): Promise<void> {
  if (values.length) await ex.insert(orgUnitSuccession).values(values);
}
