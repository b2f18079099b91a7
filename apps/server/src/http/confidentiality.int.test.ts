import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { organizationBody, unitByCode } from '../test-support/fixtures.js';
import { taskBody } from '../test-support/task-fixtures.js';
import { completeDossier, publishedTask, uploadPdf } from '../test-support/registration-fixtures.js';
import { fillAndApprove } from '../test-support/stats-fixtures.js';
import type { Registration } from '@stinet/shared';
import { anonymous, createTestApp, loginAs, multipartFile, type TestApp } from '../test-support/test-app.js';

/**
 * Plants restricted values with unmistakable markers and checks that no public output carries them.
 * Public outputs so far: every GET an anonymous client can call. Later modules (search, OAI-PMH,
 * exports) add their outputs to PUBLIC_URLS.
 */
const MARKERS = {
  taxCode: '0999999999',
  internalNote: 'MAT-NOI-BO-7731',
  foundingDecisionNo: 'QD-MAT-5512',
  stRegCertNo: 'GCN-MAT-8820',
  researcherEmail: 'rieng.tu.4417@example.vn',
  researcherPhone: '0912 000 441',
  staffEmail: 'canbo.mat.9090@example.vn',
  taskContract: 'HD-MAT-3141',
  taskDecision: 'QD-NV-MAT-2718',
  taskPlan: 'KE-HOACH-UNG-DUNG-MAT-1618',
  taskReview: 'Y-KIEN-THAM-DINH-MAT-1414',
  draftTaskTitle: 'DE-TAI-NHAP-CHUA-CONG-BO-7777',
  restrictedFile: 'TEP-HAN-CHE-5150',
  restrictedFileName: 'ho-so-mat-6061.csv',
  dossierFileName: 'bao-cao-tong-hop-mat-4242.pdf',
  dossierReview: 'Y-KIEN-HO-SO-MAT-2323',
  acceptanceDecision: 'QD-NGHIEM-THU-MAT-9191',
  draftResultTitle: 'KET-QUA-NHAP-CHUA-DANG-KY-3535',
} as const;

let t: TestApp;
let orgId = '';
let researcherId = '';
let focalPointId = '';
let taskId = '';
let draftTaskId = '';
let fileId = '';
let registrationId = '';
let verificationCode = '';

beforeAll(async () => {
  // a web app to serve, so the public record pages (HTML with the record preloaded) are public outputs too
  const webDist = mkdtempSync(join(tmpdir(), 'stinet-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><html><head><title>stinet</title></head><body><div id="root"></div></body></html>');
  t = await createTestApp({ WEB_DIST_DIR: webDist });
  const hanoi = (await unitByCode(t.app, 'province', '01')).id;
  const admin = await loginAs(t.app, 'admin');
  const org = await admin.post(
    '/api/organizations',
    organizationBody(hanoi, {
      nameVi: 'Viện Kiểm thử Bảo mật Dữ liệu',
      taxCode: MARKERS.taxCode,
      internalNote: MARKERS.internalNote,
      foundingDecisionNo: MARKERS.foundingDecisionNo,
      stRegCertNo: MARKERS.stRegCertNo,
    }),
  );
  expect(org.statusCode).toBe(201);
  orgId = (org.json() as { id: string }).id;
  const res = await admin.post('/api/researchers', {
    fullName: 'Hoàng Thị Bảo Mật',
    gender: 'F',
    birthYear: 1977,
    organizationId: orgId,
    email: MARKERS.researcherEmail,
    phone: MARKERS.researcherPhone,
  });
  expect(res.statusCode).toBe(201);
  researcherId = (res.json() as { id: string }).id;
  const fps = (await anonymous(t.app).get(`/api/focal-points?orgUnitId=${hanoi}`)).json() as { items: { id: string }[] };
  focalPointId = fps.items[0]?.id as string;
  expect((await admin.post(`/api/focal-points/${focalPointId}/staff`, { fullName: 'Cán bộ Kín', email: MARKERS.staffEmail })).statusCode).toBe(201);
  let task = (await admin.post('/api/tasks', taskBody(hanoi, orgId, { titleVi: 'Nhiệm vụ kiểm thử bảo mật', contractNo: MARKERS.taskContract, approvalDecisionNo: MARKERS.taskDecision, applicationPlan: MARKERS.taskPlan, budgetTotal: 987654 }))).json() as { id: string; version: number };
  taskId = task.id;
  task = (await admin.post(`/api/tasks/${task.id}/submit`, { version: task.version })).json() as { id: string; version: number };
  task = (await admin.post(`/api/tasks/${task.id}/review`, { decision: 'return', comment: MARKERS.taskReview, version: task.version })).json() as { id: string; version: number };
  task = (await admin.post(`/api/tasks/${task.id}/submit`, { version: task.version })).json() as { id: string; version: number };
  task = (await admin.post(`/api/tasks/${task.id}/review`, { decision: 'accept', version: task.version })).json() as { id: string; version: number };
  draftTaskId = ((await admin.post('/api/tasks', taskBody(hanoi, orgId, { titleVi: MARKERS.draftTaskTitle }))).json() as { id: string }).id;
  const upload = multipartFile(MARKERS.restrictedFileName, `ma,noi dung\n1,${MARKERS.restrictedFile}\n`);
  const file = await admin.request({ method: 'POST', url: `/api/files?organizationId=${orgId}&accessTier=restricted`, payload: upload.payload, headers: upload.headers });
  expect(file.statusCode).toBe(201);
  fileId = (file.json() as { id: string }).id;

  // a registered result whose dossier was returned once, with a restricted file name, and a draft dossier
  const accepted = (await admin.post(`/api/tasks/${taskId}/acceptance`, { acceptedOn: '2026-11-02', acceptanceRating: 'pass', acceptanceDecisionNo: MARKERS.acceptanceDecision, version: task.version })).json() as { version: number };
  expect(accepted.version).toBeGreaterThan(task.version);
  let reg = await completeDossier(admin, taskId, orgId);
  const extra = await uploadPdf(admin, orgId, MARKERS.dossierFileName, 'restricted');
  reg = (await admin.post(`/api/registrations/${reg.id}/files`, { fileId: extra.id, role: 'data' })).json() as Registration;
  reg = (await admin.post(`/api/registrations/${reg.id}/submit`, { version: reg.version })).json() as Registration;
  reg = (await admin.post(`/api/registrations/${reg.id}/review`, { decision: 'return', comment: MARKERS.dossierReview, version: reg.version })).json() as Registration;
  reg = (await admin.post(`/api/registrations/${reg.id}/submit`, { version: reg.version })).json() as Registration;
  reg = (await admin.post(`/api/registrations/${reg.id}/review`, { decision: 'register', version: reg.version })).json() as Registration;
  expect(reg.status).toBe('registered');
  registrationId = reg.id;
  verificationCode = reg.certificate?.verificationCode as string;
  const other = await publishedTask(admin, hanoi, orgId, { acceptedOn: '2026-11-02' });
  expect((await admin.post(`/api/tasks/${other.id}/registration`, { resultTitleVi: MARKERS.draftResultTitle, abstractVi: 'Tóm tắt.' })).statusCode).toBe(201);
});
afterAll(async () => {
  await t.close();
});

describe('restricted fields never reach public outputs', () => {
  it('staff can see the planted values (the test would otherwise prove nothing)', async () => {
    const admin = await loginAs(t.app, 'admin');
    const org = (await admin.get(`/api/organizations/${orgId}/full`)).body;
    const res = (await admin.get(`/api/researchers/${researcherId}/full`)).body;
    const staff = (await admin.get(`/api/focal-points/${focalPointId}/staff`)).body;
    for (const m of [MARKERS.taxCode, MARKERS.internalNote, MARKERS.foundingDecisionNo, MARKERS.stRegCertNo]) expect(org).toContain(m);
    const task = (await admin.get(`/api/tasks/${taskId}/full`)).body;
    for (const m of [MARKERS.taskContract, MARKERS.taskDecision, MARKERS.taskPlan]) expect(task).toContain(m);
    expect(task).toContain('987654');
    expect((await admin.get(`/api/tasks/${draftTaskId}/full`)).body).toContain(MARKERS.draftTaskTitle);
    expect((await admin.get(`/api/files/${fileId}/content`)).body).toContain(MARKERS.restrictedFile);
    expect(res).toContain(MARKERS.researcherEmail);
    expect(res).toContain('1977');
    expect(staff).toContain(MARKERS.staffEmail);
    const dossier = (await admin.get(`/api/registrations/${registrationId}`)).body;
    expect(dossier).toContain(MARKERS.dossierFileName);
    expect((await admin.get(`/api/audit?entityType=result_registration&entityId=${registrationId}`)).body).toContain(MARKERS.dossierReview);
    expect((await anonymous(t.app).get(`/api/results/${registrationId}`)).statusCode).toBe(200);
  });

  it('no anonymous GET shows them', async () => {
    const PUBLIC_URLS = [
      `/api/organizations/${orgId}`,
      '/api/organizations?q=kiem%20thu%20bao%20mat',
      '/api/organizations?pageSize=200&sort=-updated',
      `/api/researchers/${researcherId}`,
      '/api/researchers?q=bao%20mat',
      `/api/researchers?organizationId=${orgId}`,
      '/api/focal-points',
      '/api/open-data/changes?since=2000-01-01T00%3A00%3A00Z&limit=1000',
      '/api/open-data/dumps/current',
      '/api/open-data/dictionary',
      `/api/focal-points/${focalPointId}`,
      `/api/focal-points/${focalPointId}/staff`,
      `/api/organizations/${orgId}/full`,
      `/api/organizations/${orgId}/history`,
      `/api/researchers/${researcherId}/full`,
      `/api/researchers/${researcherId}/history`,
      '/api/audit',
      '/sitemap.xml',
      '/api/public/summary',
      '/sitemaps/pages-1.xml',
      '/sitemaps/tasks-1.xml',
      '/sitemaps/results-1.xml',
      '/sitemaps/organizations-1.xml',
      '/sitemaps/researchers-1.xml',
      `/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:stinet.local:organization/${orgId}`,
      `/oai?verb=GetRecord&metadataPrefix=oai_cerif_openaire&identifier=oai:stinet.local:organization/${orgId}`,
      `/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:stinet.local:person/${researcherId}`,
      `/oai?verb=GetRecord&metadataPrefix=oai_cerif_openaire&identifier=oai:stinet.local:person/${researcherId}`,
      `/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:stinet.local:project/${taskId}`,
      `/oai?verb=GetRecord&metadataPrefix=oai_cerif_openaire&identifier=oai:stinet.local:project/${taskId}`,
      `/oai?verb=GetRecord&metadataPrefix=oai_cerif_openaire&identifier=oai:stinet.local:project/${draftTaskId}`,
      `/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:stinet.local:product/${registrationId}`,
      `/oai?verb=GetRecord&metadataPrefix=oai_cerif_openaire&identifier=oai:stinet.local:product/${registrationId}`,
      `/oai?verb=ListRecords&metadataPrefix=oai_cerif_openaire&from=${new Date(Date.now() - 3_600_000).toISOString().slice(0, 10)}`,
      `/oai?verb=ListRecords&metadataPrefix=oai_dc&from=${new Date(Date.now() - 3_600_000).toISOString().slice(0, 10)}`,
      '/oai?verb=ListRecords&metadataPrefix=oai_cerif_openaire&set=openaire_cris_products',
      '/api/openapi.json',
      '/api/search?q=kiem%20thu%20bao%20mat&pageSize=100',
      '/api/search?q=bao%20mat&pageSize=100&type=researcher,organization',
      `/api/search?q=${encodeURIComponent(MARKERS.draftTaskTitle)}`,
      `/api/search?q=${encodeURIComponent(MARKERS.taskPlan)}`,
      `/api/search?q=${encodeURIComponent(MARKERS.internalNote)}`,
      `/api/search?q=${encodeURIComponent(MARKERS.draftResultTitle)}&type=result`,
      `/api/search?organization=${orgId}&pageSize=100`,
      '/api/tasks',
      '/api/tasks?q=kiem%20thu%20bao%20mat',
      '/api/tasks?pageSize=200&sort=-updated',
      `/api/tasks/${taskId}`,
      `/api/tasks/${draftTaskId}`,
      `/api/tasks/${taskId}/full`,
      `/api/tasks/${taskId}/history`,
      '/api/tasks/work',
      '/api/tasks/board',
      '/api/tasks/export?format=csv',
      '/api/tasks/export?format=csv&q=kiem%20thu%20bao%20mat',
      '/api/tasks/work/export?format=csv',
      '/api/tasks/import/template.csv',
      `/api/files/${fileId}`,
      `/api/files/${fileId}/content`,
      '/api/results',
      '/api/results?pageSize=200',
      `/api/results/${registrationId}`,
      `/api/certificates/verify/${verificationCode}`,
      `/api/registrations/${registrationId}`,
      '/api/registrations/work',
      `/tasks/${taskId}`,
      `/tasks/${draftTaskId}`,
      `/results/${registrationId}`,
      `/organizations/${orgId}`,
      `/researchers/${researcherId}`,
    ];
    for (const url of PUBLIC_URLS) {
      const body = (await anonymous(t.app).get(url)).body;
      for (const [name, marker] of Object.entries(MARKERS)) expect(body, `${url} leaks ${name}`).not.toContain(marker);
      if (url === '/api/openapi.json') continue; // the spec names staff-only fields; it holds no values
      expect(body, `${url} leaks a birth year`).not.toContain('"birthYear"');
      expect(body, `${url} leaks gender`).not.toContain('"gender":"F"');
      expect(body, `${url} leaks a task budget`).not.toContain('987654');
    }
  });

  it('the record pages preload the published records and nothing of the draft task', async () => {
    const pub = anonymous(t.app);
    const resultTitle = ((await pub.get(`/api/results/${registrationId}`)).json() as { resultTitleVi: string }).resultTitleVi;
    const pages: [string, string][] = [
      [`/tasks/${taskId}`, 'Nhiệm vụ kiểm thử bảo mật'],
      [`/organizations/${orgId}`, 'Viện Kiểm thử Bảo mật Dữ liệu'],
      [`/researchers/${researcherId}`, 'Hoàng Thị Bảo Mật'],
      [`/results/${registrationId}`, resultTitle],
    ];
    for (const [url, title] of pages) {
      const res = await pub.get(url);
      expect([url, res.statusCode]).toEqual([url, 200]);
      expect(res.body, url).toContain(`<title>${title}`); // the page carries the record: the PUBLIC_URLS checks prove something
      expect(res.body, url).toContain(`"key":"/api${url}"`);
    }
    const draft = await pub.get(`/tasks/${draftTaskId}`);
    expect(draft.statusCode).toBe(404);
    expect(draft.body).toContain('<meta name="robots" content="noindex" />');
    expect(draft.body).not.toContain('stinet-preload');
    // a signed-in administrator gets the same public page: nothing restricted is rendered for anyone
    const admin = await loginAs(t.app, 'admin');
    for (const url of [`/tasks/${taskId}`, `/organizations/${orgId}`, `/researchers/${researcherId}`, `/results/${registrationId}`, `/tasks/${draftTaskId}`]) {
      const body = (await admin.get(url)).body;
      for (const [name, marker] of Object.entries(MARKERS)) expect(body, `${url} (signed in) leaks ${name}`).not.toContain(marker);
      expect(body, `${url} (signed in) leaks a birth year`).not.toContain('"birthYear"');
      expect(body, `${url} (signed in) leaks a task budget`).not.toContain('987654');
    }
  });

  it('the sitemap lists the published task and not the draft', async () => {
    const tasks = (await anonymous(t.app).get('/sitemaps/tasks-1.xml')).body;
    expect(tasks).toContain(taskId);
    expect(tasks).not.toContain(draftTaskId);
  });

  it('the public task export (CSV and XLSX) holds the published task and no restricted value', async () => {
    const csv = (await anonymous(t.app).get('/api/tasks/export?format=csv&q=kiem%20thu%20bao%20mat')).body;
    expect(csv).toContain('Nhiệm vụ kiểm thử bảo mật'); // the export is not empty: the checks below prove something
    const xlsx = await anonymous(t.app).get('/api/tasks/export?format=xlsx&q=kiem%20thu%20bao%20mat');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
    expect(cells).toContain('Nhiệm vụ kiểm thử bảo mật');
    const text = cells.join('\n');
    for (const [name, marker] of Object.entries(MARKERS)) expect(text, `XLSX export leaks ${name}`).not.toContain(marker);
    expect(text, 'XLSX export leaks a task budget').not.toContain('987654');
  });

  it('staff out of scope do not see them either', async () => {
    const hcm = await loginAs(t.app, 'officer.hcm');
    for (const url of [`/api/organizations/${orgId}/full`, `/api/researchers/${researcherId}/full`, `/api/focal-points/${focalPointId}/staff`, `/api/organizations/${orgId}/history`, `/api/files/${fileId}`, `/api/files/${fileId}/content`]) {
      const res = await hcm.get(url);
      expect(res.statusCode).toBe(403);
      for (const marker of Object.values(MARKERS)) expect(res.body).not.toContain(marker);
    }
  });
});

describe('application-of-results reports: the public list carries only the public fields', () => {
  const REPORT_MARKERS = {
    difficulties: 'KHO-KHAN-MAT-8118',
    ipSummary: 'SO-HUU-TRI-TUE-MAT-8228',
    reviewComment: 'Y-KIEN-PHIEU-MAT-8338',
    signedCopy: 'ban-ky-phieu-mat-8448.pdf',
    revenue: '765432.1',
    transferValue: '54321.9',
    unacceptedPlaces: 'NOI-AP-DUNG-CHUA-DUYET-8558',
  } as const;
  let reportId = '';
  let reportTaskId = '';
  let hanoiId = '';

  beforeAll(async () => {
    hanoiId = (await unitByCode(t.app, 'province', '01')).id;
    const admin = await loginAs(t.app, 'admin');
    reportTaskId = (await publishedTask(admin, hanoiId, orgId, { acceptedOn: '2024-06-03', overrides: { titleVi: 'Nhiệm vụ kiểm thử bảo mật phiếu ứng dụng' } })).id;
    const signed = await uploadPdf(admin, orgId, REPORT_MARKERS.signedCopy, 'restricted');
    const fields = {
      applicationStatus: 'applied',
      placesApplied: 'Sở Y tế tỉnh',
      revenue: Number(REPORT_MARKERS.revenue),
      transferContracts: 3,
      transferValue: Number(REPORT_MARKERS.transferValue),
      ipSummary: REPORT_MARKERS.ipSummary,
      difficulties: REPORT_MARKERS.difficulties,
      fileId: signed.id,
    };
    let r = (await admin.post(`/api/tasks/${reportTaskId}/application-reports`, { yearIndex: 1, ...fields })).json() as { id: string; version: number };
    r = (await admin.post(`/api/application-reports/${r.id}/submit`, { version: r.version })).json() as { id: string; version: number };
    r = (await admin.post(`/api/application-reports/${r.id}/review`, { decision: 'accept', comment: REPORT_MARKERS.reviewComment, version: r.version })).json() as { id: string; version: number };
    reportId = r.id;
    let y2 = (await admin.post(`/api/tasks/${reportTaskId}/application-reports`, { yearIndex: 2, applicationStatus: 'applied', placesApplied: REPORT_MARKERS.unacceptedPlaces })).json() as { id: string; version: number };
    y2 = (await admin.post(`/api/application-reports/${y2.id}/submit`, { version: y2.version })).json() as { id: string; version: number };
    expect(y2.id).toBeDefined();
  });

  it('staff in scope see the planted values', async () => {
    const admin = await loginAs(t.app, 'admin');
    const body = (await admin.get(`/api/application-reports/${reportId}`)).body;
    for (const m of Object.values(REPORT_MARKERS).filter((m) => m !== REPORT_MARKERS.unacceptedPlaces)) expect(body).toContain(m);
    expect((await anonymous(t.app).get('/api/application-reports?q=kiem%20thu%20bao%20mat%20phieu')).body).toContain(reportId);
  });

  it('no anonymous GET shows them, and out-of-scope officers are refused', async () => {
    const urls = [
      '/api/application-reports',
      '/api/application-reports?pageSize=200',
      '/api/application-reports?q=kiem%20thu%20bao%20mat%20phieu',
      `/api/application-reports?leadOrganizationId=${orgId}&year=2025`,
      `/api/application-reports/${reportId}`,
      `/api/tasks/${reportTaskId}/application-reports`,
      '/api/application-reports/work',
      `/api/application-reports/summary?unitId=${hanoiId}&year=2025`,
      `/api/application-reports/summary.xlsx?unitId=${hanoiId}&year=2025`,
    ];
    for (const url of urls) {
      const body = (await anonymous(t.app).get(url)).body;
      for (const [name, marker] of Object.entries({ ...MARKERS, ...REPORT_MARKERS })) expect(body, `${url} leaks ${name}`).not.toContain(marker);
      for (const field of ['"revenue"', '"transferValue"', '"transferContracts"', '"difficulties"', '"ipSummary"', '"reviewComment"', '"file"']) expect(body, `${url} leaks ${field}`).not.toContain(field);
    }
    const hcm = await loginAs(t.app, 'officer.hcm');
    for (const url of [`/api/application-reports/${reportId}`, `/api/tasks/${reportTaskId}/application-reports`, `/api/application-reports/summary?unitId=${hanoiId}&year=2025`]) {
      const res = await hcm.get(url);
      expect(res.statusCode).toBe(403);
      for (const marker of Object.values(REPORT_MARKERS)) expect(res.body).not.toContain(marker);
    }
  });
});

describe('statistics: unit data, withheld cells and embargoed releases never reach the public', () => {
  const MARK = '987123';
  let reportId = '';
  let publishedId = '';
  let embargoedId = '';

  beforeAll(async () => {
    const admin = await loginAs(t.app, 'admin');
    const hanoi = (await unitByCode(t.app, 'province', '01')).id;
    const org = ((await admin.post('/api/organizations', organizationBody(hanoi))).json() as { id: string }).id;
    const period = (await admin.post('/api/stats/periods', { year: 2019 })).json() as { id: string };
    reportId = ((await admin.post(`/api/stats/periods/${period.id}/assignments`, { organizationIds: [org], forms: [{ code: '02/CS-KHCN' }] })).json() as { reportIds: string[] }).reportIds[0] as string;
    // one unit with a unique headcount: withheld below 3 units in the published release, whole in the embargoed one
    await fillAndApprove(admin, reportId, [{ weight: Number(MARK), attrs: { SEX: ['M'], NATIONALITY: ['VN'], ETHNICITY: ['KINH'], TRAINING_FIELD: ['1'], QUALIFICATION: ['TS'], TITLE: [] } }]);
    const past = new Date(Date.now() - 60_000).toISOString();
    const future = new Date(Date.now() + 7 * 86_400_000).toISOString();
    publishedId = ((await admin.post('/api/stats/releases', { periodId: period.id, formCode: '02/CS-KHCN', embargoUntil: past, suppressBelow: 3 })).json() as { id: string }).id;
    embargoedId = ((await admin.post('/api/stats/releases', { periodId: period.id, formCode: '02/CS-KHCN', embargoUntil: future })).json() as { id: string }).id;
  });

  it('staff see the planted value (the test would otherwise prove nothing)', async () => {
    const admin = await loginAs(t.app, 'admin');
    expect((await admin.get(`/api/stats/releases/${embargoedId}`)).body).toContain(MARK);
    expect((await admin.get(`/api/stats/reports/${reportId}`)).body).toContain(MARK);
  });

  it('no public statistics output shows it', async () => {
    const pub = anonymous(t.app);
    const urls = [
      '/api/public/stats/releases',
      '/api/public/stats/releases?year=2019',
      `/api/public/stats/releases/${publishedId}`,
      `/api/public/stats/releases/${publishedId}/csv`,
      `/api/public/stats/releases/${publishedId}/sdmx`,
      `/api/public/stats/releases/${embargoedId}`,
      `/api/public/stats/releases/${embargoedId}/csv`,
      `/api/public/stats/releases/${embargoedId}/sdmx`,
      '/api/public/stats/sdmx/DF_ST_PERS?year=2019',
      '/api/public/stats/series?formCode=02%2FCS-KHCN&row=01&column=C1',
      '/api/public/stats/series?formCode=02%2FCS-KHCN&row=01&column=C1&area=01',
      '/api/public/stats/indicators',
      `/api/stats/releases/${embargoedId}`,
      `/api/stats/reports/${reportId}`,
      `/api/stats/reports/${reportId}/xlsx`,
      '/api/stats/aggregates?periodId=00000000-0000-0000-0000-000000000000&formCode=02%2FCS-KHCN',
    ];
    for (const url of urls) expect((await pub.get(url)).body, url).not.toContain(MARK);
    expect((await pub.get(`/api/public/stats/releases/${publishedId}`)).statusCode).toBe(200);
    expect((await pub.get(`/api/public/stats/releases/${embargoedId}`)).statusCode).toBe(404);
    const xlsx = await pub.get(`/api/public/stats/releases/${publishedId}/xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const text = wb.worksheets.map((w) => JSON.stringify(w.getSheetValues())).join('\n');
    expect(text).toContain('"c"');
    expect(text).not.toContain(MARK);
  });
});

describe('open data: the dumps and the changes feed carry only public fields of public records', () => {
  let files: { name: string }[] = [];

  beforeAll(async () => {
    const admin = await loginAs(t.app, 'admin');
    expect((await admin.post('/api/open-data/dumps')).statusCode).toBe(202);
    for (let i = 0; i < 600; i++) {
      const cur = (await anonymous(t.app).get('/api/open-data/dumps/current')).json() as { manifest: { files: { name: string }[] } | null; job: { status: string } | null };
      if (cur.job && cur.job.status !== 'running') {
        expect(cur.job.status).toBe('succeeded');
        files = [...(cur.manifest?.files ?? []), { name: 'manifest.json' }];
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  it('no dump file and no page of the changes feed shows a planted value', async () => {
    const pub = anonymous(t.app);
    expect(files.length).toBeGreaterThan(8);
    const tasks = (await pub.get('/api/open-data/files/tasks.jsonl')).body;
    expect(tasks).toContain('Nhiệm vụ kiểm thử bảo mật'); // the published task is in the dump: the checks below prove something
    const urls = [...files.map((f) => `/api/open-data/files/${f.name}`), '/api/open-data/changes?since=2000-01-01T00%3A00%3A00Z&limit=1000', '/api/open-data/dumps/current'];
    for (const url of urls) {
      const res = await pub.get(url);
      expect(res.statusCode, url).toBe(200);
      for (const [name, marker] of Object.entries(MARKERS)) expect(res.body, `${url} leaks ${name}`).not.toContain(marker);
      expect(res.body, `${url} leaks a birth year`).not.toContain('"birthYear"');
      expect(res.body, `${url} leaks gender`).not.toContain('"gender"');
      expect(res.body, `${url} leaks a task budget`).not.toContain('987654');
      expect(res.body, `${url} leaks the draft task`).not.toContain(draftTaskId);
    }
  });
});
