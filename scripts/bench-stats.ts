// The statistics roll-up benchmark of `npm run bench -- --only stats`: a full reporting year of every unit-level form
// for ≈3,000 organizations in the 34 provinces, rolled up nationally and by province through the running aggregate,
// recomputed from the cells by PostgreSQL, and by DuckDB on the same cells in the same run; then the time from an
// approval to its visibility in the national aggregate.
import { chmodSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { sql } from 'drizzle-orm';
import { cellKey, tabulate, type FormDefinition, type StatAggregate } from '@stinet/shared';
import { shippedForms } from '@stinet/shared/node';
import { adminQuery, withDb } from './bench-support.js';
import { createDb, type DbHandle } from '../apps/server/src/db/client.js';
import { runMigrations } from '../apps/server/src/db/migrate.js';
import { appUser, organization, statPeriod } from '../apps/server/src/db/schema.js';
import type { AuthUser, RequestContext } from '../apps/server/src/http/context.js';
import { queryRows } from '../apps/server/src/lib/sql.js';
import { computeAggregate } from '../apps/server/src/modules/stats/stats-aggregates.service.js';
import { rebuildAggregates, recomputedAreaSums, storedAreaSums } from '../apps/server/src/modules/stats/stats-rollup.js';
import type { StatPeriodRow } from '../apps/server/src/modules/stats/stats.repo.js';
import { formsForYear, reviewReport } from '../apps/server/src/modules/stats/stats.service.js';
import { createRng, generateOrganizations, type Rng } from '../apps/server/src/seed/generator.js';
import { ensureReferenceData, insertInChunks } from '../apps/server/src/seed/reference.js';
import { DEMO_SEED } from '../apps/server/src/seed/seed.js';
import { GRASSROOTS_GENERATORS, type RecordMaker } from '../apps/server/src/seed/stats-generator.js';

/** Options of the statistics benchmark. */
export interface StatsBenchOptions {
  /** A PostgreSQL URL whose user may create and drop databases (the benchmark works in a fresh one). */
  pgUrl: string;
  /** Reporting organizations (default 3,000: the size of the national network). */
  units: number;
  /** Back ends to measure, each on its own fresh database: `postgres` (server-side COPY files) and/or `pglite` (embedded, COPY via blobs). */
  dbs: readonly string[];
  /** Timed runs per measurement after one warm-up run (median, min and max are reported). */
  reps: number;
  /** Reports left submitted for the approval-to-visibility measurement. */
  submitted: number;
  /** Progress lines (stderr). */
  log: (msg: string) => void;
}

const YEAR = 2024;
const FILL = 0.85; // share of a report's grid cells that are stored (the rest stay missing)
const NOT_APPLICABLE = 0.02; // of the stored cells
const CONFIDENTIAL = 0.01; // of the stored cells (two thirds of them with their number)

/** Timing summary of repeated runs (ms). */
interface Timing {
  median: number;
  min: number;
  max: number;
  p95: number;
  runs: number;
}

function summarize(samples: readonly number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
  const mid = s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
  return { median: mid, min: s[0] as number, max: s[s.length - 1] as number, p95: at(0.95), runs: s.length };
}

/** Runs `fn` once to warm up, then `reps` times, timing each run. */
async function timed(reps: number, fn: () => Promise<unknown>): Promise<Timing> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`);
const fmtT = (t: Timing) => `${fmtMs(t.median)} (${fmtMs(t.min)}–${fmtMs(t.max)})`;
const fmtN = (n: number) => n.toLocaleString('en');
const fmtMb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;


/** A deterministic UUID (version 4 layout) from the seeded generator. */
function uuidFrom(rng: Rng): string {
  const hex = (n: number) => Math.floor(rng.next() * 2 ** n).toString(16).padStart(n / 4, '0');
  return `${hex(32)}-${hex(16)}-4${hex(12)}-${(8 + rng.int(0, 3)).toString(16)}${hex(12)}-${hex(24)}${hex(24)}`;
}

/** Appends text to a file through a buffer (the cell file has millions of lines). */
class FileWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w', 0o644);
  }
  write(line: string): void {
    this.parts.push(line);
    this.size += line.length;
    if (this.size > 4_000_000) this.flush();
  }
  flush(): void {
    if (this.parts.length) writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** A report left submitted, with one of its cells to watch in the national aggregate once it is approved. */
interface WatchedReport {
  id: string;
  formCode: string;
  row: string;
  col: string;
  value: number;
}

/** What the generator wrote. */
interface Generated {
  reports: number;
  cells: number;
  byState: Record<'value' | 'not_applicable' | 'confidential', number>;
  watched: WatchedReport[];
  ms: number;
}

/**
 * Cells of one report: the tabulated grid (a form without a record generator, e.g. one added later, gets plain
 * counts), of which ~85 % stored, a few not applicable or confidential.
 */
function reportCells(def: FormDefinition, make: RecordMaker | undefined, rng: Rng, size: number, field: string, local: boolean): { row: string; col: string; state: 'value' | 'not_applicable' | 'confidential'; value: number | null }[] {
  const grid = make ? tabulate(def, make(rng, size, field, local)) : null;
  const out: { row: string; col: string; state: 'value' | 'not_applicable' | 'confidential'; value: number | null }[] = [];
  for (const r of def.rows) {
    for (const c of def.columns) {
      if (rng.next() >= FILL) continue; // missing: no row
      const tab = grid?.get(cellKey(r.code, c.code));
      const v = tab && tab.state === 'value' ? tab.value : make ? 0 : rng.int(0, 200);
      const roll = rng.next();
      if (roll < NOT_APPLICABLE) out.push({ row: r.code, col: c.code, state: 'not_applicable', value: null });
      else if (roll < NOT_APPLICABLE + CONFIDENTIAL) out.push({ row: r.code, col: c.code, state: 'confidential', value: rng.next() < 2 / 3 ? v : null });
      else out.push({ row: r.code, col: c.code, state: 'value', value: v });
    }
  }
  return out;
}

const SAFE = /^[\w.\-/]+$/;
const csvText = (s: string) => (SAFE.test(s) ? s : `"${s.replace(/"/g, '""')}"`);

/** Generates the year's reports and cells (deterministic) into two CSV files for COPY. */
function generateFiles(
  dir: string,
  orgs: readonly { id: string; main_field_code: string | null; kind: string }[],
  forms: readonly FormDefinition[],
  periodId: string,
  adminId: string,
  submitted: number,
): Generated {
  const t0 = performance.now();
  const makers = new Map<string, RecordMaker>(GRASSROOTS_GENERATORS.map(([code, make]) => [code, make]));
  const reportFile = new FileWriter(join(dir, 'stat_report.csv'));
  const cellFile = new FileWriter(join(dir, 'stat_cell.csv'));
  const idRng = createRng(DEMO_SEED ^ 0x5eed);
  // the reports left submitted: spread over organizations (hence provinces) and forms
  const keep = new Set<string>();
  for (let i = 0; i < submitted; i++) keep.add(`${Math.floor(((i + 0.5) * orgs.length) / submitted)}|${i % forms.length}`);
  const watched: WatchedReport[] = [];
  const byState = { value: 0, not_applicable: 0, confidential: 0 };
  let reports = 0;
  let cells = 0;
  const submittedAt = `${YEAR + 1}-01-20 10:00:00+07`;
  const approvedAt = `${YEAR + 1}-01-28 15:00:00+07`;
  for (const [i, org] of orgs.entries()) {
    const orgRng = createRng(DEMO_SEED ^ (0xb5a7 + i * 7919));
    // S&T staff: most units are small, a few large (universities, academies)
    const size = Math.max(3, Math.round(5 * Math.exp(orgRng.next() * 4)));
    const field = String(org.main_field_code ?? '1').charAt(0) || '1';
    for (const [f, def] of forms.entries()) {
      const rng = createRng(DEMO_SEED ^ (0x3141 + i * 104729 + f * 31));
      const id = uuidFrom(idRng);
      const isSubmitted = keep.has(`${i}|${f}`);
      reportFile.write(
        `${id},${periodId},${org.id},${csvText(def.code)},${csvText(def.version)},${isSubmitted ? 'submitted' : 'approved'},${submittedAt},${submittedAt},${isSubmitted ? '' : approvedAt},${isSubmitted ? '' : adminId},${adminId}\n`,
      );
      reports++;
      const list = reportCells(def, makers.get(def.code), rng, size, field, org.kind === 'province');
      let best: { row: string; col: string; value: number } | null = null;
      for (const c of list) {
        cellFile.write(`${id},${csvText(c.row)},${csvText(c.col)},${c.state},${c.value === null ? '' : c.value}\n`);
        byState[c.state]++;
        if (isSubmitted && c.state === 'value' && c.value !== null && (!best || c.value > best.value)) best = { row: c.row, col: c.col, value: c.value };
      }
      cells += list.length;
      if (isSubmitted) {
        // a report with no number at all still shows (its count); watch its first grid cell then
        const first = { row: def.rows[0]?.code ?? '', col: def.columns[0]?.code ?? '', value: 0 };
        watched.push({ id, formCode: def.code, ...(best ?? first) });
      }
    }
  }
  reportFile.close();
  cellFile.close();
  return { reports, cells, byState, watched, ms: performance.now() - t0 };
}

/** The national admin acting in the benchmark. */
function adminContext(adminId: string): RequestContext {
  const actor: AuthUser = { id: adminId, username: 'admin', displayName: 'Benchmark', role: 'national_admin', scopeUnitId: null, organizationId: null, via: 'token', sessionId: null, csrfToken: null };
  return { actor, ip: null, requestId: 'bench-stats', locale: 'vi' };
}

/** One cell total per area (national: area "VN"), as DuckDB or our running aggregate gives it. */
interface CellTotal {
  value: number | null;
  reporting: number;
  confidential: number;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** DuckDB's sums of one form (or all forms), nationally (key form|row|col) or per province (key form|province|row|col). */
async function duckSums(c: DuckDBConnection, formCode: string | null, byProvince: boolean): Promise<{ cells: Map<string, CellTotal>; reports: Map<string, number> }> {
  const where = formCode ? `AND r.form_code = ${literal(formCode)}` : '';
  const area = byProvince ? 'r.province_unit_id::VARCHAR AS unit_id, ' : '';
  const cellRows = (
    await c.runAndReadAll(`
      SELECT r.form_code, ${area}c.row_code, c.col_code,
        sum(CASE WHEN c.state = 'not_applicable' THEN 0 ELSE c.value END)::DOUBLE AS value_sum,
        count(*) FILTER (WHERE c.state = 'not_applicable' OR c.value IS NOT NULL)::INTEGER AS reporting,
        count(*) FILTER (WHERE c.state = 'confidential')::INTEGER AS confidential
      FROM cell c JOIN report r ON r.id = c.report_id
      WHERE r.status IN ('approved', 'accepted') ${where}
      GROUP BY ALL`)
  ).getRowObjectsJS();
  const reportRows = (await c.runAndReadAll(`SELECT r.form_code, ${area}count(*)::INTEGER AS reports FROM report r WHERE r.status IN ('approved', 'accepted') ${where} GROUP BY ALL`)).getRowObjectsJS();
  const prefix = (r: Record<string, unknown>) => (byProvince ? `${String(r.form_code)}|${String(r.unit_id)}` : String(r.form_code));
  const cells = new Map<string, CellTotal>();
  for (const r of cellRows) {
    cells.set(`${prefix(r)}|${String(r.row_code)}|${String(r.col_code)}`, { value: r.value_sum === null ? null : Number(r.value_sum), reporting: Number(r.reporting), confidential: Number(r.confidential) });
  }
  return { cells, reports: new Map(reportRows.map((r) => [prefix(r), Number(r.reports)])) };
}

/** Compares one national aggregate (ours) with DuckDB's national sums; returns the differences found. */
function compareNational(def: FormDefinition, ours: StatAggregate, duck: { cells: Map<string, CellTotal>; reports: Map<string, number> }, label: string): { checked: number; problems: string[] } {
  const problems: string[] = [];
  const area = ours.areas[0];
  const duckReports = duck.reports.get(def.code) ?? 0;
  if ((area?.reports ?? 0) !== duckReports) problems.push(`${label} ${def.code}: reports ${area?.reports ?? 0} ≠ DuckDB ${duckReports}`);
  if (ours.areas.length > 1) problems.push(`${label} ${def.code}: ${ours.areas.length} national areas`);
  const byKey = new Map((area?.cells ?? []).map((c) => [cellKey(c.row, c.column), c]));
  let checked = 0;
  for (const r of def.rows) {
    for (const col of def.columns) {
      checked++;
      const o = byKey.get(cellKey(r.code, col.code));
      const d = duck.cells.get(`${def.code}|${r.code}|${col.code}`) ?? { value: null, reporting: 0, confidential: 0 };
      if (!o) {
        if (d.reporting > 0) problems.push(`${label} ${def.code} ${r.code}/${col.code}: missing in ours`);
        continue;
      }
      if (o.reporting !== d.reporting) problems.push(`${label} ${def.code} ${r.code}/${col.code}: reporting ${o.reporting} ≠ DuckDB ${d.reporting}`);
      if (o.missing !== duckReports - d.reporting) problems.push(`${label} ${def.code} ${r.code}/${col.code}: missing ${o.missing} ≠ DuckDB ${duckReports - d.reporting}`);
      if (d.reporting > 0 && (o.value === null || d.value === null || !close(o.value, d.value))) problems.push(`${label} ${def.code} ${r.code}/${col.code}: value ${o.value} ≠ DuckDB ${d.value}`);
      if (d.reporting === 0 && o.value !== null) problems.push(`${label} ${def.code} ${r.code}/${col.code}: value ${o.value} with nobody reporting`);
    }
  }
  return { checked, problems };
}

/** A database to measure, with the two bulk paths the benchmark needs (they differ between the back ends). */
interface Backend {
  kind: 'postgres' | 'pglite';
  h: DbHandle;
  /** Loads CSV files into tables in one transaction. */
  copyIn(loads: readonly { table: string; columns: string; file: string }[]): Promise<void>;
  /** Writes a query's rows to a CSV file with a header. */
  copyOut(select: string, file: string): Promise<void>;
  close(): Promise<void>;
}

/** A fresh PostgreSQL database (server-side COPY: the server runs on this machine and reads and writes the files). */
async function postgresBackend(pgUrl: string): Promise<Backend> {
  const name = `stinet_bench_stats_${process.pid}`;
  await adminQuery(pgUrl, `DROP DATABASE IF EXISTS ${name}`);
  await adminQuery(pgUrl, `CREATE DATABASE ${name}`);
  const h = await createDb({ database: { kind: 'postgres', url: withDb(pgUrl, name), poolMax: 2 } });
  return {
    kind: 'postgres',
    h,
    copyIn: (loads) =>
      h.db.transaction(async (tx) => {
        for (const l of loads) await tx.execute(sql.raw(`COPY ${l.table} (${l.columns}) FROM ${literal(l.file)} WITH (FORMAT csv)`));
      }),
    copyOut: async (select, file) => {
      await h.db.execute(sql.raw(`COPY (${select}) TO ${literal(file)} WITH (FORMAT csv, HEADER)`));
    },
    close: async () => {
      await h.close();
      await adminQuery(pgUrl, `DROP DATABASE IF EXISTS ${name}`);
    },
  };
}

/** A fresh PGlite data directory (the embedded default; COPY reads and writes `/dev/blob`). */
async function pgliteBackend(): Promise<Backend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stinet-bench-stats-pglite-'));
  const h = await createDb({ database: { kind: 'pglite', dataDir } });
  const lite = h.pglite;
  if (!lite) throw new Error('PGlite handle without its instance');
  return {
    kind: 'pglite',
    h,
    copyIn: async (loads) => {
      await lite.transaction(async (tx) => {
        for (const l of loads) await tx.query(`COPY ${l.table} (${l.columns}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([readFileSync(l.file)]) });
      });
    },
    copyOut: async (select, file) => {
      const res = await lite.query(`COPY (${select}) TO '/dev/blob' WITH (FORMAT csv, HEADER)`);
      if (!res.blob) throw new Error('COPY TO /dev/blob returned no data');
      writeFileSync(file, Buffer.from(await res.blob.arrayBuffer()));
    },
    close: async () => {
      await h.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs the statistics benchmark on a fresh database of each back end asked for (PostgreSQL and/or PGlite) and
 * returns its markdown sections: setup and full build, roll-ups against DuckDB on the same cells (checked equal),
 * approval-to-visibility.
 */
export async function runStatsBench(opts: StatsBenchOptions): Promise<string> {
  const sections: string[] = [];
  for (const kind of opts.dbs) {
    if (kind !== 'postgres' && kind !== 'pglite') throw new Error(`unknown --db ${kind}`);
    const backend = kind === 'postgres' ? await postgresBackend(opts.pgUrl) : await pgliteBackend();
    try {
      sections.push(await runOne(backend, { ...opts, log: (m) => opts.log(`[${kind}] ${m}`) }));
    } finally {
      await backend.close();
    }
  }
  return sections.join('\n');
}

async function runOne(backend: Backend, opts: StatsBenchOptions): Promise<string> {
  const out: string[] = [];
  const log = opts.log;
  const h = backend.h;
  const dir = mkdtempSync(join(tmpdir(), 'stinet-bench-stats-'));
  chmodSync(dir, 0o777); // the PostgreSQL server (user postgres) reads and writes the CSV files here
  const duck = await DuckDBInstance.create(':memory:');
  const dc = await duck.connect();
  const loadAtStart = loadavg()[0] ?? 0;
  try {
    // ---------------------------------------------------------------------------------------------------- setup
    await runMigrations(h);
    const pgVersion = (await queryRows<{ v: string }>(h.db, sql`SELECT current_setting('server_version') AS v`))[0]?.v ?? '?';
    const duckVersion = String((await dc.runAndReadAll('SELECT version() AS v')).getRowObjectsJS()[0]?.v ?? '?');
    const { adminId, periodId } = await h.db.transaction(async (tx) => {
      const unitIds = await ensureReferenceData(tx);
      const [admin] = await tx
        .insert(appUser)
        .values({ username: 'admin', displayName: 'Quản trị viên quốc gia', passwordHash: 'bench: no login', role: 'national_admin' })
        .returning({ id: appUser.id });
      const rows: (typeof organization.$inferInsert)[] = [];
      for (const o of generateOrganizations({ seed: DEMO_SEED, count: opts.units })) {
        const provinceUnitId = unitIds.get(o.provinceKey);
        const managingUnitId = unitIds.get(o.managingUnitKey);
        if (!provinceUnitId || !managingUnitId) throw new Error(`unknown unit ${o.provinceKey}/${o.managingUnitKey}`);
        const { index: _index, provinceKey: _p, managingUnitKey: _m, ...fields } = o;
        rows.push({ ...fields, provinceUnitId, managingUnitId });
      }
      await insertInChunks(rows, 24, (chunk) => tx.insert(organization).values(chunk));
      const adminId = (admin as { id: string }).id;
      const [period] = await tx
        .insert(statPeriod)
        .values({ year: YEAR, unitDeadline: `${YEAR + 1}-02-01`, provinceDeadline: `${YEAR + 1}-02-15`, createdBy: adminId })
        .returning({ id: statPeriod.id });
      return { adminId, periodId: (period as { id: string }).id };
    });
    const period = (await h.db.select().from(statPeriod).where(sql`${statPeriod.id} = ${periodId}`))[0] as StatPeriodRow;
    const orgs = await queryRows<{ id: string; main_field_code: string | null; kind: string }>(
      h.db,
      sql`SELECT o.id, o.main_field_code, u.kind FROM organization o JOIN org_unit u ON u.id = o.managing_unit_id ORDER BY o.code`,
    );
    const provinces = await queryRows<{ name: string; n: number }>(
      h.db,
      sql`SELECT coalesce(p.short_name_vi, p.name_vi) AS name, count(*)::int AS n FROM organization o JOIN org_unit p ON p.id = o.province_unit_id GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
    const forms = formsForYear(
      shippedForms().filter((f) => f.reportingLevel === 'unit'),
      YEAR,
    );
    log(`${fmtN(orgs.length)} organizations in ${provinces.length} provinces; forms ${forms.map((f) => `${f.code} (${f.rows.length * f.columns.length} cells)`).join(', ')}`);

    const gen = generateFiles(dir, orgs, forms, periodId, adminId, opts.submitted);
    log(`generated ${fmtN(gen.reports)} reports, ${fmtN(gen.cells)} cells in ${fmtMs(gen.ms)}`);
    const tCopy = performance.now();
    await backend.copyIn([
      { table: 'stat_report', columns: 'id, period_id, organization_id, form_code, form_version, status, submitted_at, first_submitted_at, approved_at, approved_by, created_by', file: join(dir, 'stat_report.csv') },
      { table: 'stat_cell', columns: 'report_id, row_code, col_code, state, value', file: join(dir, 'stat_cell.csv') },
    ]);
    const copyMs = performance.now() - tCopy;
    const cellFileBytes = statSync(join(dir, 'stat_cell.csv')).size;
    log(`COPY ${fmtMs(copyMs)}`);
    const tVacuum = performance.now();
    await h.db.execute(sql`VACUUM ANALYZE stat_report`);
    await h.db.execute(sql`VACUUM ANALYZE stat_cell`);
    await h.db.execute(sql`VACUUM ANALYZE organization`);
    const vacuumMs = performance.now() - tVacuum;

    const rebuild: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await h.db.transaction((tx) => rebuildAggregates(tx, periodId));
      rebuild.push(performance.now() - t0);
      log(`rebuildAggregates ${fmtMs(rebuild[i] as number)}`);
    }
    await h.db.execute(sql`VACUUM ANALYZE stat_aggregate`);
    await h.db.execute(sql`VACUUM ANALYZE stat_aggregate_area`);
    await h.db.execute(sql`VACUUM ANALYZE stat_report`);
    const sizes = (
      await queryRows<{ cells: string; agg: string; agg_rows: number }>(
        h.db,
        sql`SELECT pg_total_relation_size('stat_cell')::text AS cells, pg_total_relation_size('stat_aggregate')::text AS agg, (SELECT count(*)::int FROM stat_aggregate WHERE period_id = ${periodId}) AS agg_rows`,
      )
    )[0] as { cells: string; agg: string; agg_rows: number };

    // ----------------------------------------------------------------------------------- PostgreSQL roll-ups
    const ex = h.db;
    const asOf = `${YEAR + 1}-12-31`;
    const agg = (formCode: string, level: 'national' | 'province', source: 'stored' | 'recomputed') => computeAggregate(ex, { period, formCode, level, asOf, source });
    interface FormRow {
      code: string;
      grid: number;
      cells: number;
      storedNational: Timing;
      storedProvince: Timing;
      recomputed: Timing;
      duckNational?: Timing;
      duckProvince?: Timing;
    }
    const cellsPerForm = new Map(
      (
        await queryRows<{ form_code: string; n: number }>(
          ex,
          sql`SELECT r.form_code, count(*)::int AS n FROM stat_cell c JOIN stat_report r ON r.id = c.report_id WHERE r.period_id = ${periodId} AND r.status IN ('approved', 'accepted') GROUP BY 1`,
        )
      ).map((r) => [r.form_code, r.n]),
    );
    const rows: FormRow[] = [];
    for (const def of forms) {
      const storedNational = await timed(opts.reps, () => agg(def.code, 'national', 'stored'));
      const storedProvince = await timed(opts.reps, () => agg(def.code, 'province', 'stored'));
      const recomputed = await timed(opts.reps, () => agg(def.code, 'national', 'recomputed'));
      rows.push({ code: def.code, grid: def.rows.length * def.columns.length, cells: cellsPerForm.get(def.code) ?? 0, storedNational, storedProvince, recomputed });
      log(`${def.code}: stored national ${fmtT(storedNational)}, province ${fmtT(storedProvince)}, recomputed ${fmtT(recomputed)}`);
    }
    const allStoredNational = await timed(opts.reps, async () => {
      for (const def of forms) await agg(def.code, 'national', 'stored');
    });
    const allStoredProvince = await timed(opts.reps, async () => {
      for (const def of forms) await agg(def.code, 'province', 'stored');
    });
    const allRecomputed = await timed(opts.reps, async () => {
      for (const def of forms) await agg(def.code, 'national', 'recomputed');
    });
    log(`all forms: stored national ${fmtT(allStoredNational)}, province ${fmtT(allStoredProvince)}, recomputed ${fmtT(allRecomputed)}`);
    // the SQL alone (no form definitions, no answer object): what the database does for the six forms
    const sqlStored = await timed(opts.reps, async () => {
      for (const def of forms) await storedAreaSums(ex, periodId, def.code);
    });
    const sqlRecomputed = await timed(opts.reps, async () => {
      for (const def of forms) await recomputedAreaSums(ex, periodId, def.code);
    });

    // ---------------------------------------------------------------------------------------------- DuckDB
    const tExport = performance.now();
    await backend.copyOut(
      `SELECT c.report_id, c.row_code, c.col_code, c.state, c.value FROM stat_cell c JOIN stat_report r ON r.id = c.report_id WHERE r.period_id = ${literal(periodId)}`,
      join(dir, 'export_cell.csv'),
    );
    await backend.copyOut(
      `SELECT r.id, o.province_unit_id, r.form_code, r.form_version, r.status FROM stat_report r JOIN organization o ON o.id = r.organization_id WHERE r.period_id = ${literal(periodId)}`,
      join(dir, 'export_report.csv'),
    );
    const exportMs = performance.now() - tExport;
    const exportBytes = statSync(join(dir, 'export_cell.csv')).size + statSync(join(dir, 'export_report.csv')).size;
    const tLoad = performance.now();
    await dc.run(
      `CREATE TABLE cell AS SELECT * FROM read_csv(${literal(join(dir, 'export_cell.csv'))}, header = true,
         columns = {'report_id': 'UUID', 'row_code': 'VARCHAR', 'col_code': 'VARCHAR', 'state': 'VARCHAR', 'value': 'DECIMAL(38,3)'})`,
    );
    await dc.run(
      `CREATE TABLE report AS SELECT * FROM read_csv(${literal(join(dir, 'export_report.csv'))}, header = true,
         columns = {'id': 'UUID', 'province_unit_id': 'UUID', 'form_code': 'VARCHAR', 'form_version': 'VARCHAR', 'status': 'VARCHAR'})`,
    );
    const loadMs = performance.now() - tLoad;
    const duckCells = Number((await dc.runAndReadAll('SELECT count(*) AS n FROM cell')).getRowObjectsJS()[0]?.n ?? 0);
    const duckThreads = String((await dc.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjectsJS()[0]?.t ?? '?');
    log(`DuckDB ${duckVersion}: export ${fmtMs(exportMs)}, load ${fmtMs(loadMs)} (${fmtN(duckCells)} cells)`);
    for (const r of rows) {
      r.duckNational = await timed(opts.reps, () => duckSums(dc, r.code, false));
      r.duckProvince = await timed(opts.reps, () => duckSums(dc, r.code, true));
      log(`${r.code}: DuckDB national ${fmtT(r.duckNational)}, province ${fmtT(r.duckProvince)}`);
    }
    const allDuckNational = await timed(opts.reps, () => duckSums(dc, null, false));
    const allDuckProvince = await timed(opts.reps, () => duckSums(dc, null, true));

    // ----------------------------------------------------------------------------- same totals, cell by cell
    const problems: string[] = [];
    let nationalChecked = 0;
    let provinceChecked = 0;
    const duckNat = await duckSums(dc, null, false);
    const duckProv = await duckSums(dc, null, true);
    for (const def of forms) {
      for (const source of ['stored', 'recomputed'] as const) {
        const r = compareNational(def, await agg(def.code, 'national', source), duckNat, `national ${source}`);
        nationalChecked += r.checked;
        problems.push(...r.problems);
      }
      const { sums, counts } = await storedAreaSums(ex, periodId, def.code);
      const seen = new Set<string>();
      for (const s of sums) {
        const key = `${def.code}|${s.unit_id}|${s.row_code}|${s.col_code}`;
        seen.add(key);
        provinceChecked++;
        const d = duckProv.cells.get(key);
        if (!d) problems.push(`province ${key}: not in DuckDB`);
        else if (d.reporting !== Number(s.reporting) || d.confidential !== Number(s.confidential) || (d.reporting > 0 && !close(d.value ?? NaN, Number(s.value_sum)))) {
          problems.push(`province ${key}: stored ${s.value_sum}/${s.reporting}/${s.confidential} ≠ DuckDB ${d.value}/${d.reporting}/${d.confidential}`);
        }
      }
      for (const key of duckProv.cells.keys()) if (key.startsWith(`${def.code}|`) && !seen.has(key)) problems.push(`province ${key}: only in DuckDB`);
      for (const c of counts) {
        const d = duckProv.reports.get(`${def.code}|${c.unit_id}`) ?? 0;
        if (d !== Number(c.reports)) problems.push(`province reports ${def.code}|${c.unit_id}: stored ${c.reports} ≠ DuckDB ${d}`);
      }
    }
    if (problems.length) {
      for (const p of problems.slice(0, 30)) log(`MISMATCH ${p}`);
      throw new Error(`DuckDB and the running aggregate disagree on ${problems.length} cells or counts (first: ${problems[0]})`);
    }
    log(`DuckDB = ours: ${fmtN(nationalChecked)} national cells (stored and recomputed), ${fmtN(provinceChecked)} province cells`);

    // --------------------------------------------------------------------------- approval to visibility
    const ctx = adminContext(adminId);
    const last = new Map<string, StatAggregate>();
    for (const def of forms) last.set(def.code, await agg(def.code, 'national', 'stored'));
    const total: number[] = [];
    const approveOnly: number[] = [];
    const readOnly: number[] = [];
    const cellOf = (a: StatAggregate, row: string, col: string) => a.areas[0]?.cells.find((c) => c.row === row && c.column === col);
    for (const w of gen.watched) {
      const before = last.get(w.formCode) as StatAggregate;
      const prevCell = cellOf(before, w.row, w.col);
      const t0 = performance.now();
      await reviewReport(h.db, ctx, w.id, { decision: 'approve', comment: null, version: 1 });
      const t1 = performance.now();
      const after = await agg(w.formCode, 'national', 'stored');
      const t2 = performance.now();
      const nowCell = cellOf(after, w.row, w.col);
      const reportsOk = (after.areas[0]?.reports ?? 0) === (before.areas[0]?.reports ?? 0) + 1;
      const valueOk = nowCell !== undefined && close(nowCell.value ?? 0, (prevCell?.value ?? 0) + w.value);
      if (!reportsOk || !valueOk) throw new Error(`approval of ${w.id} (${w.formCode}) not visible: reports ${before.areas[0]?.reports} → ${after.areas[0]?.reports}, ${w.row}/${w.col} ${prevCell?.value} + ${w.value} → ${nowCell?.value}`);
      total.push(t2 - t0);
      approveOnly.push(t1 - t0);
      readOnly.push(t2 - t1);
      last.set(w.formCode, after);
    }
    // the running aggregate after the approvals still equals a recomputation from the cells
    for (const def of forms) {
      const stored = await agg(def.code, 'national', 'stored');
      const recomputed = await agg(def.code, 'national', 'recomputed');
      if (JSON.stringify(stored) !== JSON.stringify(recomputed)) {
        const a = stored.areas[0]?.cells ?? [];
        const b = recomputed.areas[0]?.cells ?? [];
        const diff = a.filter((c, k) => !b[k] || b[k].reporting !== c.reporting || b[k].missing !== c.missing || !close(b[k].value ?? 0, c.value ?? 0) || (b[k].value === null) !== (c.value === null));
        if (diff.length || stored.areas[0]?.reports !== recomputed.areas[0]?.reports) throw new Error(`${def.code}: running aggregate ≠ recomputation after the approvals (${diff.length} cells)`);
      }
    }
    const vis = { total: summarize(total), approve: summarize(approveOnly), read: summarize(readOnly) };
    log(`visibility: ${fmtT(vis.total)}`);

    // --------------------------------------------------------------------------------------------- output
    const top = provinces
      .slice(0, 3)
      .map((p) => `${p.name} ${fmtN(p.n)}`)
      .join(', ');
    const approvedCells = [...cellsPerForm.values()].reduce((s, n) => s + n, 0);
    const dbLabel = backend.kind === 'postgres' ? `PostgreSQL ${pgVersion}` : `PGlite (PostgreSQL ${pgVersion} in WASM, embedded, data directory on disk)`;
    const dbName = backend.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
    out.push(`## Statistics roll-up — ${dbName} (year ${YEAR}, ${fmtN(orgs.length)} units, \`--only stats\`)\n`);
    out.push(`${dbLabel} (fresh database, VACUUM ANALYZE after loading); DuckDB ${duckVersion} in process (\`:memory:\`, ${duckThreads} threads); ${opts.reps} timed runs after one warm-up: median (min–max). Load average (1 min) of the machine: ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end (2 cores, shared with other work).\n`);
    out.push('| setup | value |');
    out.push('|---|---|');
    out.push(`| organizations | ${fmtN(orgs.length)} in ${provinces.length} provinces (largest: ${top}; smallest: ${provinces.at(-1)?.name} ${provinces.at(-1)?.n}) |`);
    out.push(`| unit-level forms (${forms.length}, version for ${YEAR}) | ${forms.map((f) => `${f.code} ${f.version} (${f.rows.length * f.columns.length} cells)`).join(', ')} |`);
    out.push(`| reports | ${fmtN(gen.reports)} (${fmtN(gen.reports - gen.watched.length)} approved, ${fmtN(gen.watched.length)} submitted) |`);
    out.push(
      `| cells | ${fmtN(gen.cells)} (${Math.round(FILL * 100)} % of the grids; ${fmtN(gen.byState.value)} values, ${fmtN(gen.byState.not_applicable)} not applicable, ${fmtN(gen.byState.confidential)} confidential); ${fmtN(approvedCells)} in approved reports |`,
    );
    if (gen.cells < 2_000_000) out.push(`| note | a full year of these ${forms.length} forms at ${fmtN(orgs.length)} units is ${fmtN(gen.cells)} cells, not "several million": the grids have ${forms.reduce((s, f) => s + f.rows.length * f.columns.length, 0)} cells per unit |`);
    out.push(`| generate (tabulated unit records → CSV, ${fmtMb(cellFileBytes)}) | ${fmtMs(gen.ms)} |`);
    out.push(`| COPY reports + cells (one transaction, primary key and foreign keys in place${backend.kind === 'pglite' ? '; from blobs read into memory' : ''}) | ${fmtMs(copyMs)} |`);
    out.push(`| VACUUM ANALYZE | ${fmtMs(vacuumMs)} |`);
    out.push(`| **full build: \`rebuildAggregates\` of the period** (first run; then ${rebuild.slice(1).map(fmtMs).join(', ')}) | **${fmtMs(rebuild[0] as number)}** |`);
    out.push(`| running aggregate | ${fmtN(sizes.agg_rows)} rows, ${fmtMb(Number(sizes.agg))} (stat_cell: ${fmtMb(Number(sizes.cells))} with its index) |`);
    out.push('');
    out.push(`| form | grid cells | stored cells (approved) | national, running aggregate | by province, running aggregate | national, recomputed by ${dbName} | national, DuckDB | by province, DuckDB |`);
    out.push('|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
      out.push(`| ${r.code} | ${r.grid} | ${fmtN(r.cells)} | ${fmtT(r.storedNational)} | ${fmtT(r.storedProvince)} | ${fmtT(r.recomputed)} | ${r.duckNational ? fmtT(r.duckNational) : '—'} | ${r.duckProvince ? fmtT(r.duckProvince) : '—'} |`);
    }
    out.push(
      `| **all ${forms.length} forms** | ${rows.reduce((s, r) => s + r.grid, 0)} | ${fmtN(approvedCells)} | ${fmtT(allStoredNational)} | ${fmtT(allStoredProvince)} | ${fmtT(allRecomputed)} | ${fmtT(allDuckNational)} | ${fmtT(allDuckProvince)} |`,
    );
    out.push('');
    out.push(
      `Ours = \`computeAggregate\` (what GET /api/stats/aggregates runs: the sums, the form definition, missing counts, the answer object); "all forms" runs the ${forms.length} forms one after the other. DuckDB = two GROUP BY queries (cells joined with reports; report counts) read into JS; "all forms" is one query grouped by form. DuckDB loading, not in its figures: export from ${dbName} with \`COPY (SELECT …) TO\` ${fmtMs(exportMs)} (${fmtMb(exportBytes)} CSV), \`read_csv\` into tables ${fmtMs(loadMs)} (${fmtN(duckCells)} cells).\n`,
    );
    out.push(`The SQL alone for the ${forms.length} forms (sums per province and cell + report counts, rows read into JS, no form definition or answer object): running aggregate (\`storedAreaSums\`) ${fmtT(sqlStored)}; grouped over the cells (\`recomputedAreaSums\`) ${fmtT(sqlRecomputed)}.\n`);
    out.push(`Check: DuckDB's totals equal ours for every cell — ${fmtN(nationalChecked)} national cells (running aggregate and recomputation), ${fmtN(provinceChecked)} province cells (sum, reporting, confidential) and the report counts.\n`);
    out.push(`| approval → visible in the national aggregate (${vis.total.runs} reports, one at a time) | p50 | p95 | max |`);
    out.push('|---|---|---|---|');
    out.push(`| \`reviewReport\` approve + \`computeAggregate\` national, contribution checked | ${fmtMs(vis.total.median)} | ${fmtMs(vis.total.p95)} | ${fmtMs(vis.total.max)} |`);
    out.push(`| of which the approval transaction (status, running aggregate, audit) | ${fmtMs(vis.approve.median)} | ${fmtMs(vis.approve.p95)} | ${fmtMs(vis.approve.max)} |`);
    out.push(`| of which the aggregate read | ${fmtMs(vis.read.median)} | ${fmtMs(vis.read.p95)} | ${fmtMs(vis.read.max)} |`);
    out.push('');
    out.push('After the approvals the running aggregate still equals the recomputation from the cells for every form.');
    out.push('');
    return out.join('\n');
  } finally {
    dc.closeSync();
    duck.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}
