import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonthsClamped,
  todayInVietnam,
  type ApplicationReport,
  type ApplicationReportWorkPage,
  type ApplicationSummary,
  type TaskApplicationReports,
} from '@stinet/shared';
import { applicationReport, task } from '../../db/schema.js';
import { organizationBody, unitByCode } from '../../test-support/fixtures.js';
import { taskBody } from '../../test-support/task-fixtures.js';
import { anonymous, createTestApp, loginAs, multipartFile, type Client, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let hanoi: string;
let admin: Client;
let officer: Client;
let hcm: Client;
let reporter: Client;
let reviewer: Client;
/** The reporter's own organization (in Hà Nội). */
let ownOrg: string;
/** Another organization in Hà Nội. */
let otherOrg: string;

const today = todayInVietnam();
const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

/** A task of Hà Nội (or `unitId`) brought to "published" by the admin, with its acceptance date set directly (T1). */
async function acceptedTask(acceptedOn: string | null, overrides: Record<string, unknown> = {}, unitId = hanoi, leadOrganizationId = ownOrg): Promise<string> {
  let row = (await admin.post('/api/tasks', taskBody(unitId, leadOrganizationId, overrides))).json() as { id: string; version: number };
  expect(row.id).toBeDefined();
  row = (await admin.post(`/api/tasks/${row.id}/submit`, { version: row.version })).json() as { id: string; version: number };
  row = (await admin.post(`/api/tasks/${row.id}/review`, { decision: 'accept', version: row.version })).json() as { id: string; version: number };
  if (acceptedOn) await t.handle.db.update(task).set({ acceptedOn }).where(eq(task.id, row.id));
  return row.id;
}

/** Creates, fills and sends the report of a year (as `who`), then lets the admin decide on it. */
async function report(who: Client, taskId: string, yearIndex: number, fields: Record<string, unknown>, end: 'draft' | 'submitted' | 'accepted'): Promise<ApplicationReport> {
  const created = await who.post(`/api/tasks/${taskId}/application-reports`, { yearIndex, ...fields });
  expect(created.statusCode, created.body).toBe(201);
  let r = created.json() as ApplicationReport;
  if (end === 'draft') return r;
  r = (await who.post(`/api/application-reports/${r.id}/submit`, { version: r.version })).json() as ApplicationReport;
  expect(r.status).toBe('submitted');
  if (end === 'submitted') return r;
  r = (await admin.post(`/api/application-reports/${r.id}/review`, { decision: 'accept', version: r.version })).json() as ApplicationReport;
  expect(r.status).toBe('accepted');
  return r;
}

beforeAll(async () => {
  t = await createTestApp();
  hanoi = (await unitByCode(t.app, 'province', '01')).id;
  admin = await loginAs(t.app, 'admin');
  officer = await loginAs(t.app, 'officer.hanoi');
  hcm = await loginAs(t.app, 'officer.hcm');
  reporter = await loginAs(t.app, 'reporter');
  reviewer = await loginAs(t.app, 'reviewer');
  ownOrg = ((await reporter.get('/api/auth/me')).json() as { user: { organization: { id: string } } }).user.organization.id;
  otherOrg = ((await officer.post('/api/organizations', organizationBody(hanoi))).json() as { id: string }).id;
});
afterAll(async () => {
  await t.close();
});

describe('application-of-results reports (Mẫu 12)', () => {
  it('runs create → submit → return (comment required) → edit → resubmit → accept, with versions and slots', async () => {
    // year 1 falls due in 10 days: its window is open, year 2 is not
    const acceptedOn = addCalendarDays(addMonthsClamped(today, -12), 10);
    const taskId = await acceptedTask(acceptedOn, { titleVi: 'Nhiệm vụ thử báo cáo ứng dụng kết quả' });
    let slots = (await reporter.get(`/api/tasks/${taskId}/application-reports`)).json() as TaskApplicationReports;
    expect([slots.required, slots.canPrepare, slots.slots.length]).toEqual([true, true, 5]);
    expect(slots.slots.map((s) => s.state)).toEqual(['open', 'not_open', 'not_open', 'not_open', 'not_open']);
    expect(slots.slots[0]).toMatchObject({ dueDate: addMonthsClamped(acceptedOn, 12), opensOn: addCalendarDays(addMonthsClamped(acceptedOn, 12), -30), canCreate: true, isLate: false });
    expect(slots.slots[4]?.dueDate).toBe(addMonthsClamped(acceptedOn, 60));

    const early = await reporter.post(`/api/tasks/${taskId}/application-reports`, { yearIndex: 2, applicationStatus: 'applied' });
    expect([early.statusCode, code(early)]).toEqual([409, 'REPORT_NOT_REQUIRED']);

    let r = await report(reporter, taskId, 1, { applicationStatus: 'applied', scale: '120 ha lúa tại 3 xã', revenue: 250 }, 'draft');
    expect([r.status, r.isLate, r.canEdit, r.canReview, r.yearIndex]).toEqual(['draft', false, true, false, 1]);
    expect([r.periodFrom, r.periodTo]).toEqual([acceptedOn, addMonthsClamped(acceptedOn, 12)]);
    const twice = await reporter.post(`/api/tasks/${taskId}/application-reports`, { yearIndex: 1, applicationStatus: 'applied' });
    expect([twice.statusCode, code(twice)]).toEqual([409, 'INVALID_TRANSITION']);

    const noPlaces = await reporter.post(`/api/application-reports/${r.id}/submit`, { version: r.version });
    expect([noPlaces.statusCode, code(noPlaces)]).toEqual([400, 'VALIDATION_FAILED']);
    const edited = await reporter.patch(`/api/application-reports/${r.id}`, { placesApplied: 'HTX Nông nghiệp Tân Hưng, huyện Tân Hưng', version: r.version });
    expect(edited.statusCode).toBe(200);
    const stale = await reporter.patch(`/api/application-reports/${r.id}`, { scale: '150 ha', version: r.version });
    expect([stale.statusCode, code(stale)]).toEqual([409, 'VERSION_CONFLICT']);
    r = edited.json() as ApplicationReport;

    r = (await reporter.post(`/api/application-reports/${r.id}/submit`, { version: r.version })).json() as ApplicationReport;
    expect([r.status, r.canEdit, r.isLate]).toEqual(['submitted', false, false]);
    const firstSent = r.firstSubmittedAt;
    expect(firstSent).not.toBeNull();
    const editSubmitted = await reporter.patch(`/api/application-reports/${r.id}`, { scale: 'x', version: r.version });
    expect([editSubmitted.statusCode, code(editSubmitted)]).toEqual([409, 'INVALID_TRANSITION']);

    expect((await reporter.post(`/api/application-reports/${r.id}/review`, { decision: 'accept', version: r.version })).statusCode).toBe(403);
    const foreign = await hcm.post(`/api/application-reports/${r.id}/review`, { decision: 'accept', version: r.version });
    expect([foreign.statusCode, code(foreign)]).toEqual([403, 'OUT_OF_SCOPE']);
    const noComment = await officer.post(`/api/application-reports/${r.id}/review`, { decision: 'return', version: r.version });
    expect([noComment.statusCode, code(noComment)]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await officer.get(`/api/application-reports/${r.id}`)).json()).toMatchObject({ canReview: true, status: 'submitted' });
    r = (await officer.post(`/api/application-reports/${r.id}/review`, { decision: 'return', comment: 'Bổ sung số liệu doanh thu có xác nhận.', version: r.version })).json() as ApplicationReport;
    expect([r.status, r.reviewComment]).toEqual(['returned', 'Bổ sung số liệu doanh thu có xác nhận.']);

    r = (await reporter.patch(`/api/application-reports/${r.id}`, { revenue: 312.5, transferContracts: 1, transferValue: 90, version: r.version })).json() as ApplicationReport;
    expect([r.status, r.revenue]).toEqual(['returned', 312.5]);
    r = (await reporter.post(`/api/application-reports/${r.id}/submit`, { version: r.version })).json() as ApplicationReport;
    expect([r.status, r.firstSubmittedAt]).toEqual(['submitted', firstSent]);
    r = (await officer.post(`/api/application-reports/${r.id}/review`, { decision: 'accept', version: r.version })).json() as ApplicationReport;
    expect([r.status, r.acceptedAt !== null, r.canEdit]).toEqual(['accepted', true, false]);
    const again = await officer.post(`/api/application-reports/${r.id}/review`, { decision: 'accept', version: r.version });
    expect([again.statusCode, code(again)]).toEqual([409, 'INVALID_TRANSITION']);

    slots = (await reporter.get(`/api/tasks/${taskId}/application-reports`)).json() as TaskApplicationReports;
    expect(slots.slots[0]).toMatchObject({ state: 'accepted', reportId: r.id, canCreate: false, isLate: false });

    const pub = (await anonymous(t.app).get('/api/application-reports?q=bao%20cao%20ung%20dung%20ket%20qua')).json() as { items: Record<string, unknown>[] };
    const item = pub.items.find((i) => i.id === r.id);
    expect(item).toBeDefined();
    expect(Object.keys(item as object).sort()).toEqual(
      ['acceptedAt', 'applicationStatus', 'economicEffect', 'id', 'leadOrganization', 'placesApplied', 'reportYear', 'scale', 'socialEffect', 'task', 'yearIndex'].sort(),
    );
    expect(item).toMatchObject({ reportYear: Number(acceptedOn.slice(0, 4)) + 1, placesApplied: 'HTX Nông nghiệp Tân Hưng, huyện Tân Hưng' });
    const history = (await admin.get(`/api/audit?entityType=application_report&entityId=${r.id}`)).json() as { items: { action: string }[] };
    expect(history.items.map((h) => h.action)).toEqual(expect.arrayContaining(['create', 'update', 'submit', 'return', 'accept']));
  });

  it('refuses other task forms (409 REPORT_NOT_REQUIRED) and tasks without a recorded acceptance (409 TASK_NOT_ACCEPTED)', async () => {
    const programme = await acceptedTask('2024-03-15', { formCode: 'CT' });
    const refused = await officer.post(`/api/tasks/${programme}/application-reports`, { yearIndex: 1, applicationStatus: 'applied' });
    expect([refused.statusCode, code(refused)]).toEqual([409, 'REPORT_NOT_REQUIRED']);
    expect((await officer.get(`/api/tasks/${programme}/application-reports`)).json()).toMatchObject({ required: false, slots: [] });
    const unaccepted = await acceptedTask(null);
    const notAccepted = await officer.post(`/api/tasks/${unaccepted}/application-reports`, { yearIndex: 1, applicationStatus: 'applied' });
    expect([notAccepted.statusCode, code(notAccepted)]).toEqual([409, 'TASK_NOT_ACCEPTED']);
    expect((await officer.get(`/api/tasks/${unaccepted}/application-reports`)).json()).toMatchObject({ required: true, slots: [] });
    const count = await t.handle.db.select().from(applicationReport).where(eq(applicationReport.taskId, programme));
    expect(count).toEqual([]);
  });

  it('keeps scope: another province and another organization get 403; reviewers read only', async () => {
    const taskId = await acceptedTask('2024-03-15');
    const hcmRead = await hcm.get(`/api/tasks/${taskId}/application-reports`);
    expect([hcmRead.statusCode, code(hcmRead)]).toEqual([403, 'OUT_OF_SCOPE']);
    const hcmCreate = await hcm.post(`/api/tasks/${taskId}/application-reports`, { yearIndex: 1, applicationStatus: 'not_applied' });
    expect([hcmCreate.statusCode, code(hcmCreate)]).toEqual([403, 'OUT_OF_SCOPE']);
    expect((await reviewer.get(`/api/tasks/${taskId}/application-reports`)).statusCode).toBe(200);
    expect((await reviewer.post(`/api/tasks/${taskId}/application-reports`, { yearIndex: 1, applicationStatus: 'not_applied' })).statusCode).toBe(403);

    const foreignTask = await acceptedTask('2024-03-15', {}, hanoi, otherOrg);
    const otherOrgRead = await reporter.get(`/api/tasks/${foreignTask}/application-reports`);
    expect([otherOrgRead.statusCode, code(otherOrgRead)]).toEqual([403, 'OUT_OF_SCOPE']);
    const otherOrgCreate = await reporter.post(`/api/tasks/${foreignTask}/application-reports`, { yearIndex: 1, applicationStatus: 'not_applied' });
    expect([otherOrgCreate.statusCode, code(otherOrgCreate)]).toEqual([403, 'OUT_OF_SCOPE']);
    // the focal officer prepares on the organization's behalf; the other organization's reporter cannot touch it
    const onBehalf = await report(officer, foreignTask, 1, { applicationStatus: 'not_applied', difficulties: 'Chưa có doanh nghiệp nhận chuyển giao.' }, 'draft');
    expect((await reporter.get(`/api/application-reports/${onBehalf.id}`)).statusCode).toBe(403);
    expect((await reporter.patch(`/api/application-reports/${onBehalf.id}`, { scale: 'x', version: onBehalf.version })).statusCode).toBe(403);
    expect((await hcm.get(`/api/application-reports/${onBehalf.id}`)).statusCode).toBe(403);
    expect((await reviewer.get(`/api/application-reports/${onBehalf.id}`)).json()).toMatchObject({ canEdit: false, canReview: false });
  });

  it('flags late reports and lists what is due, overdue, awaiting review and returned, per scope', async () => {
    // year 1 fell due two months ago; year 2 is eleven months away
    const acceptedOn = addMonthsClamped(today, -14);
    const taskId = await acceptedTask(acceptedOn, { titleVi: 'Nhiệm vụ kiểm tra phiếu nộp muộn' });
    const slots = (await officer.get(`/api/tasks/${taskId}/application-reports`)).json() as TaskApplicationReports;
    expect(slots.slots.slice(0, 2).map((s) => [s.state, s.isLate])).toEqual([['overdue', true], ['not_open', false]]);

    const work = async (c: Client, category: string) => ((await c.get(`/api/application-reports/work?category=${category}&pageSize=200`)).json() as ApplicationReportWorkPage).items;
    expect((await work(officer, 'overdue')).some((i) => i.taskId === taskId && i.yearIndex === 1 && i.isLate && i.daysLeft < 0)).toBe(true);
    expect((await work(reporter, 'overdue')).some((i) => i.taskId === taskId)).toBe(true);
    expect((await work(hcm, 'overdue')).some((i) => i.taskId === taskId)).toBe(false);

    const r = await report(reporter, taskId, 1, { applicationStatus: 'partly_applied', placesApplied: 'Công ty CP Giống cây trồng Hà Nội' }, 'submitted');
    expect(r.isLate).toBe(true);
    const page = (await officer.get('/api/application-reports/work?category=awaitingReview&pageSize=200')).json() as ApplicationReportWorkPage;
    expect(page.items.find((i) => i.reportId === r.id)).toMatchObject({ category: 'awaitingReview', isLate: true, status: 'submitted' });
    expect(page.total).toBe(page.counts.awaitingReview);
    expect((await work(officer, 'overdue')).some((i) => i.taskId === taskId && i.yearIndex === 1)).toBe(false);
    const returned = (await officer.post(`/api/application-reports/${r.id}/review`, { decision: 'return', comment: 'Ghi rõ quy mô áp dụng.', version: r.version })).json() as ApplicationReport;
    expect((await work(reporter, 'returned')).some((i) => i.reportId === returned.id)).toBe(true);
    const all = (await officer.get('/api/application-reports/work?pageSize=1')).json() as ApplicationReportWorkPage;
    expect(all.total).toBe(all.counts.dueSoon + all.counts.overdue + all.counts.awaitingReview + all.counts.returned);
  });
});

describe('yearly summary (Mẫu 15)', () => {
  let unit: string;
  let unitCode: string;
  const year = 2024;
  const expected = {
    owed: 5,
    received: 3,
    accepted: 2,
    awaitingReview: 1,
    late: 2,
    missing: 2,
    notYetDue: 0,
    applied: 1,
    partlyApplied: 1,
    notApplied: 0,
    totalRevenue: 170.5,
    totalTransferContracts: 3,
    totalTransferValue: 380,
  };

  beforeAll(async () => {
    // a province of its own, so no other data reaches its summary
    unitCode = `T${Date.now().toString(36).slice(-6)}`.toUpperCase();
    const created = await admin.post('/api/org-units', { kind: 'province', code: unitCode, nameVi: 'Tỉnh Thử Nghiệm', nameEn: 'Test Province', validFrom: '2015-01-01' });
    expect(created.statusCode, created.body).toBe(201);
    unit = (created.json() as { id: string }).id;
    const org = ((await admin.post('/api/organizations', organizationBody(unit))).json() as { id: string }).id;
    const at = (acceptedOn: string | null, formCode = 'DT') => acceptedTask(acceptedOn, { formCode }, unit, org);
    // A: year 1 due 2024-03-10, accepted, sent on time
    const a = await report(admin, await at('2023-03-10'), 1, { applicationStatus: 'applied', placesApplied: 'Sở Nông nghiệp', revenue: 120.5, transferContracts: 2, transferValue: 300 }, 'accepted');
    await t.handle.db.update(applicationReport).set({ firstSubmittedAt: new Date('2024-03-01T03:00:00Z') }).where(eq(applicationReport.id, a.id));
    // B: year 2 due 2024-06-20, accepted, sent late
    await report(admin, await at('2022-06-20', 'DA_SXTN'), 2, { applicationStatus: 'partly_applied', placesApplied: 'Công ty TNHH Thử', revenue: 50, transferContracts: 1, transferValue: 80 }, 'accepted');
    // C: year 3 due 2024-09-01, awaiting review, late (not counted in applications: not accepted)
    await report(admin, await at('2021-09-01', 'DAN'), 3, { applicationStatus: 'not_applied', revenue: 999 }, 'submitted');
    // D: year 4 due 2024-01-15, nothing received
    await at('2020-01-15', 'DA_KHCN');
    // E: year 5 due 2024-12-31, only a draft
    await report(admin, await at('2019-12-31'), 5, { applicationStatus: 'applied', placesApplied: 'x', revenue: 7 }, 'draft');
    // not owed in 2024: another form, outside the five years, not yet in the first year, no acceptance
    await at('2023-05-05', 'CT');
    await at('2018-04-01');
    await at('2024-02-01');
    await at(null);
  });

  it('counts what was owed, received, accepted, late and missing, and sums the accepted applications', async () => {
    const res = await admin.get(`/api/application-reports/summary?unitId=${unit}&year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as ApplicationSummary;
    expect(s.counts).toEqual(expected);
    expect(s.rows.map((r) => [r.dueDate, r.yearIndex, r.status, r.isLate, r.isMissing])).toEqual([
      ['2024-01-15', 4, null, false, true],
      ['2024-03-10', 1, 'accepted', false, false],
      ['2024-06-20', 2, 'accepted', true, false],
      ['2024-09-01', 3, 'submitted', true, false],
      ['2024-12-31', 5, 'draft', false, true],
    ]);
    const mid = (await admin.get(`/api/application-reports/summary?unitId=${unit}&year=${year}&asOf=2024-07-01`)).json() as ApplicationSummary;
    expect([mid.counts.missing, mid.counts.notYetDue]).toEqual([1, 1]);
    expect((await admin.get(`/api/application-reports/summary?unitId=${unit}&year=2031`)).json()).toMatchObject({ counts: { owed: 0 }, rows: [] });
  });

  it('is for the unit’s staff: other officers and reporters are refused, reviewers read', async () => {
    expect((await officer.get(`/api/application-reports/summary?unitId=${unit}&year=${year}`)).statusCode).toBe(403);
    expect((await reporter.get(`/api/application-reports/summary?unitId=${unit}&year=${year}`)).statusCode).toBe(403);
    expect((await reviewer.get(`/api/application-reports/summary?unitId=${unit}&year=${year}`)).statusCode).toBe(200);
    expect((await officer.get(`/api/application-reports/summary?unitId=${hanoi}&year=${year}`)).statusCode).toBe(200);
  });

  it('downloads as XLSX that parses back to the same numbers and rows', async () => {
    const res = await admin.request({ method: 'GET', url: `/api/application-reports/summary.xlsx?unitId=${unit}&year=${year}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(`mau-15-${unitCode}-${year}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Mẫu 15');
    expect(ws).toBeDefined();
    const cells: unknown[][] = [];
    ws?.eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
    const value = (label: string) => cells.find((c) => c[0] === label)?.[1];
    expect(String(cells[0]?.[0])).toContain('NĂM 2024 (Mẫu 15)');
    expect(value('Đơn vị đầu mối')).toBe('Tỉnh Thử Nghiệm');
    const byLabel = {
      owed: value('Số nhiệm vụ phải báo cáo trong năm'),
      received: value('Số phiếu đã nhận'),
      accepted: value('Số phiếu đã chấp nhận'),
      awaitingReview: value('Số phiếu chờ xem xét'),
      late: value('Số phiếu nộp muộn'),
      missing: value('Số phiếu chưa nộp (quá hạn)'),
      notYetDue: value('Số phiếu chưa đến hạn'),
      applied: value('Số nhiệm vụ đã ứng dụng'),
      partlyApplied: value('Số nhiệm vụ ứng dụng một phần'),
      notApplied: value('Số nhiệm vụ chưa ứng dụng'),
      totalRevenue: value('Tổng doanh thu (triệu đồng)'),
      totalTransferContracts: value('Tổng số hợp đồng chuyển giao'),
      totalTransferValue: value('Tổng giá trị chuyển giao (triệu đồng)'),
    };
    expect(byLabel).toEqual(expected);
    const header = cells.findIndex((c) => c[0] === 'STT');
    const rows = cells.slice(header + 1);
    expect(rows.map((r) => [r[0], r[6], r[7], r[8]])).toEqual([
      [1, 4, '15/01/2024', 'Chưa nộp'],
      [2, 1, '10/03/2024', 'Đã chấp nhận'],
      [3, 2, '20/06/2024', 'Đã chấp nhận'],
      [4, 3, '01/09/2024', 'Chờ xem xét'],
      [5, 5, '31/12/2024', 'Đang soạn'],
    ]);
    expect(rows.reduce((a, r) => a + (r[8] === 'Đã chấp nhận' ? Number(r[13]) : 0), 0)).toBe(expected.totalRevenue);
    expect([rows[1]?.[9], rows[1]?.[10], rows[2]?.[10], rows[1]?.[11]]).toEqual(['01/03/2024', '', 'Có', 'Đã ứng dụng']);
    for (const en of [
      await admin.request({ method: 'GET', url: `/api/application-reports/summary.xlsx?unitId=${unit}&year=${year}`, headers: { 'accept-language': 'en' } }),
      await admin.request({ method: 'GET', url: `/api/application-reports/summary.xlsx?unitId=${unit}&year=${year}&lang=en` }),
    ]) {
      const wbEn = new ExcelJS.Workbook();
      await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
      expect(wbEn.getWorksheet('Form 15')).toBeDefined();
    }
    expect((await officer.request({ method: 'GET', url: `/api/application-reports/summary.xlsx?unitId=${unit}&year=${year}` })).statusCode).toBe(403);
  });
});

describe('public list of accepted reports', () => {
  it('shows only accepted reports and never revenue, transfers, IP details, difficulties, review or the signed file', async () => {
    const MARK = { difficulties: 'KHO-KHAN-MAT-4242', ip: 'SO-HUU-TRI-TUE-MAT-5353', comment: 'Y-KIEN-MAT-6464', file: 'ban-ky-mat-7575.pdf' };
    const taskId = await acceptedTask('2023-01-20', { titleVi: 'Nhiệm vụ kiểm tra trường công khai của phiếu ứng dụng' });
    const pdf = multipartFile(MARK.file, Buffer.from('%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1'));
    const file = await reporter.request({ method: 'POST', url: `/api/files?organizationId=${ownOrg}&accessTier=restricted`, payload: pdf.payload, headers: pdf.headers });
    expect(file.statusCode).toBe(201);
    const fileId = (file.json() as { id: string }).id;
    const foreignFile = await admin.request({ method: 'POST', url: `/api/files?organizationId=${otherOrg}`, payload: pdf.payload, headers: pdf.headers });
    const wrongFile = await reporter.post(`/api/tasks/${taskId}/application-reports`, { yearIndex: 2, applicationStatus: 'applied', fileId: (foreignFile.json() as { id: string }).id });
    expect([wrongFile.statusCode, code(wrongFile)]).toEqual([400, 'VALIDATION_FAILED']);
    const fields = { applicationStatus: 'applied', placesApplied: 'Bệnh viện Đa khoa tỉnh', socialEffect: 'Giảm chi phí điều trị', revenue: 876543.21, transferContracts: 7, transferValue: 65432.1, ipSummary: MARK.ip, difficulties: MARK.difficulties, fileId };
    const draft = await report(reporter, taskId, 1, fields, 'draft');
    const hidden = await report(reporter, taskId, 2, { applicationStatus: 'applied', placesApplied: 'CHUA-CHAP-NHAN-8686' }, 'submitted');
    const sent = (await reporter.post(`/api/application-reports/${draft.id}/submit`, { version: draft.version })).json() as ApplicationReport;
    const accepted = (await officer.post(`/api/application-reports/${sent.id}/review`, { decision: 'accept', comment: MARK.comment, version: sent.version })).json() as ApplicationReport;
    const staff = (await officer.get(`/api/application-reports/${accepted.id}`)).body;
    for (const m of [...Object.values(MARK), '876543.21', '65432.1']) expect(staff).toContain(m);
    for (const url of ['/api/application-reports?pageSize=200', '/api/application-reports?q=truong%20cong%20khai', `/api/application-reports?year=2024&leadOrganizationId=${ownOrg}`]) {
      const body = (await anonymous(t.app).get(url)).body;
      expect(body).toContain(accepted.id);
      expect(body).not.toContain(hidden.id);
      for (const m of [...Object.values(MARK), '876543', '65432', 'CHUA-CHAP-NHAN-8686', '"revenue"', '"difficulties"', '"fileId"', '"file"']) expect(body, `${url} leaks ${m}`).not.toContain(m);
    }
    for (const url of [`/api/application-reports/${accepted.id}`, `/api/tasks/${taskId}/application-reports`, '/api/application-reports/work']) {
      expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
    }
  });
});
