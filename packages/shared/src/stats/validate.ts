import { cellKey, numericOf, type CellMap } from './cells.js';
import type { FormDefinition, FormRule } from './form-definition.js';

/** One problem at a cell. */
export interface CellIssue {
  row: string;
  column: string;
  ruleId: string;
  severity: 'error' | 'warning';
  messageVi: string;
  messageEn: string;
}

/** Options of {@link validateForm}. */
export interface ValidateOptions {
  /** Last period's cells of the same unit and form, for the year-on-year outlier warning. */
  previous?: CellMap | undefined;
  /** A value more than this many times last year's (or less than its inverse) is flagged. Default 3. */
  outlierRatio?: number | undefined;
  /** Values at or below this (in absolute terms) are never flagged as outliers. Default 10. */
  outlierFloor?: number | undefined;
}

/** Sums compare with a tolerance: money has decimals (million VND), and sums of decimals are not exact in binary. */
const EPSILON = 1e-6;

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}

function selected(all: readonly string[], only: readonly string[] | undefined): readonly string[] {
  return only && only.length ? only : all;
}

function issue(rule: FormRule, row: string, column: string, detailVi: string, detailEn: string): CellIssue {
  return { row, column, ruleId: rule.id, severity: rule.severity, messageVi: `${rule.messageVi} ${detailVi}`.trim(), messageEn: `${rule.messageEn} ${detailEn}`.trim() };
}

/** Σ of the parts, or null when a part is unknown (missing): a sum rule cannot be checked on incomplete data. */
function sumOf(cells: CellMap, keys: readonly string[]): number | null {
  let total = 0;
  for (const k of keys) {
    const v = numericOf(cells.get(k));
    if (v === null) return null;
    total += v;
  }
  return total;
}

/**
 * Runs a form's rules over one report's cells and returns every problem at the cell it belongs to (the total's cell
 * for sums). Errors block submission; warnings (outliers against last year, rules marked as warnings) do not.
 * The same function runs in the browser grid, the API and the import.
 */
export function validateForm(def: FormDefinition, cells: CellMap, opts: ValidateOptions = {}): CellIssue[] {
  const rows = def.rows.map((r) => r.code);
  const cols = def.columns.map((c) => c.code);
  const issues: CellIssue[] = [];
  for (const rule of def.rules) {
    switch (rule.kind) {
      case 'row_sum':
        for (const c of selected(cols, rule.columns)) {
          const total = numericOf(cells.get(cellKey(rule.total, c)));
          const sum = sumOf(cells, rule.parts.map((r) => cellKey(r, c)));
          if (total === null || sum === null || Math.abs(total - sum) <= EPSILON) continue;
          issues.push(issue(rule, rule.total, c, `(${fmt(total)} ≠ ${fmt(sum)})`, `(${fmt(total)} ≠ ${fmt(sum)})`));
        }
        break;
      case 'column_sum':
        for (const r of selected(rows, rule.rows)) {
          const total = numericOf(cells.get(cellKey(r, rule.total)));
          const sum = sumOf(cells, rule.parts.map((c) => cellKey(r, c)));
          if (total === null || sum === null || Math.abs(total - sum) <= EPSILON) continue;
          issues.push(issue(rule, r, rule.total, `(${fmt(total)} ≠ ${fmt(sum)})`, `(${fmt(total)} ≠ ${fmt(sum)})`));
        }
        break;
      case 'row_lte':
        for (const c of selected(cols, rule.columns)) {
          const part = numericOf(cells.get(cellKey(rule.part, c)));
          const total = numericOf(cells.get(cellKey(rule.total, c)));
          if (part === null || total === null || part <= total + EPSILON) continue;
          issues.push(issue(rule, rule.part, c, `(${fmt(part)} > ${fmt(total)})`, `(${fmt(part)} > ${fmt(total)})`));
        }
        break;
      case 'column_lte':
        for (const r of selected(rows, rule.rows)) {
          const part = numericOf(cells.get(cellKey(r, rule.part)));
          const total = numericOf(cells.get(cellKey(r, rule.total)));
          if (part === null || total === null || part <= total + EPSILON) continue;
          issues.push(issue(rule, r, rule.part, `(${fmt(part)} > ${fmt(total)})`, `(${fmt(part)} > ${fmt(total)})`));
        }
        break;
      case 'non_negative':
        for (const r of rows) {
          for (const c of cols) {
            const v = numericOf(cells.get(cellKey(r, c)));
            if (v !== null && v < 0) issues.push(issue(rule, r, c, `(${fmt(v)})`, `(${fmt(v)})`));
          }
        }
        break;
      case 'whole_number':
        for (const col of def.columns) {
          if (col.unit !== 'person' && col.unit !== 'count') continue;
          for (const r of rows) {
            const v = numericOf(cells.get(cellKey(r, col.code)));
            if (v !== null && !Number.isInteger(v)) issues.push(issue(rule, r, col.code, `(${fmt(v)})`, `(${fmt(v)})`));
          }
        }
        break;
    }
  }
  if (opts.previous) issues.push(...outliers(def, cells, opts.previous, opts.outlierRatio ?? 3, opts.outlierFloor ?? 10));
  return issues;
}

/** Year-on-year outliers: warnings, never errors (a real change is possible; the officer confirms). */
function outliers(def: FormDefinition, cells: CellMap, previous: CellMap, ratio: number, floor: number): CellIssue[] {
  const out: CellIssue[] = [];
  for (const r of def.rows) {
    for (const c of def.columns) {
      const key = cellKey(r.code, c.code);
      const now = numericOf(cells.get(key));
      const before = numericOf(previous.get(key));
      if (now === null || before === null || Math.max(Math.abs(now), Math.abs(before)) <= floor) continue;
      const high = Math.max(Math.abs(now), Math.abs(before));
      const low = Math.min(Math.abs(now), Math.abs(before));
      if (low === 0 || high / low > ratio) {
        out.push({
          row: r.code,
          column: c.code,
          ruleId: 'outlier_yoy',
          severity: 'warning',
          messageVi: `Giá trị thay đổi bất thường so với năm trước (${fmt(before)} → ${fmt(now)}); đề nghị kiểm tra lại.`,
          messageEn: `Unusual change from last year (${fmt(before)} → ${fmt(now)}); please check.`,
        });
      }
    }
  }
  return out;
}

/** True when none of the issues is an error (the report may be submitted). */
export function isSubmittable(issues: readonly CellIssue[]): boolean {
  return issues.every((i) => i.severity !== 'error');
}
