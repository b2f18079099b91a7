// npm run bench [-- --scale 1m] [--db pglite,postgres] [--only generate,seed,start,import,stats,portal] [--portal-db URL] [--harvest N] [--rows 100000] [--units 3000] [--reps 7]
// Prints markdown tables; copy them into BENCHMARKS.md together with the command.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createDb } from '../apps/server/src/db/client.js';
import { runMigrations } from '../apps/server/src/db/migrate.js';
import { queryRows } from '../apps/server/src/lib/sql.js';
import type { SeedScale } from '../apps/server/src/seed/generator.js';
import { generateOrganizations, generateResearchers, scaleCounts } from '../apps/server/src/seed/generator.js';
import { DEMO_SEED, seedDatabase } from '../apps/server/src/seed/seed.js';
import { adminQuery, withDb } from './bench-support.js';
import { generateBenchTasks, timeCopy, timeImport, writeImportCsv, writeImportXlsx, type ImportBenchRow } from './bench-import.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : dflt;
};
const scale = arg('scale', '100k') as SeedScale;
const dbs = arg('db', 'pglite,postgres').split(',');
const only = arg('only', 'generate,seed,start,import,stats,portal').split(',');
const importRows = Number(arg('rows', '100000'));
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const root = new URL('..', import.meta.url).pathname;

const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const fmtMb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Bytes of all files below a directory. */
function duBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) total += duBytes(p);
    else if (e.isFile()) total += statSync(p).size;
  }
  return total;
}


console.log(`# stinet benchmarks — ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmtMb(totalmem())} RAM, Node ${process.version}\n`);

if (only.includes('generate')) {
  const { organizations, researchers } = scaleCounts(scale);
  const t0 = performance.now();
  let n = 0;
  for (const _ of generateOrganizations({ seed: DEMO_SEED, count: organizations })) n++;
  for (const _ of generateResearchers({ seed: DEMO_SEED, count: researchers, organizationCount: organizations })) n++;
  const ms = performance.now() - t0;
  console.log(`## Generator (scale ${scale})\n\n| records | time | records/s |\n|---|---|---|\n| ${n.toLocaleString('en')} | ${fmtMs(ms)} | ${Math.round(n / (ms / 1000)).toLocaleString('en')} |\n`);
}

if (only.includes('seed')) {
  const rows: string[] = [];
  for (const kind of dbs) {
    let config: Parameters<typeof createDb>[0];
    let cleanup = async () => {};
    let dataDir = '';
    if (kind === 'pglite') {
      dataDir = mkdtempSync(join(tmpdir(), 'stinet-bench-'));
      config = { database: { kind: 'pglite', dataDir } };
      cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
    } else {
      const name = `stinet_bench_${process.pid}`;
      await adminQuery(pgUrl, `DROP DATABASE IF EXISTS ${name}`);
      await adminQuery(pgUrl, `CREATE DATABASE ${name}`);
      config = { database: { kind: 'postgres', url: withDb(pgUrl, name), poolMax: 2 } };
      cleanup = () => adminQuery(pgUrl, `DROP DATABASE IF EXISTS ${name}`);
    }
    const h = await createDb(config);
    await runMigrations(h);
    const t0 = performance.now();
    const result = await seedDatabase(h.db, scale, (m) => process.stderr.write(`  [${kind}] ${m}\n`));
    const seedMs = performance.now() - t0;
    const size = (await queryRows<{ n: string }>(h.db, sql`SELECT pg_database_size(current_database())::text AS n`))[0]?.n ?? '0';
    const rss = process.memoryUsage().rss;
    await h.close();
    const onDisk = kind === 'pglite' ? fmtMb(duBytes(join(dataDir, 'pg'))) : '—';
    const records = result.organizations + result.researchers + result.tasks;
    rows.push(`| ${kind} | ${scale} | ${records.toLocaleString('en')} | ${fmtMs(seedMs)} | ${Math.round(records / (seedMs / 1000)).toLocaleString('en')} | ${fmtMb(Number(size))} | ${onDisk} | ${fmtMb(rss)} |`);
    await cleanup();
  }
  console.log(`## Seed (\`npm run seed -- --scale ${scale}\`, one transaction)\n`);
  console.log('| database | scale | records | time | records/s | pg_database_size | data dir on disk | process RSS after |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log('');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

function procStatus(pid: number): { rss: number; hwm: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

async function startOnce(dataDir: string): Promise<{ ms: number; rss: number; hwm: number; rssAfterLoad: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, 'apps/server/dist/main.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_ON_START: 'demo', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const ms = performance.now() - t0;
  const first = procStatus(child.pid as number);
  for (let i = 0; i < 50; i++) await fetch(`${url}/api/organizations?q=vien&pageSize=50&page=${(i % 5) + 1}`);
  const after = procStatus(child.pid as number);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { ms, rss: first.rss, hwm: after.hwm, rssAfterLoad: after.rss };
}

if (only.includes('start')) {
  if (!existsSync(join(root, 'apps/server/dist/main.js'))) throw new Error('run `npm run build` first');
  const dataDir = mkdtempSync(join(tmpdir(), 'stinet-start-'));
  const cold = await startOnce(dataDir);
  const warm = await startOnce(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
  console.log('## Embedded server start (`node apps/server/dist/main.js`, PGlite, until /api/health answers)\n');
  console.log('| start | time to healthy | RSS when healthy | RSS after 50 list requests | peak RSS |');
  console.log('|---|---|---|---|---|');
  console.log(`| cold (initdb + migrations + demo seed) | ${fmtMs(cold.ms)} | ${fmtMb(cold.rss)} | ${fmtMb(cold.rssAfterLoad)} | ${fmtMb(cold.hwm)} |`);
  console.log(`| warm (existing data dir) | ${fmtMs(warm.ms)} | ${fmtMb(warm.rss)} | ${fmtMb(warm.rssAfterLoad)} | ${fmtMb(warm.hwm)} |`);
  console.log('');
}

if (only.includes('import')) {
  const results: ImportBenchRow[] = [];
  for (const kind of dbs) {
    let config: Parameters<typeof createDb>[0];
    let cleanup = async () => {};
    if (kind === 'pglite') {
      const dataDir = mkdtempSync(join(tmpdir(), 'stinet-bench-import-'));
      config = { database: { kind: 'pglite', dataDir } };
      cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
    } else {
      const name = `stinet_bench_import_${process.pid}`;
      await adminQuery(pgUrl, `DROP DATABASE IF EXISTS ${name}`);
      await adminQuery(pgUrl, `CREATE DATABASE ${name}`);
      config = { database: { kind: 'postgres', url: withDb(pgUrl, name), poolMax: 2 } };
      cleanup = () => adminQuery(pgUrl, `DROP DATABASE IF EXISTS ${name}`);
    }
    const log = (m: string) => process.stderr.write(`  [import ${kind}] ${m}\n`);
    const h = await createDb(config);
    await runMigrations(h);
    await seedDatabase(h.db, 'demo', log);
    const tasks = await generateBenchTasks(h, importRows);
    const dir = mkdtempSync(join(tmpdir(), 'stinet-import-files-'));
    const database = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
    const csvPath = join(dir, 'tasks.csv');
    const csvBytes = writeImportCsv(csvPath, tasks, 'CSV-');
    results.push(await timeImport(h, csvPath, 'csv', database, csvBytes, log));
    const xlsxPath = join(dir, 'tasks.xlsx');
    const xlsxBytes = await writeImportXlsx(xlsxPath, tasks, 'XLSX-');
    results.push(await timeImport(h, xlsxPath, 'xlsx', database, xlsxBytes, log));
    if (kind === 'postgres') results.push(await timeCopy(h, tasks, log));
    rmSync(dir, { recursive: true, force: true });
    await h.close();
    await cleanup();
  }
  console.log(`## Task import (${importRows.toLocaleString('en')} generated tasks, \`--only import\`)\n`);
  console.log('| method | file | database | tasks + members | file size | time | of which read + validate | of which write | tasks/s |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const phase = (v: number | undefined) => (v === undefined ? '—' : fmtMs(v));
    console.log(
      `| ${r.method} | ${r.format} | ${r.database} | ${r.tasks.toLocaleString('en')} + ${r.members.toLocaleString('en')} | ${fmtMb(r.fileBytes)} | ${fmtMs(r.ms)} | ${phase(r.validateMs)} | ${phase(r.writeMs)} | ${Math.round(r.tasks / (r.ms / 1000)).toLocaleString('en')} |`,
    );
  }
  console.log('');
}

if (only.includes('stats')) {
  const { runStatsBench } = await import('./bench-stats.js');
  const section = await runStatsBench({
    pgUrl,
    units: Number(arg('units', '3000')),
    dbs,
    reps: Number(arg('reps', '7')),
    submitted: 50,
    log: (m) => process.stderr.write(`  [stats] ${m}\n`),
  });
  console.log(section);
}

if (only.includes('portal')) {
  const { runPortalBench } = await import('./bench-portal.js');
  // --portal-db URL: an already seeded database (kept); otherwise a fresh one seeded at --scale, dropped afterwards
  const given = arg('portal-db', '');
  const name = `stinet_bench_portal_${process.pid}`;
  let url = given;
  if (!given) {
    await adminQuery(pgUrl, `DROP DATABASE IF EXISTS ${name}`);
    await adminQuery(pgUrl, `CREATE DATABASE ${name}`);
    url = withDb(pgUrl, name);
    const h = await createDb({ database: { kind: 'postgres', url, poolMax: 2 } });
    await runMigrations(h);
    const t0 = performance.now();
    await seedDatabase(h.db, scale, (m) => process.stderr.write(`  [portal seed] ${m}\n`));
    process.stderr.write(`  [portal seed] ${fmtMs(performance.now() - t0)}\n`);
    await h.db.execute(sql`ANALYZE`);
    await h.close();
  }
  try {
    const section = await runPortalBench({
      url,
      reps: Number(arg('reps', '21')),
      proposals: Number(arg('proposals', '20')),
      bruteProposals: Number(arg('brute', '3')),
      harvestLimit: Number(arg('harvest', '0')),
      log: (m) => process.stderr.write(`  [portal] ${m}\n`),
    });
    console.log(`## Portal: search, similar-task check, OAI-PMH (issue #5; PostgreSQL, scale ${given ? 'of the given database' : scale})\n`);
    console.log(section);
  } finally {
    if (!given) await adminQuery(pgUrl, `DROP DATABASE IF EXISTS ${name}`);
  }
}
