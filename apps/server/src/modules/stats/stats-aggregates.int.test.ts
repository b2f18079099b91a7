import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { MicroRecord, StatAggregate, StatAssignmentResult, StatReport } from '@stinet/shared';
import { queryRows } from '../../lib/sql.js';
import { organizationBody, unitByCode } from '../../test-support/fixtures.js';
import { fillAndApprove as fillAndApproveAs, staffRecords } from '../../test-support/stats-fixtures.js';
import { anonymous, createTestApp, loginAs, type Client, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let admin: Client;
let hanoi: string;
let danang: string;
let periodId: string;
const orgs: Record<'hn1' | 'hn2' | 'qn' | 'late', string> = { hn1: '', hn2: '', qn: '', late: '' };

const staff = staffRecords;
const fillAndApprove = (reportId: string, records: MicroRecord[], approve = true) => fillAndApproveAs(admin, reportId, records, approve);

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  hanoi = (await unitByCode(t.app, 'province', '01')).id;
  danang = (await unitByCode(t.app, 'province', '48')).id;
  for (const k of ['hn1', 'hn2', 'late'] as const) orgs[k] = ((await admin.post('/api/organizations', organizationBody(hanoi))).json() as { id: string }).id;
  orgs.qn = ((await admin.post('/api/organizations', organizationBody(danang))).json() as { id: string }).id;
  // a record still attached to the former Quảng Nam province (ended 30 Jun 2025), as legacy data is
  const [oldQuangNam] = await queryRows<{ id: string }>(t.handle.db, sql`SELECT id FROM org_unit WHERE kind = 'province' AND code = '49' AND valid_to IS NOT NULL LIMIT 1`);
  await t.handle.db.execute(sql`UPDATE organization SET province_unit_id = ${oldQuangNam?.id} WHERE id = ${orgs.qn}`);
  const period = (await admin.post('/api/stats/periods', { year: 2017 })).json() as { id: string };
  periodId = period.id;
  const assigned = (await admin.post(`/api/stats/periods/${periodId}/assignments`, { organizationIds: Object.values(orgs), forms: [{ code: '02/CS-KHCN' }] })).json() as StatAssignmentResult;
  expect(assigned.created).toBe(4);
});
afterAll(async () => {
  await t.close();
});

const reportOf = async (orgId: string) => (await queryRows<{ id: string }>(t.handle.db, sql`SELECT id FROM stat_report WHERE period_id = ${periodId} AND organization_id = ${orgId}`))[0]?.id as string;
const value = (agg: StatAggregate, areaCode: string | null, row: string, column: string) =>
  agg.areas.find((a) => (a.unit?.code ?? null) === areaCode)?.cells.find((c) => c.row === row && c.column === column);

describe('stat aggregates', () => {
  it('adds up approved reports only, nationally and by province, and shows an approval at once', async () => {
    await fillAndApprove(await reportOf(orgs.hn1), staff(12));
    await fillAndApprove(await reportOf(orgs.hn2), staff(5));
    await fillAndApprove(await reportOf(orgs.qn), staff(7));
    await fillAndApprove(await reportOf(orgs.late), staff(100), false); // submitted, not approved: not counted

    let national = (await admin.get(`/api/stats/aggregates?periodId=${periodId}&formCode=02%2FCS-KHCN`)).json() as StatAggregate;
    expect(national.areas).toHaveLength(1);
    expect(national.areas[0]?.reports).toBe(3);
    expect(value(national, null, '01', 'C1')).toMatchObject({ value: 24, reporting: 3, missing: 0, suppressed: null });
    expect(value(national, null, '02', 'C1')?.value).toBe(4 + 2 + 3);

    // the province approves the late report: the national aggregate shows it on the next read
    const late = (await admin.get(`/api/stats/reports/${await reportOf(orgs.late)}`)).json() as StatReport;
    expect((await admin.post(`/api/stats/reports/${late.id}/review`, { decision: 'approve', version: late.version })).statusCode).toBe(200);
    national = (await admin.get(`/api/stats/aggregates?periodId=${periodId}&formCode=02%2FCS-KHCN`)).json() as StatAggregate;
    expect(value(national, null, '01', 'C1')?.value).toBe(124);

    // by the 34 provinces of today: the former Quảng Nam's data goes to the new Đà Nẵng
    const now = (await admin.get(`/api/stats/aggregates?periodId=${periodId}&formCode=02%2FCS-KHCN&level=province&asOf=2026-01-01`)).json() as StatAggregate;
    expect(now.areas.map((a) => a.unit?.code)).toEqual(['01', '48']);
    expect(value(now, '48', '01', 'C1')?.value).toBe(7);
    expect(value(now, '01', '01', 'C1')?.value).toBe(117);
    // as of 2024, the same data stays with the 63-province Quảng Nam
    const then = (await admin.get(`/api/stats/aggregates?periodId=${periodId}&formCode=02%2FCS-KHCN&level=province&asOf=2024-06-30`)).json() as StatAggregate;
    expect(then.areas.find((a) => a.unit?.code === '49')?.reports).toBe(1);
  });

  it('counts missing cells per area, suppresses small cells on request, and exports SDMX-CSV', async () => {
    const suppressed = (await admin.get(`/api/stats/aggregates?periodId=${periodId}&formCode=02%2FCS-KHCN&level=province&asOf=2026-01-01&suppressBelow=3`)).json() as StatAggregate;
    // Đà Nẵng has one reporting unit: its non-zero cells are withheld
    expect(value(suppressed, '48', '01', 'C1')).toMatchObject({ value: null, suppressed: 'primary' });
    expect(value(suppressed, '01', '01', 'C1')).toMatchObject({ value: 117, suppressed: null });
    expect(value(suppressed, '01', '01', 'C3')).toMatchObject({ value: 0, missing: 0 });

    const res = await admin.get(`/api/stats/sdmx/DF_ST_PERS?periodId=${periodId}&level=province&asOf=2026-01-01&suppressBelow=3`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/vnd.sdmx.data+csv');
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('DATAFLOW,REF_AREA,FREQ,TIME_PERIOD,SEX,NATIONALITY,ETHNICITY,TRAINING_FIELD,QUALIFICATION,TITLE,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,CONF_STATUS');
    expect(lines).toContain('VN_CTTK:DF_ST_PERS(1.0),01,A,2017,_T,_T,_T,_T,_T,_T,117,PS,A,F');
    expect(lines).toContain('VN_CTTK:DF_ST_PERS(1.0),48,A,2017,_T,_T,_T,_T,_T,_T,NaN,PS,A,C');
    expect((await admin.get(`/api/stats/sdmx/DF_NOPE?periodId=${periodId}`)).statusCode).toBe(404);
  });

  it('the seeded dataset has three past years of reports in several states, each passing its form rules', async () => {
    const states = await queryRows<{ year: number; status: string; n: number }>(
      t.handle.db,
      sql`SELECT p.year, r.status, count(*)::int AS n FROM stat_report r JOIN stat_period p ON p.id = r.period_id WHERE p.year <> 2017 GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(new Set(states.map((s) => s.year)).size).toBe(3);
    expect(states.filter((s) => s.status === 'accepted').length).toBeGreaterThan(0);
    const ids = await queryRows<{ id: string }>(t.handle.db, sql`SELECT r.id FROM stat_report r JOIN stat_period p ON p.id = r.period_id WHERE p.year <> 2017 AND r.status <> 'draft'`);
    expect(ids.length).toBeGreaterThan(0);
    for (const { id } of ids) {
      const report = (await admin.get(`/api/stats/reports/${id}`)).json() as StatReport & { issues: { severity: string }[] };
      expect(report.issues.filter((i) => i.severity === 'error'), id).toEqual([]);
    }
    // their national aggregate is non-empty for an accepted year
    const year = states.find((s) => s.status === 'accepted')?.year;
    const period = (await admin.get('/api/stats/periods')).json() as { items: { id: string; year: number }[] };
    const pid = period.items.find((p) => p.year === year)?.id as string;
    const agg = (await admin.get(`/api/stats/aggregates?periodId=${pid}&formCode=03%2FCS-KHCN`)).json() as StatAggregate;
    expect(value(agg, null, '01', 'C1')?.value ?? 0).toBeGreaterThan(0);
  });

  it('is for signed-in staff only (publication with embargo comes with releases)', async () => {
    expect((await anonymous(t.app).get(`/api/stats/aggregates?periodId=${periodId}&formCode=02%2FCS-KHCN`)).statusCode).toBe(401);
    expect((await anonymous(t.app).get(`/api/stats/sdmx/DF_ST_PERS?periodId=${periodId}`)).statusCode).toBe(401);
  });

  it("fills a province's aggregate form (TT 26/2015) from its units' approved reports; aggregate forms are not assigned to units", async () => {
    const officer = await loginAs(t.app, 'officer.hanoi');
    const res = await officer.get(`/api/stats/aggregates/province-form?periodId=${periodId}&formCode=${encodeURIComponent('02/TKTH-KHCN-ĐP')}&unitId=${hanoi}&asOf=2026-01-01`);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (wb.worksheets[0]?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows.find((r) => r[1] === 'Mã biểu (form code)')?.[2]).toBe('02/TKTH-KHCN-ĐP');
    const codes = rows.find((r) => r[1] === '#') as unknown[];
    const total = rows.find((r) => r[1] === '01') as unknown[];
    expect(total[codes.indexOf('C1')]).toBe(117);
    // form 01/TKTH counts the province's locally founded organizations from the registry
    const res01 = await officer.get(`/api/stats/aggregates/province-form?periodId=${periodId}&formCode=${encodeURIComponent('01/TKTH-KHCN-ĐP')}&unitId=${hanoi}`);
    expect(res01.statusCode, res01.body).toBe(200);
    const wb01 = new ExcelJS.Workbook();
    await wb01.xlsx.load(res01.rawPayload as unknown as ArrayBuffer);
    const rows01 = (wb01.worksheets[0]?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    const codes01 = rows01.find((r) => r[1] === '#') as unknown[];
    const [expected] = await queryRows<{ n: number; rd: number; field1: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE org_type_code = '13.2')::int AS rd, count(*) FILTER (WHERE main_field_code LIKE '1%')::int AS field1
          FROM organization WHERE province_unit_id = ${hanoi} AND founding_authority_code IN ('8.7', '8.8', '8.9') AND (founding_date IS NULL OR founding_date <= '2017-12-31')`,
    );
    expect(expected?.rd).toBeGreaterThanOrEqual(3);
    expect((rows01.find((r) => r[1] === '01') as unknown[])[codes01.indexOf('C1')]).toBe(expected?.n);
    expect((rows01.find((r) => r[1] === '05') as unknown[])[codes01.indexOf('C1')]).toBe(expected?.rd);
    expect((rows01.find((r) => r[1] === '01') as unknown[])[codes01.indexOf('C2')]).toBe(expected?.field1);
    // another province's officer may not; a grassroots code is not an aggregate form
    expect((await (await loginAs(t.app, 'officer.hcm')).get(`/api/stats/aggregates/province-form?periodId=${periodId}&formCode=${encodeURIComponent('02/TKTH-KHCN-ĐP')}&unitId=${hanoi}`)).statusCode).toBe(403);
    expect((await officer.get(`/api/stats/aggregates/province-form?periodId=${periodId}&formCode=02%2FCS-KHCN&unitId=${hanoi}`)).statusCode).toBe(400);
    const assign = await admin.post(`/api/stats/periods/${periodId}/assignments`, { organizationIds: [orgs.hn1], forms: [{ code: '02/TKTH-KHCN-ĐP' }] });
    expect(assign.statusCode).toBe(400);
    expect((assign.json() as { error: { details: { code: string }[] } }).error.details[0]?.code).toBe('aggregate_form');
    const unitForms = (await admin.get('/api/stats/forms?level=unit')).json() as { items: { reportingLevel: string }[] };
    expect(unitForms.items.length).toBe(6);
    expect(unitForms.items.every((f) => f.reportingLevel === 'unit')).toBe(true);
  });
});

