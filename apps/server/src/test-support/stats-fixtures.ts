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
