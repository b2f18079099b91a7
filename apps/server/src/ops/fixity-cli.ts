import { loadConfig } from '../config/env.js';
import { createDb } from '../db/client.js';
import { fileRecords } from '../modules/files/files.service.js';
import { createLocalFileStorage } from '../storage/file-storage.js';
import { runFixityCheck } from '../storage/fixity.js';

/**
 * `npm run fixity`: recomputes the SHA-256 of every stored file and reports any whose content changed, is missing,
 * has another size, or is stored without a record (orphan). Exits 1 when anything is wrong.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await createDb(config);
  try {
    const report = await runFixityCheck(createLocalFileStorage(config.filesDir), fileRecords(handle.db), { orphans: true });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    const problems = report.mismatched.length + report.missing.length + report.sizeMismatch.length + report.errors.length;
    process.stdout.write(`Fixity: ${report.checked} checked, ${report.ok} ok, ${problems} problem(s), ${report.orphans?.length ?? 0} orphan(s)\n`);
    if (problems > 0) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`fixity check failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
