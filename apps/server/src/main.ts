import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config/env.js';
import { createDb, type DbHandle } from './db/client.js';
import { DataDirLockedError } from './db/lock.js';
import { runMigrations } from './db/migrate.js';
import { failInterruptedImports } from './modules/task-io/task-io.repo.js';
import { createLocalFileStorage } from './storage/file-storage.js';
import { startReminderScheduler } from './modules/notifications/scheduler.js';
import { DEMO_PASSWORD, seedDatabase, seedState } from './seed/seed.js';

const DEMO_USERS = ['admin', 'officer.hanoi', 'officer.hcm', 'officer.danang', 'reporter', 'reviewer'];

function fail(message: string): never {
  process.stderr.write(`\nstinet cannot start:\n${message}\n\n`);
  process.exit(1);
}

async function start(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const t0 = Date.now();
  let handle: DbHandle;
  try {
    handle = await createDb(config);
  } catch (err) {
    fail(err instanceof DataDirLockedError || err instanceof Error ? err.message : String(err));
  }
  await runMigrations(handle);
  let state = await seedState(handle.db);
  if (!state && config.seedOnStart === 'demo') {
    process.stdout.write('First start: loading the demo dataset (deterministic synthetic national data)…\n');
    await seedDatabase(handle.db, 'demo', (m) => process.stdout.write(`  ${m}\n`), { storage: createLocalFileStorage(config.filesDir) });
    state = await seedState(handle.db);
  }
  const interrupted = await failInterruptedImports(handle.db);
  if (interrupted) process.stdout.write(`${interrupted} task import(s) interrupted by the last stop marked failed (nothing of them was written).\n`);
  const app = await buildApp({ config, db: handle.db, dbKind: handle.kind });
  const reminders = startReminderScheduler(handle.db, config, app.log);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    try {
      await reminders.stop();
      await app.close();
    } finally {
      await handle.close();
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ host: config.host, port: config.port });
  const url = config.publicUrl ?? `http://localhost:${config.port}`;
  const lines = [
    '',
    `stinet is running at ${url}  (database: ${handle.kind === 'pglite' ? `embedded PGlite in ${config.database.kind === 'pglite' ? config.database.dataDir : ''}` : 'PostgreSQL'}; started in ${Date.now() - t0} ms)`,
    `  API docs: ${url}/api/docs   health: ${url}/api/health`,
  ];
  if (state) {
    lines.push(`  Demo logins (password "${DEMO_PASSWORD}" unless changed): ${DEMO_USERS.join(', ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

start().catch((err: unknown) => {
  process.stderr.write(`stinet failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
