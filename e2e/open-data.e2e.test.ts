import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser.js';
import { audit, signedIn, visible } from './support.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('open data page', () => {
  it('an administrator regenerates the dump; the public page lists its files and passes axe', async () => {
    const { context, page } = await signedIn(browser, 'admin');
    await page.goto(`${baseUrl()}/open-data`);
    await visible(page, 'Dữ liệu mở');
    await page.getByRole('button', { name: 'Tạo lại bộ dữ liệu' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Tải tệp organizations.csv' }).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await context.close();

    const anon = await browser.newContext({ locale: 'vi-VN' });
    const pub = await anon.newPage();
    await pub.goto(`${baseUrl()}/open-data`);
    await expect.poll(() => pub.getByRole('link', { name: 'Tải tệp tasks.jsonl' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await pub.getByRole('button', { name: 'Tạo lại bộ dữ liệu' }).count()).toBe(0);
    await pub.waitForLoadState('networkidle');
    expect(await audit(pub)).toEqual([]);
    await anon.close();
  });
});
