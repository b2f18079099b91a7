import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser.js';
import { apiOf, apiResponse, audit, signedIn, visible } from './support.js';

let browser: Browser;
let admin: { context: BrowserContext; page: Page };
let reporter: { context: BrowserContext; page: Page };
let officer: { context: BrowserContext; page: Page };

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await signedIn(browser, 'admin');
  reporter = await signedIn(browser, 'reporter');
  officer = await signedIn(browser, 'officer.hanoi');
});
afterAll(async () => {
  await browser?.close();
});

/** The input of one cell of form 02/CS-KHCN, named "<row code> <row label> — <column label>". */
const cell = (page: Page, row: string, column: string) => page.getByLabel(`${row} — ${column}`, { exact: true });
const TOTAL_ROW = '01 Tổng số';
const QUALIFICATIONS = ['Tiến sĩ', 'Thạc sĩ', 'Đại học', 'Cao đẳng', 'Trung cấp', 'Khác'] as const;

/** Types the total and the six qualification columns of row 01 (leaving each cell, as a user tabbing through). */
async function fillTotalRow(page: Page, total: number, parts: readonly number[]): Promise<void> {
  await cell(page, TOTAL_ROW, 'Tổng số').fill(String(total));
  for (const [i, column] of QUALIFICATIONS.entries()) await cell(page, TOTAL_ROW, column).fill(String(parts[i] ?? 0));
  await cell(page, TOTAL_ROW, 'Tổng số').focus();
}

const statusBadge = (page: Page, text: string) => visible(page, text);

describe('a unit fills form 02/CS-KHCN in the grid; the province returns it, then approves it; the national dashboard shows it', () => {
  const comment = `Kiểm tra lại số tiến sĩ (${Date.now().toString(36).slice(-5)}).`;
  let periodId = '';
  let reportId = '';
  let reportUrl = '';

  it('the admin opens a period and assigns form 02 to the reporter’s organization (through the API)', async () => {
    const adminApi = await apiOf(admin.context.request);
    const reporterApi = await apiOf(reporter.context.request);
    const existing = await adminApi.get<{ items: { year: number }[] }>('/api/stats/periods');
    const taken = new Set(existing.items.map((p) => p.year));
    let year = 2000 + (Date.now() % 100);
    while (taken.has(year)) year = year >= 2100 ? 2000 : year + 1;
    const period = await adminApi.post<{ id: string; year: number }>('/api/stats/periods', { year });
    periodId = period.id;
    const orgId = reporterApi.me.user.organization?.id ?? '';
    expect(orgId).not.toBe('');
    const assigned = await adminApi.post<{ reportIds: string[] }>(`/api/stats/periods/${periodId}/assignments`, { organizationIds: [orgId], forms: [{ code: '02/CS-KHCN' }] });
    expect(assigned.reportIds.length).toBe(1);
    reportId = assigned.reportIds[0] ?? '';
    reportUrl = `${baseUrl()}/staff/stats/reports/${reportId}`;
  });

  it('the reporter finds the report on the work page (no accessibility violations)', async () => {
    const { page } = reporter;
    await page.goto(`${baseUrl()}/staff`);
    await page.getByRole('link', { name: 'Thống kê KH&CN' }).click();
    await page.waitForURL(/\/staff\/stats$/);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Báo cáo thống kê KH&CN' }).count()).toBe(1);
    await page.goto(`${baseUrl()}/staff/stats?period=${periodId}`);
    const link = page.locator(`a[href="/staff/stats/reports/${reportId}"]`);
    await expect.poll(() => link.count(), { timeout: 15_000 }).toBe(1);
    await page.waitForLoadState('networkidle');
    expect(await audit(page)).toEqual([]);
    await link.click();
    await page.waitForURL(/\/staff\/stats\/reports\//);
    await visible(page, '02/CS-KHCN — Nhân lực hoạt động khoa học và công nghệ');
    await statusBadge(page, 'Đang soạn');
  });

  it('a total that does not add up shows an error at its cell; the refused save keeps nothing; fixed, it saves and submits', async () => {
    const { page } = reporter;
    await fillTotalRow(page, 10, [2, 3, 4, 0, 0, 0]);
    const total = cell(page, TOTAL_ROW, 'Tổng số');
    await expect.poll(() => total.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    await visible(page, /Tổng số phải bằng tổng theo trình độ/);
    // "Gửi" is disabled while an error remains
    expect(await page.getByRole('button', { name: 'Gửi', exact: true }).isDisabled()).toBe(true);
    // the server refuses the whole save and points at the same cell
    const refused = apiResponse(page, 'PUT', /\/api\/stats\/reports\/.+\/cells$/);
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    expect((await refused).status()).toBe(422);
    await visible(page, 'Chưa lưu được');
    const stored = await (await apiOf(reporter.context.request)).get<{ cells: unknown[] }>(`/api/stats/reports/${reportId}`);
    expect(stored.cells).toEqual([]);
    expect(await audit(page)).toEqual([]);

    await total.fill('9');
    await cell(page, TOTAL_ROW, 'Tiến sĩ').focus();
    await expect.poll(() => total.getAttribute('aria-invalid'), { timeout: 10_000 }).toBeNull();
    const saved = apiResponse(page, 'PUT', /\/api\/stats\/reports\/.+\/cells$/);
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    expect((await saved).status()).toBe(200);
    await visible(page, 'Đã lưu nháp.');
    const submitted = apiResponse(page, 'POST', /\/api\/stats\/reports\/.+\/submit$/);
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    expect((await submitted).status()).toBe(200);
    await statusBadge(page, 'Đã gửi');
    expect(await cell(page, TOTAL_ROW, 'Tổng số').getAttribute('readonly')).not.toBeNull();
  });

  it('the Hà Nội officer returns it with a comment', async () => {
    const { page } = officer;
    await page.goto(reportUrl);
    await statusBadge(page, 'Đã gửi');
    await page.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Ý kiến').fill(comment);
    const returned = apiResponse(page, 'POST', /\/review$/);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    expect((await returned).status()).toBe(200);
    await statusBadge(page, 'Bị trả lại');
  });

  it('the reporter sees the comment, corrects the data and submits again', async () => {
    const { page } = reporter;
    await page.goto(reportUrl);
    await visible(page, comment);
    await statusBadge(page, 'Bị trả lại');
    await expect.poll(() => cell(page, TOTAL_ROW, 'Tổng số').inputValue(), { timeout: 10_000 }).toBe('9');
    await fillTotalRow(page, 10, [3, 3, 4, 0, 0, 0]);
    await expect.poll(() => cell(page, TOTAL_ROW, 'Tổng số').getAttribute('aria-invalid')).toBeNull();
    // pending changes are saved before the report is sent
    const saved = apiResponse(page, 'PUT', /\/cells$/);
    const submitted = apiResponse(page, 'POST', /\/submit$/);
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    expect((await saved).status()).toBe(200);
    expect((await submitted).status()).toBe(200);
    await statusBadge(page, 'Đã gửi');
  });

  it('the officer approves it; the report is approved and read-only', async () => {
    const { page } = officer;
    await page.goto(reportUrl);
    await statusBadge(page, 'Đã gửi');
    await expect.poll(() => cell(page, TOTAL_ROW, 'Tiến sĩ').inputValue(), { timeout: 10_000 }).toBe('3');
    await page.getByRole('button', { name: 'Phê duyệt' }).click();
    const approved = apiResponse(page, 'POST', /\/review$/);
    await page.getByRole('dialog').getByRole('button', { name: 'Phê duyệt' }).click();
    expect((await approved).status()).toBe(200);
    await statusBadge(page, 'Đã phê duyệt');

    const r = reporter.page;
    await r.goto(reportUrl);
    await statusBadge(r, 'Đã phê duyệt');
    await expect.poll(() => cell(r, TOTAL_ROW, 'Tổng số').inputValue(), { timeout: 10_000 }).toBe('10');
    expect(await cell(r, TOTAL_ROW, 'Tổng số').getAttribute('readonly')).not.toBeNull();
    expect(await r.getByRole('button', { name: 'Lưu nháp' }).count()).toBe(0);
    expect(await r.getByRole('button', { name: 'Gửi', exact: true }).count()).toBe(0);
    await r.waitForLoadState('networkidle');
    expect(await audit(r)).toEqual([]);
  });

  it('the officer’s work page shows the period board with the approved report', async () => {
    const { page } = officer;
    await page.goto(`${baseUrl()}/staff/stats?period=${periodId}`);
    await visible(page, 'Tình hình nộp báo cáo');
    await expect.poll(() => page.locator(`a[href="/staff/stats/reports/${reportId}"]`).count(), { timeout: 15_000 }).toBe(1);
    // the province's aggregate form 02/TKTH holds the approved report
    const tkth = page.getByRole('link', { name: /^02\/TKTH-KHCN-ĐP/ });
    await expect.poll(() => tkth.count(), { timeout: 15_000 }).toBe(1);
    const file = await page.request.get(`${baseUrl()}${await tkth.getAttribute('href')}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
    await page.waitForLoadState('networkidle');
    expect(await audit(page)).toEqual([]);
  });

  it('the national dashboard shows the approved value at once (the end of the cycle)', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/staff/stats/dashboard?period=${periodId}`);
    const persons = page.getByRole('region', { name: 'Số người trong các tổ chức khoa học và công nghệ', exact: true }).getByTestId('indicator-value');
    await expect.poll(() => persons.textContent(), { timeout: 15_000 }).toBe('10');
    await page.waitForLoadState('networkidle');
    expect(await audit(page)).toEqual([]);
  });
});

