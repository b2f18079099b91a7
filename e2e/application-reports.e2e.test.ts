import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser.js';
import { XLSX_TYPE, signedIn, apiOf, visible, apiResponse, audit, chooseOption } from './support.js';


let browser: Browser;
let reporter: { context: BrowserContext; page: Page };
let officer: { context: BrowserContext; page: Page };

beforeAll(async () => {
  browser = await launchBrowser();
  reporter = await signedIn(browser, 'reporter');
  officer = await signedIn(browser, 'officer.hanoi');
});
afterAll(async () => {
  await browser?.close();
});

// dates as the server counts them: Vietnam's calendar day, YYYY-MM-DD
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const todayInVietnam = () => isoDay(Date.now() + 7 * 3_600_000);
const addDays = (date: string, days: number) => isoDay(Date.parse(`${date}T00:00:00Z`) + days * DAY);
/** `date` plus `months` months, a day past the end of the target month becoming its last day (as the server does). */
function addMonths(date: string, months: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return isoDay(Date.UTC(year, month, Math.min(d, last)));
}

describe('a yearly application-of-results report (Mẫu 12) goes from the lead organization to the focal point and the public', () => {
  const suffix = Date.now().toString(36).slice(-5);
  const code = `TINH-UD-E2E-${suffix}`;
  const title = `Nghiên cứu ứng dụng chế phẩm vi sinh xử lý rơm rạ ${suffix}`;
  const places = `HTX Nông nghiệp Tân Hưng ${suffix}, huyện Ba Vì`;
  const comment = 'Đề nghị bổ sung quy mô ứng dụng có xác nhận của địa phương.';
  const today = todayInVietnam();
  const thisYear = today.slice(0, 4);
  // year 1 falls due within 15 days (and within this calendar year, for the yearly summary): its window is open
  const due = [addDays(today, 15), `${thisYear}-12-31`].sort()[0] as string;
  const acceptedOn = addMonths(due, -12);
  let taskId = '';
  let hanoiId = '';
  let reportUrl = '';

  it('the focal officer has a task of the reporter’s organization published and accepted (set up through the API)', async () => {
    const reporterApi = await apiOf(reporter.context.request);
    const officerApi = await apiOf(officer.context.request);
    const units = await officerApi.get<{ items: { id: string; code: string }[] }>('/api/org-units?kind=province&pageSize=500');
    hanoiId = units.items.find((u) => u.code === '01')?.id ?? '';
    expect(hanoiId).not.toBe('');
    const orgId = reporterApi.me.user.organization?.id ?? '';
    expect(orgId).not.toBe('');

    type Task = { id: string; version: number; status: string; acceptedOn: string | null };
    let task = await officerApi.post<Task>('/api/tasks', {
      code,
      titleVi: title,
      levelCode: 'TINH',
      formCode: 'DT',
      fundingType: 'NSNN',
      contractNo: `HĐ-${code}`,
      contractDate: '2024-01-02',
      managingUnitId: hanoiId,
      leadOrganizationId: orgId,
      piName: 'TS. Phạm Thị Thu',
      members: [{ fullName: 'ThS. Lê Văn Nam' }],
      fieldCodes2025: ['401'],
      startDate: '2024-01-02',
      endDate: '2025-06-30',
      budgetTotal: 900,
      budgetStateLocal: 900,
      objectives: 'Xử lý rơm rạ tại ruộng bằng chế phẩm vi sinh.',
      content: 'Tuyển chọn chủng vi sinh; sản xuất chế phẩm; thử nghiệm đồng ruộng.',
      expectedProducts: '01 chế phẩm vi sinh; 01 quy trình sử dụng.',
      isStateSecret: false,
    });
    task = await officerApi.post<Task>(`/api/tasks/${task.id}/submit`, { version: task.version });
    task = await officerApi.post<Task>(`/api/tasks/${task.id}/review`, { decision: 'accept', version: task.version });
    expect(task.status).toBe('published');
    task = await officerApi.post<Task>(`/api/tasks/${task.id}/acceptance`, { acceptedOn, acceptanceDecisionNo: `88/QĐ-SKHCN-${suffix}`, acceptanceRating: 'pass', version: task.version });
    expect(task.acceptedOn).toBe(acceptedOn);
    taskId = task.id;
  });

  it('the reporter starts year 1 from the task page, fills it in and sends it (the form has no WCAG 2.1 AA violation)', async () => {
    expect(taskId).not.toBe('');
    const { page } = reporter;
    await page.goto(`${baseUrl()}/staff/tasks/${taskId}`);
    await page.getByRole('tab', { name: 'Báo cáo ứng dụng' }).click();
    const slots = page.getByRole('table', { name: 'Các kỳ báo cáo ứng dụng kết quả của nhiệm vụ' });
    await expect.poll(() => slots.getByRole('rowheader').allInnerTexts(), { timeout: 15_000 }).toEqual([1, 2, 3, 4, 5].map((n) => `Năm thứ ${n}`));
    expect(await slots.getByRole('row').filter({ hasText: 'Năm thứ 1' }).getByText('Đang mở nộp', { exact: true }).count()).toBe(1);
    await page.getByRole('link', { name: 'Lập phiếu năm thứ 1' }).click();
    await page.waitForURL(/\/staff\/application-reports\/tasks\/[0-9a-f-]{36}\/years\/1$/);
    reportUrl = page.url();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Phiếu thông tin về ứng dụng kết quả — năm thứ 1' }).count(), { timeout: 15_000 }).toBe(1);
    const form = page.getByRole('form', { name: 'Lập phiếu năm thứ 1' });
    await expect.poll(() => form.count(), { timeout: 15_000 }).toBe(1);
    // the empty form of year 1 has no WCAG 2.1 AA violation
    expect(await audit(page)).toEqual([]);

    await chooseOption(page, 'Tình hình ứng dụng', /^Đã ứng dụng$/);
    await form.getByLabel('Nơi ứng dụng', { exact: true }).fill(places);
    await form.getByLabel('Quy mô ứng dụng', { exact: true }).fill('120 ha lúa tại 3 xã');
    await form.getByLabel('Hiệu quả kinh tế', { exact: true }).fill('Giảm 30% chi phí xử lý rơm rạ.');
    await form.getByLabel('Hiệu quả xã hội', { exact: true }).fill('Hạn chế đốt rơm rạ, giảm ô nhiễm không khí.');
    await form.getByLabel('Doanh thu trong năm (triệu đồng)', { exact: true }).fill('4321');
    const created = apiResponse(page, 'POST', /^\/api\/tasks\/[0-9a-f-]{36}\/application-reports$/);
    await form.getByRole('button', { name: 'Lưu' }).click();
    const res = await created;
    expect(res.status()).toBe(201);
    expect(res.request().postDataJSON()).toMatchObject({ yearIndex: 1, applicationStatus: 'applied', placesApplied: places, revenue: 4321 });
    await visible(page, 'Đang soạn');

    const submitted = apiResponse(page, 'POST', /^\/api\/application-reports\/[0-9a-f-]{36}\/submit$/);
    await page.getByRole('button', { name: 'Gửi đầu mối' }).click();
    expect((await submitted).status()).toBe(200);
    await expect.poll(() => page.getByRole('button', { name: 'Gửi đầu mối' }).count(), { timeout: 15_000 }).toBe(0);
    await visible(page, 'Chờ xem xét');
    expect(await page.getByRole('form', { name: 'Sửa phiếu' }).count()).toBe(0);
  });

  it('the Hà Nội officer finds it awaiting review and returns it with a comment (an empty one is refused)', async () => {
    const { page } = officer;
    await page.goto(`${baseUrl()}/staff/application-reports`);
    await page.getByRole('tab', { name: 'Chờ xem xét' }).click();
    await page.waitForURL(/category=awaitingReview/);
    await page.getByRole('searchbox', { name: 'Tìm nhiệm vụ' }).fill(code);
    await page.waitForURL(/[?&]q=/);
    const list = page.getByRole('table', { name: 'Phiếu ứng dụng kết quả nhiệm vụ (Mẫu 12): Chờ xem xét' });
    await expect.poll(() => list.getByRole('rowheader').allInnerTexts(), { timeout: 15_000 }).toEqual([title]);
    await list.getByRole('link', { name: title }).click();
    await page.waitForURL(reportUrl);
    await visible(page, places);

    await page.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => dialog.getByText('Trường này là bắt buộc.').count()).toBeGreaterThan(0);
    await dialog.getByLabel('Ý kiến trả lại', { exact: true }).fill(comment);
    const returned = apiResponse(page, 'POST', /^\/api\/application-reports\/[0-9a-f-]{36}\/review$/);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    const res = await returned;
    expect(res.status()).toBe(200);
    expect(res.request().postDataJSON()).toMatchObject({ decision: 'return', comment });
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await visible(page, 'Bị trả lại');
  });

  it('the reporter reads the comment, edits the report and sends it again', async () => {
    const { page } = reporter;
    await page.goto(reportUrl);
    await visible(page, 'Ý kiến của đầu mối khi trả lại');
    await visible(page, comment);
    const form = page.getByRole('form', { name: 'Sửa phiếu' });
    await expect.poll(() => form.getByLabel('Nơi ứng dụng', { exact: true }).inputValue(), { timeout: 15_000 }).toBe(places);
    // the returned report's form, under the focal point's comment, has no WCAG 2.1 AA violation either
    expect(await audit(page)).toEqual([]);
    await form.getByLabel('Quy mô ứng dụng', { exact: true }).fill('150 ha lúa tại 4 xã (có xác nhận của UBND xã)');
    const patched = apiResponse(page, 'PATCH', /^\/api\/application-reports\/[0-9a-f-]{36}$/);
    await form.getByRole('button', { name: 'Lưu' }).click();
    const patch = await patched;
    expect(patch.status()).toBe(200);
    const saved = (await patch.json()) as { version: number; scale: string };
    expect(saved.scale).toBe('150 ha lúa tại 4 xã (có xác nhận của UBND xã)');

    const submitted = apiResponse(page, 'POST', /^\/api\/application-reports\/[0-9a-f-]{36}\/submit$/);
    await page.getByRole('button', { name: 'Gửi đầu mối' }).click();
    const res = await submitted;
    expect(res.status()).toBe(200);
    expect(res.request().postDataJSON()).toEqual({ version: saved.version });
    await expect.poll(() => page.getByRole('button', { name: 'Gửi đầu mối' }).count(), { timeout: 15_000 }).toBe(0);
    await visible(page, 'Chờ xem xét');
    await visible(page, '150 ha lúa tại 4 xã (có xác nhận của UBND xã)');
  });

  it('the officer accepts it; the public list shows it without the restricted fields', async () => {
    const { page } = officer;
    await page.goto(reportUrl);
    await page.getByRole('button', { name: 'Chấp nhận và công bố' }).click();
    const accepted = apiResponse(page, 'POST', /^\/api\/application-reports\/[0-9a-f-]{36}\/review$/);
    await page.getByRole('dialog').getByRole('button', { name: 'Chấp nhận và công bố' }).click();
    expect((await accepted).status()).toBe(200);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await visible(page, 'Đã chấp nhận');
    expect(await page.getByRole('button', { name: 'Trả lại' }).count()).toBe(0);

    const context = await browser.newContext({ locale: 'vi-VN' });
    const visitor = await context.newPage();
    await visitor.goto(`${baseUrl()}/application-reports?q=${encodeURIComponent(code)}`);
    const list = visitor.getByRole('table', { name: 'Ứng dụng kết quả nhiệm vụ KH&CN' });
    await expect.poll(() => list.getByRole('rowheader').getByRole('link').allInnerTexts(), { timeout: 15_000 }).toEqual([title]);
    const row = list.getByRole('row').filter({ hasText: code });
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([
      expect.any(String), // the lead organization
      `${due.slice(0, 4)} (Năm thứ 1)`,
      'Đã ứng dụng',
      places,
      'Giảm 30% chi phí xử lý rơm rạ.; Hạn chế đốt rơm rạ, giảm ô nhiễm không khí.',
    ]);
    const text = await visitor.locator('main').innerText();
    for (const hidden of ['Doanh thu', '4.321', '4321', 'triệu đồng', comment]) expect(text).not.toContain(hidden);
    await context.close();
  });

  it('the Hà Nội summary (Mẫu 15) of this year counts it, downloads as XLSX and has no WCAG 2.1 AA violation', async () => {
    const { page } = officer;
    await page.goto(`${baseUrl()}/staff/application-reports/summary?unitId=${hanoiId}&year=${thisYear}`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Tổng hợp ứng dụng kết quả (Mẫu 15)' }).count(), { timeout: 15_000 }).toBe(1);
    const count = async (label: string) => {
      const text = await page.getByText(label, { exact: true }).locator('xpath=following-sibling::dd[1]').innerText();
      return Number(text.replace(/\./g, ''));
    };
    await expect.poll(() => page.getByText('Phiếu đã chấp nhận', { exact: true }).count(), { timeout: 15_000 }).toBe(1);
    expect(await count('Nhiệm vụ phải báo cáo')).toBeGreaterThanOrEqual(1);
    expect(await count('Phiếu đã chấp nhận')).toBeGreaterThanOrEqual(1);
    expect(await count('Đã ứng dụng')).toBeGreaterThanOrEqual(1);
    const table = page.getByRole('table', { name: 'Nhiệm vụ phải báo cáo ứng dụng kết quả trong năm' });
    const row = table.getByRole('row').filter({ hasText: code });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.getByText('Đã chấp nhận', { exact: true }).count()).toBe(1);
    expect(await row.getByText('4.321 triệu đồng', { exact: true }).count()).toBe(1);

    const href = (await page.getByRole('link', { name: 'Tải về XLSX' }).getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/application-reports\/summary\.xlsx\?/);
    const xlsx = await page.request.get(`${baseUrl()}${href}`);
    expect([xlsx.status(), xlsx.headers()['content-type']]).toEqual([200, XLSX_TYPE]);
    expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');

    expect(await audit(page)).toEqual([]);
  });
});
