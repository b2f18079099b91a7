import {
  APPLICATION_REPORT_YEARS,
  addCalendarDays,
  applicationReportDueDate,
  applicationReportOpensOn,
  isApplicationReportForm,
  type ApplicationStatus,
} from '@stinet/shared';
import type { applicationReport } from '../db/schema.js';
import type { Rng } from './generator.js';

/** What the generator needs to know about an accepted task. */
export interface AcceptedTaskRef {
  id: string;
  formCode: string;
  /** Official acceptance, T1 (YYYY-MM-DD). */
  acceptedOn: string;
  leadOrganizationId: string;
}

/** Options of {@link generateApplicationReports}. */
export interface ApplicationReportSeedOptions {
  /** The dataset's "today" (YYYY-MM-DD): no report is dated after it and no year opens after it. */
  today: string;
  /** The user recorded as creator (e.g. the demo admin). */
  createdBy: string;
}

/** A row ready for `insert(applicationReport)`. */
export type ApplicationReportSeedRow = typeof applicationReport.$inferInsert;

const PLACES = [
  'Hợp tác xã Nông nghiệp Tân Thành',
  'Công ty Cổ phần Giống cây trồng miền Nam',
  'Bệnh viện Đa khoa tỉnh',
  'Sở Nông nghiệp và Môi trường',
  'Trung tâm Khuyến nông tỉnh',
  'Công ty TNHH Cơ khí Chính xác Hòa Phát',
  'Ủy ban nhân dân các xã vùng dự án',
  'Trường Đại học Bách khoa',
] as const;
const SCALES = ['Áp dụng trên 120 ha canh tác', 'Sản xuất 15.000 sản phẩm mỗi năm', 'Triển khai tại 6 đơn vị', 'Phục vụ khoảng 2.500 người dùng', 'Chuyển giao cho 3 doanh nghiệp'] as const;
const ECONOMIC = ['Tăng năng suất 12–15% so với đối chứng', 'Giảm 20% chi phí sản xuất', 'Tạo doanh thu ổn định cho đơn vị ứng dụng', 'Tiết kiệm chi phí nhập khẩu thiết bị'] as const;
const SOCIAL = ['Tạo việc làm cho lao động địa phương', 'Nâng cao năng lực cán bộ kỹ thuật', 'Góp phần bảo vệ môi trường', 'Cải thiện chất lượng dịch vụ công'] as const;
const DIFFICULTIES = ['Thiếu vốn đối ứng để mở rộng quy mô', 'Thị trường tiêu thụ chưa ổn định', 'Chưa có doanh nghiệp nhận chuyển giao', 'Thủ tục công nhận tiến bộ kỹ thuật kéo dài'] as const;
const IP = ['01 đơn đăng ký sáng chế đã được chấp nhận hợp lệ', '01 bằng giải pháp hữu ích', 'Chưa đăng ký bảo hộ', '02 giống cây trồng được bảo hộ'] as const;
const RETURN_COMMENTS = [
  'Đề nghị bổ sung số liệu doanh thu có xác nhận của đơn vị ứng dụng.',
  'Ghi rõ địa điểm và quy mô ứng dụng kết quả.',
  'Đề nghị đính kèm bản phiếu có chữ ký, đóng dấu của tổ chức chủ trì.',
] as const;

/** 10:00 in Vietnam on a day. */
function at(date: string): Date {
  return new Date(`${date}T03:00:00Z`);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function applicationStatus(rng: Rng): ApplicationStatus {
  const roll = rng.next();
  return roll < 0.55 ? 'applied' : roll < 0.85 ? 'partly_applied' : 'not_applied';
}

/** The content of a report (what the lead organization fills in). */
function content(rng: Rng): Omit<ApplicationReportSeedRow, 'taskId' | 'yearIndex' | 'status' | 'createdBy'> {
  const status = applicationStatus(rng);
  const applied = status !== 'not_applied';
  const contracts = applied ? rng.int(0, 3) : 0;
  return {
    applicationStatus: status,
    placesApplied: applied ? `${rng.pick(PLACES)}; ${rng.pick(PLACES)}` : null,
    scale: applied ? rng.pick(SCALES) : null,
    economicEffect: applied ? rng.pick(ECONOMIC) : null,
    socialEffect: applied ? rng.pick(SOCIAL) : null,
    revenue: applied ? rng.int(0, 400) * 5 : 0,
    ipSummary: rng.pick(IP),
    transferContracts: contracts,
    transferValue: contracts ? contracts * rng.int(20, 300) : 0,
    difficulties: rng.next() < 0.6 ? rng.pick(DIFFICULTIES) : null,
  };
}

/**
 * Deterministic application reports (Mẫu 12) for accepted tasks: for each task of a reporting form (đề tài, đề án,
 * dự án SXTN, dự án KH&CN) and each year whose window has opened by `today`, either no report (missing, or not yet
 * started), or one that is accepted (most past years; some sent late, some after a return), submitted, returned
 * with a comment, or a draft (the current year). Consumes `rng` in task order, so the same tasks and seed give the
 * same rows.
 */
export function generateApplicationReports(tasks: readonly AcceptedTaskRef[], rng: Rng, opts: ApplicationReportSeedOptions): ApplicationReportSeedRow[] {
  const rows: ApplicationReportSeedRow[] = [];
  for (const task of tasks) {
    if (!isApplicationReportForm(task.formCode) || task.acceptedOn > opts.today) continue;
    for (let yearIndex = 1; yearIndex <= APPLICATION_REPORT_YEARS; yearIndex += 1) {
      const opensOn = applicationReportOpensOn(task.acceptedOn, yearIndex);
      if (opensOn > opts.today) break;
      const due = applicationReportDueDate(task.acceptedOn, yearIndex);
      const current = addCalendarDays(due, 60) >= opts.today;
      const roll = rng.next();
      const body = content(rng);
      const base = { ...body, taskId: task.id, yearIndex, createdBy: opts.createdBy };
      if (!current && roll < 0.1) continue; // never sent: missing in the yearly summary
      if (current && roll < 0.3) continue; // not started yet
      const late = rng.next() < 0.15;
      const firstSent = minDate(late ? addCalendarDays(due, rng.int(1, 45)) : addCalendarDays(due, -rng.int(0, 25)), opts.today);
      const started = addCalendarDays(firstSent, -rng.int(2, 10));
      const created = started < opensOn ? opensOn : started;
      if (current && roll < 0.45) {
        rows.push({ ...base, status: 'draft', version: 1, createdAt: at(created), updatedAt: at(created) });
        continue;
      }
      const wasReturned = rng.next() < (current ? 0.5 : 0.15);
      const resent = minDate(addCalendarDays(firstSent, rng.int(7, 20)), opts.today);
      const comment = rng.pick(RETURN_COMMENTS);
      if (current && roll < 0.6) {
        rows.push({ ...base, status: 'submitted', version: wasReturned ? 4 : 2, reviewComment: wasReturned ? comment : null, firstSubmittedAt: at(firstSent), submittedAt: at(wasReturned ? resent : firstSent), createdAt: at(created), updatedAt: at(wasReturned ? resent : firstSent) });
        continue;
      }
      if (current && roll < 0.72) {
        const returnedOn = minDate(addCalendarDays(firstSent, rng.int(3, 10)), opts.today);
        rows.push({ ...base, status: 'returned', version: 3, reviewComment: comment, firstSubmittedAt: at(firstSent), submittedAt: at(firstSent), createdAt: at(created), updatedAt: at(returnedOn) });
        continue;
      }
      const lastSent = wasReturned ? resent : firstSent;
      const acceptedOn = addCalendarDays(lastSent, rng.int(3, 15));
      if (acceptedOn > opts.today) {
        rows.push({ ...base, status: 'submitted', version: wasReturned ? 4 : 2, reviewComment: wasReturned ? comment : null, firstSubmittedAt: at(firstSent), submittedAt: at(lastSent), createdAt: at(created), updatedAt: at(lastSent) });
        continue;
      }
      rows.push({ ...base, status: 'accepted', version: wasReturned ? 5 : 3, reviewComment: null, firstSubmittedAt: at(firstSent), submittedAt: at(lastSent), acceptedAt: at(acceptedOn), createdAt: at(created), updatedAt: at(acceptedOn) });
    }
  }
  return rows;
}
