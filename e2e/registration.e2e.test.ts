import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser } from './browser.js';
import { signedIn, apiOf, visible, apiResponse, audit, type Post } from './support.js';

/** A tiny but well-formed PDF (passes the server's content sniffing); a trailing comment makes each file distinct. */
const pdf = (name: string) => Buffer.from(`%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n% ${name}\n`, 'latin1');

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

/** Enters, submits and publishes a provincial task registered at `unitId`, led by `orgId` (as the unit's focal officer). */
async function publishedTask(post: Post, unitId: string, orgId: string, code: string, title: string): Promise<{ id: string; version: number }> {
  type Task = { id: string; version: number; status: string };
  let task = await post<Task>('/api/tasks', {
    code,
    titleVi: title,
    levelCode: 'TINH',
    formCode: 'DT',
    fundingType: 'NSNN',
    contractNo: `HĐ-${code}`,
    contractDate: '2024-01-02',
    managingUnitId: unitId,
    leadOrganizationId: orgId,
    piName: 'TS. Phạm Thị Thu',
    members: [{ fullName: 'ThS. Lê Văn Nam' }],
    fieldCodes2025: ['401'],
    startDate: '2024-01-02',
    endDate: '2025-12-31',
    budgetTotal: 1200,
    budgetStateLocal: 1200,
    objectives: 'Chọn tạo giống lúa chịu mặn cho vùng ven biển.',
    content: 'Thu thập nguồn gen; lai tạo; khảo nghiệm đa điểm.',
    expectedProducts: '02 giống lúa; 01 quy trình canh tác.',
    isStateSecret: false,
  });
  task = await post<Task>(`/api/tasks/${task.id}/submit`, { version: task.version });
  task = await post<Task>(`/api/tasks/${task.id}/review`, { decision: 'accept', version: task.version });
  expect(task.status).toBe('published');
  return task;
}

/** Uploads a PDF in a role through the dossier's upload form and waits until it is attached. */
async function uploadDocument(page: Page, role: string, name: string): Promise<void> {
  await page.getByLabel('Loại tài liệu', { exact: true }).selectOption({ label: role });
  await page.getByLabel('Tệp tài liệu', { exact: true }).setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf(name) });
  const attached = apiResponse(page, 'POST', /^\/api\/registrations\/[0-9a-f-]{36}\/files$/);
  await page.getByRole('button', { name: 'Tải lên và đính kèm' }).click();
  expect((await attached).status()).toBe(200);
  await expect.poll(() => page.getByRole('rowheader', { name, exact: true }).count(), { timeout: 15_000 }).toBe(1);
}

describe('a result-registration dossier goes from the lead organization to the registering focal point and is certified', () => {
  const suffix = Date.now().toString(36).slice(-5);
  const code = `TINH-KQ-E2E-${suffix}`;
  const title = `Nghiên cứu chọn tạo giống lúa chịu mặn vùng ven biển ${suffix}`;
  const resultTitle = `Giống lúa chịu mặn ĐT-${suffix} và quy trình canh tác`;
  const comment = 'Biên bản nghiệm thu chưa có chữ ký của chủ tịch hội đồng.';
  let taskUrl = '';
  let verifyPath = '';

  it('the focal officer has a provincial task of the reporter’s organization published (set up through the API)', async () => {
    const reporterApi = await apiOf(reporter.context.request);
    const officerApi = await apiOf(officer.context.request);
    const hanoi = officerApi.me.user.scopeUnit?.id;
    const org = reporterApi.me.user.organization?.id;
    expect(hanoi && org).toBeTruthy();
    const task = await publishedTask(officerApi.post, hanoi as string, org as string, code, title);
    taskUrl = `${baseUrl()}/staff/tasks/${task.id}`;
  });

  it('the reporter records the acceptance, opens the dossier, uploads the documents and submits it', async () => {
    const { page } = reporter;
    await page.goto(taskUrl);
    await page.getByRole('tab', { name: 'Nghiệm thu & đăng ký kết quả' }).click();
    await visible(page, 'Chưa ghi nhận nghiệm thu chính thức.');

    await page.getByRole('button', { name: 'Ghi nhận nghiệm thu' }).click();
    const acceptance = page.getByRole('dialog');
    const acceptedOn = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    await acceptance.getByLabel('Ngày nghiệm thu chính thức', { exact: true }).fill(acceptedOn);
    await acceptance.getByLabel('Đạt', { exact: true }).check();
    await acceptance.getByLabel('Số quyết định công nhận kết quả nghiệm thu', { exact: true }).fill(`88/QĐ-SKHCN-${suffix}`);
    await acceptance.getByRole('button', { name: 'Ghi nhận nghiệm thu' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await visible(page, `88/QĐ-SKHCN-${suffix}`);
    await visible(page, 'Hạn nộp hồ sơ đăng ký kết quả');

    await page.getByRole('button', { name: 'Lập hồ sơ đăng ký' }).click();
    const dossier = page.getByRole('dialog');
    await dossier.getByLabel('Tên kết quả (tiếng Việt)', { exact: true }).fill(resultTitle);
    await dossier.getByLabel('Tóm tắt kết quả', { exact: true }).fill('Đã chọn tạo được hai giống lúa chịu mặn, năng suất 6,5 tấn/ha.');
    await dossier.getByLabel('Từ khóa', { exact: true }).fill('lúa; chịu mặn; ven biển');
    await dossier.getByRole('button', { name: 'Lập hồ sơ đăng ký' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await visible(page, 'Đang lập');
    await visible(page, 'Tài liệu bắt buộc còn thiếu');

    await uploadDocument(page, 'Phiếu đăng ký kết quả (Mẫu 5)', 'phieu-dang-ky-mau-5.pdf');
    await uploadDocument(page, 'Báo cáo tổng hợp kết quả', 'bao-cao-tong-hop.pdf');
    await uploadDocument(page, 'Báo cáo tóm tắt', 'bao-cao-tom-tat.pdf');
    // without the acceptance minutes the dossier is refused, naming what is missing
    const refused = apiResponse(page, 'POST', /\/submit$/);
    await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    expect((await refused).status()).toBe(422);
    await visible(page, 'Hồ sơ còn thiếu: Biên bản nghiệm thu.');
    // the dossier being prepared (documents, upload form, what is missing, the error) has no WCAG 2.1 AA violation
    expect(await audit(page)).toEqual([]);

    await uploadDocument(page, 'Biên bản nghiệm thu', 'bien-ban-nghiem-thu.pdf');
    await visible(page, 'Hồ sơ đã có đủ tài liệu bắt buộc.');
    const submitted = apiResponse(page, 'POST', /\/submit$/);
    await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    expect((await submitted).status()).toBe(200);
    await visible(page, 'Đã gửi');
    expect(await page.getByRole('button', { name: 'Tải lên và đính kèm' }).count()).toBe(0);
  });

  it('the Hà Nội officer finds it in the registration work list and returns it with a comment', async () => {
    const { page } = officer;
    await page.goto(`${baseUrl()}/staff/registrations`);
    await page.getByRole('tab', { name: 'Đã gửi' }).click();
    await page.waitForURL(/status=submitted/);
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(/\/staff\/tasks\/[0-9a-f-]{36}\?tab=registration$/);
    await visible(page, resultTitle);

    await page.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => dialog.getByText('Trường này là bắt buộc.').count()).toBeGreaterThan(0);
    await dialog.getByLabel('Ý kiến trả lại', { exact: true }).fill(comment);
    const returned = apiResponse(page, 'POST', /\/review$/);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    expect((await returned).status()).toBe(200);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await visible(page, 'Bị trả lại');
  });

  it('the reporter reads the comment, replaces the minutes (the old file stays listed) and resubmits', async () => {
    const { page } = reporter;
    await page.goto(`${taskUrl}?tab=registration`);
    await visible(page, 'Ý kiến của cơ quan đăng ký khi trả lại');
    await visible(page, comment);

    // the returned dossier is editable: only the changed field is sent, with the version read
    await page.getByRole('button', { name: 'Sửa thông tin hồ sơ' }).click();
    const edit = page.getByRole('dialog');
    await expect.poll(() => edit.getByLabel('Từ khóa', { exact: true }).inputValue()).toBe('lúa; chịu mặn; ven biển');
    await edit.getByLabel('Từ khóa', { exact: true }).fill('lúa; chịu mặn; ven biển; giống mới');
    const patched = apiResponse(page, 'PATCH', /^\/api\/registrations\/[0-9a-f-]{36}$/);
    await edit.getByRole('button', { name: 'Lưu' }).click();
    const patch = await patched;
    expect(patch.status()).toBe(200);
    expect(Object.keys(patch.request().postDataJSON() as Record<string, unknown>).sort()).toEqual(['keywords', 'version']);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await visible(page, 'lúa; chịu mặn; ven biển; giống mới');

    const detached = apiResponse(page, 'DELETE', /\/files\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Gỡ tệp bien-ban-nghiem-thu.pdf khỏi hồ sơ' }).click();
    expect((await detached).status()).toBe(200);
    await visible(page, 'Tài liệu bắt buộc còn thiếu');
    await uploadDocument(page, 'Biên bản nghiệm thu', 'bien-ban-nghiem-thu-co-chu-ky.pdf');

    // every file ever attached is still listed; the replaced one is marked as removed
    for (const name of ['phieu-dang-ky-mau-5.pdf', 'bao-cao-tong-hop.pdf', 'bao-cao-tom-tat.pdf', 'bien-ban-nghiem-thu.pdf', 'bien-ban-nghiem-thu-co-chu-ky.pdf']) {
      expect(await page.getByRole('rowheader', { name, exact: true }).count()).toBe(1);
    }
    await visible(page, /^Đã gỡ lúc /);

    const submitted = apiResponse(page, 'POST', /\/submit$/);
    await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
    expect((await submitted).status()).toBe(200);
    await visible(page, 'Đã gửi');
    await visible(page, 'Ý kiến trả lại lần trước');
  });

  it('the officer registers it; the certificate PDF downloads and the verification page says valid', async () => {
    const { page } = officer;
    await page.goto(`${taskUrl}?tab=registration`);
    await page.getByRole('button', { name: 'Đăng ký và cấp giấy chứng nhận' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Người ký giấy chứng nhận', { exact: true }).fill('Nguyễn Thị Lan');
    await dialog.getByLabel('Chức vụ người ký', { exact: true }).fill('GIÁM ĐỐC');
    const registered = apiResponse(page, 'POST', /\/review$/);
    await dialog.getByRole('button', { name: 'Đăng ký và cấp giấy chứng nhận' }).click();
    expect((await registered).status()).toBe(200);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await visible(page, 'Đã đăng ký');
    await expect.poll(() => page.getByRole('heading', { name: 'Giấy chứng nhận đăng ký kết quả' }).count(), { timeout: 15_000 }).toBe(1);
    await visible(page, /^\d{4}\/\d{4}\/GCN-01$/);
    await visible(page, 'Nguyễn Thị Lan — GIÁM ĐỐC');

    // the PDF: served as application/pdf with the session cookie, and the link downloads it
    const link = page.getByRole('link', { name: 'Tải giấy chứng nhận (PDF)' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/certificates\/[0-9a-f-]{36}\/pdf$/);
    const res = await page.request.get(`${baseUrl()}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^giay-chung-nhan-.*\.pdf$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    expect(Buffer.concat(chunks).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // the staff view of the registered task has no WCAG 2.1 AA violation
    expect(await audit(page)).toEqual([]);

    await page.getByRole('link', { name: 'Trang xác minh công khai' }).click();
    await page.waitForURL(/\/verify\/[A-Z2-7]{16}$/);
    verifyPath = new URL(page.url()).pathname;
    await visible(page, 'Giấy chứng nhận hợp lệ');
  });

  it('anyone can verify the certificate and find the registered result', async () => {
    expect(verifyPath).not.toBe('');
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}${verifyPath}`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Xác minh giấy chứng nhận đăng ký kết quả' }).count(), { timeout: 15_000 }).toBe(1);
    await visible(page, 'Giấy chứng nhận hợp lệ');
    await visible(page, resultTitle);
    await visible(page, code);
    expect(await page.title()).toMatch(/^Giấy chứng nhận hợp lệ · /);
    expect(await audit(page)).toEqual([]);

    await page.goto(`${baseUrl()}/verify/AAAAAAAAAAAAAAAA`);
    await visible(page, 'Không tìm thấy giấy chứng nhận');

    await page.goto(`${baseUrl()}/results?q=${encodeURIComponent(code)}`);
    await page.getByRole('link', { name: resultTitle }).click();
    await page.waitForURL(/\/results\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: resultTitle }).count(), { timeout: 15_000 }).toBe(1);
    await visible(page, 'TS. Phạm Thị Thu');
    const text = await page.locator('main').innerText();
    for (const hidden of [comment, '.pdf', 'SHA-256', 'Tổng kinh phí']) expect(text).not.toContain(hidden);
    await context.close();
  });

  it('the officer issues a certified copy and then revokes the certificate; the verification page says so', async () => {
    const { page } = officer;
    await page.goto(`${taskUrl}?tab=registration`);
    await page.getByRole('button', { name: 'Cấp bản sao' }).click();
    await page.getByRole('dialog').getByLabel('Mục đích cấp bản sao', { exact: true }).fill('Hồ sơ xét chức danh');
    const copied = apiResponse(page, 'POST', /\/copies$/);
    await page.getByRole('dialog').getByRole('button', { name: 'Cấp bản sao' }).click();
    expect((await copied).status()).toBe(201);
    await visible(page, 'Hồ sơ xét chức danh');
    const copyHref = await page.getByRole('link', { name: 'Tải PDF bản sao số 1' }).getAttribute('href');
    const copy = await page.request.get(`${baseUrl()}${copyHref}`);
    expect([copy.status(), copy.headers()['content-type']]).toEqual([200, 'application/pdf']);

    const reason = 'Kết quả trùng lặp với nhiệm vụ đã đăng ký.';
    await page.getByRole('button', { name: 'Thu hồi' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Lý do thu hồi', { exact: true }).fill(reason);
    await dialog.getByRole('button', { name: 'Thu hồi' }).click();
    await visible(page, 'Hãy đánh dấu ô xác nhận.');
    await dialog.getByLabel('Tôi xác nhận thu hồi giấy chứng nhận này', { exact: true }).check();
    const revoked = apiResponse(page, 'POST', /\/revoke$/);
    await dialog.getByRole('button', { name: 'Thu hồi' }).click();
    expect((await revoked).status()).toBe(200);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await visible(page, 'Đã thu hồi');
    expect(await page.getByRole('button', { name: 'Cấp bản sao' }).count()).toBe(0);

    await page.goto(`${baseUrl()}${verifyPath}`);
    await visible(page, 'Đã bị thu hồi');
    await visible(page, `Lý do thu hồi: ${reason}`);
  });
});

describe('a change to a running task (Mẫu 3) is filed by the lead organization and applied by the focal point', () => {
  const suffix = Date.now().toString(36).slice(-5);
  const code = `TINH-TD-E2E-${suffix}`;
  let taskUrl = '';

  it('the reporter files a change with its approving decision; only the changed fields are sent', async () => {
    const reporterApi = await apiOf(reporter.context.request);
    const officerApi = await apiOf(officer.context.request);
    const task = await publishedTask(officerApi.post, officerApi.me.user.scopeUnit?.id as string, reporterApi.me.user.organization?.id as string, code, `Nhiệm vụ điều chỉnh thử nghiệm ${suffix}`);
    taskUrl = `${baseUrl()}/staff/tasks/${task.id}`;

    const { page } = reporter;
    await page.goto(taskUrl);
    await page.getByRole('tab', { name: 'Thay đổi (Mẫu 3)' }).click();
    await visible(page, 'Chưa có phiếu cập nhật nào.');
    await page.getByRole('button', { name: 'Lập phiếu cập nhật' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Lập phiếu cập nhật' }).click();
    await expect.poll(() => dialog.getByText('Chưa có trường nào khác với hồ sơ hiện tại.').count()).toBe(1);

    await dialog.getByLabel('Số quyết định phê duyệt thay đổi', { exact: true }).fill(`455/QĐ-SKHCN-${suffix}`);
    await dialog.getByLabel('Ngày quyết định', { exact: true }).fill(new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10));
    await dialog.getByLabel('Lý do thay đổi', { exact: true }).fill('Gia hạn thời gian thực hiện và thay đổi chủ nhiệm.');
    await dialog.getByLabel('Chủ nhiệm nhiệm vụ', { exact: true }).fill('TS. Đỗ Minh Châu');
    await dialog.getByLabel('Ngày kết thúc', { exact: true }).fill('2026-06-30');
    await dialog.getByLabel('Tổng kinh phí', { exact: true }).fill('1600');
    const filed = apiResponse(page, 'POST', /^\/api\/tasks\/[0-9a-f-]{36}\/changes$/);
    await dialog.getByRole('button', { name: 'Lập phiếu cập nhật' }).click();
    const res = await filed;
    expect(res.status()).toBe(201);
    expect(Object.keys((res.request().postDataJSON() as { changes: Record<string, unknown> }).changes).sort()).toEqual(['budgetTotal', 'endDate', 'piName']);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await visible(page, 'Chờ xem xét');
    const diff = page.getByRole('table', { name: `Các trường thay đổi theo quyết định 455/QĐ-SKHCN-${suffix}` });
    await expect.poll(() => diff.getByRole('rowheader').allInnerTexts()).toEqual(['Tổng kinh phí', 'Ngày kết thúc', 'Chủ nhiệm nhiệm vụ']);
    expect(await page.getByRole('button', { name: 'Áp dụng' }).count()).toBe(0);
  });

  it('the focal officer applies it; the record and its revisions follow, and two revisions compare', async () => {
    const { page } = officer;
    await page.goto(`${taskUrl}?tab=changes`);
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    const applied = apiResponse(page, 'POST', /^\/api\/task-changes\/[0-9a-f-]{36}\/review$/);
    await page.getByRole('dialog').getByRole('button', { name: 'Áp dụng' }).click();
    expect((await applied).status()).toBe(200);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await visible(page, 'Đã áp dụng');
    await visible(page, 'Phiên bản 2');

    await page.getByRole('button', { name: 'So sánh' }).click();
    const compared = page.getByRole('table', { name: 'Các trường khác nhau giữa phiên bản 1 và phiên bản 2' });
    await expect.poll(() => compared.getByRole('rowheader').allInnerTexts(), { timeout: 15_000 }).toEqual(['Tổng kinh phí', 'Ngày kết thúc', 'Chủ nhiệm nhiệm vụ']);
    expect(await compared.getByRole('cell', { name: '30/06/2026', exact: true }).count()).toBe(1);
    expect(await audit(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Thông tin nhiệm vụ' }).click();
    await visible(page, 'TS. Đỗ Minh Châu');
  });
});
