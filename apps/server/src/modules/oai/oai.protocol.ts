import type { OaiEntityType } from './oai.repo.js';

/** The six OAI-PMH 2.0 verbs. */
export type OaiVerb = 'Identify' | 'ListMetadataFormats' | 'ListSets' | 'ListIdentifiers' | 'ListRecords' | 'GetRecord';

/** The OAI-PMH error codes this provider can answer. */
export type OaiErrorCode = 'badVerb' | 'badArgument' | 'cannotDisseminateFormat' | 'idDoesNotExist' | 'noRecordsMatch' | 'noMetadataFormats' | 'noSetHierarchy' | 'badResumptionToken';

/** An OAI-PMH error (sent with HTTP 200 inside the OAI-PMH envelope). */
export class OaiError extends Error {
  constructor(
    readonly code: OaiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OaiError';
  }
}

/** The metadata formats served, with their namespaces and schemas. */
export const METADATA_FORMATS = {
  oai_dc: { schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd', namespace: 'http://www.openarchives.org/OAI/2.0/oai_dc/' },
  oai_cerif_openaire: { schema: 'https://www.openaire.eu/schema/cris/1.2/openaire-cerif-profile.xsd', namespace: 'https://www.openaire.eu/cerif-profile/1.2/' },
} as const;

/** A metadataPrefix this provider knows. */
export type MetadataPrefix = keyof typeof METADATA_FORMATS;

/** Whether `p` is a known metadataPrefix. */
export function isMetadataPrefix(p: string): p is MetadataPrefix {
  return Object.prototype.hasOwnProperty.call(METADATA_FORMATS, p);
}

const ALLOWED: Record<OaiVerb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
};

/** A request whose verb and argument names passed the protocol checks (values are checked per verb). */
export interface OaiRequest {
  verb: OaiVerb;
  args: Record<string, string>;
}

/**
 * Checks the verb and argument names of a request given as (name, value) pairs from the query string or the form body.
 * Throws badVerb (missing, repeated or unknown verb) or badArgument (unknown, repeated or missing arguments, or an
 * exclusive resumptionToken with other arguments).
 */
export function parseRequest(pairs: [string, string][]): OaiRequest {
  const verbs = pairs.filter(([k]) => k === 'verb').map(([, v]) => v);
  if (verbs.length === 0) throw new OaiError('badVerb', 'The verb argument is missing.');
  if (verbs.length > 1) throw new OaiError('badVerb', 'The verb argument is repeated.');
  const verb = verbs[0] as string;
  if (!Object.prototype.hasOwnProperty.call(ALLOWED, verb)) throw new OaiError('badVerb', `"${verb}" is not an OAI-PMH verb.`);
  const rules = ALLOWED[verb as OaiVerb];
  const args: Record<string, string> = {};
  for (const [k, v] of pairs) {
    if (k === 'verb') continue;
    if (![...rules.required, ...rules.optional, rules.exclusive].includes(k)) throw new OaiError('badArgument', `Illegal argument "${k}" for ${verb}.`);
    if (Object.prototype.hasOwnProperty.call(args, k)) throw new OaiError('badArgument', `The argument "${k}" is repeated.`);
    args[k] = v;
  }
  if (rules.exclusive && args[rules.exclusive] !== undefined) {
    if (Object.keys(args).length > 1) throw new OaiError('badArgument', `${rules.exclusive} is an exclusive argument.`);
    return { verb: verb as OaiVerb, args };
  }
  for (const r of rules.required) if (args[r] === undefined || args[r] === '') throw new OaiError('badArgument', `The argument "${r}" is required for ${verb}.`);
  return { verb: verb as OaiVerb, args };
}

/** A from/until value: the instant it stands for and its granularity. */
export interface OaiDate {
  at: Date;
  granularity: 'day' | 'second';
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECOND = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/**
 * Parses a from/until argument at day (`YYYY-MM-DD`) or second (`YYYY-MM-DDThh:mm:ssZ`) granularity; a day-granularity
 * `until` means the end of that day (both bounds are inclusive). Throws badArgument for anything else.
 */
export function parseOaiDate(value: string, bound: 'from' | 'until'): OaiDate {
  const day = DAY.exec(value);
  const sec = day ? null : SECOND.exec(value);
  const m = day ?? sec;
  if (!m) throw new OaiError('badArgument', `"${value}" is not a date of granularity YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ.`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number?, number?, number?];
  const at = new Date(Date.UTC(y, mo - 1, d, h ?? 0, mi ?? 0, s ?? 0));
  const valid = at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d && (h ?? 0) < 24 && (mi ?? 0) < 60 && (s ?? 0) < 60 && y >= 1;
  if (!valid) throw new OaiError('badArgument', `"${value}" is not a valid date.`);
  if (day && bound === 'until') at.setUTCHours(23, 59, 59, 0);
  return { at, granularity: day ? 'day' : 'second' };
}

/** Checks from/until together: same granularity, from ≤ until. */
export function parseRange(from: string | undefined, until: string | undefined): { from?: OaiDate; until?: OaiDate } {
  const f = from === undefined ? undefined : parseOaiDate(from, 'from');
  const u = until === undefined ? undefined : parseOaiDate(until, 'until');
  if (f && u && f.granularity !== u.granularity) throw new OaiError('badArgument', 'from and until must have the same granularity.');
  if (f && u && f.at.getTime() > u.at.getTime()) throw new OaiError('badArgument', 'from is later than until.');
  return { ...(f ? { from: f } : {}), ...(u ? { until: u } : {}) };
}

/** A datestamp at second granularity, UTC: `YYYY-MM-DDThh:mm:ssZ`. */
export function formatDatestamp(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

const SET_SPEC = /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/;

/** Checks a set argument's syntax (badArgument otherwise); unknown but well-formed sets simply match nothing. */
export function checkSetSpec(set: string): string {
  if (!SET_SPEC.test(set)) throw new OaiError('badArgument', `"${set}" is not a setSpec.`);
  return set;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TYPES: readonly OaiEntityType[] = ['organization', 'person', 'project', 'product'];

/** `oai:<repositoryIdentifier>:<type>/<uuid>`. */
export function oaiIdentifier(repositoryIdentifier: string, type: OaiEntityType, id: string): string {
  return `oai:${repositoryIdentifier}:${type}/${id}`;
}

/** The record an identifier names, or null when it is not one of this repository's identifiers. */
export function parseOaiIdentifier(repositoryIdentifier: string, identifier: string): { type: OaiEntityType; id: string } | null {
  const prefix = `oai:${repositoryIdentifier}:`;
  if (!identifier.startsWith(prefix)) return null;
  const [type, id, ...rest] = identifier.slice(prefix.length).split('/');
  if (rest.length || !type || !id || !(TYPES as readonly string[]).includes(type) || !UUID.test(id)) return null;
  return { type: type as OaiEntityType, id };
}

/** What a resumption token carries: the original list request and the keyset position after the last record sent. */
export interface ResumptionState {
  verb: 'ListIdentifiers' | 'ListRecords';
  metadataPrefix: MetadataPrefix;
  from?: string | undefined;
  until?: string | undefined;
  set?: string | undefined;
  /** Datestamp (epoch seconds) and item id of the last record sent. */
  lastDatestamp: number;
  lastId: string;
  /** Records sent before the next page. */
  cursor: number;
  /** completeListSize, counted once on the first page (absent in tokens issued before it was carried). */
  size?: number | undefined;
}

const TOKEN_KEYS = ['v', 'verb', 'p', 'f', 'u', 's', 'd', 'i', 'c', 'n'];

/** Encodes the state as an opaque base64url string. The token holds the whole state, so it never expires. */
export function encodeResumptionToken(s: ResumptionState): string {
  const body: Record<string, string | number> = { v: 1, verb: s.verb === 'ListRecords' ? 'R' : 'I', p: s.metadataPrefix };
  if (s.from !== undefined) body.f = s.from;
  if (s.until !== undefined) body.u = s.until;
  if (s.set !== undefined) body.s = s.set;
  body.d = s.lastDatestamp;
  body.i = s.lastId;
  body.c = s.cursor;
  if (s.size !== undefined) body.n = s.size;
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/**
 * Decodes and validates a token for `verb` strictly (canonical encoding, known keys and types, valid dates, set and
 * prefix, the verb it was issued for); anything else is badResumptionToken.
 */
export function decodeResumptionToken(token: string, verb: 'ListIdentifiers' | 'ListRecords'): ResumptionState {
  const bad = () => new OaiError('badResumptionToken', 'The resumptionToken is invalid.');
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(token)) throw bad();
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad();
  const b = body as Record<string, unknown>;
  if (Object.keys(b).some((k) => !TOKEN_KEYS.includes(k))) throw bad();
  if (b.v !== 1 || (b.verb !== 'R' && b.verb !== 'I') || (b.verb === 'R') !== (verb === 'ListRecords')) throw bad();
  if (typeof b.p !== 'string' || !isMetadataPrefix(b.p)) throw bad();
  for (const k of ['f', 'u', 's']) if (b[k] !== undefined && typeof b[k] !== 'string') throw bad();
  if (typeof b.d !== 'number' || !Number.isSafeInteger(b.d) || b.d < 0) throw bad();
  if (typeof b.i !== 'string' || !UUID.test(b.i)) throw bad();
  if (typeof b.c !== 'number' || !Number.isSafeInteger(b.c) || b.c < 1) throw bad();
  if (b.n !== undefined && (typeof b.n !== 'number' || !Number.isSafeInteger(b.n) || b.n < 0)) throw bad();
  const state: ResumptionState = {
    verb,
    metadataPrefix: b.p,
    from: b.f as string | undefined,
    until: b.u as string | undefined,
    set: b.s as string | undefined,
    lastDatestamp: b.d,
    lastId: b.i,
    cursor: b.c,
    size: b.n as number | undefined,
  };
  try {
    parseRange(state.from, state.until);
    if (state.set !== undefined) checkSetSpec(state.set);
  } catch {
    throw bad();
  }
  if (encodeResumptionToken(state) !== token) throw bad();
  return state;
}
