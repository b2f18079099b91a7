import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { organization } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import type { ParsedListQuery } from '@stinet/shared';
import { runGrammarList, type GrammarResult, type GrammarTable } from '../../lib/list-grammar-sql.js';
import { containsFolded, queryRows } from '../../lib/sql.js';

/** An organization row. */
export type OrganizationRow = typeof organization.$inferSelect;

/** Filters of the organization list. */
export interface OrganizationFilter {
  q?: string | undefined;
  provinceUnitIds?: string[] | undefined;
  managingUnitIds?: string[] | undefined;
  orgTypeCode?: string | undefined;
  mainFieldCode?: string | undefined;
}


function where(f: OrganizationFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.q) conds.push(containsFolded(organization.nameVi, f.q));
  if (f.provinceUnitIds) conds.push(sql`${organization.provinceUnitId} IN ${f.provinceUnitIds}`);
  if (f.managingUnitIds) conds.push(sql`${organization.managingUnitId} IN ${f.managingUnitIds}`);
  if (f.orgTypeCode) conds.push(sql`(${organization.orgTypeCode} = ${f.orgTypeCode} OR ${organization.orgTypeCode} LIKE ${`${f.orgTypeCode}.%`})`);
  if (f.mainFieldCode) conds.push(sql`${organization.mainFieldCode} LIKE ${`${f.mainFieldCode}%`}`);
  return conds.length ? and(...conds) : undefined;
}

/** The grammar of the organization list (public fields only). */
export const ORGANIZATION_GRAMMAR: GrammarTable = {
  columns: {
    province: { kind: 'string', sql: sql`${organization.provinceUnitId}`, uuid: true },
    managing_unit: { kind: 'string', sql: sql`${organization.managingUnitId}`, uuid: true },
    type: { kind: 'string', sql: sql`${organization.orgTypeCode}`, prefix: 'dotted' },
    economic_type: { kind: 'string', sql: sql`${organization.economicTypeCode}` },
    field: { kind: 'string', sql: sql`${organization.mainFieldCode}`, prefix: true },
    founding_date: { kind: 'date', sql: sql`${organization.foundingDate}` },
  },
  sorts: {
    name: [
      { expr: sql`lower(immutable_unaccent(${organization.nameVi}))`, type: 'text' },
      { expr: sql`${organization.nameVi} COLLATE "C"`, type: 'text' },
    ],
    updated: [{ expr: sql`${organization.updatedAt}`, type: 'timestamptz' }],
    code: [{ expr: sql`${organization.code}`, type: 'text' }],
  },
  selects: ['code', 'nameVi', 'nameAbbr', 'nameEn', 'address', 'provinceUnit', 'managingUnit', 'phone', 'email', 'website', 'foundingDate', 'orgTypeCode', 'economicTypeCode', 'mainFieldCode', 'updatedAt'],
  groups: ['province', 'managing_unit', 'type', 'economic_type', 'field'],
  id: sql`${organization.id}`,
};

/** A page (or groups) of organizations with the list grammar. */
export function findOrganizationsGrammar(ex: Executor, f: OrganizationFilter, q: ParsedListQuery, page: number, pageSize: number): Promise<GrammarResult<OrganizationRow>> {
  return runGrammarList<OrganizationRow>(ex, { from: organization }, [where(f)], ORGANIZATION_GRAMMAR, q, [{ field: 'name', desc: false }], page, pageSize);
}


/** One organization. */
export async function findOrganizationById(ex: Executor, id: string): Promise<OrganizationRow | undefined> {
  const rows = await ex.select().from(organization).where(eq(organization.id, id)).limit(1);
  return rows[0];
}

/** The next organization code, ORG + 7 digits. */
export async function nextOrganizationCode(ex: Executor): Promise<string> {
  const rows = await queryRows<{ n: string }>(ex, sql`SELECT nextval('organization_code_seq')::text AS n`);
  return `ORG${String(rows[0]?.n ?? '0').padStart(7, '0')}`;
}

/** Inserts an organization. */
export async function insertOrganization(ex: Executor, values: typeof organization.$inferInsert): Promise<OrganizationRow> {
  const rows = await ex.insert(organization).values(values).returning();
  return rows[0] as OrganizationRow;
}

/** Updates an organization if its version is still `expectedVersion`; undefined when someone else changed it first. */
export async function updateOrganizationVersioned(
  ex: Executor,
  id: string,
  expectedVersion: number,
  values: Partial<typeof organization.$inferInsert>,
): Promise<OrganizationRow | undefined> {
  const rows = await ex
    .update(organization)
    .set({ ...values, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(organization.id, id), eq(organization.version, expectedVersion)))
    .returning();
  return rows[0];
}

/** A short reference to an organization (for records that point at one). */
export interface OrganizationRefRow {
  id: string;
  code: string;
  nameVi: string;
}

/** Short references of the given organizations, by id (duplicates and unknown ids are fine). */
export async function findOrganizationRefs(ex: Executor, ids: string[]): Promise<Map<string, OrganizationRefRow>> {
  if (!ids.length) return new Map();
  const rows = await ex
    .select({ id: organization.id, code: organization.code, nameVi: organization.nameVi })
    .from(organization)
    .where(inArray(organization.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
