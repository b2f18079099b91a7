import { describe, it, expect } from 'vitest';
import { CLASSIFICATION_SCHEMES, CROSSWALKS, findScheme } from './classifications.js';
import type { ClassificationSchemeSeed } from './classifications.js';
import { ORG_UNITS, SUCCESSIONS, isOrgUnitValidOn, orgUnitKeysValidOn } from './org-units.js';
import type { OrgUnitSeed } from './org-units.js';
import * as vocabularies from './vn-names.js';

const byKey = new Map(ORG_UNITS.map((u) => [u.key, u] as const));

function unit(key: string): OrgUnitSeed {
  const u = byKey.get(key);
  if (u === undefined) throw new Error(`missing unit ${key}`);
  return u;
}

function scheme(code: string): ClassificationSchemeSeed {
  const s = findScheme(code);
  if (s === undefined) throw new Error(`missing scheme ${code}`);
  return s;
}

const provincesOn = (date: string): OrgUnitSeed[] =>
  orgUnitKeysValidOn(date)
    .map(unit)
    .filter((u) => u.kind === 'province');

const ministriesOn = (date: string): OrgUnitSeed[] =>
  orgUnitKeysValidOn(date)
    .map(unit)
    .filter((u) => u.kind === 'ministry');

function dayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** Collects every string reachable from a value (objects, arrays, primitives). */
function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, out);
  return out;
}

describe('org units', () => {
  it('has unique keys and ISO dates with validFrom <= validTo', () => {
    expect(byKey.size).toBe(ORG_UNITS.length);
    for (const u of ORG_UNITS) {
      expect(u.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (u.validTo !== null) {
        expect(u.validTo).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(u.validFrom <= u.validTo).toBe(true);
      }
    }
  });

  it('has 63 provincial units valid on 2025-06-30 and 34 on 2025-07-01', () => {
    expect(provincesOn('2025-06-30')).toHaveLength(63);
    expect(provincesOn('2025-07-01')).toHaveLength(34);
    expect(provincesOn('2024-12-31')).toHaveLength(63);
    expect(provincesOn('2010-01-01')).toHaveLength(63);
  });

  it('has no provincial unit valid both before and after the merger', () => {
    const before = new Set(provincesOn('2025-06-30').map((u) => u.key));
    for (const u of provincesOn('2025-07-01')) expect(before.has(u.key)).toBe(false);
  });

  it('has 5 central cities before 2025, 6 (with Huế) in 2025 and 6 after the merger', () => {
    const cities = (d: string): string[] => provincesOn(d).filter((u) => u.isCentralCity).map((u) => u.shortNameVi ?? '');
    expect(cities('2024-12-31')).toHaveLength(5);
    expect(cities('2025-06-30')).toHaveLength(6);
    expect(cities('2025-06-30')).toContain('Huế');
    expect(cities('2025-07-01').sort()).toEqual(['Cần Thơ', 'Huế', 'Hà Nội', 'Hải Phòng', 'TP. Hồ Chí Minh', 'Đà Nẵng'].sort());
  });

  it('gives every pre-merger province exactly one successor among the 34', () => {
    const current = new Set(provincesOn('2025-07-01').map((u) => u.key));
    for (const u of provincesOn('2025-06-30')) {
      const successors = SUCCESSIONS.filter((s) => s.predecessorKey === u.key);
      expect(successors, u.key).toHaveLength(1);
      expect(current.has(successors[0]?.successorKey ?? '')).toBe(true);
      expect(successors[0]?.effectiveDate).toBe('2025-07-01');
    }
    // 11 unchanged + 52 merged into 23 successors
    const counts = new Map<string, number>();
    for (const s of SUCCESSIONS.filter((x) => x.effectiveDate === '2025-07-01')) {
      counts.set(s.successorKey, (counts.get(s.successorKey) ?? 0) + 1);
    }
    expect([...counts.values()].filter((n) => n === 1)).toHaveLength(11);
    expect([...counts.values()].filter((n) => n > 1)).toHaveLength(23);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(63);
  });

  it('maps the documented merges', () => {
    const preds = (key: string): string[] =>
      SUCCESSIONS.filter((s) => s.successorKey === key)
        .map((s) => unit(s.predecessorKey).shortNameVi ?? '')
        .sort();
    expect(preds('p34:79')).toEqual(['Bà Rịa - Vũng Tàu', 'Bình Dương', 'TP. Hồ Chí Minh'].sort());
    expect(preds('p34:37')).toEqual(['Hà Nam', 'Nam Định', 'Ninh Bình'].sort());
    expect(preds('p34:91')).toEqual(['An Giang', 'Kiên Giang'].sort());
    expect(preds('p34:46')).toEqual(['Huế']);
  });

  it('references existing units in every succession, effective the day after the predecessor ends', () => {
    for (const s of SUCCESSIONS) {
      const p = unit(s.predecessorKey);
      const n = unit(s.successorKey);
      expect(n.validFrom).toBe(s.effectiveDate);
      expect(p.validTo).toBe(dayBefore(s.effectiveDate));
    }
  });

  it('gives every ended unit a successor', () => {
    for (const u of ORG_UNITS.filter((x) => x.validTo !== null)) {
      expect(SUCCESSIONS.some((s) => s.predecessorKey === u.key), u.key).toBe(true);
    }
  });

  it('models Thừa Thiên Huế → Huế (2025-01-01) and NASATI → Cục Thông tin, Thống kê (2025-03-01)', () => {
    expect(unit('p63:46').validTo).toBe('2024-12-31');
    const hue = SUCCESSIONS.find((s) => s.predecessorKey === 'p63:46');
    expect(hue?.effectiveDate).toBe('2025-01-01');
    expect(unit(hue?.successorKey ?? '').isCentralCity).toBe(true);
    expect(unit(hue?.successorKey ?? '').code).toBe('46');
    const cttk = SUCCESSIONS.find((s) => s.predecessorKey === 'nat:nasati');
    expect(cttk).toMatchObject({ successorKey: 'nat:cttk', effectiveDate: '2025-03-01' });
    expect(unit('nat:cttk').nameVi).toBe('Cục Thông tin, Thống kê');
  });

  it('has codes unique on every relevant date', () => {
    const dates = new Set<string>(['2010-01-01', '2024-12-31', '2025-06-30', '2025-07-01', '2026-01-01']);
    for (const u of ORG_UNITS) {
      dates.add(u.validFrom);
      if (u.validTo !== null) dates.add(u.validTo);
    }
    for (const d of dates) {
      const valid = ORG_UNITS.filter((u) => isOrgUnitValidOn(u, d));
      const codes = valid.map((u) => `${u.kind}:${u.code}`);
      expect(new Set(codes).size, d).toBe(codes.length);
      const plainCodes = valid.map((u) => u.code);
      expect(new Set(plainCodes).size, d).toBe(plainCodes.length);
    }
  });

  it('has the 2025 government structure: 14 ministries + 3 ministry-level + 4 government agencies', () => {
    const after = ministriesOn('2025-03-01');
    expect(after).toHaveLength(21);
    expect(ministriesOn('2025-02-28')).toHaveLength(26);
    expect(after.filter((u) => u.isExcludedFromNetwork).map((u) => u.code).sort()).toEqual(['BCA', 'BQP']);
    expect(after.filter((u) => u.nameVi.startsWith('Bộ '))).toHaveLength(14);
    const codes = after.map((u) => u.code);
    for (const c of ['BNNMT', 'BDTTG', 'NHNN', 'TTCP', 'VPCP', 'VAST', 'VASS', 'DHQGHN', 'DHQGHCM']) expect(codes).toContain(c);
    for (const c of ['BKHDT', 'BTTTT', 'BGTVT', 'BTNMT', 'BNNPTNT', 'BLDTBXH', 'UBDT']) expect(codes).not.toContain(c);
  });

  it('routes merged ministries to their 2025 successors', () => {
    const succ = (key: string): string | undefined => SUCCESSIONS.find((s) => s.predecessorKey === key)?.successorKey;
    expect(succ('min:bkhdt')).toBe('min:btc');
    expect(succ('min:btttt')).toBe('min:bkhcn');
    expect(succ('min:bgtvt')).toBe('min:bxd');
    expect(succ('min:btnmt')).toBe('min:bnnmt');
    expect(succ('min:bnnptnt')).toBe('min:bnnmt');
    expect(succ('min:bldtbxh')).toBe('min:bnv');
    expect(succ('min:ubdt')).toBe('min:bdttg');
    expect(succ('min:bkhcn-2002')).toBe('min:bkhcn');
  });

  it('weights Hà Nội and TP. Hồ Chí Minh highest and national units 0', () => {
    const current = [...provincesOn('2025-07-01')].sort((a, b) => b.weight - a.weight);
    expect(current.slice(0, 2).map((u) => u.code).sort()).toEqual(['01', '79']);
    for (const u of ORG_UNITS.filter((x) => x.kind === 'national')) expect(u.weight).toBe(0);
    for (const u of ORG_UNITS.filter((x) => x.kind !== 'national')) expect(u.weight).toBeGreaterThan(0);
  });

  it('uses official-style names', () => {
    expect(unit('p63:01')).toMatchObject({ nameVi: 'Thành phố Hà Nội', shortNameVi: 'Hà Nội', nameEn: 'Ha Noi City' });
    expect(unit('p63:02')).toMatchObject({ nameVi: 'Tỉnh Hà Giang', nameEn: 'Ha Giang Province' });
    expect(unit('p34:79')).toMatchObject({ nameVi: 'Thành phố Hồ Chí Minh', shortNameVi: 'TP. Hồ Chí Minh', nameEn: 'Ho Chi Minh City' });
  });
});

describe('classifications', () => {
  it('has unique scheme codes and unique codes within each scheme', () => {
    const codes = CLASSIFICATION_SCHEMES.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const s of CLASSIFICATION_SCHEMES) {
      const c = s.codes.map((x) => x.code);
      expect(new Set(c).size, s.code).toBe(c.length);
      expect(c.length, s.code).toBeGreaterThan(0);
    }
  });

  it('has FOS2008 with 6 level-1, 46 level-2 and the confirmed level-3 codes', () => {
    const fos = scheme('FOS2008');
    expect(fos.codes.filter((c) => c.level === 1)).toHaveLength(6);
    expect(fos.codes.filter((c) => c.level === 2)).toHaveLength(46);
    expect(fos.codes.filter((c) => c.level === 3).map((c) => c.code).sort()).toEqual(['30218', '30219', '40107']);
    expect(fos.validTo).toBe('2025-12-14');
  });

  it('has FOS2025 with 6 level-1 and 46 level-2 codes from 2025-12-15', () => {
    const fos = scheme('FOS2025');
    expect(fos.codes.filter((c) => c.level === 1)).toHaveLength(6);
    const l2 = fos.codes.filter((c) => c.level === 2);
    expect(l2).toHaveLength(46);
    for (const c of l2) expect(Number(c.code)).toBeGreaterThanOrEqual(101);
    for (const c of l2) expect(Number(c.code)).toBeLessThanOrEqual(699);
    expect(fos.validFrom).toBe('2025-12-15');
    expect(fos.note).toMatch(/hypothesis/i);
  });

  it('has parent codes that exist, with level = parent level + 1, and prefix-derivable FOS codes', () => {
    for (const s of CLASSIFICATION_SCHEMES) {
      const levels = new Map(s.codes.map((c) => [c.code, c.level] as const));
      for (const c of s.codes) {
        if (c.parentCode === null) {
          expect(c.level, `${s.code}:${c.code}`).toBe(1);
        } else {
          expect(levels.has(c.parentCode), `${s.code}:${c.code}`).toBe(true);
          expect(c.level).toBe((levels.get(c.parentCode) ?? 0) + 1);
          if (s.code.startsWith('FOS')) expect(c.code.startsWith(c.parentCode)).toBe(true);
        }
      }
    }
  });

  it('has crosswalk endpoints that exist', () => {
    expect(CROSSWALKS.length).toBe(6 + 46 + 3);
    for (const x of CROSSWALKS) {
      expect(scheme(x.fromScheme).codes.some((c) => c.code === x.fromCode), `${x.fromScheme}:${x.fromCode}`).toBe(true);
      expect(scheme(x.toScheme).codes.some((c) => c.code === x.toCode), `${x.toScheme}:${x.toCode}`).toBe(true);
    }
    expect(CROSSWALKS.find((x) => x.fromCode === '40107')).toMatchObject({ toCode: '401', relation: 'broader' });
  });

  it('has the expected code lists', () => {
    const codesOf = (s: string): string[] => scheme(s).codes.map((c) => c.code);
    expect(codesOf('ORG_TYPE')).toContain('13.3.3');
    expect(scheme('ORG_TYPE').codes.filter((c) => c.parentCode === '13.4')).toHaveLength(10);
    expect(codesOf('ECONOMIC_TYPE')).toEqual(['14.1', '14.2', '14.3']);
    expect(codesOf('FOUNDING_AUTHORITY')).toHaveLength(9);
    expect(codesOf('QUALIFICATION')).toEqual(['TS', 'ThS', 'DH', 'CD', 'TC', 'KHAC']);
    expect(codesOf('ACADEMIC_TITLE')).toEqual(['GS', 'PGS']);
    expect(codesOf('GENDER')).toEqual(['M', 'F']);
    expect(codesOf('SEO')).toHaveLength(14);
    expect(scheme('FUNDING_SOURCE').codes.filter((c) => c.parentCode === 'NSNN').map((c) => c.code)).toEqual(['NSNN_TW', 'NSNN_DP']);
    expect(findScheme('NOPE')).toBeUndefined();
  });
});

describe('vocabularies', () => {
  const fosL2 = new Set(scheme('FOS2025').codes.filter((c) => c.level === 2).map((c) => c.code));
  const orgTypes = new Set(scheme('ORG_TYPE').codes.map((c) => c.code));

  it('has enough names, with Nguyễn the most frequent family name', () => {
    expect(vocabularies.GIVEN_NAMES_MALE.length).toBeGreaterThanOrEqual(40);
    expect(vocabularies.GIVEN_NAMES_FEMALE.length).toBeGreaterThanOrEqual(40);
    const total = vocabularies.FAMILY_NAMES.reduce((s, n) => s + n.weight, 0);
    const nguyen = vocabularies.FAMILY_NAMES.find((n) => n.value === 'Nguyễn')?.weight ?? 0;
    expect(nguyen / total).toBeGreaterThan(0.3);
    expect(nguyen / total).toBeLessThan(0.45);
  });

  it('maps every topic, discipline, specialty and pattern to existing codes', () => {
    for (const t of [...vocabularies.TOPICS, ...vocabularies.DISCIPLINES, ...vocabularies.HOSPITAL_SPECIALTIES]) {
      expect(fosL2.has(t.fieldCode), `${t.vi} → ${t.fieldCode}`).toBe(true);
      expect(t.en).toMatch(/^[\x20-\x7e]+$/);
    }
    for (const p of vocabularies.ORG_NAME_PATTERNS) {
      expect(orgTypes.has(p.orgTypeCode), p.id).toBe(true);
      for (const f of p.fieldCodes ?? []) expect(fosL2.has(f), p.id).toBe(true);
      if (p.vocabulary === 'none') expect(p.fieldCodes?.length ?? 0, p.id).toBeGreaterThan(0);
    }
  });

  it('has an area code for every current province', () => {
    for (const u of provincesOn('2025-07-01')) expect(vocabularies.AREA_CODES[u.code], u.code).toMatch(/^02\d{1,2}$/);
  });

  it('folds Vietnamese to ASCII', () => {
    expect(vocabularies.asciiFold('Đà Nẵng')).toBe('Da Nang');
    expect(vocabularies.asciiFold('Thừa Thiên Huế')).toBe('Thua Thien Hue');
  });
});

describe('normalisation', () => {
  it('stores every string NFC-normalised', () => {
    const strings = collectStrings([ORG_UNITS, SUCCESSIONS, CLASSIFICATION_SCHEMES, CROSSWALKS, { ...vocabularies }]);
    expect(strings.length).toBeGreaterThan(1000);
    for (const s of strings) expect(s === s.normalize('NFC'), s).toBe(true);
  });
});
