import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser.js';
import { signedIn, chooseOption, visible } from './support.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('an ongoing S&T task goes from the reporter through the focal point to the public', () => {
  const suffix = Date.now().toString(36).slice(-5);
  const title = `Nghiên cứu giống lúa chịu mặn thử nghiệm ${suffix}`;
  const contractNo = `HĐ-E2E-${suffix}`;
  const comment = 'Đề nghị bổ sung phương pháp nghiên cứu.';
  let detailUrl = '';

  it('the reporter enters a provincial task registered at Hà Nội and sends it to the focal point', async () => {
    const { context, page } = await signedIn(browser, 'reporter');
    await page.goto(`${baseUrl()}/staff/tasks`);
    await page.getByRole('link', { name: 'Thêm nhiệm vụ' }).click();
    await page.waitForURL(/\/staff\/tasks\/new$/);

    await page.getByLabel('Mã nhiệm vụ', { exact: true }).fill(`TINH-E2E-${suffix}`);
    await page.getByLabel('Tên nhiệm vụ (tiếng Việt)', { exact: true }).fill(title);
    await chooseOption(page, 'Cấp quản lý', /^Cấp tỉnh$/);
    await chooseOption(page, 'Hình thức', /^Đề tài khoa học và công nghệ$/);
    await chooseOption(page, 'Nguồn kinh phí', /^Ngân sách nhà nước$/);
    await page.getByLabel('Số hợp đồng', { exact: true }).fill(contractNo);
    await page.getByLabel('Ngày ký hợp đồng', { exact: true }).fill('2026-11-02');
    await chooseOption(page, 'Đơn vị đăng ký', /Hà Nội/);
    // a reporter registers tasks of their own organization: it is filled in
    expect(await page.getByLabel('Tổ chức chủ trì', { exact: true }).inputValue()).not.toBe('');
    await page.getByLabel('Chủ nhiệm nhiệm vụ', { exact: true }).fill('TS. Phạm Thị Thu');
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    await page.getByLabel('Họ và tên (thành viên 1)', { exact: true }).fill('ThS. Lê Văn Nam');
    await chooseOption(page, 'Lĩnh vực KH&CN (TT 24/2025)', /^401 – /);
    await page.keyboard.press('Escape');
    await page.getByLabel('Ngày bắt đầu', { exact: true }).fill('2026-11-01');
    await page.getByLabel('Ngày kết thúc', { exact: true }).fill('2028-10-31');
    await page.getByLabel('Tổng kinh phí', { exact: true }).fill('1200');
    await page.getByLabel('Ngân sách địa phương', { exact: true }).fill('1000');
    await page.getByLabel('Mục tiêu', { exact: true }).fill('Chọn tạo giống lúa chịu mặn cho vùng ven biển.');
    await page.getByLabel('Nội dung chính', { exact: true }).fill('Thu thập nguồn gen; lai tạo; khảo nghiệm đa điểm.');
    await page.getByLabel('Sản phẩm dự kiến', { exact: true }).fill('02 giống lúa; 01 quy trình canh tác.');

    // a state-secret task is warned about, then refused by the server with its message
    await page.getByLabel('Nhiệm vụ thuộc danh mục bí mật nhà nước', { exact: true }).check();
    await visible(page, 'Không nhập nhiệm vụ bí mật nhà nước vào hệ thống này');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await visible(page, /chế độ mật, không lưu trong hệ thống/);
    expect(page.url()).toMatch(/\/staff\/tasks\/new$/);
    await page.getByLabel('Nhiệm vụ thuộc danh mục bí mật nhà nước', { exact: true }).uncheck();

    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/staff\/tasks\/[0-9a-f-]{36}$/);
    detailUrl = page.url();
    await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBeGreaterThan(0);
    await visible(page, 'Nháp');
    await visible(page, 'Hạn gửi thông tin');

    await page.getByRole('button', { name: 'Gửi đầu mối' }).click();
    await visible(page, 'Đã gửi');
    expect(await page.getByRole('button', { name: 'Sửa' }).count()).toBe(0);
    await context.close();
  });

  it('the Hà Nội focal officer finds it in the work list and returns it with a comment', async () => {
    expect(detailUrl).not.toBe('');
    const { context, page } = await signedIn(browser, 'officer.hanoi');
    await page.goto(`${baseUrl()}/staff/tasks`);
    await page.getByRole('tab', { name: 'Đã gửi' }).click();
    await page.waitForURL(/status=submitted/);
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(detailUrl);

    await page.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => dialog.getByText('Trường này là bắt buộc.').count()).toBeGreaterThan(0);
    await dialog.getByLabel('Ý kiến trả lại', { exact: true }).fill(comment);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await visible(page, 'Bị trả lại');
    await context.close();
  });

  it('the reporter reads the comment, edits the task and sends it again', async () => {
    const { context, page } = await signedIn(browser, 'reporter');
    await page.goto(detailUrl);
    await visible(page, 'Ý kiến của đầu mối khi trả lại');
    await visible(page, comment);
    await page.getByRole('button', { name: 'Sửa' }).click();
    await page.getByLabel('Phương pháp nghiên cứu', { exact: true }).fill('Chỉ thị phân tử kết hợp lai truyền thống; khảo nghiệm đa điểm.');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Lưu' }).count(), { timeout: 15_000 }).toBe(0);
    await visible(page, 'Chỉ thị phân tử kết hợp lai truyền thống; khảo nghiệm đa điểm.');

    await page.getByRole('button', { name: 'Gửi đầu mối' }).click();
    await visible(page, 'Đã gửi');
    await visible(page, 'Ý kiến trả lại lần trước');
    await context.close();
  });

  it('the focal officer accepts and publishes it, and the history shows every step', async () => {
    const { context, page } = await signedIn(browser, 'officer.hanoi');
    await page.goto(detailUrl);
    await page.getByRole('button', { name: 'Chấp nhận và công bố' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Chấp nhận và công bố' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await visible(page, 'Đã công bố');
    expect(await page.getByRole('button', { name: 'Trả lại' }).count()).toBe(0);

    await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).click();
    for (const action of ['Tạo mới', 'Gửi đầu mối', 'Trả lại', 'Cập nhật', 'Công bố']) await visible(page, action);
    await context.close();
  });

  it('an anonymous visitor finds it without diacritics; its public page shows only the public fields', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/`);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhiệm vụ KH&CN' }).first().click();
    await page.waitForURL(/\/tasks$/);
    await page.getByRole('searchbox', { name: 'Tìm nhiệm vụ' }).fill(`giong lua chiu man thu nghiem ${suffix}`);
    await page.waitForURL(/\/tasks\?q=giong/);
    await visible(page, 'Tổng số: 1');
    await page.getByRole('link', { name: title }).click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toMatch(/^\/tasks\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { name: title }).count()).toBeGreaterThan(0);
    await visible(page, 'TS. Phạm Thị Thu');
    await visible(page, /khoản 2 Điều 23 Thông tư 14\/2014/);

    const text = await page.locator('main').innerText();
    for (const hidden of [contractNo, 'Số hợp đồng', 'Tổng kinh phí', '1.200', 'triệu đồng', comment]) expect(text).not.toContain(hidden);
    await context.close();
  });
});
