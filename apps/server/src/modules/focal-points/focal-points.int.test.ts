import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FocalPoint, FocalStaff } from '@stinet/shared';
import { unitByCode } from '../../test-support/fixtures.js';
import { anonymous, createTestApp, loginAs, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

describe('focal points', () => {
  it('lists the designations valid on a date: 63 provincial ones before the merger, 34 after', async () => {
    const count = async (date: string) => {
      const items = ((await anonymous(t.app).get(`/api/focal-points?asOf=${date}`)).json() as { items: FocalPoint[] }).items;
      return items.filter((f) => f.orgUnit.kind === 'province').length;
    };
    expect(await count('2025-06-30')).toBe(63);
    expect(await count('2025-07-01')).toBe(34);
  });

  it('keeps a designation inside its unit validity', async () => {
    const admin = await loginAs(t.app, 'admin');
    const oldLongAn = await unitByCode(t.app, 'province', '80', '2025-01-01');
    const tooLate = await admin.post('/api/focal-points', { orgUnitId: oldLongAn.id, nameVi: 'Trung tâm', validFrom: '2025-08-01' });
    expect([tooLate.statusCode, code(tooLate)]).toEqual([400, 'UNIT_NOT_VALID_AT_DATE']);
    const open = await admin.post('/api/focal-points', { orgUnitId: oldLongAn.id, nameVi: 'Trung tâm', validFrom: '2020-01-01' });
    expect([open.statusCode, code(open)]).toEqual([400, 'UNIT_NOT_VALID_AT_DATE']);
    const ok = await admin.post('/api/focal-points', { orgUnitId: oldLongAn.id, nameVi: 'Trung tâm', validFrom: '2020-01-01', validTo: '2025-06-30' });
    expect(ok.statusCode).toBe(201);
  });

  it('lets the unit officer keep staff and training records; others cannot', async () => {
    const hanoi = await unitByCode(t.app, 'province', '01');
    const fp = ((await anonymous(t.app).get(`/api/focal-points?orgUnitId=${hanoi.id}`)).json() as { items: FocalPoint[] }).items[0] as FocalPoint;
    const officer = await loginAs(t.app, 'officer.hanoi');
    const staff = (await officer.post(`/api/focal-points/${fp.id}/staff`, { fullName: 'Bùi Thị Hạnh', position: 'Chuyên viên', email: 'hanh@example.vn' })).json() as FocalStaff;
    const training = await officer.post(`/api/focal-staff/${staff.id}/trainings`, { courseTitle: 'Thống kê KH&CN', startDate: '2026-03-02', endDate: '2026-03-06', hours: 40 });
    expect(training.statusCode).toBe(201);
    const backwards = await officer.post(`/api/focal-staff/${staff.id}/trainings`, { courseTitle: 'X', startDate: '2026-03-06', endDate: '2026-03-02' });
    expect([backwards.statusCode, code(backwards)]).toEqual([400, 'INVALID_DATE_RANGE']);
    const list = (await officer.get(`/api/focal-points/${fp.id}/staff`)).json() as { items: FocalStaff[] };
    expect(list.items.find((s) => s.id === staff.id)?.trainings.map((x) => x.hours)).toEqual([40]);
    const hcm = await loginAs(t.app, 'officer.hcm');
    expect((await hcm.patch(`/api/focal-staff/${staff.id}`, { isActive: false })).statusCode).toBe(403);
    expect((await anonymous(t.app).get(`/api/focal-points/${fp.id}/staff`)).statusCode).toBe(401);
  });
});
