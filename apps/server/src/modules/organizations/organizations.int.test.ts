import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { OrganizationFull, OrganizationPublic } from '@stinet/shared';
import { queryRows } from '../../lib/sql.js';
import { organizationBody, unitByCode } from '../../test-support/fixtures.js';
import { anonymous, createTestApp, loginAs, type Client, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let hanoiId: string;
let hcmId: string;
let officerHanoi: Client;
let officerHcm: Client;

beforeAll(async () => {
  t = await createTestApp();
  hanoiId = (await unitByCode(t.app, 'province', '01')).id;
  hcmId = (await unitByCode(t.app, 'province', '79')).id;
  officerHanoi = await loginAs(t.app, 'officer.hanoi');
  officerHcm = await loginAs(t.app, 'officer.hcm');
});
afterAll(async () => {
  await t.close();
});

function errorCode(res: { json(): unknown }): string {
  return (res.json() as { error: { code: string } }).error.code;
}

async function countOrganizations(): Promise<number> {
  const rows = await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM organization`);
  return rows[0]?.n ?? -1;
}

describe('organizations: create, read, edit, history', () => {
  it('a provincial officer creates an organization in scope; the public sees only public fields', async () => {
    const res = await officerHanoi.post('/api/organizations', organizationBody(hanoiId));
    expect(res.statusCode).toBe(201);
    const full = res.json() as OrganizationFull;
    expect(full.code).toMatch(/^ORG\d{7}$/);
    expect(full.taxCode).toMatch(/^09/);
    expect(full.canEdit).toBe(true);
    const pub = (await anonymous(t.app).get(`/api/organizations/${full.id}`)).json() as Record<string, unknown>;
    expect(pub.nameVi).toBe(full.nameVi);
    for (const restricted of ['taxCode', 'internalNote', 'foundingDecisionNo', 'stRegCertNo', 'version']) expect(pub).not.toHaveProperty(restricted);
    expect(JSON.stringify(pub)).not.toContain('GHI-CHU-NOI-BO');
    const list = await anonymous(t.app).get(`/api/organizations?q=${encodeURIComponent('vien nghien cuu thu nghiem')}`);
    const items = (list.json() as { items: OrganizationPublic[] }).items;
    expect(items.some((o) => o.id === full.id)).toBe(true);
    expect(list.body).not.toContain('GHI-CHU-NOI-BO');
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const n = await countOrganizations();
    const cases: [Record<string, unknown>, number, string][] = [
      [organizationBody(hanoiId, { extra: 'x' }), 400, 'UNKNOWN_FIELD'],
      [organizationBody(hanoiId, { nameVi: 42 }), 400, 'VALIDATION_FAILED'],
      [organizationBody(hanoiId, { nameVi: '' }), 400, 'VALIDATION_FAILED'],
      [organizationBody(hanoiId, { taxCode: '12345' }), 400, 'VALIDATION_FAILED'],
      [organizationBody(hanoiId, { orgTypeCode: '99.9' }), 400, 'INVALID_CODE'],
      [organizationBody(hanoiId, { mainFieldCode: '999' }), 400, 'INVALID_CODE'],
      [organizationBody(hanoiId, { foundingDate: '2020-13-01' }), 400, 'VALIDATION_FAILED'],
      [organizationBody(hanoiId, { website: 'javascript:alert(1)' }), 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await officerHanoi.post('/api/organizations', body);
      expect([res.statusCode, errorCode(res)], JSON.stringify(body)).toEqual([status, code]);
      expect(res.json()).toHaveProperty('error.messageVi');
      expect(res.json()).toHaveProperty('error.messageEn');
    }
    const oversize = await officerHanoi.request({ method: 'POST', url: '/api/organizations', payload: { ...organizationBody(hanoiId), address: 'x'.repeat(2 * 1024 * 1024) } });
    expect([oversize.statusCode, errorCode(oversize)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const malformed = await officerHanoi.request({ method: 'POST', url: '/api/organizations', payload: '{"nameVi":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(await countOrganizations()).toBe(n);
  });

  it('refuses a unit that is not valid today (a pre-2025 province)', async () => {
    const oldLongAn = await unitByCode(t.app, 'province', '80', '2025-01-01');
    const admin = await loginAs(t.app, 'admin');
    const res = await admin.post('/api/organizations', organizationBody(oldLongAn.id));
    expect([res.statusCode, errorCode(res)]).toEqual([400, 'UNIT_NOT_VALID_AT_DATE']);
  });

  it('refuses a duplicate tax code with DUPLICATE_TAX_CODE', async () => {
    const body = organizationBody(hanoiId);
    expect((await officerHanoi.post('/api/organizations', body)).statusCode).toBe(201);
    const again = await officerHanoi.post('/api/organizations', { ...organizationBody(hanoiId), taxCode: body.taxCode });
    expect([again.statusCode, errorCode(again)]).toEqual([409, 'DUPLICATE_TAX_CODE']);
  });

  it('keeps officers to their scope: another province cannot create, read in full or edit', async () => {
    const created = (await officerHanoi.post('/api/organizations', organizationBody(hanoiId))).json() as OrganizationFull;
    const forged = await officerHcm.post('/api/organizations', organizationBody(hanoiId));
    expect([forged.statusCode, errorCode(forged)]).toEqual([403, 'OUT_OF_SCOPE']);
    expect((await officerHcm.get(`/api/organizations/${created.id}/full`)).statusCode).toBe(403);
    const edit = await officerHcm.patch(`/api/organizations/${created.id}`, { nameVi: 'Chiếm quyền', version: created.version });
    expect([edit.statusCode, errorCode(edit)]).toEqual([403, 'OUT_OF_SCOPE']);
    const move = await officerHanoi.patch(`/api/organizations/${created.id}`, { managingUnitId: hcmId, provinceUnitId: hcmId, version: created.version });
    expect([move.statusCode, errorCode(move)]).toEqual([403, 'OUT_OF_SCOPE']);
    const still = (await officerHanoi.get(`/api/organizations/${created.id}/full`)).json() as OrganizationFull;
    expect(still.nameVi).toBe(created.nameVi);
    expect(still.version).toBe(created.version);
  });

  it('detects concurrent edits: the second save with a stale version gets VERSION_CONFLICT', async () => {
    const created = (await officerHanoi.post('/api/organizations', organizationBody(hanoiId))).json() as OrganizationFull;
    const admin = await loginAs(t.app, 'admin');
    const first = await officerHanoi.patch(`/api/organizations/${created.id}`, { nameVi: 'Viện Công nghệ số Hà Nội', version: created.version });
    expect(first.statusCode).toBe(200);
    expect((first.json() as OrganizationFull).version).toBe(created.version + 1);
    const second = await admin.patch(`/api/organizations/${created.id}`, { nameVi: 'Tên khác', version: created.version });
    expect([second.statusCode, errorCode(second)]).toEqual([409, 'VERSION_CONFLICT']);
    const history = await officerHanoi.get(`/api/organizations/${created.id}/history`);
    expect(history.statusCode).toBe(200);
    const items = (history.json() as { items: { action: string; changedFields: string[]; before: Record<string, unknown>; after: Record<string, unknown>; actor: { username: string } }[] }).items;
    expect(items.map((i) => i.action)).toEqual(['update', 'create']);
    expect(items[0]?.changedFields).toEqual(['nameVi']);
    expect(items[0]?.before).toEqual({ nameVi: created.nameVi });
    expect(items[0]?.after).toEqual({ nameVi: 'Viện Công nghệ số Hà Nội' });
    expect(items[0]?.actor.username).toBe('officer.hanoi');
    expect((await officerHcm.get(`/api/organizations/${created.id}/history`)).statusCode).toBe(403);
  });

  it('the officer of a merged province covers records still attached to a predecessor unit', async () => {
    const oldQuangNam = await unitByCode(t.app, 'province', '49', '2025-01-01');
    const [row] = await queryRows<{ id: string; version: number }>(
      t.handle.db,
      sql`INSERT INTO organization (code, name_vi, province_unit_id, managing_unit_id, org_type_code, economic_type_code, main_field_code)
          VALUES ('ORG9999901', 'Trung tâm Ứng dụng KH&CN Quảng Nam', ${oldQuangNam.id}, ${oldQuangNam.id}, '13.4', '14.1', '401') RETURNING id, version`,
    );
    const danang = await loginAs(t.app, 'officer.danang');
    const full = await danang.get(`/api/organizations/${row?.id}/full`);
    expect(full.statusCode).toBe(200);
    expect((full.json() as OrganizationFull).canEdit).toBe(true);
    expect((await officerHanoi.get(`/api/organizations/${row?.id}/full`)).statusCode).toBe(403);
    const danangUnit = await unitByCode(t.app, 'province', '48');
    const listed = await anonymous(t.app).get(`/api/organizations?provinceUnitId=${danangUnit.id}&pageSize=200&q=quang%20nam`);
    expect((listed.json() as { items: { id: string }[] }).items.some((o) => o.id === row?.id)).toBe(true);
  });

  it('an organization reporter edits only their own organization and cannot move it', async () => {
    const reporter = await loginAs(t.app, 'reporter');
    const me = (await reporter.get('/api/auth/me')).json() as { user: { organization: { id: string } } };
    const own = (await reporter.get(`/api/organizations/${me.user.organization.id}/full`)).json() as OrganizationFull;
    const ok = await reporter.patch(`/api/organizations/${own.id}`, { phone: '024 1111 2222', version: own.version });
    expect(ok.statusCode).toBe(200);
    const move = await reporter.patch(`/api/organizations/${own.id}`, { managingUnitId: hcmId, version: own.version + 1 });
    expect([move.statusCode, errorCode(move)]).toEqual([403, 'FORBIDDEN']);
    const other = (await officerHanoi.post('/api/organizations', organizationBody(hanoiId))).json() as OrganizationFull;
    expect((await reporter.patch(`/api/organizations/${other.id}`, { phone: '1', version: other.version })).statusCode).toBe(403);
    expect((await reporter.post('/api/organizations', organizationBody(hanoiId))).statusCode).toBe(403);
  });

  it('lists with paging, filters and stable sort', async () => {
    const page1 = (await anonymous(t.app).get(`/api/organizations?provinceUnitId=${hanoiId}&pageSize=5&page=1`)).json() as { items: OrganizationPublic[]; total: number };
    const page2 = (await anonymous(t.app).get(`/api/organizations?provinceUnitId=${hanoiId}&pageSize=5&page=2`)).json() as { items: OrganizationPublic[]; total: number };
    expect(page1.total).toBeGreaterThan(5);
    expect(page1.items).toHaveLength(5);
    expect(new Set([...page1.items, ...page2.items].map((o) => o.id)).size).toBe(page1.items.length + page2.items.length);
    expect(page1.items.every((o) => o.provinceUnit.id === hanoiId)).toBe(true);
    const bad = await anonymous(t.app).get('/api/organizations?pageSize=100000');
    expect(bad.statusCode).toBe(400);
    const unknownParam = await anonymous(t.app).get('/api/organizations?secret=1');
    expect([unknownParam.statusCode, errorCode(unknownParam)]).toEqual([400, 'UNKNOWN_FIELD']);
  });
});
