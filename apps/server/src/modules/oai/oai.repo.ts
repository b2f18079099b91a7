import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/types.js';

/** The kinds of records the OAI-PMH provider exposes (the `<type>` of `oai:<repo>:<type>/<uuid>`). */
export type OaiEntityType = 'organization' | 'person' | 'project' | 'product';

/** Every entity type, in a stable order. */
export const OAI_ENTITY_TYPES: readonly OaiEntityType[] = ['organization', 'person', 'project', 'product'];

/** Counts the SQL statements the OAI-PMH read path sends (tests assert a constant number per page). */
export interface QueryCounter {
  queries: number;
}

async function rows<T extends Record<string, unknown>>(ex: Executor, query: SQL, counter?: QueryCounter): Promise<T[]> {
  if (counter) counter.queries += 1;
  const result = (await ex.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Per entity type: a SELECT of (entity_type, entity_id, public, sets) for the rows matching `where`.
 * "Public" follows the public API: organizations and researchers always (public fields only), tasks once published,
 * results once registered while their certificate is not revoked (a revoked registration is void; it turns deleted).
 * The province set is the province of the record as of today (successions followed; see migration 0011).
 */
const SOURCES: Record<OaiEntityType, (where: SQL) => SQL> = {
  organization: (where) => sql`SELECT 'organization' AS entity_type, o.id AS entity_id, true AS public,
      oai_sets('openaire_cris_orgunits', o.province_unit_id, o.managing_unit_id) AS sets
    FROM organization o WHERE ${where}`,
  person: (where) => sql`SELECT 'person' AS entity_type, r.id AS entity_id, true AS public,
      oai_sets('openaire_cris_persons', o.province_unit_id, o.managing_unit_id) AS sets
    FROM researcher r JOIN organization o ON o.id = r.organization_id WHERE ${where}`,
  project: (where) => sql`SELECT 'project' AS entity_type, t.id AS entity_id, t.status = 'published' AS public,
      oai_sets('openaire_cris_projects', t.managing_unit_id, o.province_unit_id) AS sets
    FROM task t JOIN organization o ON o.id = t.lead_organization_id WHERE ${where}`,
  product: (where) => sql`SELECT 'product' AS entity_type, rr.id AS entity_id,
      (rr.status = 'registered' AND t.status = 'published' AND coalesce(c.status, 'valid') = 'valid') AS public,
      oai_sets('openaire_cris_products', t.managing_unit_id, o.province_unit_id) AS sets
    FROM result_registration rr JOIN task t ON t.id = rr.task_id JOIN organization o ON o.id = t.lead_organization_id
    LEFT JOIN certificate c ON c.registration_id = rr.id WHERE ${where}`,
};

/**
 * Upserts the items of the selected records: public ones (datestamp = now, not deleted) and those already exposed
 * that stopped being public (deleted). Records never public are not added; deleted items that stay deleted keep
 * their datestamp.
 */
async function upsertItems(ex: Executor, type: OaiEntityType, where: SQL): Promise<void> {
  await ex.execute(sql`INSERT INTO oai_item (entity_type, entity_id, datestamp, deleted, sets)
    SELECT s.entity_type, s.entity_id, date_trunc('second', now()), NOT s.public, s.sets FROM (${SOURCES[type](where)}) s
    WHERE s.public OR EXISTS (SELECT 1 FROM oai_item i WHERE i.entity_type = s.entity_type AND i.entity_id = s.entity_id)
    ON CONFLICT (entity_type, entity_id) DO UPDATE SET datestamp = excluded.datestamp, deleted = excluded.deleted, sets = excluded.sets
    WHERE NOT (oai_item.deleted AND excluded.deleted)`);
}

/**
 * Recomputes the OAI-PMH item of one record after a change, in the caller's transaction: whether it is public, its
 * sets, and a new datestamp. Records embedding this one are refreshed too (an organization's researchers, tasks and
 * results; a task's result), so an embedded name never contradicts the record it references.
 */
export async function touchOaiItem(tx: Executor, entityType: OaiEntityType, entityId: string): Promise<void> {
  switch (entityType) {
    case 'organization':
      await upsertItems(tx, 'organization', sql`o.id = ${entityId}`);
      await upsertItems(tx, 'person', sql`r.organization_id = ${entityId}`);
      await upsertItems(tx, 'project', sql`t.lead_organization_id = ${entityId}`);
      await upsertItems(tx, 'product', sql`t.lead_organization_id = ${entityId}`);
      return;
    case 'person':
      await upsertItems(tx, 'person', sql`r.id = ${entityId}`);
      return;
    case 'project':
      await upsertItems(tx, 'project', sql`t.id = ${entityId}`);
      await upsertItems(tx, 'product', sql`rr.task_id = ${entityId}`);
      return;
    case 'product':
      await upsertItems(tx, 'product', sql`rr.id = ${entityId}`);
      return;
  }
}

/** Recomputes every OAI-PMH item (after the demo seed wrote records directly, or to repair the list). */
export async function rebuildOaiItems(tx: Executor): Promise<void> {
  for (const type of OAI_ENTITY_TYPES) await upsertItems(tx, type, sql`true`);
}

/** One row of the item list. */
export interface OaiItemRow {
  id: string;
  entityType: OaiEntityType;
  entityId: string;
  /** UTC, whole seconds. */
  datestamp: Date;
  deleted: boolean;
  sets: string[];
}

interface RawItem extends Record<string, unknown> {
  id: string;
  entity_type: OaiEntityType;
  entity_id: string;
  datestamp: Date | string;
  deleted: boolean;
  sets: string[] | string;
}

/** PGlite and node-postgres differ on how timestamps and arrays arrive through raw SQL. */
function toItem(r: RawItem): OaiItemRow {
  const sets = Array.isArray(r.sets) ? r.sets : r.sets.replace(/^\{|\}$/g, '').split(',').filter((s) => s !== '').map((s) => s.replace(/^"|"$/g, ''));
  return { id: r.id, entityType: r.entity_type, entityId: r.entity_id, datestamp: new Date(r.datestamp), deleted: r.deleted, sets };
}

/** Selective-harvesting criteria of a list request; `after` is the keyset position of the previous page. */
export interface OaiItemFilter {
  from?: Date | undefined;
  until?: Date | undefined;
  set?: string | undefined;
  /** Only these entity types (the metadata format's). */
  types: readonly OaiEntityType[];
  after?: { datestamp: Date; id: string } | undefined;
}

/**
 * How a list page learns the size of the list: `total` counts the whole list (first page, in the same statement),
 * `remaining` counts the items from this page on (tokens issued before the size was carried in them), `none` when the
 * token carries it.
 */
export type OaiListCount = 'total' | 'remaining' | 'none';

/**
 * One keyset page of items in (datestamp, id) order (one statement): up to `limit` items, whether more follow, and the
 * count asked for. Without a count this reads `limit + 1` index entries, whatever the size of the list.
 */
export async function findItemPage(
  ex: Executor,
  f: OaiItemFilter,
  limit: number,
  count: OaiListCount,
  counter?: QueryCounter,
): Promise<{ items: OaiItemRow[]; more: boolean; total: number | null; remaining: number | null }> {
  const where = (alias: string, withAfter: boolean): SQL => {
    const a = sql.raw(alias);
    const conds: SQL[] = [sql`${a}.entity_type IN (${sql.join(f.types.map((t) => sql`${t}`), sql`, `)})`];
    if (f.from) conds.push(sql`${a}.datestamp >= ${f.from.toISOString()}::timestamptz`);
    if (f.until) conds.push(sql`${a}.datestamp <= ${f.until.toISOString()}::timestamptz`);
    if (f.set) conds.push(sql`${a}.sets @> ARRAY[${f.set}]::text[]`);
    if (withAfter && f.after) conds.push(sql`(${a}.datestamp, ${a}.id) > (${f.after.datestamp.toISOString()}::timestamptz, ${f.after.id}::uuid)`);
    return sql.join(conds, sql` AND `);
  };
  const counted =
    count === 'total' ? sql`(SELECT count(*) FROM oai_item t WHERE ${where('t', false)})` : count === 'remaining' ? sql`(SELECT count(*) FROM oai_item t WHERE ${where('t', true)})` : sql`NULL::bigint`;
  const found = await rows<RawItem & { counted: number | string | null }>(
    ex,
    sql`SELECT i.id, i.entity_type, i.entity_id, i.datestamp, i.deleted, i.sets, ${counted} AS counted
      FROM oai_item i WHERE ${where('i', true)} ORDER BY i.datestamp, i.id LIMIT ${limit + 1}`,
    counter,
  );
  const n = found[0]?.counted;
  const value = n === null || n === undefined ? null : Number(n);
  return { items: found.slice(0, limit).map(toItem), more: found.length > limit, total: count === 'total' ? value : null, remaining: count === 'remaining' ? value : null };
}

/** The item of one record, if it was ever exposed. */
export async function findItem(ex: Executor, entityType: OaiEntityType, entityId: string, counter?: QueryCounter): Promise<OaiItemRow | undefined> {
  const found = await rows<RawItem>(ex, sql`SELECT i.id, i.entity_type, i.entity_id, i.datestamp, i.deleted, i.sets FROM oai_item i WHERE i.entity_type = ${entityType} AND i.entity_id = ${entityId}::uuid`, counter);
  return found[0] ? toItem(found[0]) : undefined;
}

/** The oldest datestamp (Identify's earliestDatestamp); null when the list is empty. */
export async function findEarliestDatestamp(ex: Executor, counter?: QueryCounter): Promise<Date | null> {
  const found = await rows<{ earliest: Date | string | null }>(ex, sql`SELECT min(datestamp) AS earliest FROM oai_item`, counter);
  const e = found[0]?.earliest;
  return e ? new Date(e) : null;
}

/** Provinces valid today, for ListSets. */
export async function findCurrentProvinces(ex: Executor, counter?: QueryCounter): Promise<{ code: string; nameVi: string; nameEn: string }[]> {
  return rows<{ code: string; nameVi: string; nameEn: string }>(
    ex,
    sql`SELECT code, name_vi AS "nameVi", name_en AS "nameEn" FROM org_unit
      WHERE kind = 'province' AND valid_from <= (now() + interval '7 hours')::date AND (valid_to IS NULL OR valid_to >= (now() + interval '7 hours')::date)
      ORDER BY code`,
    counter,
  );
}

/** Public fields of an organization (as the public API shows them) plus its province's name. */
export interface OaiOrganization extends Record<string, unknown> {
  id: string;
  code: string;
  nameVi: string;
  nameAbbr: string | null;
  nameEn: string | null;
  address: string | null;
  email: string | null;
  website: string | null;
  foundingDate: string | null;
  orgTypeCode: string;
  mainFieldCode: string;
  provinceNameVi: string;
  managingUnitNameVi: string;
}

/** Public fields of a researcher and the name of their organization. */
export interface OaiPerson extends Record<string, unknown> {
  id: string;
  code: string;
  fullName: string;
  qualificationCode: string | null;
  academicTitleCode: string | null;
  fieldCode: string | null;
  position: string | null;
  orcid: string | null;
  organizationId: string;
  organizationNameVi: string;
}

/** The public fields of a published task (Circular 14/2014 Art 23(2)) and the references it embeds. */
export interface OaiProject extends Record<string, unknown> {
  id: string;
  code: string;
  titleVi: string;
  piName: string;
  piResearcherId: string | null;
  objectives: string;
  content: string;
  methods: string | null;
  expectedProducts: string;
  fieldCodes2025: string[];
  startDate: string;
  endDate: string;
  leadOrganizationId: string;
  leadOrganizationNameVi: string;
}

/** The public fields of a registered result (as `/api/results` shows them). */
export interface OaiProduct extends Record<string, unknown> {
  id: string;
  resultTitleVi: string;
  abstractVi: string;
  keywords: string[];
  registeredAt: Date;
  archiveNo: string;
  certificateNumber: string;
  taskId: string;
  taskCode: string;
  taskTitleVi: string;
  fieldCodes2025: string[];
  piName: string;
  piResearcherId: string | null;
  leadOrganizationId: string;
  leadOrganizationNameVi: string;
  authorityNameVi: string;
}

function idList(ids: string[]): SQL {
  return sql`ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
}

function pgArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v !== 'string') return [];
  const inner = v.replace(/^\{|\}$/g, '');
  if (inner === '') return [];
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|([^,]+)/g;
  for (let m = re.exec(inner); m; m = re.exec(inner)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] as string));
  return out;
}

function dateText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).slice(0, 10);
}

/** The organizations with these ids, in one query. */
export async function findOrganizations(ex: Executor, ids: string[], counter?: QueryCounter): Promise<Map<string, OaiOrganization>> {
  if (!ids.length) return new Map();
  const found = await rows<OaiOrganization>(
    ex,
    sql`SELECT o.id, o.code, o.name_vi AS "nameVi", o.name_abbr AS "nameAbbr", o.name_en AS "nameEn", o.address, o.email, o.website,
        o.founding_date::text AS "foundingDate", o.org_type_code AS "orgTypeCode", o.main_field_code AS "mainFieldCode",
        pu.name_vi AS "provinceNameVi", mu.name_vi AS "managingUnitNameVi"
      FROM organization o JOIN org_unit pu ON pu.id = o.province_unit_id JOIN org_unit mu ON mu.id = o.managing_unit_id
      WHERE o.id = ANY(${idList(ids)})`,
    counter,
  );
  return new Map(found.map((r) => [r.id, { ...r, foundingDate: dateText(r.foundingDate) }]));
}

/** The researchers with these ids, in one query. */
export async function findPersons(ex: Executor, ids: string[], counter?: QueryCounter): Promise<Map<string, OaiPerson>> {
  if (!ids.length) return new Map();
  const found = await rows<OaiPerson>(
    ex,
    sql`SELECT r.id, r.code, r.full_name AS "fullName", r.qualification_code AS "qualificationCode", r.academic_title_code AS "academicTitleCode",
        r.field_code AS "fieldCode", r.position, r.orcid, r.organization_id AS "organizationId", o.name_vi AS "organizationNameVi"
      FROM researcher r JOIN organization o ON o.id = r.organization_id WHERE r.id = ANY(${idList(ids)})`,
    counter,
  );
  return new Map(found.map((r) => [r.id, r]));
}

/** The published tasks with these ids, in one query. */
export async function findProjects(ex: Executor, ids: string[], counter?: QueryCounter): Promise<Map<string, OaiProject>> {
  if (!ids.length) return new Map();
  const found = await rows<OaiProject>(
    ex,
    sql`SELECT t.id, t.code, t.title_vi AS "titleVi", t.pi_name AS "piName", t.pi_researcher_id AS "piResearcherId", t.objectives, t.content,
        t.methods, t.expected_products AS "expectedProducts", t.field_codes_2025 AS "fieldCodes2025", t.start_date::text AS "startDate",
        t.end_date::text AS "endDate", t.lead_organization_id AS "leadOrganizationId", o.name_vi AS "leadOrganizationNameVi"
      FROM task t JOIN organization o ON o.id = t.lead_organization_id
      WHERE t.id = ANY(${idList(ids)}) AND t.status = 'published'`,
    counter,
  );
  return new Map(found.map((r) => [r.id, { ...r, fieldCodes2025: pgArray(r.fieldCodes2025), startDate: dateText(r.startDate) as string, endDate: dateText(r.endDate) as string }]));
}

/** The registered results with these ids (certificate not revoked), in one query. */
export async function findProducts(ex: Executor, ids: string[], counter?: QueryCounter): Promise<Map<string, OaiProduct>> {
  if (!ids.length) return new Map();
  const found = await rows<OaiProduct>(
    ex,
    sql`SELECT rr.id, rr.result_title_vi AS "resultTitleVi", rr.abstract_vi AS "abstractVi", rr.keywords, rr.registered_at AS "registeredAt",
        rr.archive_no AS "archiveNo", c.number AS "certificateNumber", t.id AS "taskId", t.code AS "taskCode", t.title_vi AS "taskTitleVi",
        t.field_codes_2025 AS "fieldCodes2025", t.pi_name AS "piName", t.pi_researcher_id AS "piResearcherId",
        t.lead_organization_id AS "leadOrganizationId", o.name_vi AS "leadOrganizationNameVi", au.name_vi AS "authorityNameVi"
      FROM result_registration rr JOIN task t ON t.id = rr.task_id JOIN organization o ON o.id = t.lead_organization_id
      JOIN certificate c ON c.registration_id = rr.id JOIN org_unit au ON au.id = rr.authority_unit_id
      WHERE rr.id = ANY(${idList(ids)}) AND rr.status = 'registered' AND t.status = 'published' AND c.status = 'valid'`,
    counter,
  );
  return new Map(found.map((r) => [r.id, { ...r, keywords: pgArray(r.keywords), fieldCodes2025: pgArray(r.fieldCodes2025), registeredAt: new Date(r.registeredAt) }]));
}
