import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Executor } from '../db/types.js';
import { queryRows } from '../lib/sql.js';
import { rebuildAggregates } from '../modules/stats/stats-rollup.js';
import { takeRelease } from '../modules/stats/stats-release.service.js';
import { addCalendarDays } from '@stinet/shared';

/**
 * After the statistics seed wrote reports directly: rebuilds the running aggregates, then releases the seeded years
 * like the national agency would — every form of every year before the latest published on 31 March of the next year
 * (small cells withheld below 3 units), and form 02 of the latest year under embargo for two more weeks, so the public
 * dashboard has data and staff see an embargoed release at first start. Returns the number of releases.
 */
export async function seedStatReleases(tx: Executor, opts: { adminId: string; today: string }): Promise<number> {
  await rebuildAggregates(tx);
  const rows = await queryRows<{ period_id: string; year: number; form_code: string }>(
    tx,
    sql`SELECT p.id AS period_id, p.year, r.form_code FROM stat_period p JOIN stat_report r ON r.period_id = p.id
        WHERE r.status IN ('approved', 'accepted') GROUP BY 1, 2, 3 ORDER BY 2, 3`,
  );
  const latest = Math.max(...rows.map((r) => r.year));
  let n = 0;
  for (const r of rows) {
    const embargoed = r.year === latest;
    if (embargoed && !r.form_code.startsWith('02/')) continue;
    const embargoUntil = embargoed ? `${addCalendarDays(opts.today, 14)}T09:00:00+07:00` : `${r.year + 1}-03-31T09:00:00+07:00`;
    try {
      await takeRelease(tx, opts.adminId, { periodId: r.period_id, formCode: r.form_code, embargoUntil, suppressBelow: 3, asOf: opts.today });
      n++;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'STAT_RELEASE_EMPTY')) throw e;
    }
  }
  return n;
}
