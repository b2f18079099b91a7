import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { ERROR_CATALOG, TaskCreate, todayInVietnam, type TaskImport } from '@stinet/shared';
import type { z } from 'zod';
import type { task, taskMember } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { AppError, notFound } from '../../errors.js';
import type { AuthUser, RequestContext } from '../../http/context.js';
import { classifyError } from '../../http/error-handler.js';
import { recordAudit } from '../../lib/audit.js';
import { requireActor, requireRole, unitScopeIds } from '../access/access.service.js';
import type { OrgUnitRow } from '../org-units/org-units.repo.js';
import { LEVEL_UNIT_KINDS } from '../tasks/tasks.service.js';
import { readRow, type RowIssue, type RowValues } from './mapping.js';
import { openImportTable, UnreadableFileError, type ImportTable } from './reader.js';
import {
  findAllUnits,
  findCodeSets,
  findExistingTaskCodes,
  findImport,
  findOrganizationsByKeys,
  findResearchersByCodes,
  insertImport,
  insertMemberBatch,
  insertTaskBatch,
  updateImport,
  type StoredImportError,
  type TaskImportRow,
} from './task-io.repo.js';
import { presentImport } from './task-io.presenter.js';

/** Tasks per INSERT statement (the values travel as one array per column). */
export const IMPORT_BATCH_ROWS = 1000;
/** Largest number of data rows in one file. */
export const IMPORT_MAX_ROWS = 200_000;
/** Problems stored and reported per import; beyond this they are counted in one closing entry. */
export const IMPORT_MAX_ERRORS = 10_000;
/** How often (ms) progress is written to the import row while it runs. */
const PROGRESS_INTERVAL_MS = 1000;
/** Rows handled between two yields to the event loop (so progress polls are answered). */
const YIELD_EVERY_ROWS = 2000;
/** A placeholder id for a reference that failed to resolve (its cell already carries an error). */
const UNRESOLVED_ID = '00000000-0000-4000-8000-000000000000';

/** Unit kinds in Vietnamese, for messages. */
const UNIT_KINDS_VI: Record<OrgUnitRow['kind'], string> = { national: 'cơ quan quốc gia', ministry: 'bộ, ngành', province: 'tỉnh, thành phố' };

/** Imports in progress in this process: the live state answers polls even while the writing transaction holds the database. */
const live = new Map<string, TaskImportRow>();

/** What an import was given: the file as uploaded. */
export interface ImportFile {
  fileName: string;
  content: Buffer;
}

/** A started import: its first state, and the promise of its final state (never rejects). */
export interface StartedImport {
  state: TaskImport;
  completion: Promise<TaskImport>;
}

function fileError(code: string, vi: string, en: string): StoredImportError {
  return { row: 0, column: '', code, messageVi: vi, messageEn: en };
}

/**
 * Starts a bulk import of tasks (drafts) from an XLSX or CSV file of the template. The format is sniffed from the
 * content; a file that is not a readable table of the template is refused at once (400 IMPORT_UNREADABLE) and nothing
 * is stored. Otherwise an import record is created and every row is validated (the same rules as entering one task,
 * scope included); only when no row has a problem are all tasks and their members written, in one transaction.
 * The returned `completion` resolves when the import is done or failed.
 */
export async function startTaskImport(db: Db, ctx: RequestContext, file: ImportFile): Promise<StartedImport> {
  const actor = requireRole(ctx, 'national_admin', 'focal_officer', 'org_reporter');
  let table: ImportTable;
  try {
    table = await openImportTable(file.content);
  } catch (err) {
    if (err instanceof UnreadableFileError) throw new AppError('IMPORT_UNREADABLE', [{ path: 'file', code: 'unreadable', message: ctx.locale === 'en' ? err.en : err.vi }]);
    throw err;
  }
  const fileName = file.fileName.normalize('NFC').replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 255) || `import.${table.format}`;
  const row = await insertImport(db, { format: table.format, fileName, createdBy: actor.id });
  const completion = runImport(db, ctx, actor, row, table).finally(() => live.delete(row.id));
  return { state: presentImport(row, ctx.locale), completion };
}

/** The AppError of a failed import: IMPORT_UNREADABLE when the file broke while reading, else IMPORT_INVALID, listing every problem. */
export function importFailure(state: TaskImport): AppError {
  const unreadable = state.errors.some((e) => e.code === 'IMPORT_UNREADABLE');
  return new AppError(
    unreadable ? 'IMPORT_UNREADABLE' : 'IMPORT_INVALID',
    state.errors.map((e) => ({ path: e.row > 0 ? `rows.${e.row}${e.column ? `.${e.column}` : ''}` : 'file', code: e.code, message: e.message })),
  );
}

/** The state of an import, for its creator and national administrators. */
export async function getTaskImport(db: Db, ctx: RequestContext, id: string): Promise<TaskImport> {
  const actor = requireActor(ctx);
  const row = live.get(id) ?? (await findImport(db, id));
  if (!row) throw notFound('import');
  if (row.createdBy !== actor.id && actor.role !== 'national_admin') throw new AppError('OUT_OF_SCOPE');
  return presentImport(row, ctx.locale);
}

/** Reference data looked up once per import instead of once per row. */
interface References {
  actor: AuthUser;
  today: string;
  unitsByCode: Map<string, OrgUnitRow[]>;
  codes: Map<string, Set<string>>;
  organizations: Map<string, string>;
  researchers: Map<string, string>;
  existingCodes: Set<string>;
  /** Units an officer manages (null: not limited by unit). */
  scopeUnits: Set<string> | null;
}

type TaskInsert = typeof task.$inferInsert;
type MemberInsert = Omit<typeof taskMember.$inferInsert, 'taskId'>;
interface ValidRow {
  values: TaskInsert;
  members: MemberInsert[];
}

async function loadReferences(db: Db, actor: AuthUser, rows: { values: RowValues }[]): Promise<References> {
  const unitsByCode = new Map<string, OrgUnitRow[]>();
  for (const u of await findAllUnits(db)) {
    const key = u.code.toUpperCase();
    unitsByCode.set(key, [...(unitsByCode.get(key) ?? []), u]);
  }
  const pick = (f: (v: RowValues) => string) => rows.map((r) => f(r.values)).filter(Boolean);
  return {
    actor,
    today: todayInVietnam(),
    unitsByCode,
    codes: await findCodeSets(db, ['TASK_LEVEL', 'TASK_FORM', 'SEO', 'FOS2025', 'FOS2008']),
    organizations: await findOrganizationsByKeys(db, pick((v) => v.leadOrganizationCode)),
    researchers: await findResearchersByCodes(db, pick((v) => v.piResearcherCode)),
    existingCodes: await findExistingTaskCodes(db, pick((v) => v.code)),
    scopeUnits: actor.role === 'focal_officer' && actor.scopeUnitId ? await unitScopeIds(db, actor.scopeUnitId) : null,
  };
}

const FIELD_COLUMNS: Record<string, string> = { managingUnitId: 'managingUnitCode', leadOrganizationId: 'leadOrganizationCode', piResearcherId: 'piResearcherCode' };

/** A zod issue of the task schema as a row problem in both languages. */
function zodIssue(issue: z.core.$ZodIssue): RowIssue {
  const key = String(issue.path[0] ?? '');
  const column = FIELD_COLUMNS[key] ?? key;
  const base = { column, code: 'VALIDATION_FAILED' };
  switch (issue.code) {
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return { ...base, vi: `Quá dài: tối đa ${max} ký tự.`, en: `Too long: at most ${max} characters.` };
      if (issue.origin === 'array') return { ...base, vi: `Quá nhiều mục: tối đa ${max}.`, en: `Too many items: at most ${max}.` };
      return { ...base, vi: `Quá lớn: tối đa ${max}.`, en: `Too large: at most ${max}.` };
    }
    case 'too_small':
      if (issue.origin === 'number' && Number(issue.minimum) === 0) return { ...base, vi: 'Không được là số âm.', en: 'Must not be negative.' };
      if (issue.origin === 'string' || issue.origin === 'array') return { ...base, code: 'REQUIRED', vi: 'Bắt buộc, không được để trống.', en: 'Required, must not be empty.' };
      return { ...base, vi: `Quá nhỏ: tối thiểu ${String(issue.minimum)}.`, en: `Too small: at least ${String(issue.minimum)}.` };
    case 'invalid_value': {
      const allowed = issue.values.map(String).join(', ');
      return { ...base, vi: `Giá trị không hợp lệ; dùng một trong: ${allowed}.`, en: `Invalid value; use one of: ${allowed}.` };
    }
    default:
      return { ...base, vi: 'Giá trị không hợp lệ.', en: issue.message };
  }
}

/** Checks one row against the schema and the business rules of entering a task; returns its problems or the values to insert. */
function validateRow(row: number, values: RowValues, readIssues: RowIssue[], refs: References, seenCodes: Map<string, number>): { issues: RowIssue[]; valid?: ValidRow } {
  const issues = [...readIssues];
  const has = (column: string) => issues.some((i) => i.column === column);
  const add = (column: string, code: string, vi: string, en: string) => {
    if (!has(column)) issues.push({ column, code, vi, en });
  };

  // registry references
  let unit: OrgUnitRow | undefined;
  if (values.managingUnitCode && !has('managingUnitCode')) {
    const versions = refs.unitsByCode.get(values.managingUnitCode) ?? [];
    const current = versions.filter((u) => u.validFrom <= refs.today && (u.validTo === null || u.validTo >= refs.today));
    const kinds = LEVEL_UNIT_KINDS[values.levelCode] ?? [];
    unit = current.find((u) => kinds.includes(u.kind)) ?? current[0];
    if (!versions.length) {
      add('managingUnitCode', 'UNKNOWN_UNIT', `Không có cơ quan quản lý mã "${values.managingUnitCode}".`, `No managing unit has the code "${values.managingUnitCode}".`);
    } else if (!unit) {
      const old = versions[versions.length - 1] as OrgUnitRow;
      add(
        'managingUnitCode',
        'UNIT_NOT_VALID_AT_DATE',
        `${old.nameVi} không còn hiệu lực (đến ${old.validTo ?? '…'}); nhiệm vụ đăng ký tại đơn vị kế thừa.`,
        `${old.nameEn} is no longer valid (until ${old.validTo ?? '…'}); its tasks register at the successor unit.`,
      );
    } else if (refs.codes.get('TASK_LEVEL')?.has(values.levelCode) && !kinds.includes(unit.kind)) {
      add(
        'managingUnitCode',
        'UNIT_LEVEL_MISMATCH',
        `Nhiệm vụ cấp ${values.levelCode} không đăng ký tại ${unit.nameVi}: cần ${kinds.map((k) => UNIT_KINDS_VI[k]).join(' hoặc ')}.`,
        `A task of level ${values.levelCode} does not register at ${unit.nameEn}: the unit must be of kind ${kinds.join(' or ')}.`,
      );
    }
  }
  const organizationId = values.leadOrganizationCode ? refs.organizations.get(values.leadOrganizationCode) : undefined;
  if (values.leadOrganizationCode && !organizationId) {
    add('leadOrganizationCode', 'UNKNOWN_ORGANIZATION', `Không có tổ chức có mã hoặc mã số thuế "${values.leadOrganizationCode}".`, `No organization has the code or tax code "${values.leadOrganizationCode}".`);
  }
  const researcherId = values.piResearcherCode ? refs.researchers.get(values.piResearcherCode) : undefined;
  if (values.piResearcherCode && !researcherId) {
    add('piResearcherCode', 'UNKNOWN_RESEARCHER', `Không có cán bộ nghiên cứu mã "${values.piResearcherCode}".`, `No researcher has the code "${values.piResearcherCode}".`);
  }

  // the schema of form Mẫu 1 (lengths, enums, non-negative money, …)
  const parsed = TaskCreate.safeParse({
    code: values.code,
    titleVi: values.titleVi,
    titleEn: values.titleEn || null,
    levelCode: values.levelCode,
    formCode: values.formCode,
    programme: values.programme || null,
    fundingType: values.fundingType,
    approvalDecisionNo: values.approvalDecisionNo || null,
    approvalDecisionDate: values.approvalDecisionDate,
    contractNo: values.contractNo || null,
    contractDate: values.contractDate,
    managingUnitId: unit?.id ?? UNRESOLVED_ID,
    leadOrganizationId: organizationId ?? UNRESOLVED_ID,
    piName: values.piName,
    piResearcherId: researcherId ?? null,
    members: values.members,
    fieldCodes2025: values.fieldCodes2025,
    fieldCodes2008: values.fieldCodes2008,
    seoCode: values.seoCode || null,
    startDate: values.startDate ?? '',
    endDate: values.endDate ?? '',
    budgetTotal: values.budgetTotal,
    budgetStateCentral: values.budgetStateCentral,
    budgetStateLocal: values.budgetStateLocal,
    budgetOther: values.budgetOther,
    objectives: values.objectives,
    content: values.content,
    methods: values.methods || null,
    expectedProducts: values.expectedProducts,
    applicationPlan: values.applicationPlan || null,
    isStateSecret: values.isStateSecret ?? false,
  });
  if (!parsed.success) for (const i of parsed.error.issues) {
    const issue = zodIssue(i);
    add(issue.column, issue.code, issue.vi, issue.en);
  }

  // business rules of entering a task
  if (values.isStateSecret) add('isStateSecret', 'SECRET_TASK_REFUSED', ERROR_CATALOG.SECRET_TASK_REFUSED.vi, ERROR_CATALOG.SECRET_TASK_REFUSED.en);
  if (values.startDate && values.endDate && values.endDate < values.startDate) {
    add('endDate', 'INVALID_DATE_RANGE', 'Ngày kết thúc trước ngày bắt đầu.', 'The end date is before the start date.');
  }
  const parts = [values.budgetStateCentral, values.budgetStateLocal, values.budgetOther].filter((v): v is number => typeof v === 'number');
  if (typeof values.budgetTotal === 'number' && parts.reduce((a, b) => a + b, 0) > values.budgetTotal + 1e-6) {
    add('budgetTotal', 'BUDGET_EXCEEDS_TOTAL', 'Tổng các nguồn kinh phí vượt quá tổng kinh phí.', 'The budget parts exceed the total.');
  }
  const codeChecks: [string, string, string[]][] = [
    ['levelCode', 'TASK_LEVEL', values.levelCode ? [values.levelCode] : []],
    ['formCode', 'TASK_FORM', values.formCode ? [values.formCode] : []],
    ['seoCode', 'SEO', values.seoCode ? [values.seoCode] : []],
    ['fieldCodes2025', 'FOS2025', values.fieldCodes2025],
    ['fieldCodes2008', 'FOS2008', values.fieldCodes2008],
  ];
  for (const [column, scheme, list] of codeChecks) {
    const unknown = list.filter((c) => !refs.codes.get(scheme)?.has(c));
    if (unknown.length) add(column, 'INVALID_CODE', `Mã không có trong danh mục ${scheme}: ${unknown.join(', ')}.`, `Not a code of ${scheme}: ${unknown.join(', ')}.`);
  }
  if (refs.actor.role === 'org_reporter' && organizationId && organizationId !== refs.actor.organizationId) {
    add('leadOrganizationCode', 'OUT_OF_SCOPE', 'Bạn chỉ nhập được nhiệm vụ do tổ chức của mình chủ trì.', 'You can only import tasks led by your own organization.');
  }
  if (refs.scopeUnits && unit && !refs.scopeUnits.has(unit.id)) {
    add('managingUnitCode', 'OUT_OF_SCOPE', `${unit.nameVi} nằm ngoài phạm vi quản lý của bạn.`, `${unit.nameEn} is outside your scope.`);
  }
  if (values.code) {
    const first = seenCodes.get(values.code);
    if (first !== undefined) add('code', 'DUPLICATE_IN_FILE', `Mã nhiệm vụ "${values.code}" trùng với dòng ${first}.`, `Task code "${values.code}" repeats row ${first}.`);
    else seenCodes.set(values.code, row);
    if (refs.existingCodes.has(values.code)) add('code', 'DUPLICATE_TASK_CODE', `Mã nhiệm vụ "${values.code}" đã có trong hệ thống.`, `Task code "${values.code}" already exists.`);
  }

  if (issues.length || !parsed.success) return { issues };
  const { isStateSecret: _secret, members, ...fields } = parsed.data;
  return {
    issues,
    valid: {
      values: { ...fields, status: 'draft' },
      members: members.map((m, i) => ({ position: i + 1, fullName: m.fullName, researcherId: m.researcherId ?? null, role: m.role })),
    },
  };
}

/** Reads, validates and (when every row is valid) writes an import; records its final state. Never rejects. */
async function runImport(db: Db, ctx: RequestContext, actor: AuthUser, initial: TaskImportRow, table: ImportTable): Promise<TaskImport> {
  const state: TaskImportRow = { ...initial };
  live.set(state.id, state);
  let lastPersist = Date.now();
  const progress = async (force = false) => {
    if (!force && Date.now() - lastPersist < PROGRESS_INTERVAL_MS) return;
    lastPersist = Date.now();
    await updateImport(db, state.id, { status: state.status, totalRows: state.totalRows, processedRows: state.processedRows });
  };
  const errors: StoredImportError[] = [];
  let errorTotal = 0;
  const report = (row: number, issue: RowIssue) => {
    errorTotal += 1;
    if (errors.length < IMPORT_MAX_ERRORS) errors.push({ row, column: issue.column, code: issue.code, messageVi: issue.vi, messageEn: issue.en });
  };
  const fail = async (): Promise<TaskImport> => {
    if (errorTotal > errors.length) {
      const more = errorTotal - errors.length;
      errors.push(fileError('TOO_MANY_ERRORS', `… và ${more} lỗi khác không được liệt kê.`, `… and ${more} more problems not listed.`));
    }
    const finished = await db.transaction(async (tx) => {
      const row = (await updateImport(tx, state.id, { status: 'failed', totalRows: state.totalRows, processedRows: state.processedRows, importedRows: 0, errors, finishedAt: new Date() })) as TaskImportRow;
      await recordAudit(tx, ctx, { action: 'import', entityType: 'task_import', entityId: state.id, after: { status: 'failed', fileName: state.fileName, format: state.format, totalRows: state.totalRows, count: 0, errorCount: errorTotal } });
      return row;
    });
    return presentImport(finished, ctx.locale);
  };

  try {
    // 1. read every row
    const rows: { row: number; values: RowValues; issues: RowIssue[] }[] = [];
    for await (const r of table.rows) {
      if (rows.length >= IMPORT_MAX_ROWS) {
        report(r.row, { column: '', code: 'TOO_MANY_ROWS', vi: `Tệp có quá ${IMPORT_MAX_ROWS} dòng dữ liệu; hãy chia thành nhiều tệp.`, en: `The file has more than ${IMPORT_MAX_ROWS} data rows; split it.` });
        break;
      }
      rows.push({ row: r.row, ...readRow(r.cells, table.header) });
      state.processedRows = rows.length;
      if (rows.length % YIELD_EVERY_ROWS === 0) await progress();
    }
    if (errorTotal) return await fail();
    if (!rows.length) {
      report(table.headerRow + 1, { column: '', code: 'NO_ROWS', vi: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.', en: 'The file has no data rows under the header.' });
      return await fail();
    }
    state.totalRows = rows.length;
    state.processedRows = 0;
    await progress(true);

    // 2. validate every row against references loaded once
    const refs = await loadReferences(db, actor, rows);
    const seenCodes = new Map<string, number>();
    const valid: ValidRow[] = [];
    for (const [i, r] of rows.entries()) {
      const result = validateRow(r.row, r.values, r.issues, refs, seenCodes);
      for (const issue of result.issues) report(r.row, issue);
      if (result.valid) valid.push(result.valid);
      state.processedRows = i + 1;
      if ((i + 1) % YIELD_EVERY_ROWS === 0) {
        await yieldToEventLoop();
        await progress();
      }
    }
    if (errorTotal) return await fail();

    // 3. write all tasks (drafts) and their members in one transaction
    state.status = 'importing';
    state.processedRows = 0;
    await progress(true);
    const finished = await db.transaction(async (tx) => {
      for (let i = 0; i < valid.length; i += IMPORT_BATCH_ROWS) {
        const batch = valid.slice(i, i + IMPORT_BATCH_ROWS);
        const ids = await insertTaskBatch(tx, batch.map((v) => v.values));
        const members = batch.flatMap((v) => v.members.map((m) => ({ ...m, taskId: ids.get(v.values.code) as string })));
        await insertMemberBatch(tx, members);
        state.processedRows = i + batch.length;
      }
      const row = (await updateImport(tx, state.id, { status: 'done', totalRows: state.totalRows, processedRows: valid.length, importedRows: valid.length, errors: [], finishedAt: new Date() })) as TaskImportRow;
      await recordAudit(tx, ctx, { action: 'import', entityType: 'task_import', entityId: state.id, after: { status: 'done', fileName: state.fileName, format: state.format, totalRows: state.totalRows, count: valid.length } });
      return row;
    });
    return presentImport(finished, ctx.locale);
  } catch (err) {
    errors.length = 0;
    errorTotal = 0;
    if (err instanceof UnreadableFileError) {
      report(0, { column: '', code: 'IMPORT_UNREADABLE', vi: err.vi, en: err.en });
    } else {
      const { code } = classifyError(err);
      const known = ERROR_CATALOG[code];
      report(0, { column: '', code, vi: known.vi, en: known.en });
    }
    try {
      return await fail();
    } catch {
      // the database itself is gone: report the state in memory
      return presentImport({ ...state, status: 'failed', errors, finishedAt: new Date() }, ctx.locale);
    }
  }
}
