import { sql } from 'drizzle-orm';
import { todayInVietnam, type PortalSummary } from '@stinet/shared';
import type { Executor } from '../../db/types.js';
import { queryRows } from '../../lib/sql.js';
import { publicResultCondition } from '../registrations/registrations.repo.js';
import { listPublicReleases, publicIndicators } from '../stats/stats-release.service.js';

/**
 * The public home page's data in one answer: counts of the units valid today and of the public records (published
 * tasks, public results as the public results list counts them: registered, certificate not revoked),
 * the indicator figures of the latest releases, and the three latest releases.
 */
export async function portalSummary(ex: Executor): Promise<PortalSummary> {
  const asOf = todayInVietnam();
  const [counts] = await queryRows<{ provinces: number; ministries: number; organizations: number; researchers: number; tasks: number; results: number }>(
    ex,
    sql`SELECT
          (SELECT count(*)::int FROM org_unit WHERE kind = 'province' AND valid_from <= ${asOf}::date AND (valid_to IS NULL OR valid_to >= ${asOf}::date)) AS provinces,
          (SELECT count(*)::int FROM org_unit WHERE kind = 'ministry' AND valid_from <= ${asOf}::date AND (valid_to IS NULL OR valid_to >= ${asOf}::date)) AS ministries,
          (SELECT count(*)::int FROM organization) AS organizations,
          (SELECT count(*)::int FROM researcher) AS researchers,
          (SELECT count(*)::int FROM task WHERE status = 'published') AS tasks,
          (SELECT count(*)::int FROM result_registration JOIN task ON task.id = result_registration.task_id WHERE ${publicResultCondition()}) AS results`,
  );
  const indicators = (await publicIndicators(ex)).items.filter((i) => i.value !== null);
  const releases = (await listPublicReleases(ex, {})).items.slice(0, 3);
  return {
    asOf,
    counts: {
      provinces: counts?.provinces ?? 0,
      ministries: counts?.ministries ?? 0,
      organizations: counts?.organizations ?? 0,
      researchers: counts?.researchers ?? 0,
      publishedTasks: counts?.tasks ?? 0,
      registeredResults: counts?.results ?? 0,
    },
    indicators,
    releases,
  };
}
