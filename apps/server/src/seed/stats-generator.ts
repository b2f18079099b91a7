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

const FIELDS = ['1', '2', '3', '4', '5', '6'] as const;

/** A field of S&T: mostly the organization's main field, sometimes another one. */
function fieldOf(rng: Rng, mainField: string): string {
  return rng.next() < 0.75 ? mainField : (FIELDS[rng.int(0, 5)] as string);
}

/** A small count: zero for most units (`pZero`), else 1…`max`, fewer more likely. */
function fewOrNone(rng: Rng, pZero: number, max: number): number {
  if (rng.next() < pZero) return 0;
  return Math.min(max, 1 + Math.floor(-Math.log(1 - rng.next() * 0.999) * (max / 3)));
}

/**
 * The persons employed by one organization in a year as unit-level records for form 01/CS-KHCN (its numeric part):
 * the `stStaff` persons in S&T activities (the staff of form 02) plus support staff, each with sex.
 */
export function generateEmployees(rng: Rng, stStaff: number): MicroRecord[] {
  const support = rng.int(0, Math.max(2, Math.round(stStaff * 0.6)));
  return Array.from({ length: stStaff + support }, (_, i) => ({
    weight: 1,
    attrs: { SEX: [rng.next() < 0.46 ? 'F' : 'M'], STAFF_GROUP: i < stStaff ? ['ST'] : [] },
  }));
}

/** Sources of funds of form 04, each with the codes above it (the state budget split into central and local). */
const TASK_FUNDING: [string[], number][] = [
  [['NSNN', 'NSNN_TW'], 0.3],
  [['NSNN', 'NSNN_DP'], 0.35],
  [['BUSINESS'], 0.12],
  [['HIGHER_ED'], 0.08],
  [['FOREIGN'], 0.05],
  [['OTH'], 0.1],
];

function pickWeightedList(rng: Rng, items: readonly [string[], number][]): string[] {
  let r = rng.next();
  for (const [codes, w] of items) {
    r -= w;
    if (r <= 0) return codes;
  }
  return (items[items.length - 1] as [string[], number])[0];
}

/**
 * The S&T tasks one organization ran in a year as unit-level records for form 04/CS-KHCN: research projects and
 * schemes (đề tài, đề án) and, less often, projects (dự án), each with level, field, source of funds, the principal
 * investigator's sex and its stages in the year (new or continued; accepted; applied). Many units run none or few.
 */
export function generateTasks(rng: Rng, staffSize: number, mainField: string, local: boolean): MicroRecord[] {
  const n = fewOrNone(rng, 0.25, 2 + Math.round(staffSize / 12));
  return Array.from({ length: n }, () => {
    const level = local ? (['TINH', 'CS', 'CS', 'QG', 'KHAC'] as const)[Math.min(rng.int(0, 5), 4)] : (['BO', 'CS', 'QG', 'TINH', 'KHAC'] as const)[Math.min(rng.int(0, 5), 4)];
    const isNew = rng.next() < 0.4;
    const accepted = !isNew && rng.next() < 0.45;
    const stages = [isNew ? 'NEW' : 'CONTINUED', ...(accepted ? ['ACCEPTED'] : []), ...(accepted && rng.next() < 0.5 ? ['APPLIED'] : [])];
    const funding = level === 'QG' || level === 'BO' ? ['NSNN', 'NSNN_TW'] : level === 'TINH' ? ['NSNN', 'NSNN_DP'] : pickWeightedList(rng, TASK_FUNDING);
    return {
      weight: 1,
      attrs: {
        TASK_KIND: [rng.next() < 0.8 ? 'DT' : 'DA'],
        TASK_LEVEL: [level as string],
        FIELD: [fieldOf(rng, mainField)],
        FUNDING: funding,
        TASK_STAGE: stages,
        PI_SEX: [rng.next() < 0.35 ? 'F' : 'M'],
      },
    };
  });
}

/** One item measured three ways (form 05): its count, the persons involved and its budget (million VND). */
function measured(attrs: Record<string, string[]>, persons: number, budget: number): MicroRecord[] {
  return [
    { weight: 1, attrs: { ...attrs, MEASURE: ['NUMBER'] } },
    { weight: persons, attrs: { ...attrs, MEASURE: ['PERSONS'] } },
    { weight: Math.round(budget * 10) / 10, attrs: { ...attrs, MEASURE: ['BUDGET'] } },
  ];
}

const COOP_FORMS = ['MULTI', 'BI', 'BI', 'PROTOCOL', 'OTH'] as const;

/**
 * The international cooperation of one organization in a year as unit-level records for form 05/CS-KHCN:
 * cooperation tasks it leads (field, form of cooperation, source of funds; persons, budget) and outgoing and
 * incoming delegations (persons, cost). Most units have none or few.
 */
export function generateCooperation(rng: Rng, staffSize: number, mainField: string, local: boolean): MicroRecord[] {
  const out: MicroRecord[] = [];
  const tasks = fewOrNone(rng, 0.7, 2 + Math.round(staffSize / 40));
  for (let i = 0; i < tasks; i++) {
    const form = COOP_FORMS[rng.int(0, COOP_FORMS.length - 1)] as string;
    const roll = rng.next();
    const funding = form === 'PROTOCOL' || roll < 0.35 ? ['NSNN', local ? 'NSNN_DP' : 'NSNN_TW'] : roll < 0.45 ? ['NSNN', 'NSNN_DP'] : roll < 0.85 ? ['FOREIGN'] : ['OTH'];
    out.push(...measured({ COOP_ACTIVITY: ['TASK'], FIELD: [fieldOf(rng, mainField)], COOP_FORM: [form], FUNDING: funding }, rng.int(2, 12), rng.int(150, 4000) + rng.int(0, 9) / 10));
  }
  const outgoing = fewOrNone(rng, 0.5, 3 + Math.round(staffSize / 30));
  for (let i = 0; i < outgoing; i++) out.push(...measured({ COOP_ACTIVITY: ['DELEG_OUT'] }, rng.int(1, 8), rng.int(40, 600)));
  const incoming = fewOrNone(rng, 0.6, 2 + Math.round(staffSize / 40));
  for (let i = 0; i < incoming; i++) out.push(...measured({ COOP_ACTIVITY: ['DELEG_IN'] }, rng.int(1, 10), rng.int(5, 150)));
  return out;
}

const AWARD_LEVELS: [string, number][] = [
  ['QG', 0.12],
  ['BO', 0.28],
  ['TINH', 0.38],
  ['INTL', 0.07],
  ['KHAC', 0.15],
];

/**
 * The S&T awards one organization received in a year as unit-level records for form 06/CS-KHCN: each award with
 * its level and field, counted once, and its laureates (persons, of whom women). Most units receive none.
 */
export function generateAwards(rng: Rng, staffSize: number, mainField: string): MicroRecord[] {
  const out: MicroRecord[] = [];
  const n = fewOrNone(rng, 0.75, 1 + Math.round(staffSize / 40));
  for (let i = 0; i < n; i++) {
    const attrs = { AWARD_LEVEL: [pickWeighted(rng, AWARD_LEVELS)], FIELD: [fieldOf(rng, mainField)] };
    const persons = rng.int(1, 8);
    const women = rng.int(0, persons);
    out.push({ weight: 1, attrs: { ...attrs, MEASURE: ['NUMBER'] } });
    if (women) out.push({ weight: women, attrs: { ...attrs, MEASURE: ['PERSONS'], SEX: ['F'] } });
    if (persons > women) out.push({ weight: persons - women, attrs: { ...attrs, MEASURE: ['PERSONS'], SEX: ['M'] } });
  }
  return out;
}

/** How the demo makes one unit's records of a year for a form: from a seeded generator, its S&T staff size, main field and level (local = provincial). */
export type RecordMaker = (rng: Rng, staffSize: number, mainField: string, local: boolean) => MicroRecord[];

/** The record generator of each grassroots form of Circular 25/2015 (01–06/CS-KHCN), in form order. */
export const GRASSROOTS_GENERATORS: readonly (readonly [string, RecordMaker])[] = [
  ['01/CS-KHCN', (rng, size) => generateEmployees(rng, size)],
  ['02/CS-KHCN', (rng, size, field) => generateStaff(rng, size, field)],
  ['03/CS-KHCN', (rng, size, _field, local) => generateExpenditure(rng, size, local)],
  ['04/CS-KHCN', (rng, size, field, local) => generateTasks(rng, size, field, local)],
  ['05/CS-KHCN', (rng, size, field, local) => generateCooperation(rng, size, field, local)],
  ['06/CS-KHCN', (rng, size, field) => generateAwards(rng, size, field)],
];

/** What happened to a unit's report of a year, as the demo shows it: older years accepted, the latest year in every state. */
export function reportState(rng: Rng, yearsAgo: number): { status: 'draft' | 'submitted' | 'returned' | 'approved' | 'accepted'; late: boolean } {
  const late = rng.next() < 0.15;
  if (yearsAgo > 1) return { status: rng.next() < 0.9 ? 'accepted' : 'approved', late };
  const r = rng.next();
  const status = r < 0.45 ? 'accepted' : r < 0.65 ? 'approved' : r < 0.8 ? 'submitted' : r < 0.92 ? 'returned' : 'draft';
  return { status, late: status === 'draft' ? true : late };
}
