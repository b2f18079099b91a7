import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser.js';
import { login, chooseOption } from './support.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a provincial officer manages organizations in the browser', () => {
  const suffix = Date.now().toString(36).slice(-5);
  const name = `Viện Công nghệ Xanh Thử nghiệm ${suffix}`;
  let detailUrl = '';

  it('logs in, creates an organization, sees it listed and logs out', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    console.log(`chromium ${browser.version()}`);
    await page.goto(baseUrl());
    await expect.poll(() => page.getByRole('heading', { name: 'Mạng thông tin khoa học và công nghệ quốc gia' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await login(page, 'officer.hanoi');
    await page.goto(`${baseUrl()}/staff/organizations`);
    await page.getByRole('link', { name: 'Thêm tổ chức' }).or(page.getByRole('button', { name: 'Thêm tổ chức' })).first().click();
    await page.waitForURL(/\/staff\/organizations\/new/);
    await page.getByLabel('Tên tổ chức (tiếng Việt)').fill(name);
    await page.getByLabel('Tên tiếng Anh').fill(`Green Technology Test Institute ${suffix}`);
    await page.getByLabel('Địa chỉ').fill('Số 18 Hoàng Quốc Việt, Phường Nghĩa Đô');
    await page.getByLabel('Mã số thuế').fill(`01${String(Date.now()).slice(-8)}`);
    await chooseOption(page, 'Loại hình tổ chức', /13\.2/);
    await chooseOption(page, 'Loại hình kinh tế', /14\.1/);
    await chooseOption(page, 'Lĩnh vực KH&CN chính', /^102/);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/staff\/organizations\/[0-9a-f-]{36}$/);
    detailUrl = page.url();
    await expect.poll(() => page.getByRole('heading', { name }).count()).toBeGreaterThan(0);

    await page.goto(`${baseUrl()}/organizations`);
    await page.getByRole('searchbox').or(page.getByLabel(/Tìm/)).first().fill('cong nghe xanh thu nghiem');
    await expect.poll(() => page.getByRole('link', { name }).count(), { timeout: 15_000 }).toBeGreaterThan(0);

    await page.goto(`${baseUrl()}/staff`);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/staff'));
    const me = await page.request.get(`${baseUrl()}/api/auth/me`);
    expect(me.status()).toBe(401);
    await context.close();
  });

  it('an officer of another province cannot edit it', async () => {
    expect(detailUrl).not.toBe('');
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await login(page, 'officer.hcm');
    await page.goto(detailUrl);
    await expect.poll(() => page.getByRole('alert').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Sửa' }).count()).toBe(0);
    const id = detailUrl.split('/').pop() as string;
    const csrf = ((await (await page.request.get(`${baseUrl()}/api/auth/me`)).json()) as { csrfToken: string }).csrfToken;
    const res = await page.request.patch(`${baseUrl()}/api/organizations/${id}`, { data: { nameVi: 'Chiếm quyền', version: 1 }, headers: { 'x-csrf-token': csrf } });
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('OUT_OF_SCOPE');
    await context.close();
  });
});
