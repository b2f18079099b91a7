import { sql } from 'drizzle-orm';
import { prefillForm04, tabulate, type FormDefinition, type MicroRecord, type StatCell, type StatPrefill, type TaskForStats } from '@stinet/shared';
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

/** The founding authorities a province's form 01/TKTH-KHCN-ĐP counts (the locality's own organizations). */
const LOCAL_FOUNDERS: Record<string, string> = { '8.7': 'PROVINCE', '8.8': 'SOCIO_POL', '8.9': 'OTHER' };

/** Organization type code → the form's ORG_TYPE category. */
function orgTypeCategory(code: string): string {
  if (code === '13.2') return 'RD';
  if (code === '13.3' || code.startsWith('13.3.')) return 'HE';
  if (code === '13.4' || code.startsWith('13.4.')) return 'SERVICE';
  return 'OTH';
}

const ECONOMIC: Record<string, string> = { '14.1': 'STATE', '14.2': 'NON_STATE', '14.3': 'FDI' };

/**
 * Form 01/TKTH-KHCN-ĐP (Circular 26/2015: S&T organizations of a province) counted from the organization registry:
 * the organizations located in the province (as of the registry date, through the succession map the caller already
 * applied: `provinceIds` are the province and the units it succeeded), founded by the end of the year by the
 * provincial People's Committee, a socio-political organization, or an enterprise / other organization / individual
 * (organizations founded by central bodies are reported by their ministries), by founding authority and type × field
 * of S&T (first digit of the main field) and economic type.
 */
export async function tabulateProvinceOrganizations(ex: Executor, def: FormDefinition, provinceIds: readonly string[], year: number): Promise<{ records: number; cells: StatCell[] }> {
  const rows = await queryRows<{ founding_authority_code: string; org_type_code: string; economic_type_code: string; main_field_code: string }>(
    ex,
    sql`SELECT founding_authority_code, org_type_code, economic_type_code, main_field_code FROM organization
        WHERE province_unit_id IN (${sql.join(provinceIds.map((id) => sql`${id}::uuid`), sql`, `)})
          AND founding_authority_code IN ('8.7', '8.8', '8.9')
          AND (founding_date IS NULL OR founding_date <= ${`${year}-12-31`}::date)`,
  );
  const records: MicroRecord[] = rows.map((o) => ({
    weight: 1,
    attrs: {
      FOUNDER: [LOCAL_FOUNDERS[o.founding_authority_code] as string],
      ORG_TYPE: [orgTypeCategory(o.org_type_code)],
      FIELD: [o.main_field_code.charAt(0)],
      ECONOMIC_TYPE: [ECONOMIC[o.economic_type_code] ?? 'NON_STATE'],
    },
  }));
  const cells = [...tabulate(def, records)].flatMap(([key, c]) => {
    const [row, column] = key.split('|') as [string, string];
    return c.state === 'value' ? [{ row, column, state: 'value' as const, value: c.value }] : [];
  });
  return { records: records.length, cells };
}
