import { loadConfig } from '../config/env.js';
import { createDb } from '../db/client.js';
import { createMailSender } from '../modules/notifications/mail-sender.js';
import { runReminderSweep } from '../modules/notifications/reminders.js';

/**
 * `npm run reminders`: runs one reminder sweep against the configured database — queues the reminders that are due
 * (once per stage) and sends what is pending through the configured sender (MAIL_SENDER=log|smtp) — then prints
 * what it sent. Exits 1 when a message could not be sent (it is retried on the next sweep).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const handle = await createDb(config);
  const sender = createMailSender(config, {
    info: (obj, msg) => process.stderr.write(`${JSON.stringify({ msg, ...obj })}\n`),
  });
  try {
    const result = await runReminderSweep(handle.db, sender, new Date(), { publicUrl: config.publicUrl });
    for (const item of result.sentItems) process.stdout.write(`sent  ${item.recipient}  ${item.subject}\n`);
    const byKind = Object.entries(result.createdByKind).map(([k, n]) => `${k} ${n}`).join(', ');
    process.stdout.write(`Reminders as of ${result.asOf} (${sender.kind} sender): ${result.created} queued (${byKind}), ${result.sent} sent, ${result.failed} failed\n`);
    if (result.failed > 0) process.exitCode = 1;
  } finally {
    await sender.close?.();
    await handle.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`reminder sweep failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
