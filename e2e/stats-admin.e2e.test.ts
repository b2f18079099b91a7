import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser.js';
import { apiOf, apiResponse, audit, chooseOption, signedIn, visible } from './support.js';

let browser: Browser;
let admin: { context: BrowserContext; page: Page };
let officer: { context: BrowserContext; page: Page };

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await signedIn(browser, 'admin');
  officer = await signedIn(browser, 'officer.hanoi');
});
afterAll(async () => {
  await browser?.close();
});

interface ReleaseRow {
  id: string;
  status: string;
  titleVi: string;
}

describe('the national admin releases a form with an embargo, then withdraws it', () => {
  const title = `Bản công bố thử nghiệm ${Date.now().toString(36).slice(-6)}`;
  let releaseId = '';

  it('creates a release embargoed until tomorrow 09:00 (Vietnam time): it shows as embargoed', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/staff/stats`);
    await page.getByRole('link', { name: 'Công bố số liệu' }).click();
    await page.waitForURL(/\/staff\/stats\/releases/);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Công bố số liệu thống kê' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Tạo bản công bố' }).click();
    const dialog = page.getByRole('dialog');
    await chooseOption(page, 'Kỳ báo cáo', /^Năm 2023$/);
    await chooseOption(page, 'Biểu báo cáo', /^03\/CS-KHCN/);
    // the default embargo: tomorrow at 09:00
    expect(await dialog.getByLabel('Giờ công bố (giờ Việt Nam)').inputValue()).toBe('09:00');
    expect(await dialog.getByLabel('Ngày công bố').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await dialog.getByLabel('Ngưỡng ẩn ô nhỏ').fill('3');
    await dialog.getByLabel('Tiêu đề (tiếng Việt)').fill(title);
    const created = apiResponse(page, 'POST', /^\/api\/stats\/releases$/);
    await dialog.getByRole('button', { name: 'Tạo bản công bố' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as ReleaseRow;
    expect(body.status).toBe('embargoed');
    releaseId = body.id;
    const row = page.getByRole('row', { name: new RegExp(title) });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.getByText('Chờ công bố', { exact: true }).count()).toBe(1);
  });

  it('the preview shows the national table with its downloads; the page has no accessibility violations', async () => {
    const { page } = admin;
    await page.waitForURL(new RegExp(`release=${releaseId}`));
    await visible(page, `Xem trước: ${title}`);
    const table = page.getByTestId('release-table');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    for (const name of ['CSV', 'SDMX-CSV', 'XLSX']) expect(await page.getByRole('link', { name, exact: true }).count()).toBe(1);
    const csv = await admin.context.request.get(`${baseUrl()}/api/stats/releases/${releaseId}/csv`);
    expect(csv.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    expect(await audit(page)).toEqual([]);
  });

  it('the anonymous public API does not list the embargoed release', async () => {
    const res = await fetch(`${baseUrl()}/api/public/stats/releases?year=2023`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as { items: ReleaseRow[] };
    expect(list.items.map((r) => r.id)).not.toContain(releaseId);
    expect((await fetch(`${baseUrl()}/api/public/stats/releases/${releaseId}`)).status).toBe(404);
  });

  it('withdraws it with a reason: it shows as withdrawn with the reason', async () => {
    const { page } = admin;
    const row = page.getByRole('row', { name: new RegExp(title) });
    await row.getByRole('button', { name: /^Rút/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Lý do rút').fill('Phát hiện sai sót khi kiểm tra lần cuối.');
    const withdrawn = apiResponse(page, 'POST', /\/api\/stats\/releases\/.+\/withdraw$/);
    await dialog.getByRole('button', { name: 'Rút bản công bố' }).click();
    expect((await withdrawn).status()).toBe(200);
    await expect.poll(() => row.getByText('Đã rút', { exact: true }).count(), { timeout: 15_000 }).toBe(1);
    await visible(page, 'Lý do rút: Phát hiện sai sót khi kiểm tra lần cuối.');
    const staff = await (await apiOf(admin.context.request)).get<ReleaseRow>(`/api/stats/releases/${releaseId}`);
    expect(staff.status).toBe('withdrawn');
  });
});

describe('the admin assigns form 04 in a new period; the officer pre-fills it from the task registry', () => {
  let periodId = '';
  let reportId = '';

  it('the admin opens a period and assigns form 04/CS-KHCN to an organization through the dialog', async () => {
    const adminApi = await apiOf(admin.context.request);
    const existing = await adminApi.get<{ items: { year: number }[] }>('/api/stats/periods');
    const taken = new Set(existing.items.map((p) => p.year));
    // a year the demo task registry covers, if one is free
    let year = [2022, 2021, 2020, 2019, 2018].find((y) => !taken.has(y)) ?? 2000 + (Date.now() % 100);
    while (taken.has(year)) year = year >= 2100 ? 2000 : year + 1;
    periodId = (await adminApi.post<{ id: string }>('/api/stats/periods', { year })).id;

    const { page } = admin;
    await page.goto(`${baseUrl()}/staff/stats?period=${periodId}`);
    await page.getByRole('button', { name: 'Giao biểu báo cáo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: /^04\/CS-KHCN/ }).check();
    await dialog.getByLabel('Tổ chức', { exact: true }).fill('Quang Tân');
    await page.getByRole('option', { name: /Quang Tân/ }).first().click();
    const assigned = apiResponse(page, 'POST', /\/api\/stats\/periods\/.+\/assignments$/);
    await dialog.getByRole('button', { name: 'Giao biểu' }).click();
    const response = await assigned;
    expect(response.status()).toBe(200);
    const result = (await response.json()) as { created: number; existing: number; reportIds: string[] };
    expect(result.created).toBe(1);
    reportId = result.reportIds[0] ?? '';
    await visible(page, 'Đã tạo 1 báo cáo, 0 báo cáo đã được giao trước đó.');
  });

  it('the officer pre-fills the report: the cells are filled as unsaved edits with a notice, nothing is saved', async () => {
    const { page } = officer;
    await page.goto(`${baseUrl()}/staff/stats/reports/${reportId}`);
    await visible(page, /^04\/CS-KHCN — /);
    const first = page.locator('input[data-row="0"][data-col="0"]');
    await expect.poll(() => first.count(), { timeout: 15_000 }).toBe(1);
    expect(await first.inputValue()).toBe('');
    const fetched = apiResponse(page, 'GET', /\/api\/stats\/reports\/.+\/prefill$/);
    await page.getByRole('button', { name: 'Điền sẵn từ CSDL nhiệm vụ' }).click();
    expect((await fetched).status()).toBe(200);
    await visible(page, /^\d+ nhiệm vụ được tính; hãy kiểm tra và lưu\.$/);
    await expect.poll(() => first.inputValue()).toMatch(/^\d/);
    await visible(page, 'Có thay đổi chưa lưu.');
    const stored = await (await apiOf(officer.context.request)).get<{ cells: unknown[] }>(`/api/stats/reports/${reportId}`);
    expect(stored.cells).toEqual([]);
    expect(await audit(page)).toEqual([]);
  });

  it('pre-filling over a different value asks first; confirmed, it overwrites; saving keeps the cells', async () => {
    const { page } = officer;
    const first = page.locator('input[data-row="0"][data-col="0"]');
    const proposed = await first.inputValue();
    await first.fill('987');
    await page.locator('input[data-row="1"][data-col="0"]').focus();
    await page.getByRole('button', { name: 'Điền sẵn từ CSDL nhiệm vụ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ghi đè số liệu đã nhập?' });
    await expect.poll(() => dialog.count(), { timeout: 15_000 }).toBe(1);
    await dialog.getByRole('button', { name: 'Ghi đè' }).click();
    await expect.poll(() => first.inputValue()).toBe(proposed);
    const saved = apiResponse(page, 'PUT', /\/api\/stats\/reports\/.+\/cells$/);
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    expect((await saved).status()).toBe(200);
    const stored = await (await apiOf(officer.context.request)).get<{ cells: unknown[] }>(`/api/stats/reports/${reportId}`);
    expect(stored.cells.length).toBeGreaterThan(0);
  });

  it('the admin closes the period (badge with the date), then reopens it with a reason', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/staff/stats?period=${periodId}`);
    await page.getByRole('button', { name: 'Khóa kỳ báo cáo' }).click();
    const closed = apiResponse(page, 'POST', /\/api\/stats\/periods\/.+\/close$/);
    await page.getByRole('dialog').getByRole('button', { name: 'Khóa kỳ báo cáo' }).click();
    expect((await closed).status()).toBe(200);
    await visible(page, /^Đã khóa ngày \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    await page.getByRole('button', { name: 'Mở lại kỳ báo cáo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Lý do mở lại').fill('Bổ sung báo cáo của một đơn vị.');
    const reopened = apiResponse(page, 'POST', /\/api\/stats\/periods\/.+\/reopen$/);
    await dialog.getByRole('button', { name: 'Mở lại kỳ báo cáo' }).click();
    expect((await reopened).status()).toBe(200);
    await expect.poll(() => page.getByRole('button', { name: 'Khóa kỳ báo cáo' }).count(), { timeout: 15_000 }).toBe(1);
  });
});
