import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser.js';
import { audit, visible } from './support.js';

interface Cell {
  row: string;
  column: string;
  value: number | null;
  suppressed: 'primary' | 'secondary' | null;
}
interface Area {
  unit: { code: string; nameVi: string } | null;
  cells: Cell[];
}
interface ReleaseSummary {
  id: string;
  year: number;
  formCode: string;
  titleVi: string;
  status: string;
}
interface ReleaseDetail extends ReleaseSummary {
  form: { rows: { code: string }[]; columns: { code: string }[] };
  national: { areas: Area[] };
  province: { areas: Area[] };
}
interface Figure {
  code: string;
  nameVi: string;
  value: number | null;
  reason: string | null;
}

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  // an anonymous visitor: no sign-in
  context = await browser.newContext({ locale: 'vi-VN', acceptDownloads: true });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

const vn = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
/** A number as Vietnamese text, escaped for a regular expression. */
const vnRe = (n: number) => vn(n).replace(/[.,]/g, (c) => `\\${c}`);
const F02 = '02/CS-KHCN';

async function getJson<T>(path: string): Promise<T> {
  const res = await context.request.get(`${baseUrl()}${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

const cellOf = (area: Area | undefined, row: string, column: string) => area?.cells.find((c) => c.row === row && c.column === column);

describe('public statistics: key figures, a release with its map, chart, series and pivot', () => {
  let release: ReleaseSummary;
  let detail: ReleaseDetail;

  it('an anonymous visitor opens /statistics and sees the key figures and the releases of past years', async () => {
    const figures = await getJson<{ items: Figure[] }>('/api/public/stats/indicators');
    const releases = await getJson<{ items: ReleaseSummary[] }>('/api/public/stats/releases');
    const past = releases.items.filter((r) => r.formCode === F02 && r.status === 'published' && r.year < new Date().getFullYear());
    expect(past.length).toBeGreaterThan(0);
    release = past.sort((a, b) => b.year - a.year)[0] as ReleaseSummary;

    await page.goto(`${baseUrl()}/statistics`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Thống kê khoa học và công nghệ' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.title()).toContain('Thống kê khoa học và công nghệ');
    // the navigation leads here
    await expect.poll(() => page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Thống kê KH&CN' }).count()).toBeGreaterThan(0);

    const persons = figures.items.find((f) => f.code === '1402');
    expect(persons?.value).not.toBeNull();
    const card = page.getByRole('region', { name: persons?.nameVi ?? '', exact: true });
    await expect.poll(() => card.getByTestId('figure-value').textContent(), { timeout: 15_000 }).toBe(vn(persons?.value ?? 0));
    // an indicator the network does not collect says so (with its note), never 0
    const notCollected = figures.items.find((f) => f.reason === 'not_collected');
    expect(notCollected).toBeDefined();
    const nc = page.getByRole('region', { name: notCollected?.nameVi ?? '', exact: true });
    await expect.poll(() => nc.textContent()).toContain('Chưa thu thập');
    expect(await nc.getByTestId('figure-value').count()).toBe(0);

    await visible(page, `Năm ${release.year}`);
    await page.waitForLoadState('networkidle');
    expect(await audit(page)).toEqual([]);
  });

  it('opens the release: details, downloads and the national table with "c" / ".." symbols', async () => {
    detail = await getJson<ReleaseDetail>(`/api/public/stats/releases/${release.id}`);
    await page.getByRole('link', { name: release.titleVi, exact: true }).click();
    await page.waitForURL(new RegExp(`/statistics/releases/${release.id}`));
    await expect.poll(() => page.getByRole('heading', { level: 1, name: release.titleVi }).count(), { timeout: 15_000 }).toBe(1);
    await visible(page, /Ký hiệu: c — số liệu bị ẩn để bảo mật/);

    const total = cellOf(detail.national.areas[0], '01', 'C1');
    expect(total?.value).not.toBeNull();
    const national = page.getByTestId('national-table');
    await expect.poll(() => national.getByRole('row', { name: new RegExp(`^01 Tổng số ${vnRe(total?.value ?? 0)} `) }).count()).toBe(1);

    // the release's own downloads, their formats named
    const csvLink = page.getByRole('link', { name: /^CSV — bảng dữ liệu đầy đủ/ });
    const href = (await csvLink.getAttribute('href')) ?? '';
    expect(href).toBe(`/api/public/stats/releases/${release.id}/csv`);
    const res = await context.request.get(`${baseUrl()}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/csv');
    expect(await res.text()).toContain('REF_AREA');
    expect(await page.getByRole('link', { name: /^SDMX-CSV 1\.0/ }).getAttribute('href')).toBe(`/api/public/stats/releases/${release.id}/sdmx`);
    expect(await page.getByRole('link', { name: /^XLSX/ }).getAttribute('href')).toBe(`/api/public/stats/releases/${release.id}/xlsx`);
  });

  it('the tile map shows the province values; its table view matches the API and its CSV downloads', async () => {
    const shown = detail.province.areas.find((a) => a.unit && cellOf(a, '01', 'C1')?.value !== null && !cellOf(a, '01', 'C1')?.suppressed);
    const withheld = detail.province.areas.find((a) => a.unit && cellOf(a, '01', 'C1')?.suppressed);
    expect(shown).toBeDefined();
    const name = shown?.unit?.nameVi ?? '';
    const value = cellOf(shown, '01', 'C1')?.value ?? 0;

    const map = page.getByRole('region', { name: /^Bản đồ theo tỉnh, thành phố: 01 Tổng số — Tổng số/ });
    await expect.poll(() => map.getByRole('list', { name: /^Các tỉnh, thành phố trên bản đồ/ }).getByRole('listitem').count(), { timeout: 15_000 }).toBe(34);
    await map.getByRole('button', { name: 'Xem dạng bảng' }).click();
    const table = map.getByRole('table');
    await expect.poll(() => table.getByRole('row', { name: `${name} ${vn(value)}`, exact: true }).count()).toBe(1);
    if (withheld) await expect.poll(() => table.getByRole('row', { name: `${withheld.unit?.nameVi ?? ''} c`, exact: true }).count()).toBe(1);

    const downloading = page.waitForEvent('download');
    await map.getByRole('button', { name: 'Tải CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.startsWith('\uFEFFTỉnh, thành phố,') || csv.startsWith('\uFEFF"Tỉnh, thành phố",')).toBe(true);
    expect(csv).toContain(`\r\n${name},${value}\r\n`);

    await map.getByRole('button', { name: 'Xem bản đồ' }).click();
    await expect.poll(() => map.getByRole('list', { name: /^Các tỉnh, thành phố trên bản đồ/ }).count()).toBe(1);
    // the bar chart and the national series describe themselves
    await expect.poll(() => page.getByRole('img', { name: /^Biểu đồ cột — Biểu đồ theo tỉnh, thành phố/ }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByRole('img', { name: new RegExp(`^Biểu đồ đường — Toàn quốc qua các năm.*${release.year}: `) }).count(), { timeout: 15_000 }).toBe(1);
  });

  it('the pivot table lays the release out by another dimension; the page has no accessibility violations', async () => {
    const pivot = page.getByRole('region', { name: 'Bảng tùy chọn', exact: true });
    const table = pivot.getByTestId('pivot-table');
    await expect.poll(() => table.getByRole('columnheader', { name: 'Dòng của biểu \\ Cột của biểu' }).count()).toBe(1);
    await pivot.getByLabel('Hàng', { exact: true }).click();
    await page.getByRole('option', { name: 'Địa bàn', exact: true }).click();
    await expect.poll(() => table.getByRole('columnheader', { name: 'Địa bàn \\ Cột của biểu' }).count()).toBe(1);

    const total = cellOf(detail.national.areas[0], '01', 'C1')?.value ?? 0;
    await expect.poll(() => table.getByRole('row', { name: new RegExp(`^Toàn quốc ${vnRe(total)} `) }).count()).toBe(1);
    const shown = detail.province.areas.find((a) => a.unit && cellOf(a, '01', 'C1')?.value !== null && !cellOf(a, '01', 'C1')?.suppressed);
    const value = cellOf(shown, '01', 'C1')?.value ?? 0;
    await expect.poll(() => table.getByRole('row', { name: new RegExp(`^${shown?.unit?.nameVi ?? ''} ${vnRe(value)} `) }).count()).toBe(1);

    const downloading = page.waitForEvent('download');
    await pivot.getByRole('button', { name: 'Tải CSV' }).click();
    const csv = await readFile((await (await downloading).path()) ?? '', 'utf8');
    expect(csv.startsWith('\uFEFFĐịa bàn \\ Cột của biểu,Tổng số,')).toBe(true);
    expect(csv).toContain(`\r\nToàn quốc,${total},`);

    await page.waitForLoadState('networkidle');
    expect(await audit(page)).toEqual([]);
  });

  it('an unknown release shows a proper "not found" page', async () => {
    await page.goto(`${baseUrl()}/statistics/releases/00000000-0000-4000-8000-000000000000`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Không tìm thấy bản công bố' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await audit(page)).toEqual([]);
  });
});
