import { and, asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { TASK_FUNDING_TYPES, TASK_IMPORT_COLUMNS, todayInVietnam, type TaskImportColumn } from '@stinet/shared';
import { classificationCode } from '../../db/schema.js';
import type { Executor } from '../../db/types.js';
import { BOM, csvLine } from './csv.js';
import { findAllUnits } from './task-io.repo.js';

/** Name of the data sheet of the template. */
export const TASK_SHEET = 'Nhiệm vụ';
/** Rows of the data sheet that get drop-down lists. */
const VALIDATED_ROWS = 1000;
const KIND_LABELS = { national: 'Cơ quan quốc gia', ministry: 'Bộ, ngành', province: 'Tỉnh, thành phố' } as const;
const FUNDING_LABELS: Record<(typeof TASK_FUNDING_TYPES)[number], [string, string]> = {
  NSNN: ['Ngân sách nhà nước', 'State budget'],
  NON_NSNN: ['Ngoài ngân sách nhà nước', 'Non-state budget'],
  FUND: ['Quỹ phát triển khoa học và công nghệ', 'S&T development fund'],
};

/** The header text of a column in the template: the Vietnamese label, `*` when required. */
export function templateLabel(c: TaskImportColumn): string {
  return c.required ? `${c.labelVi} *` : c.labelVi;
}

function columnWidth(c: TaskImportColumn): number {
  if (['titleVi', 'objectives', 'content', 'methods', 'expectedProducts', 'applicationPlan', 'members', 'leadOrganizationCode'].includes(c.key)) return 40;
  if (c.kind === 'date' || c.kind === 'money') return 16;
  return 22;
}

interface CodeRow {
  code: string;
  labelVi: string;
  labelEn: string;
}

async function codeList(ex: Executor, scheme: string, level?: number): Promise<CodeRow[]> {
  const conds = [eq(classificationCode.schemeCode, scheme), ...(level === undefined ? [] : [eq(classificationCode.level, level)])];
  return ex
    .select({ code: classificationCode.code, labelVi: classificationCode.labelVi, labelEn: classificationCode.labelEn })
    .from(classificationCode)
    .where(and(...conds))
    .orderBy(asc(classificationCode.sortOrder), asc(classificationCode.code));
}

/** One example row (for the instructions), valid against the seeded code lists. */
const EXAMPLE: Record<string, string> = {
  code: 'ĐT-2026-01-001',
  titleVi: 'Nghiên cứu ứng dụng công nghệ sinh học trong sản xuất giống lúa chịu mặn',
  levelCode: 'TINH',
  formCode: 'DT',
  fundingType: 'NSNN',
  approvalDecisionNo: '1234/QĐ-UBND',
  approvalDecisionDate: '2026-01-15',
  contractNo: '15/2026/HĐ-KHCN',
  contractDate: '2026-02-02',
  managingUnitCode: '01',
  leadOrganizationCode: 'ORG0000001',
  piName: 'PGS.TS. Nguyễn Văn Hùng',
  members: 'ThS. Trần Thị Mai; KS. Lê Văn Tâm (thư ký)',
  fieldCodes2025: '401',
  startDate: '2026-03-01',
  endDate: '2027-12-31',
  budgetTotal: '1500',
  budgetStateLocal: '1200',
  budgetOther: '300',
  objectives: 'Chọn tạo được 02 giống lúa chịu mặn năng suất cao.',
  content: 'Đánh giá nguồn gen; lai tạo; khảo nghiệm tại 3 tỉnh.',
  expectedProducts: '02 giống lúa được công nhận; 03 bài báo.',
  isStateSecret: 'Không',
};

const INSTRUCTIONS = [
  'Mỗi dòng của trang "Nhiệm vụ" là một nhiệm vụ KH&CN đang tiến hành (Mẫu 1). Nhập từ dòng 3; không xóa hai dòng tiêu đề.',
  'Cột có dấu * là bắt buộc. Dòng 2 ghi mã trường (dùng khi nhập bằng chương trình); có thể giữ hoặc xóa dòng này.',
  'Ngày ghi theo dạng YYYY-MM-DD (ví dụ 2026-03-01) hoặc DD/MM/YYYY, hoặc nhập ô kiểu ngày của Excel.',
  'Kinh phí ghi bằng số, đơn vị triệu đồng; dấu chấm là dấu thập phân; không dùng dấu phân cách hàng nghìn.',
  'Mã lĩnh vực, thành viên: nhiều giá trị cách nhau bởi dấu chấm phẩy (;). Thư ký khoa học: thêm "(thư ký)" sau họ tên.',
  'Cơ quan quản lý ghi theo mã đơn vị (trang "Danh mục"); tổ chức chủ trì ghi mã tổ chức (ORG…) hoặc mã số thuế.',
  'Cán bộ đầu mối chỉ nhập được nhiệm vụ đăng ký tại đơn vị mình; người báo cáo của tổ chức chỉ nhập nhiệm vụ do tổ chức mình chủ trì.',
  'Nhiệm vụ thuộc danh mục bí mật nhà nước không được nhập vào hệ thống này.',
  'Tệp được kiểm tra toàn bộ trước khi nhập: nếu có bất kỳ dòng nào sai, hệ thống liệt kê mọi lỗi (dòng, cột, nội dung) và không nhập dòng nào. Sửa lỗi rồi tải tệp lên lại.',
  'Các nhiệm vụ được nhập ở trạng thái nháp; sau đó gửi đầu mối như khi nhập từng nhiệm vụ.',
  'Có thể lưu trang "Nhiệm vụ" thành CSV (UTF-8) để nhập; tệp mẫu CSV có cùng các cột.',
];

/**
 * The XLSX template: the "Nhiệm vụ" sheet (one column per field of Mẫu 1: Vietnamese header, field key, notes,
 * drop-down lists for level, form, funding type and the secret declaration), the "Hướng dẫn" instructions sheet and
 * the "Danh mục" sheet of code lists (levels, forms, funding types, FOS2025 level-2 fields, socio-economic
 * objectives, managing units valid today).
 */
export async function buildTemplateXlsx(ex: Executor): Promise<Buffer> {
  const today = todayInVietnam();
  const [levels, forms, fields, seo, units] = await Promise.all([
    codeList(ex, 'TASK_LEVEL'),
    codeList(ex, 'TASK_FORM'),
    codeList(ex, 'FOS2025', 2),
    codeList(ex, 'SEO'),
    findAllUnits(ex),
  ]);
  const currentUnits = units
    .filter((u) => u.validFrom <= today && (u.validTo === null || u.validTo >= today))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code));

  const wb = new ExcelJS.Workbook();
  wb.creator = 'stinet';
  wb.created = new Date();
  const ws = wb.addWorksheet(TASK_SHEET, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = TASK_IMPORT_COLUMNS.map((c) => ({
    key: c.key,
    width: columnWidth(c),
    style: c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.kind === 'money' ? { numFmt: '0.##' } : { numFmt: '@' },
  }));
  TASK_IMPORT_COLUMNS.forEach((c, i) => {
    const label = ws.getRow(1).getCell(i + 1);
    label.value = templateLabel(c);
    label.font = { bold: true };
    label.alignment = { wrapText: true, vertical: 'top' };
    label.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFFF2CC' : 'FFEDEDED' } };
    label.note = `${c.noteVi}${c.required ? ' (bắt buộc)' : ''}`;
    const key = ws.getRow(2).getCell(i + 1);
    key.value = c.key;
    key.font = { italic: true, color: { argb: 'FF666666' } };
  });
  ws.getRow(1).height = 45;
  const lists: Record<string, string[]> = {
    levelCode: levels.map((l) => l.code),
    formCode: forms.map((f) => f.code),
    fundingType: [...TASK_FUNDING_TYPES],
    isStateSecret: ['Không', 'Có'],
  };
  TASK_IMPORT_COLUMNS.forEach((c, i) => {
    const values = lists[c.key];
    if (!values) return;
    const formula = `"${values.join(',')}"`;
    if (formula.length > 255) return; // Excel's limit for an inline list
    for (let r = 3; r < 3 + VALIDATED_ROWS; r++) {
      ws.getRow(r).getCell(i + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorTitle: c.labelVi,
        error: `Chọn một giá trị trong danh sách: ${values.join(', ')}`,
      };
    }
  });

  const guide = wb.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 26 }, { width: 48 }, { width: 12 }, { width: 90 }];
  guide.addRow(['Hướng dẫn nhập danh sách nhiệm vụ KH&CN đang tiến hành (Mẫu 1)']).font = { bold: true, size: 14 };
  guide.addRow([]);
  INSTRUCTIONS.forEach((text, i) => {
    const row = guide.addRow([`${i + 1}.`, text]);
    guide.mergeCells(row.number, 2, row.number, 4);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.height = 30;
  });
  guide.addRow([]);
  const head = guide.addRow(['Mã trường (dòng 2)', 'Tiêu đề cột (dòng 1)', 'Bắt buộc', 'Cách ghi']);
  head.font = { bold: true };
  for (const c of TASK_IMPORT_COLUMNS) guide.addRow([c.key, c.labelVi, c.required ? 'Có' : 'Không', c.noteVi]).getCell(4).alignment = { wrapText: true };
  guide.addRow([]);
  guide.addRow(['Ví dụ một dòng (không nhập dòng này vào trang "Nhiệm vụ"; tổ chức ORG0000001 chỉ là ví dụ):']).font = { bold: true };
  for (const c of TASK_IMPORT_COLUMNS) if (EXAMPLE[c.key]) guide.addRow([c.key, EXAMPLE[c.key]]);

  const codes = wb.addWorksheet('Danh mục');
  codes.columns = [{ width: 34 }, { width: 14 }, { width: 70 }, { width: 60 }];
  const section = (title: string, rows: (string | null)[][]) => {
    codes.addRow([title]).font = { bold: true, size: 12 };
    codes.addRow(['', 'Mã', 'Tên', 'Tên tiếng Anh / loại']).font = { italic: true };
    for (const r of rows) codes.addRow(r);
    codes.addRow([]);
  };
  section('Cấp quản lý (levelCode, TASK_LEVEL)', levels.map((l) => ['', l.code, l.labelVi, l.labelEn]));
  section('Hình thức nhiệm vụ (formCode, TASK_FORM)', forms.map((f) => ['', f.code, f.labelVi, f.labelEn]));
  section('Loại nguồn kinh phí (fundingType)', TASK_FUNDING_TYPES.map((f) => ['', f, ...FUNDING_LABELS[f]]));
  section('Lĩnh vực KH&CN 2025, cấp 2 (fieldCodes2025, FOS2025)', fields.map((f) => ['', f.code, f.labelVi, f.labelEn]));
  section('Mục tiêu kinh tế - xã hội (seoCode, SEO)', seo.map((s) => ['', s.code, s.labelVi, s.labelEn]));
  section(
    `Cơ quan quản lý có hiệu lực ngày ${today} (managingUnitCode)`,
    currentUnits.map((u) => ['', u.code, u.nameVi, KIND_LABELS[u.kind]]),
  );

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The CSV template: UTF-8 with a BOM, the Vietnamese header row and the field-key row, no data. */
export function buildTemplateCsv(): string {
  return BOM + csvLine(TASK_IMPORT_COLUMNS.map(templateLabel)) + csvLine(TASK_IMPORT_COLUMNS.map((c) => c.key));
}
