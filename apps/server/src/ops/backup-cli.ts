import { loadConfig } from '../config/env.js';
import { backupDatabase, restoreDatabase } from './backup.js';

/**
 * `npm run backup [-- --out DIR]` and `npm run restore -- FILE` for the configured database
 * (DATA_DIR for PGlite, DATABASE_URL for PostgreSQL).
 */
async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  if (command === 'backup') {
    const i = rest.indexOf('--out');
    const out = i >= 0 && rest[i + 1] ? rest[i + 1] as string : './backups';
    const r = await backupDatabase(config, out);
    process.stdout.write(`Backup written: ${r.file}\n  ${r.bytes} bytes, sha256 ${r.sha256}\n`);
    return;
  }
  if (command === 'restore') {
    const file = rest.find((a) => !a.startsWith('--'));
    if (!file) {
      process.stderr.write('Usage: npm run restore -- <backup file>\n');
      process.exit(2);
    }
    const r = await restoreDatabase(config, file);
    process.stdout.write(`Restored ${file}${r.keptAside ? `\n  the previous data directory is kept at ${r.keptAside}` : ''}\n`);
    return;
  }
  process.stderr.write('Usage: backup-cli backup [--out DIR] | restore FILE\n');
  process.exit(2);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
