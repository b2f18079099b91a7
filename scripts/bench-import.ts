// The task-import benchmark of `npm run bench -- --only import`: 100,000 generated task rows imported through the
// real import service (CSV and XLSX), beside a plain PostgreSQL COPY of the same rows (the limit).
import { randomUUID } from 'node:crypto';
import { chmodSync, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { TASK_IMPORT_COLUMNS } from '@stinet/shared';
import type { DbHandle } from '../apps/server/src/db/client.js';
import type { AuthUser, RequestContext } from '../apps/server/src/http/context.js';
import { queryRows } from '../apps/server/src/lib/sql.js';
import { BOM, csvLine } from '../apps/server/src/modules/task-io/csv.js';
import { getTaskImport, startTaskImport } from '../apps/server/src/modules/task-io/import.service.js';
import { DEMO_SEED } from '../apps/server/src/seed/seed.js';
import { generateTasks, type TaskOrg, type TaskSeed } from '../apps/server/src/seed/task-generator.js';

/** One measured run. */
export interface ImportBenchRow {
  method: string;
  format: string;
  database: string;
  tasks: number;
  members: number;
  fileBytes: number;
  ms: number;
  /** Reading + validating, when the run reports phases. */
  validateMs?: number;
  /** Writing (one transaction), when the run reports phases. */
  writeMs?: number;
}

/** A generated task with the readable codes the import file needs. */
interface BenchTask {
  seed: TaskSeed;
  code: string;
  unitCode: string;
  orgCode: string;
}

/** Generates `count` valid tasks (the seed's deterministic generator, another seed) led by the seeded organizations. */
export async function generateBenchTasks(h: DbHandle, count: number): Promise<BenchTask[]> {
  const orgs = await queryRows<{ id: string; code: string; managing_unit_id: string; unit_code: string; kind: 'ministry' | 'province'; place: string; main_field_code: string }>(
    h.db,
    sql`SELECT o.id, o.code, o.managing_unit_id, u.code AS unit_code, u.kind, coalesce(p.short_name_vi, p.name_vi) AS place, o.main_field_code
        FROM organization o JOIN org_unit u ON u.id = o.managing_unit_id JOIN org_unit p ON p.id = o.province_unit_id
        WHERE u.valid_to IS NULL ORDER BY o.code`,
  );
  const national = (await queryRows<{ id: string; code: string }>(h.db, sql`SELECT id, code FROM org_unit WHERE kind = 'national' AND valid_to IS NULL LIMIT 1`))[0];
  if (!national || !orgs.length) throw new Error('seed the reference data and organizations first');
  const unitCodes = new Map([...orgs.map((o) => [o.managing_unit_id, o.unit_code] as const), [national.id, national.code]]);
  const orgCodes = new Map(orgs.map((o) => [o.id, o.code]));
  const taskOrgs: TaskOrg[] = orgs.map((o) => ({ id: o.id, managingUnitId: o.managing_unit_id, managingUnitKind: o.kind, placeVi: o.place, mainFieldCode: o.main_field_code }));
  const out: BenchTask[] = [];
  for (const t of generateTasks({ seed: DEMO_SEED + 3, count, orgs: taskOrgs, nationalUnitId: national.id })) {
    out.push({ seed: t, code: `NK-${t.code}`, unitCode: unitCodes.get(t.managingUnitId) as string, orgCode: orgCodes.get(t.leadOrganizationId) as string });
  }
  return out;
}

function importCells(t: BenchTask, prefix: string): Record<string, string | number | null> {
  const s = t.seed;
  return {
    code: `${prefix}${t.code}`,
    titleVi: s.titleVi,
    levelCode: s.levelCode,
    formCode: s.formCode,
    fundingType: s.fundingType,
    approvalDecisionNo: s.approvalDecisionNo,
    contractNo: s.contractNo,
    contractDate: s.contractDate,
    managingUnitCode: t.unitCode,
    leadOrganizationCode: t.orgCode,
    piName: s.piName,
    members: s.members.join('; '),
    fieldCodes2025: s.fieldCode2025,
    fieldCodes2008: s.fieldCode2025,
    startDate: s.startDate,
    endDate: s.endDate,
    budgetTotal: s.budgetTotal,
    budgetStateCentral: s.budgetStateCentral,
    budgetStateLocal: s.budgetStateLocal,
    budgetOther: s.budgetOther,
    objectives: s.objectives,
    content: s.content,
    methods: s.methods,
    expectedProducts: s.expectedProducts,
    applicationPlan: s.applicationPlan,
    isStateSecret: 'Không',
  };
}

/** Writes the import file as CSV (the template's key header). */
export function writeImportCsv(path: string, tasks: BenchTask[], prefix: string): number {
  const keys = TASK_IMPORT_COLUMNS.map((c) => c.key);
  const parts = [BOM + csvLine(keys)];
  for (const t of tasks) {
    const cells = importCells(t, prefix);
    parts.push(csvLine(keys.map((k) => cells[k] ?? null)));
  }
  writeFileSync(path, parts.join(''));
  return statSync(path).size;
}

/** Writes the import file as XLSX (streaming writer, the template's two header rows). */
export async function writeImportXlsx(path: string, tasks: BenchTask[], prefix: string): Promise<number> {
  const out = createWriteStream(path);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('Nhiệm vụ');
  ws.addRow(TASK_IMPORT_COLUMNS.map((c) => c.labelVi)).commit();
  ws.addRow(TASK_IMPORT_COLUMNS.map((c) => c.key)).commit();
  for (const t of tasks) {
    const cells = importCells(t, prefix);
    ws.addRow(TASK_IMPORT_COLUMNS.map((c) => cells[c.key] ?? null)).commit();
  }
  ws.commit();
  await wb.commit();
  await finished(out);
  return statSync(path).size;
}

async function adminContext(h: DbHandle): Promise<RequestContext> {
  const admin = (await queryRows<{ id: string }>(h.db, sql`SELECT id FROM app_user WHERE username = 'admin'`))[0];
  if (!admin) throw new Error('the demo accounts are missing: seed first');
  const actor: AuthUser = { id: admin.id, username: 'admin', displayName: 'Benchmark', role: 'national_admin', scopeUnitId: null, organizationId: null, via: 'token', sessionId: null, csrfToken: null };
  return { actor, ip: null, requestId: 'bench-import', locale: 'vi' };
}

/** Runs the real import service on a file and times it (with the moment it switched from validating to writing). */
export async function timeImport(h: DbHandle, path: string, format: 'csv' | 'xlsx', database: string, fileBytes: number, log: (m: string) => void): Promise<ImportBenchRow> {
  const ctx = await adminContext(h);
  const content = readFileSync(path);
  const t0 = performance.now();
  const started = await startTaskImport(h.db, ctx, { fileName: `bench.${format}`, content });
  let writingAt: number | undefined;
  let done = false;
  const watch = (async () => {
    while (!done) {
      const state = await getTaskImport(h.db, ctx, started.state.id);
      if (state.status === 'importing' && writingAt === undefined) writingAt = performance.now();
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const final = await started.completion;
  const ms = performance.now() - t0;
  done = true;
  await watch;
  if (final.status !== 'done') throw new Error(`import ${format} failed: ${JSON.stringify(final.errors.slice(0, 5))}`);
  const members = (await queryRows<{ n: number }>(h.db, sql`SELECT count(*)::int AS n FROM task_member m JOIN task t ON t.id = m.task_id WHERE t.code LIKE ${`${format.toUpperCase()}-%`}`))[0]?.n ?? 0;
  log(`import ${format}: ${final.importedRows} tasks in ${(ms / 1000).toFixed(1)} s`);
  return {
    method: 'import service: sniff, read, validate every row, then one transaction of `INSERT … SELECT FROM unnest(…)` per 1,000 tasks',
    format: format.toUpperCase(),
    database,
    tasks: final.importedRows,
    members,
    fileBytes,
    ms,
    ...(writingAt !== undefined ? { validateMs: writingAt - t0, writeMs: t0 + ms - writingAt } : {}),
  };
}

const pgArray = (items: string[]) => `{${items.map((i) => `"${i.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/**
 * A plain PostgreSQL COPY of the same rows (ids resolved) into copies of task and task_member (`LIKE … INCLUDING ALL`:
 * the same indexes, defaults and checks; no foreign keys) in a scratch schema: the limit of bulk loading on this server.
 * COPY reads server-side files, so the database must run on this machine (it does: 127.0.0.1).
 */
export async function timeCopy(h: DbHandle, tasks: BenchTask[], log: (m: string) => void): Promise<ImportBenchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'stinet-copy-'));
  const taskFile = join(dir, 'task.csv');
  const memberFile = join(dir, 'task_member.csv');
  const taskLines: string[] = [];
  const memberLines: string[] = [];
  for (const t of tasks) {
    const s = t.seed;
    const id = randomUUID();
    taskLines.push(
      csvLine([
        id, `COPY-${t.code}`, s.titleVi, s.levelCode, s.formCode, s.fundingType, s.approvalDecisionNo, s.contractNo, s.contractDate, s.managingUnitId, s.leadOrganizationId, s.piName,
        pgArray([s.fieldCode2025]), pgArray([s.fieldCode2025]), s.startDate, s.endDate, s.budgetTotal, s.budgetStateCentral, s.budgetStateLocal, s.budgetOther,
        s.objectives, s.content, s.methods, s.expectedProducts, s.applicationPlan, 'draft',
      ]),
    );
    s.members.forEach((name, i) => memberLines.push(csvLine([id, i + 1, name, 'member'])));
  }
  writeFileSync(taskFile, taskLines.join(''), { mode: 0o644 });
  writeFileSync(memberFile, memberLines.join(''), { mode: 0o644 });
  chmodSync(dir, 0o755); // the server process (user postgres) reads the files
  const fileBytes = statSync(taskFile).size + statSync(memberFile).size;
  await h.db.execute(sql`DROP SCHEMA IF EXISTS bench_copy CASCADE`);
  await h.db.execute(sql`CREATE SCHEMA bench_copy`);
  await h.db.execute(sql`CREATE TABLE bench_copy.task (LIKE public.task INCLUDING ALL)`);
  await h.db.execute(sql`CREATE TABLE bench_copy.task_member (LIKE public.task_member INCLUDING ALL)`);
  const columns = sql.raw(
    'id, code, title_vi, level_code, form_code, funding_type, approval_decision_no, contract_no, contract_date, managing_unit_id, lead_organization_id, pi_name, ' +
      'field_codes_2025, field_codes_2008, start_date, end_date, budget_total, budget_state_central, budget_state_local, budget_other, objectives, content, methods, expected_products, application_plan, status',
  );
  const t0 = performance.now();
  await h.db.transaction(async (tx) => {
    await tx.execute(sql`COPY bench_copy.task (${columns}) FROM ${sql.raw(`'${taskFile}'`)} WITH (FORMAT csv)`);
    await tx.execute(sql`COPY bench_copy.task_member (task_id, position, full_name, role) FROM ${sql.raw(`'${memberFile}'`)} WITH (FORMAT csv)`);
  });
  const ms = performance.now() - t0;
  const counted = (await queryRows<{ t: number; m: number }>(h.db, sql`SELECT (SELECT count(*) FROM bench_copy.task)::int AS t, (SELECT count(*) FROM bench_copy.task_member)::int AS m`))[0];
  await h.db.execute(sql`DROP SCHEMA bench_copy CASCADE`);
  rmSync(dir, { recursive: true, force: true });
  log(`COPY: ${counted?.t ?? 0} tasks in ${(ms / 1000).toFixed(1)} s`);
  return { method: 'plain `COPY … FROM` (csv, ids resolved) into `LIKE task INCLUDING ALL` copies, one transaction', format: 'CSV', database: 'PostgreSQL', tasks: counted?.t ?? 0, members: counted?.m ?? 0, fileBytes, ms };
}
