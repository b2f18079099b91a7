import { loadConfig } from '../config/env.js';
import { createDb } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { createLocalFileStorage } from '../storage/file-storage.js';
import type { SeedScale } from './generator.js';
import { seedDatabase } from './seed.js';

const SCALES: SeedScale[] = ['test', 'demo', '10k', '100k', '1m'];

function parseScale(argv: string[]): SeedScale {
  const i = argv.indexOf('--scale');
  const value = i >= 0 ? argv[i + 1] : 'demo';
  if (!SCALES.includes(value as SeedScale)) {
    process.stderr.write(`Unknown --scale "${value}". Use one of: ${SCALES.join(', ')}\n`);
    process.exit(2);
  }
  return value as SeedScale;
}

/** `npm run seed -- --scale demo|10k|100k|1m`: seeds the configured database (DATA_DIR or DATABASE_URL). */
async function main(): Promise<void> {
  const scale = parseScale(process.argv.slice(2));
  const config = loadConfig();
  const handle = await createDb(config);
  try {
    await runMigrations(handle);
    const t0 = Date.now();
    const result = await seedDatabase(handle.db, scale, (m) => process.stdout.write(`  ${m}\n`), { storage: createLocalFileStorage(config.filesDir) });
    if (result.skipped) {
      process.stdout.write(`The database is already seeded (scale ${result.scale}); nothing done. Use a fresh DATA_DIR or database.\n`);
      return;
    }
    process.stdout.write(`Seeded scale ${scale}: ${result.organizations} organizations, ${result.researchers} researchers, ${result.tasks} tasks in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  } finally {
    await handle.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
