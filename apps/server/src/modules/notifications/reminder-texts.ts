import type { NotificationKind } from '@stinet/shared';

/** Where a reminder stands: before the deadline, after it, or an item sent back to the organization. */
export type ReminderStage = 'due_soon' | 'overdue' | 'returned';

/** What a reminder is about, as needed to write it. */
export interface ReminderSubject {
  kind: NotificationKind;
  stage: ReminderStage;
  /** For `returned`: which record was sent back. */
  returnedItem?: 'task' | 'application_report' | 'result_registration' | undefined;
  task: { id: string; code: string; titleVi: string };
  /** The deadline (YYYY-MM-DD); null for returned items. */
  dueDate: string | null;
  /** The official acceptance date, for result registration. */
  acceptedOn?: string | null | undefined;
  /** Year 1..5 of an application report. */
  yearIndex?: number | undefined;
  /** The focal point's comment on a returned item. */
  comment?: string | null | undefined;
  /** Path of the web page to open (joined to the public URL when one is configured). */
  path: string;
}

/** dd/mm/yyyy. */
export function formatVnDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

function linkOf(publicUrl: string | null, path: string): string | null {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}${path}` : null;
}

interface Parts {
  subjectVi: string;
  subjectEn: string;
  vi: string;
  en: string;
}

const RETURNED_ITEM_VI = {
  task: 'Phiếu thông tin nhiệm vụ KH&CN đang tiến hành (Mẫu 1)',
  application_report: 'Phiếu thông tin về ứng dụng kết quả (Mẫu 12)',
  result_registration: 'Hồ sơ đăng ký kết quả thực hiện nhiệm vụ',
} as const;
const RETURNED_ITEM_EN = {
  task: 'The ongoing-task form (Form 1)',
  application_report: 'The application-of-results report (Form 12)',
  result_registration: 'The result-registration dossier',
} as const;

function parts(s: ReminderSubject): Parts {
  const due = s.dueDate ? formatVnDate(s.dueDate) : '';
  const task = `${s.task.code} – ${s.task.titleVi}`;
  const overdue = s.stage === 'overdue';
  switch (s.kind) {
    case 'ongoing_form':
      return {
        subjectVi: overdue ? 'Quá hạn gửi phiếu thông tin nhiệm vụ đang tiến hành' : 'Sắp đến hạn gửi phiếu thông tin nhiệm vụ đang tiến hành',
        subjectEn: overdue ? 'Ongoing-task form overdue' : 'Ongoing-task form due soon',
        vi: overdue
          ? `Phiếu thông tin nhiệm vụ KH&CN đang tiến hành (Mẫu 1) của nhiệm vụ ${task} đã quá hạn gửi đến đơn vị đầu mối (hạn ${due}, 30 ngày làm việc kể từ ngày ký hợp đồng). Đề nghị hoàn thiện và gửi ngay.`
          : `Phiếu thông tin nhiệm vụ KH&CN đang tiến hành (Mẫu 1) của nhiệm vụ ${task} cần được gửi đến đơn vị đầu mối chậm nhất ngày ${due} (30 ngày làm việc kể từ ngày ký hợp đồng).`,
        en: overdue
          ? `The ongoing-task form (Form 1) of task ${task} is overdue at the focal point (due ${due}, 30 working days after the contract). Please complete and send it now.`
          : `The ongoing-task form (Form 1) of task ${task} must reach the focal point by ${due} (30 working days after the contract).`,
      };
    case 'result_registration': {
      const accepted = s.acceptedOn ? formatVnDate(s.acceptedOn) : '';
      return {
        subjectVi: overdue ? 'Quá hạn đăng ký kết quả thực hiện nhiệm vụ' : 'Sắp đến hạn đăng ký kết quả thực hiện nhiệm vụ',
        subjectEn: overdue ? 'Result registration overdue' : 'Result registration due soon',
        vi: overdue
          ? `Hồ sơ đăng ký kết quả thực hiện nhiệm vụ ${task} đã quá hạn nộp (hạn ${due}, 30 ngày làm việc kể từ ngày nghiệm thu chính thức ${accepted}). Đề nghị nộp hồ sơ ngay.`
          : `Hồ sơ đăng ký kết quả thực hiện nhiệm vụ ${task} cần được nộp chậm nhất ngày ${due} (30 ngày làm việc kể từ ngày nghiệm thu chính thức ${accepted}).`,
        en: overdue
          ? `The result-registration dossier of task ${task} is overdue (due ${due}, 30 working days after the official acceptance on ${accepted}). Please submit it now.`
          : `The result-registration dossier of task ${task} must be submitted by ${due} (30 working days after the official acceptance on ${accepted}).`,
      };
    }
    case 'application_report': {
      const k = s.yearIndex ?? 1;
      return {
        subjectVi: overdue ? `Quá hạn nộp phiếu ứng dụng kết quả năm thứ ${k}` : `Sắp đến hạn nộp phiếu ứng dụng kết quả năm thứ ${k}`,
        subjectEn: overdue ? `Year ${k} application report overdue` : `Year ${k} application report due soon`,
        vi: overdue
          ? `Phiếu thông tin về ứng dụng kết quả (Mẫu 12) năm thứ ${k} của nhiệm vụ ${task} đã quá hạn nộp (hạn ${due}). Đề nghị tổ chức chủ trì nộp phiếu ngay.`
          : `Phiếu thông tin về ứng dụng kết quả (Mẫu 12) năm thứ ${k} của nhiệm vụ ${task} cần được nộp cho đơn vị đầu mối chậm nhất ngày ${due}.`,
        en: overdue
          ? `The year ${k} application-of-results report (Form 12) of task ${task} is overdue (due ${due}). Please submit it now.`
          : `The year ${k} application-of-results report (Form 12) of task ${task} must reach the focal point by ${due}.`,
      };
    }
    case 'returned': {
      const item = s.returnedItem ?? 'task';
      const year = item === 'application_report' && s.yearIndex ? ` năm thứ ${s.yearIndex}` : '';
      const yearEn = item === 'application_report' && s.yearIndex ? ` (year ${s.yearIndex})` : '';
      const commentVi = s.comment ? ` với ý kiến: “${s.comment}”` : '';
      const commentEn = s.comment ? ` with this comment: “${s.comment}”` : '';
      return {
        subjectVi: 'Hồ sơ bị trả lại, cần chỉnh sửa',
        subjectEn: 'Returned for changes',
        vi: `${RETURNED_ITEM_VI[item]}${year} của nhiệm vụ ${task} đã được đơn vị đầu mối trả lại${commentVi}. Đề nghị chỉnh sửa và gửi lại.`,
        en: `${RETURNED_ITEM_EN[item]}${yearEn} of task ${task} was returned by the focal point${commentEn}. Please revise it and send it again.`,
      };
    }
  }
}

/** The subject and body of a reminder: Vietnamese first, English below; with the task, the due date (dd/mm/yyyy) and a link. */
export function reminderText(s: ReminderSubject, publicUrl: string | null): { subject: string; text: string } {
  const p = parts(s);
  const link = linkOf(publicUrl, s.path);
  const vi = [p.vi, ...(link ? [`Xem chi tiết: ${link}`] : []), 'Đây là thư tự động của hệ thống stinet, vui lòng không trả lời.'];
  const en = [p.en, ...(link ? [`Details: ${link}`] : []), 'This is an automatic message from stinet; please do not reply.'];
  return {
    subject: `[stinet] ${p.subjectVi}: ${s.task.code} / ${p.subjectEn}`,
    text: `${vi.join('\n\n')}\n\n----------\n\n${en.join('\n\n')}\n`,
  };
}
