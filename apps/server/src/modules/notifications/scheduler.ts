import type { Config } from '../../config/env.js';
import type { Db } from '../../db/types.js';
import { createMailSender, type MailLogger } from './mail-sender.js';
import { runReminderSweep } from './reminders.js';

/** The part of a pino logger the scheduler reports to. */
export interface SchedulerLogger extends MailLogger {
  error(obj: Record<string, unknown>, msg: string): void;
}

/** A running reminder schedule. */
export interface ReminderScheduler {
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/** Delay of the first sweep after start, so a restart does not compete with the first requests. */
const FIRST_SWEEP_DELAY_MS = 60_000;

/**
 * Runs a reminder sweep every `REMINDER_INTERVAL_MINUTES` (the first one a minute after start); does nothing when
 * the interval is 0. Timers are unref'd; `stop()` is called on shutdown before the database closes.
 */
export function startReminderScheduler(db: Db, config: Pick<Config, 'mail' | 'mailFrom' | 'publicUrl' | 'reminderIntervalMinutes'>, log: SchedulerLogger): ReminderScheduler {
  if (config.reminderIntervalMinutes <= 0) return { stop: async () => {} };
  const sender = createMailSender(config, log);
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout;
  const tick = () => {
    if (stopped) return;
    running = runReminderSweep(db, sender, new Date(), { publicUrl: config.publicUrl })
      .then((r) => log.info({ reminders: { asOf: r.asOf, created: r.created, sent: r.sent, failed: r.failed } }, 'reminder sweep'))
      .catch((err: unknown) => log.error({ err }, 'reminder sweep failed'))
      .finally(() => {
        if (!stopped) {
          timer = setTimeout(tick, config.reminderIntervalMinutes * 60_000);
          timer.unref();
        }
      });
  };
  timer = setTimeout(tick, Math.min(FIRST_SWEEP_DELAY_MS, config.reminderIntervalMinutes * 60_000));
  timer.unref();
  log.info({ intervalMinutes: config.reminderIntervalMinutes, sender: sender.kind }, 'reminder sweeps scheduled');
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      await sender.close?.();
    },
  };
}
