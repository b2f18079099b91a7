import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { TASK_IMPORT_COLUMNS, type TaskFull, type TaskImport } from '@stinet/shared';
import { queryRows } from '../../lib/sql.js';
import { organizationBody, unitByCode } from '../../test-support/fixtures.js';
import { taskBody } from '../../test-support/task-fixtures.js';
import { anonymous, createTestApp, loginAs, multipartFile, type Client, type TestApp } from '../../test-support/test-app.js';
import { BOM, csvLine, parseCsv } from './csv.js';
import { failInterruptedImports } from './task-io.repo.js';

let t: TestApp;
let hanoi: string;
let hcm: string;
let officer: Client;
let admin: Client;
let orgId: string;
let orgCode: string;
let hcmOrgCode: string;
let reporterOrgCode: string;

type Row = Record<string, string | number | Date | null>;
type ErrorJson = { error: { code: string; details?: { path: string; code: string; message: string }[] } };

let counter = 0;
/** A valid import row registered in Hà Nội, led by the test organization. */
function row(overrides: Row = {}): Row {
  counter += 1;
  return {
    code: `NK-${process.pid}-${counter}`,
    titleVi: `Nghiên cứu nhập khẩu dữ liệu nhiệm vụ số ${counter}`,
    levelCode: 'TINH',
    formCode: 'DT',
    fundingType: 'NSNN',
    contractNo: `${counter}/2026/HĐ-KHCN`,
    contractDate: '2026-02-02',
    managingUnitCode: '01',
    leadOrganizationCode: orgCode,
    piName: 'TS. Nguyễn Thị Lan',
    members: 'ThS. Trần Văn Bình; KS. Lê Thu Hà (thư ký)',
    fieldCodes2025: '401',
    startDate: '2026-03-01',
    endDate: '2027-12-31',
    budgetTotal: 1500,
    budgetStateLocal: 1200,
    budgetOther: 300,
    objectives: 'Mục tiêu thử nghiệm.',
    content: 'Nội dung chính, gồm dấu phẩy; và "ngoặc kép".',
    expectedProducts: 'Báo cáo tổng hợp.',
    isStateSecret: 'Không',
    ...overrides,
  };
}

function csvOf(rows: Row[], delimiter = ','): Buffer {
  const keys = TASK_IMPORT_COLUMNS.map((c) => c.key);
  const cell = (v: Row[string] | undefined) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null));
  return Buffer.from(BOM + csvLine(keys, delimiter) + rows.map((r) => csvLine(keys.map((k) => cell(r[k])), delimiter)).join(''), 'utf8');
}

async function templateWith(client: Client, rows: Row[]): Promise<Buffer> {
  const res = await client.get('/api/tasks/import/template.xlsx');
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Nhiệm vụ') as ExcelJS.Worksheet;
  const keys = (ws.getRow(2).values as unknown[]).slice(1) as string[];
  rows.forEach((r, i) => {
    keys.forEach((k, j) => {
      const v = r[k];
      if (v !== undefined && v !== null) ws.getRow(3 + i).getCell(j + 1).value = v;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(client: Pick<Client, 'request'>, name: string, content: Buffer, headers: Record<string, string> = {}) {
  const body = multipartFile(name, content);
  return client.request({ method: 'POST', url: '/api/tasks/import', payload: body.payload, headers: { ...body.headers, ...headers } });
}

const count = async (table: 'task' | 'task_import' | 'task_member') => (await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]?.n ?? -1;
const problems = (res: { json(): unknown }) => ((res.json() as ErrorJson).error.details ?? []).map((d) => `${d.path} ${d.code}`);

async function findTask(client: Client, code: string): Promise<TaskFull> {
  const list = (await client.get(`/api/tasks/work?q=${encodeURIComponent(code)}`)).json() as { items: { id: string; code: string }[] };
  const item = list.items.find((i) => i.code === code);
  expect(item, code).toBeDefined();
  return (await client.get(`/api/tasks/${item?.id ?? ''}/full`)).json() as TaskFull;
}

async function readXlsx(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const out: string[][] = [];
  ws.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : String(v)))));
  return out;
}

/** A ZIP archive (stored, no compression) holding the given files: a container that is not a workbook. */
function zipOf(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

beforeAll(async () => {
  t = await createTestApp();
  hanoi = (await unitByCode(t.app, 'province', '01')).id;
  hcm = (await unitByCode(t.app, 'province', '79')).id;
  officer = await loginAs(t.app, 'officer.hanoi');
  admin = await loginAs(t.app, 'admin');
  const org = (await officer.post('/api/organizations', organizationBody(hanoi))).json() as { id: string; code: string };
  orgId = org.id;
  orgCode = org.code;
  hcmOrgCode = ((await admin.post('/api/organizations', organizationBody(hcm))).json() as { code: string }).code;
  const me = (await (await loginAs(t.app, 'reporter')).get('/api/auth/me')).json() as { user: { organization: { code: string } } };
  reporterOrgCode = me.user.organization.code;
});
afterAll(async () => {
  await t.close();
});

describe('import template', () => {
  it('downloads as XLSX with the data sheet, instructions and code lists, and as CSV with a BOM', async () => {
    const res = await officer.get('/api/tasks/import/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('mau-nhap-nhiem-vu.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Nhiệm vụ', 'Hướng dẫn', 'Danh mục']);
    const data = wb.getWorksheet('Nhiệm vụ') as ExcelJS.Worksheet;
    expect((data.getRow(2).values as unknown[]).slice(1)).toEqual(TASK_IMPORT_COLUMNS.map((c) => c.key));
    expect(data.getRow(1).getCell(1).value).toBe('Mã nhiệm vụ *');
    const levelCol = TASK_IMPORT_COLUMNS.findIndex((c) => c.key === 'levelCode') + 1;
    expect(data.getRow(3).getCell(levelCol).dataValidation?.formulae).toEqual(['"QG,BO,TINH,CS,KHAC"']);
    const lists: string[] = [];
    (wb.getWorksheet('Danh mục') as ExcelJS.Worksheet).eachRow((r) => lists.push(String(r.getCell(2).value ?? '')));
    for (const code of ['QG', 'DT', 'NSNN', '401', 'NABS08', '01', '79', 'CTTK']) expect(lists).toContain(code);
    expect(lists).not.toContain('02'); // Hà Giang, merged into Tuyên Quang in 2025: not a registering unit today

    const csv = await officer.get('/api/tasks/import/template.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = [...parseCsv(csv.rawPayload.toString('utf8'))].map((r) => r.fields);
    expect(records[0]?.[0]).toBe('Mã nhiệm vụ *');
    expect(records[1]).toEqual(TASK_IMPORT_COLUMNS.map((c) => c.key));
    expect((await anonymous(t.app).get('/api/tasks/import/template.xlsx')).statusCode).toBe(401);
  });

  it('filled with 3 valid rows (Excel dates, DD/MM/YYYY text, numbers) imports them as drafts with members, in one audit entry', async () => {
    const rows = [row({ startDate: new Date(Date.UTC(2026, 2, 1)), endDate: new Date(Date.UTC(2027, 11, 31)) }), row({ startDate: '01/04/2026', contractDate: '15/03/2026' }), row({ managingUnitCode: 1, members: null })];
    const before = await count('task');
    const res = await upload(officer, 'danh-sach.xlsx', await templateWith(officer, rows));
    expect(res.statusCode, res.body).toBe(201);
    const imported = res.json() as TaskImport;
    expect([imported.status, imported.format, imported.totalRows, imported.importedRows, imported.errors]).toEqual(['done', 'xlsx', 3, 3, []]);
    expect(res.headers.location).toBe(`/api/tasks/import/${imported.id}`);
    expect(await count('task')).toBe(before + 3);
    const first = await findTask(officer, rows[0]?.code as string);
    expect([first.status, first.startDate, first.endDate, first.managingUnit.id, first.leadOrganization.id, first.budgetTotal]).toEqual(['draft', '2026-03-01', '2027-12-31', hanoi, orgId, 1500]);
    expect(first.members).toEqual([
      { fullName: 'ThS. Trần Văn Bình', researcherId: null, role: 'member' },
      { fullName: 'KS. Lê Thu Hà', researcherId: null, role: 'secretary' },
    ]);
    expect(first.content).toBe('Nội dung chính, gồm dấu phẩy; và "ngoặc kép".');
    const second = await findTask(officer, rows[1]?.code as string);
    expect([second.startDate, second.contractDate]).toEqual(['2026-04-01', '2026-03-15']);
    expect((await findTask(officer, rows[2]?.code as string)).members).toEqual([]);
    const audit = await queryRows<{ action: string; after: { count: number } }>(t.handle.db, sql`SELECT action, after FROM audit_log WHERE entity_type = 'task_import' AND entity_id = ${imported.id}`);
    expect(audit.map((a) => [a.action, a.after.count])).toEqual([['import', 3]]);
    expect((await officer.get(`/api/tasks/import/${imported.id}`)).json()).toMatchObject({ status: 'done', importedRows: 3, processedRows: 3 });
  });
});

describe('CSV import', () => {
  it('imports a CSV (semicolon-delimited, quoted fields with line breaks) and answers 202 + polling when asked to respond async', async () => {
    const rows = [row({ content: 'Dòng 1\r\nDòng 2, có dấu phẩy' }), row({ fieldCodes2025: '401; 402', budgetTotal: '1500.5' })];
    const res = await upload(officer, 'nhiem-vu.csv', csvOf(rows, ';'));
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as TaskImport).format).toBe('csv');
    const task = await findTask(officer, rows[0]?.code as string);
    expect(task.content).toBe('Dòng 1\r\nDòng 2, có dấu phẩy');
    expect((await findTask(officer, rows[1]?.code as string)).fieldCodes2025).toEqual(['401', '402']);

    const later = [row(), row()];
    const accepted = await upload(officer, 'nhiem-vu.csv', csvOf(later), { prefer: 'respond-async' });
    expect(accepted.statusCode).toBe(202);
    const id = (accepted.json() as TaskImport).id;
    let state = accepted.json() as TaskImport;
    for (let i = 0; i < 100 && (state.status === 'validating' || state.status === 'importing'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      state = (await officer.get(`/api/tasks/import/${id}`)).json() as TaskImport;
    }
    expect([state.status, state.importedRows, state.totalRows]).toEqual(['done', 2, 2]);
  });
});

describe('validation: all or nothing, every bad row listed', () => {
  it('lists every problem (row, column) and writes nothing', async () => {
    const existing = (await officer.post('/api/tasks', taskBody(hanoi, orgId))).json() as TaskFull;
    const dupInFile = row();
    const rows = [
      row({ startDate: '2026-02-30' }), // row 3: not a real date
      row({ managingUnitCode: 'ZZ' }), // row 4: unknown unit
      row({ levelCode: 'QG' }), // row 5: a national task does not register at a province
      row({ budgetOther: -5 }), // row 6: negative budget
      dupInFile, // row 7
      row({ code: dupInFile.code as string }), // row 8: same code as row 7
      row({ code: existing.code }), // row 9: code already in the registry
      row({ titleVi: '' }), // row 10: a required value missing
      row({ endDate: '2025-01-01', fieldCodes2025: '999', isStateSecret: 'Có' }), // row 11: three problems
      row({ managingUnitCode: '02' }), // row 12: Hà Giang, merged in 2025: register at its successor
      row(), // row 13: valid, but not written either
    ];
    const tasks = await count('task');
    const members = await count('task_member');
    for (const [name, content] of [['loi.xlsx', await templateWith(officer, rows)] as const, ['loi.csv', csvOf(rows)] as const]) {
      const res = await upload(officer, name, content);
      expect(res.statusCode, name).toBe(422);
      expect((res.json() as ErrorJson).error.code).toBe('IMPORT_INVALID');
      const start = name.endsWith('.xlsx') ? 3 : 2; // the XLSX has two header rows, this CSV one
      expect(problems(res).sort()).toEqual(
        [
          `rows.${start}.startDate INVALID_DATE`,
          `rows.${start + 1}.managingUnitCode UNKNOWN_UNIT`,
          `rows.${start + 2}.managingUnitCode UNIT_LEVEL_MISMATCH`,
          `rows.${start + 3}.budgetOther VALIDATION_FAILED`,
          `rows.${start + 5}.code DUPLICATE_IN_FILE`,
          `rows.${start + 6}.code DUPLICATE_TASK_CODE`,
          `rows.${start + 7}.titleVi REQUIRED`,
          `rows.${start + 8}.endDate INVALID_DATE_RANGE`,
          `rows.${start + 8}.fieldCodes2025 INVALID_CODE`,
          `rows.${start + 8}.isStateSecret SECRET_TASK_REFUSED`,
          `rows.${start + 9}.managingUnitCode UNIT_NOT_VALID_AT_DATE`,
        ].sort(),
      );
      const messages = (res.json() as ErrorJson).error.details?.map((d) => d.message).join(' ') ?? '';
      expect(messages).toContain('2026-02-30');
      expect(messages).toContain(`trùng với dòng ${start + 4}`);
    }
    expect(await count('task')).toBe(tasks);
    expect(await count('task_member')).toBe(members);

    // the same file in the background: failed, the same problems stored for polling
    const accepted = await upload(officer, 'loi.csv', csvOf(rows), { prefer: 'respond-async', 'accept-language': 'en' });
    expect(accepted.statusCode).toBe(202);
    let state = accepted.json() as TaskImport;
    for (let i = 0; i < 100 && state.status !== 'failed' && state.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      state = (await officer.get(`/api/tasks/import/${state.id}`)).json() as TaskImport;
    }
    expect([state.status, state.importedRows, state.totalRows, state.errors.length]).toEqual(['failed', 0, 11, 11]);
    expect(state.errors.find((e) => e.column === 'titleVi')).toMatchObject({ row: 9, code: 'REQUIRED', messageVi: 'Thiếu "Tên nhiệm vụ" (bắt buộc).' });
    expect(await count('task')).toBe(tasks);
  });

  it('refuses unreadable files with 400 and stores nothing: random bytes, a renamed text file, a ZIP that is no workbook, a workbook without the header, a missing required column', async () => {
    const imports = await count('task_import');
    const noHeader = new ExcelJS.Workbook();
    noHeader.addWorksheet('Trang 1').addRow(['Danh sách', 'không', 'theo mẫu']);
    const noTitle = csvOf([row()]).toString('utf8').replace('titleVi', 'tieuDe');
    const files: [string, Buffer][] = [
      ['ngau-nhien.xlsx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))],
      ['nhiem-vu.xlsx', Buffer.from('Đây là một tệp văn bản đổi tên thành .xlsx, không phải bảng tính.\n', 'utf8')],
      ['nen.xlsx', zipOf({ 'readme.txt': 'không phải bảng tính', 'xl/workbook.xml': '<oops' })],
      ['trong.xlsx', Buffer.from(await noHeader.xlsx.writeBuffer())],
      ['thieu-cot.csv', Buffer.from(noTitle, 'utf8')],
      ['legacy.csv', Buffer.from([0x4d, 0xe3, 0x20, 0x6e, 0x68, 0x69, 0xea, 0x6d, 0x20, 0x76, 0xf5])], // TCVN3-like 8-bit text
    ];
    for (const [name, content] of files) {
      const res = await upload(officer, name, content);
      expect([name, res.statusCode, (res.json() as ErrorJson).error.code]).toEqual([name, 400, 'IMPORT_UNREADABLE']);
    }
    expect(problems(await upload(officer, 'thieu-cot.csv', Buffer.from(noTitle, 'utf8')))).toEqual(['file unreadable']);
    expect(await count('task_import')).toBe(imports);
  });
});

describe('scope', () => {
  it('refuses rows outside the importer’s scope: another province’s officer, a reporter for another organization; a reviewer may not import', async () => {
    const tasks = await count('task');
    const hcmOfficer = await loginAs(t.app, 'officer.hcm');
    const forged = await upload(hcmOfficer, 'ha-noi.csv', csvOf([row(), row()]));
    expect(forged.statusCode).toBe(422);
    expect(problems(forged)).toEqual(['rows.2.managingUnitCode OUT_OF_SCOPE', 'rows.3.managingUnitCode OUT_OF_SCOPE']);

    const reporter = await loginAs(t.app, 'reporter');
    const other = await upload(reporter, 'to-chuc-khac.csv', csvOf([row()]));
    expect(problems(other)).toEqual(['rows.2.leadOrganizationCode OUT_OF_SCOPE']);
    expect(await count('task')).toBe(tasks);
    const own = await upload(reporter, 'cua-toi.csv', csvOf([row({ leadOrganizationCode: reporterOrgCode })]));
    expect(own.statusCode, own.body).toBe(201);

    const reviewer = await loginAs(t.app, 'reviewer');
    expect((await upload(reviewer, 'x.csv', csvOf([row()]))).statusCode).toBe(403);
    expect((await upload(anonymous(t.app), 'x.csv', csvOf([row()]))).statusCode).toBe(401);

    // an import is read by its creator and national administrators only
    const id = (own.json() as TaskImport).id;
    expect((await reporter.get(`/api/tasks/import/${id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/tasks/import/${id}`)).statusCode).toBe(200);
    expect((await officer.get(`/api/tasks/import/${id}`)).statusCode).toBe(403);
    expect((await anonymous(t.app).get(`/api/tasks/import/${id}`)).statusCode).toBe(401);
  });
});

describe('export', () => {
  it('exports the caller’s scope only, to XLSX and CSV, in a form that imports again', async () => {
    const mine = [row(), row()];
    expect((await upload(officer, 'xuat.csv', csvOf(mine))).statusCode).toBe(201);
    const hcmOfficer = await loginAs(t.app, 'officer.hcm');
    const theirs = row({ managingUnitCode: '79', leadOrganizationCode: hcmOrgCode });
    expect((await upload(hcmOfficer, 'hcm.csv', csvOf([theirs]))).statusCode).toBe(201);

    const xlsx = await officer.get('/api/tasks/work/export?format=xlsx&status=draft');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toMatch(/filename="nhiem-vu-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const sheet = await readXlsx(xlsx.rawPayload);
    expect(sheet[0]?.slice(0, 2)).toEqual(['Mã nhiệm vụ', 'Tên nhiệm vụ']);
    expect(sheet[0]).toContain('Trạng thái');
    const codes = sheet.slice(1).map((r) => r[0]);
    for (const r of mine) expect(codes).toContain(r.code);
    expect(codes).not.toContain(theirs.code);
    const exported = sheet.find((r) => r[0] === mine[0]?.code) ?? [];
    const col = (label: string) => exported[(sheet[0] ?? []).indexOf(label)];
    expect([col('Ngày bắt đầu'), col('Mã cơ quan quản lý'), col('Trạng thái'), col('Thành viên')]).toEqual(['2026-03-01', '01', 'Nháp', 'ThS. Trần Văn Bình; KS. Lê Thu Hà (thư ký)']);

    const csv = await officer.get(`/api/tasks/work/export?format=csv&q=${encodeURIComponent(mine[1]?.code as string)}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const records = [...parseCsv(csv.rawPayload.toString('utf8'))].map((r) => r.fields);
    expect(records.slice(1).map((r) => r[0])).toEqual([mine[1]?.code]);

    // round trip: the exported CSV, with new codes, imports as new tasks
    const again = records.map((r, i) => (i === 0 ? r : [`${r[0]}-B`, ...r.slice(1)]));
    const reimport = await upload(officer, 'xuat-lai.csv', Buffer.from(BOM + again.map((r) => csvLine(r)).join(''), 'utf8'));
    expect(reimport.statusCode, reimport.body).toBe(201);
    expect((await findTask(officer, `${mine[1]?.code as string}-B`)).members.map((m) => m.role)).toEqual(['member', 'secretary']);

    // a reporter exports their organization's tasks only
    const reporter = await loginAs(t.app, 'reporter');
    const reporterCodes = [...parseCsv((await reporter.get('/api/tasks/work/export?format=csv')).rawPayload.toString('utf8'))].slice(1).map((r) => r.fields[(TASK_IMPORT_COLUMNS.findIndex((c) => c.key === 'leadOrganizationCode'))]);
    expect(reporterCodes.length).toBeGreaterThan(0);
    expect(new Set(reporterCodes)).toEqual(new Set([reporterOrgCode]));
    expect((await anonymous(t.app).get('/api/tasks/work/export')).statusCode).toBe(401);
  });

  it('the public export holds published tasks with public fields only', async () => {
    const body = taskBody(hanoi, orgId, { titleVi: 'Nhiệm vụ xuất công khai', contractNo: 'HD-XUAT-MAT-2024', budgetTotal: 876543, budgetStateLocal: 0, budgetOther: 0 });
    let task = (await admin.post('/api/tasks', body)).json() as TaskFull;
    task = (await admin.post(`/api/tasks/${task.id}/submit`, { version: task.version })).json() as TaskFull;
    task = (await admin.post(`/api/tasks/${task.id}/review`, { decision: 'return', comment: 'Y-KIEN-XUAT-MAT-3030', version: task.version })).json() as TaskFull;
    task = (await admin.post(`/api/tasks/${task.id}/submit`, { version: task.version })).json() as TaskFull;
    task = (await admin.post(`/api/tasks/${task.id}/review`, { decision: 'accept', version: task.version })).json() as TaskFull;
    const draft = (await admin.post('/api/tasks', taskBody(hanoi, orgId, { titleVi: 'Nhiệm vụ nháp không xuất' }))).json() as TaskFull;

    const csv = await anonymous(t.app).get(`/api/tasks/export?format=csv&leadOrganizationId=${orgId}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/nhiem-vu-cong-bo-\d{4}-\d{2}-\d{2}\.csv/);
    const text = csv.rawPayload.toString('utf8');
    const records = [...parseCsv(text)].map((r) => r.fields);
    expect(records[0]).toEqual(['Mã nhiệm vụ', 'Tên nhiệm vụ', 'Mã tổ chức chủ trì', 'Tổ chức chủ trì', 'Chủ nhiệm nhiệm vụ', 'Mục tiêu', 'Nội dung chính', 'Mã lĩnh vực KH&CN (2025)', 'Phương pháp nghiên cứu', 'Sản phẩm dự kiến', 'Ngày bắt đầu', 'Ngày kết thúc', 'Ngày công bố']);
    expect(records.slice(1).map((r) => r[0])).toEqual([task.code]);
    expect(text).not.toContain(draft.code);
    const xlsx = await anonymous(t.app).get(`/api/tasks/export?leadOrganizationId=${orgId}`);
    expect(xlsx.statusCode).toBe(200);
    const sheet = await readXlsx(xlsx.rawPayload);
    expect(sheet[0]).toEqual(records[0]);
    expect(sheet.slice(1).map((r) => r[0])).toEqual([task.code]);
    for (const content of [text, JSON.stringify(sheet)]) {
      for (const restricted of ['HD-XUAT-MAT-2024', '876543', 'Y-KIEN-XUAT-MAT-3030', 'Kinh phí', 'Số hợp đồng']) expect(content).not.toContain(restricted);
    }
  });
});

describe('restart', () => {
  it('marks imports left running by a stopped process as failed, with a clear message, and leaves finished ones alone', async () => {
    const creator = (await queryRows<{ id: string }>(t.handle.db, sql`SELECT id FROM app_user WHERE username = 'admin'`))[0]?.id as string;
    const stale = await queryRows<{ id: string }>(t.handle.db, sql`INSERT INTO task_import (status, format, file_name, total_rows, processed_rows, created_by) VALUES ('importing', 'csv', 'nhiem-vu.csv', 10, 4, ${creator}) RETURNING id`);
    const done = await queryRows<{ id: string }>(t.handle.db, sql`INSERT INTO task_import (status, format, file_name, imported_rows, created_by, finished_at) VALUES ('done', 'csv', 'xong.csv', 3, ${creator}, now()) RETURNING id`);
    expect(await failInterruptedImports(t.handle.db)).toBeGreaterThanOrEqual(1);
    const state = (await admin.get(`/api/tasks/import/${stale[0]?.id}`)).json() as TaskImport;
    expect(state.status).toBe('failed');
    expect(JSON.stringify(state)).toContain('IMPORT_INTERRUPTED');
    expect(((await admin.get(`/api/tasks/import/${done[0]?.id}`)).json() as TaskImport).status).toBe('done');
    expect(await failInterruptedImports(t.handle.db)).toBe(0);
  });
});
