import type ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { tabulate, type MicroRecord, type StatReport } from '@stinet/shared';
import { formOf } from '@stinet/shared/node';
import type { Client } from './test-app.js';

/** `n` persons for form 02/CS-KHCN: every third a woman, all Vietnamese Kinh, trained in field 1, with a doctorate. */
export function staffRecords(n: number): MicroRecord[] {
  return Array.from({ length: n }, (_, i) => ({ weight: 1, attrs: { SEX: [i % 3 === 0 ? 'F' : 'M'], NATIONALITY: ['VN'], ETHNICITY: ['KINH'], TRAINING_FIELD: ['1'], QUALIFICATION: ['TS'], TITLE: [] } }));
}

/** The cells of form 02/CS-KHCN tabulated from unit-level records, as the cells API takes them. */
export function staffCells(records: MicroRecord[]) {
  return [...tabulate(formOf('02/CS-KHCN'), records)].map(([key, c]) => {
    const [row, column] = key.split('|') as [string, string];
    return { row, column, ...c };
  });
}

/** Fills a form 02 report with `records`, submits it and (by default) approves it, as `client`. */
export async function fillAndApprove(client: Client, reportId: string, records: MicroRecord[], approve = true): Promise<StatReport> {
  let report = (await client.get(`/api/stats/reports/${reportId}`)).json() as StatReport;
  const saved = await client.request({ method: 'PUT', url: `/api/stats/reports/${reportId}/cells`, payload: { version: report.version, cells: staffCells(records) } });
  expect(saved.statusCode, saved.body).toBe(200);
  report = saved.json() as StatReport;
  report = (await client.post(`/api/stats/reports/${reportId}/submit`, { version: report.version })).json() as StatReport;
  if (!approve) return report;
  const approved = await client.post(`/api/stats/reports/${reportId}/review`, { decision: 'approve', version: report.version });
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json() as StatReport;
}

/** One report sheet of a workbook with helpers to address cells by row and column code. */
export interface FormSheet {
  ws: ExcelJS.Worksheet;
  header: Map<string, unknown>;
  setHeader(label: string, value: string): void;
  cell(row: string, column: string): ExcelJS.Cell;
}

export function formSheet(ws: ExcelJS.Worksheet): FormSheet {
  let codeRow = 0;
  const rowOf = new Map<string, number>();
  const colOf = new Map<string, number>();
  const header = new Map<string, unknown>();
  const headerRow = new Map<string, number>();
  ws.eachRow((row, n) => {
    const a = row.getCell(1).value;
    if (codeRow) rowOf.set(String(a), n);
    else if (a === '#') {
      codeRow = n;
      row.eachCell((c, col) => {
        if (col >= 3) colOf.set(String(c.value), col);
      });
    } else {
      header.set(String(a), row.getCell(2).value);
      headerRow.set(String(a), n);
    }
  });
  return {
    ws,
    header,
    setHeader: (label, value) => (ws.getCell(headerRow.get(label) as number, 2).value = value),
    cell: (row, column) => ws.getCell(rowOf.get(row) as number, colOf.get(column) as number),
  };
}
