import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser.js';
import { apiResponse, audit, signedIn, visible } from './support.js';

interface SearchBody {
  total: number;
  items: { id: string; type: string; title: string; url: string; highlight: { title: string } }[];
  facets: { type: { key: string; count: number }[] };
}

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'vi-VN' });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** Text without Vietnamese diacritics, as a visitor without a Vietnamese keyboard types it. */
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

describe('public search', () => {
  it('finds a task typed without diacritics, filters by a facet and opens the record', async () => {
    const tasks = (await (await context.request.get(`${baseUrl()}/api/tasks?pageSize=1&sort=-updated`)).json()) as { items: { id: string; titleVi: string }[] };
    const task = tasks.items[0];
    expect(task).toBeDefined();
    const words = (task?.titleVi ?? '').split(/\s+/).filter((w) => fold(w) !== w);
    expect(words.length).toBeGreaterThan(1);
    const query = fold(words.slice(0, 3).join(' ')).toLowerCase();

    await page.goto(`${baseUrl()}/search`);
    await visible(page, 'Tra cứu');
    // the response of this query (the page first lists everything while the box is empty)
    const searched = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/search' && new URL(res.url()).searchParams.get('q') === query, { timeout: 15_000 });
    await page.getByRole('searchbox', { name: 'Từ khóa' }).fill(query);
    await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click();
    const body = (await (await searched).json()) as SearchBody;
    expect(body.total).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe(query);

    // the hit shows the title with the matched terms marked
    const results = page.getByRole('list', { name: 'Kết quả tra cứu' });
    await expect.poll(() => results.locator('li mark').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const marked = await results.locator('li mark').first().textContent();
    expect(words.map((w) => fold(w).toLowerCase())).toContain(fold(marked ?? '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));

    // a facet value's count is the number of hits once it is checked
    const taskBucket = body.facets.type.find((b) => b.key === 'task');
    expect(taskBucket?.count).toBeGreaterThan(0);
    const filtered = page.waitForResponse(
      (res) => new URL(res.url()).pathname === '/api/search' && new URL(res.url()).searchParams.get('q') === query && new URL(res.url()).searchParams.get('type') === 'task',
      { timeout: 15_000 },
    );
    const taskBox = page.getByRole('checkbox', { name: /^Nhiệm vụ KH&CN/ });
    await taskBox.click();
    const after = (await (await filtered).json()) as SearchBody;
    expect(after.total).toBe(taskBucket?.count);
    expect(after.items.every((i) => i.type === 'task')).toBe(true);
    expect(new URL(page.url()).searchParams.get('type')).toBe('task');
    await expect.poll(() => taskBox.isChecked()).toBe(true);
    await visible(page, `Tìm thấy ${new Intl.NumberFormat('vi-VN').format(after.total)} kết quả`);
    await expect.poll(() => results.locator('li').count()).toBe(Math.min(after.total, 20));

    expect(await audit(page)).toEqual([]);

    // open the record page of the first hit
    const first = after.items[0];
    await results.getByRole('link').first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(first?.url);
    await visible(page, first?.title ?? '');
  });

  it('searches from the header box', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${baseUrl()}/`);
    const box = page.getByRole('textbox', { name: 'Tra cứu trên toàn trang' });
    await box.fill('vien');
    await box.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/search');
    expect(new URL(page.url()).searchParams.get('q')).toBe('vien');
    await expect.poll(() => page.getByRole('list', { name: 'Kết quả tra cứu' }).locator('li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('lets staff check a task for similar ones from its page', async () => {
    const staff = await signedIn(browser, 'admin');
    try {
      const tasks = (await (await staff.context.request.get(`${baseUrl()}/api/tasks?pageSize=1&sort=-updated`)).json()) as { items: { id: string; titleVi: string }[] };
      const task = tasks.items[0];
      await staff.page.goto(`${baseUrl()}/staff/tasks/${task?.id ?? ''}`);
      const checked = apiResponse(staff.page, 'POST', /^\/api\/similar-tasks$/);
      await staff.page.getByRole('link', { name: 'Kiểm tra trùng lặp' }).click();
      const body = (await (await checked).json()) as { items: { id: string; title: string }[] };
      expect(body.items.map((i) => i.id)).not.toContain(task?.id);
      expect(body.items.length).toBeGreaterThan(0);
      await visible(staff.page, body.items[0]?.title ?? '');
      await expect.poll(() => staff.page.getByRole('progressbar').count()).toBe(body.items.length);
      expect(await audit(staff.page)).toEqual([]);
    } finally {
      await staff.context.close();
    }
  });
});
