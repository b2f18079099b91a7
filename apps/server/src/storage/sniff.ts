import { fileTypeFromBuffer } from 'file-type';

/**
 * Content sniffing for deposited S&T result files. The declared file name is never trusted: the
 * type is decided from the bytes, and the name's extension must then agree with it.
 *
 * Accepted: the input formats of Circular 05/2021/TT-BKHCN (TXT, CSV, RTF, PDF ≥ 1.4, DOC, DOCX,
 * ODT, XLS, XLSX, ODS) plus data and source archives (ZIP, 7Z, TAR, GZ/TAR.GZ/TGZ) and JSON
 * (incl. GeoJSON) / XML data. Binary formats are recognized by `file-type` signatures; text
 * formats by content. Decisions worth knowing:
 * - Anything that a browser would sniff as HTML (WHATWG MIME sniffing patterns at the start of the
 *   text), and SVG or XHTML, is `disallowed_type` whatever the name: these are active content
 *   (stored XSS if ever rendered inline) and not deposit formats.
 * - A disallowed content type wins over a name mismatch: an executable named `.pdf` is reported as
 *   `disallowed_type` (message names the declared extension), so the user is not told "rename it".
 * - Legacy `.doc`/`.xls` are OLE2 compound files; `file-type` only says "cfb", so the root storage's
 *   stream names are read here (`WordDocument` → doc, `Workbook`/`Book` → xls). Password-protected
 *   Office files (`EncryptedPackage`), PowerPoint, MSI and other CFB files are rejected. When the
 *   directory lies beyond the supplied head, the declared `.doc`/`.xls` is accepted as is.
 * - Text must be UTF-8 (BOM optional) or UTF-16 with a BOM, without NUL or other binary control
 *   characters. Legacy Vietnamese 8-bit encodings (TCVN3/ABC, VNI) are `unrecognized`: convert to
 *   Unicode (TCVN 6909:2001) first.
 * - Macro-enabled OOXML (docm/xlsm), presentations, templates, EPUB, JAR/APK are `disallowed_type`.
 * - Archives are accepted as opaque containers; their members are not inspected (never extract them
 *   server-side).
 */

/** File kinds accepted for deposit. */
export type AllowedKind =
  | 'txt'
  | 'csv'
  | 'rtf'
  | 'pdf'
  | 'doc'
  | 'docx'
  | 'odt'
  | 'xls'
  | 'xlsx'
  | 'ods'
  | 'zip'
  | '7z'
  | 'tar'
  | 'gz'
  | 'json'
  | 'xml';

/** Text encodings accepted for text kinds. */
export type TextCharset = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Description of an accepted kind, for validation and for the upload UI. */
export interface AllowedKindInfo {
  /** Canonical media type to store and serve the file with. */
  mime: string;
  /** Accepted file-name extensions, lowercase without the dot (first one is canonical). */
  extensions: readonly string[];
  /** Bilingual label for the UI. */
  label: { vi: string; en: string };
}

/** Accepted kinds with media type, extensions and a Vietnamese + English label. */
export const ALLOWED_KINDS: Readonly<Record<AllowedKind, AllowedKindInfo>> = {
  txt: { mime: 'text/plain', extensions: ['txt'], label: { vi: 'Văn bản thuần (TXT)', en: 'Plain text (TXT)' } },
  csv: { mime: 'text/csv', extensions: ['csv'], label: { vi: 'Dữ liệu bảng phân tách bằng dấu phẩy (CSV)', en: 'Comma-separated values (CSV)' } },
  rtf: { mime: 'application/rtf', extensions: ['rtf'], label: { vi: 'Văn bản định dạng RTF', en: 'Rich Text Format (RTF)' } },
  pdf: { mime: 'application/pdf', extensions: ['pdf'], label: { vi: 'Tài liệu PDF (phiên bản 1.4 trở lên)', en: 'PDF document (version 1.4 or later)' } },
  doc: { mime: 'application/msword', extensions: ['doc'], label: { vi: 'Tài liệu Microsoft Word 97–2003 (DOC)', en: 'Microsoft Word 97–2003 document (DOC)' } },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: { vi: 'Tài liệu Microsoft Word (DOCX)', en: 'Microsoft Word document (DOCX)' },
  },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: { vi: 'Văn bản OpenDocument (ODT)', en: 'OpenDocument text (ODT)' } },
  xls: { mime: 'application/vnd.ms-excel', extensions: ['xls'], label: { vi: 'Bảng tính Microsoft Excel 97–2003 (XLS)', en: 'Microsoft Excel 97–2003 workbook (XLS)' } },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: { vi: 'Bảng tính Microsoft Excel (XLSX)', en: 'Microsoft Excel workbook (XLSX)' },
  },
  ods: {
    mime: 'application/vnd.oasis.opendocument.spreadsheet',
    extensions: ['ods'],
    label: { vi: 'Bảng tính OpenDocument (ODS)', en: 'OpenDocument spreadsheet (ODS)' },
  },
  zip: { mime: 'application/zip', extensions: ['zip'], label: { vi: 'Tệp nén ZIP', en: 'ZIP archive' } },
  '7z': { mime: 'application/x-7z-compressed', extensions: ['7z'], label: { vi: 'Tệp nén 7-Zip (7Z)', en: '7-Zip archive (7Z)' } },
  tar: { mime: 'application/x-tar', extensions: ['tar'], label: { vi: 'Tệp lưu trữ TAR', en: 'TAR archive' } },
  gz: {
    mime: 'application/gzip',
    extensions: ['gz', 'tar.gz', 'tgz'],
    label: { vi: 'Tệp nén GZIP (GZ, TAR.GZ, TGZ)', en: 'Gzip-compressed file (GZ, TAR.GZ, TGZ)' },
  },
  json: { mime: 'application/json', extensions: ['json', 'geojson'], label: { vi: 'Dữ liệu JSON / GeoJSON', en: 'JSON / GeoJSON data' } },
  xml: { mime: 'application/xml', extensions: ['xml'], label: { vi: 'Dữ liệu XML', en: 'XML data' } },
};

/** Minimum PDF version accepted (Circular 05/2021/TT-BKHCN). */
export const MIN_PDF_VERSION = { major: 1, minor: 4 } as const;

/**
 * How many leading bytes callers should pass to {@link sniffFile} (see {@link peekHead}). Enough for
 * the OOXML `[Content_Types].xml` / ODF `mimetype` entries (first in files written by Office and
 * LibreOffice) and for the OLE2 directory of most legacy Office files.
 */
export const SNIFF_HEAD_BYTES = 1024 * 1024;

/** Why a file was refused. */
export type SniffRejection = 'disallowed_type' | 'extension_mismatch' | 'empty' | 'unrecognized';

/** Outcome of {@link sniffFile}. */
export type SniffResult =
  | {
      ok: true;
      kind: AllowedKind;
      /** Media type to store/serve with (GeoJSON: `application/geo+json`). */
      mime: string;
      /** The declared extension, lowercase, without the dot (one of the kind's extensions). */
      ext: string;
      /** Encoding, for text kinds only (serve as `; charset=…`). */
      charset?: TextCharset;
    }
  | { ok: false; reason: SniffRejection; detectedMime: string | null; message: string };

/** Kinds that `file-type` reports under the same extension name as ours. */
const DIRECT_BINARY_KINDS: readonly AllowedKind[] = ['rtf', 'docx', 'xlsx', 'odt', 'ods', 'zip', '7z', 'tar'];

function isDirectBinaryKind(ext: string): ext is AllowedKind {
  return (DIRECT_BINARY_KINDS as readonly string[]).includes(ext);
}

const ALLOWED_EXTENSION_TO_KIND: ReadonlyMap<string, AllowedKind> = new Map(
  (Object.entries(ALLOWED_KINDS) as [AllowedKind, AllowedKindInfo][]).flatMap(([kind, info]) => info.extensions.map((e) => [e, kind] as const)),
);

/**
 * The declared extension of a file name: lowercase, without the dot, `tar.gz` kept whole; `''`
 * when there is none. Any directory part (`/` or `\`) is ignored.
 */
export function declaredExtension(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').trim().toLowerCase();
  if (base.endsWith('.tar.gz') && base.length > '.tar.gz'.length) return 'tar.gz';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1) : '';
}

function reject(reason: SniffRejection, detectedMime: string | null, message: string): SniffResult {
  return { ok: false, reason, detectedMime, message };
}

function describeExt(ext: string): string {
  return ext ? `.${ext}` : 'no extension';
}

/** Accepts `kind` if the declared extension is one of its extensions, else reports the mismatch. */
function accept(kind: AllowedKind, ext: string, charset?: TextCharset): SniffResult {
  const info = ALLOWED_KINDS[kind];
  if (!info.extensions.includes(ext)) {
    const expected = info.extensions.map((e) => `.${e}`).join(', ');
    return reject(
      'extension_mismatch',
      info.mime,
      `The file name has ${describeExt(ext)} but the content is ${info.label.en}; expected ${expected}`,
    );
  }
  const mime = kind === 'json' && ext === 'geojson' ? 'application/geo+json' : info.mime;
  return charset ? { ok: true, kind, mime, ext, charset } : { ok: true, kind, mime, ext };
}

// ---------------------------------------------------------------------------------------------
// Text

/** Binary C0 controls: everything below 0x20 except TAB, LF, VT, FF, CR, SUB (DOS EOF) and ESC. */
const BINARY_CONTROL = /[\u0000-\u0008\u000E-\u0019\u001C-\u001F]/;

/** Decodes UTF-8 (BOM optional) or BOM-marked UTF-16; `null` when invalid or binary-looking. */
function decodeText(head: Uint8Array): { text: string; charset: TextCharset } | null {
  let charset: TextCharset = 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) charset = 'utf-16le';
  else if (head[0] === 0xfe && head[1] === 0xff) charset = 'utf-16be';
  let text: string;
  try {
    // `stream: true` tolerates a multi-byte sequence cut at the end of a truncated head. The BOM is stripped.
    text = new TextDecoder(charset, { fatal: true }).decode(head, { stream: true });
  } catch {
    return null;
  }
  if (BINARY_CONTROL.test(text)) return null;
  return { text, charset };
}

/** Tag names that the WHATWG MIME sniffing algorithm treats as HTML at the start of a resource. */
const HTML_SNIFF_TAGS: ReadonlySet<string> = new Set(['html', 'head', 'script', 'iframe', 'h1', 'div', 'font', 'table', 'a', 'style', 'title', 'b', 'body', 'br', 'p']);
/** Root elements of active XML content. */
const ACTIVE_XML_ROOTS: ReadonlySet<string> = new Set(['svg', 'html']);
const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/**
 * Detects HTML, XHTML and SVG: the first markup after whitespace, comments, processing
 * instructions and a DOCTYPE. Returns the media type found, or null.
 */
function detectActiveMarkup(text: string): string | null {
  let s = text.replace(/^[\t\n\f\r ]+/, '');
  if (!s.startsWith('<')) return null;
  for (let guard = 0; guard < 100; guard++) {
    s = s.replace(/^[\t\n\f\r ]+/, '');
    if (s.startsWith('<?')) {
      const end = s.indexOf('?>');
      if (end < 0) break;
      s = s.slice(end + 2);
      continue;
    }
    if (s.startsWith('<!--')) {
      const end = s.indexOf('-->');
      if (end < 0) return 'text/html'; // an unterminated comment at the start: browsers sniff this as HTML
      s = s.slice(end + 3);
      continue;
    }
    const doctype = /^<!doctype[\t\n\f\r ]+([A-Za-z][\w.:-]*)/i.exec(s);
    if (doctype) {
      const name = (doctype[1] ?? '').toLowerCase();
      if (name === 'html') return 'text/html';
      if (name === 'svg') return 'image/svg+xml';
      // Skip the DOCTYPE, including an internal subset `[ … ]`.
      const gt = s.indexOf('>');
      const subset = s.indexOf('[');
      const end = subset >= 0 && subset < gt ? s.indexOf('>', Math.max(s.indexOf(']', subset), subset)) : gt;
      if (end < 0) break;
      s = s.slice(end + 1);
      continue;
    }
    break;
  }
  const tag = /^<([A-Za-z][\w.:-]*)/.exec(s);
  if (tag) {
    const qname = (tag[1] ?? '').toLowerCase();
    const local = qname.includes(':') ? qname.slice(qname.indexOf(':') + 1) : qname;
    if (local === 'svg') return 'image/svg+xml';
    if (ACTIVE_XML_ROOTS.has(local) || HTML_SNIFF_TAGS.has(qname)) return 'text/html';
  }
  // XML that pulls in the XHTML or SVG namespace renders (and runs scripts) in a browser too.
  const lower = text.toLowerCase();
  if (lower.includes(SVG_NAMESPACE)) return 'image/svg+xml';
  if (lower.includes(XHTML_NAMESPACE)) return 'application/xhtml+xml';
  return null;
}

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    // A truncated head cannot parse; fall back to the opening bracket.
    return /^[\t\n\r ]*[{[]/.test(text);
  }
}

function classifyText(head: Uint8Array, ext: string): SniffResult {
  const decoded = decodeText(head);
  if (!decoded) {
    return reject(
      'unrecognized',
      null,
      'Unrecognized content: not a supported binary format, and not text in UTF-8 or BOM-marked UTF-16 (convert legacy TCVN3/VNI text to Unicode)',
    );
  }
  const { text, charset } = decoded;
  if (text.trim() === '') return reject('empty', 'text/plain', 'The file contains no data');

  const active = detectActiveMarkup(text);
  if (active) {
    const what = active === 'image/svg+xml' ? 'SVG image' : 'HTML/XHTML document';
    return reject('disallowed_type', active, `${what} (active web content) is not accepted (declared ${describeExt(ext)})`);
  }
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{\\rtf')) return accept('rtf', ext);

  const isJson = looksLikeJson(text);
  const isXml = trimmed.startsWith('<');
  const detectedMime = isJson ? 'application/json' : isXml ? 'application/xml' : 'text/plain';
  const declaredKind = ALLOWED_EXTENSION_TO_KIND.get(ext);
  switch (declaredKind) {
    case 'txt':
    case 'csv':
      // Any clean text is acceptable as plain text or CSV (CSV has no signature).
      return accept(declaredKind, ext, charset);
    case 'json':
      if (isJson) return accept('json', ext, charset);
      break;
    case 'xml':
      if (isXml) return accept('xml', ext, charset);
      break;
    default:
      break;
  }
  const fallback: AllowedKind = isJson ? 'json' : isXml ? 'xml' : 'txt';
  const expected = fallback === 'txt' ? '.txt, .csv' : `${ALLOWED_KINDS[fallback].extensions.map((e) => `.${e}`).join(', ')}, .txt`;
  const what = fallback === 'txt' ? 'plain text' : ALLOWED_KINDS[fallback].label.en;
  return reject('extension_mismatch', detectedMime, `The file name has ${describeExt(ext)} but the content is ${what}; expected ${expected}`);
}

// ---------------------------------------------------------------------------------------------
// PDF

function classifyPdf(head: Uint8Array, ext: string): SniffResult {
  const header = new TextDecoder('latin1').decode(head.subarray(0, 16));
  const m = /^%PDF-(\d{1,2})\.(\d{1,2})/.exec(header);
  if (!m) return reject('unrecognized', 'application/pdf', 'Malformed PDF header (expected "%PDF-1.x")');
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major < MIN_PDF_VERSION.major || (major === MIN_PDF_VERSION.major && minor < MIN_PDF_VERSION.minor)) {
    return reject(
      'disallowed_type',
      'application/pdf',
      `PDF version ${major}.${minor} is older than the required ${MIN_PDF_VERSION.major}.${MIN_PDF_VERSION.minor}; re-save it as PDF 1.4 or later (e.g. PDF/A)`,
    );
  }
  return accept('pdf', ext);
}

// ---------------------------------------------------------------------------------------------
// OLE2 compound file (legacy Office)

type CfbGuess = { kind: 'doc' | 'xls' } | { kind: 'other'; what: string } | { kind: 'unknown' };

const CFB_END_OF_CHAIN = 0xfffffffe;
const CFB_NO_STREAM = 0xffffffff;
const CFB_MAX_SECTORS = 4096;

/**
 * Reads the names of the root storage's direct children from the CFB directory, following the
 * FAT chain as far as the head reaches. Decides Word vs Excel vs other.
 */
function classifyCfb(buf: Uint8Array): CfbGuess {
  if (buf.byteLength < 512) return { kind: 'unknown' };
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const sectorShift = view.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) return { kind: 'unknown' };
  const sectorSize = 1 << sectorShift;
  const sectorOffset = (s: number): number => (s + 1) * sectorSize;
  const fatEntriesPerSector = sectorSize / 4;

  /** Next sector in a chain, or null when the FAT sector holding it is not in the head. */
  const nextSector = (s: number): number | null => {
    const fatIndex = Math.floor(s / fatEntriesPerSector);
    if (fatIndex >= 109) return null; // would need the extended DIFAT; not worth it for sniffing
    const fatSector = view.getUint32(0x4c + fatIndex * 4, true);
    if (fatSector >= CFB_END_OF_CHAIN) return null;
    const at = sectorOffset(fatSector) + (s % fatEntriesPerSector) * 4;
    if (at + 4 > buf.byteLength) return null;
    return view.getUint32(at, true);
  };

  const entries = new Map<number, { name: string; left: number; right: number; child: number }>();
  const entriesPerSector = sectorSize / 128;
  const utf16 = new TextDecoder('utf-16le');
  let sector = view.getUint32(0x30, true);
  let complete = false;
  const seen = new Set<number>();
  for (let chainIndex = 0; chainIndex < CFB_MAX_SECTORS; chainIndex++) {
    if (sector === CFB_END_OF_CHAIN) {
      complete = true;
      break;
    }
    if (sector > 0xfffffffa || seen.has(sector)) break; // special value or loop: corrupt
    seen.add(sector);
    const base = sectorOffset(sector);
    if (base + sectorSize > buf.byteLength) break;
    for (let j = 0; j < entriesPerSector; j++) {
      const at = base + j * 128;
      const nameLength = view.getUint16(at + 0x40, true);
      const type = view.getUint8(at + 0x42);
      if (type === 0 || nameLength < 2 || nameLength > 64) continue;
      entries.set(chainIndex * entriesPerSector + j, {
        name: utf16.decode(buf.subarray(at, at + nameLength - 2)),
        left: view.getUint32(at + 0x44, true),
        right: view.getUint32(at + 0x48, true),
        child: view.getUint32(at + 0x4c, true),
      });
    }
    const next = nextSector(sector);
    if (next === null) break;
    sector = next;
  }

  const root = entries.get(0);
  if (!root) return { kind: 'unknown' };
  const names = new Set<string>();
  let missing = !complete;
  const stack = [root.child];
  const visited = new Set<number>();
  while (stack.length > 0) {
    const id = stack.pop();
    if (id === undefined || id === CFB_NO_STREAM || visited.has(id)) continue;
    visited.add(id);
    const entry = entries.get(id);
    if (!entry) {
      missing = true;
      continue;
    }
    names.add(entry.name);
    stack.push(entry.left, entry.right);
  }
  if (names.has('EncryptionInfo') || names.has('EncryptedPackage')) return { kind: 'other', what: 'password-protected (encrypted) Office document' };
  if (names.has('WordDocument')) return { kind: 'doc' };
  if (names.has('Workbook') || names.has('Book')) return { kind: 'xls' };
  if (names.has('PowerPoint Document')) return { kind: 'other', what: 'PowerPoint presentation' };
  if (missing) return { kind: 'unknown' };
  return { kind: 'other', what: 'OLE2 compound file that is not a Word or Excel document (e.g. an MSI installer)' };
}

// ---------------------------------------------------------------------------------------------

/**
 * Decides whether a deposited file is acceptable, from its first bytes and its declared name.
 *
 * Pass the whole file when it is small, otherwise at least its first {@link SNIFF_HEAD_BYTES}
 * (see {@link peekHead}). Never throws for bad content; the result says why it was refused.
 */
export async function sniffFile(head: Uint8Array, declaredName: string): Promise<SniffResult> {
  const ext = declaredExtension(declaredName);
  if (head.byteLength === 0) return reject('empty', null, 'The file is empty');

  let detected: { ext: string; mime: string } | undefined;
  try {
    detected = await fileTypeFromBuffer(head);
  } catch {
    detected = undefined; // malformed container: treat as unknown and let the text check decide
  }

  if (!detected || detected.ext === 'xml') return classifyText(head, ext);
  if (detected.ext === 'pdf') return classifyPdf(head, ext);
  if (detected.ext === 'gz' || detected.ext === 'tar.gz') return accept('gz', ext);
  if (isDirectBinaryKind(detected.ext)) return accept(detected.ext, ext);
  if (detected.ext === 'cfb') {
    const guess = classifyCfb(head);
    if (guess.kind === 'doc' || guess.kind === 'xls') return accept(guess.kind, ext);
    if (guess.kind === 'other') return reject('disallowed_type', detected.mime, `${guess.what} is not accepted (declared ${describeExt(ext)})`);
    // Directory not within the head: the container is right for either legacy format.
    if (ext === 'doc' || ext === 'xls') return accept(ext, ext);
    return reject('extension_mismatch', detected.mime, `The file name has ${describeExt(ext)} but the content is a legacy Office (OLE2) file; expected .doc or .xls`);
  }
  // A short signature (e.g. "BM" for BMP, "MZ" for EXE, "ID3" for MP3) can match the first bytes of
  // ordinary text such as a CSV starting "BMI,…". Real binaries are never clean text, so clean text wins.
  if (decodeText(head)) return classifyText(head, ext);
  return reject('disallowed_type', detected.mime, `Content type ${detected.mime} (.${detected.ext}) is not accepted (declared ${describeExt(ext)})`);
}

/**
 * Reads the first `bytes` bytes of a stream for {@link sniffFile} without losing them: returns the
 * head and an iterable that replays the buffered chunks, then the rest of the source (feed it to
 * `FileStorage.put`). Sniff before storing: rejecting after `put` and deleting the key could remove
 * an identical object that another record legitimately references (keys are deduplicated).
 */
export async function peekHead(
  source: AsyncIterable<Uint8Array>,
  bytes: number = SNIFF_HEAD_BYTES,
): Promise<{ head: Uint8Array; content: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const buffered: Uint8Array[] = [];
  let collected = 0;
  let exhausted = false;
  while (collected < bytes) {
    const r = await iterator.next();
    if (r.done) {
      exhausted = true;
      break;
    }
    buffered.push(r.value);
    collected += r.value.byteLength;
  }
  const all = Buffer.concat(buffered);
  const head = all.subarray(0, Math.min(bytes, all.byteLength));
  async function* replay(): AsyncGenerator<Uint8Array> {
    let finished = exhausted;
    try {
      for (const chunk of buffered) yield chunk;
      while (!finished) {
        const r = await iterator.next();
        if (r.done) {
          finished = true;
          break;
        }
        yield r.value;
      }
    } finally {
      if (!finished) await iterator.return?.();
    }
  }
  return { head, content: replay() };
}
