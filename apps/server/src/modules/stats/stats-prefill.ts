import { sql } from 'drizzle-orm';
import { prefillForm04, type StatPrefill, type TaskForStats } from '@stinet/shared';
import type { Executor } from '../../db/types.js';
import { AppError, notFound } from '../../errors.js';
import type { RequestContext } from '../../http/context.js';
import { queryRows } from '../../lib/sql.js';
import { organizationAccess, requireActor } from '../access/access.service.js';
import { findReportById } from './stats.repo.js';

/** The form the task registry can fill. */
const TASK_FORM = '04/CS-KHCN';

interface TaskStatsRow extends Record<string, unknown> {
  form_code: string;
  level_code: string;
  funding_type: TaskForStats['fundingType'];
  budget_state_central: number | null;
  budget_state_local: number | null;
  field_codes_2025: string[];
  started_on: string;
  accepted_on: string | null;
  pi_sex: 'F' | 'M' | null;
  applied: boolean;
}

/**
 * Proposes the cells of a form 04/CS-KHCN report from the task registry: the published tasks the organization leads
 * that ran during the period's year (see `prefillForm04`). "Applied in the year" means an application report
 * (Mẫu 12, submitted or accepted) saying applied or partly applied whose year ends in the period's year. Nothing is
 * saved: the officer reviews the proposal in the grid and saves it like any entry, through the same validation.
 */
export async function prefillReport(ex: Executor, ctx: RequestContext, reportId: string): Promise<StatPrefill> {
  const actor = requireActor(ctx);
  const row = await findReportById(ex, reportId);
  if (!row) throw notFound('stat_report');
  const access = await organizationAccess(ex, actor, { id: row.org.id, managingUnitId: row.org.managingUnitId });
  if (!access.canRead) throw new AppError('OUT_OF_SCOPE');
  if (row.report.formCode !== TASK_FORM) throw new AppError('STAT_PREFILL_UNAVAILABLE');
  const year = row.period.year;
  const tasks = await queryRows<TaskStatsRow>(
    ex,
    sql`SELECT t.form_code, t.level_code, t.funding_type, t.budget_state_central::float8 AS budget_state_central,
          t.budget_state_local::float8 AS budget_state_local, t.field_codes_2025,
          to_char(coalesce(t.contract_date, t.start_date), 'YYYY-MM-DD') AS started_on,
          to_char(t.accepted_on, 'YYYY-MM-DD') AS accepted_on, r.gender AS pi_sex,
          EXISTS (SELECT 1 FROM application_report a WHERE a.task_id = t.id AND a.status IN ('submitted', 'accepted')
            AND a.application_status IN ('applied', 'partly_applied')
            AND extract(year FROM t.accepted_on)::int + a.year_index = ${year}) AS applied
        FROM task t LEFT JOIN researcher r ON r.id = t.pi_researcher_id
        WHERE t.lead_organization_id = ${row.org.id} AND t.status = 'published'
          AND coalesce(t.contract_date, t.start_date) <= ${`${year}-12-31`}::date
          AND (t.accepted_on IS NULL OR t.accepted_on >= ${`${year}-01-01`}::date)`,
  );
  const cells = prefillForm04(
    tasks.map((t) => ({
      formCode: t.form_code,
      levelCode: t.level_code,
      fundingType: t.funding_type,
      budgetStateCentral: t.budget_state_central,
      budgetStateLocal: t.budget_state_local,
      fieldCodes2025: t.field_codes_2025,
      startedOn: t.started_on,
      acceptedOn: t.accepted_on,
      piSex: t.pi_sex,
      appliedInYear: t.applied,
    })),
    year,
  );
  return {
    source: 'task_registry',
    records: tasks.length,
    cells: [...cells].flatMap(([key, c]) => {
      const [r, col] = key.split('|') as [string, string];
      return c.state === 'value' ? [{ row: r, column: col, state: 'value' as const, value: c.value }] : [];
    }),
  };
}
