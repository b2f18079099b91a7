import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/types.js';

/** The kinds of public records the search holds. */
export type SearchEntityType = 'task' | 'result' | 'organization' | 'researcher';

/** The columns of a search document, as the table and the view `search_doc_source` both have them. */
export const SEARCH_DOC_COLUMNS = sql.raw('entity_type, entity_id, title, body, level_code, field_tops, province_unit_id, organization_id, year, end_date, status');

/**
 * Replaces the search documents selected by `where` (a condition on the columns of the view `search_doc_source`,
 * which says once what is public; migration 0013) with what the view holds for them now: a record that stopped
 * being public (or was deleted) loses its document, a public one gets its current text and facet values.
 */
async function replaceDocs(tx: Executor, where: SQL, existing: SQL): Promise<void> {
  await tx.execute(sql`DELETE FROM search_doc WHERE ${existing}`);
  await tx.execute(sql`INSERT INTO search_doc (${SEARCH_DOC_COLUMNS}) SELECT ${SEARCH_DOC_COLUMNS} FROM search_doc_source WHERE ${where}`);
}

/**
 * Brings the search documents of one record up to date after a change, in the caller's transaction. Records that
 * embed this one follow: an organization's researchers, tasks and results (its name, its province), a task's results
 * (the task's title, code and leader are part of a result's text; a task that stops being public takes them along).
 */
export async function refreshSearchDocs(tx: Executor, type: SearchEntityType, id: string): Promise<void> {
  switch (type) {
    case 'organization':
      await replaceDocs(tx, sql`organization_id = ${id}::uuid`, sql`organization_id = ${id}::uuid OR (entity_type = 'organization' AND entity_id = ${id}::uuid)`);
      return;
    case 'researcher':
      await replaceDocs(tx, sql`entity_type = 'researcher' AND entity_id = ${id}::uuid`, sql`entity_type = 'researcher' AND entity_id = ${id}::uuid`);
      return;
    case 'task':
      await replaceDocs(
        tx,
        sql`entity_type IN ('task', 'result') AND task_id = ${id}::uuid`,
        sql`(entity_type = 'task' AND entity_id = ${id}::uuid) OR (entity_type = 'result' AND entity_id IN (SELECT r.id FROM result_registration r WHERE r.task_id = ${id}::uuid))`,
      );
      return;
    case 'result':
      await replaceDocs(tx, sql`entity_type = 'result' AND entity_id = ${id}::uuid`, sql`entity_type = 'result' AND entity_id = ${id}::uuid`);
      return;
  }
}

/** Rebuilds every search document (after the seed wrote records directly, or to repair the index). */
export async function rebuildSearchDocs(tx: Executor): Promise<void> {
  await replaceDocs(tx, sql`true`, sql`true`);
}
