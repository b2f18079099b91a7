import { sql } from 'drizzle-orm';
import type { Registration, StoredFile, TaskFull } from '@stinet/shared';
import type { Executor } from '../db/types.js';
import { queryRows } from '../lib/sql.js';
import { taskBody } from './task-fixtures.js';
import { multipartFile, type Client } from './test-app.js';

/** A tiny but well-formed PDF (passes content sniffing). */
export const PDF_BYTES = Buffer.from('%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

/** The organization a demo reporter account belongs to. */
export async function organizationOf(ex: Executor, username: string): Promise<string> {
  const rows = await queryRows<{ organization_id: string }>(ex, sql`SELECT organization_id FROM app_user WHERE username = ${username}`);
  return rows[0]?.organization_id as string;
}

/** A task entered, submitted and published by `officer`, optionally with its official acceptance recorded. */
export async function publishedTask(officer: Client, unitId: string, orgId: string, opts: { acceptedOn?: string; overrides?: Record<string, unknown> } = {}): Promise<TaskFull> {
  let task = (await officer.post('/api/tasks', taskBody(unitId, orgId, { startDate: '2024-01-02', endDate: '2025-12-31', contractDate: '2024-01-02', approvalDecisionDate: '2023-12-01', ...opts.overrides }))).json() as TaskFull;
  task = (await officer.post(`/api/tasks/${task.id}/submit`, { version: task.version })).json() as TaskFull;
  task = (await officer.post(`/api/tasks/${task.id}/review`, { decision: 'accept', version: task.version })).json() as TaskFull;
  if (opts.acceptedOn) {
    task = (await officer.post(`/api/tasks/${task.id}/acceptance`, { acceptedOn: opts.acceptedOn, acceptanceRating: 'pass', acceptanceDecisionNo: '88/QĐ-SKHCN', version: task.version })).json() as TaskFull;
  }
  return task;
}

/** Uploads a small PDF for an organization. */
export async function uploadPdf(client: Client, orgId: string, name: string, tier = 'focal_fulltext'): Promise<StoredFile> {
  const body = multipartFile(name, Buffer.concat([PDF_BYTES, Buffer.from(`% ${name}\n`)]));
  const res = await client.request({ method: 'POST', url: `/api/files?organizationId=${orgId}&accessTier=${tier}`, payload: body.payload, headers: body.headers });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return res.json() as StoredFile;
}

/** Opens a dossier for the task and attaches the four required documents. */
export async function completeDossier(client: Client, taskId: string, orgId: string): Promise<Registration> {
  const created = await client.post(`/api/tasks/${taskId}/registration`, {
    resultTitleVi: 'Báo cáo tổng hợp kết quả nghiên cứu giống lúa chịu mặn',
    abstractVi: 'Nghiên cứu đã chọn tạo được hai giống lúa chịu mặn, năng suất 6,5 tấn/ha.',
    keywords: ['lúa', 'chịu mặn'],
  });
  if (created.statusCode !== 201) throw new Error(`dossier failed: ${created.statusCode} ${created.body}`);
  let reg = created.json() as Registration;
  for (const role of ['registration_form', 'final_report', 'summary_report', 'acceptance_minutes'] as const) {
    const file = await uploadPdf(client, orgId, `${role}.pdf`);
    reg = (await client.post(`/api/registrations/${reg.id}/files`, { fileId: file.id, role })).json() as Registration;
  }
  return reg;
}

/**
 * A result registered the whole way: a task published by the Hanoi officer for the demo reporter's organization, its
 * dossier completed and submitted by the reporter, registered by the officer (which issues the certificate).
 */
export async function registeredResult(
  officer: Client,
  reporter: Client,
  hanoiUnitId: string,
  reporterOrgId: string,
  overrides?: Record<string, unknown>,
): Promise<{ task: TaskFull; reg: Registration }> {
  const task = await publishedTask(officer, hanoiUnitId, reporterOrgId, { acceptedOn: '2026-10-20', ...(overrides ? { overrides } : {}) });
  let reg = await completeDossier(reporter, task.id, reporterOrgId);
  reg = (await reporter.post(`/api/registrations/${reg.id}/submit`, { version: reg.version })).json() as Registration;
  reg = (await officer.post(`/api/registrations/${reg.id}/review`, { decision: 'register', version: reg.version })).json() as Registration;
  return { task, reg };
}
