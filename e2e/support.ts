import AxeBuilder from '@axe-core/playwright';
import { expect } from 'vitest';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl } from './browser.js';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'stinet-demo-2026';
/** The XLSX media type. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Signs a page in through the login form with a demo account and waits for the staff area. */
export async function login(page: Page, username: string): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/staff/);
}

/** A browser context (Vietnamese, downloads accepted) signed in through the login page, and its page. */
export async function signedIn(browser: Browser, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  await login(page, username);
  return { context, page };
}

/** Opens a select or combobox by its label and picks the first option matching the text. */
export async function chooseOption(page: Page, label: string, optionText: RegExp): Promise<void> {
  await page.getByRole('textbox', { name: label }).or(page.getByLabel(label, { exact: true })).first().click();
  await page.getByRole('option', { name: optionText }).first().click();
}

/** What `/api/auth/me` says of the signed-in user. */
export interface Me {
  user: { scopeUnit: { id: string } | null; organization: { id: string } | null };
  csrfToken: string;
}

/** JSON calls with a browser context's session (its cookies) and CSRF token, for test setup. */
export async function apiOf(request: APIRequestContext) {
  const me = (await (await request.get(`${baseUrl()}/api/auth/me`)).json()) as Me;
  const get = async <T>(path: string): Promise<T> => {
    const res = await request.get(`${baseUrl()}${path}`);
    if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const post = async <T>(path: string, data: unknown): Promise<T> => {
    const res = await request.post(`${baseUrl()}${path}`, { data, headers: { 'x-csrf-token': me.csrfToken } });
    if (!res.ok()) throw new Error(`POST ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return { me, get, post };
}

/** A JSON POST of {@link apiOf}. */
export type Post = <T>(path: string, data: unknown) => Promise<T>;

/** Waits until the page shows the text (a string matches a whole element's text, a pattern any part of it). */
export const visible = (page: Page, text: string | RegExp) =>
  expect.poll(() => page.getByText(text, { exact: typeof text === 'string' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);

/** Resolves with the response of the next API call whose method and path match. */
export const apiResponse = (page: Page, method: string, path: RegExp) =>
  page.waitForResponse((res) => res.request().method() === method && path.test(new URL(res.url()).pathname), { timeout: 15_000 });

/** WCAG 2.1 A and AA violations of the page at rest (the pointer moved off any control, as a fresh page has it). */
export async function audit(page: Page): Promise<string[]> {
  await page.mouse.move(0, 0);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
