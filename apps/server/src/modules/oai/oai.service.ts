import type { Executor } from '../../db/types.js';
import { ENTITY_SETS, OPENAIRE_SETS, writeCerif, writeDublinCore, type OaiRecordData } from './oai.presenter.js';
import {
  checkSetSpec,
  decodeResumptionToken,
  encodeResumptionToken,
  formatDatestamp,
  isMetadataPrefix,
  METADATA_FORMATS,
  OaiError,
  oaiIdentifier,
  parseOaiIdentifier,
  parseRange,
  parseRequest,
  type MetadataPrefix,
  type OaiRequest,
  type ResumptionState,
} from './oai.protocol.js';
import {
  findCurrentProvinces,
  findEarliestDatestamp,
  findItem,
  findItemPage,
  findOrganizations,
  findPersons,
  findProducts,
  findProjects,
  OAI_ENTITY_TYPES,
  type OaiEntityType,
  type OaiItemRow,
  type QueryCounter,
} from './oai.repo.js';
import { XmlWriter } from './oai.xml.js';

/** What the provider needs besides the database. */
export interface OaiOptions {
  /** The endpoint URL, e.g. https://stinet.gov.vn/oai. */
  baseUrl: string;
  repositoryIdentifier: string;
  repositoryName: string;
  adminEmail: string;
  /** Records (or headers) per list response. */
  pageSize: number;
  /** Counts the SQL statements sent (tests). */
  counter?: QueryCounter | undefined;
  /** Response time (tests); default now. */
  now?: Date | undefined;
}

const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * Answers one OAI-PMH request given as (name, value) pairs (query string or form body) with the XML document to
 * send (always HTTP 200: protocol errors are inside the document).
 */
export async function handleOaiRequest(ex: Executor, opts: OaiOptions, pairs: [string, string][]): Promise<string> {
  let req: OaiRequest | null = null;
  try {
    req = parseRequest(pairs);
    const body = await answer(ex, opts, req);
    return envelope(opts, req, body);
  } catch (err) {
    if (!(err instanceof OaiError)) throw err;
    // badVerb/badArgument: the request element carries no attributes (the arguments were not valid)
    const echo = err.code === 'badVerb' || err.code === 'badArgument' ? null : req;
    return envelope(opts, echo, (w) => w.leaf('error', err.message, { code: err.code }));
  }
}

type Body = (w: XmlWriter) => void;

function envelope(opts: OaiOptions, req: OaiRequest | null, body: Body): string {
  const w = new XmlWriter();
  w.open('OAI-PMH', { xmlns: OAI_NS, 'xmlns:xsi': XSI, 'xsi:schemaLocation': `${OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd` });
  w.leaf('responseDate', formatDatestamp(opts.now ?? new Date()));
  w.leaf('request', opts.baseUrl, req ? { verb: req.verb, ...req.args } : undefined);
  body(w);
  w.close('OAI-PMH');
  return w.toString();
}

async function answer(ex: Executor, opts: OaiOptions, req: OaiRequest): Promise<Body> {
  switch (req.verb) {
    case 'Identify':
      return identify(ex, opts);
    case 'ListMetadataFormats':
      return listMetadataFormats(ex, opts, req.args.identifier);
    case 'ListSets':
      return listSets(ex, opts, req.args.resumptionToken);
    case 'GetRecord':
      return getRecord(ex, opts, req.args.identifier as string, req.args.metadataPrefix as string);
    case 'ListIdentifiers':
    case 'ListRecords':
      return list(ex, opts, req.verb, req.args);
  }
}

async function identify(ex: Executor, opts: OaiOptions): Promise<Body> {
  const earliest = (await findEarliestDatestamp(ex, opts.counter)) ?? opts.now ?? new Date();
  return (w) =>
    w.wrap('Identify', undefined, () => {
      w.leaf('repositoryName', opts.repositoryName);
      w.leaf('baseURL', opts.baseUrl);
      w.leaf('protocolVersion', '2.0');
      w.leaf('adminEmail', opts.adminEmail);
      w.leaf('earliestDatestamp', formatDatestamp(earliest));
      w.leaf('deletedRecord', 'persistent');
      w.leaf('granularity', 'YYYY-MM-DDThh:mm:ssZ');
      w.wrap('description', undefined, () =>
        w.wrap(
          'oai-identifier',
          { xmlns: 'http://www.openarchives.org/OAI/2.0/oai-identifier', 'xsi:schemaLocation': 'http://www.openarchives.org/OAI/2.0/oai-identifier http://www.openarchives.org/OAI/2.0/oai-identifier.xsd' },
          () => {
            w.leaf('scheme', 'oai');
            w.leaf('repositoryIdentifier', opts.repositoryIdentifier);
            w.leaf('delimiter', ':');
            w.leaf('sampleIdentifier', oaiIdentifier(opts.repositoryIdentifier, 'project', '00000000-0000-4000-8000-000000000000'));
          },
        ),
      );
      w.wrap('description', undefined, () =>
        w.wrap('Service', { xmlns: METADATA_FORMATS.oai_cerif_openaire.namespace, 'xsi:schemaLocation': `${METADATA_FORMATS.oai_cerif_openaire.namespace} ${METADATA_FORMATS.oai_cerif_openaire.schema}` }, () => {
          w.leaf('Compatibility', 'https://www.openaire.eu/cerif-profile/vocab/OpenAIRE_Service_Compatibility#1.2', { xmlns: 'https://www.openaire.eu/cerif-profile/vocab/OpenAIRE_Service_Compatibility' });
          w.leaf('Acronym', opts.repositoryIdentifier);
          w.leaf('Name', opts.repositoryName, { 'xml:lang': 'en' });
          w.leaf('WebsiteURL', opts.baseUrl.replace(/\/oai$/, '/'));
          w.leaf('OAIPMHBaseURL', opts.baseUrl);
        }),
      );
    });
}

async function listMetadataFormats(ex: Executor, opts: OaiOptions, identifier: string | undefined): Promise<Body> {
  if (identifier !== undefined) {
    const ref = parseOaiIdentifier(opts.repositoryIdentifier, identifier);
    if (!ref || !(await findItem(ex, ref.type, ref.id, opts.counter))) throw new OaiError('idDoesNotExist', `No record has the identifier "${identifier}".`);
  }
  // both formats are disseminated for every record type
  return (w) =>
    w.wrap('ListMetadataFormats', undefined, () => {
      for (const [prefix, f] of Object.entries(METADATA_FORMATS)) {
        w.wrap('metadataFormat', undefined, () => {
          w.leaf('metadataPrefix', prefix);
          w.leaf('schema', f.schema);
          w.leaf('metadataNamespace', f.namespace);
        });
      }
    });
}

async function listSets(ex: Executor, opts: OaiOptions, token: string | undefined): Promise<Body> {
  if (token !== undefined) throw new OaiError('badResumptionToken', 'The list of sets is complete in one response; no resumptionToken was issued.');
  const provinces = await findCurrentProvinces(ex, opts.counter);
  return (w) =>
    w.wrap('ListSets', undefined, () => {
      const set = (spec: string, name: string) =>
        w.wrap('set', undefined, () => {
          w.leaf('setSpec', spec);
          w.leaf('setName', name);
        });
      for (const s of OPENAIRE_SETS) set(s.spec, s.name);
      set('province', 'Records by province (as of today) / Theo tỉnh, thành phố');
      for (const p of provinces) set(`province:${p.code}`, `${p.nameVi} (${p.nameEn})`);
    });
}

/** Loads the public data of the given items: one query per entity type present, never one per record. */
async function loadRecords(ex: Executor, items: OaiItemRow[], counter: QueryCounter | undefined): Promise<Map<string, OaiRecordData>> {
  const ids = (type: OaiEntityType) => items.filter((i) => i.entityType === type && !i.deleted).map((i) => i.entityId);
  const out = new Map<string, OaiRecordData>();
  for (const [id, data] of await findOrganizations(ex, ids('organization'), counter)) out.set(`organization/${id}`, { type: 'organization', data });
  for (const [id, data] of await findPersons(ex, ids('person'), counter)) out.set(`person/${id}`, { type: 'person', data });
  for (const [id, data] of await findProjects(ex, ids('project'), counter)) out.set(`project/${id}`, { type: 'project', data });
  for (const [id, data] of await findProducts(ex, ids('product'), counter)) out.set(`product/${id}`, { type: 'product', data });
  return out;
}

function writeHeader(w: XmlWriter, opts: OaiOptions, item: OaiItemRow, deleted: boolean): void {
  w.wrap('header', deleted ? { status: 'deleted' } : undefined, () => {
    w.leaf('identifier', oaiIdentifier(opts.repositoryIdentifier, item.entityType, item.entityId));
    w.leaf('datestamp', formatDatestamp(item.datestamp));
    for (const s of item.sets) w.leaf('setSpec', s);
  });
}

function writeRecord(w: XmlWriter, opts: OaiOptions, item: OaiItemRow, rec: OaiRecordData | undefined, prefix: MetadataPrefix): void {
  w.wrap('record', undefined, () => {
    // an item whose record is gone from the public view is shown as deleted rather than with stale metadata
    writeHeader(w, opts, item, item.deleted || !rec);
    if (!item.deleted && rec) {
      w.wrap('metadata', undefined, () => (prefix === 'oai_dc' ? writeDublinCore(w, rec, opts.repositoryIdentifier) : writeCerif(w, rec, opts.repositoryIdentifier)));
    }
  });
}

async function getRecord(ex: Executor, opts: OaiOptions, identifier: string, prefix: string): Promise<Body> {
  const ref = parseOaiIdentifier(opts.repositoryIdentifier, identifier);
  const item = ref ? await findItem(ex, ref.type, ref.id, opts.counter) : undefined;
  if (!item) throw new OaiError('idDoesNotExist', `No record has the identifier "${identifier}".`);
  if (!isMetadataPrefix(prefix)) throw new OaiError('cannotDisseminateFormat', `The metadata format "${prefix}" is not supported.`);
  const records = await loadRecords(ex, [item], opts.counter);
  return (w) => w.wrap('GetRecord', undefined, () => writeRecord(w, opts, item, records.get(`${item.entityType}/${item.entityId}`), prefix));
}

async function list(ex: Executor, opts: OaiOptions, verb: 'ListIdentifiers' | 'ListRecords', args: Record<string, string>): Promise<Body> {
  let state: Omit<ResumptionState, 'lastDatestamp' | 'lastId' | 'cursor' | 'size'>;
  let after: { datestamp: Date; id: string } | undefined;
  let cursor = 0;
  let size: number | undefined;
  const resumed = args.resumptionToken !== undefined;
  if (args.resumptionToken !== undefined) {
    const s = decodeResumptionToken(args.resumptionToken, verb);
    state = { verb: s.verb, metadataPrefix: s.metadataPrefix, from: s.from, until: s.until, set: s.set };
    after = { datestamp: new Date(s.lastDatestamp * 1000), id: s.lastId };
    cursor = s.cursor;
    size = s.size;
  } else {
    const prefix = args.metadataPrefix as string;
    parseRange(args.from, args.until);
    if (args.set !== undefined) checkSetSpec(args.set);
    if (!isMetadataPrefix(prefix)) throw new OaiError('cannotDisseminateFormat', `The metadata format "${prefix}" is not supported.`);
    state = { verb, metadataPrefix: prefix, from: args.from, until: args.until, set: args.set };
  }
  const range = parseRange(state.from, state.until);
  // every record type is disseminated in both formats
  const types = OAI_ENTITY_TYPES;
  // the list size is counted once, in the first page's statement, and carried in the tokens (an estimate if the list
  // changes during the harvest, as the protocol allows); later pages read only their own index entries
  const count = !resumed ? 'total' : size === undefined ? 'remaining' : 'none';
  const page = await findItemPage(ex, { from: range.from?.at, until: range.until?.at, set: state.set, types, after }, opts.pageSize, count, opts.counter);
  if (!page.items.length) {
    if (resumed) throw new OaiError('badResumptionToken', 'The resumptionToken does not lead to any further records.');
    throw new OaiError('noRecordsMatch', 'No records match the request.');
  }
  const records = verb === 'ListRecords' ? await loadRecords(ex, page.items, opts.counter) : new Map<string, OaiRecordData>();
  const complete = Math.max(page.total ?? size ?? cursor + (page.remaining ?? 0), cursor + page.items.length);
  const last = page.items[page.items.length - 1] as OaiItemRow;
  const next = page.more ? encodeResumptionToken({ ...state, lastDatestamp: Math.floor(last.datestamp.getTime() / 1000), lastId: last.id, cursor: cursor + page.items.length, size: complete }) : null;
  return (w) =>
    w.wrap(verb, undefined, () => {
      for (const item of page.items) {
        if (verb === 'ListIdentifiers') writeHeader(w, opts, item, item.deleted);
        else writeRecord(w, opts, item, records.get(`${item.entityType}/${item.entityId}`), state.metadataPrefix);
      }
      if (next !== null || resumed) w.leaf('resumptionToken', next ?? '', { completeListSize: complete, cursor });
    });
}

/** The setSpec of each entity type, re-exported for tests and documentation. */
export const OAI_ENTITY_SETS = ENTITY_SETS;
