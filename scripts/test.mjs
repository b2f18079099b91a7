#!/usr/bin/env node
// Runs every test tier in order and prints one closing line "N passed, N failed, N skipped".
// Tiers: typecheck, unit, int (PGlite), int-pg (PostgreSQL), e2e (Chromium).
// `node scripts/test.mjs int-pg e2e` runs only the named tiers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const ALL = ['typecheck', 'unit', 'int', 'int-pg', 'e2e'];
const asked = process.argv.slice(2);
const tiers = asked.length ? asked : ALL;
const unknown = tiers.filter((t) => !ALL.includes(t));
if (unknown.length) {
  console.error(`Unknown tier(s): ${unknown.join(', ')}. Tiers: ${ALL.join(', ')}`);
  process.exit(2);
}
const isCI = process.env.CI === 'true' || process.env.CI === '1';
const outDir = join(process.cwd(), 'test-results');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
let broken = false;

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function vitest(tier, project, env = {}) {
  const out = join(outDir, `${tier}.json`);
  const t0 = Date.now();
  const code = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`], env);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed = report.numPassedTests ?? 0;
    failed = report.numFailedTests ?? 0;
    skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    if (code !== 0 && failed === 0) failed = Math.max(1, report.numFailedTestSuites ?? 0);
  } else if (code !== 0) {
    failed = 1;
  }
  if (code === 0 && passed === 0) {
    console.error(`Tier ${tier} ran no test.`);
    failed += 1;
  }
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  summary.push(`${tier.padEnd(10)} ${String(passed).padStart(5)} passed ${String(failed).padStart(3)} failed ${String(skipped).padStart(3)} skipped  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (code !== 0) broken = true;
}

async function pgReachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

for (const tier of tiers) {
  console.log(`\n=== ${tier} ===`);
  if (tier === 'typecheck') {
    const t0 = Date.now();
    const code = run('npm', ['run', '--silent', 'typecheck']);
    summary.push(`${'typecheck'.padEnd(10)} ${code === 0 ? 'ok' : 'FAILED'}  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (code !== 0) {
      totals.failed += 1;
      broken = true;
    }
  } else if (tier === 'unit') {
    vitest('unit', 'unit');
  } else if (tier === 'int') {
    vitest('int', 'int', { STINET_TEST_DB: 'pglite' });
  } else if (tier === 'int-pg') {
    const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    if (!(await pgReachable(url))) {
      if (isCI) {
        console.error(`PostgreSQL is required in CI but not reachable at ${url}.`);
        totals.failed += 1;
        broken = true;
        summary.push(`${'int-pg'.padEnd(10)} FAILED: PostgreSQL not reachable at ${url}`);
        continue;
      }
      console.warn(`\n!!! PostgreSQL not reachable at ${url}: the PostgreSQL tier is SKIPPED (it is mandatory in CI).\n`);
      summary.push(`${'int-pg'.padEnd(10)} SKIPPED: no PostgreSQL at ${url}`);
      continue;
    }
    vitest('int-pg', 'int', { STINET_TEST_DB: 'postgres', TEST_DATABASE_URL: url });
  } else if (tier === 'e2e') {
    const code = run('npm', ['run', '--silent', 'build']);
    if (code !== 0) {
      totals.failed += 1;
      broken = true;
      summary.push(`${'e2e'.padEnd(10)} FAILED: build failed`);
      continue;
    }
    vitest('e2e', 'e2e');
  }
}

console.log('\n=== summary ===');
for (const line of summary) console.log(line);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(broken || totals.failed > 0 ? 1 : 0);
