import ExcelJS from 'exceljs';
import { todayInVietnam, type ApplicationSummary, type ApplicationSummaryRow } from '@stinet/shared';

type Locale = 'vi' | 'en';

/** The labels of the workbook in both languages (Vietnamese is the form's language). */
const LABELS = {
  vi: {
    sheet: 'Mẫu 15',
    title: (year: number) => `TỔNG HỢP TÌNH HÌNH ỨNG DỤNG KẾT QUẢ THỰC HIỆN NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ NĂM ${year} (Mẫu 15)`,
    unit: 'Đơn vị đầu mối',
    asOf: 'Số liệu đến ngày',
    counts: {
      owed: 'Số nhiệm vụ phải báo cáo trong năm',
      received: 'Số phiếu đã nhận',
      accepted: 'Số phiếu đã chấp nhận',
      awaitingReview: 'Số phiếu chờ xem xét',
      late: 'Số phiếu nộp muộn',
      missing: 'Số phiếu chưa nộp (quá hạn)',
      notYetDue: 'Số phiếu chưa đến hạn',
      applied: 'Số nhiệm vụ đã ứng dụng',
      partlyApplied: 'Số nhiệm vụ ứng dụng một phần',
      notApplied: 'Số nhiệm vụ chưa ứng dụng',
      totalRevenue: 'Tổng doanh thu (triệu đồng)',
      totalTransferContracts: 'Tổng số hợp đồng chuyển giao',
      totalTransferValue: 'Tổng giá trị chuyển giao (triệu đồng)',
    },
    columns: ['STT', 'Mã nhiệm vụ', 'Tên nhiệm vụ', 'Hình thức', 'Tổ chức chủ trì', 'Ngày nghiệm thu', 'Năm thứ', 'Hạn nộp', 'Tình trạng phiếu', 'Ngày nộp lần đầu', 'Nộp muộn', 'Tình hình ứng dụng', 'Nơi ứng dụng', 'Doanh thu (triệu đồng)', 'Số HĐ chuyển giao', 'Giá trị chuyển giao (triệu đồng)'],
    forms: { DT: 'Đề tài', DAN: 'Đề án', DA_SXTN: 'Dự án SXTN', DA_KHCN: 'Dự án KH&CN' } as Record<string, string>,
    statuses: { missing: 'Chưa nộp', notYetDue: 'Chưa đến hạn', draft: 'Đang soạn', submitted: 'Chờ xem xét', returned: 'Bị trả lại', accepted: 'Đã chấp nhận' },
    application: { applied: 'Đã ứng dụng', partly_applied: 'Ứng dụng một phần', not_applied: 'Chưa ứng dụng' },
    yes: 'Có',
  },
  en: {
    sheet: 'Form 15',
    title: (year: number) => `APPLICATION OF S&T TASK RESULTS IN ${year}: SUMMARY (Form 15)`,
    unit: 'Focal point unit',
    asOf: 'Data as of',
    counts: {
      owed: 'Tasks owing a report in the year',
      received: 'Reports received',
      accepted: 'Reports accepted',
      awaitingReview: 'Reports awaiting review',
      late: 'Reports sent late',
      missing: 'Reports missing (overdue)',
      notYetDue: 'Reports not yet due',
      applied: 'Tasks applied',
      partlyApplied: 'Tasks partly applied',
      notApplied: 'Tasks not applied',
      totalRevenue: 'Total revenue (million VND)',
      totalTransferContracts: 'Total transfer contracts',
      totalTransferValue: 'Total transfer value (million VND)',
    },
    columns: ['No.', 'Task code', 'Task title', 'Form', 'Lead organization', 'Accepted on', 'Year', 'Due date', 'Report status', 'First sent on', 'Late', 'Application', 'Where applied', 'Revenue (million VND)', 'Transfer contracts', 'Transfer value (million VND)'],
    forms: { DT: 'Research project', DAN: 'Scientific scheme', DA_SXTN: 'Pilot production project', DA_KHCN: 'S&T project' } as Record<string, string>,
    statuses: { missing: 'Missing', notYetDue: 'Not yet due', draft: 'Being drafted', submitted: 'Awaiting review', returned: 'Returned', accepted: 'Accepted' },
    application: { applied: 'Applied', partly_applied: 'Partly applied', not_applied: 'Not applied' },
    yes: 'Yes',
  },
} as const;

/** The order of the count lines in the workbook (the keys of the summary's counts). */
export const SUMMARY_COUNT_KEYS = [
  'owed',
  'received',
  'accepted',
  'awaitingReview',
  'late',
  'missing',
  'notYetDue',
  'applied',
  'partlyApplied',
  'notApplied',
  'totalRevenue',
  'totalTransferContracts',
  'totalTransferValue',
] as const satisfies readonly (keyof ApplicationSummary['counts'])[];

function ddmmyyyy(date: string | null): string {
  if (!date) return '';
  const d = date.slice(0, 10);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

function statusLabel(row: ApplicationSummaryRow, l: (typeof LABELS)[Locale]): string {
  if (row.status) return l.statuses[row.status];
  return row.isMissing ? l.statuses.missing : l.statuses.notYetDue;
}

/**
 * The yearly summary (Mẫu 15) as an XLSX workbook: a title, the unit and date, the counts (label in column A,
 * number in column B), then one row per task that owed a report in the year.
 */
export async function summaryWorkbook(summary: ApplicationSummary, locale: Locale = 'vi'): Promise<Buffer> {
  const l = LABELS[locale];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'stinet';
  wb.created = new Date(`${summary.asOf}T00:00:00Z`);
  const ws = wb.addWorksheet(l.sheet, { views: [{ state: 'frozen', ySplit: 0 }] });
  ws.columns = [{ width: 6 }, { width: 24 }, { width: 60 }, { width: 18 }, { width: 40 }, { width: 14 }, { width: 8 }, { width: 12 }, { width: 16 }, { width: 14 }, { width: 9 }, { width: 18 }, { width: 40 }, { width: 16 }, { width: 14 }, { width: 18 }];
  ws.addRow([l.title(summary.year)]).font = { bold: true, size: 13 };
  ws.addRow([l.unit, locale === 'en' ? summary.unit.nameEn : summary.unit.nameVi]);
  ws.addRow([l.asOf, ddmmyyyy(summary.asOf)]);
  ws.addRow([]);
  for (const key of SUMMARY_COUNT_KEYS) {
    const row = ws.addRow([l.counts[key], summary.counts[key]]);
    row.getCell(1).font = { bold: true };
  }
  ws.addRow([]);
  const header = ws.addRow([...l.columns]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  summary.rows.forEach((r, i) => {
    ws.addRow([
      i + 1,
      r.code,
      r.titleVi,
      l.forms[r.formCode] ?? r.formCode,
      r.leadOrganization.nameVi,
      ddmmyyyy(r.acceptedOn),
      r.yearIndex,
      ddmmyyyy(r.dueDate),
      statusLabel(r, l),
      ddmmyyyy(r.firstSubmittedAt ? todayInVietnam(new Date(r.firstSubmittedAt)) : null),
      r.isLate ? l.yes : '',
      r.applicationStatus ? l.application[r.applicationStatus] : '',
      r.placesApplied ?? '',
      r.revenue,
      r.transferContracts,
      r.transferValue,
    ]);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
