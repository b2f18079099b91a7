import { sql, type SQL } from 'drizzle-orm';
import { REQUIRED_REGISTRATION_ROLES, type RegistrationFileRole, addCalendarDays as addDays } from '@stinet/shared';
import { applicationReport, certificate, certificateCounter, registrationFile, resultRegistration, storedFile, taskChange } from '../db/schema.js';
import type { Executor } from '../db/types.js';
import { queryRows } from '../lib/sql.js';
import { newVerificationCode, registrationNumbers } from '../modules/registrations/registrations.service.js';
import type { FileStorage } from '../storage/file-storage.js';
import { generateApplicationReports } from './application-report-generator.js';
import { demoDocumentPdf } from './demo-documents.js';
import { createRng } from './generator.js';
import { planLifecycle } from './lifecycle-generator.js';

/** What the lifecycle seed produced. */
export interface LifecycleCounts {
  changes: number;
  accepted: number;
  registrations: number;
  certificates: number;
  applicationReports: number;
}

const CHUNK = 500;

/** The snapshot a task revision stores, built in SQL for many tasks at once (same keys and shapes as `taskSnapshot`). */
function snapshotSql(alias: string): SQL {
  const c = (col: string) => sql.raw(`${alias}.${col}`);
  return sql`jsonb_build_object(
    'titleVi', ${c('title_vi')}, 'titleEn', ${c('title_en')}, 'formCode', ${c('form_code')}, 'programme', ${c('programme')},
    'approvalDecisionNo', ${c('approval_decision_no')}, 'approvalDecisionDate', ${c('approval_decision_date')},
    'contractNo', ${c('contract_no')}, 'contractDate', ${c('contract_date')}, 'leadOrganizationId', ${c('lead_organization_id')},
    'piName', ${c('pi_name')}, 'piResearcherId', ${c('pi_researcher_id')},
    'members', coalesce((SELECT jsonb_agg(jsonb_build_object('fullName', m.full_name, 'researcherId', m.researcher_id, 'role', m.role) ORDER BY m.position) FROM task_member m WHERE m.task_id = ${c('id')}), '[]'::jsonb),
    'fieldCodes2025', to_jsonb(${c('field_codes_2025')}), 'fieldCodes2008', to_jsonb(${c('field_codes_2008')}), 'seoCode', ${c('seo_code')},
    'startDate', ${c('start_date')}, 'endDate', ${c('end_date')},
    'budgetTotal', ${c('budget_total')}, 'budgetStateCentral', ${c('budget_state_central')}, 'budgetStateLocal', ${c('budget_state_local')}, 'budgetOther', ${c('budget_other')},
    'objectives', ${c('objectives')}, 'content', ${c('content')}, 'methods', ${c('methods')}, 'expectedProducts', ${c('expected_products')}, 'applicationPlan', ${c('application_plan')})`;
}

async function inChunks<T>(items: T[], fn: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await fn(items.slice(i, i + CHUNK));
}

function tsAt(date: string, hour = 9): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`);
}

/**
 * Gives the published demo tasks a lived-in history (deterministic from the task codes and `today`): revision 1 at
 * publication, approved extensions (Mẫu 3) as revision 2, official acceptance, registration dossiers in every state
 * with their documents (when a file storage is given), one certificate per registered result, numbered per
 * authority and year, a few revoked, and the yearly application reports (Mẫu 12) of accepted tasks.
 */
export async function seedLifecycle(tx: Executor, opts: { seed: number; today: string; adminId: string; nationalUnitId: string; storage?: FileStorage | undefined }): Promise<LifecycleCounts> {
  const tasks = await queryRows<{ id: string; code: string; end_date: string; level_code: string; form_code: string; managing_unit_id: string; lead_organization_id: string; unit_code: string; published_at: Date }>(
    tx,
    sql`SELECT t.id, t.code, t.end_date::text AS end_date, t.level_code, t.form_code, t.managing_unit_id, t.lead_organization_id, u.code AS unit_code, t.published_at
        FROM task t JOIN org_unit u ON u.id = t.managing_unit_id WHERE t.status = 'published' ORDER BY t.code`,
  );
  const nationalCode = (await queryRows<{ code: string }>(tx, sql`SELECT code FROM org_unit WHERE id = ${opts.nationalUnitId}`))[0]?.code ?? 'CTTK';
  await tx.execute(sql`INSERT INTO task_revision (task_id, revision, snapshot, created_by, created_at)
    SELECT t.id, 1, ${snapshotSql('t')}, ${opts.adminId}, t.published_at FROM task t WHERE t.status = 'published'`);

  const plans = tasks.map((t) => ({ t, plan: planLifecycle({ code: t.code, endDate: t.end_date, levelCode: t.level_code }, opts.today, opts.seed) }));

  // approved extensions: the change, the new end date, revision 2
  const changed = plans.filter((p) => p.plan.change);
  await inChunks(changed, async (chunk) => {
    const values = chunk.map(({ t, plan }) => {
      const c = plan.change as NonNullable<typeof plan.change>;
      return {
        taskId: t.id,
        status: 'applied' as const,
        changes: [{ field: 'endDate', before: t.end_date, after: c.newEndDate }],
        reason: c.reason,
        decisionNo: c.decisionNo,
        decisionDate: c.decisionDate,
        baseVersion: 1,
        revision: 2,
        submittedBy: opts.adminId,
        submittedAt: tsAt(addDays(c.decisionDate, 5)),
        reviewedBy: opts.adminId,
        reviewedAt: tsAt(addDays(c.decisionDate, 8)),
      };
    });
    const ids = await tx.insert(taskChange).values(values).returning({ id: taskChange.id, taskId: taskChange.taskId });
    const byTask = new Map(ids.map((r) => [r.taskId, r.id]));
    const rows = sql.join(chunk.map(({ t, plan }) => sql`(${t.id}::uuid, ${plan.change?.newEndDate}::date, ${byTask.get(t.id)}::uuid)`), sql`, `);
    await tx.execute(sql`UPDATE task SET end_date = v.end_date, version = version + 1 FROM (VALUES ${rows}) AS v(id, end_date, change_id) WHERE task.id = v.id`);
    await tx.execute(sql`INSERT INTO task_revision (task_id, revision, snapshot, change_id, created_by, created_at)
      SELECT t.id, 2, ${snapshotSql('t')}, v.change_id, ${opts.adminId}, now() FROM task t JOIN (VALUES ${rows}) AS v(id, end_date, change_id) ON v.id = t.id`);
  });

  // official acceptance
  const accepted = plans.filter((p) => p.plan.acceptance);
  await inChunks(accepted, async (chunk) => {
    const rows = sql.join(chunk.map(({ t, plan }) => sql`(${t.id}::uuid, ${plan.acceptance?.acceptedOn}::date, ${plan.acceptance?.rating}, ${plan.acceptance?.decisionNo})`), sql`, `);
    await tx.execute(sql`UPDATE task SET accepted_on = v.d, acceptance_rating = v.r, acceptance_decision_no = v.n, version = version + 1
      FROM (VALUES ${rows}) AS v(id, d, r, n) WHERE task.id = v.id`);
  });

  // the few distinct sample documents, stored once (content-addressed) and referenced by every dossier
  const documents = new Map<RegistrationFileRole, { key: string; sha256: string; size: number }>();
  if (opts.storage) {
    for (const role of [...REQUIRED_REGISTRATION_ROLES, 'technology_description'] as RegistrationFileRole[]) {
      const put = await opts.storage.put(await demoDocumentPdf(role), { maxBytes: 10 * 1024 * 1024 });
      documents.set(role, { key: put.key, sha256: put.sha256, size: put.size });
    }
  }

  const counters = new Map<string, number>();
  let registrations = 0;
  let certificates = 0;
  const withDossier = plans.filter((p) => p.plan.registration);
  await inChunks(withDossier, async (chunk) => {
    const values = chunk.map(({ t, plan }) => {
      const r = plan.registration as NonNullable<typeof plan.registration>;
      const acceptedOn = plan.acceptance?.acceptedOn as string;
      const sentOn = addDays(acceptedOn, r.submittedAfterDays);
      const sent = r.status !== 'draft';
      return {
        taskId: t.id,
        authorityUnitId: t.level_code === 'QG' ? opts.nationalUnitId : t.managing_unit_id,
        status: r.status,
        resultTitleVi: `Báo cáo tổng hợp kết quả nhiệm vụ ${t.code}`,
        abstractVi: 'Nhiệm vụ đã hoàn thành các nội dung theo hợp đồng; sản phẩm gồm báo cáo tổng hợp, báo cáo tóm tắt, quy trình và bài báo khoa học. (Dữ liệu giả lập.)',
        keywords: ['kết quả nghiên cứu', t.code.split('-')[2] ?? 'KH&CN'],
        hasTechnologyProcess: r.hasTechnologyProcess,
        reviewComment: r.returnComment,
        submittedAt: sent ? tsAt(sentOn) : null,
        firstSubmittedAt: sent ? tsAt(sentOn) : null,
        registeredAt: r.status === 'registered' ? tsAt(addDays(sentOn, r.registeredAfterDays), 15) : null,
        createdBy: opts.adminId,
        createdAt: tsAt(addDays(acceptedOn, 3)),
        updatedAt: tsAt(r.status === 'registered' ? addDays(sentOn, r.registeredAfterDays) : sent ? sentOn : addDays(acceptedOn, 3)),
      };
    });
    const inserted = await tx.insert(resultRegistration).values(values).returning({ id: resultRegistration.id, taskId: resultRegistration.taskId });
    registrations += inserted.length;
    const idOf = new Map(inserted.map((r) => [r.taskId, r.id]));

    if (documents.size) {
      const files: (typeof storedFile.$inferInsert & { registrationId: string; role: RegistrationFileRole })[] = [];
      for (const { t, plan } of chunk) {
        const r = plan.registration as NonNullable<typeof plan.registration>;
        const roles: RegistrationFileRole[] = r.status === 'draft' ? ['final_report'] : [...REQUIRED_REGISTRATION_ROLES, ...(r.hasTechnologyProcess ? (['technology_description'] as const) : [])];
        for (const role of roles) {
          const d = documents.get(role);
          if (!d) continue;
          files.push({ storageKey: d.key, sha256: d.sha256, size: d.size, mime: 'application/pdf', kind: 'pdf', originalName: `${role.replace(/_/g, '-')}-${t.code}.pdf`, accessTier: 'focal_fulltext', organizationId: t.lead_organization_id, uploadedBy: opts.adminId, registrationId: idOf.get(t.id) as string, role });
        }
      }
      const fileIds = await tx.insert(storedFile).values(files.map(({ registrationId: _r, role: _role, ...f }) => f)).returning({ id: storedFile.id });
      await tx.insert(registrationFile).values(files.map((f, i) => ({ registrationId: f.registrationId, fileId: (fileIds[i] as { id: string }).id, role: f.role, attachedBy: opts.adminId })));
    }

    const certs: (typeof certificate.$inferInsert)[] = [];
    const archive: SQL[] = [];
    for (const { t, plan } of chunk) {
      const r = plan.registration as NonNullable<typeof plan.registration>;
      if (r.status !== 'registered') continue;
      const issuedOn = addDays(addDays(plan.acceptance?.acceptedOn as string, r.submittedAfterDays), r.registeredAfterDays);
      const year = Number(issuedOn.slice(0, 4));
      const authority = t.level_code === 'QG' ? opts.nationalUnitId : t.managing_unit_id;
      const counterKey = `${authority}|${year}`;
      const n = (counters.get(counterKey) ?? 0) + 1;
      counters.set(counterKey, n);
      const numbers = registrationNumbers(n, year, t.level_code === 'QG' ? nationalCode : t.unit_code);
      const regId = idOf.get(t.id) as string;
      archive.push(sql`(${regId}::uuid, ${numbers.archiveNo})`);
      certs.push({
        registrationId: regId,
        number: numbers.number,
        issuedOn,
        authorityUnitId: authority,
        verificationCode: newVerificationCode(),
        signerName: 'Thủ trưởng cơ quan (dữ liệu giả lập)',
        signerTitle: 'GIÁM ĐỐC',
        issuedBy: opts.adminId,
        status: r.revoked ? 'revoked' : 'valid',
        revokedAt: r.revoked ? tsAt(addDays(issuedOn, 60)) : null,
        revokedBy: r.revoked ? opts.adminId : null,
        revokeReason: r.revoked ? 'Phát hiện kết quả trùng lặp với nhiệm vụ đã đăng ký trước đó (dữ liệu giả lập).' : null,
      });
    }
    if (certs.length) {
      await tx.execute(sql`UPDATE result_registration SET archive_no = v.a FROM (VALUES ${sql.join(archive, sql`, `)}) AS v(id, a) WHERE result_registration.id = v.id`);
      await tx.insert(certificate).values(certs);
      certificates += certs.length;
    }
  });
  const counterRows = [...counters].map(([k, lastNo]) => {
    const [authorityUnitId, year] = k.split('|') as [string, string];
    return { authorityUnitId, year: Number(year), lastNo };
  });
  if (counterRows.length) await inChunks(counterRows, (chunk) => tx.insert(certificateCounter).values(chunk));

  // yearly application reports (Mẫu 12) of the accepted tasks of the four forms that owe them
  const reports = generateApplicationReports(
    accepted.map(({ t, plan }) => ({ id: t.id, formCode: t.form_code, acceptedOn: plan.acceptance?.acceptedOn as string, leadOrganizationId: t.lead_organization_id })),
    createRng(opts.seed ^ 0x0a12),
    { today: opts.today, createdBy: opts.adminId },
  );
  await inChunks(reports, (chunk) => tx.insert(applicationReport).values(chunk));
  return { changes: changed.length, accepted: accepted.length, registrations, certificates, applicationReports: reports.length };
}
