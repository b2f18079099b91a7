import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser.js';
import { apiResponse, signedIn } from './support.js';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let taskId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'vi-VN' });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe('public record pages', () => {
  it('a task page arrives with its title, description and data: an anonymous visitor makes no request for the record', async () => {
    const tasks = (await (await context.request.get(`${baseUrl()}/api/tasks?pageSize=50&sort=-updated`)).json()) as { items: { id: string; titleVi: string; leadOrganization: { id: string } }[] };
    // a title short enough to be whole in the description (cut at 160 characters)
    const task = tasks.items.find((t) => t.titleVi.length < 120);
    expect(task).toBeDefined();
    const { id, titleVi, leadOrganization } = task as NonNullable<typeof task>;
    taskId = id;

    const requested: string[] = [];
    page.on('request', (req) => requested.push(new URL(req.url()).pathname));
    const response = await page.goto(`${baseUrl()}/tasks/${id}`);
    expect(response?.status()).toBe(200);
    // the server sent the record's head (before any script ran)
    const html = (await response?.text()) ?? '';
    expect(html).toContain('id="stinet-preload"');
    expect(html).toMatch(/<title>[^<]+ — stinet<\/title>/);

    await expect.poll(() => page.getByRole('heading', { level: 1, name: titleVi }).count(), { timeout: 15_000 }).toBe(1);
    await page.waitForLoadState('networkidle');
    expect(await page.title()).toContain(titleVi);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toContain(titleVi);
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(new RegExp(`/tasks/${id}$`));
    expect(requested).toContain('/api/auth/me'); // the listener saw the page's API calls
    expect(requested.filter((p) => p === `/api/tasks/${id}`)).toEqual([]);
    // the preload is read once and removed
    expect(await page.locator('#stinet-preload').count()).toBe(0);

    // a client-side navigation to another record fetches it as usual
    const orgAnswer = apiResponse(page, 'GET', new RegExp(`^/api/organizations/${leadOrganization.id}$`));
    await page.locator(`a[href="/organizations/${leadOrganization.id}"]`).first().click();
    expect((await orgAnswer).status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe(`/organizations/${leadOrganization.id}`);
  });

  it('a signed-in user, who may see more than the public, gets the record fetched again', async () => {
    const staff = await signedIn(browser, 'admin');
    try {
      const fetched = apiResponse(staff.page, 'GET', new RegExp(`^/api/tasks/${taskId}$`));
      await staff.page.goto(`${baseUrl()}/tasks/${taskId}`);
      expect((await fetched).status()).toBe(200);
    } finally {
      await staff.context.close();
    }
  });

  it('an unknown record is answered 404 with noindex and no preload', async () => {
    const response = await page.goto(`${baseUrl()}/tasks/00000000-0000-4000-8000-000000000000`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    expect(await page.locator('#stinet-preload').count()).toBe(0);
  });
});
