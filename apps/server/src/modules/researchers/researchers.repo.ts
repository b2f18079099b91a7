import { and, eq, sql, type SQL } from 'drizzle-orm';
import { researcher } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import type { ParsedListQuery } from '@stinet/shared';
import { runGrammarList, type GrammarResult, type GrammarTable } from '../../lib/list-grammar-sql.js';
import { containsFolded, queryRows } from '../../lib/sql.js';

/** A researcher row. */
export type ResearcherRow = typeof researcher.$inferSelect;

/** Filters of the researcher list. */
export interface ResearcherFilter {
  q?: string | undefined;
  organizationId?: string | undefined;
  provinceUnitIds?: string[] | undefined;
  fieldCode?: string | undefined;
  qualificationCode?: string | undefined;
}


function where(f: ResearcherFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.q) conds.push(containsFolded(researcher.fullName, f.q));
  if (f.organizationId) conds.push(eq(researcher.organizationId, f.organizationId));
  if (f.provinceUnitIds) {
    // qualified names: drizzle renders columns unqualified, which inside a subquery would bind to the inner table
    conds.push(sql`"researcher"."organization_id" IN (SELECT o.id FROM organization o WHERE o.province_unit_id IN ${f.provinceUnitIds})`);
  }
  if (f.fieldCode) conds.push(sql`${researcher.fieldCode} LIKE ${`${f.fieldCode}%`}`);
  if (f.qualificationCode) conds.push(eq(researcher.qualificationCode, f.qualificationCode));
  return conds.length ? and(...conds) : undefined;
}

/** The grammar of the researcher list (public fields only: no birth year, gender or contacts). */
export const RESEARCHER_GRAMMAR: GrammarTable = {
  columns: {
    organization: { kind: 'string', sql: sql`${researcher.organizationId}`, uuid: true },
    qualification: { kind: 'string', sql: sql`${researcher.qualificationCode}` },
    academic_title: { kind: 'string', sql: sql`${researcher.academicTitleCode}` },
    field: { kind: 'string', sql: sql`${researcher.fieldCode}`, prefix: true },
  },
  sorts: {
    name: [
      { expr: sql`lower(immutable_unaccent(${researcher.fullName}))`, type: 'text' },
      { expr: sql`${researcher.fullName} COLLATE "C"`, type: 'text' },
    ],
    updated: [{ expr: sql`${researcher.updatedAt}`, type: 'timestamptz' }],
    code: [{ expr: sql`${researcher.code}`, type: 'text' }],
  },
  selects: ['code', 'fullName', 'qualificationCode', 'academicTitleCode', 'fieldCode', 'organization', 'position', 'orcid', 'updatedAt'],
  groups: ['organization', 'qualification', 'academic_title', 'field'],
  id: sql`${researcher.id}`,
};

/** A page (or groups) of researchers with the list grammar. */
export function findResearchersGrammar(ex: Executor, f: ResearcherFilter, q: ParsedListQuery, page: number, pageSize: number): Promise<GrammarResult<ResearcherRow>> {
  return runGrammarList<ResearcherRow>(ex, { from: researcher }, [where(f)], RESEARCHER_GRAMMAR, q, [{ field: 'name', desc: false }], page, pageSize);
}


/** One researcher. */
export async function findResearcherById(ex: Executor, id: string): Promise<ResearcherRow | undefined> {
  const rows = await ex.select().from(researcher).where(eq(researcher.id, id)).limit(1);
  return rows[0];
}

/** The next researcher code, NCV + 7 digits. */
export async function nextResearcherCode(ex: Executor): Promise<string> {
  const rows = await queryRows<{ n: string }>(ex, sql`SELECT nextval('researcher_code_seq')::text AS n`);
  return `NCV${String(rows[0]?.n ?? '0').padStart(7, '0')}`;
}

/** Inserts a researcher. */
export async function insertResearcher(ex: Executor, values: typeof researcher.$inferInsert): Promise<ResearcherRow> {
  const rows = await ex.insert(researcher).values(values).returning();
  return rows[0] as ResearcherRow;
}

/** Updates a researcher if the version still matches. */
export async function updateResearcherVersioned(
  ex: Executor,
  id: string,
  expectedVersion: number,
  values: Partial<typeof researcher.$inferInsert>,
): Promise<ResearcherRow | undefined> {
  const rows = await ex
    .update(researcher)
    .set({ ...values, version: expectedVersion + 1, updatedAt: new Date() })
    .where(and(eq(researcher.id, id), eq(researcher.version, expectedVersion)))
    .returning();
  return rows[0];
}
