import type { AggregateCell } from './aggregate.js';
import { cellKey } from './cells.js';
import type { FormDefinition } from './form-definition.js';

/** Where an indicator's value comes from. */
export type IndicatorSource =
  /** A cell of an aggregated form (Σ over the reporting units of the area). */
  | { kind: 'form_cell'; formCode: string; row: string; column: string }
  /** A ratio of two form cells, × `scale` (e.g. 100 for a percentage). */
  | { kind: 'form_ratio'; formCode: string; numerator: { row: string; column: string }; denominator: { row: string; column: string }; scale: number }
  /** Counted from a registry of the system (organizations, tasks…), not from a form. */
  | { kind: 'registry'; registry: 'organization' | 'task' | 'result' }
  /** Needs data the network does not collect yet (an R&D or innovation survey); shown as such, never as zero. */
  | { kind: 'not_collected'; noteVi: string; noteEn: string };

/** An indicator of the catalog. */
export interface Indicator {
  /** National code (group 14 of the Law on Statistics list) or a Frascati-aligned code of the catalog. */
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  /** Main breakdowns (SDMX dimension ids). */
  breakdowns: string[];
  source: IndicatorSource;
}

/**
 * The indicator catalog: the national S&T indicators 1401–1407 (Law on Statistics 89/2015, group 14) and the
 * Frascati-aligned core the forms allow. Indicators whose data the network does not collect yet say so.
 */
export const INDICATORS: readonly Indicator[] = [
  { code: '1401', nameVi: 'Số tổ chức khoa học và công nghệ', nameEn: 'Number of S&T organizations', unitVi: 'tổ chức', unitEn: 'organizations', breakdowns: ['ORG_TYPE', 'FIELD', 'ECONOMIC_TYPE', 'REF_AREA'], source: { kind: 'registry', registry: 'organization' } },
  { code: '1402', nameVi: 'Số người trong các tổ chức khoa học và công nghệ', nameEn: 'Persons in S&T organizations', unitVi: 'người', unitEn: 'persons', breakdowns: ['SEX', 'ETHNICITY', 'TRAINING_FIELD', 'QUALIFICATION', 'TITLE'], source: { kind: 'form_cell', formCode: '02/CS-KHCN', row: '01', column: 'C1' } },
  {
    code: '1403',
    nameVi: 'Số người hoạt động nghiên cứu khoa học và phát triển công nghệ',
    nameEn: 'Persons in research and development',
    unitVi: 'người',
    unitEn: 'persons',
    breakdowns: ['SEX', 'FIELD', 'QUALIFICATION', 'FUNCTION'],
    source: { kind: 'not_collected', noteVi: 'Cần số liệu điều tra nghiên cứu và phát triển (R&D) theo chức năng; biểu 02/CS-KHCN chỉ có tổng nhân lực KH&CN.', noteEn: 'Needs R&D survey data by function; form 02/CS-KHCN only has total S&T staff.' },
  },
  {
    code: '1404',
    nameVi: 'Số sáng chế được cấp văn bằng bảo hộ',
    nameEn: 'Patents granted',
    unitVi: 'văn bằng',
    unitEn: 'patents',
    breakdowns: ['FIELD', 'REF_AREA'],
    source: { kind: 'not_collected', noteVi: 'Số liệu của Cục Sở hữu trí tuệ; chưa được kết nối.', noteEn: 'Data of the IP Office; not connected yet.' },
  },
  {
    code: '1405',
    nameVi: 'Chỉ số đổi mới công nghệ, thiết bị',
    nameEn: 'Technology and equipment renewal index',
    unitVi: '%',
    unitEn: '%',
    breakdowns: ['INDUSTRY'],
    source: { kind: 'not_collected', noteVi: 'Cần điều tra doanh nghiệp.', noteEn: 'Needs an enterprise survey.' },
  },
  {
    code: '1406',
    nameVi: 'Tỷ lệ chi đổi mới công nghệ so với tổng vốn cố định của doanh nghiệp',
    nameEn: 'Technology renewal expenditure as a share of enterprises’ fixed capital',
    unitVi: '%',
    unitEn: '%',
    breakdowns: ['INDUSTRY'],
    source: { kind: 'not_collected', noteVi: 'Cần điều tra doanh nghiệp.', noteEn: 'Needs an enterprise survey.' },
  },
  {
    code: '1407',
    nameVi: 'Chi cho khoa học và công nghệ (gần đúng chi cho NC KH & PTCN)',
    nameEn: 'Expenditure on S&T (approximates R&D expenditure)',
    unitVi: 'triệu đồng',
    unitEn: 'million VND',
    breakdowns: ['FUNDING', 'PURPOSE'],
    source: { kind: 'form_cell', formCode: '03/CS-KHCN', row: '01', column: 'C1' },
  },
  { code: 'FEM_SHARE', nameVi: 'Tỷ lệ nữ trong nhân lực KH&CN', nameEn: 'Share of women in S&T staff', unitVi: '%', unitEn: '%', breakdowns: ['REF_AREA'], source: { kind: 'form_ratio', formCode: '02/CS-KHCN', numerator: { row: '02', column: 'C1' }, denominator: { row: '01', column: 'C1' }, scale: 100 } },
  { code: 'PHD_SHARE', nameVi: 'Tỷ lệ tiến sĩ trong nhân lực KH&CN', nameEn: 'Share of doctorates in S&T staff', unitVi: '%', unitEn: '%', breakdowns: ['REF_AREA'], source: { kind: 'form_ratio', formCode: '02/CS-KHCN', numerator: { row: '01', column: 'C2' }, denominator: { row: '01', column: 'C1' }, scale: 100 } },
  { code: 'STATE_SHARE', nameVi: 'Tỷ trọng ngân sách nhà nước trong chi cho KH&CN', nameEn: 'State-budget share of S&T expenditure', unitVi: '%', unitEn: '%', breakdowns: ['REF_AREA'], source: { kind: 'form_ratio', formCode: '03/CS-KHCN', numerator: { row: '01', column: 'C2' }, denominator: { row: '01', column: 'C1' }, scale: 100 } },
  { code: 'TASKS_ONGOING', nameVi: 'Số đề tài, đề án đang tiến hành', nameEn: 'Research projects under way', unitVi: 'nhiệm vụ', unitEn: 'tasks', breakdowns: ['TASK_LEVEL', 'FIELD', 'FUNDING'], source: { kind: 'form_cell', formCode: '04/CS-KHCN', row: '01', column: 'C1' } },
];

/** An indicator's value from an area's aggregated form cells, or why there is none. */
export type IndicatorValue = { value: number; incomplete: boolean } | { value: null; reason: 'not_collected' | 'registry' | 'no_data' };

/**
 * Computes an indicator from aggregated cells by form code (`aggregates.get(formCode)`). A value is marked
 * incomplete when some units left a cell it uses missing.
 */
export function indicatorValue(indicator: Indicator, aggregates: ReadonlyMap<string, ReadonlyMap<string, AggregateCell>>): IndicatorValue {
  const s = indicator.source;
  if (s.kind === 'not_collected') return { value: null, reason: 'not_collected' };
  if (s.kind === 'registry') return { value: null, reason: 'registry' };
  const cells = aggregates.get(s.formCode);
  if (s.kind === 'form_cell') {
    const c = cells?.get(cellKey(s.row, s.column));
    return c?.value === null || c === undefined ? { value: null, reason: 'no_data' } : { value: c.value, incomplete: c.missing > 0 };
  }
  const num = cells?.get(cellKey(s.numerator.row, s.numerator.column));
  const den = cells?.get(cellKey(s.denominator.row, s.denominator.column));
  if (!num || !den || num.value === null || den.value === null || den.value === 0) return { value: null, reason: 'no_data' };
  return { value: Math.round((num.value / den.value) * s.scale * 100) / 100, incomplete: num.missing > 0 || den.missing > 0 };
}

/** Catalog problems against a set of form definitions: form references that point nowhere (empty when the catalog is sound). */
export function indicatorProblems(defs: readonly FormDefinition[]): string[] {
  const out: string[] = [];
  for (const ind of INDICATORS) {
    const s = ind.source;
    if (s.kind !== 'form_cell' && s.kind !== 'form_ratio') continue;
    const def = defs.find((f) => f.code === s.formCode);
    if (!def) {
      out.push(`${ind.code}: unknown form ${s.formCode}`);
      continue;
    }
    const refs = s.kind === 'form_cell' ? [{ row: s.row, column: s.column }] : [s.numerator, s.denominator];
    for (const r of refs) {
      if (!def.rows.some((x) => x.code === r.row) || !def.columns.some((x) => x.code === r.column)) out.push(`${ind.code}: no cell ${r.row}|${r.column} in ${s.formCode}`);
    }
  }
  return out;
}
