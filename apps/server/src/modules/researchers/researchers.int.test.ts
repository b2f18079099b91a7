import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResearcherFull, ResearcherPublic } from '@stinet/shared';
import { organizationBody, unitByCode } from '../../test-support/fixtures.js';
import { anonymous, createTestApp, loginAs, type Client, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let officer: Client;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t.app, 'officer.hanoi');
  const hanoi = (await unitByCode(t.app, 'province', '01')).id;
  orgId = ((await officer.post('/api/organizations', organizationBody(hanoi))).json() as { id: string }).id;
});
afterAll(async () => {
  await t.close();
});

const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

describe('researchers', () => {
  it('creates a researcher with a valid ORCID; the public record hides personal data', async () => {
    const res = await officer.post('/api/researchers', {
      fullName: 'Nguyễn Thị Thanh Hương',
      gender: 'F',
      birthYear: 1985,
      qualificationCode: 'TS',
      academicTitleCode: 'PGS',
      fieldCode: '106',
      organizationId: orgId,
      position: 'Trưởng phòng thí nghiệm',
      orcid: '0000-0002-1825-0097',
      email: 'huong.ntt@example.vn',
    });
    expect(res.statusCode).toBe(201);
    const full = res.json() as ResearcherFull;
    expect(full.code).toMatch(/^NCV\d{7}$/);
    const pub = (await anonymous(t.app).get(`/api/researchers/${full.id}`)).json() as ResearcherPublic & Record<string, unknown>;
    expect(pub.fullName).toBe('Nguyễn Thị Thanh Hương');
    expect(pub.orcid).toBe('0000-0002-1825-0097');
    for (const k of ['gender', 'birthYear', 'email', 'phone']) expect(pub).not.toHaveProperty(k);
    const found = (await anonymous(t.app).get('/api/researchers?q=nguyen%20thi%20thanh%20huong')).json() as { items: ResearcherPublic[] };
    expect(found.items.some((r) => r.id === full.id)).toBe(true);
  });

  it('refuses a bad ORCID check digit, a duplicate ORCID, unknown codes and foreign organizations', async () => {
    const base = { fullName: 'Trần Văn Nam', gender: 'M', organizationId: orgId };
    const badCheck = await officer.post('/api/researchers', { ...base, orcid: '0000-0002-1825-0098' });
    expect([badCheck.statusCode, code(badCheck)]).toEqual([400, 'VALIDATION_FAILED']);
    const dup = await officer.post('/api/researchers', { ...base, orcid: '0000-0002-1825-0097' });
    expect([dup.statusCode, code(dup)]).toEqual([409, 'DUPLICATE_ORCID']);
    const badCode = await officer.post('/api/researchers', { ...base, qualificationCode: 'PHD' });
    expect([badCode.statusCode, code(badCode)]).toEqual([400, 'INVALID_CODE']);
    const badGender = await officer.post('/api/researchers', { ...base, gender: 'X' });
    expect(badGender.statusCode).toBe(400);
    const hcm = await loginAs(t.app, 'officer.hcm');
    const foreign = await hcm.post('/api/researchers', base);
    expect([foreign.statusCode, code(foreign)]).toEqual([403, 'OUT_OF_SCOPE']);
  });

  it('records edits with before/after and rejects stale versions', async () => {
    const created = (await officer.post('/api/researchers', { fullName: 'Lê Minh Khoa', gender: 'M', organizationId: orgId })).json() as ResearcherFull;
    const ok = await officer.patch(`/api/researchers/${created.id}`, { qualificationCode: 'ThS', version: created.version });
    expect(ok.statusCode).toBe(200);
    const stale = await officer.patch(`/api/researchers/${created.id}`, { qualificationCode: 'TS', version: created.version });
    expect([stale.statusCode, code(stale)]).toEqual([409, 'VERSION_CONFLICT']);
    const history = (await officer.get(`/api/researchers/${created.id}/history`)).json() as { items: { changedFields: string[]; after: Record<string, unknown> }[] };
    expect(history.items[0]?.changedFields).toEqual(['qualificationCode']);
    expect(history.items[0]?.after).toEqual({ qualificationCode: 'ThS' });
  });
});

describe('researcher filters', () => {
  it('filters by the province of the employing organization', async () => {
    const hanoi = await unitByCode(t.app, 'province', '01');
    const hcm = await unitByCode(t.app, 'province', '79');
    const inHanoi = (await anonymous(t.app).get(`/api/researchers?provinceUnitId=${hanoi.id}&pageSize=200`)).json() as { items: ResearcherPublic[]; total: number };
    const inHcm = (await anonymous(t.app).get(`/api/researchers?provinceUnitId=${hcm.id}&pageSize=200`)).json() as { items: ResearcherPublic[]; total: number };
    const all = (await anonymous(t.app).get('/api/researchers?pageSize=1')).json() as { total: number };
    expect(inHanoi.total).toBeGreaterThan(0);
    expect(inHcm.total).toBeGreaterThan(0);
    expect(inHanoi.total + inHcm.total).toBeLessThan(all.total);
    expect(inHanoi.items.some((r) => r.organization.id === orgId)).toBe(true);
    expect(inHcm.items.some((r) => r.organization.id === orgId)).toBe(false);
  });
});
