import { z } from 'zod';
import { Uuid } from './common.js';
import { TaskStatus } from './task.js';

/** File formats of task import and export. */
export const TASK_IO_FORMATS = ['xlsx', 'csv'] as const;
export const TaskIoFormat = z.enum(TASK_IO_FORMATS);
export type TaskIoFormat = z.infer<typeof TaskIoFormat>;

/** How a column's cells are read: plain text, a code, a date, an amount in million VND, a `;`-separated list, yes/no. */
export type TaskImportColumnKind = 'text' | 'code' | 'date' | 'money' | 'list' | 'boolean';

/** One column of the task import template (form Mẫu 1), in template order. */
export interface TaskImportColumn {
  /** The field key: the second header row of the template, accepted as a header on its own. */
  key: string;
  labelVi: string;
  labelEn: string;
  required: boolean;
  kind: TaskImportColumnKind;
  /** A short note for the instructions sheet (Vietnamese). */
  noteVi: string;
}

/**
 * The columns of the task import template, one per field of form Mẫu 1. The managing unit, lead organization and
 * principal investigator are given by readable codes (org-unit code; organization code or tax code; researcher
 * code), members as a `;`-separated list of names, money in million VND, dates as YYYY-MM-DD (or real Excel dates).
 */
export const TASK_IMPORT_COLUMNS: readonly TaskImportColumn[] = [
  { key: 'code', labelVi: 'Mã nhiệm vụ', labelEn: 'Task code', required: true, kind: 'text', noteVi: 'Mã duy nhất của nhiệm vụ, tối đa 60 ký tự.' },
  { key: 'titleVi', labelVi: 'Tên nhiệm vụ', labelEn: 'Title (Vietnamese)', required: true, kind: 'text', noteVi: 'Tên tiếng Việt, tối đa 1.000 ký tự.' },
  { key: 'titleEn', labelVi: 'Tên tiếng Anh', labelEn: 'Title (English)', required: false, kind: 'text', noteVi: 'Không bắt buộc.' },
  { key: 'levelCode', labelVi: 'Cấp quản lý', labelEn: 'Management level', required: true, kind: 'code', noteVi: 'Mã trong danh mục TASK_LEVEL (QG, BO, TINH, CS, KHAC) — xem trang Danh mục.' },
  { key: 'formCode', labelVi: 'Hình thức nhiệm vụ', labelEn: 'Form of task', required: true, kind: 'code', noteVi: 'Mã trong danh mục TASK_FORM (DT, DA_SXTN, DA_KHCN, …) — xem trang Danh mục.' },
  { key: 'programme', labelVi: 'Thuộc chương trình', labelEn: 'Programme', required: false, kind: 'text', noteVi: 'Tên chương trình (nếu có).' },
  { key: 'fundingType', labelVi: 'Loại nguồn kinh phí', labelEn: 'Funding type', required: true, kind: 'code', noteVi: 'NSNN (ngân sách nhà nước), NON_NSNN (ngoài ngân sách), FUND (quỹ phát triển KH&CN).' },
  { key: 'approvalDecisionNo', labelVi: 'Số quyết định phê duyệt', labelEn: 'Approval decision no.', required: false, kind: 'text', noteVi: 'Ví dụ 1234/QĐ-UBND.' },
  { key: 'approvalDecisionDate', labelVi: 'Ngày quyết định phê duyệt', labelEn: 'Approval decision date', required: false, kind: 'date', noteVi: 'YYYY-MM-DD hoặc DD/MM/YYYY, hoặc ô kiểu ngày của Excel.' },
  { key: 'contractNo', labelVi: 'Số hợp đồng', labelEn: 'Contract no.', required: false, kind: 'text', noteVi: 'Số hợp đồng thực hiện nhiệm vụ.' },
  { key: 'contractDate', labelVi: 'Ngày ký hợp đồng', labelEn: 'Contract date', required: false, kind: 'date', noteVi: 'Hạn gửi thông tin là 30 ngày làm việc kể từ ngày này.' },
  { key: 'managingUnitCode', labelVi: 'Mã cơ quan quản lý', labelEn: 'Managing unit code', required: true, kind: 'code', noteVi: 'Mã đơn vị đăng ký (mã tỉnh như 01, mã bộ như BKHCN, CTTK cho nhiệm vụ cấp quốc gia) — xem trang Danh mục.' },
  { key: 'leadOrganizationCode', labelVi: 'Tổ chức chủ trì (mã tổ chức hoặc mã số thuế)', labelEn: 'Lead organization (code or tax code)', required: true, kind: 'code', noteVi: 'Mã tổ chức trong hệ thống (ORG…) hoặc mã số thuế của tổ chức (hoặc mã định danh UUID của tổ chức).' },
  { key: 'piName', labelVi: 'Chủ nhiệm nhiệm vụ', labelEn: 'Principal investigator', required: true, kind: 'text', noteVi: 'Họ tên kèm học hàm, học vị.' },
  { key: 'piResearcherCode', labelVi: 'Mã cán bộ nghiên cứu của chủ nhiệm', labelEn: 'PI researcher code', required: false, kind: 'code', noteVi: 'Mã cán bộ nghiên cứu (NCV…) nếu đã có trong hệ thống; không bắt buộc.' },
  { key: 'members', labelVi: 'Thành viên', labelEn: 'Members', required: false, kind: 'list', noteVi: 'Họ tên các thành viên cách nhau bởi dấu chấm phẩy (;); thêm "(thư ký)" sau tên thư ký khoa học.' },
  { key: 'fieldCodes2025', labelVi: 'Mã lĩnh vực KH&CN (2025)', labelEn: 'Field codes (2025)', required: true, kind: 'list', noteVi: 'Mã bảng phân loại lĩnh vực KH&CN 2025, cách nhau bởi dấu chấm phẩy (;).' },
  { key: 'fieldCodes2008', labelVi: 'Mã lĩnh vực KH&CN (2008)', labelEn: 'Field codes (2008)', required: false, kind: 'list', noteVi: 'Mã bảng phân loại 2008 (nếu có), cách nhau bởi dấu chấm phẩy (;).' },
  { key: 'seoCode', labelVi: 'Mã mục tiêu kinh tế - xã hội', labelEn: 'Socio-economic objective code', required: false, kind: 'code', noteVi: 'Mã trong danh mục SEO (NABS01…NABS14).' },
  { key: 'startDate', labelVi: 'Ngày bắt đầu', labelEn: 'Start date', required: true, kind: 'date', noteVi: 'YYYY-MM-DD hoặc DD/MM/YYYY.' },
  { key: 'endDate', labelVi: 'Ngày kết thúc', labelEn: 'End date', required: true, kind: 'date', noteVi: 'Không trước ngày bắt đầu.' },
  { key: 'budgetTotal', labelVi: 'Tổng kinh phí (triệu đồng)', labelEn: 'Total budget (million VND)', required: false, kind: 'money', noteVi: 'Số, đơn vị triệu đồng; dấu chấm là dấu thập phân, không dùng dấu phân cách hàng nghìn.' },
  { key: 'budgetStateCentral', labelVi: 'NSNN trung ương (triệu đồng)', labelEn: 'Central state budget (million VND)', required: false, kind: 'money', noteVi: 'Tổng các nguồn không vượt quá tổng kinh phí.' },
  { key: 'budgetStateLocal', labelVi: 'NSNN địa phương (triệu đồng)', labelEn: 'Local state budget (million VND)', required: false, kind: 'money', noteVi: 'Triệu đồng.' },
  { key: 'budgetOther', labelVi: 'Nguồn khác (triệu đồng)', labelEn: 'Other sources (million VND)', required: false, kind: 'money', noteVi: 'Triệu đồng.' },
  { key: 'objectives', labelVi: 'Mục tiêu', labelEn: 'Objectives', required: true, kind: 'text', noteVi: 'Mục tiêu của nhiệm vụ.' },
  { key: 'content', labelVi: 'Nội dung chính', labelEn: 'Main content', required: true, kind: 'text', noteVi: 'Các nội dung nghiên cứu chính.' },
  { key: 'methods', labelVi: 'Phương pháp nghiên cứu', labelEn: 'Methods', required: false, kind: 'text', noteVi: 'Không bắt buộc.' },
  { key: 'expectedProducts', labelVi: 'Sản phẩm dự kiến', labelEn: 'Expected products', required: true, kind: 'text', noteVi: 'Kết quả, sản phẩm dự kiến.' },
  { key: 'applicationPlan', labelVi: 'Phương án ứng dụng kết quả', labelEn: 'Application plan', required: false, kind: 'text', noteVi: 'Không bắt buộc.' },
  { key: 'isStateSecret', labelVi: 'Thuộc danh mục bí mật nhà nước', labelEn: 'On the state-secret list', required: true, kind: 'boolean', noteVi: 'Có hoặc Không. Nhiệm vụ bí mật nhà nước không được nhập vào hệ thống (dòng "Có" bị từ chối).' },
];

/** Lifecycle of an import: validating (reading and checking every row), importing (writing), done or failed. */
export const TASK_IMPORT_STATUSES = ['validating', 'importing', 'done', 'failed'] as const;
export const TaskImportStatus = z.enum(TASK_IMPORT_STATUSES);
export type TaskImportStatus = z.infer<typeof TaskImportStatus>;

/**
 * One problem of an import file: the sheet row (1-based, as a spreadsheet shows it; 0 for the file as a whole), the
 * column key ('' when the whole row is concerned), a stable code and the message in the caller's language and both.
 */
export const TaskImportError = z.object({
  row: z.number().int(),
  column: z.string(),
  code: z.string(),
  message: z.string(),
  messageVi: z.string(),
  messageEn: z.string(),
});
export type TaskImportError = z.infer<typeof TaskImportError>;

/** The state of one import, for polling. All or nothing: `importedRows` is 0 unless the status is done. */
export const TaskImport = z.object({
  id: Uuid,
  status: TaskImportStatus,
  format: TaskIoFormat,
  fileName: z.string(),
  /** Data rows in the file (0 while it is still being read). */
  totalRows: z.number().int(),
  /** Rows checked while validating, rows written while importing. */
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  errors: z.array(TaskImportError),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TaskImport = z.infer<typeof TaskImport>;

/** Query of the staff export: the filters of the work list, without paging. */
export const TaskWorkExportQuery = z.strictObject({
  format: TaskIoFormat.default('xlsx'),
  status: TaskStatus.optional(),
  q: z.string().trim().max(200).optional(),
});
export type TaskWorkExportQuery = z.infer<typeof TaskWorkExportQuery>;

/** Query of the public export of published tasks: the filters of the public list, without paging. */
export const TaskPublicExportQuery = z.strictObject({
  format: TaskIoFormat.default('xlsx'),
  q: z.string().trim().max(200).optional(),
  leadOrganizationId: Uuid.optional(),
  fieldCode: z.string().trim().min(1).max(20).optional(),
});
export type TaskPublicExportQuery = z.infer<typeof TaskPublicExportQuery>;
