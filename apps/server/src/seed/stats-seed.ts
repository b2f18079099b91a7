import { sql } from 'drizzle-orm';
import { tabulate, type FormDefinition, addCalendarDays as addDays } from '@stinet/shared';
import { formOf } from '@stinet/shared/node';
import { statCell, statPeriod, statReport } from '../db/schema.js';
import type { Executor } from '../db/types.js';
import { queryRows } from '../lib/sql.js';
import { createRng, type SeedScale } from './generator.js';
import { GRASSROOTS_GENERATORS, reportState, type RecordMaker } from './stats-generator.js';

/** Reporting units with statistics per scale (the national network has about 3,000). */
export function statUnitCount(scale: SeedScale): number {
  return { test: 6, demo: 40, '10k': 300, '100k': 1_000, '1m': 3_000 }[scale];
}

const RETURN_COMMENTS = [
  'Tổng số nhân lực không khớp với danh sách cán bộ của đơn vị, đề nghị rà soát.',
  'Đề nghị tách chi thực hiện nhiệm vụ theo cấp quản lý.',
  'Số liệu chi đầu tư phát triển tăng bất thường so với năm trước, đề nghị giải trình.',
];

/** What the stats seed produced. */
export interface StatsSeedCounts {
  periods: number;
  reports: number;
  cells: number;
}

/**
 * Three past reporting years of the six grassroots forms 01–06/CS-KHCN for a sample of organizations
 * (deterministic): older years accepted nationally, the latest year in every state (some late, some returned with
 * comments), tabulated from generated unit-level records so every report satisfies the forms' rules.
 */
export async function seedStats(tx: Executor, opts: { seed: number; today: string; adminId: string; scale: SeedScale }): Promise<StatsSeedCounts> {
  const lastYear = Number(opts.today.slice(0, 4)) - 1;
  const years = [lastYear - 2, lastYear - 1, lastYear];
  const orgs = await queryRows<{ id: string; main_field_code: string; kind: string }>(
    tx,
    sql`SELECT o.id, o.main_field_code, u.kind FROM organization o JOIN org_unit u ON u.id = o.managing_unit_id ORDER BY o.code LIMIT ${statUnitCount(opts.scale)}`,
  );
  const periodIds = new Map<number, string>();
  for (const year of years) {
    const [row] = await tx
      .insert(statPeriod)
      .values({ year, unitDeadline: `${year + 1}-02-01`, provinceDeadline: `${year + 1}-02-15`, createdBy: opts.adminId, createdAt: new Date(`${year}-12-01T09:00:00+07:00`) })
      .returning({ id: statPeriod.id });
    periodIds.set(year, (row as { id: string }).id);
  }
  // the six grassroots forms of Circular 25/2015, read from the shipped form files
  const forms: [FormDefinition, RecordMaker][] = GRASSROOTS_GENERATORS.map(([code, make]) => [formOf(code, 'TT25-2015'), make]);
  let reportRows: (typeof statReport.$inferInsert)[] = [];
  let cellSets: ({ rowCode: string; colCode: string; value: number }[] | null)[] = [];
  let reports = 0;
  let cells = 0;
  // written 500 reports at a time with their cells (in slices of 2,000), so the 1m scale never holds every cell in memory
  const flush = async () => {
    if (!reportRows.length) return;
    const ids = (await tx.insert(statReport).values(reportRows).returning({ id: statReport.id })).map((r) => r.id);
    const cellRows = cellSets.flatMap((set, k) => (set ?? []).map((c) => ({ reportId: ids[k] as string, rowCode: c.rowCode, colCode: c.colCode, state: 'value' as const, value: c.value })));
    for (let k = 0; k < cellRows.length; k += 2000) await tx.insert(statCell).values(cellRows.slice(k, k + 2000));
    reports += reportRows.length;
    cells += cellRows.length;
    reportRows = [];
    cellSets = [];
  };
  for (const [i, org] of orgs.entries()) {
    const orgRng = createRng(opts.seed ^ (0x57a7 + i * 7919));
    const base = orgRng.int(8, 120);
    const field = String(org.main_field_code ?? '1').charAt(0) || '1';
    for (const [y, year] of years.entries()) {
      const size = Math.max(3, Math.round(base * (1 + (y - 1) * 0.06 + (orgRng.next() - 0.5) * 0.1)));
      for (const [def, records] of forms) {
        const rng = createRng(opts.seed ^ (0x3141 + i * 104729 + year * 31 + def.code.charCodeAt(1)));
        const state = reportState(rng, lastYear - year + 1);
        const deadline = `${year + 1}-02-01`;
        const sentOn = state.late ? addDays(deadline, rng.int(1, 25)) : addDays(deadline, -rng.int(1, 30));
        const sent = state.status !== 'draft';
        const approved = state.status === 'approved' || state.status === 'accepted';
        const at = (d: string, h = 10) => new Date(`${d}T${String(h).padStart(2, '0')}:00:00+07:00`);
        reportRows.push({
          periodId: periodIds.get(year) as string,
          organizationId: org.id,
          formCode: def.code,
          formVersion: def.version,
          status: state.status,
          reviewComment: state.status === 'returned' ? rng.pick(RETURN_COMMENTS) : null,
          submittedAt: sent ? at(sentOn) : null,
          firstSubmittedAt: sent ? at(sentOn) : null,
          approvedAt: approved ? at(addDays(sentOn, rng.int(2, 10)), 15) : null,
          approvedBy: approved ? opts.adminId : null,
          acceptedAt: state.status === 'accepted' ? at(`${year + 1}-02-20`, 16) : null,
          acceptedBy: state.status === 'accepted' ? opts.adminId : null,
          createdBy: opts.adminId,
          createdAt: at(`${year}-12-05`),
        });
        if (state.status === 'draft' && rng.next() < 0.5) {
          cellSets.push(null); // not started
          continue;
        }
        cellSets.push(
          [...tabulate(def, records(rng, size, field, org.kind === 'province'))].map(([key, c]) => {
            const [rowCode, colCode] = key.split('|') as [string, string];
            return { rowCode, colCode, value: c.state === 'value' ? c.value : 0 };
          }),
        );
      }
    }
    if (reportRows.length >= 500) await flush();
  }
  await flush();
  return { periods: years.length, reports, cells };
}
