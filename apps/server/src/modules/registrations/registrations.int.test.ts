import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Certificate, CertificateVerification, Registration, TaskFull } from '@stinet/shared';
import { queryRows } from '../../lib/sql.js';
import { organizationBody, unitByCode } from '../../test-support/fixtures.js';
import { completeDossier, organizationOf, publishedTask, uploadPdf } from '../../test-support/registration-fixtures.js';
import { anonymous, createTestApp, loginAs, type Client, type TestApp } from '../../test-support/test-app.js';
import { extractPdfText } from '../../test-support/pdf-text.js';
import { registrationNumbers } from './registrations.service.js';

let t: TestApp;
let hanoi: string;
let officer: Client;
let otherOfficer: Client;
let reporter: Client;
let admin: Client;
let reporterOrg: string;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://stinet.example.vn' });
  hanoi = (await unitByCode(t.app, 'province', '01')).id;
  officer = await loginAs(t.app, 'officer.hanoi');
  otherOfficer = await loginAs(t.app, 'officer.hcm');
  reporter = await loginAs(t.app, 'reporter');
  admin = await loginAs(t.app, 'admin');
  reporterOrg = await organizationOf(t.handle.db, 'reporter');
});
afterAll(async () => {
  await t.close();
});

const code = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const count = async (table: string) => (await queryRows<{ n: number }>(t.handle.db, sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]?.n ?? -1;

describe('official acceptance', () => {
  it('is recorded on published tasks only, not in the future, and sets the registration deadline', async () => {
    const task = await publishedTask(officer, hanoi, reporterOrg);
    const future = await officer.post(`/api/tasks/${task.id}/acceptance`, { acceptedOn: '2099-01-01', acceptanceRating: 'pass', version: task.version });
    expect([future.statusCode, code(future)]).toEqual([400, 'VALIDATION_FAILED']);
    const other = await otherOfficer.post(`/api/tasks/${task.id}/acceptance`, { acceptedOn: '2026-10-01', acceptanceRating: 'pass', version: task.version });
    expect(other.statusCode).toBe(403);
    const ok = await officer.post(`/api/tasks/${task.id}/acceptance`, { acceptedOn: '2026-10-01', acceptanceRating: 'excellent', version: task.version });
    expect(ok.statusCode).toBe(200);
    const full = ok.json() as TaskFull;
    expect([full.acceptedOn, full.acceptanceRating]).toEqual(['2026-10-01', 'excellent']);
    // 30 working days after Thu 1 Oct 2026, no holiday in between: Thu 12 Nov 2026
    expect(full.registrationDeadline).toBe('2026-11-12');
    const stale = await officer.post(`/api/tasks/${task.id}/acceptance`, { acceptedOn: '2026-10-02', acceptanceRating: 'pass', version: task.version });
    expect(stale.statusCode).toBe(409);
  });
});

describe('result registration (Mẫu 5) and the certificate', () => {
  it('runs draft → incomplete refused → submitted → returned → resubmitted with all files kept → registered, once', async () => {
    const task = await publishedTask(officer, hanoi, reporterOrg, { acceptedOn: '2026-11-02' });
    // a dossier needs an accepted task
    const unaccepted = await publishedTask(officer, hanoi, reporterOrg);
    const early = await reporter.post(`/api/tasks/${unaccepted.id}/registration`, { resultTitleVi: 'Kết quả', abstractVi: 'Tóm tắt' });
    expect([early.statusCode, code(early)]).toEqual([409, 'TASK_NOT_ACCEPTED']);

    const opened = await reporter.post(`/api/tasks/${task.id}/registration`, { resultTitleVi: 'Giống lúa chịu mặn ĐT-01', abstractVi: 'Tóm tắt kết quả.', hasTechnologyProcess: true });
    expect(opened.statusCode).toBe(201);
    let reg = opened.json() as Registration;
    expect(reg.status).toBe('draft');
    expect(reg.authorityUnit.id).toBe(hanoi);
    expect(reg.missingRoles.sort()).toEqual(['acceptance_minutes', 'final_report', 'registration_form', 'summary_report', 'technology_description']);
    const twice = await reporter.post(`/api/tasks/${task.id}/registration`, { resultTitleVi: 'X', abstractVi: 'Y' });
    expect(twice.statusCode).toBe(409);

    // files of another organization cannot be attached
    const stranger = await officer.post('/api/organizations', organizationBody(hanoi));
    const foreignFile = await uploadPdf(officer, (stranger.json() as { id: string }).id, 'foreign.pdf');
    const foreign = await reporter.post(`/api/registrations/${reg.id}/files`, { fileId: foreignFile.id, role: 'final_report' });
    expect(foreign.statusCode).toBe(400);

    for (const role of ['registration_form', 'final_report', 'summary_report'] as const) {
      const file = await uploadPdf(reporter, reporterOrg, `${role}.pdf`);
      reg = (await reporter.post(`/api/registrations/${reg.id}/files`, { fileId: file.id, role })).json() as Registration;
    }
    const incomplete = await reporter.post(`/api/registrations/${reg.id}/submit`, { version: reg.version });
    expect([incomplete.statusCode, code(incomplete)]).toEqual([422, 'DOSSIER_INCOMPLETE']);
    expect(JSON.stringify(incomplete.json())).toContain('acceptance_minutes');
    expect((await reporter.get(`/api/registrations/${reg.id}`)).json()).toMatchObject({ status: 'draft' });

    for (const role of ['acceptance_minutes', 'technology_description'] as const) {
      const file = await uploadPdf(reporter, reporterOrg, `${role}.pdf`);
      reg = (await reporter.post(`/api/registrations/${reg.id}/files`, { fileId: file.id, role })).json() as Registration;
    }
    expect(reg.missingRoles).toEqual([]);
    reg = (await reporter.post(`/api/registrations/${reg.id}/submit`, { version: reg.version })).json() as Registration;
    expect(reg.status).toBe('submitted');
    expect(reg.isLate).toBe(false);

    // the reporter cannot register their own dossier, another province's officer cannot touch it
    expect((await reporter.post(`/api/registrations/${reg.id}/review`, { decision: 'register', version: reg.version })).statusCode).toBe(403);
    expect((await otherOfficer.post(`/api/registrations/${reg.id}/review`, { decision: 'register', version: reg.version })).statusCode).toBe(403);
    expect((await otherOfficer.get(`/api/registrations/${reg.id}`)).statusCode).toBe(403);
    // a submitted dossier is not editable
    expect((await reporter.patch(`/api/registrations/${reg.id}`, { abstractVi: 'Sửa', version: reg.version })).statusCode).toBe(409);

    const noComment = await officer.post(`/api/registrations/${reg.id}/review`, { decision: 'return', version: reg.version });
    expect(noComment.statusCode).toBe(400);
    reg = (await officer.post(`/api/registrations/${reg.id}/review`, { decision: 'return', comment: 'Thiếu chữ ký trên biên bản nghiệm thu.', version: reg.version })).json() as Registration;
    expect([reg.status, reg.reviewComment]).toEqual(['returned', 'Thiếu chữ ký trên biên bản nghiệm thu.']);

    // the organization replaces the minutes: the old file is detached, not lost
    const oldMinutes = reg.files.find((f) => f.role === 'acceptance_minutes')?.file.id as string;
    reg = (await reporter.delete(`/api/registrations/${reg.id}/files/${oldMinutes}`)).json() as Registration;
    expect(reg.missingRoles).toEqual(['acceptance_minutes']);
    const newMinutes = await uploadPdf(reporter, reporterOrg, 'bien-ban-nghiem-thu-co-chu-ky.pdf');
    reg = (await reporter.post(`/api/registrations/${reg.id}/files`, { fileId: newMinutes.id, role: 'acceptance_minutes' })).json() as Registration;
    expect(reg.files).toHaveLength(6);
    expect(reg.files.filter((f) => f.detachedAt !== null).map((f) => f.file.id)).toEqual([oldMinutes]);
    const oldContent = await reporter.get(`/api/files/${oldMinutes}/content`);
    expect(oldContent.statusCode).toBe(200);

    reg = (await reporter.post(`/api/registrations/${reg.id}/submit`, { version: reg.version })).json() as Registration;
    const stale = await officer.post(`/api/registrations/${reg.id}/review`, { decision: 'register', version: reg.version - 1 });
    expect(stale.statusCode).toBe(409);
    const certsBefore = await count('certificate');
    const registered = await officer.post(`/api/registrations/${reg.id}/review`, { decision: 'register', version: reg.version, signerName: 'Nguyễn Thị Lan', signerTitle: 'GIÁM ĐỐC' });
    expect(registered.statusCode).toBe(200);
    reg = registered.json() as Registration;
    expect(reg.status).toBe('registered');
    expect(reg.archiveNo).toMatch(/^2026-01-\d{4}\/KQNC$/);
    expect(reg.certificate?.number).toMatch(/^\d{4}\/2026\/GCN-01$/);
    expect(await count('certificate')).toBe(certsBefore + 1);

    // never twice; the dossier is frozen
    const again = await officer.post(`/api/registrations/${reg.id}/review`, { decision: 'register', version: reg.version });
    expect([again.statusCode, code(again)]).toEqual([409, 'ALREADY_REGISTERED']);
    expect(code(await reporter.post(`/api/registrations/${reg.id}/files`, { fileId: newMinutes.id, role: 'other' }))).toBe('ALREADY_REGISTERED');
    expect(await count('certificate')).toBe(certsBefore + 1);
    // a registered task takes no more changes
    const full = (await officer.get(`/api/tasks/${task.id}/full`)).json() as TaskFull;
    expect(full.canChange).toBe(false);
    const change = await officer.post(`/api/tasks/${task.id}/changes`, { changes: { endDate: '2026-12-31' }, reason: 'Gia hạn', decisionNo: '1/QĐ', decisionDate: '2026-11-01' });
    expect([change.statusCode, code(change)]).toEqual([409, 'INVALID_TRANSITION']);

    // the certificate: PDF for the organization, public verification, copies, revocation
    const certId = reg.certificate?.id as string;
    const cert = (await reporter.get(`/api/certificates/${certId}`)).json() as Certificate;
    expect(cert.verificationUrl).toBe(`https://stinet.example.vn/verify/${cert.verificationCode}`);
    expect(cert.canManage).toBe(false);
    const pdf = await reporter.get(`/api/certificates/${certId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await extractPdfText(pdf.rawPayload);
    expect(text).toContain(cert.number);
    expect(text).toContain('Giống lúa chịu mặn ĐT-01');
    expect(text).toContain('Nguyễn Thị Lan');
    expect(text).not.toContain('BẢN SAO');
    expect((await otherOfficer.get(`/api/certificates/${certId}/pdf`)).statusCode).toBe(403);
    expect((await anonymous(t.app).get(`/api/certificates/${certId}/pdf`)).statusCode).toBe(401);

    const verify = await anonymous(t.app).get(`/api/certificates/verify/${cert.verificationCode}`);
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ valid: true, status: 'valid', number: cert.number, taskCode: task.code });
    expect((await anonymous(t.app).get('/api/certificates/verify/AAAAAAAAAAAAAAAA')).statusCode).toBe(404);

    expect((await reporter.post(`/api/certificates/${certId}/copies`, { purpose: 'Hồ sơ xét chức danh' })).statusCode).toBe(403);
    const copied = (await officer.post(`/api/certificates/${certId}/copies`, { purpose: 'Hồ sơ xét chức danh' })).json() as Certificate;
    expect(copied.copies.map((c) => c.copyNo)).toEqual([1]);
    const copyPdf = await reporter.get(`/api/certificates/${certId}/copies/1/pdf`);
    expect(copyPdf.statusCode).toBe(200);
    const copyText = await extractPdfText(copyPdf.rawPayload);
    expect(copyText).toContain('BẢN SAO');
    expect(copyText).toContain(cert.number);
    expect((await reporter.get(`/api/certificates/${certId}/copies/2/pdf`)).statusCode).toBe(404);

    const listed = async (client: Pick<Client, 'get'>, query: string) => ((await client.get(`/api/results?${query}`)).json() as { items: { id: string }[]; total: number }).items.map((i) => i.id);
    expect(await listed(anonymous(t.app), `q=${encodeURIComponent(task.code)}`)).toEqual([reg.id]);
    expect((await anonymous(t.app).get(`/api/results/${reg.id}`)).statusCode).toBe(200);
    expect((await otherOfficer.post(`/api/certificates/${certId}/revoke`, { reason: 'x' })).statusCode).toBe(403);
    const revoked = (await officer.post(`/api/certificates/${certId}/revoke`, { reason: 'Kết quả trùng lặp với nhiệm vụ đã đăng ký.' })).json() as Certificate;
    expect(revoked.status).toBe('revoked');
    const after = (await anonymous(t.app).get(`/api/certificates/verify/${cert.verificationCode}`)).json() as CertificateVerification;
    expect([after.valid, after.status, after.revokeReason]).toEqual([false, 'revoked', 'Kết quả trùng lặp với nhiệm vụ đã đăng ký.']);
    expect(code(await officer.post(`/api/certificates/${certId}/revoke`, { reason: 'again' }))).toBe('CERTIFICATE_REVOKED');
    expect(code(await officer.post(`/api/certificates/${certId}/copies`, {}))).toBe('CERTIFICATE_REVOKED');
    const revokedText = await extractPdfText((await reporter.get(`/api/certificates/${certId}/pdf`)).rawPayload);
    expect(revokedText).toContain('THU HỒI');

    // a revoked registration is void: gone from the public list and record for every caller, signed in or not
    for (const client of [anonymous(t.app), reporter, officer, admin]) {
      expect(await listed(client, `q=${encodeURIComponent(task.code)}`)).toEqual([]);
      expect(await listed(client, `q=${encodeURIComponent(task.code)}&cursor=*`)).toEqual([]);
      const one = await client.get(`/api/results/${reg.id}`);
      expect([one.statusCode, code(one)]).toEqual([404, 'NOT_FOUND']);
    }
    const grouped = (await anonymous(t.app).get(`/api/results?q=${encodeURIComponent(task.code)}&group_by=level`)).json() as { groups: unknown[]; total: number };
    expect([grouped.groups, grouped.total]).toEqual([[], 0]);
    // staff keep the dossier, with the revocation visible
    const dossier = (await officer.get(`/api/registrations/${reg.id}`)).json() as Registration;
    expect([dossier.status, dossier.certificate?.status]).toEqual(['registered', 'revoked']);
    const work = (await officer.get(`/api/registrations/work?status=registered&q=${encodeURIComponent(task.code)}`)).json() as { items: { id: string }[] };
    expect(work.items.map((i) => i.id)).toEqual([reg.id]);
    expect(((await reporter.get(`/api/certificates/${certId}`)).json() as Certificate).status).toBe('revoked');

    const history = (await admin.get(`/api/audit?entityType=certificate&entityId=${certId}`)).json() as { items: { action: string }[] };
    expect(history.items.map((h) => h.action)).toEqual(['revoke', 'copy', 'issue']);
  });

  it('registers national-level tasks at the national agency, and lists registered results publicly without the dossier', async () => {
    const national = (await unitByCode(t.app, 'national', 'CTTK')).id;
    const task = await publishedTask(admin, national, reporterOrg, { acceptedOn: '2026-10-20', overrides: { levelCode: 'QG' } });
    let reg = await completeDossier(reporter, task.id, reporterOrg);
    expect(reg.authorityUnit.id).toBe(national);
    reg = (await reporter.post(`/api/registrations/${reg.id}/submit`, { version: reg.version })).json() as Registration;
    // the Hà Nội officer is not the registering authority of a national task
    expect((await officer.post(`/api/registrations/${reg.id}/review`, { decision: 'register', version: reg.version })).statusCode).toBe(403);
    reg = (await admin.post(`/api/registrations/${reg.id}/review`, { decision: 'register', version: reg.version })).json() as Registration;
    expect(reg.certificate?.number).toMatch(/GCN-CTTK$/);

    const list = await anonymous(t.app).get(`/api/results?q=${encodeURIComponent(task.code)}`);
    expect(list.statusCode).toBe(200);
    const body = list.json() as { items: { id: string; certificateNumber: string }[] };
    expect(body.items.map((i) => i.id)).toEqual([reg.id]);
    const text = JSON.stringify(body);
    for (const hidden of ['files', 'reviewComment', 'sha256', 'budget', 'contractNo', 'verificationCode']) expect(text).not.toContain(hidden);
    expect((await anonymous(t.app).get(`/api/results/${reg.id}`)).statusCode).toBe(200);

    const work = (await admin.get('/api/registrations/work?status=registered')).json() as { items: { id: string }[] };
    expect(work.items.some((i) => i.id === reg.id)).toBe(true);
    const hcm = (await otherOfficer.get('/api/registrations/work')).json() as { items: { id: string }[] };
    expect(hcm.items.some((i) => i.id === reg.id)).toBe(false);
  });

  it('the seeded dataset has accepted tasks, dossiers, certificates and revisions whose snapshots take changes cleanly', async () => {
    const states = await queryRows<{ status: string; n: number }>(t.handle.db, sql`SELECT status, count(*)::int AS n FROM result_registration GROUP BY status`);
    expect(states.find((s) => s.status === 'registered')?.n ?? 0).toBeGreaterThan(0);
    const certs = await queryRows<{ n: number; numbers: number }>(t.handle.db, sql`SELECT count(*)::int AS n, count(DISTINCT number)::int AS numbers FROM certificate`);
    expect(certs[0]?.n).toBe(certs[0]?.numbers);
    const unregistered = await queryRows<{ n: number }>(t.handle.db, sql`SELECT count(*)::int AS n FROM certificate c JOIN result_registration r ON r.id = c.registration_id WHERE r.status <> 'registered' OR r.archive_no IS NULL`);
    expect(unregistered[0]?.n).toBe(0);
    // a seeded published task in Hà Nội, not registered: its SQL-built revision 1 must equal the live record
    const [seeded] = await queryRows<{ id: string }>(
      t.handle.db,
      sql`SELECT t.id FROM task t WHERE t.status = 'published' AND t.managing_unit_id = ${hanoi} AND NOT EXISTS (SELECT 1 FROM result_registration r WHERE r.task_id = t.id AND r.status = 'registered') ORDER BY t.code LIMIT 1`,
    );
    expect(seeded).toBeDefined();
    if (!seeded) return;
    const revisions = (await officer.get(`/api/tasks/${seeded.id}/revisions`)).json() as { items: { revision: number }[] };
    expect(revisions.items.length).toBeGreaterThan(0);
    const change = (await officer.post(`/api/tasks/${seeded.id}/changes`, { changes: { titleEn: 'Changed in test' }, reason: 'Bổ sung tên tiếng Anh', decisionNo: '7/QĐ', decisionDate: '2026-11-02' })).json() as { id: string };
    const applied = await officer.post(`/api/task-changes/${change.id}/review`, { decision: 'apply' });
    expect(applied.statusCode).toBe(200);
    const last = revisions.items.at(-1)?.revision as number;
    const diff = (await officer.get(`/api/tasks/${seeded.id}/revisions/diff?from=${last}&to=${last + 1}`)).json() as { diff: { field: string }[] };
    expect(diff.diff.map((d) => d.field)).toEqual(['titleEn']);
  });

  it('puts registrations due, dossiers awaiting review and changes awaiting review on the focal-point board', async () => {
    type Board = { counts: Record<string, number>; registrations: { taskId: string; deadline: string; isLate: boolean; registrationStatus: string | null }[]; dossiersAwaitingReview: { taskId: string }[]; changesAwaitingReview: { changeId: string }[] };
    const board = async (c: Client) => (await c.get('/api/tasks/board?asOf=2026-11-24')).json() as Board;
    const late = await publishedTask(officer, hanoi, reporterOrg, { acceptedOn: '2026-09-01' });
    const recent = await publishedTask(officer, hanoi, reporterOrg, { acceptedOn: '2026-11-20' });
    let b = await board(officer);
    const lateItem = b.registrations.find((r) => r.taskId === late.id);
    expect(lateItem).toMatchObject({ isLate: true, registrationStatus: null, deadline: '2026-10-14' });
    expect(b.registrations.find((r) => r.taskId === recent.id)).toMatchObject({ isLate: false });
    expect(b.counts.registrationsOverdue).toBeGreaterThan(0);
    expect((await board(otherOfficer)).registrations.some((r) => r.taskId === late.id)).toBe(false);
    expect((await board(reporter)).registrations.some((r) => r.taskId === late.id)).toBe(true);

    const reg = await completeDossier(reporter, recent.id, reporterOrg);
    await reporter.post(`/api/registrations/${reg.id}/submit`, { version: reg.version });
    const change = (await reporter.post(`/api/tasks/${late.id}/changes`, { changes: { titleEn: 'Board check' }, reason: 'Sửa tên', decisionNo: '3/QĐ', decisionDate: '2026-11-02' })).json() as { id: string };
    b = await board(officer);
    expect(b.registrations.some((r) => r.taskId === recent.id)).toBe(false);
    expect(b.dossiersAwaitingReview.some((r) => r.taskId === recent.id)).toBe(true);
    expect(b.changesAwaitingReview.some((c) => c.changeId === change.id)).toBe(true);
  });

  it('lets national-agency staff read state-budget tasks and dossiers of every province, but not act on them', async () => {
    const national = (await unitByCode(t.app, 'national', 'CTTK')).id;
    const username = `officer.national.${Date.now().toString(36)}`;
    expect((await admin.post('/api/users', { username, displayName: 'Cán bộ Cục', password: 'mat-khau-rat-dai-2026', role: 'focal_officer', scopeUnitId: national })).statusCode).toBe(201);
    const nationalOfficer = await loginAs(t.app, username, 'mat-khau-rat-dai-2026');
    const nsnn = await publishedTask(officer, hanoi, reporterOrg, { acceptedOn: '2026-11-02' });
    const other = await publishedTask(officer, hanoi, reporterOrg, { overrides: { fundingType: 'NON_NSNN' } });
    const reg = await completeDossier(reporter, nsnn.id, reporterOrg);
    expect((await nationalOfficer.get(`/api/tasks/${nsnn.id}/full`)).statusCode).toBe(200);
    expect((await nationalOfficer.get(`/api/registrations/${reg.id}`)).statusCode).toBe(200);
    expect((await nationalOfficer.get(`/api/tasks/${other.id}/full`)).statusCode).toBe(403);
    const work = (await nationalOfficer.get(`/api/tasks/work?q=${encodeURIComponent(nsnn.code)}`)).json() as { items: { id: string }[] };
    expect(work.items.map((i) => i.id)).toEqual([nsnn.id]);
    expect((await nationalOfficer.post(`/api/tasks/${nsnn.id}/changes`, { changes: { titleEn: 'x' }, reason: 'r', decisionNo: '1/QĐ', decisionDate: '2026-11-02' })).statusCode).toBe(403);
    expect((await nationalOfficer.patch(`/api/registrations/${reg.id}`, { abstractVi: 'x', version: reg.version })).statusCode).toBe(403);
  });

  it('opens the deposited reports to everyone when the dossier says public full text, and nothing else', async () => {
    const task = await publishedTask(officer, hanoi, reporterOrg, { acceptedOn: '2026-11-02' });
    let reg = await completeDossier(reporter, task.id, reporterOrg);
    reg = (await reporter.patch(`/api/registrations/${reg.id}`, { fullTextTier: 'public_fulltext', version: reg.version })).json() as Registration;
    const finalReport = reg.files.find((f) => f.role === 'final_report')?.file.id as string;
    const minutes = reg.files.find((f) => f.role === 'acceptance_minutes')?.file.id as string;
    expect((await anonymous(t.app).get(`/api/files/${finalReport}/content`)).statusCode).toBe(401);
    reg = (await reporter.post(`/api/registrations/${reg.id}/submit`, { version: reg.version })).json() as Registration;
    reg = (await officer.post(`/api/registrations/${reg.id}/review`, { decision: 'register', version: reg.version })).json() as Registration;
    const pub = (await anonymous(t.app).get(`/api/results/${reg.id}`)).json() as { documents: { fileId: string; role: string }[] };
    expect(pub.documents.map((d) => d.role).sort()).toEqual(['final_report', 'summary_report']);
    expect((await anonymous(t.app).get(`/api/files/${finalReport}/content`)).statusCode).toBe(200);
    expect((await anonymous(t.app).get(`/api/files/${minutes}/content`)).statusCode).toBe(401);

    // a revoked certificate voids the registration: its documents stop being public (staff in scope still read them)
    expect((await officer.post(`/api/certificates/${reg.certificate?.id}/revoke`, { reason: 'Kết quả trùng lặp.' })).statusCode).toBe(200);
    expect((await anonymous(t.app).get(`/api/files/${finalReport}/content`)).statusCode).toBe(401);
    expect((await anonymous(t.app).get(`/api/files/${finalReport}`)).statusCode).toBe(401);
    expect((await officer.get(`/api/files/${finalReport}/content`)).statusCode).toBe(200);

    // the default (focal-point full text) publishes no document
    const other = await publishedTask(officer, hanoi, reporterOrg, { acceptedOn: '2026-11-02' });
    let reg2 = await completeDossier(reporter, other.id, reporterOrg);
    reg2 = (await reporter.post(`/api/registrations/${reg2.id}/submit`, { version: reg2.version })).json() as Registration;
    reg2 = (await officer.post(`/api/registrations/${reg2.id}/review`, { decision: 'register', version: reg2.version })).json() as Registration;
    expect(((await anonymous(t.app).get(`/api/results/${reg2.id}`)).json() as { documents: unknown[] }).documents).toEqual([]);
  });

  it('numbers certificates per authority and year', () => {
    expect(registrationNumbers(7, 2026, '01')).toEqual({ number: '0007/2026/GCN-01', archiveNo: '2026-01-0007/KQNC' });
  });
});
