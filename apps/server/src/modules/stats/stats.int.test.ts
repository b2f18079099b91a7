import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FormDefinition, StatAssignmentResult, StatBoard, StatPeriod, StatReport, StatReportSummary } from '@stinet/shared';
import { queryRows } from '../../lib/sql.js';
import { organizationBody, unitByCode } from '../../test-support/fixtures.js';
import { organizationOf } from '../../test-support/registration-fixtures.js';
import { anonymous, createTestApp, loginAs, type Client, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let hanoi: string;
let admin: Client;
let officer: Client;
let otherOfficer: Client;
let reporter: Client;
let reviewer: Client;
let reporterOrg: string;
let otherOrg: string;
let thirdOrg: string;

const F02 = '02/CS-KHCN';
const F03 = '03/CS-KHCN';

beforeAll(async () => {
  t = await createTestApp();
  hanoi = (await unitByCode(t.app, 'province', '01')).id;
  admin = await loginAs(t.app, 'admin');
  officer = await loginAs(t.app, 'officer.hanoi');
  otherOfficer = await loginAs(t.app, 'officer.hcm');
  reporter = await loginAs(t.app, 'reporter');
  reviewer = await loginAs(t.app, 'reviewer');
  reporterOrg = await organizationOf(t.handle.db, 'reporter');
  otherOrg = ((await officer.post('/api/organizations', organizationBody(hanoi))).json() as { id: string }).id;
  thirdOrg = ((await officer.post('/api/organizations', organizationBody(hanoi))).json() as { id: string }).id;
});
afterAll(async () => {
  await t.close();
});

const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const details = (res: { json(): unknown }) => (res.json() as { error: { details?: { path: string; code: string }[] } }).error.details ?? [];
const put = (c: Client, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as object });
const cellCount = async (reportId: string) => (await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM stat_cell WHERE report_id = ${reportId}`))[0]?.n ?? -1;

/** Row 01 of form 02: the total and the six qualification columns. */
function row01(total: number, parts: [number, number, number, number, number, number]) {
  return [
    { row: '01', column: 'C1', state: 'value', value: total },
    ...parts.map((v, i) => ({ row: '01', column: `C${i + 2}`, state: 'value', value: v })),
  ];
}

async function openPeriod(year: number, extra: Record<string, unknown> = {}): Promise<StatPeriod> {
  const res = await admin.post('/api/stats/periods', { year, ...extra });
  expect(res.statusCode).toBe(201);
  return res.json() as StatPeriod;
}

async function assign(by: Client, periodId: string, organizationIds: string[], forms: { code: string; version?: string }[]): Promise<StatAssignmentResult> {
  const res = await by.post(`/api/stats/periods/${periodId}/assignments`, { organizationIds, forms });
  expect(res.statusCode).toBe(200);
  return res.json() as StatAssignmentResult;
}

async function reportOf(c: Client, periodId: string, orgId: string, formCode = F02): Promise<StatReport> {
  const list = (await admin.get(`/api/stats/reports?periodId=${periodId}&formCode=${encodeURIComponent(formCode)}&pageSize=200`)).json() as { items: StatReportSummary[] };
  const item = list.items.find((i) => i.organization.id === orgId);
  if (!item) throw new Error('no report');
  return (await c.get(`/api/stats/reports/${item.id}`)).json() as StatReport;
}

describe('form definitions', () => {
  it('are public: the versions for a year (newest when none is in force), every version, one version', async () => {
    const pub = anonymous(t.app);
    const list = (await pub.get('/api/stats/forms?year=2025')).json() as { items: FormDefinition[] };
    expect(list.items.filter((f) => f.version === 'TT25-2015').map((f) => f.code)).toEqual(['01/CS-KHCN', F02, F03, '04/CS-KHCN', '05/CS-KHCN', '06/CS-KHCN']);
    expect(list.items.filter((f) => f.version === 'TT26-2015').map((f) => f.code)).toEqual(['01/TKTH-KHCN-ĐP', '02/TKTH-KHCN-ĐP', '03/TKTH-KHCN-ĐP', '04/TKTH-KHCN-ĐP', '05/TKTH-KHCN-ĐP', '06/TKTH-KHCN-ĐP']);
    const all = (await pub.get('/api/stats/forms?all=true')).json() as { items: FormDefinition[] };
    expect(all.items.length).toBe(12);
    const one = await pub.get(`/api/stats/forms/${encodeURIComponent(F02)}/TT25-2015`);
    expect(one.statusCode).toBe(200);
    expect((one.json() as FormDefinition).rules.map((r) => r.id)).toContain('qualification_sum');
    expect((await pub.get(`/api/stats/forms/${encodeURIComponent(F02)}/TT99`)).statusCode).toBe(404);
  });

  it('keep reports and boards away from the public', async () => {
    const pub = anonymous(t.app);
    expect((await pub.get('/api/stats/reports')).statusCode).toBe(401);
    expect((await pub.get('/api/stats/reports/00000000-0000-4000-8000-000000000001')).statusCode).toBe(401);
    expect((await pub.post('/api/stats/periods', { year: 2030 })).statusCode).toBe(401);
  });
});

describe('the reporting cycle', () => {
  it('runs draft → refused saves → submit → return → resubmit → approve → accept → locked → reopen', async () => {
    // (the seeded dataset holds the three years before the current one)
    const period = await openPeriod(2016);
    expect([period.unitDeadline, period.provinceDeadline, period.status]).toEqual(['2017-02-01', '2017-02-15', 'open']);
    const dup = await admin.post('/api/stats/periods', { year: 2016 });
    expect([dup.statusCode, code(dup)]).toEqual([409, 'STAT_PERIOD_EXISTS']);
    expect((await officer.post('/api/stats/periods', { year: 2026 })).statusCode).toBe(403);

    // assignment: only the officer of the managing province (or the admin); idempotent
    const foreign = await otherOfficer.post(`/api/stats/periods/${period.id}/assignments`, { organizationIds: [reporterOrg], forms: [{ code: F02 }] });
    expect(foreign.statusCode).toBe(403);
    const unknownForm = await officer.post(`/api/stats/periods/${period.id}/assignments`, { organizationIds: [reporterOrg], forms: [{ code: '99/XX' }] });
    expect([unknownForm.statusCode, code(unknownForm)]).toEqual([400, 'STAT_FORM_UNKNOWN']);
    const first = await assign(officer, period.id, [reporterOrg, otherOrg], [{ code: F02 }]);
    expect([first.created, first.existing]).toEqual([2, 0]);
    const again = await assign(officer, period.id, [reporterOrg, otherOrg], [{ code: F02, version: 'TT25-2015' }]);
    expect([again.created, again.existing, again.reportIds.sort()]).toEqual([0, 2, first.reportIds.sort()]);

    // the reporter sees their own organization's report only
    const mine = (await reporter.get(`/api/stats/reports?periodId=${period.id}`)).json() as { items: StatReportSummary[]; total: number };
    expect(mine.items.map((i) => i.organization.id)).toEqual([reporterOrg]);
    expect(mine.items[0]?.managingUnit.id).toBe(hanoi);
    let report = (await reporter.get(`/api/stats/reports/${mine.items[0]?.id}`)).json() as StatReport;
    expect([report.status, report.canEdit, report.canReview, report.form.code, report.cells]).toEqual(['draft', true, false, F02, []]);
    const url = `/api/stats/reports/${report.id}`;

    // scope: another organization's report, another province's officer
    const otherReport = await reportOf(officer, period.id, otherOrg);
    expect((await reporter.get(`/api/stats/reports/${otherReport.id}`)).statusCode).toBe(403);
    expect((await put(reporter, `/api/stats/reports/${otherReport.id}/cells`, { version: otherReport.version, cells: row01(1, [1, 0, 0, 0, 0, 0]) })).statusCode).toBe(403);
    expect((await otherOfficer.get(url)).statusCode).toBe(403);
    expect((await put(otherOfficer, `${url}/cells`, { version: report.version, cells: row01(1, [1, 0, 0, 0, 0, 0]) })).statusCode).toBe(403);
    expect((await reviewer.get(url)).statusCode).toBe(200);
    expect((await put(reviewer, `${url}/cells`, { version: report.version, cells: row01(1, [1, 0, 0, 0, 0, 0]) })).statusCode).toBe(403);

    // a total that does not add up: 422 at the total's cell, nothing saved (not even the good cells)
    const bad = await put(reporter, `${url}/cells`, { version: report.version, cells: [...row01(10, [3, 3, 3, 0, 0, 0]), { row: '07', column: 'C1', state: 'value', value: 4 }] });
    expect([bad.statusCode, code(bad)]).toEqual([422, 'STAT_VALIDATION_FAILED']);
    expect(details(bad)).toEqual([expect.objectContaining({ path: 'cells.01.C1', code: 'qualification_sum' })]);
    expect(await cellCount(report.id)).toBe(0);
    // text in a number cell: refused by the schema
    const text = await put(reporter, `${url}/cells`, { version: report.version, cells: [{ row: '01', column: 'C1', state: 'value', value: 'mười' }] });
    expect([text.statusCode, code(text)]).toEqual([400, 'VALIDATION_FAILED']);
    // a negative count
    const negative = await put(reporter, `${url}/cells`, { version: report.version, cells: [{ row: '02', column: 'C2', state: 'value', value: -1 }] });
    expect([negative.statusCode, code(negative)]).toEqual([422, 'STAT_VALIDATION_FAILED']);
    expect(details(negative).map((d) => d.path)).toContain('cells.02.C2');
    // a cell the form does not have
    const unknownCell = await put(reporter, `${url}/cells`, { version: report.version, cells: [{ row: '99', column: 'C1', state: 'value', value: 1 }] });
    expect(unknownCell.statusCode).toBe(400);
    expect(await cellCount(report.id)).toBe(0);

    // a good save: zero, not applicable and confidential are kept apart
    const saved = await put(reporter, `${url}/cells`, {
      version: report.version,
      cells: [...row01(10, [2, 3, 5, 0, 0, 0]), { row: '01', column: 'C8', state: 'not_applicable' }, { row: '01', column: 'C9', state: 'confidential', value: 1 }],
    });
    expect(saved.statusCode).toBe(200);
    report = saved.json() as StatReport;
    expect(report.version).toBe(2);
    expect(report.cells).toContainEqual({ row: '01', column: 'C5', state: 'value', value: 0 });
    expect(report.cells).toContainEqual({ row: '01', column: 'C8', state: 'not_applicable', value: null });
    expect(report.cells).toContainEqual({ row: '01', column: 'C9', state: 'confidential', value: 1 });
    expect(report.cells.length).toBe(9);
    // a stale version
    const stale = await put(reporter, `${url}/cells`, { version: 1, cells: [{ row: '01', column: 'C8', state: 'missing' }] });
    expect([stale.statusCode, code(stale)]).toEqual([409, 'VERSION_CONFLICT']);
    // merge: a missing cell clears it, the others stay
    report = (await put(reporter, `${url}/cells`, { version: report.version, cells: [{ row: '01', column: 'C8', state: 'missing' }] })).json() as StatReport;
    expect(report.cells.length).toBe(8);
    expect(report.canSubmit).toBe(true);

    // submit; the unit can no longer write
    const submitted = await reporter.post(`${url}/submit`, { version: report.version });
    expect(submitted.statusCode).toBe(200);
    report = submitted.json() as StatReport;
    expect([report.status, report.canEdit]).toEqual(['submitted', false]);
    const firstSubmittedAt = report.firstSubmittedAt;
    const afterSubmit = await put(reporter, `${url}/cells`, { version: report.version, cells: row01(1, [1, 0, 0, 0, 0, 0]) });
    expect([afterSubmit.statusCode, code(afterSubmit)]).toEqual([409, 'INVALID_TRANSITION']);

    // the province returns it: a comment is required; the reporter and other provinces cannot review
    expect((await reporter.post(`${url}/review`, { decision: 'return', comment: 'x', version: report.version })).statusCode).toBe(403);
    expect((await otherOfficer.post(`${url}/review`, { decision: 'return', comment: 'x', version: report.version })).statusCode).toBe(403);
    const noComment = await officer.post(`${url}/review`, { decision: 'return', version: report.version });
    expect([noComment.statusCode, code(noComment)]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await officer.get(url)).json()).toMatchObject({ canReview: true, canAccept: false });
    report = (await officer.post(`${url}/review`, { decision: 'return', comment: 'Kiểm tra lại số tiến sĩ.', version: report.version })).json() as StatReport;
    expect([report.status, report.reviewComment]).toEqual(['returned', 'Kiểm tra lại số tiến sĩ.']);

    // the unit corrects and resubmits; the first submission time is kept
    report = (await put(reporter, `${url}/cells`, { version: report.version, cells: row01(11, [3, 3, 5, 0, 0, 0]) })).json() as StatReport;
    expect(report.status).toBe('returned');
    report = (await reporter.post(`${url}/submit`, { version: report.version })).json() as StatReport;
    expect([report.status, report.firstSubmittedAt]).toEqual(['submitted', firstSubmittedAt]);

    // the province approves; approved data is locked
    report = (await officer.post(`${url}/review`, { decision: 'approve', version: report.version })).json() as StatReport;
    expect([report.status, report.canEdit, report.canReopen]).toEqual(['approved', false, true]);
    const locked = await put(reporter, `${url}/cells`, { version: report.version, cells: row01(1, [1, 0, 0, 0, 0, 0]) });
    expect([locked.statusCode, code(locked)]).toEqual([409, 'STAT_REPORT_LOCKED']);
    const lockedSubmit = await officer.post(`${url}/submit`, { version: report.version });
    expect([lockedSubmit.statusCode, code(lockedSubmit)]).toEqual([409, 'STAT_REPORT_LOCKED']);

    // national acceptance (the admin only)
    expect((await officer.post(`${url}/accept`, { version: report.version })).statusCode).toBe(403);
    const accepted = await admin.post(`${url}/accept`, { version: report.version });
    expect(accepted.statusCode).toBe(200);
    report = accepted.json() as StatReport;
    expect([report.status, report.acceptedAt !== null]).toEqual(['accepted', true]);
    const lockedAccepted = await put(admin, `${url}/cells`, { version: report.version, cells: row01(1, [1, 0, 0, 0, 0, 0]) });
    expect([lockedAccepted.statusCode, code(lockedAccepted)]).toEqual([409, 'STAT_REPORT_LOCKED']);
    expect(report.cells.find((c) => c.row === '01' && c.column === 'C1')?.value).toBe(11);

    // reopen: accepted data only by the national level, always with a reason, audited
    expect((await officer.post(`${url}/reopen`, { reason: 'Sửa số liệu', version: report.version })).statusCode).toBe(403);
    const noReason = await admin.post(`${url}/reopen`, { version: report.version });
    expect(noReason.statusCode).toBe(400);
    const staleReopen = await admin.post(`${url}/reopen`, { reason: 'Sửa số liệu', version: report.version - 1 });
    expect([staleReopen.statusCode, code(staleReopen)]).toEqual([409, 'VERSION_CONFLICT']);
    report = (await admin.post(`${url}/reopen`, { reason: 'Đơn vị báo sai số thạc sĩ.', version: report.version })).json() as StatReport;
    expect([report.status, report.reviewComment, report.acceptedAt, report.canEdit]).toEqual(['returned', 'Đơn vị báo sai số thạc sĩ.', null, true]);
    expect(((await reporter.get(url)).json() as StatReport).canEdit).toBe(true);

    const audit = await queryRows<{ action: string }>(t.handle.db, sql`SELECT action FROM audit_log WHERE entity_type = 'stat_report' AND entity_id = ${report.id} ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update', 'submit', 'return', 'update', 'submit', 'approve', 'accept', 'reopen']);
    const reopenAudit = await queryRows<{ after: { reason?: string } }>(t.handle.db, sql`SELECT after FROM audit_log WHERE entity_type = 'stat_report' AND entity_id = ${report.id} AND action = 'reopen'`);
    expect(reopenAudit[0]?.after.reason).toBe('Đơn vị báo sai số thạc sĩ.');
  });

  it('flags an unusual change from last year as a warning that does not block', async () => {
    const p2018 = await openPeriod(2018);
    const p2019 = await openPeriod(2019);
    await assign(admin, p2018.id, [thirdOrg], [{ code: F02 }]);
    await assign(admin, p2019.id, [thirdOrg], [{ code: F02 }]);
    const last = await reportOf(officer, p2018.id, thirdOrg);
    expect((await put(officer, `/api/stats/reports/${last.id}/cells`, { version: last.version, cells: row01(20, [5, 5, 10, 0, 0, 0]) })).statusCode).toBe(200);
    const now = await reportOf(officer, p2019.id, thirdOrg);
    const res = await put(officer, `/api/stats/reports/${now.id}/cells`, { version: now.version, cells: row01(100, [25, 25, 50, 0, 0, 0]) });
    expect(res.statusCode).toBe(200);
    const body = res.json() as StatReport;
    expect(body.issues.filter((i) => i.row === '01' && i.column === 'C1').map((i) => [i.ruleId, i.severity])).toEqual([['outlier_yoy', 'warning']]);
    expect(body.canSubmit).toBe(true);
  });
});

describe('the completeness and timeliness board', () => {
  it('counts assigned, not started, draft, submitted and late reports per form and lists who has not submitted', async () => {
    const period = await openPeriod(2020); // unit deadline 2021-02-01: long past
    await assign(officer, period.id, [reporterOrg, otherOrg, thirdOrg], [{ code: F02 }, { code: F03 }]);
    const filled = await reportOf(officer, period.id, otherOrg);
    expect((await put(officer, `/api/stats/reports/${filled.id}/cells`, { version: filled.version, cells: row01(1, [1, 0, 0, 0, 0, 0]) })).statusCode).toBe(200);
    const sent = await reportOf(reporter, period.id, reporterOrg);
    expect((await reporter.post(`/api/stats/reports/${sent.id}/submit`, { version: sent.version })).statusCode).toBe(200);

    const res = await officer.get(`/api/stats/periods/${period.id}/board?unitId=${hanoi}`);
    expect(res.statusCode).toBe(200);
    const board = res.json() as StatBoard;
    expect(board.unit?.id).toBe(hanoi);
    const f02 = board.forms.find((f) => f.form.code === F02);
    const f03 = board.forms.find((f) => f.form.code === F03);
    expect(f02).toMatchObject({ assigned: 3, notStarted: 1, draft: 1, submitted: 1, returned: 0, approved: 0, accepted: 0, late: 3 });
    expect(f03).toMatchObject({ assigned: 3, notStarted: 3, draft: 0, submitted: 0, late: 3 });
    expect(board.notSubmitted.length).toBe(5);
    expect(board.notSubmitted.some((n) => n.organization.id === reporterOrg && n.formCode === F02)).toBe(false);
    // the officer's default unit is their own province; another province sees none of it
    expect(((await officer.get(`/api/stats/periods/${period.id}/board`)).json() as StatBoard).forms.length).toBe(2);
    expect((await otherOfficer.get(`/api/stats/periods/${period.id}/board?unitId=${hanoi}`)).statusCode).toBe(403);
    expect(((await otherOfficer.get(`/api/stats/periods/${period.id}/board`)).json() as StatBoard).forms).toEqual([]);
    expect((await reporter.get(`/api/stats/periods/${period.id}/board`)).statusCode).toBe(403);

    // before the deadline nobody is late
    const future = await openPeriod(2021, { unitDeadline: '2099-02-01', provinceDeadline: '2099-02-15' });
    await assign(admin, future.id, [reporterOrg], [{ code: F02 }]);
    const onTime = await reportOf(reporter, future.id, reporterOrg);
    await reporter.post(`/api/stats/reports/${onTime.id}/submit`, { version: onTime.version });
    const futureBoard = (await admin.get(`/api/stats/periods/${future.id}/board`)).json() as StatBoard;
    expect(futureBoard.forms).toEqual([expect.objectContaining({ assigned: 1, submitted: 1, late: 0 })]);
    expect(futureBoard.unit).toBeNull();
  });
});
