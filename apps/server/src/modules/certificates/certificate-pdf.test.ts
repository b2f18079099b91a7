import { describe, expect, it } from 'vitest';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import QRCode from 'qrcode';
import { MAX_LISTED_MEMBERS, renderCertificatePdf, type CertificateData } from './certificate-pdf.js';

const TIMEOUT = 30_000;

// Every Vietnamese vowel family (a ă â e ê i o ô ơ u ư y) with all five tone marks
// (sắc, huyền, hỏi, ngã, nặng), lower and upper case, plus đ/Đ — built from combining
// marks so the NFC forms are computed, not typed.
const BASES = ['a', 'a\u0306', 'a\u0302', 'e', 'e\u0302', 'i', 'o', 'o\u0302', 'o\u031B', 'u', 'u\u031B', 'y'];
const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const LOWER = BASES.map((b) => [b, ...TONES.map((t) => b + t)].map((s) => s.normalize('NFC')).join(''));
const ALL_FORMS = [...LOWER, 'đ', ...LOWER.map((w) => w.toUpperCase()), 'Đ'].join(' ');
const ALL_CHARS = [...ALL_FORMS.replace(/ /g, '')];

const TASK_TITLE =
  'Nghiên cứu ứng dụng công nghệ sinh học trong sản xuất giống lúa chịu mặn ở Đồng bằng sông Cửu Long ' +
  'nhằm thích ứng với biến đổi khí hậu và nước biển dâng; ỨNG DỤNG, ĐẠI HỌC, Quảng Trị, Thừa Thiên Huế, Đắk Lắk, ' +
  'Bà Rịa - Vũng Tàu, Khánh Hòa, Thủ Dầu Một, Bắc Kạn, Hưng Yên';
const RESULT_TITLE = `Báo cáo tổng hợp kết quả và bộ dữ liệu kiểm thử dấu tiếng Việt: ${ALL_FORMS}`;
const NUMBER = '2026-0153/ĐKKQ';
const PI = 'PGS.TS. Trần Thị Ngọc Ánh';
const URL = 'https://stinet.gov.vn/xac-minh/giay-chung-nhan/2026-0153-DKKQ?ma=7f3c9a1b';
const MEMBERS = ['Lê Văn Đức', 'Phạm Thị Ỷ', 'Hoàng Quốc Việt', 'Đặng Ngọc Ẩn', 'Bùi Thị Ữa', 'Nguyễn Hữu Ước', 'Trương Mỹ Lệ', 'Võ Thị Sáu', 'Đinh Bộ Lĩnh', 'Lý Thường Kiệt', 'Ngô Quyền', 'Trần Hưng Đạo', 'Lê Lợi', 'Quang Trung', 'Hồ Xuân Hương'];

function sample(overrides: Partial<CertificateData> = {}): CertificateData {
  return {
    number: NUMBER,
    issuedOn: '2026-11-24',
    isCopy: false,
    copyIssuedOn: null,
    authority: {
      nameVi: 'Cục Thông tin, Thống kê',
      parentVi: 'Bộ Khoa học và Công nghệ',
      placeVi: 'Hà Nội',
      signerTitleVi: 'KT. Cục trưởng\nPhó Cục trưởng',
      signerName: 'Nguyễn Thị Hằng',
    },
    task: {
      code: 'ĐTĐL.CN-15/26',
      titleVi: TASK_TITLE,
      levelVi: 'Cấp quốc gia',
      acceptanceDate: '2026-09-05',
      acceptanceDecision: '2345/QĐ-BKHCN',
    },
    leadOrganization: { nameVi: 'Viện Lúa Đồng bằng sông Cửu Long', addressVi: 'Tân Thạnh, Thới Lai, thành phố Cần Thơ' },
    principalInvestigator: PI,
    members: MEMBERS,
    resultTitleVi: RESULT_TITLE,
    registrationNumber: '2026-02-566/KQNC',
    verificationUrl: URL,
    revoked: null,
    ...overrides,
  };
}

interface Extracted {
  pages: number;
  text: string;
  images: Array<{ width: number; height: number; kind: number; data: Uint8ClampedArray }>;
}

/** Text of every page (NFC, whitespace collapsed) and the decoded image XObjects of page 1. */
async function extract(buf: Buffer): Promise<Extracted> {
  const pdf = await getDocument({ data: new Uint8Array(buf) }).promise;
  try {
    const parts: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : '');
      }
      parts.push('\n');
    }
    const page = await pdf.getPage(1);
    const ops = await page.getOperatorList();
    const images: Extracted['images'] = [];
    for (let i = 0; i < ops.fnArray.length; i++) {
      if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
      const args: unknown = ops.argsArray[i];
      const name = Array.isArray(args) ? args[0] : undefined;
      if (typeof name !== 'string') continue;
      const img = await new Promise<Extracted['images'][number]>((resolve) => page.objs.get(name, resolve));
      images.push(img);
    }
    const text = parts.join('').normalize('NFC').replace(/\s+/g, ' ').trim();
    return { pages: pdf.numPages, text, images };
  } finally {
    await pdf.destroy();
  }
}

describe('renderCertificatePdf', () => {
  it('renders a one-page A4 PDF with embedded DejaVu Serif and exact Vietnamese text', { timeout: TIMEOUT }, async () => {
    const buf = await renderCertificatePdf(sample());
    const raw = buf.toString('latin1');

    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSerif\b/);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSerif-Bold\b/);
    // No standard (non-embedded) font is referenced.
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);

    const { pages, text } = await extract(buf);
    expect(pages).toBe(1);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('BỘ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(text).toContain('CỤC THÔNG TIN, THỐNG KÊ');
    expect(text).toContain('Hà Nội, ngày 24 tháng 11 năm 2026');
    expect(text).toContain('GIẤY CHỨNG NHẬN ĐĂNG KÝ KẾT QUẢ THỰC HIỆN NHIỆM VỤ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(text).toContain(`Số: ${NUMBER}`);
    expect(text).toContain(TASK_TITLE);
    expect(text).toContain(RESULT_TITLE);
    expect(text).toContain(PI);
    expect(text).toContain(URL);
    expect(text).toContain('2026-02-566/KQNC');
    expect(text).toContain('05/09/2026, theo Quyết định số 2345/QĐ-BKHCN');
    expect(text).toContain('KT. CỤC TRƯỞNG PHÓ CỤC TRƯỞNG');
    expect(text).toContain('Nguyễn Thị Hằng');
    for (const ch of ALL_CHARS) expect(text, `glyph ${ch} U+${ch.codePointAt(0)?.toString(16)}`).toContain(ch);

    // Members beyond the limit are summarized.
    expect(MEMBERS.length).toBeGreaterThan(MAX_LISTED_MEMBERS);
    expect(text).toContain(`${MEMBERS.slice(0, MAX_LISTED_MEMBERS).join(', ')} và ${MEMBERS.length - MAX_LISTED_MEMBERS} người khác`);
    expect(text).not.toContain(MEMBERS[MEMBERS.length - 1] ?? '');

    // An original carries neither mark.
    expect(text).not.toContain('BẢN SAO');
    expect(text).not.toContain('ĐÃ THU HỒI');
  });

  it('embeds the QR code of the verification URL as an image XObject (error correction M)', { timeout: TIMEOUT }, async () => {
    const buf = await renderCertificatePdf(sample());
    expect(buf.toString('latin1')).toMatch(/\/Subtype \/Image/);

    const { images } = await extract(buf);
    expect(images).toHaveLength(1);
    const img = images[0];
    if (!img) throw new Error('no image');

    // Sample the embedded bitmap at every module centre and compare with the symbol `qrcode`
    // builds for the URL at level M (the PNG was rendered with a 1-module quiet zone).
    const qr = QRCode.create(URL, { errorCorrectionLevel: 'M' });
    const size = qr.modules.size;
    const cells = size + 2;
    expect(img.width).toBe(img.height);
    expect(img.width % cells).toBe(0);
    const px = img.width / cells;
    const channels = img.data.length / (img.width * img.height);
    expect([3, 4]).toContain(channels);
    let mismatches = 0;
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        const x = Math.floor((c + 1.5) * px);
        const y = Math.floor((r + 1.5) * px);
        const dark = (img.data[(y * img.width + x) * channels] ?? 255) < 128;
        if (dark !== Boolean(qr.modules.get(r, c))) mismatches++;
      }
    }
    expect(mismatches).toBe(0);
  });

  it('marks a copy with "BẢN SAO" and the copy date', { timeout: TIMEOUT }, async () => {
    const { text } = await extract(await renderCertificatePdf(sample({ isCopy: true, copyIssuedOn: '2026-12-05' })));
    expect(text).toContain('BẢN SAO');
    expect(text).toContain('Cấp ngày 05/12/2026');
    // The copy keeps the original issue date.
    expect(text).toContain('Hà Nội, ngày 24 tháng 11 năm 2026');
  });

  it('marks a revoked certificate with "ĐÃ THU HỒI", the date and the reason', { timeout: TIMEOUT }, async () => {
    const reasonVi = 'Phát hiện sai sót nghiêm trọng về số liệu trong hồ sơ đăng ký.';
    const buf = await renderCertificatePdf(sample({ isCopy: true, copyIssuedOn: '2027-01-02', revoked: { on: '2027-01-10', reasonVi } }));
    const { pages, text } = await extract(buf);
    expect(pages).toBe(1);
    expect(text).toContain('ĐÃ THU HỒI');
    expect(text).toContain('đã bị thu hồi ngày 10 tháng 01 năm 2027');
    expect(text).toContain(`Lý do: ${reasonVi}`);
    expect(text).toContain('BẢN SAO');
    // The watermark is translucent.
    expect(buf.toString('latin1')).toMatch(/\/ca 0\.2\b/);
  });

  it('normalizes decomposed (NFD) input to NFC before drawing', { timeout: TIMEOUT }, async () => {
    const nfd = (s: string): string => s.normalize('NFD');
    const data = sample({ principalInvestigator: nfd(PI), task: { ...sample().task, titleVi: nfd(TASK_TITLE) } });
    const { text } = await extract(await renderCertificatePdf(data));
    expect(text).toContain(PI);
    expect(text).toContain(TASK_TITLE);
    expect(text).not.toMatch(/[\u0300-\u036f]/);
  });

  it('omits the members row when there are none and prints dates in the administrative style', { timeout: TIMEOUT }, async () => {
    const { text } = await extract(await renderCertificatePdf(sample({ members: [], issuedOn: '2026-02-05' })));
    expect(text).not.toContain('Thành viên tham gia');
    expect(text).toContain('Hà Nội, ngày 05 tháng 02 năm 2026');
  });

  it('is deterministic and writes only Title, Author, Subject and CreationDate metadata', { timeout: TIMEOUT }, async () => {
    const a = await renderCertificatePdf(sample());
    const b = await renderCertificatePdf(sample());
    expect(a.equals(b)).toBe(true);

    const raw = a.toString('latin1');
    for (const key of ['Producer', 'Creator', 'ModDate', 'Keywords', 'Metadata']) expect(raw).not.toContain(`/${key} `);

    const pdf = await getDocument({ data: new Uint8Array(a) }).promise;
    try {
      const { info } = await pdf.getMetadata();
      // pdf.js adds its own derived keys (IsLinearized, PDFFormatVersion, Language…); compare the document's own.
      const fields = Object.fromEntries(
        Object.entries(info as Record<string, unknown>).filter(([k]) => ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate', 'ModDate', 'Trapped', 'Custom'].includes(k)),
      );
      expect(Object.keys(fields).sort()).toEqual(['Author', 'CreationDate', 'Subject', 'Title']);
      expect(fields['Author']).toBe('Cục Thông tin, Thống kê');
      expect(fields['Title']).toBe(`Giấy chứng nhận đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ số ${NUMBER}`);
      expect(fields['CreationDate']).toMatch(/^D:20261124000000Z/);
    } finally {
      await pdf.destroy();
    }
  });

  it('rejects malformed dates', async () => {
    await expect(renderCertificatePdf(sample({ issuedOn: '2026-02-30' }))).rejects.toThrow(RangeError);
    await expect(renderCertificatePdf(sample({ task: { ...sample().task, acceptanceDate: '24/11/2026' } }))).rejects.toThrow(RangeError);
  });
});
