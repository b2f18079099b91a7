import PDFDocument from 'pdfkit';
import type { RegistrationFileRole } from '@stinet/shared';
import { loadFonts } from '../modules/certificates/certificate-pdf.js';

const TITLES: Record<RegistrationFileRole, string> = {
  registration_form: 'PHIẾU ĐĂNG KÝ KẾT QUẢ THỰC HIỆN NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ (Mẫu 5)',
  final_report: 'BÁO CÁO TỔNG HỢP KẾT QUẢ NHIỆM VỤ',
  summary_report: 'BÁO CÁO TÓM TẮT KẾT QUẢ NHIỆM VỤ',
  data: 'DỮ LIỆU ĐIỀU TRA, KHẢO SÁT',
  acceptance_minutes: 'BIÊN BẢN HỌP HỘI ĐỒNG ĐÁNH GIÁ, NGHIỆM THU CHÍNH THỨC',
  author_agreement: 'VĂN BẢN THỎA THUẬN THỨ TỰ TÁC GIẢ',
  ip_application: 'ĐƠN ĐĂNG KÝ SỞ HỮU TRÍ TUỆ',
  technology_description: 'PHIẾU MÔ TẢ CÔNG NGHỆ (Mẫu 8)',
  other: 'TÀI LIỆU KHÁC',
};

/**
 * A one-page sample PDF for a dossier document role, with a fixed creation date so the bytes (and the content
 * address in the file storage) are the same on every run. The demo's dossiers share these few files.
 */
export async function demoDocumentPdf(role: RegistrationFileRole): Promise<Buffer> {
  const fonts = await loadFonts();
  const doc = new PDFDocument({ size: 'A4', margin: 72, info: { Title: TITLES[role], Author: 'stinet demo', CreationDate: new Date('2026-01-01T00:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.font('bold').fontSize(14).text(TITLES[role], { align: 'center' });
  doc.moveDown();
  doc.font('regular').fontSize(11).text('Tài liệu mẫu của bộ dữ liệu tổng hợp (dữ liệu giả lập, không phải hồ sơ thật). / Sample document of the synthetic demo dataset.', { align: 'center' });
  doc.end();
  return done;
}
