import { OrganizationPublic, ResearcherPublic, ResultPublic, TaskPublic, type OpenDataEntityType } from '@stinet/shared';
import { and, asc, count, eq, gt, inArray, type AnyColumn, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { organization, researcher, task } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import { findOrganizationRefs, type OrganizationRefRow } from '../organizations/organizations.repo.js';
import { presentOrganizationPublic } from '../organizations/organizations.presenter.js';
import { findUnitsByIds } from '../org-units/org-units.repo.js';
import { countPublicResults, findPublicResultIds } from '../registrations/registrations.repo.js';
import { listPublicResults } from '../registrations/registrations.service.js';
import { presentResearcherPublic } from '../researchers/researchers.presenter.js';
import { presentTaskPublic } from '../tasks/tasks.presenter.js';

/**
 * The public records of each open-data entity type, built by the same presenters as the public API and passed
 * through the same public response schema (so a record in a dump equals the record the API serves).
 */
export interface OpenDataEntity {
  type: OpenDataEntityType;
  /** The public response schema of one record (as in the public list endpoint). */
  schema: z.ZodType;
  /** How many public records there are (the total of the public list). */
  count(ex: Executor): Promise<number>;
  /** The next public records after `afterId` in id order (keyset paging). */
  page(ex: Executor, afterId: string | null, limit: number): Promise<{ id: string; record: unknown }[]>;
  /** Public records by id (ids that are not public are left out). */
  byIds(ex: Executor, ids: string[]): Promise<Map<string, unknown>>;
}

function after(col: AnyColumn, afterId: string | null): SQL | undefined {
  return afterId ? gt(col, afterId) : undefined;
}

const organizations: OpenDataEntity = {
  type: 'organization',
  schema: OrganizationPublic,
  count: async (ex) => Number((await ex.select({ n: count() }).from(organization))[0]?.n ?? 0),
  page: async (ex, afterId, limit) => present(ex, await ex.select().from(organization).where(after(organization.id, afterId)).orderBy(asc(organization.id)).limit(limit)),
  byIds: async (ex, ids) => toMap(await present(ex, ids.length ? await ex.select().from(organization).where(inArray(organization.id, ids)) : [])),
};
async function present(ex: Executor, rows: (typeof organization.$inferSelect)[]) {
  const units = await findUnitsByIds(ex, rows.flatMap((r) => [r.provinceUnitId, r.managingUnitId]));
  return rows.map((r) => ({ id: r.id, record: OrganizationPublic.parse(presentOrganizationPublic(r, units)) }));
}

async function presentResearchers(ex: Executor, rows: (typeof researcher.$inferSelect)[]) {
  const orgs = await findOrganizationRefs(ex, rows.map((r) => r.organizationId));
  return rows.map((r) => ({ id: r.id, record: ResearcherPublic.parse(presentResearcherPublic(r, orgs.get(r.organizationId) as OrganizationRefRow)) }));
}
const researchers: OpenDataEntity = {
  type: 'researcher',
  schema: ResearcherPublic,
  count: async (ex) => Number((await ex.select({ n: count() }).from(researcher))[0]?.n ?? 0),
  page: async (ex, afterId, limit) => presentResearchers(ex, await ex.select().from(researcher).where(after(researcher.id, afterId)).orderBy(asc(researcher.id)).limit(limit)),
  byIds: async (ex, ids) => toMap(await presentResearchers(ex, ids.length ? await ex.select().from(researcher).where(inArray(researcher.id, ids)) : [])),
};

/** Published tasks only (state-secret tasks are refused before anything is stored, so none is ever published). */
const PUBLISHED = eq(task.status, 'published');
async function presentTasks(ex: Executor, rows: (typeof task.$inferSelect)[]) {
  const orgs = await findOrganizationRefs(ex, rows.map((r) => r.leadOrganizationId));
  return rows.map((r) => ({ id: r.id, record: TaskPublic.parse(presentTaskPublic(r, orgs.get(r.leadOrganizationId) as OrganizationRefRow)) }));
}
const tasks: OpenDataEntity = {
  type: 'task',
  schema: TaskPublic,
  count: async (ex) => Number((await ex.select({ n: count() }).from(task).where(PUBLISHED))[0]?.n ?? 0),
  page: async (ex, afterId, limit) => presentTasks(ex, await ex.select().from(task).where(and(PUBLISHED, after(task.id, afterId))).orderBy(asc(task.id)).limit(limit)),
  byIds: async (ex, ids) => toMap(await presentTasks(ex, ids.length ? await ex.select().from(task).where(and(PUBLISHED, inArray(task.id, ids))) : [])),
};

/**
 * Public results (the rule of the public API and OAI-PMH: registered, task published, certificate not revoked),
 * presented a page at a time by the public list service (the same presenter as `/api/results`).
 */
async function presentResults(ex: Executor, ids: string[]) {
  if (!ids.length) return [];
  const { items } = await listPublicResults(ex, { ids, page: 1, pageSize: ids.length });
  const byId = new Map(items.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const record = byId.get(id);
    return record ? [{ id, record: ResultPublic.parse(record) }] : [];
  });
}

const results: OpenDataEntity = {
  type: 'result',
  schema: ResultPublic,
  count: (ex) => countPublicResults(ex),
  page: async (ex, afterId, limit) => presentResults(ex, await findPublicResultIds(ex, { afterId, limit })),
  byIds: async (ex, ids) => toMap(await presentResults(ex, await findPublicResultIds(ex, { ids }))),
};

function toMap(items: { id: string; record: unknown }[]): Map<string, unknown> {
  return new Map(items.map((i) => [i.id, i.record]));
}

/** The open-data entity types in dump order. */
export const OPEN_DATA_ENTITIES: readonly OpenDataEntity[] = [organizations, researchers, tasks, results];

/** The public schema of each entity type. */
export const OPEN_DATA_SCHEMAS: Record<OpenDataEntityType, z.ZodType> = {
  organization: OrganizationPublic,
  researcher: ResearcherPublic,
  task: TaskPublic,
  result: ResultPublic,
};
