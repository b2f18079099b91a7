import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TaskFull } from '@stinet/shared';
import { queryRows } from '../../lib/sql.js';
import { organizationBody, unitByCode } from '../../test-support/fixtures.js';
import { taskBody } from '../../test-support/task-fixtures.js';
import { anonymous, createTestApp, loginAs, type Client, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let hanoi: string;
let officer: Client;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  hanoi = (await unitByCode(t.app, 'province', '01')).id;
  officer = await loginAs(t.app, 'officer.hanoi');
  orgId = ((await officer.post('/api/organizations', organizationBody(hanoi))).json() as { id: string }).id;
});
afterAll(async () => {
  await t.close();
});

const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const taskCount = async () => (await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM task`))[0]?.n ?? -1;

describe('ongoing task registration (Mẫu 1)', () => {
  it('runs draft → submitted → returned → resubmitted → published; the public sees only the legal fields', async () => {
    const created = await officer.post('/api/tasks', taskBody(hanoi, orgId));
    expect(created.statusCode).toBe(201);
    let task = created.json() as TaskFull;
    expect(task.status).toBe('draft');
    expect(task.members.map((m) => m.fullName)).toEqual(['ThS. Trần Thị Mai', 'KS. Lê Văn Tâm']);
    expect((await anonymous(t.app).get(`/api/tasks/${task.id}`)).statusCode).toBe(404);

    task = (await officer.post(`/api/tasks/${task.id}/submit`, { version: task.version })).json() as TaskFull;
    expect(task.status).toBe('submitted');
    const noComment = await officer.post(`/api/tasks/${task.id}/review`, { decision: 'return', version: task.version });
    expect([noComment.statusCode, code(noComment)]).toEqual([400, 'VALIDATION_FAILED']);
    task = (await officer.post(`/api/tasks/${task.id}/review`, { decision: 'return', comment: 'Bổ sung phương pháp nghiên cứu.', version: task.version })).json() as TaskFull;
    expect([task.status, task.reviewComment]).toEqual(['returned', 'Bổ sung phương pháp nghiên cứu.']);

    const edited = await officer.patch(`/api/tasks/${task.id}`, { methods: 'Chỉ thị phân tử, lai truyền thống và khảo nghiệm đa điểm.', version: task.version });
    expect(edited.statusCode).toBe(200);
    task = edited.json() as TaskFull;
    task = (await officer.post(`/api/tasks/${task.id}/submit`, { version: task.version })).json() as TaskFull;
    task = (await officer.post(`/api/tasks/${task.id}/review`, { decision: 'accept', version: task.version })).json() as TaskFull;
    expect(task.status).toBe('published');
    expect(task.publishedAt).not.toBeNull();

    const pub = (await anonymous(t.app).get(`/api/tasks/${task.id}`)).json() as Record<string, unknown>;
    expect(Object.keys(pub).sort()).toEqual(
      ['code', 'content', 'endDate', 'expectedProducts', 'fieldCodes2025', 'id', 'leadOrganization', 'methods', 'objectives', 'piName', 'publishedAt', 'startDate', 'titleVi'].sort(),
    );
    const list = (await anonymous(t.app).get('/api/tasks?q=giong%20lua%20chiu%20man')).json() as { items: { id: string }[] };
    expect(list.items.some((x) => x.id === task.id)).toBe(true);
    for (const restricted of ['budget', 'contractNo', '1200', 'reviewComment', 'HĐ-KHCN']) expect(JSON.stringify(list)).not.toContain(restricted);

    const history = (await officer.get(`/api/tasks/${task.id}/history`)).json() as { items: { action: string }[] };
    expect(history.items.map((h) => h.action)).toEqual(['publish', 'submit', 'update', 'return', 'submit', 'create']);
  });

  it('a partial edit leaves the fields it does not name alone (members and 2008 field codes included)', async () => {
    const task = (await officer.post('/api/tasks', taskBody(hanoi, orgId))).json() as TaskFull;
    const edited = (await officer.patch(`/api/tasks/${task.id}`, { methods: 'Phương pháp mới.', version: task.version })).json() as TaskFull;
    expect(edited.members).toHaveLength(2);
    expect(edited.fieldCodes2008).toEqual(['401']);
    expect(edited.methods).toBe('Phương pháp mới.');
  });

  it('refuses state-secret tasks and stores nothing', async () => {
    const before = await taskCount();
    const res = await officer.post('/api/tasks', taskBody(hanoi, orgId, { isStateSecret: true }));
    expect([res.statusCode, code(res)]).toEqual([422, 'SECRET_TASK_REFUSED']);
    expect((res.json() as { error: { messageVi: string } }).error.messageVi).toContain('bí mật nhà nước');
    expect(await taskCount()).toBe(before);
  });

  it('refuses invalid transitions, stale versions, wrong registration units and bad codes', async () => {
    let task = (await officer.post('/api/tasks', taskBody(hanoi, orgId))).json() as TaskFull;
    const early = await officer.post(`/api/tasks/${task.id}/review`, { decision: 'accept', version: task.version });
    expect([early.statusCode, code(early)]).toEqual([409, 'INVALID_TRANSITION']);
    task = (await officer.post(`/api/tasks/${task.id}/submit`, { version: task.version })).json() as TaskFull;
    task = (await officer.post(`/api/tasks/${task.id}/review`, { decision: 'accept', version: task.version })).json() as TaskFull;
    const editPublished = await officer.patch(`/api/tasks/${task.id}`, { titleVi: 'Đổi tên', version: task.version });
    expect([editPublished.statusCode, code(editPublished)]).toEqual([409, 'INVALID_TRANSITION']);
    const again = await officer.post(`/api/tasks/${task.id}/review`, { decision: 'accept', version: task.version });
    expect([again.statusCode, code(again)]).toEqual([409, 'INVALID_TRANSITION']);

    const draft = (await officer.post('/api/tasks', taskBody(hanoi, orgId))).json() as TaskFull;
    expect((await officer.patch(`/api/tasks/${draft.id}`, { programme: 'Chương trình A', version: draft.version })).statusCode).toBe(200);
    const stale = await officer.patch(`/api/tasks/${draft.id}`, { programme: 'Chương trình B', version: draft.version });
    expect([stale.statusCode, code(stale)]).toEqual([409, 'VERSION_CONFLICT']);

    const national = await officer.post('/api/tasks', taskBody(hanoi, orgId, { levelCode: 'QG' }));
    expect([national.statusCode, code(national)]).toEqual([400, 'VALIDATION_FAILED']);
    const oldUnit = await unitByCode(t.app, 'province', '80', '2025-01-01');
    const merged = await officer.post('/api/tasks', taskBody(oldUnit.id, orgId));
    expect([merged.statusCode, code(merged)]).toEqual([400, 'UNIT_NOT_VALID_AT_DATE']);
    const badField = await officer.post('/api/tasks', taskBody(hanoi, orgId, { fieldCodes2025: ['999'] }));
    expect([badField.statusCode, code(badField)]).toEqual([400, 'INVALID_CODE']);
    const budget = await officer.post('/api/tasks', taskBody(hanoi, orgId, { budgetTotal: 100 }));
    expect([budget.statusCode, code(budget)]).toEqual([400, 'VALIDATION_FAILED']);
    const dates = await officer.post('/api/tasks', taskBody(hanoi, orgId, { endDate: '2025-01-01' }));
    expect([dates.statusCode, code(dates)]).toEqual([400, 'INVALID_DATE_RANGE']);
    const body = taskBody(hanoi, orgId);
    expect((await officer.post('/api/tasks', body)).statusCode).toBe(201);
    const dup = await officer.post('/api/tasks', { ...taskBody(hanoi, orgId), code: body.code });
    expect([dup.statusCode, code(dup)]).toEqual([409, 'DUPLICATE_TASK_CODE']);
  });

  it('keeps scope: another province cannot read, edit or review; the lead organization prepares but cannot review', async () => {
    const hcm = await loginAs(t.app, 'officer.hcm');
    const forged = await hcm.post('/api/tasks', taskBody(hanoi, orgId));
    expect([forged.statusCode, code(forged)]).toEqual([403, 'OUT_OF_SCOPE']);
    const reporter = await loginAs(t.app, 'reporter');
    const own = ((await reporter.get('/api/auth/me')).json() as { user: { organization: { id: string } } }).user.organization.id;
    let task = (await reporter.post('/api/tasks', taskBody(hanoi, own))).json() as TaskFull;
    expect(task.status).toBe('draft');
    expect((await reporter.post('/api/tasks', taskBody(hanoi, orgId))).statusCode).toBe(403);
    task = (await reporter.post(`/api/tasks/${task.id}/submit`, { version: task.version })).json() as TaskFull;
    expect(task.status).toBe('submitted');
    expect((await reporter.post(`/api/tasks/${task.id}/review`, { decision: 'accept', version: task.version })).statusCode).toBe(403);
    expect((await hcm.get(`/api/tasks/${task.id}/full`)).statusCode).toBe(403);
    expect((await hcm.post(`/api/tasks/${task.id}/review`, { decision: 'accept', version: task.version })).statusCode).toBe(403);
    const work = (await officer.get('/api/tasks/work?status=submitted')).json() as { items: { id: string }[] };
    expect(work.items.some((x) => x.id === task.id)).toBe(true);
    const hcmWork = (await hcm.get('/api/tasks/work')).json() as { items: { id: string }[] };
    expect(hcmWork.items.some((x) => x.id === task.id)).toBe(false);
    const done = await officer.post(`/api/tasks/${task.id}/review`, { decision: 'accept', version: task.version });
    expect((done.json() as TaskFull).status).toBe('published');
  });
});

describe('seeded tasks', () => {
  it('the generated dataset holds tasks in every state, with only published ones public', async () => {
    const states = await queryRows<{ status: string; n: number }>(t.handle.db, sql`SELECT status, count(*)::int AS n FROM task WHERE code NOT LIKE '%TEST%' GROUP BY status ORDER BY status`);
    expect(states.map((s) => s.status)).toEqual(['draft', 'published', 'returned', 'submitted']);
    const publicTotal = ((await anonymous(t.app).get('/api/tasks?pageSize=1')).json() as { total: number }).total;
    const published = (await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM task WHERE status = 'published'`))[0]?.n;
    expect(publicTotal).toBe(published);
    const admin = await loginAs(t.app, 'admin');
    const returned = (await admin.get('/api/tasks/work?status=returned')).json() as { items: { id: string }[] };
    const full = (await admin.get(`/api/tasks/${returned.items[0]?.id}/full`)).json() as TaskFull;
    expect(full.reviewComment).not.toBeNull();
    expect(full.members.length).toBeGreaterThan(1);
  });
});

describe('focal-point board', () => {
  it('puts an unsent task in "due soon" on its deadline day and in "overdue" the next working day; scoped per unit', async () => {
    const { loadWorkingCalendar } = await import('../../lib/calendar.js');
    const workingCalendar = await loadWorkingCalendar(t.handle.db);
    const body = taskBody(hanoi, orgId, { contractDate: '2026-02-02', titleVi: 'Nhiệm vụ kiểm tra hạn gửi phiếu' });
    const created = (await officer.post('/api/tasks', body)).json() as TaskFull;
    expect(created.ongoingDeadline).toBe(workingCalendar.addWorkingDays('2026-02-02', 30));
    const deadline = created.ongoingDeadline as string;
    const onDeadline = (await officer.get(`/api/tasks/board?asOf=${deadline}`)).json() as { dueSoon: { id: string; daysLeft: number }[]; overdue: { id: string }[] };
    expect(onDeadline.dueSoon.find((i) => i.id === created.id)?.daysLeft).toBe(0);
    expect(onDeadline.overdue.some((i) => i.id === created.id)).toBe(false);
    const after = workingCalendar.nextWorkingDay(workingCalendar.addWorkingDays(deadline, 1));
    const late = (await officer.get(`/api/tasks/board?asOf=${after}`)).json() as { overdue: { id: string }[]; counts: { overdue: number } };
    expect(late.overdue.some((i) => i.id === created.id)).toBe(true);
    expect(late.counts.overdue).toBe(late.overdue.length);
    const submitted = (await officer.post(`/api/tasks/${created.id}/submit`, { version: created.version })).json() as TaskFull;
    const board = (await officer.get(`/api/tasks/board?asOf=${after}`)).json() as { overdue: { id: string }[]; awaitingReview: { id: string }[] };
    expect(board.overdue.some((i) => i.id === submitted.id)).toBe(false);
    expect(board.awaitingReview.some((i) => i.id === submitted.id)).toBe(true);
    const hcm = await loginAs(t.app, 'officer.hcm');
    const hcmBoard = (await hcm.get(`/api/tasks/board?asOf=${after}`)).json() as { awaitingReview: { id: string }[] };
    expect(hcmBoard.awaitingReview.some((i) => i.id === submitted.id)).toBe(false);
  });
});
