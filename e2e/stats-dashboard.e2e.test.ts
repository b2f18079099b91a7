import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser.js';
import { apiOf, audit, signedIn, visible } from './support.js';

let browser: Browser;
let admin: { context: BrowserContext; page: Page };
let reporter: { context: BrowserContext; page: Page };

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await signedIn(browser, 'admin');
  reporter = await signedIn(browser, 'reporter');
});
afterAll(async () => {
  await browser?.close();
});

const F02 = '02/CS-KHCN';
const ROWS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13'];
const COLUMNS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9'];
/** Rows holding the persons: the total, Vietnamese, Kinh and the first field of training. */
const FILLED = new Set(['01', '03', '04', '07']);

/** A consistent form 02: `n` doctorates of the Kinh ethnicity trained in field 1, every other cell zero. */
function form02Cells(n: number) {
  return ROWS.flatMap((row) => COLUMNS.map((column) => ({ row, column, state: 'value' as const, value: FILLED.has(row) && (column === 'C1' || column === 'C2') ? n : 0 })));
}

interface Report {
  id: string;
  version: number;
  status: string;
}

/** Assigns form 02 to an organization, saves its cells, submits and approves it (all as the admin, through the API). */
async function approvedReport(request: APIRequestContext, periodId: string, organizationId: string, persons: number): Promise<void> {
  const api = await apiOf(request);
  const assigned = await api.post<{ reportIds: string[] }>(`/api/stats/periods/${periodId}/assignments`, { organizationIds: [organizationId], forms: [{ code: F02 }] });
  const id = assigned.reportIds[0] ?? '';
  let report = await api.get<Report>(`/api/stats/reports/${id}`);
  const res = await request.put(`${baseUrl()}/api/stats/reports/${id}/cells`, { data: { version: report.version, cells: form02Cells(persons) }, headers: { 'x-csrf-token': api.me.csrfToken } });
  if (!res.ok()) throw new Error(`PUT cells: ${res.status()} ${await res.text()}`);
  report = (await res.json()) as Report;
  report = await api.post<Report>(`/api/stats/reports/${id}/submit`, { version: report.version });
  report = await api.post<Report>(`/api/stats/reports/${id}/review`, { decision: 'approve', version: report.version });
  expect(report.status).toBe('approved');
}

const PERSONS = 'Số người trong các tổ chức khoa học và công nghệ';
const keyFigure = (page: Page, name: string) => page.getByRole('region', { name, exact: true }).getByTestId('indicator-value');

describe('the national statistics dashboard shows approved data at once', () => {
  let periodId = '';
  let secondOrgId = '';

  it('the admin opens a period and approves the reporter organization’s form 02 with 7 persons (through the API)', async () => {
    const adminApi = await apiOf(admin.context.request);
    const reporterApi = await apiOf(reporter.context.request);
    const taken = new Set((await adminApi.get<{ items: { year: number }[] }>('/api/stats/periods')).items.map((p) => p.year));
    let year = 2000 + ((Date.now() + 37) % 100);
    while (taken.has(year)) year = year >= 2100 ? 2000 : year + 1;
    periodId = (await adminApi.post<{ id: string }>('/api/stats/periods', { year })).id;
    const orgId = reporterApi.me.user.organization?.id ?? '';
    expect(orgId).not.toBe('');
    const orgs = await adminApi.get<{ items: { id: string }[] }>('/api/organizations?pageSize=20');
    secondOrgId = orgs.items.find((o) => o.id !== orgId)?.id ?? '';
    expect(secondOrgId).not.toBe('');
    await approvedReport(admin.context.request, periodId, orgId, 7);
  });

  it('the dashboard shows the national key figure 7, also in the table view, with a CSV and an SDMX-CSV download', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}/staff/stats`);
    await page.getByRole('link', { name: 'Bảng số liệu thống kê' }).click();
    await page.waitForURL(/\/staff\/stats\/dashboard/);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Bảng số liệu thống kê KH&CN' }).count(), { timeout: 15_000 }).toBe(1);
    await page.goto(`${baseUrl()}/staff/stats/dashboard?period=${periodId}`);
    await expect.poll(() => keyFigure(page, PERSONS).textContent(), { timeout: 15_000 }).toBe('7');
    // indicators the network does not collect show their note, never a zero
    await expect.poll(() => page.getByRole('region', { name: 'Số sáng chế được cấp văn bằng bảo hộ', exact: true }).textContent()).toContain('Chưa thu thập');
    // the charts describe themselves
    const chart = page.getByRole('img', { name: /Nhân lực KH&CN toàn quốc theo trình độ chuyên môn.*Tiến sĩ: 7/ });
    await expect.poll(() => chart.count(), { timeout: 15_000 }).toBe(1);

    const qualifications = page.getByRole('region', { name: /theo trình độ chuyên môn/ });
    await qualifications.getByRole('button', { name: 'Xem dạng bảng' }).click();
    const table = qualifications.getByRole('table');
    await expect.poll(() => table.getByRole('row', { name: 'Tiến sĩ 7' }).count()).toBe(1);
    await expect.poll(() => table.getByRole('cell', { name: '7', exact: true }).count()).toBe(1);

    const downloading = page.waitForEvent('download');
    await qualifications.getByRole('button', { name: 'Tải CSV' }).click();
    const csv = await readFile((await (await downloading).path()) ?? '', 'utf8');
    expect(csv.startsWith('\uFEFFTrình độ chuyên môn,Số người\r\nTiến sĩ,7\r\n')).toBe(true);

    const sdmx = page.getByRole('link', { name: 'Tải SDMX-CSV (DF_ST_PERS)' });
    const href = (await sdmx.getAttribute('href')) ?? '';
    expect(href).toBe(`/api/stats/sdmx/DF_ST_PERS?periodId=${periodId}&level=national`);
    const res = await admin.context.request.get(`${baseUrl()}${href}`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('DF_ST_PERS');
  });

  it('a second unit’s approval with 5 persons shows at once: 12; the page with its table open has no accessibility violations', async () => {
    await approvedReport(admin.context.request, periodId, secondOrgId, 5);
    const { page } = admin;
    await page.reload();
    await expect.poll(() => keyFigure(page, PERSONS).textContent(), { timeout: 15_000 }).toBe('12');
    await visible(page, /Tổng hợp từ 2 báo cáo đã phê duyệt/);
    const breakdown = page.getByRole('region', { name: /Tổng số theo các chỉ tiêu phân tổ/ });
    await breakdown.getByRole('button', { name: 'Xem dạng bảng' }).click();
    await expect.poll(() => breakdown.getByRole('row', { name: '03 Người Việt Nam 12' }).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    expect(await audit(page)).toEqual([]);
  });

  it('by province, the total shows per province; hiding small cells shows "x" in the table and a footnote', async () => {
    const { page } = admin;
    await page.getByText('Theo tỉnh, thành phố', { exact: true }).click();
    await page.waitForURL(/level=province/);
    const byProvince = page.getByRole('region', { name: /Tổng số theo tỉnh, thành phố/ });
    await expect.poll(() => byProvince.getByRole('img').getAttribute('aria-label'), { timeout: 15_000 }).toMatch(/^Biểu đồ cột — Tổng số theo tỉnh, thành phố.*: \d/);
    // by keyboard (the sticky header would catch a pointer click on the scrolled-into-view switch)
    const hideSmall = page.getByRole('switch', { name: /Ẩn ô nhỏ/ });
    await hideSmall.focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/suppress=1/);
    await expect.poll(() => hideSmall.isChecked()).toBe(true);
    await byProvince.getByRole('button', { name: 'Xem dạng bảng' }).click();
    await expect.poll(() => byProvince.getByRole('cell', { name: 'x', exact: true }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await visible(page, /^x: số liệu bị ẩn để bảo mật/);
    await page.waitForLoadState('networkidle');
    expect(await audit(page)).toEqual([]);
  });
});
