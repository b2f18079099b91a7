import type { Executor } from '../../db/types.js';
import { touchOaiItem, type OaiEntityType } from '../oai/oai.repo.js';
import { refreshSearchDocs, type SearchEntityType } from '../search/search-index.js';
import { publicRecordsChanged } from '../search/search.service.js';

const OAI_TYPE: Record<SearchEntityType, OaiEntityType> = { task: 'project', result: 'product', organization: 'organization', researcher: 'person' };

/**
 * Tells the public outputs that a record changed, in the caller's transaction: the OAI-PMH item list (datestamp,
 * deleted flag, sets) and the search documents follow the change before it commits, never a nightly rebuild.
 * Every service that writes a task, result registration, certificate, organization or researcher calls this.
 */
export async function touchPublicRecord(tx: Executor, type: SearchEntityType, id: string): Promise<void> {
  await touchOaiItem(tx, OAI_TYPE[type], id);
  await refreshSearchDocs(tx, type, id);
  publicRecordsChanged();
}
