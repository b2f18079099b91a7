import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { queryRows } from '../lib/sql.js';
import { organizationBody, unitByCode } from '../test-support/fixtures.js';
import { taskBody } from '../test-support/task-fixtures.js';
import { completeDossier, publishedTask, uploadPdf } from '../test-support/registration-fixtures.js';
import type { Certificate, Registration, TaskChange } from '@stinet/shared';
import { anonymous, createTestApp, loginAs, multipartFile, type TestApp } from '../test-support/test-app.js';

/**
 * The authorization matrix: every role × every endpoint × own / other scope.
 * Officers: "own" is the Hà Nội officer, "other" the TP. Hồ Chí Minh officer, both acting on Hà Nội records.
 * Reporters: the reporter acting on their own organization ("own") or another one ("other").
 */
const ACTORS = ['public', 'admin', 'officerOwn', 'officerOther', 'reporterOwn', 'reporterOther', 'reviewer'] as const;
type ActorKey = (typeof ACTORS)[number];
type Expect = Record<ActorKey, number>;

interface Fixture {
  hanoi: string;
  orgA: string;
  orgB: string;
  resA: string;
  resB: string;
  fp: string;
  staff: string;
  publishedTask: string;
  ministry: string;
  reviewerUser: string;
}

/** Per-call preparation (e.g. a fresh task in the right state), passed to url and body. */
type Prepared = { id: string; version: number; extra?: string };

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  route: string;
  prepare?(fx: Fixture, actor: ActorKey): Promise<Prepared>;
  url(fx: Fixture, actor: ActorKey, p: Prepared): string;
  body?(fx: Fixture, actor: ActorKey, p: Prepared): Promise<unknown> | unknown;
  /** A raw body with its headers (multipart uploads). */
  raw?(fx: Fixture, actor: ActorKey, p: Prepared): { payload: Buffer; headers: Record<string, string> };
  expect: Expect;
  freshSession?: boolean;
}

const all = (status: number): Expect => ({ public: status, admin: status, officerOwn: status, officerOther: status, reporterOwn: status, reporterOther: status, reviewer: status });
const staffOnly = (status: number): Expect => ({ ...all(status), public: 401 });
const adminOnly = (status: number): Expect => ({ public: 401, admin: status, officerOwn: 403, officerOther: 403, reporterOwn: 403, reporterOther: 403, reviewer: 403 });
const unitManage = (status: number): Expect => ({ public: 401, admin: status, officerOwn: status, officerOther: 403, reporterOwn: 403, reporterOther: 403, reviewer: 403 });
const unitRead: Expect = { public: 401, admin: 200, officerOwn: 200, officerOther: 403, reporterOwn: 403, reporterOther: 403, reviewer: 200 };
const orgRead: Expect = { public: 401, admin: 200, officerOwn: 200, officerOther: 403, reporterOwn: 200, reporterOther: 403, reviewer: 200 };
const networkStaff: Expect = { public: 401, admin: 200, officerOwn: 200, officerOther: 200, reporterOwn: 403, reporterOther: 403, reviewer: 200 };
const orgEdit = (status: number): Expect => ({ public: 401, admin: status, officerOwn: status, officerOther: 403, reporterOwn: status, reporterOther: 403, reviewer: 403 });

let t: TestApp;
let fx: Fixture;
let counter = 0;
const uniq = () => `${Date.now().toString(36)}${(counter += 1)}`;

const orgFor = (f: Fixture, a: ActorKey) => (a === 'reporterOther' ? f.orgB : f.orgA);
const resFor = (f: Fixture, a: ActorKey) => (a === 'reporterOther' ? f.resB : f.resA);
async function versionOf(table: 'organization' | 'researcher', id: string): Promise<number> {
  const rows = await queryRows<{ version: number }>(t.handle.db, sql`SELECT version FROM ${sql.identifier(table)} WHERE id = ${id}`);
  return rows[0]?.version ?? 0;
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

/** A focal-point-tier file of the actor's "own" (reporterOther: the other) organization, uploaded by the admin. */
async function freshFile(f: Fixture, a: ActorKey): Promise<Prepared> {
  const admin = await loginAs(t.app, 'admin');
  const body = multipartFile('bao-cao.pdf', PDF);
  const res = await admin.request({ method: 'POST', url: `/api/files?organizationId=${orgFor(f, a)}`, payload: body.payload, headers: body.headers });
  return { id: (res.json() as { id: string }).id, version: 0 };
}

/** A task led by the actor's "own" (or for reporterOther: the other) organization, brought to a status by the admin. */
async function freshTask(f: Fixture, a: ActorKey, status: 'draft' | 'submitted'): Promise<Prepared> {
  const admin = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'stinet-demo-2026' } });
  const cookie = `stinet_session=${admin.cookies.find((c) => c.name === 'stinet_session')?.value}`;
  const headers = { cookie, 'x-csrf-token': (admin.json() as { csrfToken: string }).csrfToken };
  let task = (await t.app.inject({ method: 'POST', url: '/api/tasks', headers, payload: taskBody(f.hanoi, orgFor(f, a)) })).json() as Prepared;
  if (status === 'submitted') task = (await t.app.inject({ method: 'POST', url: `/api/tasks/${task.id}/submit`, headers, payload: { version: task.version } })).json() as Prepared;
  return { id: task.id, version: task.version };
}

/** A published task led by the actor's organization, optionally with its acceptance recorded (by the admin). */
async function freshPublished(f: Fixture, a: ActorKey, accepted = false): Promise<Prepared> {
  const task = await publishedTask(await loginAs(t.app, 'admin'), f.hanoi, orgFor(f, a), accepted ? { acceptedOn: '2026-11-02' } : {});
  return { id: task.id, version: task.version };
}

/** A filed change of a published task. */
async function freshChange(f: Fixture, a: ActorKey): Promise<Prepared> {
  const admin = await loginAs(t.app, 'admin');
  const task = await freshPublished(f, a);
  const change = (await admin.post(`/api/tasks/${task.id}/changes`, { changes: { endDate: '2027-06-30' }, reason: 'Gia hạn', decisionNo: '9/QĐ', decisionDate: '2026-11-02' })).json() as TaskChange;
  return { id: change.id, version: 0 };
}

/** A complete registration dossier of the actor's organization brought to a status by the admin; `extra` is one attached file (or the task id). */
async function freshRegistration(f: Fixture, a: ActorKey, status: 'draft' | 'submitted' | 'registered'): Promise<Prepared & { reg: Registration }> {
  const admin = await loginAs(t.app, 'admin');
  const task = await freshPublished(f, a, true);
  let reg = await completeDossier(admin, task.id, orgFor(f, a));
  if (status !== 'draft') reg = (await admin.post(`/api/registrations/${reg.id}/submit`, { version: reg.version })).json() as Registration;
  if (status === 'registered') reg = (await admin.post(`/api/registrations/${reg.id}/review`, { decision: 'register', version: reg.version })).json() as Registration;
  return { id: reg.id, version: reg.version, extra: reg.files[0]?.file.id as string, reg };
}

/** An issued certificate (with one certified copy) of the actor's organization; `extra` is its verification code. */
async function freshCertificate(f: Fixture, a: ActorKey): Promise<Prepared> {
  const { reg } = await freshRegistration(f, a, 'registered');
  const cert = (await (await loginAs(t.app, 'admin')).post(`/api/certificates/${reg.certificate?.id}/copies`, {})).json() as Certificate;
  return { id: cert.id, version: 0, extra: cert.verificationCode };
}

const ROWS: Row[] = [
  { method: 'GET', route: '/api/health', url: () => '/api/health', expect: all(200) },
  { method: 'POST', route: '/api/auth/login', url: () => '/api/auth/login', body: () => ({ username: 'reviewer', password: 'stinet-demo-2026' }), expect: all(200) },
  { method: 'POST', route: '/api/auth/logout', url: () => '/api/auth/logout', expect: staffOnly(204), freshSession: true },
  { method: 'GET', route: '/api/auth/me', url: () => '/api/auth/me', expect: staffOnly(200) },
  { method: 'PATCH', route: '/api/auth/me', url: () => '/api/auth/me', body: () => ({ locale: 'vi' }), expect: staffOnly(200) },
  { method: 'GET', route: '/api/auth/tokens', url: () => '/api/auth/tokens', expect: staffOnly(200) },
  { method: 'POST', route: '/api/auth/tokens', url: () => '/api/auth/tokens', body: () => ({ name: `matrix ${uniq()}` }), expect: staffOnly(201) },
  { method: 'DELETE', route: '/api/auth/tokens/:id', url: () => '/api/auth/tokens/00000000-0000-4000-8000-000000000001', expect: staffOnly(404) },
  { method: 'GET', route: '/api/users', url: () => '/api/users', expect: adminOnly(200) },
  {
    method: 'POST',
    route: '/api/users',
    url: () => '/api/users',
    body: () => ({ username: `user.${uniq()}`, displayName: 'Người dùng thử', password: 'mat-khau-rat-dai-2026', role: 'reviewer' }),
    expect: adminOnly(201),
  },
  { method: 'PATCH', route: '/api/users/:id', url: (f) => `/api/users/${f.reviewerUser}`, body: () => ({ displayName: 'Người thẩm định' }), expect: adminOnly(200) },
  { method: 'GET', route: '/api/org-units', url: () => '/api/org-units', expect: all(200) },
  { method: 'GET', route: '/api/org-units/:id', url: (f) => `/api/org-units/${f.hanoi}`, expect: all(200) },
  {
    method: 'POST',
    route: '/api/org-units',
    url: () => '/api/org-units',
    body: () => ({ kind: 'ministry', code: `M${uniq()}`.slice(0, 20), nameVi: 'Cơ quan thử', nameEn: 'Test agency', validFrom: '2026-01-01' }),
    expect: adminOnly(201),
  },
  { method: 'PATCH', route: '/api/org-units/:id', url: (f) => `/api/org-units/${f.ministry}`, body: () => ({ nameEn: 'Test ministry' }), expect: adminOnly(200) },
  { method: 'GET', route: '/api/focal-points', url: () => '/api/focal-points', expect: all(200) },
  { method: 'GET', route: '/api/focal-points/:id', url: (f) => `/api/focal-points/${f.fp}`, expect: all(200) },
  {
    method: 'POST',
    route: '/api/focal-points',
    url: () => '/api/focal-points',
    body: (f) => ({ orgUnitId: f.hanoi, nameVi: 'Trung tâm thử', validFrom: '2025-07-01' }),
    expect: adminOnly(201),
  },
  { method: 'PATCH', route: '/api/focal-points/:id', url: (f) => `/api/focal-points/${f.fp}`, body: () => ({ contactName: 'Nguyễn Văn Liên' }), expect: unitManage(200) },
  { method: 'GET', route: '/api/focal-points/:id/staff', url: (f) => `/api/focal-points/${f.fp}/staff`, expect: unitRead },
  { method: 'POST', route: '/api/focal-points/:id/staff', url: (f) => `/api/focal-points/${f.fp}/staff`, body: () => ({ fullName: 'Trần Thị Hoa' }), expect: unitManage(201) },
  { method: 'PATCH', route: '/api/focal-staff/:id', url: (f) => `/api/focal-staff/${f.staff}`, body: () => ({ position: 'Chuyên viên chính' }), expect: unitManage(200) },
  {
    method: 'POST',
    route: '/api/focal-staff/:id/trainings',
    url: (f) => `/api/focal-staff/${f.staff}/trainings`,
    body: () => ({ courseTitle: 'Thống kê KH&CN', startDate: '2026-03-01' }),
    expect: unitManage(201),
  },
  { method: 'GET', route: '/api/organizations', url: () => '/api/organizations', expect: all(200) },
  { method: 'GET', route: '/api/organizations/:id', url: (f, a) => `/api/organizations/${orgFor(f, a)}`, expect: all(200) },
  { method: 'GET', route: '/api/organizations/:id/full', url: (f, a) => `/api/organizations/${orgFor(f, a)}/full`, expect: orgRead },
  { method: 'GET', route: '/api/organizations/:id/history', url: (f, a) => `/api/organizations/${orgFor(f, a)}/history`, expect: orgRead },
  { method: 'POST', route: '/api/organizations', url: () => '/api/organizations', body: (f) => organizationBody(f.hanoi), expect: unitManage(201) },
  {
    method: 'PATCH',
    route: '/api/organizations/:id',
    url: (f, a) => `/api/organizations/${orgFor(f, a)}`,
    body: async (f, a) => ({ fax: '024 0000 0000', version: await versionOf('organization', orgFor(f, a)) }),
    expect: orgEdit(200),
  },
  { method: 'GET', route: '/api/researchers', url: () => '/api/researchers', expect: all(200) },
  { method: 'GET', route: '/api/researchers/:id', url: (f, a) => `/api/researchers/${resFor(f, a)}`, expect: all(200) },
  { method: 'GET', route: '/api/researchers/:id/full', url: (f, a) => `/api/researchers/${resFor(f, a)}/full`, expect: orgRead },
  { method: 'GET', route: '/api/researchers/:id/history', url: (f, a) => `/api/researchers/${resFor(f, a)}/history`, expect: orgRead },
  {
    method: 'POST',
    route: '/api/researchers',
    url: () => '/api/researchers',
    body: (f, a) => ({ fullName: 'Lê Văn Thử', gender: 'M', organizationId: orgFor(f, a), qualificationCode: 'TS' }),
    expect: orgEdit(201),
  },
  {
    method: 'PATCH',
    route: '/api/researchers/:id',
    url: (f, a) => `/api/researchers/${resFor(f, a)}`,
    body: async (f, a) => ({ position: 'Nghiên cứu viên chính', version: await versionOf('researcher', resFor(f, a)) }),
    expect: orgEdit(200),
  },
  { method: 'GET', route: '/api/classifications', url: () => '/api/classifications', expect: all(200) },
  { method: 'GET', route: '/api/classifications/crosswalk', url: () => '/api/classifications/crosswalk?from=FOS2008&to=FOS2025', expect: all(200) },
  { method: 'GET', route: '/api/classifications/:scheme', url: () => '/api/classifications/FOS2025', expect: all(200) },
  { method: 'GET', route: '/api/audit', url: () => '/api/audit', expect: adminOnly(200) },
  {
    method: 'POST',
    route: '/api/files',
    url: (f, a) => `/api/files?organizationId=${orgFor(f, a)}`,
    raw: () => multipartFile('bao-cao-tong-hop.pdf', PDF),
    expect: orgEdit(201),
  },
  { method: 'GET', route: '/api/files/:id', prepare: freshFile, url: (_f, _a, p) => `/api/files/${p.id}`, expect: orgRead },
  { method: 'GET', route: '/api/files/:id/content', prepare: freshFile, url: (_f, _a, p) => `/api/files/${p.id}/content`, expect: orgRead },
  // application-of-results reports (Mẫu 12), the yearly summary (Mẫu 15) and the reminder outbox
  ...((): Row[] => {
    /** A published task of the actor's organization accepted on 2025-06-02, so its year-1 report window is open. */
    const accepted = async (f: Fixture, a: ActorKey): Promise<Prepared> => {
      const task = await publishedTask(await loginAs(t.app, 'admin'), f.hanoi, orgFor(f, a), { acceptedOn: '2025-06-02' });
      return { id: task.id, version: task.version };
    };
    /** The year-1 report of such a task, started (and sent) by the admin. */
    const report = async (f: Fixture, a: ActorKey, submitted: boolean): Promise<Prepared> => {
      const admin = await loginAs(t.app, 'admin');
      const task = await accepted(f, a);
      let r = (await admin.post(`/api/tasks/${task.id}/application-reports`, { yearIndex: 1, applicationStatus: 'applied', placesApplied: 'HTX Thử nghiệm' })).json() as Prepared;
      if (submitted) r = (await admin.post(`/api/application-reports/${r.id}/submit`, { version: r.version })).json() as Prepared;
      return { id: r.id, version: r.version };
    };
    return [
      { method: 'GET', route: '/api/tasks/:id/application-reports', prepare: accepted, url: (_f, _a, p) => `/api/tasks/${p.id}/application-reports`, expect: orgRead },
      {
        method: 'POST',
        route: '/api/tasks/:id/application-reports',
        prepare: accepted,
        url: (_f, _a, p) => `/api/tasks/${p.id}/application-reports`,
        body: () => ({ yearIndex: 1, applicationStatus: 'not_applied' }),
        expect: orgEdit(201),
      },
      { method: 'GET', route: '/api/application-reports', url: () => '/api/application-reports', expect: all(200) },
      { method: 'GET', route: '/api/application-reports/work', url: () => '/api/application-reports/work', expect: staffOnly(200) },
      { method: 'GET', route: '/api/application-reports/summary', url: (f) => `/api/application-reports/summary?unitId=${f.hanoi}&year=2026`, expect: unitRead },
      { method: 'GET', route: '/api/application-reports/summary.xlsx', url: (f) => `/api/application-reports/summary.xlsx?unitId=${f.hanoi}&year=2026`, expect: unitRead },
      { method: 'GET', route: '/api/application-reports/:id', prepare: (f, a) => report(f, a, false), url: (_f, _a, p) => `/api/application-reports/${p.id}`, expect: orgRead },
      {
        method: 'PATCH',
        route: '/api/application-reports/:id',
        prepare: (f, a) => report(f, a, false),
        url: (_f, _a, p) => `/api/application-reports/${p.id}`,
        body: (_f, _a, p) => ({ scale: '50 ha', version: p.version }),
        expect: orgEdit(200),
      },
      {
        method: 'POST',
        route: '/api/application-reports/:id/submit',
        prepare: (f, a) => report(f, a, false),
        url: (_f, _a, p) => `/api/application-reports/${p.id}/submit`,
        body: (_f, _a, p) => ({ version: p.version }),
        expect: orgEdit(200),
      },
      {
        method: 'POST',
        route: '/api/application-reports/:id/review',
        prepare: (f, a) => report(f, a, true),
        url: (_f, _a, p) => `/api/application-reports/${p.id}/review`,
        body: (_f, _a, p) => ({ decision: 'accept', version: p.version }),
        expect: unitManage(200),
      },
      { method: 'GET', route: '/api/notifications', url: () => '/api/notifications', expect: adminOnly(200) },
      { method: 'POST', route: '/api/notifications/sweep', url: () => '/api/notifications/sweep', expect: adminOnly(200) },
    ];
  })(),
  // the statistical reporting cycle (forms, periods, assignments, reports, the board)
  ...((): Row[] => {
    let nextYear = 2040;
    const F02 = '02/CS-KHCN';
    /** A fresh period (its own year, so every call gets new reports), opened by the admin. */
    const period = async (): Promise<Prepared> => {
      const res = await (await loginAs(t.app, 'admin')).post('/api/stats/periods', { year: (nextYear += 1) });
      return { id: (res.json() as { id: string }).id, version: 0 };
    };
    /** One period shared by the read-only rows (years are few). */
    let shared: Promise<Prepared> | null = null;
    const onePeriod = (): Promise<Prepared> => (shared ??= period());
    /** The form-02 report of the actor's organization in a fresh period, brought to a status by the admin. */
    const report = async (f: Fixture, a: ActorKey, status: 'draft' | 'submitted' | 'approved'): Promise<Prepared> => {
      const admin = await loginAs(t.app, 'admin');
      const p = await period();
      const assigned = (await admin.post(`/api/stats/periods/${p.id}/assignments`, { organizationIds: [orgFor(f, a)], forms: [{ code: F02 }] })).json() as { reportIds: string[] };
      let r = (await admin.get(`/api/stats/reports/${assigned.reportIds[0]}`)).json() as Prepared;
      if (status !== 'draft') r = (await admin.post(`/api/stats/reports/${r.id}/submit`, { version: r.version })).json() as Prepared;
      if (status === 'approved') r = (await admin.post(`/api/stats/reports/${r.id}/review`, { decision: 'approve', version: r.version })).json() as Prepared;
      return { id: r.id, version: r.version };
    };
    /** The draft form-02 report of the actor's organization in one shared period (assignment is idempotent; years are few). */
    let draftPeriod: Promise<Prepared> | null = null;
    const sharedDraft = async (f: Fixture, a: ActorKey): Promise<Prepared> => {
      const admin = await loginAs(t.app, 'admin');
      const p = await (draftPeriod ??= period());
      const assigned = (await admin.post(`/api/stats/periods/${p.id}/assignments`, { organizationIds: [orgFor(f, a)], forms: [{ code: F02 }] })).json() as { reportIds: string[] };
      const r = (await admin.get(`/api/stats/reports/${assigned.reportIds[0]}`)).json() as Prepared;
      return { id: r.id, version: r.version };
    };
    /** A fresh period of a year before the seeded ones (2000…), for the rows that close periods. */
    let lowYear = 2000;
    const lowPeriod = async (): Promise<Prepared> => {
      const res = await (await loginAs(t.app, 'admin')).post('/api/stats/periods', { year: (lowYear += 1) });
      return { id: (res.json() as { id: string }).id, version: 0 };
    };
    /** The form-04 draft of the actor's organization in one shared period. */
    let period04: Promise<Prepared> | null = null;
    const report04 = async (f: Fixture, a: ActorKey): Promise<Prepared> => {
      const admin = await loginAs(t.app, 'admin');
      const p = await (period04 ??= period());
      const assigned = (await admin.post(`/api/stats/periods/${p.id}/assignments`, { organizationIds: [orgFor(f, a)], forms: [{ code: '04/CS-KHCN' }] })).json() as { reportIds: string[] };
      return { id: assigned.reportIds[0] as string, version: 1 };
    };
    /** The period of year 2000 with one approved (empty) form-02 report: something to release. */
    let releasePeriod: Promise<Prepared> | null = null;
    const releasable = (): Promise<Prepared> =>
      (releasePeriod ??= (async () => {
        const admin = await loginAs(t.app, 'admin');
        const p = (await admin.post('/api/stats/periods', { year: 2000 })).json() as { id: string };
        const assigned = (await admin.post(`/api/stats/periods/${p.id}/assignments`, { organizationIds: [fx.orgA], forms: [{ code: F02 }] })).json() as { reportIds: string[] };
        let r = (await admin.get(`/api/stats/reports/${assigned.reportIds[0]}`)).json() as Prepared;
        r = (await admin.post(`/api/stats/reports/${r.id}/submit`, { version: r.version })).json() as Prepared;
        await admin.post(`/api/stats/reports/${r.id}/review`, { decision: 'approve', version: r.version });
        return { id: p.id, version: 0 };
      })());
    /** A published release of that period (fresh when it will be withdrawn, else one shared). */
    let sharedRelease: Promise<Prepared> | null = null;
    const release = (fresh: boolean): Promise<Prepared> => {
      const make = async () => {
        const p = await releasable();
        const res = await (await loginAs(t.app, 'admin')).post('/api/stats/releases', { periodId: p.id, formCode: F02, embargoUntil: '2001-03-31T09:00:00+07:00' });
        return { id: (res.json() as { id: string }).id, version: 0 };
      };
      return fresh ? make() : (sharedRelease ??= make());
    };
    return [
      { method: 'GET', route: '/api/stats/forms', url: () => '/api/stats/forms', expect: all(200) },
      { method: 'GET', route: '/api/stats/forms/:code/:version', url: () => `/api/stats/forms/${encodeURIComponent(F02)}/TT25-2015`, expect: all(200) },
      { method: 'GET', route: '/api/stats/periods', url: () => '/api/stats/periods', expect: all(200) },
      { method: 'POST', route: '/api/stats/periods', url: () => '/api/stats/periods', body: () => ({ year: 2039 }), expect: adminOnly(201) },
      {
        method: 'POST',
        route: '/api/stats/periods/:id/assignments',
        prepare: period,
        url: (_f, _a, p) => `/api/stats/periods/${p.id}/assignments`,
        body: (f, a) => ({ organizationIds: [orgFor(f, a)], forms: [{ code: F02 }] }),
        expect: unitManage(200),
      },
      { method: 'GET', route: '/api/stats/periods/:id/board', prepare: period, url: (f, _a, p) => `/api/stats/periods/${p.id}/board?unitId=${f.hanoi}`, expect: unitRead },
      { method: 'GET', route: '/api/stats/reports', url: () => '/api/stats/reports', expect: staffOnly(200) },
      { method: 'GET', route: '/api/stats/reports/:id', prepare: (f, a) => report(f, a, 'draft'), url: (_f, _a, p) => `/api/stats/reports/${p.id}`, expect: orgRead },
      {
        method: 'PUT',
        route: '/api/stats/reports/:id/cells',
        prepare: (f, a) => report(f, a, 'draft'),
        url: (_f, _a, p) => `/api/stats/reports/${p.id}/cells`,
        body: (_f, _a, p) => ({ version: p.version, cells: [{ row: '01', column: 'C1', state: 'value', value: 0 }] }),
        expect: orgEdit(200),
      },
      { method: 'POST', route: '/api/stats/reports/:id/submit', prepare: (f, a) => report(f, a, 'draft'), url: (_f, _a, p) => `/api/stats/reports/${p.id}/submit`, body: (_f, _a, p) => ({ version: p.version }), expect: orgEdit(200) },
      {
        method: 'POST',
        route: '/api/stats/reports/:id/review',
        prepare: (f, a) => report(f, a, 'submitted'),
        url: (_f, _a, p) => `/api/stats/reports/${p.id}/review`,
        body: (_f, _a, p) => ({ decision: 'approve', version: p.version }),
        expect: unitManage(200),
      },
      { method: 'POST', route: '/api/stats/reports/:id/accept', prepare: (f, a) => report(f, a, 'approved'), url: (_f, _a, p) => `/api/stats/reports/${p.id}/accept`, body: (_f, _a, p) => ({ version: p.version }), expect: adminOnly(200) },
      {
        method: 'POST',
        route: '/api/stats/reports/:id/reopen',
        prepare: (f, a) => report(f, a, 'approved'),
        url: (_f, _a, p) => `/api/stats/reports/${p.id}/reopen`,
        body: (_f, _a, p) => ({ reason: 'Mở lại để sửa số liệu.', version: p.version }),
        expect: unitManage(200),
      },
      { method: 'GET', route: '/api/stats/reports/:id/xlsx', prepare: sharedDraft, url: (_f, _a, p) => `/api/stats/reports/${p.id}/xlsx`, expect: orgRead },
      {
        method: 'POST',
        route: '/api/stats/reports/:id/xlsx',
        // a draft report and the blank XLSX of its form (base64 in extra); the upload needs no version
        prepare: async (f, a) => ({ ...(await sharedDraft(f, a)), extra: (await anonymous(t.app).get(`/api/stats/forms/${encodeURIComponent(F02)}/TT25-2015/xlsx`)).rawPayload.toString('base64') }),
        url: (_f, _a, p) => `/api/stats/reports/${p.id}/xlsx`,
        raw: (_f, _a, p) => multipartFile('bieu-02.xlsx', Buffer.from(p.extra ?? '', 'base64')),
        expect: orgEdit(200),
      },
      {
        method: 'GET',
        route: '/api/stats/periods/:id/bulk-xlsx',
        // the shared draft period, with the actor's organization assigned form 02
        prepare: async (f, a) => ({ ...(await sharedDraft(f, a)), id: (await (draftPeriod as Promise<Prepared>)).id }),
        url: (f, _a, p) => `/api/stats/periods/${p.id}/bulk-xlsx?formCode=${encodeURIComponent(F02)}&unitId=${f.hanoi}`,
        expect: unitManage(200),
      },
      {
        method: 'POST',
        route: '/api/stats/periods/:id/bulk-xlsx',
        // the Hà Nội multi-unit workbook of the shared draft period as the admin downloads it (base64 in extra; its sheets are empty, so skipped)
        prepare: async (f, a) => {
          const draft = await sharedDraft(f, a);
          const p = await (draftPeriod as Promise<Prepared>);
          const file = await (await loginAs(t.app, 'admin')).get(`/api/stats/periods/${p.id}/bulk-xlsx?formCode=${encodeURIComponent(F02)}&unitId=${f.hanoi}`);
          return { id: p.id, version: draft.version, extra: file.rawPayload.toString('base64') };
        },
        url: (_f, _a, p) => `/api/stats/periods/${p.id}/bulk-xlsx`,
        raw: (_f, _a, p) => multipartFile('nhieu-don-vi.xlsx', Buffer.from(p.extra ?? '', 'base64')),
        expect: unitManage(200),
      },
      { method: 'GET', route: '/api/stats/forms/:code/:version/xlsx', url: () => `/api/stats/forms/${encodeURIComponent(F02)}/TT25-2015/xlsx`, expect: all(200) },
      { method: 'GET', route: '/api/stats/aggregates', prepare: onePeriod, url: (_f, _a, p) => `/api/stats/aggregates?periodId=${p.id}&formCode=${encodeURIComponent(F02)}`, expect: staffOnly(200) },
      { method: 'GET', route: '/api/stats/sdmx/:dataflow', prepare: onePeriod, url: (_f, _a, p) => `/api/stats/sdmx/DF_ST_PERS?periodId=${p.id}`, expect: staffOnly(200) },
      {
        method: 'GET',
        route: '/api/stats/aggregates/province-form',
        prepare: onePeriod,
        url: (f, _a, p) => `/api/stats/aggregates/province-form?periodId=${p.id}&formCode=${encodeURIComponent('02/TKTH-KHCN-ĐP')}&unitId=${f.hanoi}`,
        expect: unitRead,
      },
      { method: 'GET', route: '/api/stats/reports/:id/prefill', prepare: (f, a) => report04(f, a), url: (_f, _a, p) => `/api/stats/reports/${p.id}/prefill`, expect: orgRead },
      { method: 'POST', route: '/api/stats/periods/:id/close', prepare: lowPeriod, url: (_f, _a, p) => `/api/stats/periods/${p.id}/close`, body: () => ({}), expect: adminOnly(200) },
      {
        method: 'POST',
        route: '/api/stats/periods/:id/reopen',
        prepare: async () => {
          const p = await lowPeriod();
          await (await loginAs(t.app, 'admin')).post(`/api/stats/periods/${p.id}/close`, {});
          return p;
        },
        url: (_f, _a, p) => `/api/stats/periods/${p.id}/reopen`,
        body: () => ({ reason: 'ma trận phân quyền' }),
        expect: adminOnly(200),
      },
      { method: 'GET', route: '/api/stats/releases', url: () => '/api/stats/releases', expect: networkStaff },
      {
        method: 'POST',
        route: '/api/stats/releases',
        prepare: releasable,
        url: () => '/api/stats/releases',
        body: (_f, _a, p) => ({ periodId: p.id, formCode: F02, embargoUntil: '2030-01-01T00:00:00+07:00' }),
        expect: adminOnly(201),
      },
      { method: 'GET', route: '/api/stats/releases/:id', prepare: () => release(false), url: (_f, _a, p) => `/api/stats/releases/${p.id}`, expect: networkStaff },
      { method: 'GET', route: '/api/stats/releases/:id/:format', prepare: () => release(false), url: (_f, _a, p) => `/api/stats/releases/${p.id}/csv`, expect: networkStaff },
      { method: 'POST', route: '/api/stats/releases/:id/withdraw', prepare: () => release(true), url: (_f, _a, p) => `/api/stats/releases/${p.id}/withdraw`, body: () => ({ reason: 'ma trận phân quyền' }), expect: adminOnly(200) },
      { method: 'GET', route: '/api/public/stats/releases', url: () => '/api/public/stats/releases', expect: all(200) },
      { method: 'GET', route: '/api/public/stats/releases/:id', prepare: () => release(false), url: (_f, _a, p) => `/api/public/stats/releases/${p.id}`, expect: all(200) },
      { method: 'GET', route: '/api/public/stats/releases/:id/:format', prepare: () => release(false), url: (_f, _a, p) => `/api/public/stats/releases/${p.id}/sdmx`, expect: all(200) },
      { method: 'GET', route: '/api/public/stats/sdmx/:dataflow', prepare: () => release(false), url: () => '/api/public/stats/sdmx/DF_ST_PERS?year=2000', expect: all(200) },
      { method: 'GET', route: '/api/public/stats/series', url: () => `/api/public/stats/series?formCode=${encodeURIComponent(F02)}&row=01&column=C1`, expect: all(200) },
      { method: 'GET', route: '/api/public/stats/indicators', url: () => '/api/public/stats/indicators', expect: all(200) },
    ];
  })(),
  { method: 'GET', route: '/api/public/summary', url: () => '/api/public/summary', expect: all(200) },
  { method: 'GET', route: '/api/calendar/working-days', url: () => '/api/calendar/working-days?from=2026-02-02&days=30', expect: all(200) },
  { method: 'GET', route: '/api/open-data/dumps/current', url: () => '/api/open-data/dumps/current', expect: all(200) },
  { method: 'GET', route: '/api/open-data/dictionary', url: () => '/api/open-data/dictionary', expect: all(200) },
  { method: 'GET', route: '/api/open-data/changes', url: () => '/api/open-data/changes?since=2026-01-01T00%3A00%3A00Z&limit=5', expect: all(200) },
  {
    method: 'POST',
    route: '/api/open-data/dumps',
    // waits for any earlier generation first, so only the role decides (409 would mean one is still running)
    prepare: async () => {
      for (let i = 0; i < 600; i++) {
        const job = ((await anonymous(t.app).get('/api/open-data/dumps/current')).json() as { job: { status: string } | null }).job;
        if (job?.status !== 'running') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      return { id: '', version: 0 };
    },
    url: () => '/api/open-data/dumps',
    expect: adminOnly(202),
  },
  {
    method: 'GET',
    route: '/api/open-data/files/:name',
    // after a complete generation the manifest is public
    prepare: async () => {
      for (let i = 0; i < 600; i++) {
        const cur = (await anonymous(t.app).get('/api/open-data/dumps/current')).json() as { manifest: unknown; job: { status: string } | null };
        if (cur.manifest && cur.job?.status !== 'running') break;
        if (!cur.job || cur.job.status === 'failed') await (await loginAs(t.app, 'admin')).post('/api/open-data/dumps');
        await new Promise((r) => setTimeout(r, 50));
      }
      return { id: '', version: 0 };
    },
    url: () => '/api/open-data/files/manifest.json',
    expect: all(200),
  },
  { method: 'GET', route: '/api/calendar/:year', url: () => '/api/calendar/2026', expect: all(200) },
  {
    method: 'PUT',
    route: '/api/calendar/:year',
    url: () => '/api/calendar/2040',
    body: () => ({ holidays: [{ date: '2040-01-01', nameVi: 'Tết Dương lịch', nameEn: "New Year's Day" }], source: 'ma trận phân quyền' }),
    expect: adminOnly(200),
  },
  {
    method: 'DELETE',
    route: '/api/calendar/:year',
    prepare: async () => {
      const admin = await loginAs(t.app, 'admin');
      await admin.request({ method: 'PUT', url: '/api/calendar/2041', payload: { holidays: [], source: 'ma trận phân quyền' } });
      return { id: '2041', version: 0 };
    },
    url: (_f, _a, p) => `/api/calendar/${p.id}`,
    expect: adminOnly(204),
  },
  { method: 'GET', route: '/api/search', url: () => '/api/search?q=cong%20nghe&pageSize=5', expect: all(200) },
  { method: 'POST', route: '/api/similar-tasks', url: () => '/api/similar-tasks', body: () => ({ title: 'Nghiên cứu giống lúa chịu mặn', limit: 3 }), expect: staffOnly(200) },
  { method: 'GET', route: '/api/tasks', url: () => '/api/tasks', expect: all(200) },
  { method: 'GET', route: '/api/tasks/work', url: () => '/api/tasks/work', expect: staffOnly(200) },
  { method: 'GET', route: '/api/tasks/board', url: () => '/api/tasks/board', expect: staffOnly(200) },
  { method: 'GET', route: '/api/tasks/import/template.xlsx', url: () => '/api/tasks/import/template.xlsx', expect: staffOnly(200) },
  { method: 'GET', route: '/api/tasks/import/template.csv', url: () => '/api/tasks/import/template.csv', expect: staffOnly(200) },
  {
    method: 'POST',
    route: '/api/tasks/import',
    url: () => '/api/tasks/import',
    // one Hà Nội task led by the actor's own organization (reporterOther: the other one); out-of-scope rows are refused (422)
    raw: (f, a) =>
      multipartFile(
        'nhiem-vu.csv',
        'code,titleVi,levelCode,formCode,fundingType,managingUnitCode,leadOrganizationCode,piName,fieldCodes2025,startDate,endDate,objectives,content,expectedProducts,isStateSecret\r\n' +
          `MT-${uniq()},Nhiệm vụ nhập theo lô,TINH,DT,NSNN,01,${orgFor(f, a)},TS. Lê Văn An,401,2026-03-01,2027-12-31,Mục tiêu,Nội dung,Sản phẩm,Không\r\n`,
      ),
    expect: { public: 401, admin: 201, officerOwn: 201, officerOther: 422, reporterOwn: 201, reporterOther: 422, reviewer: 403 },
  },
  {
    method: 'GET',
    route: '/api/tasks/import/:id',
    // an import made by the Hà Nội officer: only they and national administrators read it
    prepare: async (f) => {
      const own = await loginAs(t.app, 'officer.hanoi');
      const file = multipartFile(
        'nhiem-vu.csv',
        'code,titleVi,levelCode,formCode,fundingType,managingUnitCode,leadOrganizationCode,piName,fieldCodes2025,startDate,endDate,objectives,content,expectedProducts,isStateSecret\r\n' +
          `MT-${uniq()},Nhiệm vụ nhập theo lô,TINH,DT,NSNN,01,${f.orgA},TS. Lê Văn An,401,2026-03-01,2027-12-31,Mục tiêu,Nội dung,Sản phẩm,Không\r\n`,
      );
      const res = await own.request({ method: 'POST', url: '/api/tasks/import', payload: file.payload, headers: file.headers });
      return { id: (res.json() as { id: string }).id, version: 0 };
    },
    url: (_f, _a, p) => `/api/tasks/import/${p.id}`,
    expect: { public: 401, admin: 200, officerOwn: 200, officerOther: 403, reporterOwn: 403, reporterOther: 403, reviewer: 403 },
  },
  { method: 'GET', route: '/api/tasks/work/export', url: () => '/api/tasks/work/export?format=csv', expect: staffOnly(200) },
  { method: 'GET', route: '/api/tasks/export', url: () => '/api/tasks/export?format=csv', expect: all(200) },
  { method: 'GET', route: '/api/tasks/:id', url: (f) => `/api/tasks/${f.publishedTask}`, expect: all(200) },
  { method: 'GET', route: '/api/tasks/:id/full', prepare: (f, a) => freshTask(f, a, 'draft'), url: (_f, _a, p) => `/api/tasks/${p.id}/full`, expect: orgRead },
  { method: 'GET', route: '/api/tasks/:id/history', prepare: (f, a) => freshTask(f, a, 'draft'), url: (_f, _a, p) => `/api/tasks/${p.id}/history`, expect: orgRead },
  { method: 'POST', route: '/api/tasks', url: () => '/api/tasks', body: (f, a) => taskBody(f.hanoi, orgFor(f, a)), expect: orgEdit(201) },
  {
    method: 'PATCH',
    route: '/api/tasks/:id',
    prepare: (f, a) => freshTask(f, a, 'draft'),
    url: (_f, _a, p) => `/api/tasks/${p.id}`,
    body: (_f, _a, p) => ({ programme: 'Chương trình KH&CN trọng điểm', version: p.version }),
    expect: orgEdit(200),
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/submit',
    prepare: (f, a) => freshTask(f, a, 'draft'),
    url: (_f, _a, p) => `/api/tasks/${p.id}/submit`,
    body: (_f, _a, p) => ({ version: p.version }),
    expect: orgEdit(200),
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/review',
    prepare: (f, a) => freshTask(f, a, 'submitted'),
    url: (_f, _a, p) => `/api/tasks/${p.id}/review`,
    body: (_f, _a, p) => ({ decision: 'accept', version: p.version }),
    expect: unitManage(200),
  },
  { method: 'POST', route: '/api/tasks/:id/acceptance', prepare: (f, a) => freshPublished(f, a), url: (_f, _a, p) => `/api/tasks/${p.id}/acceptance`, body: (_f, _a, p) => ({ acceptedOn: '2026-10-01', acceptanceRating: 'pass', version: p.version }), expect: orgEdit(200) },
  { method: 'GET', route: '/api/tasks/:id/changes', prepare: (f, a) => freshPublished(f, a), url: (_f, _a, p) => `/api/tasks/${p.id}/changes`, expect: orgRead },
  {
    method: 'POST',
    route: '/api/tasks/:id/changes',
    prepare: (f, a) => freshPublished(f, a),
    url: (_f, _a, p) => `/api/tasks/${p.id}/changes`,
    body: () => ({ changes: { endDate: '2027-06-30' }, reason: 'Gia hạn', decisionNo: '9/QĐ', decisionDate: '2026-11-02' }),
    expect: orgEdit(201),
  },
  { method: 'POST', route: '/api/task-changes/:id/review', prepare: (f, a) => freshChange(f, a), url: (_f, _a, p) => `/api/task-changes/${p.id}/review`, body: () => ({ decision: 'apply' }), expect: unitManage(200) },
  { method: 'GET', route: '/api/tasks/:id/revisions', prepare: (f, a) => freshPublished(f, a), url: (_f, _a, p) => `/api/tasks/${p.id}/revisions`, expect: orgRead },
  { method: 'GET', route: '/api/tasks/:id/revisions/diff', prepare: (f, a) => freshPublished(f, a), url: (_f, _a, p) => `/api/tasks/${p.id}/revisions/diff?from=1&to=1`, expect: orgRead },
  { method: 'GET', route: '/api/results', url: () => '/api/results', expect: all(200) },
  { method: 'GET', route: '/api/results/:id', prepare: (f, a) => freshRegistration(f, a, 'registered'), url: (_f, _a, p) => `/api/results/${p.id}`, expect: all(200) },
  { method: 'GET', route: '/api/registrations/work', url: () => '/api/registrations/work', expect: staffOnly(200) },
  {
    method: 'GET',
    route: '/api/tasks/:id/registration',
    prepare: async (f, a) => ({ id: (await freshRegistration(f, a, 'draft')).reg.task.id, version: 0 }),
    url: (_f, _a, p) => `/api/tasks/${p.id}/registration`,
    expect: orgRead,
  },
  {
    method: 'POST',
    route: '/api/tasks/:id/registration',
    prepare: (f, a) => freshPublished(f, a, true),
    url: (_f, _a, p) => `/api/tasks/${p.id}/registration`,
    body: () => ({ resultTitleVi: 'Kết quả nghiên cứu', abstractVi: 'Tóm tắt.' }),
    expect: orgEdit(201),
  },
  { method: 'GET', route: '/api/registrations/:id', prepare: (f, a) => freshRegistration(f, a, 'draft'), url: (_f, _a, p) => `/api/registrations/${p.id}`, expect: orgRead },
  {
    method: 'PATCH',
    route: '/api/registrations/:id',
    prepare: (f, a) => freshRegistration(f, a, 'draft'),
    url: (_f, _a, p) => `/api/registrations/${p.id}`,
    body: (_f, _a, p) => ({ abstractVi: 'Tóm tắt đã sửa.', version: p.version }),
    expect: orgEdit(200),
  },
  {
    method: 'POST',
    route: '/api/registrations/:id/files',
    prepare: async (f, a) => {
      const reg = await freshRegistration(f, a, 'draft');
      return { ...reg, extra: (await uploadPdf(await loginAs(t.app, 'admin'), orgFor(f, a), 'du-lieu.pdf')).id };
    },
    url: (_f, _a, p) => `/api/registrations/${p.id}/files`,
    body: (_f, _a, p) => ({ fileId: p.extra, role: 'data' }),
    expect: orgEdit(200),
  },
  { method: 'DELETE', route: '/api/registrations/:id/files/:fileId', prepare: (f, a) => freshRegistration(f, a, 'draft'), url: (_f, _a, p) => `/api/registrations/${p.id}/files/${p.extra}`, expect: orgEdit(200) },
  { method: 'POST', route: '/api/registrations/:id/submit', prepare: (f, a) => freshRegistration(f, a, 'draft'), url: (_f, _a, p) => `/api/registrations/${p.id}/submit`, body: (_f, _a, p) => ({ version: p.version }), expect: orgEdit(200) },
  {
    method: 'POST',
    route: '/api/registrations/:id/review',
    prepare: (f, a) => freshRegistration(f, a, 'submitted'),
    url: (_f, _a, p) => `/api/registrations/${p.id}/review`,
    body: (_f, _a, p) => ({ decision: 'register', version: p.version }),
    expect: unitManage(200),
  },
  { method: 'GET', route: '/api/certificates/verify/:code', prepare: (f, a) => freshCertificate(f, a), url: (_f, _a, p) => `/api/certificates/verify/${p.extra}`, expect: all(200) },
  { method: 'GET', route: '/api/certificates/:id', prepare: (f, a) => freshCertificate(f, a), url: (_f, _a, p) => `/api/certificates/${p.id}`, expect: orgRead },
  { method: 'GET', route: '/api/certificates/:id/pdf', prepare: (f, a) => freshCertificate(f, a), url: (_f, _a, p) => `/api/certificates/${p.id}/pdf`, expect: orgRead },
  { method: 'POST', route: '/api/certificates/:id/copies', prepare: (f, a) => freshCertificate(f, a), url: (_f, _a, p) => `/api/certificates/${p.id}/copies`, body: () => ({ purpose: 'Hồ sơ khen thưởng' }), expect: unitManage(201) },
  { method: 'GET', route: '/api/certificates/:id/copies/:copyNo/pdf', prepare: (f, a) => freshCertificate(f, a), url: (_f, _a, p) => `/api/certificates/${p.id}/copies/1/pdf`, expect: orgRead },
  { method: 'POST', route: '/api/certificates/:id/revoke', prepare: (f, a) => freshCertificate(f, a), url: (_f, _a, p) => `/api/certificates/${p.id}/revoke`, body: () => ({ reason: 'Thu hồi thử.' }), expect: unitManage(200) },
];

const USERNAMES: Record<Exclude<ActorKey, 'public'>, string> = {
  admin: 'admin',
  officerOwn: 'officer.hanoi',
  officerOther: 'officer.hcm',
  reporterOwn: 'reporter',
  reporterOther: 'reporter',
  reviewer: 'reviewer',
};
const sessions = new Map<string, { cookie: string; csrf: string }>();

async function send(actor: ActorKey, opts: InjectOptions, fresh: boolean): Promise<LightMyRequestResponse> {
  if (actor === 'public') return t.app.inject(opts);
  const username = USERNAMES[actor];
  let s = fresh ? undefined : sessions.get(username);
  if (!s) {
    const c = await loginAs(t.app, username);
    s = { cookie: c.cookie, csrf: c.csrfToken };
    if (!fresh) sessions.set(username, s);
  }
  return t.app.inject({ ...opts, headers: { ...(opts.headers ?? {}), cookie: `stinet_session=${s.cookie}`, 'x-csrf-token': s.csrf } });
}

beforeAll(async () => {
  t = await createTestApp();
  const hanoi = (await unitByCode(t.app, 'province', '01')).id;
  const admin = await loginAs(t.app, 'admin');
  const reporterMe = (await (await loginAs(t.app, 'reporter')).get('/api/auth/me')).json() as { user: { organization: { id: string } } };
  const orgA = reporterMe.user.organization.id;
  const orgB = ((await admin.post('/api/organizations', organizationBody(hanoi))).json() as { id: string }).id;
  const resA = ((await admin.post('/api/researchers', { fullName: 'Phạm Thị Lan', gender: 'F', organizationId: orgA })).json() as { id: string }).id;
  const resB = ((await admin.post('/api/researchers', { fullName: 'Võ Minh Tuấn', gender: 'M', organizationId: orgB })).json() as { id: string }).id;
  const fps = (await anonymous(t.app).get(`/api/focal-points?orgUnitId=${hanoi}&asOf=2026-01-01`)).json() as { items: { id: string; orgUnit: { id: string } }[] };
  const fp = fps.items.find((f) => f.orgUnit.id === hanoi)?.id as string;
  const staff = ((await admin.post(`/api/focal-points/${fp}/staff`, { fullName: 'Đỗ Văn Cường' })).json() as { id: string }).id;
  const ministry = ((await admin.post('/api/org-units', { kind: 'ministry', code: 'BMATRIX', nameVi: 'Bộ Ma trận', nameEn: 'Matrix', validFrom: '2026-01-01' })).json() as { id: string }).id;
  const users = (await admin.get('/api/users?role=reviewer')).json() as { items: { id: string; username: string }[] };
  const reviewerUser = users.items.find((u) => u.username === 'reviewer')?.id as string;
  let published = (await admin.post('/api/tasks', taskBody(hanoi, orgA))).json() as { id: string; version: number };
  published = (await admin.post(`/api/tasks/${published.id}/submit`, { version: published.version })).json() as { id: string; version: number };
  published = (await admin.post(`/api/tasks/${published.id}/review`, { decision: 'accept', version: published.version })).json() as { id: string; version: number };
  fx = { hanoi, orgA, orgB, resA, resB, fp, staff, ministry, reviewerUser, publishedTask: published.id };
  for (const v of Object.values(fx)) expect(v).toMatch(/^[0-9a-f-]{36}$/);
});
afterAll(async () => {
  await t.close();
});

describe('authorization matrix', () => {
  it('covers every API route', () => {
    const api = t.app.routeList
      .filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url}`);
    const covered = new Set(ROWS.map((r) => `${r.method} ${r.route}`));
    expect(api.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !api.includes(r))).toEqual([]);
  });

  for (const row of ROWS) {
    it(`${row.method} ${row.route}`, async () => {
      const got: Partial<Expect> = {};
      for (const actor of ACTORS) {
        const prepared = row.prepare ? await row.prepare(fx, actor) : { id: '', version: 0 };
        const body = row.body ? await row.body(fx, actor, prepared) : undefined;
        const raw = row.raw?.(fx, actor, prepared);
        const payload = raw ? { payload: raw.payload, headers: raw.headers } : body === undefined ? {} : { payload: body as object };
        const res = await send(actor, { method: row.method, url: row.url(fx, actor, prepared), ...payload }, row.freshSession === true);
        got[actor] = res.statusCode;
      }
      expect(got).toEqual(row.expect);
    });
  }
});
