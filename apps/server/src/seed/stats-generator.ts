import type { MicroRecord } from '@stinet/shared';
import type { Rng } from './generator.js';

const QUALIFICATIONS: [string, number][] = [
  ['TS', 0.14],
  ['THS', 0.3],
  ['DH', 0.38],
  ['CD', 0.07],
  ['TC', 0.06],
  ['OTH', 0.05],
];

function pickWeighted(rng: Rng, items: readonly [string, number][]): string {
  let r = rng.next();
  for (const [code, w] of items) {
    r -= w;
    if (r <= 0) return code;
  }
  return (items[items.length - 1] as [string, number])[0];
}

/**
 * The S&T staff of one organization in a year as unit-level records for form 02/CS-KHCN: `size` persons with sex,
 * nationality, ethnicity, field of training (mostly the organization's main field), qualification and title.
 */
export function generateStaff(rng: Rng, size: number, mainField: string): MicroRecord[] {
  return Array.from({ length: size }, () => {
    const foreign = rng.next() < 0.02;
    const qualification = pickWeighted(rng, QUALIFICATIONS);
    const titleRoll = rng.next();
    const title = qualification === 'TS' && titleRoll < 0.08 ? ['GS'] : qualification === 'TS' && titleRoll < 0.3 ? ['PGS'] : [];
    return {
      weight: 1,
      attrs: {
        SEX: [rng.next() < 0.44 ? 'F' : 'M'],
        NATIONALITY: [foreign ? 'FOREIGN' : 'VN'],
        ETHNICITY: foreign ? [] : [rng.next() < 0.06 ? 'MINORITY' : 'KINH'],
        TRAINING_FIELD: [rng.next() < 0.7 ? mainField : rng.next() < 0.9 ? String(rng.int(1, 6)) : 'OTH'],
        QUALIFICATION: [qualification],
        TITLE: title,
      },
    };
  });
}

const LEVELS = ['QG', 'BO', 'TINH', 'CS', 'KHAC'] as const;

/**
 * The S&T expenditure of one organization in a year (million VND) as unit-level items for form 03/CS-KHCN:
 * salaries and running costs, functional activities, tasks by level, capacity, cooperation, investment; by source.
 */
export function generateExpenditure(rng: Rng, staffSize: number, local: boolean): MicroRecord[] {
  const stateSource = local ? 'NSNN_DP' : 'NSNN_TW';
  const item = (purpose: string[], amount: number, funding: string, extra: Record<string, string[]> = {}): MicroRecord => ({ weight: Math.round(amount * 10) / 10, attrs: { PURPOSE: purpose, FUNDING: [funding], ...extra } });
  const out: MicroRecord[] = [
    item(['RECURRENT', 'STAFF', 'SALARY'], staffSize * rng.int(90, 160), stateSource),
    item(['RECURRENT', 'STAFF', 'RUNNING'], staffSize * rng.int(10, 40), stateSource),
    item(['RECURRENT', 'FUNCTION'], staffSize * rng.int(5, 30), stateSource),
  ];
  const tasks = rng.int(1, 6);
  for (let i = 0; i < tasks; i++) {
    const level = LEVELS[Math.min(rng.int(0, 6), 4)] as string;
    out.push(item(['RECURRENT', 'TASKS'], rng.int(100, 2500), level === 'QG' || level === 'BO' ? 'NSNN_TW' : rng.next() < 0.8 ? stateSource : 'NON_NSNN', { TASK_LEVEL: [level] }));
  }
  if (rng.next() < 0.4) out.push(item(['RECURRENT', 'CAPACITY'], rng.int(200, 1500), stateSource));
  if (rng.next() < 0.2) out.push(item(['RECURRENT', 'INTL'], rng.int(50, 600), rng.next() < 0.5 ? 'FOREIGN' : stateSource));
  if (rng.next() < 0.3) out.push(item(['INVEST'], rng.int(500, 8000), stateSource));
  if (rng.next() < 0.25) out.push(item(['OTH'], rng.int(20, 300), 'NON_NSNN'));
  return out;
}

/** What happened to a unit's report of a year, as the demo shows it: older years accepted, the latest year in every state. */
export function reportState(rng: Rng, yearsAgo: number): { status: 'draft' | 'submitted' | 'returned' | 'approved' | 'accepted'; late: boolean } {
  const late = rng.next() < 0.15;
  if (yearsAgo > 1) return { status: rng.next() < 0.9 ? 'accepted' : 'approved', late };
  const r = rng.next();
  const status = r < 0.45 ? 'accepted' : r < 0.65 ? 'approved' : r < 0.8 ? 'submitted' : r < 0.92 ? 'returned' : 'draft';
  return { status, late: status === 'draft' ? true : late };
}
