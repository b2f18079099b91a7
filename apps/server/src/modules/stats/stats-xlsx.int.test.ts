import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import type { StatAssignmentResult, StatCell, StatReport } from '@stinet/shared';
import { queryRows } from '../../lib/sql.js';
import { organizationOf } from '../../test-support/registration-fixtures.js';
import { anonymous, createTestApp, loginAs, multipartFile, type Client, type TestApp } from '../../test-support/test-app.js';
import { formSheet } from '../../test-support/stats-fixtures.js';

let t: TestApp;
let admin: Client;
let reporter: Client;
let reporterOrg: string;

const F02 = '02/CS-KHCN';
const F03 = '03/CS-KHCN';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let nextYear = 2009;

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  reporter = await loginAs(t.app, 'reporter');
  reporterOrg = await organizationOf(t.handle.db, 'reporter');
});
afterAll(async () => {
  await t.close();
});

const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const details = (res: { json(): unknown }) => (res.json() as { error: { details?: { path: string; code: string }[] } }).error.details ?? [];
const put = (c: Client, url: string, payload: unknown) => c.request({ method: 'PUT', url, payload: payload as object });
const cellCount = async (reportId: string) => (await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM stat_cell WHERE report_id = ${reportId}`))[0]?.n ?? -1;
const sortCells = (cells: readonly StatCell[]) => [...cells].sort((a, b) => `${a.row}|${a.column}`.localeCompare(`${b.row}|${b.column}`));

/** A fresh draft report of form 02 (or another) of the reporter's organization, in a period of its own. */
async function freshReport(formCode = F02): Promise<StatReport> {
  const period = await admin.post('/api/stats/periods', { year: (nextYear += 1) });
  expect(period.statusCode).toBe(201);
  const assigned = (await admin.post(`/api/stats/periods/${(period.json() as { id: string }).id}/assignments`, { organizationIds: [reporterOrg], forms: [{ code: formCode }] })).json() as StatAssignmentResult;
  return (await reporter.get(`/api/stats/reports/${assigned.reportIds[0]}`)).json() as StatReport;
}

async function blankForm(formCode = F02): Promise<Buffer> {
  const res = await anonymous(t.app).get(`/api/stats/forms/${encodeURIComponent(formCode)}/TT25-2015/xlsx`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX);
  return res.rawPayload;
}

/** The sheet of a workbook with helpers to address cells by row and column code. */
async function openForm(content: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const { ws, header, cell } = formSheet(wb.worksheets[0] as ExcelJS.Worksheet);
  return { wb, ws, header, cell, buffer: async () => Buffer.from(await wb.xlsx.writeBuffer()) };
}

const upload = (c: Client, reportId: string, content: Buffer, name = 'bao-cao.xlsx') => {
  const body = multipartFile(name, content);
  return c.request({ method: 'POST', url: `/api/stats/reports/${reportId}/xlsx`, payload: body.payload, headers: body.headers });
};

describe('XLSX of a report form', () => {
  it('downloads a filled report whose values read back (x not applicable, c confidential)', async () => {
    const report = await freshReport();
    const saved = await put(reporter, `/api/stats/reports/${report.id}/cells`, {
      version: report.version,
      cells: [
        { row: '01', column: 'C1', state: 'value', value: 10 },
        { row: '01', column: 'C2', state: 'value', value: 2 },
        { row: '01', column: 'C3', state: 'value', value: 3 },
        { row: '01', column: 'C4', state: 'value', value: 5 },
        { row: '01', column: 'C5', state: 'value', value: 0 },
        { row: '01', column: 'C8', state: 'not_applicable' },
        { row: '01', column: 'C9', state: 'confidential', value: 1 },
        { row: '02', column: 'C1', state: 'confidential', value: null },
      ],
    });
    expect(saved.statusCode).toBe(200);
    const res = await reporter.get(`/api/stats/reports/${report.id}/xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(String(res.headers['content-disposition'])).toContain('.xlsx');
    const form = await openForm(res.rawPayload);
    expect(form.ws.name).toBe('02-CS-KHCN');
    expect(form.header.get('Mã biểu (form code)')).toBe(F02);
    expect(form.header.get('Phiên bản (version)')).toBe('TT25-2015');
    expect(form.header.get('Kỳ báo cáo (period)')).toBe(report.period.year);
    expect(form.header.get('Trạng thái (status)')).toBe('Nháp');
    expect(String(form.header.get('Đơn vị báo cáo (reporting unit)'))).toContain(report.organization.code);
    expect([form.cell('01', 'C1').value, form.cell('01', 'C2').value, form.cell('01', 'C5').value, form.cell('01', 'C6').value]).toEqual([10, 2, 0, null]);
    expect([form.cell('01', 'C8').value, form.cell('01', 'C9').value, form.cell('02', 'C1').value]).toEqual(['x', 'c 1', 'c']);
    // out of scope, and the public: no
    expect((await anonymous(t.app).get(`/api/stats/reports/${report.id}/xlsx`)).statusCode).toBe(401);

    // uploading the downloaded file again changes nothing but the version
    const again = await upload(reporter, report.id, res.rawPayload);
    expect(again.statusCode).toBe(200);
    const after = again.json() as StatReport;
    expect(after.version).toBe((saved.json() as StatReport).version + 1);
    expect(sortCells(after.cells)).toEqual(sortCells((saved.json() as StatReport).cells));
  });

  it('round-trips the blank form: fill it, upload it, the cells are saved (replacing the old ones)', async () => {
    const report = await freshReport();
    // an old cell that the upload must clear
    const before = (await put(reporter, `/api/stats/reports/${report.id}/cells`, { version: report.version, cells: [{ row: '06', column: 'C1', state: 'value', value: 0 }] })).json() as StatReport;
    const form = await openForm(await blankForm());
    expect(form.header.get('Trạng thái (status)')).toBeNull();
    form.cell('01', 'C1').value = 12;
    form.cell('01', 'C2').value = 4;
    form.cell('01', 'C3').value = '8';
    form.cell('01', 'C8').value = 'x';
    form.cell('01', 'C9').value = 'c 2';
    form.cell('02', 'C1').value = 'C';
    const res = await upload(reporter, report.id, await form.buffer());
    expect(res.statusCode).toBe(200);
    const saved = res.json() as StatReport;
    expect(saved.version).toBe(before.version + 1);
    expect(sortCells(saved.cells)).toEqual(
      sortCells([
        { row: '01', column: 'C1', state: 'value', value: 12 },
        { row: '01', column: 'C2', state: 'value', value: 4 },
        { row: '01', column: 'C3', state: 'value', value: 8 },
        { row: '01', column: 'C8', state: 'not_applicable', value: null },
        { row: '01', column: 'C9', state: 'confidential', value: 2 },
        { row: '02', column: 'C1', state: 'confidential', value: null },
      ]),
    );
    expect(sortCells(((await reporter.get(`/api/stats/reports/${report.id}`)).json() as StatReport).cells)).toEqual(sortCells(saved.cells));
  });

  it('refuses a workbook of another form or version, and saves nothing', async () => {
    const report = await freshReport();
    const other = await upload(reporter, report.id, await blankForm(F03));
    expect([other.statusCode, code(other)]).toEqual([422, 'STAT_WRONG_FORM']);
    const form = await openForm(await blankForm());
    form.cell('01', 'C1').value = 1;
    form.cell('01', 'C2').value = 1;
    form.ws.eachRow((row) => {
      if (row.getCell(1).value === 'Phiên bản (version)') row.getCell(2).value = 'TT15-2018';
    });
    const version = await upload(reporter, report.id, await form.buffer());
    expect([version.statusCode, code(version)]).toEqual([422, 'STAT_WRONG_FORM']);
    expect(await cellCount(report.id)).toBe(0);
    expect(((await reporter.get(`/api/stats/reports/${report.id}`)).json() as StatReport).version).toBe(report.version);
  });

  it('refuses a total that does not add up, with the cell, and saves nothing', async () => {
    const report = await freshReport();
    const form = await openForm(await blankForm());
    form.cell('01', 'C1').value = 10;
    ['C2', 'C3', 'C4'].forEach((c) => (form.cell('01', c).value = 3));
    ['C5', 'C6', 'C7'].forEach((c) => (form.cell('01', c).value = 0));
    const res = await upload(reporter, report.id, await form.buffer());
    expect([res.statusCode, code(res)]).toEqual([422, 'STAT_VALIDATION_FAILED']);
    expect(details(res)).toContainEqual(expect.objectContaining({ path: 'cells.01.C1', code: 'qualification_sum' }));
    expect(await cellCount(report.id)).toBe(0);
  });

  it('refuses text in a number cell, naming the cell', async () => {
    const report = await freshReport();
    const form = await openForm(await blankForm());
    form.cell('01', 'C1').value = 1;
    form.cell('01', 'C2').value = 1;
    form.cell('02', 'C2').value = 'mười';
    const res = await upload(reporter, report.id, await form.buffer());
    expect([res.statusCode, code(res)]).toEqual([422, 'STAT_VALIDATION_FAILED']);
    expect(details(res)).toEqual([expect.objectContaining({ path: 'cells.02.C2', code: 'not_a_number' })]);
    expect(await cellCount(report.id)).toBe(0);
  });

  it('answers 400 for a file that is not a workbook, and 409 for a submitted report', async () => {
    const report = await freshReport();
    const junk = await upload(reporter, report.id, Buffer.from(Array.from({ length: 2048 }, (_v, i) => (i * 7919) % 256)));
    expect([junk.statusCode, code(junk)]).toEqual([400, 'STAT_XLSX_UNREADABLE']);
    const submitted = (await reporter.post(`/api/stats/reports/${report.id}/submit`, { version: report.version })).json() as StatReport;
    expect(submitted.status).toBe('submitted');
    const late = await upload(reporter, report.id, await blankForm());
    expect([late.statusCode, code(late)]).toEqual([409, 'INVALID_TRANSITION']);
    expect(await cellCount(report.id)).toBe(0);
  });
});
