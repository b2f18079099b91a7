import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HolidayYear } from '@stinet/shared';
import { anonymous, createTestApp, loginAs, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const deadline = async (from: string, days: number) =>
  ((await anonymous(t.app).get(`/api/calendar/working-days?from=${from}&days=${days}`)).json() as { deadline: string }).deadline;

describe('working-day calendar', () => {
  it('serves official, provisional and computed years and computes deadlines across Tết', async () => {
    const y2025 = (await anonymous(t.app).get('/api/calendar/2025')).json() as HolidayYear;
    expect(y2025.origin).toBe('official');
    expect(y2025.holidays.map((h) => h.date)).toContain('2025-01-29');
    expect(((await anonymous(t.app).get('/api/calendar/2031')).json() as HolidayYear).origin).toBe('computed');
    expect(await deadline('2025-01-10', 30)).toBe('2025-02-28');
    expect((await anonymous(t.app).get('/api/calendar/1800')).statusCode).toBe(400);
  });

  it('lets the national admin set a year from the government notice; deadlines follow; bad schedules change nothing', async () => {
    const before = await deadline('2031-06-02', 5);
    const admin = await loginAs(t.app, 'admin');
    const put = await admin.request({
      method: 'PUT',
      url: '/api/calendar/2031',
      payload: {
        holidays: [{ date: '2031-06-04', nameVi: 'Ngày nghỉ bù (thử)', nameEn: 'Bridge day (test)' }],
        extraWorkingDays: [{ date: '2031-06-14', note: 'Làm bù cho ngày 04/06/2031' }],
        source: 'Thông báo của Bộ Nội vụ (thử nghiệm)',
      },
    });
    expect(put.statusCode).toBe(200);
    expect((put.json() as HolidayYear).origin).toBe('configured');
    expect(before).toBe('2031-06-09');
    expect(await deadline('2031-06-02', 5)).toBe('2031-06-10');

    const bad = await admin.request({ method: 'PUT', url: '/api/calendar/2031', payload: { holidays: [], extraWorkingDays: [{ date: '2031-06-11', note: 'thứ Tư' }], source: 'x' } });
    expect(bad.statusCode).toBe(400);
    const outside = await admin.request({ method: 'PUT', url: '/api/calendar/2031', payload: { holidays: [{ date: '2030-12-31', nameVi: 'x', nameEn: 'x' }], source: 'x' } });
    expect(outside.statusCode).toBe(400);
    expect(await deadline('2031-06-02', 5)).toBe('2031-06-10');

    const officer = await loginAs(t.app, 'officer.hanoi');
    expect((await officer.request({ method: 'PUT', url: '/api/calendar/2031', payload: { holidays: [], source: 'x' } })).statusCode).toBe(403);

    expect((await admin.delete('/api/calendar/2031')).statusCode).toBe(204);
    expect(await deadline('2031-06-02', 5)).toBe('2031-06-09');
    expect((await admin.delete('/api/calendar/2031')).statusCode).toBe(404);
    const audit = (await admin.get('/api/audit?entityType=holiday_year')).json() as { items: { action: string }[] };
    expect(audit.items.map((i) => i.action)).toEqual(['delete', 'create']);
  });
});
