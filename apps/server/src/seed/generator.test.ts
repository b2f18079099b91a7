import { describe, it, expect } from 'vitest';
import { findScheme } from './data/classifications.js';
import { ORG_UNITS } from './data/org-units.js';
import {
  createRng,
  generateOrganizations,
  generateResearchers,
  orcidCheckDigit,
  scaleCounts,
} from './generator.js';
import type { OrganizationSeed, ResearcherSeed } from './generator.js';

const SEED = 20_250_701;
const N = 20_000;

const orgs: OrganizationSeed[] = [...generateOrganizations({ seed: SEED, count: N })];
const researchers: ResearcherSeed[] = [...generateResearchers({ seed: SEED, count: N, organizationCount: N })];

function codesOf(scheme: string, level?: number): Set<string> {
  const s = findScheme(scheme);
  if (s === undefined) throw new Error(`missing scheme ${scheme}`);
  return new Set(s.codes.filter((c) => level === undefined || c.level === level).map((c) => c.code));
}

function expectUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>();
  const duplicates = values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
  expect(duplicates.slice(0, 5), what).toEqual([]);
}

/** Collects the first few records that violate a predicate, so one assertion covers many records. */
function violations<T>(items: readonly T[], ok: (t: T) => boolean, label: (t: T) => string): string[] {
  const bad: string[] = [];
  for (const it of items) {
    if (!ok(it)) {
      bad.push(label(it));
      if (bad.length >= 5) break;
    }
  }
  return bad;
}

const isValidOrcid = (orcid: string): boolean =>
  /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(orcid) && orcidCheckDigit(orcid.slice(0, 18)) === orcid.slice(-1);

describe('scaleCounts', () => {
  it('returns the documented sizes', () => {
    expect(scaleCounts('test')).toEqual({ organizations: 60, researchers: 300 });
    expect(scaleCounts('demo')).toEqual({ organizations: 600, researchers: 4_000 });
    for (const [scale, total] of [
      ['10k', 10_000],
      ['100k', 100_000],
      ['1m', 1_000_000],
    ] as const) {
      const c = scaleCounts(scale);
      expect(c.organizations + c.researchers).toBe(total);
    }
  });
});

describe('createRng', () => {
  it('is deterministic and stays in range', () => {
    const a = createRng(42);
    const b = createRng(42);
    for (let i = 0; i < 1_000; i += 1) {
      const x = a.next();
      expect(x).toBe(b.next());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    const r = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 1_000; i += 1) seen.add(r.int(1, 6));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(createRng(1).next()).not.toBe(createRng(2).next());
  });

  it('never picks zero-weight items and rejects empty input', () => {
    const r = createRng(3);
    for (let i = 0; i < 200; i += 1) expect(r.weighted(['a', 'b', 'c'], (x) => (x === 'b' ? 0 : 1))).not.toBe('b');
    expect(() => r.pick([])).toThrow(RangeError);
    expect(() => r.weighted(['a'], () => 0)).toThrow(RangeError);
  });
});

describe('orcidCheckDigit', () => {
  it('computes ISO 7064 MOD 11-2 check characters', () => {
    expect(orcidCheckDigit('000000021825009')).toBe('7'); // 0000-0002-1825-0097
    expect(orcidCheckDigit('0000-0002-1825-009')).toBe('7');
    expect(orcidCheckDigit('000000021694233')).toBe('X'); // 0000-0002-1694-233X
    expect(isValidOrcid('0000-0002-1825-0097')).toBe(true);
    expect(isValidOrcid('0000-0002-1825-0098')).toBe(false);
    expect(() => orcidCheckDigit('123')).toThrow(RangeError);
  });
});

describe('determinism and streaming', () => {
  it('yields identical records for the same seed', () => {
    expect([...generateOrganizations({ seed: SEED, count: 2_000 })]).toEqual(orgs.slice(0, 2_000));
    expect([...generateResearchers({ seed: SEED, count: 2_000, organizationCount: N })]).toEqual(researchers.slice(0, 2_000));
  });

  it('yields different records for a different seed', () => {
    const other = [...generateOrganizations({ seed: SEED + 1, count: 50 })];
    expect(other.map((o) => o.nameVi)).not.toEqual(orgs.slice(0, 50).map((o) => o.nameVi));
  });

  it('is lazy: the first records do not depend on the requested count', () => {
    const it1 = generateOrganizations({ seed: SEED, count: 9_999_999 });
    const first = it1.next();
    expect(first.done).toBe(false);
    expect(first.value).toEqual(orgs[0]);
  });

  it('validates counts', () => {
    expect(() => generateOrganizations({ seed: 1, count: 10_000_000 }).next()).toThrow(RangeError);
    expect(() => generateResearchers({ seed: 1, count: 5, organizationCount: 0 }).next()).toThrow(RangeError);
    expect([...generateOrganizations({ seed: 1, count: 0 })]).toEqual([]);
  });
});

describe('organizations', () => {
  const currentProvinces = new Set(ORG_UNITS.filter((u) => u.kind === 'province' && u.validTo === null).map((u) => u.key));
  const usableMinistries = new Set(
    ORG_UNITS.filter((u) => u.kind === 'ministry' && u.validTo === null && !u.isExcludedFromNetwork).map((u) => u.key),
  );
  const provinceCode = new Map(ORG_UNITS.map((u) => [u.key, u.code] as const));

  it('has sequential indexes and ORG codes', () => {
    const bad = orgs.filter((o, i) => o.index !== i + 1 || o.code !== `ORG${String(i + 1).padStart(7, '0')}`);
    expect(bad.map((o) => o.code)).toEqual([]);
  });

  it('keeps codes, tax codes, names and e-mails unique over 20,000 records', () => {
    expectUnique(orgs.map((o) => o.code), 'code');
    expectUnique(orgs.map((o) => o.taxCode), 'taxCode');
    expectUnique(orgs.map((o) => o.nameVi), 'nameVi');
    expectUnique(orgs.map((o) => o.email), 'email');
    const bad = violations(
      orgs,
      (o) => /^\d{10}$/.test(o.taxCode) && o.taxCode.slice(0, 2) === provinceCode.get(o.provinceKey),
      (o) => `${o.code} ${o.taxCode} ${o.provinceKey}`,
    );
    expect(bad).toEqual([]);
  });

  it('uses only current provinces and current, non-excluded ministries (about 20 %)', () => {
    const bad = violations(
      orgs,
      (o) =>
        currentProvinces.has(o.provinceKey) &&
        (o.managingUnitKey.startsWith('min:') ? usableMinistries.has(o.managingUnitKey) : o.managingUnitKey === o.provinceKey),
      (o) => `${o.code} ${o.provinceKey} ${o.managingUnitKey}`,
    );
    expect(bad).toEqual([]);
    const ministryRun = orgs.filter((o) => o.managingUnitKey.startsWith('min:')).length;
    expect(ministryRun / N).toBeGreaterThan(0.15);
    expect(ministryRun / N).toBeLessThan(0.25);
  });

  it('puts Hà Nội and TP. Hồ Chí Minh clearly first', () => {
    const counts = new Map<string, number>();
    for (const o of orgs) counts.set(o.provinceKey, (counts.get(o.provinceKey) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    expect(ranked.slice(0, 2).map(([k]) => k).sort()).toEqual(['p34:01', 'p34:79']);
    const share = ((counts.get('p34:01') ?? 0) + (counts.get('p34:79') ?? 0)) / N;
    expect(share).toBeGreaterThan(0.3);
    expect(counts.size).toBe(34);
  });

  it('references existing classification codes', () => {
    const orgTypes = codesOf('ORG_TYPE');
    const economic = codesOf('ECONOMIC_TYPE');
    const authorities = codesOf('FOUNDING_AUTHORITY');
    const fields = codesOf('FOS2025', 2);
    const bad = violations(
      orgs,
      (o) =>
        orgTypes.has(o.orgTypeCode) &&
        economic.has(o.economicTypeCode) &&
        authorities.has(o.foundingAuthorityCode) &&
        fields.has(o.mainFieldCode),
      (o) => `${o.code} ${o.orgTypeCode} ${o.economicTypeCode} ${o.foundingAuthorityCode} ${o.mainFieldCode}`,
    );
    expect(bad).toEqual([]);
  });

  it('keeps type, ownership and founding authority consistent', () => {
    const consistent = (o: OrganizationSeed): boolean => {
      if (
        o.nameVi.startsWith('Công ty') &&
        !(o.foundingAuthorityCode === '8.9' && ['14.2', '14.3'].includes(o.economicTypeCode) && ['13.6', '13.7'].includes(o.orgTypeCode))
      ) {
        return false;
      }
      if (o.economicTypeCode === '14.3' && o.foundingAuthorityCode !== '8.9') return false;
      if ((o.orgTypeCode === '13.3.1' || o.orgTypeCode === '13.3.2') && o.foundingAuthorityCode !== '8.5') return false;
      if (o.foundingAuthorityCode === '8.6' && !o.managingUnitKey.startsWith('min:')) return false;
      if (o.foundingAuthorityCode === '8.7' && o.managingUnitKey !== o.provinceKey) return false;
      if (o.orgTypeCode === '13.3.1' && !o.nameVi.startsWith('Trường Đại học')) return false;
      if (o.economicTypeCode !== '14.1' && o.foundingDate < '1993-01-01') return false;
      return true;
    };
    const bad = violations(orgs, consistent, (o) => `${o.nameVi} ${o.orgTypeCode} ${o.economicTypeCode} ${o.foundingAuthorityCode} ${o.managingUnitKey}`);
    expect(bad).toEqual([]);
    const companies = orgs.filter((o) => o.nameVi.startsWith('Công ty'));
    expect(companies.filter((o) => o.economicTypeCode === '14.2').length / companies.length).toBeGreaterThan(0.8);
  });

  it('has well-formed dates and certificates', () => {
    const wellFormed = (o: OrganizationSeed): boolean =>
      /^(19[5-9]\d|20[0-2]\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d)$/.test(o.foundingDate) &&
      o.foundingDate <= '2025-06-30' &&
      (o.stRegCertNo === null
        ? o.stRegCertDate === null && o.stRegCertIssuer === null
        : o.stRegCertDate !== null &&
          o.stRegCertDate >= o.foundingDate &&
          /^(Bộ|Sở) Khoa học và Công nghệ/.test(o.stRegCertIssuer ?? '')) &&
      /^[a-z]+@[a-z]+-\d+\.example\.org$/.test(o.email);
    expect(violations(orgs, wellFormed, (o) => JSON.stringify(o))).toEqual([]);
    expect(orgs.filter((o) => o.stRegCertNo !== null).length).toBeGreaterThan(N / 10);
  });

  it('produces NFC names with Vietnamese diacritics', () => {
    const nfc = (o: OrganizationSeed): boolean =>
      [o.nameVi, o.address, o.foundingDecisionNo, o.stRegCertIssuer ?? ''].every((s) => s === s.normalize('NFC')) &&
      /^[\x20-\x7e]+$/.test(o.nameEn ?? '');
    expect(violations(orgs, nfc, (o) => o.nameVi)).toEqual([]);
    expect(orgs.some((o) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(o.nameVi))).toBe(true);
  });
});

describe('researchers', () => {
  it('has sequential NCV codes and unique e-mails and ORCIDs over 20,000 records', () => {
    expect(researchers.filter((r, i) => r.index !== i + 1 || r.code !== `NCV${String(i + 1).padStart(7, '0')}`)).toEqual([]);
    expectUnique(researchers.map((r) => r.email), 'email');
    const orcids = researchers.map((r) => r.orcid).filter((x): x is string => x !== null);
    expectUnique(orcids, 'orcid');
    expect(violations(orcids, isValidOrcid, (o) => o)).toEqual([]);
    expect(orcids.length / N).toBeGreaterThan(0.25);
    expect(orcids.length / N).toBeLessThan(0.35);
  });

  it('has a plausible gender ratio with gendered middle names', () => {
    const female = researchers.filter((r) => r.gender === 'F');
    expect(female.length / N).toBeGreaterThan(0.4);
    expect(female.length / N).toBeLessThan(0.52);
    const thiMale = researchers.filter((r) => r.gender === 'M' && r.fullName.split(' ')[1] === 'Thị');
    expect(thiMale).toHaveLength(0);
    const nguyen = researchers.filter((r) => r.fullName.startsWith('Nguyễn ')).length / N;
    expect(nguyen).toBeGreaterThan(0.3);
    expect(nguyen).toBeLessThan(0.46);
  });

  it('references existing codes and organisations', () => {
    const qualifications = codesOf('QUALIFICATION');
    const titles = codesOf('ACADEMIC_TITLE');
    const fields = codesOf('FOS2025', 2);
    const ok = (r: ResearcherSeed): boolean =>
      qualifications.has(r.qualificationCode) &&
      (r.academicTitleCode === null || titles.has(r.academicTitleCode)) &&
      fields.has(r.fieldCode) &&
      Number.isInteger(r.organizationIndex) &&
      r.organizationIndex >= 1 &&
      r.organizationIndex <= N &&
      (r.gender === 'M' || r.gender === 'F');
    expect(violations(researchers, ok, (r) => JSON.stringify(r))).toEqual([]);
  });

  it('has realistic ages, qualifications and titles', () => {
    const share = (code: string): number => researchers.filter((r) => r.qualificationCode === code).length / N;
    expect(share('TS')).toBeGreaterThan(0.2);
    expect(share('TS')).toBeLessThan(0.3);
    expect(share('ThS')).toBeGreaterThan(0.35);
    expect(share('DH')).toBeGreaterThan(0.23);
    const ok = (r: ResearcherSeed): boolean =>
      r.birthYear >= 1950 &&
      r.birthYear <= 2000 &&
      (r.academicTitleCode === null || (r.qualificationCode === 'TS' && 2025 - r.birthYear >= 40));
    expect(violations(researchers, ok, (r) => JSON.stringify(r))).toEqual([]);
    expect(researchers.some((r) => r.academicTitleCode === 'GS')).toBe(true);
    expect(researchers.some((r) => r.academicTitleCode === 'PGS')).toBe(true);
  });

  it('is consistent with the employing organisation and concentrated in larger ones', () => {
    let sameField = 0;
    const perOrg = new Map<number, number>();
    const domainMismatch: string[] = [];
    for (const r of researchers) {
      const org = orgs[r.organizationIndex - 1];
      if (org === undefined) {
        domainMismatch.push(`${r.code}: missing organisation ${r.organizationIndex}`);
        continue;
      }
      if (org.mainFieldCode === r.fieldCode) sameField += 1;
      if (r.email.split('@')[1] !== org.email.split('@')[1]) domainMismatch.push(`${r.email} vs ${org.email}`);
      perOrg.set(r.organizationIndex, (perOrg.get(r.organizationIndex) ?? 0) + 1);
    }
    expect(domainMismatch.slice(0, 5)).toEqual([]);
    expect(sameField / N).toBeGreaterThan(0.6);
    const sizes = [...perOrg.values()].sort((a, b) => b - a);
    const top10 = sizes.slice(0, N / 10).reduce((a, b) => a + b, 0);
    expect(top10 / N).toBeGreaterThan(0.3);
    const universityStaff = researchers.filter((r) => orgs[r.organizationIndex - 1]?.orgTypeCode.startsWith('13.3')).length / N;
    const universityShare = orgs.filter((o) => o.orgTypeCode.startsWith('13.3')).length / N;
    expect(universityStaff).toBeGreaterThan(universityShare);
  });

  it('produces NFC names', () => {
    const ok = (r: ResearcherSeed): boolean =>
      r.fullName === r.fullName.normalize('NFC') &&
      r.fullName.split(' ').length >= 3 &&
      /^[a-z]+\d+@[a-z]+-\d+\.example\.org$/.test(r.email) &&
      /^0\d{3} \d{3} \d{3}$/.test(r.phone);
    expect(violations(researchers, ok, (r) => JSON.stringify(r))).toEqual([]);
  });
});
