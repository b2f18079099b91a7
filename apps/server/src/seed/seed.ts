import { eq, sql } from 'drizzle-orm';
import { todayInVietnam } from '@stinet/shared';
import { appMeta, appUser, focalPoint, focalStaff, organization, researcher, staffTraining, task, taskMember } from '../db/schema.js';
import type { Db, Executor } from '../db/types.js';
import { rebuildOaiItems } from '../modules/oai/oai.repo.js';
import { rebuildSearchDocs } from '../modules/search/search-index.js';
import { systemContext } from '../http/context.js';
import { recordAudit } from '../lib/audit.js';
import { hashPassword } from '../lib/crypto.js';
import { queryRows } from '../lib/sql.js';
import { ORG_UNITS } from './data/org-units.js';
import { createRng, generateOrganizations, generateResearchers, scaleCounts, type SeedScale } from './generator.js';
import { ensureReferenceData, insertInChunks } from './reference.js';
import { generateTasks, taskCount, type TaskOrg } from './task-generator.js';
import { seedLifecycle } from './lifecycle-seed.js';
import { seedStatReleases } from './stats-release-seed.js';
import { seedStats } from './stats-seed.js';
import type { FileStorage } from '../storage/file-storage.js';

/** The password of every demo account (printed at start; change it in production). */
export const DEMO_PASSWORD = 'stinet-demo-2026';

/** The deterministic seed of the demo dataset. */
export const DEMO_SEED = 20250701;

/** A demo login printed at start. */
export interface DemoLogin {
  username: string;
  role: string;
  scope: string;
}

/** What a seed run did. */
export interface SeedResult {
  scale: SeedScale;
  organizations: number;
  researchers: number;
  tasks: number;
  users: DemoLogin[];
  skipped: boolean;
}

/** The seed state recorded in app_meta, or null when the database was never seeded. */
export async function seedState(ex: Executor): Promise<{ scale: SeedScale; at: string } | null> {
  const rows = await ex.select().from(appMeta).where(eq(appMeta.key, 'seed')).limit(1);
  return (rows[0]?.value as { scale: SeedScale; at: string } | undefined) ?? null;
}

const ROWS_PER_BATCH = 5000;

async function seedOrganizations(tx: Executor, scale: SeedScale, unitIds: Map<string, string>, onProgress: (msg: string) => void): Promise<string[]> {
  const { organizations: count } = scaleCounts(scale);
  const ids: string[] = new Array<string>(count);
  let batch: (typeof organization.$inferInsert)[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    await insertInChunks(rows, 24, async (chunk) => {
      const inserted = await tx.insert(organization).values(chunk).returning({ id: organization.id, code: organization.code });
      for (const r of inserted) ids[Number(r.code.slice(3)) - 1] = r.id;
    });
  };
  for (const o of generateOrganizations({ seed: DEMO_SEED, count })) {
    const provinceUnitId = unitIds.get(o.provinceKey);
    const managingUnitId = unitIds.get(o.managingUnitKey);
    if (!provinceUnitId || !managingUnitId) throw new Error(`Generator used unknown unit ${o.provinceKey}/${o.managingUnitKey}`);
    batch.push({
      code: o.code,
      nameVi: o.nameVi,
      nameAbbr: o.nameAbbr,
      nameEn: o.nameEn,
      address: o.address,
      provinceUnitId,
      managingUnitId,
      phone: o.phone,
      fax: o.fax,
      email: o.email,
      website: o.website,
      foundingDecisionNo: o.foundingDecisionNo,
      foundingDate: o.foundingDate,
      foundingAuthorityCode: o.foundingAuthorityCode,
      orgTypeCode: o.orgTypeCode,
      economicTypeCode: o.economicTypeCode,
      taxCode: o.taxCode,
      stRegCertNo: o.stRegCertNo,
      stRegCertDate: o.stRegCertDate,
      stRegCertIssuer: o.stRegCertIssuer,
      mainFieldCode: o.mainFieldCode,
    });
    if (batch.length >= ROWS_PER_BATCH) {
      await flush();
      if (o.index % 50000 === 0) onProgress(`organizations ${o.index}/${count}`);
    }
  }
  await flush();
  await tx.execute(sql`SELECT setval('organization_code_seq', ${count + 1}, false)`);
  return ids;
}

async function seedResearchers(tx: Executor, scale: SeedScale, orgIds: string[], onProgress: (msg: string) => void): Promise<number> {
  const { researchers: count } = scaleCounts(scale);
  let batch: (typeof researcher.$inferInsert)[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    await insertInChunks(rows, 14, (chunk) => tx.insert(researcher).values(chunk));
  };
  for (const r of generateResearchers({ seed: DEMO_SEED, count, organizationCount: orgIds.length })) {
    const organizationId = orgIds[r.organizationIndex - 1];
    if (!organizationId) throw new Error(`Researcher ${r.code} points at missing organization ${r.organizationIndex}`);
    batch.push({
      code: r.code,
      fullName: r.fullName,
      gender: r.gender,
      birthYear: r.birthYear,
      qualificationCode: r.qualificationCode,
      academicTitleCode: r.academicTitleCode,
      fieldCode: r.fieldCode,
      organizationId,
      position: r.position,
      orcid: r.orcid,
      email: r.email,
      phone: r.phone,
    });
    if (batch.length >= ROWS_PER_BATCH) {
      await flush();
      if (r.index % 100000 === 0) onProgress(`researchers ${r.index}/${count}`);
    }
  }
  await flush();
  await tx.execute(sql`SELECT setval('researcher_code_seq', ${count + 1}, false)`);
  return count;
}

function daysAfter(date: string, days: number): Date {
  return new Date(new Date(`${date}T09:00:00+07:00`).getTime() + days * 86_400_000);
}

async function seedTasks(tx: Executor, scale: SeedScale, unitIds: Map<string, string>, onProgress: (msg: string) => void): Promise<number> {
  const nationalUnitId = unitIds.get('nat:cttk');
  if (!nationalUnitId) throw new Error('National unit nat:cttk missing');
  const orgs = await queryRows<{ id: string; managing_unit_id: string; kind: 'ministry' | 'province'; place: string; main_field_code: string }>(
    tx,
    sql`SELECT o.id, o.managing_unit_id, u.kind, coalesce(p.short_name_vi, p.name_vi) AS place, o.main_field_code
        FROM organization o JOIN org_unit u ON u.id = o.managing_unit_id JOIN org_unit p ON p.id = o.province_unit_id
        ORDER BY o.code`,
  );
  const taskOrgs: TaskOrg[] = orgs.map((o) => ({ id: o.id, managingUnitId: o.managing_unit_id, managingUnitKind: o.kind, placeVi: o.place, mainFieldCode: o.main_field_code }));
  const count = taskCount(scale);
  let rows: (typeof task.$inferInsert)[] = [];
  let members: { code: string; names: string[] }[] = [];
  const flush = async () => {
    if (!rows.length) return;
    const batch = rows;
    const batchMembers = members;
    rows = [];
    members = [];
    const ids = new Map<string, string>();
    await insertInChunks(batch, 34, async (chunk) => {
      for (const r of await tx.insert(task).values(chunk).returning({ id: task.id, code: task.code })) ids.set(r.code, r.id);
    });
    const memberRows = batchMembers.flatMap((m) => m.names.map((fullName, i) => ({ taskId: ids.get(m.code) as string, position: i + 1, fullName, role: 'member' as const })));
    await insertInChunks(memberRows, 5, (chunk) => tx.insert(taskMember).values(chunk));
  };
  for (const t of generateTasks({ seed: DEMO_SEED, count, orgs: taskOrgs, nationalUnitId })) {
    const submitted = t.status !== 'draft';
    rows.push({
      code: t.code,
      titleVi: t.titleVi,
      levelCode: t.levelCode,
      formCode: t.formCode,
      fundingType: t.fundingType,
      approvalDecisionNo: t.approvalDecisionNo,
      contractNo: t.contractNo,
      contractDate: t.contractDate,
      managingUnitId: t.managingUnitId,
      leadOrganizationId: t.leadOrganizationId,
      piName: t.piName,
      fieldCodes2025: [t.fieldCode2025],
      fieldCodes2008: [t.fieldCode2025],
      startDate: t.startDate,
      endDate: t.endDate,
      budgetTotal: t.budgetTotal,
      budgetStateCentral: t.budgetStateCentral,
      budgetStateLocal: t.budgetStateLocal,
      budgetOther: t.budgetOther,
      objectives: t.objectives,
      content: t.content,
      methods: t.methods,
      expectedProducts: t.expectedProducts,
      applicationPlan: t.applicationPlan,
      status: t.status,
      reviewComment: t.reviewComment,
      submittedAt: submitted ? daysAfter(t.contractDate, 20) : null,
      firstSubmittedAt: submitted ? daysAfter(t.contractDate, 20) : null,
      publishedAt: t.status === 'published' ? daysAfter(t.contractDate, 32) : null,
    });
    members.push({ code: t.code, names: t.members });
    if (rows.length >= ROWS_PER_BATCH) {
      await flush();
      if (t.index % 50000 === 0) onProgress(`tasks ${t.index}/${count}`);
    }
  }
  await flush();
  return count;
}

const TRAINING_COURSES = [
  { title: 'Nghiệp vụ thống kê khoa học và công nghệ', provider: 'Cục Thông tin, Thống kê', hours: 24 },
  { title: 'Đăng ký, lưu giữ kết quả nhiệm vụ khoa học và công nghệ', provider: 'Cục Thông tin, Thống kê', hours: 16 },
  { title: 'Xây dựng và cập nhật cơ sở dữ liệu quốc gia về KH&CN', provider: 'Cục Thông tin, Thống kê', hours: 32 },
  { title: 'An toàn thông tin và bảo vệ dữ liệu cá nhân', provider: 'Học viện Chiến lược KH&CN', hours: 8 },
] as const;

async function seedFocalPoints(tx: Executor, unitIds: Map<string, string>): Promise<void> {
  const rng = createRng(DEMO_SEED + 7);
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
  const given = ['Văn An', 'Thị Bình', 'Minh Châu', 'Thu Hà', 'Đức Long', 'Thanh Hương', 'Quang Huy', 'Ngọc Lan', 'Hữu Nam', 'Thị Mai'];
  for (const u of ORG_UNITS) {
    if (u.isExcludedFromNetwork) continue;
    const unitId = unitIds.get(u.key);
    if (!unitId) continue;
    const short = u.shortNameVi ?? u.nameVi;
    const nameVi =
      u.kind === 'national' ? u.nameVi
      : u.kind === 'province' ? `Trung tâm Thông tin và Thống kê khoa học và công nghệ ${short}`
      : `Trung tâm Thông tin khoa học và công nghệ – ${u.nameVi}`;
    const contactName = `${rng.pick(family)} ${rng.pick(given)}`;
    const rows = await tx
      .insert(focalPoint)
      .values({
        orgUnitId: unitId,
        nameVi,
        validFrom: u.validFrom < '2014-10-30' ? '2014-10-30' : u.validFrom,
        validTo: u.validTo,
        decisionNo: `${rng.int(100, 2999)}/QĐ-${u.kind === 'province' ? 'UBND' : 'BKHCN'}`,
        contactName,
        contactEmail: `ttdaumoi.${u.code.toLowerCase()}.${u.validFrom.slice(0, 4)}@example.vn`,
        contactPhone: `0${rng.int(200, 299)} ${rng.int(3000000, 3999999)}`,
      })
      .returning({ id: focalPoint.id });
    const fpId = (rows[0] as { id: string }).id;
    if (u.validTo !== null) continue; // staff records only for the current designations
    const staffCount = rng.int(2, 4);
    for (let i = 0; i < staffCount; i++) {
      const fullName = `${rng.pick(family)} ${rng.pick(given)}`;
      const staffRows = await tx
        .insert(focalStaff)
        .values({ focalPointId: fpId, fullName, position: i === 0 ? 'Giám đốc' : 'Chuyên viên', email: `canbo${i + 1}.${u.code.toLowerCase()}@example.vn`, phone: `09${rng.int(10000000, 99999999)}` })
        .returning({ id: focalStaff.id });
      const staffId = (staffRows[0] as { id: string }).id;
      const trainings = rng.int(0, 3);
      for (let t = 0; t < trainings; t++) {
        const course = TRAINING_COURSES[(i + t) % TRAINING_COURSES.length] as (typeof TRAINING_COURSES)[number];
        const year = 2019 + rng.int(0, 6);
        const month = String(rng.int(3, 11)).padStart(2, '0');
        await tx.insert(staffTraining).values({
          staffId,
          courseTitle: course.title,
          provider: course.provider,
          startDate: `${year}-${month}-10`,
          endDate: `${year}-${month}-${course.hours > 16 ? '14' : '12'}`,
          hours: course.hours,
          certificateNo: `${year}/${rng.int(100, 999)}/CN-TTTK`,
        });
      }
    }
  }
}

async function seedUsers(tx: Executor, unitIds: Map<string, string>, orgIds: string[]): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const hanoi = unitIds.get('p34:01');
  const hcm = unitIds.get('p34:79');
  const danang = unitIds.get('p34:48');
  if (!hanoi || !hcm || !danang) throw new Error('Current province units missing');
  const hanoiOrg = (await queryRows<{ id: string }>(tx, sql`SELECT id FROM organization WHERE managing_unit_id = ${hanoi} ORDER BY code LIMIT 1`))[0]?.id ?? orgIds[0];
  const users = [
    { username: 'admin', displayName: 'Quản trị viên quốc gia', role: 'national_admin' as const, scopeUnitId: null, organizationId: null, scope: 'toàn quốc' },
    { username: 'officer.hanoi', displayName: 'Cán bộ đầu mối Hà Nội', role: 'focal_officer' as const, scopeUnitId: hanoi, organizationId: null, scope: 'Hà Nội' },
    { username: 'officer.hcm', displayName: 'Cán bộ đầu mối TP. Hồ Chí Minh', role: 'focal_officer' as const, scopeUnitId: hcm, organizationId: null, scope: 'TP. Hồ Chí Minh' },
    { username: 'officer.danang', displayName: 'Cán bộ đầu mối Đà Nẵng', role: 'focal_officer' as const, scopeUnitId: danang, organizationId: null, scope: 'Đà Nẵng (gồm Quảng Nam cũ)' },
    { username: 'reporter', displayName: 'Người báo cáo của tổ chức', role: 'org_reporter' as const, scopeUnitId: null, organizationId: hanoiOrg ?? null, scope: 'một tổ chức ở Hà Nội' },
    { username: 'reviewer', displayName: 'Người thẩm định', role: 'reviewer' as const, scopeUnitId: null, organizationId: null, scope: 'toàn quốc, chỉ xem' },
  ];
  for (const u of users) {
    await tx
      .insert(appUser)
      .values({ username: u.username, displayName: u.displayName, passwordHash, role: u.role, scopeUnitId: u.scopeUnitId, organizationId: u.organizationId, email: `${u.username}@example.vn` })
      .onConflictDoNothing();
  }
  return users.map((u) => ({ username: u.username, role: u.role, scope: u.scope }));
}

/**
 * Seeds a database: reference data always; at a scale, the synthetic national dataset (focal points,
 * organizations, researchers, tasks and their lifecycle up to today, demo accounts). All in one transaction: a
 * failed seed leaves nothing in the database. With a file storage, dossiers get their sample documents.
 * Does nothing when the database was already seeded.
 */
export async function seedDatabase(db: Db, scale: SeedScale, onProgress: (msg: string) => void = () => {}, options: { storage?: FileStorage | undefined } = {}): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    const existing = await seedState(tx);
    const unitIds = await ensureReferenceData(tx);
    if (existing) return { scale: existing.scale, organizations: 0, researchers: 0, tasks: 0, users: [], skipped: true };
    await seedFocalPoints(tx, unitIds);
    onProgress('reference data and focal points loaded');
    const orgIds = await seedOrganizations(tx, scale, unitIds, onProgress);
    const researchers = await seedResearchers(tx, scale, orgIds, onProgress);
    const tasks = await seedTasks(tx, scale, unitIds, onProgress);
    const users = await seedUsers(tx, unitIds, orgIds);
    const adminId = (await queryRows<{ id: string }>(tx, sql`SELECT id FROM app_user WHERE username = 'admin'`))[0]?.id as string;
    const lifecycle = await seedLifecycle(tx, { seed: DEMO_SEED, today: todayInVietnam(), adminId, nationalUnitId: unitIds.get('nat:cttk') as string, storage: options.storage });
    const stats = await seedStats(tx, { seed: DEMO_SEED, today: todayInVietnam(), adminId, scale });
    const releases = await seedStatReleases(tx, { adminId, today: todayInVietnam() });
    onProgress(`statistics: ${stats.periods} periods, ${stats.reports} reports, ${stats.cells} cells, ${releases} releases`);
    onProgress(`task lifecycle: ${lifecycle.changes} changes, ${lifecycle.accepted} accepted, ${lifecycle.registrations} dossiers, ${lifecycle.certificates} certificates, ${lifecycle.applicationReports} application reports`);
    await rebuildOaiItems(tx);
    await rebuildSearchDocs(tx);
    const at = new Date().toISOString();
    await tx.insert(appMeta).values({ key: 'seed', value: { scale, at, seed: DEMO_SEED } });
    await recordAudit(tx, systemContext(), { action: 'seed', entityType: 'app_meta', entityId: 'seed', after: { scale, organizations: orgIds.length, researchers, tasks } });
    return { scale, organizations: orgIds.length, researchers, tasks, users, skipped: false };
  });
}
