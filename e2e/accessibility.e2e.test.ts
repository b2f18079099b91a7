import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** WCAG 2.1 A and AA rules; failures are listed with the rule id and the offending elements. */
async function audit(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function settle(page: Page, url: string, heading: RegExp): Promise<void> {
  await page.goto(url);
  await expect.poll(() => page.getByRole('heading', { level: 1, name: heading }).count(), { timeout: 15_000, message: `${url}: no h1 matching ${heading}` }).toBeGreaterThan(0);
  await page.waitForLoadState('networkidle');
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('public pages have no violations', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const pages: [string, RegExp][] = [
      ['/', /Mạng thông tin khoa học và công nghệ quốc gia/],
      ['/org-units', /Đơn vị hành chính/],
      ['/organizations', /Tổ chức/],
      ['/researchers', /Nhà khoa học/],
      ['/results', /Kết quả nhiệm vụ KH&CN đã đăng ký/],
      // an unknown code: the "not found" verdict (registration.e2e.test.ts audits a valid certificate's page)
      ['/verify/AAAAAAAAAAAAAAAA', /Xác minh giấy chứng nhận/],
      ['/login', /Đăng nhập/],
    ];
    const problems: string[] = [];
    for (const [path, heading] of pages) {
      await settle(page, `${baseUrl()}${path}`, heading);
      for (const v of await audit(page)) problems.push(`${path}: ${v}`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('staff pages have no violations', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel('Tên đăng nhập').fill('officer.hanoi');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('stinet-demo-2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/staff/);
    const pages: [string, RegExp][] = [
      ['/staff', /Xin chào/],
      ['/staff/organizations', /Tổ chức/],
      ['/staff/organizations/new', /Thêm tổ chức/],
      ['/staff/tasks', /Nhiệm vụ/],
      ['/staff/tasks/new', /nhiệm vụ/i],
      ['/staff/registrations', /Đăng ký kết quả nhiệm vụ/],
      ['/staff/stats', /Báo cáo thống kê KH&CN/],
      ['/staff/focal-points', /Đầu mối/],
    ];
    const problems: string[] = [];
    for (const [path, heading] of pages) {
      await settle(page, `${baseUrl()}${path}`, heading);
      for (const v of await audit(page)) problems.push(`${path}: ${v}`);
    }
    expect(problems).toEqual([]);

    // light buttons keep their contrast under the pointer, too
    await settle(page, `${baseUrl()}/staff`, /Xin chào/);
    const light = page.locator('.mantine-Button-root[data-variant="light"]').first();
    await light.hover();
    const hovered = await new AxeBuilder({ page }).include('.mantine-Button-root[data-variant="light"]').withRules(['color-contrast']).analyze();
    expect(hovered.violations.map((v) => v.nodes.map((n) => n.failureSummary).join(' | '))).toEqual([]);
    await context.close();
  });
});
