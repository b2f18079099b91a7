import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser.js';
import { DEMO_PASSWORD, XLSX_TYPE, visible, apiResponse, audit } from './support.js';

const CSV_TYPE = 'text/csv; charset=utf-8';
/** The field keys of the import template (TASK_IMPORT_COLUMNS in packages/shared), in template order. */
const KEYS = [
  'code', 'titleVi', 'titleEn', 'levelCode', 'formCode', 'programme', 'fundingType', 'approvalDecisionNo', 'approvalDecisionDate', 'contractNo',
  'contractDate', 'managingUnitCode', 'leadOrganizationCode', 'piName', 'piResearcherCode', 'members', 'fieldCodes2025', 'fieldCodes2008', 'seoCode',
  'startDate', 'endDate', 'budgetTotal', 'budgetStateCentral', 'budgetStateLocal', 'budgetOther', 'objectives', 'content', 'methods', 'expectedProducts',
  'applicationPlan', 'isStateSecret',
] as const;

type Row = Partial<Record<(typeof KEYS)[number], string>>;

let browser: Browser;
let officer: { context: BrowserContext; page: Page };

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
  officer = { context, page: await context.newPage() };
});
afterAll(async () => {
  await browser?.close();
});

/** One CSV field, quoted when it holds a delimiter, a quote or a line break. */
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A CSV file as the template's CSV form: UTF-8 with a BOM, the key header row, one line per row. */
function csvOf(rows: Row[]): Buffer {
  const lines = [KEYS.join(','), ...rows.map((r) => KEYS.map((k) => csvField(r[k] ?? '')).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The whole content of a download. */
async function contentOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Picks a CSV file through the import page's file field (a button that opens the file chooser). */
async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  const field = page.getByLabel('Tệp cần nhập (XLSX hoặc CSV)', { exact: true });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 15_000 }), field.click()]);
  await chooser.setFiles({ name, mimeType: 'text/csv', buffer });
  await expect.poll(() => field.innerText()).toBe(name);
}

/** Task codes in the officer's work list that equal `code` (the list's search matches a code exactly). */
async function workCodes(page: Page, code: string): Promise<string[]> {
  const res = await page.request.get(`${baseUrl()}/api/tasks/work?q=${encodeURIComponent(code)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: { code: string }[] }).items.map((i) => i.code).filter((c) => c === code);
}

describe('the Hà Nội focal officer imports tasks from a CSV file and exports the work list', () => {
  const suffix = Date.now().toString(36).slice(-5);
  const codes = [1, 2, 3].map((n) => `NK-E2E-${suffix}-${n}`);
  const titleToken = `nhập tệp ${suffix}`;
  let rows: Row[] = [];

  it('logs in, opens the import page from the work list and downloads both templates', async () => {
    const { page } = officer;
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel('Tên đăng nhập', { exact: true }).fill('officer.hanoi');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/staff/);

    // the lead organization: one registered in Hà Nội (province code 01), its code read through the API
    const units = (await (await page.request.get(`${baseUrl()}/api/org-units?kind=province&pageSize=500`)).json()) as { items: { id: string; code: string }[] };
    const hanoi = units.items.find((u) => u.code === '01');
    expect(hanoi).toBeDefined();
    const orgs = (await (await page.request.get(`${baseUrl()}/api/organizations?provinceUnitId=${hanoi?.id ?? ''}&pageSize=1`)).json()) as { items: { code: string }[] };
    const orgCode = orgs.items[0]?.code ?? '';
    expect(orgCode).not.toBe('');
    rows = codes.map((code, i) => ({
      code,
      titleVi: `Nghiên cứu thử nghiệm ${titleToken} số ${i + 1}`,
      levelCode: 'TINH',
      formCode: 'DT',
      fundingType: 'NSNN',
      contractNo: `${i + 1}/2026/HĐ-${suffix}`,
      contractDate: '2026-02-02',
      managingUnitCode: '01',
      leadOrganizationCode: orgCode,
      piName: 'TS. Nguyễn Thị Lan',
      members: 'ThS. Trần Văn Bình; KS. Lê Thu Hà (thư ký)',
      fieldCodes2025: '401',
      startDate: '2026-03-01',
      endDate: '2027-12-31',
      budgetTotal: '1500',
      budgetStateLocal: '1200',
      budgetOther: '300',
      objectives: 'Mục tiêu thử nghiệm nhập từ tệp.',
      content: 'Nội dung chính, gồm dấu phẩy; và "ngoặc kép".',
      expectedProducts: 'Báo cáo tổng hợp.',
      isStateSecret: 'Không',
    }));

    await page.goto(`${baseUrl()}/staff/tasks`);
    await page.getByRole('link', { name: 'Nhập từ tệp' }).click();
    await page.waitForURL(/\/staff\/tasks\/import$/);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Nhập nhiệm vụ từ tệp' }).count(), { timeout: 15_000 }).toBe(1);

    // the XLSX template: served with the session, and the link downloads it
    const xlsxLink = page.getByRole('link', { name: 'Tải mẫu XLSX' });
    const xlsxHref = (await xlsxLink.getAttribute('href')) ?? '';
    expect(xlsxHref).toBe('/api/tasks/import/template.xlsx');
    const xlsx = await page.request.get(`${baseUrl()}${xlsxHref}`);
    expect([xlsx.status(), xlsx.headers()['content-type']]).toEqual([200, XLSX_TYPE]);
    expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), xlsxLink.click()]);
    expect(xlsxDownload.suggestedFilename()).toBe('mau-nhap-nhiem-vu.xlsx');
    expect((await contentOf(xlsxDownload)).subarray(0, 2).toString('latin1')).toBe('PK');

    // the CSV template: UTF-8 with a BOM, the labels then the keys
    const csvLink = page.getByRole('link', { name: 'Tải mẫu CSV' });
    const csvHref = (await csvLink.getAttribute('href')) ?? '';
    expect(csvHref).toBe('/api/tasks/import/template.csv');
    const csv = await page.request.get(`${baseUrl()}${csvHref}`);
    expect([csv.status(), csv.headers()['content-type']]).toEqual([200, CSV_TYPE]);
    const [csvDownload] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), csvLink.click()]);
    expect(csvDownload.suggestedFilename()).toBe('mau-nhap-nhiem-vu.csv');
    const template = await contentOf(csvDownload);
    expect([...template.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(template.toString('utf8')).toContain(KEYS.join(','));
  });

  it('a file with a bad date and an unknown field code imports nothing and lists both problems (no WCAG 2.1 AA violation)', async () => {
    const { page } = officer;
    expect(rows).toHaveLength(3);
    const bad = [rows[0] as Row, { ...rows[1], startDate: '2026-02-30' }, { ...rows[2], fieldCodes2025: '999' }];
    await chooseFile(page, `nhiem-vu-loi-${suffix}.csv`, csvOf(bad));
    const refused = apiResponse(page, 'POST', /^\/api\/tasks\/import$/);
    await page.getByRole('button', { name: 'Tải lên và nhập' }).click();
    expect((await refused).status()).toBe(422);

    await visible(page, 'Chưa nhập nhiệm vụ nào');
    await visible(page, /Tệp có 2 lỗi nên không dòng nào được nhập/);
    const table = page.getByRole('table', { name: 'Danh sách lỗi của tệp nhập' });
    await expect.poll(() => table.getByRole('rowheader').allInnerTexts(), { timeout: 15_000 }).toEqual(['3', '4']);
    // the key header is row 1, so the CSV's data rows are 2, 3, 4
    const dateRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '3', exact: true }) });
    expect(await dateRow.getByRole('cell').allInnerTexts()).toEqual(['Ngày bắt đầu', 'Ngày "2026-02-30" không hợp lệ: dùng YYYY-MM-DD hoặc DD/MM/YYYY.']);
    const fieldRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '4', exact: true }) });
    expect(await fieldRow.getByRole('cell').allInnerTexts()).toEqual(['Mã lĩnh vực KH&CN (2025)', 'Mã không có trong danh mục FOS2025: 999.']);

    // all or nothing: not even the valid first row was written
    for (const code of codes) expect(await workCodes(page, code)).toEqual([]);

    // the import page with the error table shown has no WCAG 2.1 AA violation
    expect(await audit(page)).toEqual([]);
  });

  it('the corrected file imports the 3 tasks as drafts, which the work list finds', async () => {
    const { page } = officer;
    await page.getByRole('button', { name: 'Nhập tệp khác' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Danh sách lỗi của tệp nhập' }).count()).toBe(0);
    await chooseFile(page, `nhiem-vu-${suffix}.csv`, csvOf(rows));
    const imported = apiResponse(page, 'POST', /^\/api\/tasks\/import$/);
    await page.getByRole('button', { name: 'Tải lên và nhập' }).click();
    expect((await imported).status()).toBe(201);
    await visible(page, 'Đã nhập 3 nhiệm vụ');
    await visible(page, `Tệp: nhiem-vu-${suffix}.csv`);
    for (const code of codes) expect(await workCodes(page, code)).toEqual([code]);

    await page.getByRole('link', { name: 'Mở danh sách nhiệm vụ nháp' }).click();
    await page.waitForURL(/\/staff\/tasks\?status=draft$/);
    await page.getByRole('searchbox', { name: 'Tìm nhiệm vụ' }).fill(titleToken);
    await page.waitForURL(/[?&]q=/);
    const list = page.getByRole('table', { name: 'Nhiệm vụ KH&CN: Nháp' });
    await expect
      .poll(async () => (await list.getByRole('rowheader').allInnerTexts()).sort(), { timeout: 15_000 })
      .toEqual(rows.map((r) => r.titleVi).sort());
    for (const code of codes) {
      const row = list.getByRole('row').filter({ hasText: code });
      expect(await row.getByText('Nháp', { exact: true }).count()).toBe(1);
    }
  });

  it('the work list’s export buttons download the imported tasks', async () => {
    const { page } = officer;
    // the export follows the list's filters (draft, the search above)
    const csvButton = page.getByRole('link', { name: 'Xuất CSV' });
    await expect.poll(() => csvButton.getAttribute('href')).toMatch(/^\/api\/tasks\/work\/export\?.*format=csv/);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), csvButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^nhiem-vu-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await contentOf(download)).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    for (const code of codes) expect(text).toContain(code);

    const xlsxHref = (await page.getByRole('link', { name: 'Xuất XLSX' }).getAttribute('href')) ?? '';
    const xlsx = await page.request.get(`${baseUrl()}${xlsxHref}`);
    expect([xlsx.status(), xlsx.headers()['content-type']]).toEqual([200, XLSX_TYPE]);
  });
});
