import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgUnit, OrgUnitDetail } from '@stinet/shared';
import { anonymous, createTestApp, loginAs, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function provincesOn(date: string): Promise<OrgUnit[]> {
  const res = await anonymous(t.app).get(`/api/org-units?kind=province&asOf=${date}&pageSize=500`);
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: OrgUnit[] }).items;
}

describe('org-unit registry as of a date', () => {
  it('has 63 provinces until 2025-06-30 and 34 from 2025-07-01', async () => {
    expect(await provincesOn('2025-06-30')).toHaveLength(63);
    expect(await provincesOn('2025-07-01')).toHaveLength(34);
    expect(await provincesOn('2024-12-31')).toHaveLength(63);
  });

  it('sorts provinces in Vietnamese order (Đ after D, not after Z)', async () => {
    const names = (await provincesOn('2025-07-01')).map((u) => u.shortNameVi ?? u.nameVi);
    const iDong = names.findIndex((n) => n.startsWith('Đồng Nai'));
    const iDien = names.findIndex((n) => n.startsWith('Điện Biên'));
    const iGia = names.findIndex((n) => n.startsWith('Gia Lai'));
    expect(iDien).toBeGreaterThan(-1);
    expect(iDong).toBeLessThan(iGia);
  });

  it('finds units without diacritics and shows the succession map both ways', async () => {
    const res = await anonymous(t.app).get('/api/org-units?kind=province&asOf=2025-01-01&q=long%20an');
    const [longAn] = (res.json() as { items: OrgUnit[] }).items;
    expect(longAn?.code).toBe('80');
    const detail = (await anonymous(t.app).get(`/api/org-units/${longAn?.id}`)).json() as OrgUnitDetail;
    expect(detail.successors).toHaveLength(1);
    expect(detail.successors[0]?.unit.nameVi).toContain('Tây Ninh');
    expect(detail.successors[0]?.effectiveDate).toBe('2025-07-01');
    const tayNinh = (await anonymous(t.app).get(`/api/org-units/${detail.successors[0]?.unit.id}`)).json() as OrgUnitDetail;
    expect(tayNinh.predecessors.map((p) => p.unit.code).sort()).toEqual(['72', '80']);
  });

  it('returns 404 with a bilingual error for an unknown id, 400 for a malformed one', async () => {
    const res = await anonymous(t.app).get('/api/org-units/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    const body = res.json() as { error: { code: string; messageVi: string; messageEn: string } };
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.messageVi).toBe('Không tìm thấy.');
    expect(body.error.messageEn).toBe('Not found.');
    const bad = await anonymous(t.app).get('/api/org-units/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });

  it('rejects an impossible date', async () => {
    const res = await anonymous(t.app).get('/api/org-units?asOf=2025-02-30');
    expect(res.statusCode).toBe(400);
  });
});

describe('org-unit administration', () => {
  it('lets the national admin create a successor unit and refuses overlapping validity', async () => {
    const admin = await loginAs(t.app, 'admin');
    const [hanoi] = (await provincesOn('2026-01-01')).filter((u) => u.code === '01');
    const overlapping = await admin.post('/api/org-units', {
      kind: 'province',
      code: '01',
      nameVi: 'Thủ đô Hà Nội (thử)',
      nameEn: 'Ha Noi (test)',
      validFrom: '2030-01-01',
      predecessorIds: [hanoi?.id],
    });
    expect(overlapping.statusCode).toBe(400);
    expect((overlapping.json() as { error: { code: string } }).error.code).toBe('UNIT_NOT_VALID_AT_DATE');

    const ministry = await admin.post('/api/org-units', {
      kind: 'ministry',
      code: 'BTEST',
      nameVi: 'Bộ Thử nghiệm',
      nameEn: 'Ministry of Testing',
      validFrom: '2026-01-01',
    });
    expect(ministry.statusCode).toBe(201);
    const id = (ministry.json() as OrgUnitDetail).id;
    const ended = await admin.patch(`/api/org-units/${id}`, { validTo: '2025-12-31' });
    expect(ended.statusCode).toBe(400);
    expect((ended.json() as { error: { code: string } }).error.code).toBe('INVALID_DATE_RANGE');
    const renamed = await admin.patch(`/api/org-units/${id}`, { nameVi: 'Bộ Thử nghiệm và Kiểm định' });
    expect(renamed.statusCode).toBe(200);
    const history = await admin.get(`/api/audit?entityType=org_unit&entityId=${id}`);
    const entries = (history.json() as { items: { action: string; changedFields: string[] }[] }).items;
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(entries[0]?.changedFields).toEqual(['nameVi']);
  });

  it('refuses unknown fields with UNKNOWN_FIELD and writes nothing', async () => {
    const admin = await loginAs(t.app, 'admin');
    const before = (await admin.get('/api/org-units?kind=ministry&asOf=2026-06-01&pageSize=500')).json() as { total: number };
    const res = await admin.post('/api/org-units', { kind: 'ministry', code: 'BX', nameVi: 'X', nameEn: 'X', validFrom: '2026-01-01', secret: 1 });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { code: string; details: { path: string }[] } }).error.code).toBe('UNKNOWN_FIELD');
    const after = (await admin.get('/api/org-units?kind=ministry&asOf=2026-06-01&pageSize=500')).json() as { total: number };
    expect(after.total).toBe(before.total);
  });
});

describe('code lists', () => {
  it('lists schemes with their real code counts and the FOS 2008 → 2025 crosswalk', async () => {
    const schemes = (await anonymous(t.app).get('/api/classifications')).json() as { code: string; codeCount: number }[];
    const fos2008 = schemes.find((s) => s.code === 'FOS2008');
    const fos2025 = schemes.find((s) => s.code === 'FOS2025');
    expect(fos2025?.codeCount).toBe(52);
    expect(fos2008?.codeCount).toBeGreaterThanOrEqual(52);
    const level1 = (await anonymous(t.app).get('/api/classifications/FOS2025?level=1')).json() as { codes: { code: string }[] };
    expect(level1.codes.map((c) => c.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    const walk = (await anonymous(t.app).get('/api/classifications/crosswalk?from=FOS2008&to=FOS2025&code=40107')).json() as { toCode: string; relation: string }[];
    expect(walk).toEqual([expect.objectContaining({ toCode: '401', relation: 'broader' })]);
  });
});

describe('org-unit search input', () => {
  it('treats LIKE wildcards in the query as text', async () => {
    const res = await anonymous(t.app).get('/api/org-units?asOf=2026-01-01&q=%25');
    expect(res.statusCode).toBe(200);
    expect((res.json() as { total: number }).total).toBe(0);
  });
});
