import { and, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { organization } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import { containsFolded, listOrder, queryRows, type ListSort } from '../../lib/sql.js';

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

/** A page of organizations and the total count. */
export async function findOrganizations(
  ex: Executor,
  f: OrganizationFilter,
  sort: ListSort,
  page: number,
  pageSize: number,
): Promise<{ rows: OrganizationRow[]; total: number }> {
  const cond = where(f);
  const order = listOrder(sort, { name: organization.nameVi, updatedAt: organization.updatedAt, code: organization.code, id: organization.id });
  const rows = await ex.select().from(organization).where(cond).orderBy(...order).limit(pageSize).offset((page - 1) * pageSize);
  const totalRows = await ex.select({ n: count() }).from(organization).where(cond);
  return { rows, total: Number(totalRows[0]?.n ?? 0) };
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
