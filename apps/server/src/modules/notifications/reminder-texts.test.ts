import { describe, expect, it } from 'vitest';
import { formatVnDate, reminderText } from './reminder-texts.js';

const task = { id: '6f1c1e64-8f0e-4c52-9d0e-1c2b3a4d5e6f', code: 'ĐT-2024-401-000123', titleVi: 'Nghiên cứu giống lúa chịu mặn tại Đồng bằng sông Cửu Long' };

describe('reminder texts', () => {
  it('writes Vietnamese first with English below, the task, the due date dd/mm/yyyy and a link', () => {
    const { subject, text } = reminderText({ kind: 'application_report', stage: 'overdue', task, dueDate: '2025-03-15', yearIndex: 2, path: `/staff/application-reports/tasks/${task.id}/years/2` }, 'https://stinet.example.vn/');
    expect(subject).toBe('[stinet] Quá hạn nộp phiếu ứng dụng kết quả năm thứ 2: ĐT-2024-401-000123 / Year 2 application report overdue');
    const [vi, en] = text.split('----------');
    expect(vi).toContain('Phiếu thông tin về ứng dụng kết quả (Mẫu 12) năm thứ 2 của nhiệm vụ ĐT-2024-401-000123 – Nghiên cứu giống lúa chịu mặn tại Đồng bằng sông Cửu Long đã quá hạn nộp (hạn 15/03/2025).');
    expect(vi).toContain(`Xem chi tiết: https://stinet.example.vn/staff/application-reports/tasks/${task.id}/years/2`);
    expect(en).toContain('The year 2 application-of-results report (Form 12) of task ĐT-2024-401-000123');
    expect(en).toContain('(due 15/03/2025)');
    expect(text).toBe(text.normalize('NFC'));
  });

  it('leaves the link out without a public URL and quotes the comment of a returned item', () => {
    const { subject, text } = reminderText({ kind: 'returned', stage: 'returned', returnedItem: 'task', task, dueDate: null, comment: 'Bổ sung phương pháp.', path: `/staff/tasks/${task.id}` }, null);
    expect(subject).toBe('[stinet] Hồ sơ bị trả lại, cần chỉnh sửa: ĐT-2024-401-000123 / Returned for changes');
    expect(text).toContain('đã được đơn vị đầu mối trả lại với ý kiến: “Bổ sung phương pháp.”');
    expect(text).not.toContain('Xem chi tiết');
    expect(text).not.toContain('http');
  });

  it('names the legal deadlines of ongoing forms and result registration', () => {
    const soon = reminderText({ kind: 'ongoing_form', stage: 'due_soon', task, dueDate: '2026-03-17', path: '/staff/tasks/x' }, null);
    expect(soon.text).toContain('chậm nhất ngày 17/03/2026 (30 ngày làm việc kể từ ngày ký hợp đồng)');
    const reg = reminderText({ kind: 'result_registration', stage: 'overdue', task, dueDate: '2025-12-16', acceptedOn: '2025-11-03', path: '/staff/tasks/x' }, null);
    expect(reg.subject).toContain('Quá hạn đăng ký kết quả thực hiện nhiệm vụ');
    expect(reg.text).toContain('nghiệm thu chính thức 03/11/2025');
    expect(formatVnDate('2026-01-09')).toBe('09/01/2026');
  });
});
