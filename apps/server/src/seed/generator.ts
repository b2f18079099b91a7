import { addCalendarDays as addDays } from '@stinet/shared';
/**
 * Deterministic, streaming generator of synthetic national S&T data (organisations and researchers).
 *
 * Every record is derived from `(seed, index)` through its own seeded PRNG, so output is reproducible,
 * generation is O(1) per record, and a researcher can look up the category, main field and e-mail domain
 * of its employer without the organisations being kept in memory. The only state that grows with the
 * run is the set of organisation names (needed to keep names unique) and, in the researcher generator,
 * a per-employer cache (two bytes plus one short e-mail domain per organisation).
 *
 * Researchers are consistent with the organisations of a run that used the same seed: their employer's
 * category drives concentration (universities and institutes employ most researchers), their field is
 * usually the employer's main field and their e-mail uses the employer's domain.
 *
 * Organisations use only the 34 current provincial units and the current, non-excluded ministries.
 */
import { findScheme } from './data/classifications.js';
import { ORG_UNITS, SUCCESSIONS } from './data/org-units.js';
import type { OrgUnitSeed } from './data/org-units.js';
import {
  AREA_CODES,
  BRAND_SYLLABLES,
  DISCIPLINES,
  FAMILY_NAMES,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  HOSPITAL_SPECIALTIES,
  MIDDLE_NAMES_FEMALE,
  MIDDLE_NAMES_MALE,
  MOBILE_PREFIXES,
  ORG_NAME_PATTERNS,
  POSITIONS,
  STREET_NAMES,
  TOPICS,
  WARD_NAMES,
  asciiFold,
  regionOfProvinceCode,
} from './data/vn-names.js';
import type { OrgCategory, OrgNamePattern, PositionTiers, VocabularyTerm, WeightedName } from './data/vn-names.js';

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

/** Named dataset sizes. */
export type SeedScale = 'test' | 'demo' | '10k' | '100k' | '1m';

/** Record counts of a scale (organisations + researchers = the scale's record count). */
export interface ScaleCounts {
  /** Number of organisations. */
  organizations: number;
  /** Number of researchers. */
  researchers: number;
}

/** A small seeded pseudo-random number generator. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, maxInclusive]. */
  int(min: number, maxInclusive: number): number;
  /** Uniformly chosen element (throws on an empty list). */
  pick<T>(items: readonly T[]): T;
  /** Element chosen with probability proportional to `weight` (throws when all weights are 0). */
  weighted<T>(items: readonly T[], weight: (t: T) => number): T;
}

/** A synthetic S&T organisation (fields of the TT 25/2015 form "Biểu 01"). */
export interface OrganizationSeed {
  /** 1-based index within the run. */
  index: number;
  /** 'ORG' + 7-digit zero-padded index, e.g. 'ORG0000001'. */
  code: string;
  /** Vietnamese name, unique within the run. */
  nameVi: string;
  /** Abbreviated trade name, or null. */
  nameAbbr: string | null;
  /** English name, or null. */
  nameEn: string | null;
  /** Postal address. */
  address: string;
  /** Key of one of the 34 current provincial units ('p34:..'). */
  provinceKey: string;
  /** The province itself, or a current non-excluded ministry key ('min:...'). */
  managingUnitKey: string;
  /** Landline phone. */
  phone: string;
  /** Fax number, or null. */
  fax: string | null;
  /** E-mail address on a reserved example domain; unique within the run. */
  email: string;
  /** Website URL, or null. */
  website: string | null;
  /** Number of the founding decision, e.g. '123/QĐ-UBND'. */
  foundingDecisionNo: string;
  /** Founding date 'YYYY-MM-DD'. */
  foundingDate: string;
  /** FOUNDING_AUTHORITY code (8.x). */
  foundingAuthorityCode: string;
  /** ORG_TYPE code (13.x). */
  orgTypeCode: string;
  /** ECONOMIC_TYPE code (14.x). */
  economicTypeCode: string;
  /** 10-digit tax code, unique within the run (first two digits = province code). */
  taxCode: string;
  /** S&T activity registration certificate number, or null. */
  stRegCertNo: string | null;
  /** Certificate date, or null. */
  stRegCertDate: string | null;
  /** Certificate issuer, or null. */
  stRegCertIssuer: string | null;
  /** FOS2025 level-2 code consistent with the name. */
  mainFieldCode: string;
}

/** A synthetic researcher (cán bộ nghiên cứu). */
export interface ResearcherSeed {
  /** 1-based index within the run. */
  index: number;
  /** 'NCV' + 7-digit zero-padded index. */
  code: string;
  /** Full name (family, middle, given), NFC. */
  fullName: string;
  /** GENDER code. */
  gender: 'M' | 'F';
  /** Year of birth (1950–2000). */
  birthYear: number;
  /** QUALIFICATION code. */
  qualificationCode: string;
  /** ACADEMIC_TITLE code (GS/PGS, doctors aged 40+ only) or null. */
  academicTitleCode: string | null;
  /** FOS2025 level-2 code. */
  fieldCode: string;
  /** 1-based index of the employing organisation. */
  organizationIndex: number;
  /** Job title, or null. */
  position: string | null;
  /** ORCID iD ('0000-0002-xxxx-xxxx', valid check digit, unique) or null. */
  orcid: string | null;
  /** E-mail address on the employer's example domain; unique within the run. */
  email: string;
  /** Mobile phone. */
  phone: string;
}

// ---------------------------------------------------------------------------
// Scales
// ---------------------------------------------------------------------------

const SCALE_COUNTS: Readonly<Record<SeedScale, ScaleCounts>> = {
  test: { organizations: 60, researchers: 300 },
  demo: { organizations: 600, researchers: 4_000 },
  '10k': { organizations: 1_500, researchers: 8_500 },
  '100k': { organizations: 15_000, researchers: 85_000 },
  '1m': { organizations: 150_000, researchers: 850_000 },
};

/**
 * Record counts of a named scale.
 * @param scale - Scale name.
 * @returns A fresh object with organisation and researcher counts.
 */
export function scaleCounts(scale: SeedScale): ScaleCounts {
  const c = SCALE_COUNTS[scale];
  return { organizations: c.organizations, researchers: c.researchers };
}

/** Highest supported index (codes are 7 digits; ORCID/tax-code permutations are bijective below this). */
const MAX_INDEX = 9_999_999;

// ---------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------

function at<T>(items: readonly T[], i: number): T {
  const v = items[i];
  if (v === undefined) throw new RangeError(`index ${i} out of range (length ${items.length})`);
  return v;
}

/** mulberry32: 32-bit state, period 2^32; methods live on the prototype so creating one is cheap. */
class Mulberry32 implements Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, maxInclusive: number): number {
    return min + Math.floor(this.next() * (maxInclusive - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return at(items, Math.floor(this.next() * items.length));
  }

  weighted<T>(items: readonly T[], weight: (t: T) => number): T {
    let total = 0;
    for (const it of items) total += Math.max(0, weight(it));
    if (!(total > 0)) throw new RangeError('weighted pick needs a positive total weight');
    let r = this.next() * total;
    for (const it of items) {
      r -= Math.max(0, weight(it));
      if (r < 0) return it;
    }
    return at(items, items.length - 1);
  }
}

/**
 * Creates a seeded PRNG (mulberry32).
 * @param seed - Any number; it is reduced to an unsigned 32-bit integer.
 * @returns The generator.
 */
export function createRng(seed: number): Rng {
  return new Mulberry32(seed);
}

function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const STREAM_ORG = 0x0a11;
const STREAM_RESEARCHER = 0x0b22;

/** Seed of the PRNG of one record: a hash of (run seed, stream, index). */
function recordSeed(seed: number, stream: number, index: number): number {
  return fmix32(fmix32(fmix32(seed >>> 0) ^ Math.imul(stream, 0x9e3779b9)) ^ (index >>> 0));
}

/** Precomputed cumulative weights for O(log n) weighted draws. */
interface Table<T> {
  readonly items: readonly T[];
  readonly cum: Float64Array;
  readonly total: number;
}

function table<T>(items: readonly T[], weight: (t: T) => number): Table<T> {
  const cum = new Float64Array(items.length);
  let total = 0;
  items.forEach((it, i) => {
    total += Math.max(0, weight(it));
    cum[i] = total;
  });
  if (!(total > 0)) throw new RangeError('table needs a positive total weight');
  return { items, cum, total };
}

function draw<T>(t: Table<T>, rng: Rng): T {
  const r = rng.next() * t.total;
  let lo = 0;
  let hi = t.items.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((t.cum[mid] ?? 0) > r) hi = mid;
    else lo = mid + 1;
  }
  return at(t.items, lo);
}

// ---------------------------------------------------------------------------
// Reference data prepared once
// ---------------------------------------------------------------------------

const nfc = (s: string): string => s.normalize('NFC');

const UNIT_BY_KEY = new Map(ORG_UNITS.map((u) => [u.key, u] as const));

function unitByKey(key: string): OrgUnitSeed {
  const u = UNIT_BY_KEY.get(key);
  if (u === undefined) throw new Error(`unknown org unit ${key}`);
  return u;
}

const CURRENT_PROVINCES: readonly OrgUnitSeed[] = ORG_UNITS.filter((u) => u.kind === 'province' && u.validTo === null);
const CURRENT_MINISTRIES: readonly OrgUnitSeed[] = ORG_UNITS.filter(
  (u) => u.kind === 'ministry' && u.validTo === null && !u.isExcludedFromNetwork && u.weight > 0,
);
const PROVINCE_TABLE = table(CURRENT_PROVINCES, (u) => u.weight);
const HANOI = unitByKey('p34:01');
const HCMC = unitByKey('p34:79');

/** Predecessors of each unit (weighted by their own generator weight, minimum 0.1). */
const PREDECESSORS: ReadonlyMap<string, Table<OrgUnitSeed>> = (() => {
  const lists = new Map<string, OrgUnitSeed[]>();
  for (const s of SUCCESSIONS) {
    const list = lists.get(s.successorKey) ?? [];
    list.push(unitByKey(s.predecessorKey));
    lists.set(s.successorKey, list);
  }
  const out = new Map<string, Table<OrgUnitSeed>>();
  for (const [k, list] of lists) out.set(k, table(list, (u) => Math.max(0.1, u.weight)));
  return out;
})();

/**
 * Picks the unit version an organisation belonged to just before `unit` started (or `unit` itself).
 * With `keepName`, the predecessor whose name the unit kept (listed first) is used, so that an organisation
 * named after its province stays in that province's lineage.
 */
function originOf(unit: OrgUnitSeed, rng: Rng, keepName: boolean): OrgUnitSeed {
  const preds = PREDECESSORS.get(unit.key);
  if (preds === undefined) return unit;
  return keepName ? at(preds.items, 0) : draw(preds, rng);
}

/** The version of a unit lineage valid on `date`, following the chosen origin and then first predecessors. */
function unitAt(current: OrgUnitSeed, origin: OrgUnitSeed, date: string): OrgUnitSeed {
  if (current.validFrom <= date) return current;
  let u = origin;
  while (u.validFrom > date) {
    const preds = PREDECESSORS.get(u.key);
    if (preds === undefined) break;
    u = at(preds.items, 0);
  }
  return u;
}

const PROVINCE_EN_SHORT: ReadonlyMap<string, string> = new Map(
  ORG_UNITS.filter((u) => u.kind === 'province').map((u) => [
    u.key,
    u.key.endsWith(':79') ? u.nameEn : u.nameEn.replace(/ (Province|City)$/, ''),
  ]),
);

function provinceShort(u: OrgUnitSeed): string {
  return u.shortNameVi ?? u.nameVi;
}

const FOS2025 = findScheme('FOS2025');
if (FOS2025 === undefined) throw new Error('FOS2025 scheme missing');
const FOS_L2_CODES: readonly string[] = FOS2025.codes.filter((c) => c.level === 2).map((c) => c.code);
const FOS_L2_BY_L1: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const c of FOS_L2_CODES) {
    const k = c.slice(0, 1);
    const list = m.get(k) ?? [];
    list.push(c);
    m.set(k, list);
  }
  return m;
})();

// ---------------------------------------------------------------------------
// Organisation plans (which patterns a province / a ministry produces)
// ---------------------------------------------------------------------------

/** A pattern with the vocabulary it draws from (already filtered for the managing unit). */
interface PlanEntry {
  readonly pattern: OrgNamePattern;
  readonly vocab: Table<VocabularyTerm> | null;
  readonly fields: readonly string[];
  readonly usesBrand: boolean;
}

interface MinistryProfile {
  readonly fieldPrefixes: readonly string[];
  readonly categories: Partial<Record<OrgCategory, number>>;
}

const DEFAULT_MINISTRY_PROFILE: MinistryProfile = { fieldPrefixes: [''], categories: { institute: 6, academy: 1, serviceCentre: 1 } };

/** Fields and institution mix of ministry-run organisations, by ministry code [synthetic assumption]. */
const MINISTRY_PROFILES: Readonly<Record<string, MinistryProfile>> = {
  BKHCN: { fieldPrefixes: ['1', '2', '508'], categories: { institute: 6, serviceCentre: 2, academy: 1 } },
  VAST: { fieldPrefixes: ['1', '2'], categories: { institute: 9, academy: 1, serviceCentre: 1 } },
  VASS: { fieldPrefixes: ['5', '6'], categories: { institute: 9, academy: 1 } },
  BGDDT: { fieldPrefixes: [''], categories: { university: 8, academy: 1, college: 1, institute: 1 } },
  DHQGHN: { fieldPrefixes: [''], categories: { university: 7, institute: 3 } },
  DHQGHCM: { fieldPrefixes: [''], categories: { university: 7, institute: 3 } },
  BYT: { fieldPrefixes: ['3'], categories: { hospital: 4, institute: 3, university: 2, college: 1 } },
  BNNMT: { fieldPrefixes: ['4', '105', '106', '207', '208'], categories: { institute: 7, academy: 1, university: 1, serviceCentre: 1 } },
  BCT: { fieldPrefixes: ['2', '502'], categories: { institute: 5, university: 2, college: 2 } },
  BXD: { fieldPrefixes: ['201', '203', '205', '299', '507'], categories: { institute: 5, university: 2, college: 1 } },
  BTC: { fieldPrefixes: ['502'], categories: { institute: 3, academy: 2, university: 2 } },
  NHNN: { fieldPrefixes: ['502'], categories: { academy: 1, institute: 1 } },
  BNV: { fieldPrefixes: ['5'], categories: { institute: 2, academy: 1, college: 1 } },
  BTP: { fieldPrefixes: ['505'], categories: { institute: 1, university: 1, academy: 1 } },
  BNG: { fieldPrefixes: ['506'], categories: { academy: 1, institute: 1 } },
  BVHTTDL: { fieldPrefixes: ['6', '508'], categories: { institute: 2, university: 2, academy: 1, college: 1 } },
  BDTTG: { fieldPrefixes: ['504', '6'], categories: { academy: 1, institute: 1 } },
  TTCP: { fieldPrefixes: ['505'], categories: { institute: 1 } },
  VPCP: { fieldPrefixes: ['5', '102'], categories: { institute: 1, serviceCentre: 1 } },
};

/** Category mix of province-run organisations [synthetic assumption]. */
const PROVINCE_CATEGORIES: Readonly<Record<OrgCategory, number>> = {
  institute: 10,
  university: 3.5,
  academy: 0,
  college: 4,
  serviceCentre: 17,
  hospital: 6,
  stateAgency: 2,
  scienceEnterprise: 12,
  company: 45.5,
};

/** Share of organisations run by a ministry rather than by a province. */
const MINISTRY_SHARE = 0.2;

const BUSINESS_TOPICS = TOPICS.filter((t) => t.business);

function vocabularyOf(pattern: OrgNamePattern): readonly VocabularyTerm[] | null {
  switch (pattern.vocabulary) {
    case 'topic':
      return TOPICS;
    case 'businessTopic':
      return BUSINESS_TOPICS;
    case 'discipline':
      return DISCIPLINES.filter((d) => (d.categories as readonly string[]).includes(pattern.category));
    case 'specialty':
      return HOSPITAL_SPECIALTIES;
    case 'none':
      return null;
  }
}

const matches = (fieldCode: string, prefixes: readonly string[]): boolean => prefixes.some((p) => fieldCode.startsWith(p));

function planEntry(pattern: OrgNamePattern, prefixes: readonly string[]): PlanEntry | null {
  const usesBrand = pattern.vi.includes('{brand}');
  const vocab = vocabularyOf(pattern);
  if (vocab === null) {
    const fields = (pattern.fieldCodes ?? []).filter((f) => matches(f, prefixes));
    return fields.length === 0 ? null : { pattern, vocab: null, fields, usesBrand };
  }
  const terms = vocab.filter((t) => matches(t.fieldCode, prefixes));
  return terms.length === 0 ? null : { pattern, vocab: table(terms, () => 1), fields: [], usesBrand };
}

function buildPlan(categoryWeights: Partial<Record<OrgCategory, number>>, forMinistry: boolean, prefixes: readonly string[]): Table<PlanEntry> {
  const rows: { entry: PlanEntry; weight: number }[] = [];
  for (const [category, catWeight] of Object.entries(categoryWeights) as [OrgCategory, number][]) {
    if (!(catWeight > 0)) continue;
    const entries = ORG_NAME_PATTERNS.filter(
      (p) => p.category === category && (p.managedBy === 'any' || p.managedBy === (forMinistry ? 'ministry' : 'province')),
    )
      .map((p) => planEntry(p, prefixes))
      .filter((e): e is PlanEntry => e !== null);
    const sum = entries.reduce((s, e) => s + e.pattern.weight, 0);
    for (const entry of entries) rows.push({ entry, weight: (catWeight * entry.pattern.weight) / sum });
  }
  const weights = table(rows, (r) => r.weight);
  return { items: rows.map((r) => r.entry), cum: weights.cum, total: weights.total };
}

const PROVINCE_PLAN = buildPlan(PROVINCE_CATEGORIES, false, ['']);

interface MinistryPlan {
  readonly unit: OrgUnitSeed;
  readonly plan: Table<PlanEntry>;
}

const MINISTRY_TABLE: Table<MinistryPlan> = table(
  CURRENT_MINISTRIES.map((unit) => {
    const profile = MINISTRY_PROFILES[unit.code] ?? DEFAULT_MINISTRY_PROFILE;
    return { unit, plan: buildPlan(profile.categories, true, profile.fieldPrefixes) };
  }),
  (m) => m.unit.weight,
);

const CATEGORIES: readonly OrgCategory[] = [
  'institute',
  'university',
  'academy',
  'college',
  'serviceCentre',
  'hospital',
  'stateAgency',
  'scienceEnterprise',
  'company',
];
const CATEGORY_ID = new Map(CATEGORIES.map((c, i) => [c, i + 1] as const));

/** Relative researcher density by category, used to concentrate researchers [synthetic assumption]. */
const RESEARCHER_DENSITY: Readonly<Record<OrgCategory, number>> = {
  university: 1,
  academy: 1,
  institute: 0.9,
  hospital: 0.5,
  college: 0.35,
  serviceCentre: 0.3,
  scienceEnterprise: 0.3,
  stateAgency: 0.15,
  company: 0.12,
};

// ---------------------------------------------------------------------------
// Organisation core: everything a researcher needs to know about its employer
// ---------------------------------------------------------------------------

interface OrgCore {
  readonly index: number;
  readonly rng: Rng;
  readonly entry: PlanEntry;
  readonly province: OrgUnitSeed;
  readonly ministry: OrgUnitSeed | null;
  readonly term: VocabularyTerm | null;
  readonly fieldCode: string;
  readonly brand: string | null;
}

function ministryProvince(m: OrgUnitSeed, rng: Rng): OrgUnitSeed {
  if (m.code === 'DHQGHN') return HANOI;
  if (m.code === 'DHQGHCM') return HCMC;
  const r = rng.next();
  if (r < 0.55) return HANOI;
  if (r < 0.72) return HCMC;
  return draw(PROVINCE_TABLE, rng);
}

function brandName(rng: Rng): string {
  const a = rng.int(0, BRAND_SYLLABLES.length - 1);
  let b = rng.int(0, BRAND_SYLLABLES.length - 2);
  if (b >= a) b += 1;
  return `${at(BRAND_SYLLABLES, a)} ${at(BRAND_SYLLABLES, b)}`;
}

function orgCore(seed: number, index: number): OrgCore {
  const rng = createRng(recordSeed(seed, STREAM_ORG, index));
  let ministry: OrgUnitSeed | null = null;
  let entry: PlanEntry;
  let province: OrgUnitSeed;
  if (rng.next() < MINISTRY_SHARE) {
    const m = draw(MINISTRY_TABLE, rng);
    ministry = m.unit;
    entry = draw(m.plan, rng);
    province = ministryProvince(m.unit, rng);
  } else {
    province = draw(PROVINCE_TABLE, rng);
    entry = draw(PROVINCE_PLAN, rng);
  }
  const term = entry.vocab === null ? null : draw(entry.vocab, rng);
  const fieldCode = term === null ? rng.pick(entry.fields) : term.fieldCode;
  const brand = entry.usesBrand ? brandName(rng) : null;
  return { index, rng, entry, province, ministry, term, fieldCode, brand };
}

const FIELD_ID = new Map(FOS_L2_CODES.map((c, i) => [c, i + 1] as const));

/**
 * Per-run cache of what researchers need to know about employers: category and field ids in one byte each,
 * and the e-mail domain (filled lazily; at most one short string per organisation).
 */
class EmployerCache {
  private readonly category: Uint8Array;
  private readonly field: Uint8Array;
  private readonly domains: (string | undefined)[];

  constructor(
    private readonly seed: number,
    organizationCount: number,
  ) {
    this.category = new Uint8Array(organizationCount + 1);
    this.field = new Uint8Array(organizationCount + 1);
    this.domains = new Array<string | undefined>(organizationCount + 1);
  }

  private load(index: number): void {
    const core = orgCore(this.seed, index);
    this.category[index] = CATEGORY_ID.get(core.entry.pattern.category) ?? 1;
    this.field[index] = FIELD_ID.get(core.fieldCode) ?? 1;
  }

  categoryOf(index: number): OrgCategory {
    if ((this.category[index] ?? 0) === 0) this.load(index);
    return CATEGORIES[(this.category[index] ?? 1) - 1] ?? 'company';
  }

  fieldOf(index: number): string {
    if ((this.field[index] ?? 0) === 0) this.load(index);
    return FOS_L2_CODES[(this.field[index] ?? 1) - 1] ?? '199';
  }

  domainOf(index: number): string {
    let d = this.domains[index];
    if (d === undefined) {
      const core = orgCore(this.seed, index);
      d = domainOf(core, initials(baseNames(core).en));
      this.domains[index] = d;
    }
    return d;
  }
}

// ---------------------------------------------------------------------------
// Name building
// ---------------------------------------------------------------------------

const FOLD_CACHE = new Map<string, string>();

function fold(s: string): string {
  let v = FOLD_CACHE.get(s);
  if (v === undefined) {
    v = asciiFold(s);
    if (FOLD_CACHE.size < 10_000) FOLD_CACHE.set(s, v);
  }
  return v;
}

/** Templates split into literal parts and placeholder names, compiled once. */
const TEMPLATE_CACHE = new Map<string, readonly string[]>();

function compileTemplate(template: string): readonly string[] {
  let parts = TEMPLATE_CACHE.get(template);
  if (parts === undefined) {
    // Odd positions are placeholder names: "Viện {topic}" → ['Viện ', 'topic', ''].
    parts = template.split(/\{(\w+)\}/);
    TEMPLATE_CACHE.set(template, parts);
  }
  return parts;
}

const LOWER_FOLD_CACHE = new Map<string, string>();

/** Lower-case ASCII form of a vocabulary word (memoised; vocabularies are small). */
function lowerFold(s: string): string {
  let v = LOWER_FOLD_CACHE.get(s);
  if (v === undefined) {
    v = asciiFold(s).toLowerCase();
    if (LOWER_FOLD_CACHE.size < 10_000) LOWER_FOLD_CACHE.set(s, v);
  }
  return v;
}

function fill(template: string, vars: Readonly<Record<string, string>>): string {
  const parts = compileTemplate(template);
  let out = '';
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    out += i % 2 === 1 ? (vars[part] ?? '') : part;
  }
  return out.includes('  ') || out.endsWith(' ') ? out.replace(/\s+/g, ' ').trim() : out;
}

interface BaseNames {
  readonly vi: string;
  readonly en: string;
}

function nameVars(core: OrgCore): Record<string, string> {
  const region = regionOfProvinceCode(core.province.code);
  return {
    topic: core.term?.vi ?? '',
    topicEn: core.term?.en ?? '',
    province: provinceShort(core.province),
    provinceEn: PROVINCE_EN_SHORT.get(core.province.key) ?? fold(provinceShort(core.province)),
    brand: core.brand ?? '',
    brandEn: core.brand === null ? '' : fold(core.brand),
    region: region.vi,
    regionEn: region.en,
  };
}

function baseNames(core: OrgCore): BaseNames {
  const vars = nameVars(core);
  return { vi: fill(core.entry.pattern.vi, vars), en: fill(core.entry.pattern.en, vars) };
}

/** Builds a lazily evaluated alternative name from the pattern's fallback template (a random ward), if any. */
function fallbackNames(core: OrgCore): (() => BaseNames) | null {
  const { fallbackVi, fallbackEn } = core.entry.pattern;
  if (fallbackVi === null || fallbackEn === null) return null;
  return () => {
    const ward = core.rng.pick(WARD_NAMES);
    const vars = { ...nameVars(core), locality: ward, localityEn: fold(ward) };
    return { vi: fill(fallbackVi, vars), en: fill(fallbackEn, vars) };
  };
}

const STOP_WORDS = new Set(['of', 'and', 'for', 'the', 'in', 'on', 'at', 'to']);

const isWordChar = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46;

/** Upper-case initials of the significant words of an ASCII name ("Institute of New Materials" → "INM"). */
function initials(en: string): string {
  let out = '';
  let i = 0;
  const n = en.length;
  while (i < n) {
    while (i < n && !isWordChar(en.charCodeAt(i))) i += 1;
    const start = i;
    while (i < n && isWordChar(en.charCodeAt(i))) i += 1;
    if (i === start) continue;
    const c = en.charCodeAt(start);
    const isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!isLetter || (i - start <= 3 && STOP_WORDS.has(en.slice(start, i).toLowerCase()))) continue;
    out += c >= 97 ? String.fromCharCode(c - 32) : en.charAt(start);
  }
  return out;
}

/** Example-domain host of an organisation; unique because it embeds the index. */
function domainOf(core: OrgCore, baseInitials: string): string {
  const slug = core.brand !== null ? lowerFold(core.brand).replace(/[^a-z]/g, '') : baseInitials.toLowerCase().slice(0, 10);
  return `${slug.length > 0 ? slug : 'org'}-${core.index}.example.org`;
}

/** Attempts at the pattern's fallback name before numbering. */
const FALLBACK_ATTEMPTS = 3;

/**
 * Keeps organisation names unique: the base name, then base + province, then the pattern's fallback name
 * (e.g. a regional unit named after a ward), then "base số N".
 */
class NameRegistry {
  private readonly used = new Set<string>();
  private readonly nextNo = new Map<string, number>();

  claim(base: BaseNames, altVi: string | null, altEn: string, fallback: (() => BaseNames) | null): BaseNames {
    if (!this.used.has(base.vi)) {
      this.used.add(base.vi);
      return base;
    }
    if (altVi !== null) {
      const vi = `${base.vi} ${altVi}`;
      if (!this.used.has(vi)) {
        this.used.add(vi);
        return { vi, en: `${base.en} (${altEn})` };
      }
    }
    if (fallback !== null) {
      for (let i = 0; i < FALLBACK_ATTEMPTS; i += 1) {
        const candidate = fallback();
        if (!this.used.has(candidate.vi)) {
          this.used.add(candidate.vi);
          return candidate;
        }
      }
    }
    let n = this.nextNo.get(base.vi) ?? 2;
    while (this.used.has(`${base.vi} số ${n}`)) n += 1;
    const vi = `${base.vi} số ${n}`;
    this.used.add(vi);
    this.nextNo.set(base.vi, n + 1);
    return { vi, en: `${base.en} No. ${n}` };
  }
}

// ---------------------------------------------------------------------------
// Organisation details
// ---------------------------------------------------------------------------

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const LAST_DATE = '2025-06-30';

const LAST_YEAR = 2025;

/** Uniform-ish date in [fromYear, toYear] (days 1–28), never after {@link LAST_DATE}. */
function randomDate(rng: Rng, fromYear: number, toYear: number): string {
  const y = Math.min(rng.int(fromYear, toYear), LAST_YEAR);
  const month = rng.int(1, y === LAST_YEAR ? 6 : 12);
  return `${y}-${pad(month, 2)}-${pad(rng.int(1, 28), 2)}`;
}

const FOUNDING_YEARS: Readonly<Record<OrgCategory, readonly [number, number]>> = {
  institute: [1956, 2024],
  university: [1956, 2021],
  academy: [1960, 2020],
  college: [1960, 2022],
  serviceCentre: [1990, 2024],
  hospital: [1955, 2020],
  stateAgency: [1995, 2020],
  scienceEnterprise: [2005, 2025],
  company: [1995, 2025],
};

/** Earliest founding year of non-public organisations [synthetic assumption]. */
const PRIVATE_SINCE = 1993;

const DECISION_SYMBOLS: Readonly<Record<string, string>> = {
  BGDDT: nfc('BGDĐT'),
  BKHDT: nfc('BKHĐT'),
  BLDTBXH: nfc('BLĐTBXH'),
  DHQGHN: nfc('ĐHQGHN'),
  DHQGHCM: nfc('ĐHQG-HCM'),
  VAST: 'VHL',
  VASS: 'KHXH',
};

const QD = nfc('QĐ');

function foundingAuthority(pattern: OrgNamePattern, ministry: OrgUnitSeed | null, rng: Rng): string {
  if (pattern.ownership === 'enterprise') return '8.9';
  if (pattern.ownership === 'private') return pattern.category === 'university' ? '8.5' : rng.next() < 0.7 ? '8.8' : '8.9';
  if (pattern.category === 'university' || pattern.category === 'academy') return '8.5';
  return ministry === null ? '8.7' : '8.6';
}

function decisionNo(authority: string, pattern: OrgNamePattern, ministryAtDate: OrgUnitSeed | null, rng: Rng): string {
  switch (authority) {
    case '8.5':
      return `${rng.int(1, 2200)}/${QD}-TTg`;
    case '8.6': {
      const code = ministryAtDate?.code ?? 'BKHCN';
      return `${rng.int(1, 4500)}/${QD}-${DECISION_SYMBOLS[code] ?? code}`;
    }
    case '8.7':
      return `${rng.int(1, 3500)}/${QD}-UBND`;
    case '8.8':
      return `${rng.int(1, 900)}/${QD}-LHHVN`;
    default:
      return pattern.vi.includes('TNHH')
        ? `${rng.int(1, 120)}/${QD}-${nfc('HĐTV')}`
        : `${rng.int(1, 120)}/${QD}-${nfc('HĐQT')}`;
  }
}

function landline(province: OrgUnitSeed, rng: Rng): string {
  const area = AREA_CODES[province.code] ?? '024';
  const subscriberDigits = 11 - area.length;
  const rest = pad(rng.int(0, 10 ** (subscriberDigits - 1) - 1), subscriberDigits - 1);
  const sub = `3${rest}`;
  return `${area} ${sub.slice(0, 4)} ${sub.slice(4)}`;
}

const ORG_MAILBOXES = ['info', 'contact', 'vanphong', 'lienhe'] as const;
const TAX_MULTIPLIER = 73_939_133; // prime, coprime with 10^8 → index ↦ 8 digits is a bijection
const TAX_MODULUS = 100_000_000;
const MOST_NAME = nfc('Bộ Khoa học và Công nghệ');
const DOST_PREFIX = nfc('Sở Khoa học và Công nghệ');

function checkCount(count: number, what: string): void {
  if (!Number.isInteger(count) || count < 0 || count > MAX_INDEX) {
    throw new RangeError(`${what} must be an integer in [0, ${MAX_INDEX}]`);
  }
}

function buildOrganization(seed: number, core: OrgCore, registry: NameRegistry): OrganizationSeed {
  const { rng, entry, province, ministry, index } = core;
  const pattern = entry.pattern;
  const category = pattern.category;
  const base = baseNames(core);
  const baseInitials = initials(base.en);
  const domain = domainOf(core, baseInitials);
  const provShort = provinceShort(province);
  const alt = base.vi.includes(provShort) ? null : provShort;
  const names = registry.claim(base, alt, PROVINCE_EN_SHORT.get(province.key) ?? fold(provShort), fallbackNames(core));

  let nameAbbr: string | null = null;
  if (core.brand !== null && (category === 'company' || category === 'scienceEnterprise')) {
    nameAbbr = `${fold(core.brand).toUpperCase().replace(/\s+/g, '')} ${pattern.vi.includes('TNHH') ? 'CO., LTD' : 'JSC'}`;
  } else if (rng.next() < 0.65) {
    const ini = names === base ? baseInitials : initials(names.en.replace(/ No\. \d+$/, ''));
    nameAbbr = ini.length >= 2 ? ini : null;
  }

  const provinceOrigin = originOf(province, rng, pattern.vi.includes('{province}'));
  const ministryOrigin = ministry === null ? null : originOf(ministry, rng, false);
  const [y0, y1] = FOUNDING_YEARS[category];
  // Non-state S&T organisations, private schools and companies only appear after Đổi mới (1990s).
  const foundingDate = randomDate(rng, pattern.ownership === 'public' ? y0 : Math.max(y0, PRIVATE_SINCE), y1);
  const foundingAuthorityCode = foundingAuthority(pattern, ministry, rng);
  const ministryAtFounding = ministry === null || ministryOrigin === null ? null : unitAt(ministry, ministryOrigin, foundingDate);
  const foundingDecisionNo = decisionNo(foundingAuthorityCode, pattern, ministryAtFounding, rng);

  const economicTypeCode =
    pattern.ownership === 'public' ? '14.1' : pattern.ownership === 'private' ? '14.2' : rng.next() < 0.12 ? '14.3' : '14.2';

  let stRegCertNo: string | null = null;
  let stRegCertDate: string | null = null;
  let stRegCertIssuer: string | null = null;
  if ((category === 'institute' || category === 'serviceCentre') && rng.next() < 0.85) {
    let certDate = foundingDate < '2005-01-01' ? randomDate(rng, 2005, 2024) : addDays(foundingDate, rng.int(30, 1500));
    if (certDate > LAST_DATE) certDate = LAST_DATE;
    stRegCertDate = certDate;
    if (ministry !== null) {
      stRegCertNo = `A-${rng.int(100, 2600)}`;
      stRegCertIssuer = MOST_NAME;
    } else {
      stRegCertNo = `${rng.int(1, 320)}/${nfc('ĐK-KHCN')}`;
      stRegCertIssuer = `${DOST_PREFIX} ${provinceShort(unitAt(province, provinceOrigin, certDate))}`;
    }
  }

  const address = `Số ${rng.int(1, 350)} ${rng.pick(STREET_NAMES)}, Phường ${rng.pick(WARD_NAMES)}, ${province.nameVi}`;
  const phone = landline(province, rng);
  const fax = rng.next() < 0.55 ? landline(province, rng) : null;
  const email = `${rng.pick(ORG_MAILBOXES)}@${domain}`;
  const website = category === 'university' || category === 'academy' || rng.next() < 0.7 ? `https://www.${domain}` : null;
  const taxDigits = (index * TAX_MULTIPLIER + ((seed >>> 0) % TAX_MODULUS)) % TAX_MODULUS;

  return {
    index,
    code: `ORG${pad(index, 7)}`,
    nameVi: names.vi,
    nameAbbr,
    nameEn: names.en,
    address,
    provinceKey: province.key,
    managingUnitKey: ministry?.key ?? province.key,
    phone,
    fax,
    email,
    website,
    foundingDecisionNo,
    foundingDate,
    foundingAuthorityCode,
    orgTypeCode: pattern.orgTypeCode,
    economicTypeCode,
    taxCode: `${province.code}${pad(taxDigits, 8)}`,
    stRegCertNo,
    stRegCertDate,
    stRegCertIssuer,
    mainFieldCode: core.fieldCode,
  };
}

/**
 * Streams synthetic organisations with indexes 1..count.
 * @param opts - `seed` (any number) and `count` (0…9,999,999).
 * @returns A generator; the same seed always yields the same records.
 */
export function* generateOrganizations(opts: { seed: number; count: number }): Generator<OrganizationSeed> {
  checkCount(opts.count, 'count');
  const registry = new NameRegistry();
  for (let index = 1; index <= opts.count; index += 1) {
    yield buildOrganization(opts.seed, orgCore(opts.seed, index), registry);
  }
}

// ---------------------------------------------------------------------------
// Researchers
// ---------------------------------------------------------------------------

const FAMILY_TABLE = table(FAMILY_NAMES, (n: WeightedName) => n.weight);
const MIDDLE_MALE_TABLE = table(MIDDLE_NAMES_MALE, (n: WeightedName) => n.weight);
const MIDDLE_FEMALE_TABLE = table(MIDDLE_NAMES_FEMALE, (n: WeightedName) => n.weight);
const THI = nfc('Thị');

interface QualificationProfile {
  readonly code: string;
  readonly share: number;
  /** Birth-year triangular distribution: min, mode, max. */
  readonly birth: readonly [number, number, number];
}

/** Qualification shares (TS ≈ 25 %, ThS ≈ 40 %, ĐH ≈ 28 %) and the matching birth-year distributions. */
const QUALIFICATIONS: Table<QualificationProfile> = table<QualificationProfile>(
  [
    { code: 'TS', share: 25, birth: [1950, 1978, 1994] },
    { code: 'ThS', share: 40, birth: [1955, 1986, 1998] },
    { code: 'DH', share: 28, birth: [1958, 1993, 2000] },
    { code: 'CD', share: 3, birth: [1960, 1990, 2000] },
    { code: 'TC', share: 2, birth: [1960, 1988, 2000] },
    { code: 'KHAC', share: 2, birth: [1960, 1988, 2000] },
  ],
  (q) => q.share,
);

const REFERENCE_YEAR = 2025;
const FEMALE_SHARE = 0.46;
const ORCID_SHARE = 0.3;
const ORCID_MODULUS = 10_000_000;
const ORCID_MULTIPLIER = 3_967_711; // odd, not a multiple of 5 → coprime with 10^7
/** Exponent of the rank distribution: larger = researchers more concentrated in few organisations. */
const CONCENTRATION = 2.5;

function triangular(rng: Rng, min: number, mode: number, max: number): number {
  const u = rng.next();
  const c = (mode - min) / (max - min);
  const x = u < c ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  return Math.min(max, Math.max(min, Math.round(x)));
}

/**
 * ISO 7064 MOD 11-2 check character of an ORCID iD.
 * @param base15 - The first 15 digits (hyphens allowed).
 * @returns '0'…'9' or 'X'.
 */
export function orcidCheckDigit(base15: string): string {
  const digits = base15.replace(/-/g, '');
  if (!/^\d{15}$/.test(digits)) throw new RangeError(`ORCID base must be 15 digits, got "${base15}"`);
  let total = 0;
  for (let i = 0; i < digits.length; i += 1) total = (total + (digits.charCodeAt(i) - 48)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

function orcidFor(seed: number, index: number): string {
  const p = (index * ORCID_MULTIPLIER + ((seed >>> 0) % ORCID_MODULUS)) % ORCID_MODULUS;
  const base = `0000000${20_000_000 + p}`;
  const full = base + orcidCheckDigit(base);
  return `${full.slice(0, 4)}-${full.slice(4, 8)}-${full.slice(8, 12)}-${full.slice(12, 16)}`;
}

function coprimeMultiplier(n: number): number {
  for (const p of [7919, 7927, 7933, 104_729]) if (n % p !== 0) return p;
  return 1;
}

function positionFor(tiers: PositionTiers, age: number, title: string | null, rng: Rng): string | null {
  if (rng.next() < 0.08) return null;
  const r = rng.next();
  let tier: readonly string[];
  if (title === 'GS') tier = r < 0.35 ? tiers.lead : tiers.senior;
  else if (title === 'PGS') tier = r < 0.15 ? tiers.lead : r < 0.85 ? tiers.senior : tiers.mid;
  else if (age < 33) tier = r < 0.85 ? tiers.junior : tiers.mid;
  else if (age < 45) tier = r < 0.25 ? tiers.junior : r < 0.85 ? tiers.mid : tiers.senior;
  else tier = r < 0.08 ? tiers.lead : r < 0.5 ? tiers.senior : tiers.mid;
  return rng.pick(tier);
}

function mobile(rng: Rng): string {
  const rest = pad(rng.int(0, 9_999_999), 7);
  const prefix = rng.pick(MOBILE_PREFIXES);
  return `${prefix}${rest.slice(0, 1)} ${rest.slice(1, 4)} ${rest.slice(4)}`;
}

/**
 * Streams synthetic researchers with indexes 1..count, employed by organisations 1..organizationCount of a run
 * with the same seed (employer category, field and e-mail domain are consistent with {@link generateOrganizations}).
 * @param opts - `seed`, `count` and `organizationCount` (≥ 1 when count > 0).
 * @returns A generator; the same inputs always yield the same records.
 */
export function* generateResearchers(opts: { seed: number; count: number; organizationCount: number }): Generator<ResearcherSeed> {
  const { seed, count, organizationCount } = opts;
  checkCount(count, 'count');
  checkCount(organizationCount, 'organizationCount');
  if (count > 0 && organizationCount < 1) throw new RangeError('organizationCount must be ≥ 1');
  const employers = new EmployerCache(seed, organizationCount);
  const permA = coprimeMultiplier(organizationCount);
  const permC = organizationCount === 0 ? 0 : (seed >>> 0) % organizationCount;

  const pickOrganization = (rng: Rng): number => {
    for (let attempt = 0; ; attempt += 1) {
      const rank = Math.min(organizationCount - 1, Math.floor(organizationCount * rng.next() ** CONCENTRATION));
      const orgIndex = ((rank * permA + permC) % organizationCount) + 1;
      const density = RESEARCHER_DENSITY[employers.categoryOf(orgIndex)];
      if (attempt >= 15 || rng.next() < density) return orgIndex;
    }
  };

  for (let index = 1; index <= count; index += 1) {
    const rng = createRng(recordSeed(seed, STREAM_RESEARCHER, index));
    const organizationIndex = pickOrganization(rng);
    const category = employers.categoryOf(organizationIndex);
    const orgField = employers.fieldOf(organizationIndex);

    const gender: 'M' | 'F' = rng.next() < FEMALE_SHARE ? 'F' : 'M';
    const family = draw(FAMILY_TABLE, rng).value;
    const middle = draw(gender === 'F' ? MIDDLE_FEMALE_TABLE : MIDDLE_MALE_TABLE, rng).value;
    let middle2: string | null = null;
    if (gender === 'F' && middle === THI && rng.next() < 0.2) {
      const second = draw(MIDDLE_FEMALE_TABLE, rng).value;
      if (second !== THI) middle2 = second;
    }
    const givenList = gender === 'F' ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE;
    let given = rng.pick(givenList);
    if (given === (middle2 ?? middle)) given = rng.pick(givenList);
    const fullName = middle2 === null ? `${family} ${middle} ${given}` : `${family} ${middle} ${middle2} ${given}`;

    const qualification = draw(QUALIFICATIONS, rng);
    const [bMin, bMode, bMax] = qualification.birth;
    const birthYear = triangular(rng, bMin, bMode, bMax);
    const age = REFERENCE_YEAR - birthYear;

    let academicTitleCode: string | null = null;
    if (qualification.code === 'TS' && age >= 40) {
      const factor = gender === 'F' ? 0.6 : 1;
      const pGs = (age >= 55 ? 0.12 : age >= 48 ? 0.04 : 0) * factor;
      const pPgs = (age >= 45 ? 0.35 : 0.15) * factor;
      const r = rng.next();
      academicTitleCode = r < pGs ? 'GS' : r < pGs + pPgs ? 'PGS' : null;
    }

    const fr = rng.next();
    let fieldCode = orgField;
    if (fr >= 0.9) fieldCode = rng.pick(FOS_L2_CODES);
    else if (fr >= 0.75) fieldCode = rng.pick(FOS_L2_BY_L1.get(orgField.slice(0, 1)) ?? FOS_L2_CODES);

    const position = positionFor(POSITIONS[category], age, academicTitleCode, rng);
    const orcid = rng.next() < ORCID_SHARE ? orcidFor(seed, index) : null;
    const localInitials = lowerFold(family).charAt(0) + lowerFold(middle).charAt(0) + (middle2 === null ? '' : lowerFold(middle2).charAt(0));
    const email = `${lowerFold(given)}${localInitials}${index}@${employers.domainOf(organizationIndex)}`;

    yield {
      index,
      code: `NCV${pad(index, 7)}`,
      fullName,
      gender,
      birthYear,
      qualificationCode: qualification.code,
      academicTitleCode,
      fieldCode,
      organizationIndex,
      position,
      orcid,
      email,
      phone: mobile(rng),
    };
  }
}
