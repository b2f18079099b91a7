import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/types.js';
import { queryRows } from '../../lib/sql.js';

/** Summed cells of one province or ministry (the area a report was aggregated into). */
export interface AreaCellSum extends Record<string, unknown> {
  unit_id: string;
  row_code: string;
  col_code: string;
  /** Σ of the numbers given (not applicable adds 0); meaningful only when `reporting` > 0. */
  value_sum: number;
  /** Units that gave a number or "not applicable" for the cell. */
  reporting: number;
  /** Units that marked the cell confidential. */
  confidential: number;
}

/** Approved or accepted reports per area and form version. */
export interface AreaReportCount extends Record<string, unknown> {
  unit_id: string;
  form_version: string;
  reports: number;
}

/**
 * Adds (`sign` 1) or removes (`sign` -1) one report's cells to or from the running aggregate of its area, in the
 * caller's transaction: called when a report is approved (added) and when approved data is reopened (removed), so
 * the aggregate is always the sum of the approved and accepted reports. `unitId` is the area the report counts in
 * (kept on the report so a removal hits the same area even if the organization moved since).
 */
export async function applyReportToAggregate(tx: Executor, reportId: string, unitId: string, sign: 1 | -1): Promise<void> {
  if (sign === -1) {
    // the report was added on approval, so its rows exist: subtract in place (an upsert would check the negative
    // proposed row against the non-negative constraint before finding the conflict)
    await tx.execute(sql`
      UPDATE stat_aggregate a SET
        value_sum = a.value_sum - coalesce(CASE WHEN c.state = 'not_applicable' THEN 0 ELSE c.value END, 0),
        reporting = a.reporting - (c.state = 'not_applicable' OR c.value IS NOT NULL)::int,
        confidential = a.confidential - (c.state = 'confidential')::int
      FROM stat_report r JOIN stat_cell c ON c.report_id = r.id
      WHERE r.id = ${reportId} AND a.period_id = r.period_id AND a.form_code = r.form_code AND a.unit_id = ${unitId}
        AND a.row_code = c.row_code AND a.col_code = c.col_code`);
    await tx.execute(sql`
      UPDATE stat_aggregate_area a SET reports = a.reports - 1 FROM stat_report r
      WHERE r.id = ${reportId} AND a.period_id = r.period_id AND a.form_code = r.form_code AND a.form_version = r.form_version AND a.unit_id = ${unitId}`);
    return;
  }
  await tx.execute(sql`
    INSERT INTO stat_aggregate AS a (period_id, form_code, unit_id, row_code, col_code, value_sum, reporting, confidential)
    SELECT r.period_id, r.form_code, ${unitId}::uuid, c.row_code, c.col_code,
      coalesce(CASE WHEN c.state = 'not_applicable' THEN 0 ELSE c.value END, 0),
      (c.state = 'not_applicable' OR c.value IS NOT NULL)::int,
      (c.state = 'confidential')::int
    FROM stat_report r JOIN stat_cell c ON c.report_id = r.id
    WHERE r.id = ${reportId}
    ON CONFLICT ON CONSTRAINT stat_aggregate_pkey DO UPDATE SET
      value_sum = a.value_sum + excluded.value_sum,
      reporting = a.reporting + excluded.reporting,
      confidential = a.confidential + excluded.confidential`);
  await tx.execute(sql`
    INSERT INTO stat_aggregate_area AS a (period_id, form_code, form_version, unit_id, reports)
    SELECT r.period_id, r.form_code, r.form_version, ${unitId}::uuid, 1 FROM stat_report r WHERE r.id = ${reportId}
    ON CONFLICT ON CONSTRAINT stat_aggregate_area_pkey DO UPDATE SET reports = a.reports + excluded.reports`);
}

/**
 * Rebuilds the running aggregates from the stored cells (of one period, or all): after a bulk load that wrote
 * approved reports directly (the demo seed, a restore), or to repair. Marks each approved or accepted report with
 * the province it counts in (and the ministry, for organizations a ministry manages) and clears the marks on the others.
 */
export async function rebuildAggregates(ex: Executor, periodId?: string): Promise<void> {
  const inPeriod = periodId ? sql`period_id = ${periodId}` : sql`true`;
  const reportInPeriod = periodId ? sql`r.period_id = ${periodId}` : sql`true`;
  await ex.execute(sql`DELETE FROM stat_aggregate WHERE ${inPeriod}`);
  await ex.execute(sql`DELETE FROM stat_aggregate_area WHERE ${inPeriod}`);
  await ex.execute(sql`UPDATE stat_report r SET
      aggregated_unit_id = CASE WHEN r.status IN ('approved', 'accepted') THEN o.province_unit_id END,
      aggregated_ministry_id = CASE WHEN r.status IN ('approved', 'accepted') AND u.kind = 'ministry' THEN o.managing_unit_id END
    FROM organization o JOIN org_unit u ON u.id = o.managing_unit_id
    WHERE o.id = r.organization_id AND ${reportInPeriod}`);
  for (const column of [sql.raw('aggregated_unit_id'), sql.raw('aggregated_ministry_id')]) {
    await ex.execute(sql`
      INSERT INTO stat_aggregate (period_id, form_code, unit_id, row_code, col_code, value_sum, reporting, confidential)
      SELECT r.period_id, r.form_code, r.${column}, c.row_code, c.col_code,
        coalesce(sum(CASE WHEN c.state = 'not_applicable' THEN 0 ELSE c.value END), 0),
        count(*) FILTER (WHERE c.state = 'not_applicable' OR c.value IS NOT NULL),
        count(*) FILTER (WHERE c.state = 'confidential')
      FROM stat_report r JOIN stat_cell c ON c.report_id = r.id
      WHERE r.${column} IS NOT NULL AND ${reportInPeriod}
      GROUP BY 1, 2, 3, 4, 5`);
    await ex.execute(sql`
      INSERT INTO stat_aggregate_area (period_id, form_code, form_version, unit_id, reports)
      SELECT period_id, form_code, form_version, ${column}, count(*) FROM stat_report
      WHERE ${column} IS NOT NULL AND ${inPeriod}
      GROUP BY 1, 2, 3, 4`);
  }
}

/** Which hierarchy an area belongs to: provinces (geography; their sum is the nation) or ministries (management). */
export type AreaHierarchy = 'province' | 'ministry';

/**
 * The running aggregate of a form in a period, per area and cell (at most a few dozen areas × the form's cells), for
 * the provinces (whose sum is the nation) or for the ministries.
 */
export async function storedAreaSums(ex: Executor, periodId: string, formCode: string, hierarchy: AreaHierarchy = 'province'): Promise<{ sums: AreaCellSum[]; counts: AreaReportCount[] }> {
  const kind = hierarchy === 'ministry' ? sql`u.kind = 'ministry'` : sql`u.kind <> 'ministry'`;
  const sums = await queryRows<AreaCellSum>(
    ex,
    sql`SELECT a.unit_id, a.row_code, a.col_code, a.value_sum::float8 AS value_sum, a.reporting, a.confidential
        FROM stat_aggregate a JOIN org_unit u ON u.id = a.unit_id
        WHERE a.period_id = ${periodId} AND a.form_code = ${formCode} AND (a.reporting > 0 OR a.confidential > 0) AND ${kind}`,
  );
  const counts = await queryRows<AreaReportCount>(
    ex,
    sql`SELECT a.unit_id, a.form_version, a.reports FROM stat_aggregate_area a JOIN org_unit u ON u.id = a.unit_id
        WHERE a.period_id = ${periodId} AND a.form_code = ${formCode} AND a.reports > 0 AND ${kind}`,
  );
  return { sums, counts };
}

/**
 * The same sums computed from the stored cells of the approved and accepted reports in one grouped query (no running
 * aggregate): the check of the running aggregate in tests, and the "full recompute" figure of the benchmark.
 */
export async function recomputedAreaSums(ex: Executor, periodId: string, formCode: string, hierarchy: AreaHierarchy = 'province'): Promise<{ sums: AreaCellSum[]; counts: AreaReportCount[] }> {
  const area = hierarchy === 'ministry' ? sql`o.managing_unit_id` : sql`o.province_unit_id`;
  const ministryOnly = hierarchy === 'ministry' ? sql`AND EXISTS (SELECT 1 FROM org_unit u WHERE u.id = o.managing_unit_id AND u.kind = 'ministry')` : sql``;
  const sums = await queryRows<AreaCellSum>(
    ex,
    sql`SELECT ${area} AS unit_id, c.row_code, c.col_code,
          coalesce(sum(CASE WHEN c.state = 'not_applicable' THEN 0 ELSE c.value END), 0)::float8 AS value_sum,
          count(*) FILTER (WHERE c.state = 'not_applicable' OR c.value IS NOT NULL)::int AS reporting,
          count(*) FILTER (WHERE c.state = 'confidential')::int AS confidential
        FROM stat_report r JOIN organization o ON o.id = r.organization_id JOIN stat_cell c ON c.report_id = r.id
        WHERE r.period_id = ${periodId} AND r.form_code = ${formCode} AND r.status IN ('approved', 'accepted') ${ministryOnly}
        GROUP BY 1, 2, 3`,
  );
  const counts = await queryRows<AreaReportCount>(
    ex,
    sql`SELECT ${area} AS unit_id, r.form_version, count(*)::int AS reports
        FROM stat_report r JOIN organization o ON o.id = r.organization_id
        WHERE r.period_id = ${periodId} AND r.form_code = ${formCode} AND r.status IN ('approved', 'accepted') ${ministryOnly}
        GROUP BY 1, 2`,
  );
  return { sums, counts };
}
