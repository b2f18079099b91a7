import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { StatAggregate, StatAssignmentResult, StatIndicatorFigures, StatPeriod, StatPrefill, StatReleaseDetail, StatReleaseList, StatReleaseStaffSummary, StatReport, StatSeries } from '@stinet/shared';
import { queryRows } from '../../lib/sql.js';
import { organizationBody, unitByCode } from '../../test-support/fixtures.js';
import { publishedTask } from '../../test-support/registration-fixtures.js';
import { fillAndApprove, staffRecords } from '../../test-support/stats-fixtures.js';
import { anonymous, createTestApp, loginAs, type Client, type TestApp } from '../../test-support/test-app.js';
import { recomputedAreaSums, storedAreaSums } from './stats-rollup.js';

let t: TestApp;
let admin: Client;
let officer: Client;
let hanoi: string;
let danang: string;
let period: StatPeriod;
const orgs: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  officer = await loginAs(t.app, 'officer.hanoi');
  hanoi = (await unitByCode(t.app, 'province', '01')).id;
  danang = (await unitByCode(t.app, 'province', '48')).id;
  for (let i = 0; i < 3; i++) orgs.push(((await admin.post('/api/organizations', organizationBody(hanoi))).json() as { id: string }).id);
  orgs.push(((await admin.post('/api/organizations', organizationBody(danang))).json() as { id: string }).id);
  period = (await admin.post('/api/stats/periods', { year: 2018 })).json() as StatPeriod;
  const assigned = (await admin.post(`/api/stats/periods/${period.id}/assignments`, { organizationIds: orgs, forms: [{ code: '02/CS-KHCN' }, { code: '04/CS-KHCN' }] })).json() as StatAssignmentResult;
  expect(assigned.created).toBe(8);
});
afterAll(async () => {
  await t.close();
});

const reportOf = async (orgId: string, form = '02/CS-KHCN') =>
  (await queryRows<{ id: string }>(t.handle.db, sql`SELECT id FROM stat_report WHERE period_id = ${period.id} AND organization_id = ${orgId} AND form_code = ${form}`))[0]?.id as string;
const cellOf = (areas: StatAggregate['areas'], areaCode: string | null, row: string, column: string) =>
  areas.find((a) => (a.unit?.code ?? null) === areaCode)?.cells.find((c) => c.row === row && c.column === column);
const national = async () => (await admin.get(`/api/stats/aggregates?periodId=${period.id}&formCode=02%2FCS-KHCN`)).json() as StatAggregate;
const sorted = <T extends { unit_id: string; row_code?: string; col_code?: string }>(rows: T[]) =>
  [...rows].sort((a, b) => `${a.unit_id}${a.row_code ?? ''}${a.col_code ?? ''}`.localeCompare(`${b.unit_id}${b.row_code ?? ''}${b.col_code ?? ''}`));

describe('running aggregate', () => {
  it('adds a report on approval and removes it on reopening, always equal to a recomputation from the cells', async () => {
    await fillAndApprove(admin, await reportOf(orgs[0] as string), staffRecords(10));
    await fillAndApprove(admin, await reportOf(orgs[1] as string), staffRecords(4));
    await fillAndApprove(admin, await reportOf(orgs[3] as string), staffRecords(2));
    expect(cellOf((await national()).areas, null, '01', 'C1')).toMatchObject({ value: 16, reporting: 3 });

    const r = (await admin.get(`/api/stats/reports/${await reportOf(orgs[1] as string)}`)).json() as StatReport;
    const reopened = await admin.post(`/api/stats/reports/${r.id}/reopen`, { reason: 'Sai số liệu nữ', version: r.version });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const after = await national();
    expect(after.areas[0]?.reports).toBe(2);
    expect(cellOf(after.areas, null, '01', 'C1')).toMatchObject({ value: 12, reporting: 2 });

    const stored = await storedAreaSums(t.handle.db, period.id, '02/CS-KHCN');
    const recomputed = await recomputedAreaSums(t.handle.db, period.id, '02/CS-KHCN');
    expect(sorted(stored.sums)).toEqual(sorted(recomputed.sums));
    expect(sorted(stored.counts)).toEqual(sorted(recomputed.counts));
  });
});

describe('ministry roll-up', () => {
  it('adds an organization a ministry manages to its province and to its ministry; the nation counts it once', async () => {
    const ministry = (await unitByCode(t.app, 'ministry', 'BCT')).id;
    const org = ((await admin.post('/api/organizations', organizationBody(danang, { managingUnitId: ministry }))).json() as { id: string }).id;
    const p = (await admin.post('/api/stats/periods', { year: 2016 })).json() as StatPeriod;
    await admin.post(`/api/stats/periods/${p.id}/assignments`, { organizationIds: [org, orgs[0]], forms: [{ code: '02/CS-KHCN' }] });
    const reportIn = async (orgId: string) => (await queryRows<{ id: string }>(t.handle.db, sql`SELECT id FROM stat_report WHERE period_id = ${p.id} AND organization_id = ${orgId}`))[0]?.id as string;
    await fillAndApprove(admin, await reportIn(org), staffRecords(9));
    await fillAndApprove(admin, await reportIn(orgs[0] as string), staffRecords(5));
    const get = async (level: string) => (await admin.get(`/api/stats/aggregates?periodId=${p.id}&formCode=02%2FCS-KHCN&level=${level}&asOf=2026-01-01`)).json() as StatAggregate;
    const byMinistry = await get('ministry');
    expect(byMinistry.areas.map((a) => [a.unit?.code, a.reports])).toEqual([['BCT', 1]]);
    expect(cellOf(byMinistry.areas, 'BCT', '01', 'C1')?.value).toBe(9);
    expect(cellOf((await get('province')).areas, '48', '01', 'C1')?.value).toBe(9);
    expect(cellOf((await get('national')).areas, null, '01', 'C1')).toMatchObject({ value: 14, reporting: 2 });
    // reopening removes it from both; the running aggregate still equals a recomputation
    const r = (await admin.get(`/api/stats/reports/${await reportIn(org)}`)).json() as StatReport;
    expect((await admin.post(`/api/stats/reports/${r.id}/reopen`, { reason: 'Sai', version: r.version })).statusCode).toBe(200);
    expect((await get('ministry')).areas).toEqual([]);
    for (const h of ['province', 'ministry'] as const) {
      const stored = await storedAreaSums(t.handle.db, p.id, '02/CS-KHCN', h);
      const recomputed = await recomputedAreaSums(t.handle.db, p.id, '02/CS-KHCN', h);
      expect(sorted(stored.sums)).toEqual(sorted(recomputed.sums));
      expect(sorted(stored.counts)).toEqual(sorted(recomputed.counts));
    }
  });
});

describe('releases', () => {
  let embargoed: StatReleaseStaffSummary;
  let published: StatReleaseStaffSummary;

  it('refuses a release without approved data, and is for the national administrator', async () => {
    const empty = await admin.post('/api/stats/releases', { periodId: period.id, formCode: '04/CS-KHCN', embargoUntil: '2019-03-31T09:00:00+07:00' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({ error: { code: 'STAT_RELEASE_EMPTY' } });
    expect((await officer.post('/api/stats/releases', { periodId: period.id, formCode: '02/CS-KHCN', embargoUntil: '2019-03-31T09:00:00+07:00' })).statusCode).toBe(403);
    expect((await admin.post('/api/stats/releases', { periodId: period.id, formCode: '02/CS-KHCN', embargoUntil: 'tomorrow' })).statusCode).toBe(400);
  });

  it('keeps an embargoed release from the public until its time, then publishes the snapshot with small cells withheld', async () => {
    await fillAndApprove(admin, await reportOf(orgs[2] as string), staffRecords(6));
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const res = await admin.post('/api/stats/releases', { periodId: period.id, formCode: '02/CS-KHCN', embargoUntil: future, suppressBelow: 3, asOf: '2026-01-01' });
    expect(res.statusCode, res.body).toBe(201);
    embargoed = res.json() as StatReleaseStaffSummary;
    expect(embargoed).toMatchObject({ status: 'embargoed', reports: 3, assigned: 4, year: 2018, dataflow: 'DF_ST_PERS', suppressBelow: 3 });

    const pub = anonymous(t.app);
    expect(((await pub.get('/api/public/stats/releases')).json() as StatReleaseList).items.map((i) => i.id)).not.toContain(embargoed.id);
    for (const path of ['', '/csv', '/sdmx', '/xlsx']) expect((await pub.get(`/api/public/stats/releases/${embargoed.id}${path}`)).statusCode, path).toBe(404);
    expect((await pub.get('/api/public/stats/sdmx/DF_ST_PERS?year=2018')).statusCode).toBe(404);
    // staff preview
    const preview = (await officer.get(`/api/stats/releases/${embargoed.id}`)).json() as StatReleaseDetail;
    expect(preview.status).toBe('embargoed');

    // a later approval (the reopened report, corrected) does not change the snapshot
    await fillAndApprove(admin, await reportOf(orgs[1] as string), staffRecords(4));
    expect(cellOf((await national()).areas, null, '01', 'C1')?.value).toBe(22);
    // the embargo passes
    await t.handle.db.execute(sql`UPDATE stat_release SET embargo_until = now() - interval '1 second' WHERE id = ${embargoed.id}`);
    const list = (await pub.get('/api/public/stats/releases?year=2018')).json() as StatReleaseList;
    expect(list.items.map((i) => i.id)).toEqual([embargoed.id]);
    const detail = (await pub.get(`/api/public/stats/releases/${embargoed.id}`)).json() as StatReleaseDetail;
    expect(detail.status).toBe('published');
    expect(cellOf(detail.national.areas, null, '01', 'C1')?.value).toBe(18);
    // Hà Nội has two units in the snapshot (the third was reopened), Đà Nẵng one: both withheld
    expect(cellOf(detail.province.areas, '01', '01', 'C1')).toMatchObject({ value: null, suppressed: 'primary' });
    expect(cellOf(detail.province.areas, '48', '01', 'C1')).toMatchObject({ value: null, suppressed: 'primary' });
  });

  it('exports the published release as CSV, SDMX-CSV and XLSX without withheld values', async () => {
    const pub = anonymous(t.app);
    const csv = await pub.get(`/api/public/stats/releases/${embargoed.id}/csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toContain('REF_AREA,REF_AREA_NAME,ROW');
    const hanoiTotal = lines.find((l) => l.startsWith('2018,02/CS-KHCN') && l.includes(',01,') && l.includes(',C1,') && !l.includes(',VN,') && l.split(',')[3] === '01' && l.split(',')[5] === '01');
    expect(hanoiTotal).toContain(',confidential,');
    expect(lines.find((l) => l.split(',')[3] === 'VN' && l.split(',')[5] === '01' && l.split(',')[8] === 'C1')).toContain(',18,value,');

    const sdmx = await pub.get(`/api/public/stats/releases/${embargoed.id}/sdmx`);
    expect(sdmx.headers['content-type']).toContain('application/vnd.sdmx.data+csv');
    const sdmxLines = sdmx.body.trimEnd().split(/\r?\n/);
    expect(sdmxLines.filter((l) => l.startsWith('DATAFLOW'))).toHaveLength(1);
    expect(sdmxLines).toContain('VN_CTTK:DF_ST_PERS(1.0),VN,A,2018,_T,_T,_T,_T,_T,_T,18,PS,A,F');
    expect(sdmxLines).toContain('VN_CTTK:DF_ST_PERS(1.0),01,A,2018,_T,_T,_T,_T,_T,_T,NaN,PS,A,C');
    expect((await pub.get('/api/public/stats/sdmx/DF_ST_PERS?year=2018')).body).toBe(sdmx.body);

    const xlsx = await pub.get(`/api/public/stats/releases/${embargoed.id}/xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Toan quoc', 'Theo tinh', 'Ghi chu']);
    const provRows = (wb.getWorksheet('Theo tinh')?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    const hanoiRow = provRows.find((r) => r[1] === '01' && r[3] === '01' && r[4] === 'C1');
    expect(hanoiRow?.[5]).toBe('c');
  });

  it('serves time series and the indicator catalog from published releases only', async () => {
    const pub = anonymous(t.app);
    const series = (await pub.get('/api/public/stats/series?formCode=02%2FCS-KHCN&row=01&column=C1')).json() as StatSeries;
    expect(series.points.find((p) => p.year === 2018)).toMatchObject({ value: 18, releaseId: embargoed.id });
    const hanoiSeries = (await pub.get('/api/public/stats/series?formCode=02%2FCS-KHCN&row=01&column=C1&area=01')).json() as StatSeries;
    expect(hanoiSeries.points.find((p) => p.year === 2018)).toMatchObject({ value: null, suppressed: 'primary' });
    const figures = (await pub.get('/api/public/stats/indicators')).json() as StatIndicatorFigures;
    expect(figures.items.find((f) => f.code === '1403')).toMatchObject({ value: null, reason: 'not_collected' });
    expect(figures.items.find((f) => f.code === '1402')?.value).toEqual(expect.any(Number));
  });

  it('a revision supersedes the earlier release; a withdrawn release leaves the public with its reason kept for staff', async () => {
    const res = await admin.post('/api/stats/releases', { periodId: period.id, formCode: '02/CS-KHCN', embargoUntil: new Date(Date.now() - 1000).toISOString(), asOf: '2026-01-01', noteVi: 'Bổ sung báo cáo muộn' });
    expect(res.statusCode, res.body).toBe(201);
    published = res.json() as StatReleaseStaffSummary;
    expect(published).toMatchObject({ status: 'published', reports: 4 });
    const pub = anonymous(t.app);
    const list = (await pub.get('/api/public/stats/releases?year=2018')).json() as StatReleaseList;
    expect(list.items.find((i) => i.id === embargoed.id)?.revisedBy).toBe(published.id);
    const series = (await pub.get('/api/public/stats/series?formCode=02%2FCS-KHCN&row=01&column=C1')).json() as StatSeries;
    expect(series.points.find((p) => p.year === 2018)).toMatchObject({ value: 22, releaseId: published.id });

    expect((await admin.post(`/api/stats/releases/${published.id}/withdraw`, {})).statusCode).toBe(400);
    const withdrawn = await admin.post(`/api/stats/releases/${published.id}/withdraw`, { reason: 'Phát hiện sai sót' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawReason: 'Phát hiện sai sót' });
    expect((await admin.post(`/api/stats/releases/${published.id}/withdraw`, { reason: 'again' })).statusCode).toBe(409);
    expect((await pub.get(`/api/public/stats/releases/${published.id}`)).statusCode).toBe(404);
    const staff = (await admin.get('/api/stats/releases?year=2018')).json() as { items: StatReleaseStaffSummary[] };
    expect(staff.items.find((i) => i.id === published.id)?.status).toBe('withdrawn');
    const audit = await queryRows<{ action: string }>(t.handle.db, sql`SELECT action FROM audit_log WHERE entity_type = 'stat_release' AND entity_id = ${published.id} ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['create', 'withdraw']);
  });
});

describe('closing a period', () => {
  it('freezes entry, review and reopening until the period is reopened with a reason', async () => {
    const draft = (await admin.get(`/api/stats/reports/${await reportOf(orgs[2] as string, '04/CS-KHCN')}`)).json() as StatReport;
    expect((await officer.post(`/api/stats/periods/${period.id}/close`, {})).statusCode).toBe(403);
    const closed = await admin.post(`/api/stats/periods/${period.id}/close`, { note: 'Kết thúc kỳ 2018' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    const save = await admin.request({ method: 'PUT', url: `/api/stats/reports/${draft.id}/cells`, payload: { version: draft.version, cells: [{ row: '01', column: 'C1', state: 'value', value: 1 }] } });
    expect(save.statusCode).toBe(409);
    expect(save.json()).toMatchObject({ error: { code: 'STAT_PERIOD_CLOSED' } });
    const approved = (await admin.get(`/api/stats/reports/${await reportOf(orgs[0] as string)}`)).json() as StatReport;
    expect((await admin.post(`/api/stats/reports/${approved.id}/reopen`, { reason: 'x', version: approved.version })).json()).toMatchObject({ error: { code: 'STAT_PERIOD_CLOSED' } });
    expect((await admin.post(`/api/stats/periods/${period.id}/close`, {})).statusCode).toBe(409);
    expect((await admin.post(`/api/stats/periods/${period.id}/reopen`, {})).statusCode).toBe(400);
    const reopened = await admin.post(`/api/stats/periods/${period.id}/reopen`, { reason: 'Đơn vị xin bổ sung' });
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null });
    expect((await admin.request({ method: 'PUT', url: `/api/stats/reports/${draft.id}/cells`, payload: { version: draft.version, cells: [] } })).statusCode).toBe(200);
  });
});

describe('form 04 pre-filled from the task registry', () => {
  it('proposes counts of the tasks the organization leads in the year, and nothing for other forms', async () => {
    const org = orgs[0] as string;
    await publishedTask(admin, hanoi, org, { overrides: { startDate: '2018-03-01', contractDate: '2018-03-01', endDate: '2019-12-31', approvalDecisionDate: '2018-01-10' } });
    await publishedTask(admin, hanoi, org, { overrides: { formCode: 'DA_SXTN', budgetStateCentral: 1000, budgetStateLocal: 0, startDate: '2017-01-01', contractDate: '2017-01-01', endDate: '2019-06-30', approvalDecisionDate: '2016-12-01', fieldCodes2025: ['201'] } });
    await publishedTask(admin, hanoi, org, { overrides: { startDate: '2019-02-01', contractDate: '2019-02-01', endDate: '2020-12-31', approvalDecisionDate: '2019-01-10' } }); // later: not counted
    const res = await officer.get(`/api/stats/reports/${await reportOf(org, '04/CS-KHCN')}/prefill`);
    expect(res.statusCode, res.body).toBe(200);
    const prefill = res.json() as StatPrefill;
    expect(prefill.records).toBe(2);
    const v = (row: string, col: string) => prefill.cells.find((c) => c.row === row && c.column === col)?.value;
    expect([v('01', 'C1'), v('01', 'C3'), v('04', 'C1'), v('10', 'C1')]).toEqual([1, 1, 1, 1]); // đề tài, new, province level, field 4
    expect([v('20', 'C1'), v('20', 'C4'), v('23', 'C1'), v('27', 'C1')]).toEqual([1, 1, 1, 1]); // dự án SXTN, continued, province level, field 2
    // the proposal passes the form's rules when saved
    const report = (await officer.get(`/api/stats/reports/${await reportOf(org, '04/CS-KHCN')}`)).json() as StatReport;
    const saved = await officer.request({ method: 'PUT', url: `/api/stats/reports/${report.id}/cells`, payload: { version: report.version, cells: prefill.cells } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await officer.get(`/api/stats/reports/${await reportOf(org)}/prefill`)).json()).toMatchObject({ error: { code: 'STAT_PREFILL_UNAVAILABLE' } });
    const hcm = await loginAs(t.app, 'officer.hcm');
    expect((await hcm.get(`/api/stats/reports/${report.id}/prefill`)).statusCode).toBe(403);
  });
});
