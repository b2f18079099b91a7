import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskChange, TaskFull } from '@stinet/shared';
import { unitByCode } from '../../test-support/fixtures.js';
import { organizationOf, publishedTask } from '../../test-support/registration-fixtures.js';
import { taskBody } from '../../test-support/task-fixtures.js';
import { anonymous, createTestApp, loginAs, type Client, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let hanoi: string;
let officer: Client;
let otherOfficer: Client;
let reporter: Client;
let reporterOrg: string;

beforeAll(async () => {
  t = await createTestApp();
  hanoi = (await unitByCode(t.app, 'province', '01')).id;
  officer = await loginAs(t.app, 'officer.hanoi');
  otherOfficer = await loginAs(t.app, 'officer.hcm');
  reporter = await loginAs(t.app, 'reporter');
  reporterOrg = await organizationOf(t.handle.db, 'reporter');
});
afterAll(async () => {
  await t.close();
});

const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

describe('changes to a running task (Mẫu 3)', () => {
  it('files a change with reason and decision, applies it as a new revision, and diffs revisions', async () => {
    const task = await publishedTask(officer, hanoi, reporterOrg);
    // a published task is not edited directly
    expect(code(await officer.patch(`/api/tasks/${task.id}`, { endDate: '2026-06-30', version: task.version }))).toBe('INVALID_TRANSITION');

    const filed = await reporter.post(`/api/tasks/${task.id}/changes`, {
      changes: { endDate: '2026-06-30', piName: 'TS. Đỗ Minh Châu', budgetTotal: 1600, budgetOther: 400, members: [{ fullName: 'ThS. Trần Thị Mai' }] },
      reason: 'Gia hạn thời gian thực hiện và thay đổi chủ nhiệm do chủ nhiệm cũ nghỉ hưu.',
      decisionNo: '455/QĐ-SKHCN',
      decisionDate: '2025-11-20',
    });
    expect(filed.statusCode).toBe(201);
    const change = filed.json() as TaskChange;
    expect(change.status).toBe('submitted');
    expect(change.diff.map((d) => d.field)).toEqual(['budgetOther', 'budgetTotal', 'endDate', 'members', 'piName']);
    expect(change.diff.find((d) => d.field === 'endDate')).toEqual({ field: 'endDate', before: '2025-12-31', after: '2026-06-30' });
    // 15 working days after Thu 20 Nov 2025 → Thu 11 Dec 2025; filed today, so late
    expect(change.dueDate).toBe('2025-12-11');
    expect(change.isLate).toBe(true);
    // the record is unchanged until the focal point applies it
    expect(((await officer.get(`/api/tasks/${task.id}/full`)).json() as TaskFull).endDate).toBe('2025-12-31');

    expect((await reporter.post(`/api/task-changes/${change.id}/review`, { decision: 'apply' })).statusCode).toBe(403);
    expect((await otherOfficer.post(`/api/task-changes/${change.id}/review`, { decision: 'apply' })).statusCode).toBe(403);
    const applied = await officer.post(`/api/task-changes/${change.id}/review`, { decision: 'apply' });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ status: 'applied', revision: 2 });
    expect(code(await officer.post(`/api/task-changes/${change.id}/review`, { decision: 'apply' }))).toBe('INVALID_TRANSITION');

    const full = (await officer.get(`/api/tasks/${task.id}/full`)).json() as TaskFull;
    expect([full.endDate, full.piName, full.budgetTotal, full.members.length]).toEqual(['2026-06-30', 'TS. Đỗ Minh Châu', 1600, 1]);
    expect(full.status).toBe('published');
    // the public record follows the applied change
    expect(((await anonymous(t.app).get(`/api/tasks/${task.id}`)).json() as { piName: string }).piName).toBe('TS. Đỗ Minh Châu');

    const revisions = (await reporter.get(`/api/tasks/${task.id}/revisions`)).json() as { items: { revision: number; decisionNo: string | null }[] };
    expect(revisions.items.map((r) => [r.revision, r.decisionNo])).toEqual([
      [1, null],
      [2, '455/QĐ-SKHCN'],
    ]);
    const diff = (await officer.get(`/api/tasks/${task.id}/revisions/diff?from=1&to=2`)).json() as { diff: { field: string; before: unknown; after: unknown }[] };
    expect(diff.diff.map((d) => d.field)).toEqual(['budgetOther', 'budgetTotal', 'endDate', 'members', 'piName']);
    expect(diff.diff.find((d) => d.field === 'piName')).toEqual({ field: 'piName', before: 'PGS.TS. Nguyễn Văn Hùng', after: 'TS. Đỗ Minh Châu' });
    expect((await officer.get(`/api/tasks/${task.id}/revisions/diff?from=1&to=9`)).statusCode).toBe(404);
    expect((await otherOfficer.get(`/api/tasks/${task.id}/revisions`)).statusCode).toBe(403);

    const history = (await officer.get(`/api/tasks/${task.id}/history`)).json() as { items: { action: string; changedFields: string[] }[] };
    expect(history.items[0]?.action).toBe('change');
  });

  it('refuses empty, invalid or conflicting changes and returns changes with a comment', async () => {
    const task = await publishedTask(officer, hanoi, reporterOrg);
    const base = { reason: 'Điều chỉnh', decisionNo: '1/QĐ', decisionDate: '2026-11-02' };
    expect(code(await officer.post(`/api/tasks/${task.id}/changes`, { ...base, changes: { endDate: task.endDate } }))).toBe('NO_CHANGES');
    expect(code(await officer.post(`/api/tasks/${task.id}/changes`, { ...base, changes: { endDate: '2023-01-01' } }))).toBe('INVALID_DATE_RANGE');
    expect(code(await officer.post(`/api/tasks/${task.id}/changes`, { ...base, changes: { managingUnitId: hanoi } }))).toBe('UNKNOWN_FIELD');
    expect(code(await officer.post(`/api/tasks/${task.id}/changes`, { ...base, changes: { fieldCodes2025: ['999'] } }))).toBe('INVALID_CODE');
    expect((await otherOfficer.post(`/api/tasks/${task.id}/changes`, { ...base, changes: { endDate: '2026-12-31' } })).statusCode).toBe(403);
    expect(code(await officer.post(`/api/tasks/${task.id}/changes`, { ...base, decisionDate: '2099-01-01', changes: { endDate: '2026-12-31' } }))).toBe('VALIDATION_FAILED');

    // two changes of the same field: the second to be applied conflicts instead of overwriting the first
    const a = (await officer.post(`/api/tasks/${task.id}/changes`, { ...base, changes: { endDate: '2026-12-31' } })).json() as TaskChange;
    const b = (await reporter.post(`/api/tasks/${task.id}/changes`, { ...base, changes: { endDate: '2027-03-31', titleEn: 'New title' } })).json() as TaskChange;
    expect((await officer.post(`/api/task-changes/${a.id}/review`, { decision: 'apply' })).statusCode).toBe(200);
    const conflict = await officer.post(`/api/task-changes/${b.id}/review`, { decision: 'apply' });
    expect([conflict.statusCode, code(conflict)]).toEqual([409, 'VERSION_CONFLICT']);
    expect((await officer.post(`/api/task-changes/${b.id}/review`, { decision: 'return' })).statusCode).toBe(400);
    const returned = (await officer.post(`/api/task-changes/${b.id}/review`, { decision: 'return', comment: 'Trùng với thay đổi đã áp dụng.' })).json() as TaskChange;
    expect([returned.status, returned.reviewComment]).toEqual(['returned', 'Trùng với thay đổi đã áp dụng.']);
    const list = (await reporter.get(`/api/tasks/${task.id}/changes`)).json() as { items: TaskChange[] };
    expect(list.items.map((c) => c.status).sort()).toEqual(['applied', 'returned']);

    // drafts take edits, not changes
    const draft = (await officer.post('/api/tasks', taskBody(hanoi, reporterOrg))).json() as TaskFull;
    expect(code(await officer.post(`/api/tasks/${draft.id}/changes`, { ...base, changes: { endDate: '2027-12-30' } }))).toBe('INVALID_TRANSITION');
  });
});
