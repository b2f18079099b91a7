import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * Everything printed on a registration certificate ("Giấy chứng nhận đăng ký kết quả thực hiện
 * nhiệm vụ khoa học và công nghệ", Circular 14/2014/TT-BKHCN as amended by 11/2023). The renderer
 * is independent of the database: callers assemble this plain object.
 */
export interface CertificateData {
  /** Unique certificate number, e.g. '2026-0153/ĐKKQ'. */
  number: string;
  /** Issue date of the original certificate, 'YYYY-MM-DD'. */
  issuedOn: string;
  /** Copies carry a visible "BẢN SAO" mark and the copy date. */
  isCopy: boolean;
  /** Date the copy was issued, 'YYYY-MM-DD' (only meaningful when `isCopy`). */
  copyIssuedOn?: string | null;
  /** The competent body issuing the certificate and its signer. */
  authority: { nameVi: string; parentVi: string | null; placeVi: string; signerTitleVi: string; signerName: string };
  /** The S&T task whose result is registered; `acceptanceDate` is 'YYYY-MM-DD'. */
  task: { code: string; titleVi: string; levelVi: string; acceptanceDate: string; acceptanceDecision: string | null };
  /** The organization that led the task. */
  leadOrganization: { nameVi: string; addressVi: string | null };
  /** Full name of the principal investigator (chủ nhiệm nhiệm vụ). */
  principalInvestigator: string;
  /** Other members; may be empty. At most {@link MAX_LISTED_MEMBERS} are printed, then "và N người khác". */
  members: string[];
  /** Title of the registered result. */
  resultTitleVi: string;
  /** Archive number of the deposited result, e.g. '2026-02-566/KQNC'. */
  registrationNumber: string;
  /** Public URL that says whether the certificate is valid; encoded in the QR code and printed under it. */
  verificationUrl: string;
  /** Set when the certificate has been revoked: the page then carries an "ĐÃ THU HỒI" watermark and the reason. */
  revoked?: { on: string; reasonVi: string } | null;
}

/** How many members are listed by name before the rest are summarized as "và N người khác". */
export const MAX_LISTED_MEMBERS = 12;

// ---------------------------------------------------------------------------------------------
// Page geometry (PDF points, 72 per inch). A4 portrait, margins 2–2.5 cm.
// ---------------------------------------------------------------------------------------------

const CM = 72 / 2.54;
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const M_TOP = 2 * CM;
const M_BOTTOM = 2 * CM;
const M_LEFT = 2.5 * CM;
const M_RIGHT = 2 * CM;
const CONTENT_W = PAGE_W - M_LEFT - M_RIGHT;
const BOTTOM_Y = PAGE_H - M_BOTTOM;

const HEADER_LEFT_W = 205;
const HEADER_GAP = 8;
const HEADER_RIGHT_W = CONTENT_W - HEADER_LEFT_W - HEADER_GAP;

const LABEL_MIN_W = 110;
const LABEL_MAX_W = 170;
const LABEL_GAP = 10;

const SIGN_W = 235;
const QR_SIZE = 88;
const SIGNATURE_SPACE = 72;
const FOOTER_CAPTION = 'Quét mã QR hoặc truy cập địa chỉ sau để kiểm tra hiệu lực của giấy chứng nhận:';

const BODY_SIZES = [13, 12.5, 12, 11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8] as const;

const COLOR_TEXT = '#000000';
const COLOR_MARK = '#c00000';

const F_REGULAR = 'DejaVuSerif';
const F_BOLD = 'DejaVuSerif-Bold';
const F_ITALIC = 'DejaVuSerif-Italic';

// ---------------------------------------------------------------------------------------------
// Fonts: DejaVu Serif from the `dejavu-fonts-ttf` package, never system fonts.
// ---------------------------------------------------------------------------------------------

/** The font files the PDFs embed. */
export interface FontSet {
  regular: Buffer;
  bold: Buffer;
  italic: Buffer;
}

let fontsPromise: Promise<FontSet> | null = null;

/** The embedded DejaVu Serif fonts (regular, bold, italic), loaded once. */
export function loadFonts(): Promise<FontSet> {
  if (!fontsPromise) {
    // Resolving the package manifest works the same from src (tsx/vitest) and from a compiled dist.
    const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fontsPromise = Promise.all([
      readFile(join(dir, 'DejaVuSerif.ttf')),
      readFile(join(dir, 'DejaVuSerif-Bold.ttf')),
      readFile(join(dir, 'DejaVuSerif-Italic.ttf')),
    ]).then(([regular, bold, italic]) => ({ regular, bold, italic }));
    fontsPromise.catch(() => {
      fontsPromise = null;
    });
  }
  return fontsPromise;
}

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------

function nfc(s: string): string {
  return s.normalize('NFC');
}

function upper(s: string): string {
  return nfc(s).toLocaleUpperCase('vi-VN').normalize('NFC');
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseYmd(value: string, field: string): Ymd {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new RangeError(`${field}: expected YYYY-MM-DD, got ${JSON.stringify(value)}`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`${field}: not a calendar date: ${value}`);
  }
  return { y, m, d };
}

/** "ngày 05 tháng 02 năm 2026": days below 10 and months 1–2 get a leading zero (Decree 30/2020). */
function longDateVi({ y, m, d }: Ymd): string {
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m < 3 ? `0${m}` : String(m);
  return `ngày ${dd} tháng ${mm} năm ${y}`;
}

function shortDateVi({ y, m, d }: Ymd): string {
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

function membersLine(members: readonly string[]): string {
  const names = members.map((n) => nfc(n).trim()).filter((n) => n.length > 0);
  const shown = names.slice(0, MAX_LISTED_MEMBERS);
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} và ${rest} người khác` : shown.join(', ');
}

// ---------------------------------------------------------------------------------------------
// Normalized view of the input
// ---------------------------------------------------------------------------------------------

interface Row {
  label: string;
  value: string;
}

interface Prepared {
  number: string;
  issued: Ymd;
  copyIssued: Ymd | null;
  isCopy: boolean;
  parentUpper: string | null;
  authorityUpper: string;
  authorityName: string;
  place: string;
  signerTitleLines: string[];
  signerName: string;
  rows: Row[];
  closing: string;
  verificationUrl: string;
  revoked: { on: Ymd; reason: string } | null;
  metaTitle: string;
  metaSubject: string;
}

function prepare(data: CertificateData): Prepared {
  const issued = parseYmd(data.issuedOn, 'issuedOn');
  const accepted = parseYmd(data.task.acceptanceDate, 'task.acceptanceDate');
  const copyIssued = data.isCopy && data.copyIssuedOn ? parseYmd(data.copyIssuedOn, 'copyIssuedOn') : null;
  const revoked = data.revoked ? { on: parseYmd(data.revoked.on, 'revoked.on'), reason: nfc(data.revoked.reasonVi).trim() } : null;

  const authorityName = nfc(data.authority.nameVi).trim();
  const decision = data.task.acceptanceDecision ? nfc(data.task.acceptanceDecision).trim() : '';
  const acceptance = decision
    ? `${shortDateVi(accepted)}, theo Quyết định số ${decision}`
    : shortDateVi(accepted);

  const rows: Row[] = [
    { label: 'Tên nhiệm vụ:', value: nfc(data.task.titleVi).trim() },
    { label: 'Mã số:', value: nfc(data.task.code).trim() },
    { label: 'Cấp quản lý:', value: nfc(data.task.levelVi).trim() },
    { label: 'Tổ chức chủ trì:', value: nfc(data.leadOrganization.nameVi).trim() },
  ];
  const address = data.leadOrganization.addressVi ? nfc(data.leadOrganization.addressVi).trim() : '';
  if (address) rows.push({ label: 'Địa chỉ:', value: address });
  rows.push({ label: 'Chủ nhiệm nhiệm vụ:', value: nfc(data.principalInvestigator).trim() });
  const members = membersLine(data.members);
  if (members) rows.push({ label: 'Thành viên tham gia:', value: members });
  rows.push(
    { label: 'Kết quả thực hiện:', value: nfc(data.resultTitleVi).trim() },
    { label: 'Ngày nghiệm thu:', value: acceptance },
    { label: 'Số đăng ký kết quả:', value: nfc(data.registrationNumber).trim() },
  );

  const number = nfc(data.number).trim();
  return {
    number,
    issued,
    copyIssued,
    isCopy: data.isCopy,
    parentUpper: data.authority.parentVi && data.authority.parentVi.trim() ? upper(data.authority.parentVi.trim()) : null,
    authorityUpper: upper(authorityName),
    authorityName,
    place: nfc(data.authority.placeVi).trim(),
    signerTitleLines: nfc(data.authority.signerTitleVi)
      .split(/\r?\n/)
      .map((l) => upper(l.trim()))
      .filter((l) => l.length > 0),
    signerName: nfc(data.authority.signerName).trim(),
    rows,
    closing: `Kết quả thực hiện nhiệm vụ nêu trên đã được đăng ký, giao nộp và lưu giữ tại ${authorityName}.`,
    verificationUrl: nfc(data.verificationUrl).trim(),
    revoked,
    metaTitle: `Giấy chứng nhận đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ số ${number}`,
    metaSubject: `Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ ${nfc(data.task.code).trim()}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------------------------

type Doc = PDFKit.PDFDocument;

function textHeight(doc: Doc, font: string, size: number, text: string, width: number, lineGap: number): number {
  return doc.font(font).fontSize(size).heightOfString(text, { width, lineGap });
}

/** Draws a wrapped block and returns the y just below it. */
function block(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  font: string,
  size: number,
  align: 'left' | 'center' | 'right' | 'justify',
  lineGap = 1,
): number {
  doc.font(font).fontSize(size).text(text, x, y, { width, align, lineGap });
  return y + textHeight(doc, font, size, text, width, lineGap);
}

/** Largest size (down to `min`) at which `text` fits on one line of `width`. */
function fitSize(doc: Doc, font: string, text: string, width: number, max: number, min: number): number {
  doc.font(font);
  for (let size = max; size > min; size -= 0.25) {
    if (doc.fontSize(size).widthOfString(text) <= width) return size;
  }
  return min;
}

/** Agency names stay on one line when a slightly smaller size allows it, keeping clear of the right column. */
function headerLineSize(doc: Doc, font: string, text: string): number {
  const inner = HEADER_LEFT_W - 10;
  const size = fitSize(doc, font, text, inner, 11.5, 10);
  return doc.font(font).fontSize(size).widthOfString(text) <= inner ? size : 11.5;
}

function drawHeader(doc: Doc, p: Prepared): number {
  // Left: parent agency (regular) and issuing authority (bold), uppercase, centered, short rule below.
  const lx = M_LEFT;
  let ly = M_TOP;
  if (p.parentUpper) ly = block(doc, p.parentUpper, lx, ly, HEADER_LEFT_W, F_REGULAR, headerLineSize(doc, F_REGULAR, p.parentUpper), 'center');
  ly = block(doc, p.authorityUpper, lx, ly, HEADER_LEFT_W, F_BOLD, headerLineSize(doc, F_BOLD, p.authorityUpper), 'center');
  const ruleW = HEADER_LEFT_W * 0.4;
  ly += 3;
  doc.save().lineWidth(0.6).moveTo(lx + (HEADER_LEFT_W - ruleW) / 2, ly).lineTo(lx + (HEADER_LEFT_W + ruleW) / 2, ly).stroke(COLOR_TEXT).restore();
  ly += 4;

  // Right: national title and motto, the motto underlined over its own width.
  const rx = M_LEFT + HEADER_LEFT_W + HEADER_GAP;
  const national = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const nationalSize = fitSize(doc, F_BOLD, national, HEADER_RIGHT_W, 12, 9);
  let ry = block(doc, national, rx, M_TOP, HEADER_RIGHT_W, F_BOLD, nationalSize, 'center');
  const mottoSize = fitSize(doc, F_BOLD, motto, HEADER_RIGHT_W, 13, 9);
  ry = block(doc, motto, rx, ry + 1, HEADER_RIGHT_W, F_BOLD, mottoSize, 'center');
  const mottoW = doc.font(F_BOLD).fontSize(mottoSize).widthOfString(motto);
  ry += 2;
  doc.save().lineWidth(0.6).moveTo(rx + (HEADER_RIGHT_W - mottoW) / 2, ry).lineTo(rx + (HEADER_RIGHT_W + mottoW) / 2, ry).stroke(COLOR_TEXT).restore();
  ry += 12;

  // Place and date, italic, under the motto.
  ry = block(doc, `${p.place}, ${longDateVi(p.issued)}`, rx, ry, HEADER_RIGHT_W, F_ITALIC, 12, 'center');
  return Math.max(ly, ry);
}

function drawCopyMark(doc: Doc, p: Prepared): void {
  const lines: Array<[string, string, number]> = [['BẢN SAO', F_BOLD, 12]];
  if (p.copyIssued) lines.push([`Cấp ngày ${shortDateVi(p.copyIssued)}`, F_REGULAR, 8]);
  const boxW = 112;
  const padding = 4;
  const contentH = lines.reduce((h, [t, f, s]) => h + textHeight(doc, f, s, t, boxW - 2 * padding, 0), 0);
  const boxH = contentH + 2 * padding;
  const x = PAGE_W - M_RIGHT - boxW;
  const y = Math.max(12, M_TOP - boxH - 8);
  doc.save().lineWidth(1.2).rect(x, y, boxW, boxH).stroke(COLOR_MARK).restore();
  doc.fillColor(COLOR_MARK);
  let cy = y + padding;
  for (const [t, f, s] of lines) cy = block(doc, t, x + padding, cy, boxW - 2 * padding, f, s, 'center', 0);
  doc.fillColor(COLOR_TEXT);
}

interface BodyLayout {
  size: number;
  lineGap: number;
  rowGap: number;
  labelW: number;
  valueW: number;
  rowHeights: number[];
  closingH: number;
  height: number;
}

function introText(p: Prepared): string {
  return `${p.authorityName} chứng nhận kết quả thực hiện nhiệm vụ khoa học và công nghệ sau đây đã được đăng ký:`;
}

function measureBody(doc: Doc, p: Prepared, size: number): BodyLayout {
  const lineGap = size >= 11 ? 2 : 1;
  const rowGap = size >= 11 ? 4 : 2;
  doc.font(F_BOLD).fontSize(size);
  const widest = Math.max(...p.rows.map((r) => doc.widthOfString(r.label)));
  const labelW = Math.min(LABEL_MAX_W, Math.max(LABEL_MIN_W, Math.ceil(widest) + 1));
  const valueW = CONTENT_W - labelW - LABEL_GAP;
  const introH = textHeight(doc, F_REGULAR, size, introText(p), CONTENT_W, lineGap);
  const rowHeights = p.rows.map((r) =>
    Math.max(textHeight(doc, F_BOLD, size, r.label, labelW, lineGap), textHeight(doc, F_REGULAR, size, r.value, valueW, lineGap)),
  );
  const closingH = textHeight(doc, F_REGULAR, size, p.closing, CONTENT_W, lineGap);
  const height = introH + 8 + rowHeights.reduce((a, h) => a + h + rowGap, 0) + 6 + closingH;
  return { size, lineGap, rowGap, labelW, valueW, rowHeights, closingH, height };
}

/** Draws the body; only content too long for one page even at the smallest size spills onto another. */
function drawBody(doc: Doc, p: Prepared, layout: BodyLayout, top: number): number {
  const { size, lineGap, rowGap, labelW, valueW } = layout;
  let y = block(doc, introText(p), M_LEFT, top, CONTENT_W, F_REGULAR, size, 'justify', lineGap) + 8;
  p.rows.forEach((row, i) => {
    const h = layout.rowHeights[i] ?? 0;
    if (y + h > BOTTOM_Y) {
      doc.addPage();
      y = M_TOP;
    }
    block(doc, row.label, M_LEFT, y, labelW, F_BOLD, size, 'left', lineGap);
    block(doc, row.value, M_LEFT + labelW + LABEL_GAP, y, valueW, F_REGULAR, size, 'left', lineGap);
    y += h + rowGap;
  });
  y += 6;
  if (y + layout.closingH > BOTTOM_Y) {
    doc.addPage();
    y = M_TOP;
  }
  return block(doc, p.closing, M_LEFT, y, CONTENT_W, F_REGULAR, size, 'justify', lineGap);
}

function revokedNoticeText(p: Prepared): string {
  if (!p.revoked) return '';
  const reason = p.revoked.reason ? ` Lý do: ${p.revoked.reason}` : '';
  return `ĐÃ THU HỒI: Giấy chứng nhận này đã bị thu hồi ${longDateVi(p.revoked.on)} và không còn giá trị.${reason}`;
}

const NOTICE_PAD = 6;
const NOTICE_SIZE = 10.5;

function drawRevokedNotice(doc: Doc, p: Prepared, y: number): number {
  const text = revokedNoticeText(p);
  const h = textHeight(doc, F_BOLD, NOTICE_SIZE, text, CONTENT_W - 2 * NOTICE_PAD, 1) + 2 * NOTICE_PAD;
  doc.save().lineWidth(1.2).rect(M_LEFT, y, CONTENT_W, h).stroke(COLOR_MARK).restore();
  doc.fillColor(COLOR_MARK);
  block(doc, text, M_LEFT + NOTICE_PAD, y + NOTICE_PAD, CONTENT_W - 2 * NOTICE_PAD, F_BOLD, NOTICE_SIZE, 'left', 1);
  doc.fillColor(COLOR_TEXT);
  return y + h;
}

function drawRevokedWatermark(doc: Doc): void {
  const text = 'ĐÃ THU HỒI';
  const cx = PAGE_W / 2;
  const cy = PAGE_H / 2;
  doc.font(F_BOLD).fontSize(84);
  const w = doc.widthOfString(text);
  const h = doc.currentLineHeight();
  doc.save();
  doc.rotate(-38, { origin: [cx, cy] });
  doc.fillColor(COLOR_MARK).fillOpacity(0.2);
  doc.text(text, cx - w / 2, cy - h / 2, { lineBreak: false });
  doc.restore();
  doc.fillColor(COLOR_TEXT).fillOpacity(1);
}

// Bottom block: signer on the right, QR bottom-aligned on the left, then a full-width caption and URL.

const SIGN_TITLE_SIZE = 12;
const SIGN_NAME_SIZE = 12.5;
const CAPTION_SIZE = 8;
const URL_MAX_SIZE = 9;
const URL_MIN_SIZE = 6;

function signerHeight(doc: Doc, p: Prepared): number {
  const titleH = p.signerTitleLines.reduce((h, l) => h + textHeight(doc, F_BOLD, SIGN_TITLE_SIZE, l, SIGN_W, 1), 0);
  return titleH + SIGNATURE_SPACE + textHeight(doc, F_BOLD, SIGN_NAME_SIZE, p.signerName, SIGN_W, 1);
}

function urlSize(doc: Doc, p: Prepared): number {
  return fitSize(doc, F_REGULAR, p.verificationUrl, CONTENT_W, URL_MAX_SIZE, URL_MIN_SIZE);
}

function footerHeight(doc: Doc, p: Prepared): number {
  return (
    4 +
    textHeight(doc, F_ITALIC, CAPTION_SIZE, FOOTER_CAPTION, CONTENT_W, 0) +
    1 +
    textHeight(doc, F_REGULAR, urlSize(doc, p), p.verificationUrl, CONTENT_W, 0)
  );
}

function bottomHeight(doc: Doc, p: Prepared): number {
  return Math.max(signerHeight(doc, p), QR_SIZE) + footerHeight(doc, p);
}

function drawBottom(doc: Doc, p: Prepared, png: Buffer, top: number): void {
  const upperH = Math.max(signerHeight(doc, p), QR_SIZE);

  const sx = PAGE_W - M_RIGHT - SIGN_W;
  let sy = top;
  for (const line of p.signerTitleLines) sy = block(doc, line, sx, sy, SIGN_W, F_BOLD, SIGN_TITLE_SIZE, 'center', 1);
  block(doc, p.signerName, sx, sy + SIGNATURE_SPACE, SIGN_W, F_BOLD, SIGN_NAME_SIZE, 'center', 1);

  doc.image(png, M_LEFT, top + upperH - QR_SIZE, { width: QR_SIZE, height: QR_SIZE });

  let y = top + upperH + 4;
  y = block(doc, FOOTER_CAPTION, M_LEFT, y, CONTENT_W, F_ITALIC, CAPTION_SIZE, 'left', 0) + 1;
  block(doc, p.verificationUrl, M_LEFT, y, CONTENT_W, F_REGULAR, urlSize(doc, p), 'left', 0);
}

/**
 * Renders one registration certificate as a single A4 portrait PDF page in the Vietnamese
 * administrative layout, with embedded DejaVu Serif fonts and a QR code of the verification URL.
 * Output is deterministic for the same input (the PDF creation date is the issue date).
 * @throws RangeError when a date is not a valid 'YYYY-MM-DD' calendar date.
 */
export async function renderCertificatePdf(data: CertificateData): Promise<Buffer> {
  const p = prepare(data);
  const [fonts, qrPng] = await Promise.all([
    loadFonts(),
    QRCode.toBuffer(p.verificationUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 8 }),
  ]);

  const doc = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margins: { top: M_TOP, bottom: M_BOTTOM, left: M_LEFT, right: M_RIGHT },
    lang: 'vi-VN',
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: p.metaTitle,
      Author: p.authorityName,
      Subject: p.metaSubject,
      CreationDate: new Date(Date.UTC(p.issued.y, p.issued.m - 1, p.issued.d)),
    },
  });
  // Only Title, Author, Subject and CreationDate go into the document information dictionary.
  delete doc.info.Producer;
  delete doc.info.Creator;

  const chunks: Uint8Array[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont(F_REGULAR, fonts.regular);
  doc.registerFont(F_BOLD, fonts.bold);
  doc.registerFont(F_ITALIC, fonts.italic);
  doc.font(F_REGULAR).fillColor(COLOR_TEXT);

  if (p.isCopy) drawCopyMark(doc, p);

  let y = drawHeader(doc, p) + 22;
  y = block(doc, 'GIẤY CHỨNG NHẬN', M_LEFT, y, CONTENT_W, F_BOLD, 15, 'center', 1) + 2;
  // Two balanced lines rather than letting the long subtitle leave an orphan word.
  y = block(doc, 'ĐĂNG KÝ KẾT QUẢ THỰC HIỆN NHIỆM VỤ\nKHOA HỌC VÀ CÔNG NGHỆ', M_LEFT, y, CONTENT_W, F_BOLD, 13, 'center', 1) + 4;
  y = block(doc, `Số: ${p.number}`, M_LEFT, y, CONTENT_W, F_REGULAR, 12.5, 'center', 1) + 12;

  if (p.revoked) y = drawRevokedNotice(doc, p, y) + 10;

  // Pick the largest body size that leaves room for the signature, QR code and URL on the same page.
  const bottomH = bottomHeight(doc, p);
  const bottomGap = 16;
  const available = BOTTOM_Y - y - bottomGap - bottomH;
  const smallest = BODY_SIZES[BODY_SIZES.length - 1] ?? 8;
  let layout = measureBody(doc, p, smallest);
  for (const size of BODY_SIZES) {
    const candidate = measureBody(doc, p, size);
    if (candidate.height <= available) {
      layout = candidate;
      break;
    }
  }

  y = drawBody(doc, p, layout, y) + bottomGap;
  if (y + bottomH > BOTTOM_Y) {
    doc.addPage();
    y = M_TOP;
  }
  drawBottom(doc, p, qrPng, y);

  if (p.revoked) {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      drawRevokedWatermark(doc);
    }
  }

  doc.end();
  return done;
}
