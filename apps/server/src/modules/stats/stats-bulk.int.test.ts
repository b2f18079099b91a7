import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { StatAssignmentResult, StatBulkResult, StatReport } from '@stinet/shared';
import { queryRows } from '../../lib/sql.js';
import { anonymous, createTestApp, loginAs, multipartFile, type Client, type TestApp } from '../../test-support/test-app.js';
import { formSheet, type FormSheet } from '../../test-support/stats-fixtures.js';
import { BULK_INSTRUCTIONS_SHEET, uniqueSheetName } from './stats-bulk.js';

let t: TestApp;
let admin: Client;
let officer: Client;
let otherOfficer: Client;
let reporter: Client;
let hanoi: string;
/** Organizations managed by Hà Nội (the officer's unit), by code. */
let orgs: { id: string; code: string }[];

const F02 = '02/CS-KHCN';
const F03 = '03/CS-KHCN';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ORG_CODE = 'Mã tổ chức (organization code)';
let nextYear = 2060;

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  officer = await loginAs(t.app, 'officer.hanoi');
  otherOfficer = await loginAs(t.app, 'officer.hcm');
  reporter = await loginAs(t.app, 'reporter');
  hanoi = (await queryRows<{ id: string }>(t.handle.db, sql`SELECT scope_unit_id AS id FROM app_user WHERE username = 'officer.hanoi'`))[0]?.id as string;
  orgs = await queryRows<{ id: string; code: string }>(t.handle.db, sql`SELECT id, code FROM organization WHERE managing_unit_id = ${hanoi} ORDER BY code LIMIT 6`);
  expect(orgs.length).toBe(6);
});
afterAll(async () => {
  await t.close();
});

const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const details = (res: { json(): unknown }) => (res.json() as { error: { details?: { path: string; code: string }[] } }).error.details ?? [];
const cellCount = async (reportId: string) => (await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM stat_cell WHERE report_id = ${reportId}`))[0]?.n ?? -1;
const versionOf = async (reportId: string) => (await queryRows<{ v: number }>(t.handle.db, sql`SELECT version AS v FROM stat_report WHERE id = ${reportId}`))[0]?.v ?? -1;

/** A fresh period with form 02 (or another) assigned to the first `n` Hà Nội organizations; report ids by organization code. */
async function freshPeriod(n: number, formCode = F02): Promise<{ periodId: string; reports: Map<string, string> }> {
  const period = await admin.post('/api/stats/periods', { year: (nextYear += 1) });
  expect(period.statusCode).toBe(201);
  const periodId = (period.json() as { id: string }).id;
  const picked = orgs.slice(0, n);
  const res = await admin.post(`/api/stats/periods/${periodId}/assignments`, { organizationIds: picked.map((o) => o.id), forms: [{ code: formCode }] });
  expect(res.statusCode).toBe(200);
  const ids = (res.json() as StatAssignmentResult).reportIds;
  const reports = new Map<string, string>();
  for (const id of ids) {
    const r = (await admin.get(`/api/stats/reports/${id}`)).json() as StatReport;
    reports.set(r.organization.code, id);
  }
  return { periodId, reports };
}

const bulkUrl = (periodId: string, formCode = F02, unitId?: string) => `/api/stats/periods/${periodId}/bulk-xlsx?formCode=${encodeURIComponent(formCode)}${unitId ? `&unitId=${unitId}` : ''}`;

/** A downloaded multi-unit workbook: its sheets and its report sheets by organization code. */
async function openBulk(content: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const byOrg = new Map<string, FormSheet>();
  for (const ws of wb.worksheets.slice(1)) {
    const s = formSheet(ws);
    byOrg.set(String(s.header.get(ORG_CODE)), s);
  }
  return { wb, byOrg, buffer: async () => Buffer.from(await wb.xlsx.writeBuffer()) };
}

async function download(c: Client, periodId: string, formCode = F02, unitId?: string) {
  const res = await c.get(bulkUrl(periodId, formCode, unitId));
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX);
  return openBulk(res.rawPayload);
}

/** Valid values of form 02 (row 01: total = sum of the qualification columns), different per unit. */
function fillValid(s: FormSheet, i: number) {
  s.cell('01', 'C1').value = 12 + i;
  s.cell('01', 'C2').value = 4;
  s.cell('01', 'C3').value = 8 + i;
  s.cell('02', 'C1').value = 'x';
}

const upload = (c: Client, periodId: string, content: Buffer) => {
  const body = multipartFile('nhieu-don-vi.xlsx', content);
  return c.request({ method: 'POST', url: `/api/stats/periods/${periodId}/bulk-xlsx`, payload: body.payload, headers: body.headers });
};

/** Every report of the period still has no cell and its first version. */
async function nothingSaved(reports: Map<string, string>) {
  for (const id of reports.values()) {
    expect(await cellCount(id)).toBe(0);
    expect(await versionOf(id)).toBe(1);
  }
}

describe('multi-unit XLSX of a form for a period', () => {
  it('downloads one sheet per report the officer may edit, after an instructions sheet', async () => {
    const { periodId, reports } = await freshPeriod(4);
    // a submitted report is no longer editable: no sheet for it
    const [submittedCode, submittedId] = [...reports.entries()][3] as [string, string];
    const r = (await admin.get(`/api/stats/reports/${submittedId}`)).json() as StatReport;
    expect((await admin.post(`/api/stats/reports/${submittedId}/submit`, { version: r.version })).statusCode).toBe(200);

    const bulk = await download(officer, periodId);
    expect(bulk.wb.worksheets[0]?.name).toBe(BULK_INSTRUCTIONS_SHEET);
    expect(bulk.wb.worksheets.length).toBe(4);
    expect([...bulk.byOrg.keys()].sort()).toEqual([...reports.keys()].filter((c) => c !== submittedCode).sort());
    for (const [orgCode, s] of bulk.byOrg) {
      expect(s.ws.name).toBe(orgCode);
      expect(s.header.get('Mã biểu (form code)')).toBe(F02);
      expect(s.header.get('Phiên bản (version)')).toBe('TT25-2015');
      expect(s.header.get('Trạng thái (status)')).toBe('Nháp');
      expect(String(s.header.get('Tên tổ chức (organization name)')).length).toBeGreaterThan(0);
    }
    // the instructions list the sheets
    const listed: string[] = [];
    bulk.wb.worksheets[0]?.eachRow((row) => {
      const v = row.getCell(1).value;
      const name = typeof v === 'object' && v !== null && 'text' in v ? String(v.text) : String(v);
      if (bulk.byOrg.has(name)) listed.push(name);
    });
    expect(listed.sort()).toEqual([...bulk.byOrg.keys()].sort());

    // the admin for the Hà Nội unit gets the same sheets
    expect((await download(admin, periodId, F02, hanoi)).byOrg.size).toBe(3);
    // another province's officer, a reporter, the public: no
    expect((await otherOfficer.get(bulkUrl(periodId))).statusCode).toBe(200);
    expect((await openBulk((await otherOfficer.get(bulkUrl(periodId))).rawPayload)).byOrg.size).toBe(0);
    const other = await otherOfficer.get(bulkUrl(periodId, F02, hanoi));
    expect([other.statusCode, code(other)]).toEqual([403, 'OUT_OF_SCOPE']);
    expect((await reporter.get(bulkUrl(periodId))).statusCode).toBe(403);
    expect((await anonymous(t.app).get(bulkUrl(periodId))).statusCode).toBe(401);
    const unknownForm = await officer.get(bulkUrl(periodId, 'KHONG-CO'));
    expect([unknownForm.statusCode, code(unknownForm)]).toEqual([400, 'STAT_FORM_UNKNOWN']);
  });

  it('saves a workbook filled for three units in one go (mapped by organization code), skipping an empty sheet, with an audit entry each', async () => {
    const { periodId, reports } = await freshPeriod(4);
    const bulk = await download(officer, periodId);
    const codes = [...bulk.byOrg.keys()].sort();
    const filled = codes.slice(0, 3);
    filled.forEach((c, i) => fillValid(bulk.byOrg.get(c) as FormSheet, i));
    // sheet names and order do not matter: the organization code in the header does
    bulk.byOrg.forEach((s, c) => (s.ws.name = `Don vi ${codes.length - codes.indexOf(c)}`));
    const res = await upload(officer, periodId, await bulk.buffer());
    expect(res.statusCode).toBe(200);
    const result = res.json() as StatBulkResult;
    expect(result.saved.map((s) => s.organization.code).sort()).toEqual(filled);
    expect(result.skipped).toEqual([expect.objectContaining({ organizationCode: codes[3], reason: 'empty', reportId: reports.get(codes[3] as string) })]);
    for (const [i, c] of filled.entries()) {
      const saved = result.saved.find((s) => s.organization.code === c) as StatBulkResult['saved'][number];
      expect(saved.reportId).toBe(reports.get(c));
      expect(saved.cells).toBe(4);
      expect(saved.version).toBe(2);
      const report = (await officer.get(`/api/stats/reports/${saved.reportId}`)).json() as StatReport;
      expect(report.cells).toContainEqual({ row: '01', column: 'C1', state: 'value', value: 12 + i });
      expect(report.cells).toContainEqual({ row: '02', column: 'C1', state: 'not_applicable', value: null });
    }
    expect(await cellCount(reports.get(codes[3] as string) as string)).toBe(0);
    const ids = result.saved.map((s) => s.reportId);
    const audits = await queryRows<{ n: number }>(
      t.handle.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'stat_report' AND action = 'update' AND actor_username = 'officer.hanoi' AND entity_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
    );
    expect(audits[0]?.n).toBe(3);

    // the reporter of a unit cannot use the bulk upload
    const refused = await upload(reporter, periodId, await bulk.buffer());
    expect([refused.statusCode, code(refused)]).toEqual([403, 'FORBIDDEN']);
  });

  it('refuses a workbook with one bad cell, naming the sheet and the cell, and saves no report', async () => {
    const { periodId, reports } = await freshPeriod(3);
    const bulk = await download(officer, periodId);
    const codes = [...bulk.byOrg.keys()].sort();
    codes.forEach((c, i) => fillValid(bulk.byOrg.get(c) as FormSheet, i));
    const bad = bulk.byOrg.get(codes[1] as string) as FormSheet;
    bad.cell('01', 'C1').value = 10;
    ['C2', 'C3', 'C4'].forEach((c) => (bad.cell('01', c).value = 3));
    ['C5', 'C6', 'C7'].forEach((c) => (bad.cell('01', c).value = 0));
    (bulk.byOrg.get(codes[2] as string) as FormSheet).cell('03', 'C2').value = 'mười';
    const res = await upload(officer, periodId, await bulk.buffer());
    expect([res.statusCode, code(res)]).toEqual([422, 'STAT_BULK_INVALID']);
    expect(details(res)).toContainEqual(expect.objectContaining({ path: `sheets.${codes[1]}.cells.01.C1`, code: 'qualification_sum' }));
    expect(details(res)).toContainEqual(expect.objectContaining({ path: `sheets.${codes[2]}.cells.03.C2`, code: 'not_a_number' }));
    expect(details(res).some((d) => d.path.startsWith(`sheets.${codes[0]}.`))).toBe(false);
    await nothingSaved(reports);
  });

  it('refuses another form version, and a single-report workbook, as STAT_WRONG_FORM; saves nothing', async () => {
    const { periodId, reports } = await freshPeriod(3);
    const bulk = await download(officer, periodId);
    const codes = [...bulk.byOrg.keys()].sort();
    codes.forEach((c, i) => fillValid(bulk.byOrg.get(c) as FormSheet, i));
    (bulk.byOrg.get(codes[0] as string) as FormSheet).setHeader('Phiên bản (version)', 'TT15-2018');
    const res = await upload(officer, periodId, await bulk.buffer());
    expect([res.statusCode, code(res)]).toEqual([422, 'STAT_WRONG_FORM']);
    expect(details(res)).toContainEqual(expect.objectContaining({ path: `sheets.${codes[0]}.file`, code: 'wrong_form' }));
    await nothingSaved(reports);

    const single = await upload(officer, periodId, (await anonymous(t.app).get(`/api/stats/forms/${encodeURIComponent(F02)}/TT25-2015/xlsx`)).rawPayload);
    expect([single.statusCode, code(single)]).toEqual([422, 'STAT_WRONG_FORM']);
    expect(details(single)).toEqual([expect.objectContaining({ code: 'missing_organization' })]);
    await nothingSaved(reports);
  });

  it('refuses a sheet of an organization not assigned the form in the period (or unknown), and saves nothing', async () => {
    const { periodId, reports } = await freshPeriod(3);
    const bulk = await download(officer, periodId);
    const codes = [...bulk.byOrg.keys()].sort();
    codes.forEach((c, i) => fillValid(bulk.byOrg.get(c) as FormSheet, i));
    const notAssigned = orgs[5]?.code as string;
    expect(reports.has(notAssigned)).toBe(false);
    (bulk.byOrg.get(codes[2] as string) as FormSheet).setHeader(ORG_CODE, notAssigned);
    const res = await upload(officer, periodId, await bulk.buffer());
    expect([res.statusCode, code(res)]).toEqual([422, 'STAT_NOT_ASSIGNED']);
    expect(details(res)).toEqual([expect.objectContaining({ path: `sheets.${notAssigned}.organization`, code: 'not_assigned' })]);
    await nothingSaved(reports);

    (bulk.byOrg.get(codes[2] as string) as FormSheet).setHeader(ORG_CODE, 'ORG9999999');
    const unknown = await upload(officer, periodId, await bulk.buffer());
    expect([unknown.statusCode, code(unknown)]).toEqual([422, 'STAT_NOT_ASSIGNED']);
    expect(details(unknown)).toEqual([expect.objectContaining({ path: 'sheets.ORG9999999.organization', code: 'unknown_organization' })]);
    await nothingSaved(reports);
  });

  it('lists submitted and locked reports as errors and saves nothing', async () => {
    const { periodId, reports } = await freshPeriod(3);
    const bulk = await download(officer, periodId);
    const codes = [...bulk.byOrg.keys()].sort();
    codes.forEach((c, i) => fillValid(bulk.byOrg.get(c) as FormSheet, i));
    // after the download, one unit submits and another's report gets approved
    const submitted = reports.get(codes[1] as string) as string;
    const approved = reports.get(codes[2] as string) as string;
    expect((await admin.post(`/api/stats/reports/${submitted}/submit`, { version: 1 })).statusCode).toBe(200);
    expect((await admin.post(`/api/stats/reports/${approved}/submit`, { version: 1 })).statusCode).toBe(200);
    expect((await admin.post(`/api/stats/reports/${approved}/review`, { decision: 'approve', version: 2 })).statusCode).toBe(200);
    const res = await upload(officer, periodId, await bulk.buffer());
    expect([res.statusCode, code(res)]).toEqual([422, 'STAT_BULK_INVALID']);
    expect(details(res)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: `sheets.${codes[1]}.status`, code: 'INVALID_TRANSITION' }),
        expect.objectContaining({ path: `sheets.${codes[2]}.status`, code: 'STAT_REPORT_LOCKED' }),
      ]),
    );
    for (const id of reports.values()) expect(await cellCount(id)).toBe(0);
    expect(await versionOf(reports.get(codes[0] as string) as string)).toBe(1);
  });

  it('answers 400 for a file that is not a workbook, and 409 once the period is closed', async () => {
    const { periodId, reports } = await freshPeriod(1);
    const junk = await upload(officer, periodId, Buffer.from(Array.from({ length: 2048 }, (_v, i) => (i * 7919) % 256)));
    expect([junk.statusCode, code(junk)]).toEqual([400, 'STAT_XLSX_UNREADABLE']);
    const bulk = await download(officer, periodId);
    [...bulk.byOrg.values()].forEach((s, i) => fillValid(s, i));
    await t.handle.db.execute(sql`UPDATE stat_period SET status = 'closed', closed_at = now() WHERE id = ${periodId}`);
    const closed = await upload(officer, periodId, await bulk.buffer());
    expect([closed.statusCode, code(closed)]).toEqual([409, 'STAT_PERIOD_CLOSED']);
    expect((await officer.get(bulkUrl(periodId))).statusCode).toBe(409);
    await nothingSaved(reports);
  });

  it("refuses another province's officer (403) and saves nothing", async () => {
    const { periodId, reports } = await freshPeriod(3);
    const bulk = await download(officer, periodId);
    [...bulk.byOrg.keys()].sort().forEach((c, i) => fillValid(bulk.byOrg.get(c) as FormSheet, i));
    const res = await upload(otherOfficer, periodId, await bulk.buffer());
    expect([res.statusCode, code(res)]).toEqual([403, 'OUT_OF_SCOPE']);
    expect(details(res).every((d) => d.code === 'out_of_scope')).toBe(true);
    await nothingSaved(reports);
  });

  it('keeps forms apart: a workbook of form 03 does not touch form 02 reports', async () => {
    const { periodId, reports } = await freshPeriod(2, F03);
    const bulk = await download(officer, periodId, F03);
    expect(bulk.byOrg.size).toBe(2);
    expect((await download(officer, periodId, F02)).byOrg.size).toBe(0);
    const res = await upload(officer, periodId, await bulk.buffer());
    // nothing filled: every sheet is skipped, nothing saved
    expect(res.statusCode).toBe(200);
    expect((res.json() as StatBulkResult).saved).toEqual([]);
    expect((res.json() as StatBulkResult).skipped).toHaveLength(2);
    await nothingSaved(reports);
  });
});

describe('sheet names of the multi-unit workbook', () => {
  it('are valid Excel names, unique, at most 31 characters', () => {
    const taken = new Set<string>();
    expect(uniqueSheetName('ORG0000001', taken)).toBe('ORG0000001');
    expect(uniqueSheetName('org0000001', taken)).toBe('org0000001~2');
    expect(uniqueSheetName("'a/b:c*d?e[f]g\\h'", taken)).toBe('a-b-c-d-e-f-g-h');
    const long = uniqueSheetName('X'.repeat(40), taken);
    expect(long).toHaveLength(31);
    const long2 = uniqueSheetName('X'.repeat(40), taken);
    expect(long2).toHaveLength(31);
    expect(long2.endsWith('~2')).toBe(true);
    expect(uniqueSheetName('', taken)).toBe('Sheet');
  });
});
