import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createLocalFileStorage } from './file-storage.js';
import { ALLOWED_KINDS, declaredExtension, peekHead, sniffFile, type AllowedKind, type SniffResult } from './sniff.js';

// ---------------------------------------------------------------------------------------------
// Sample builders: real (small) files, built byte by byte.

/** A minimal but complete PDF with a correct xref table. */
function pdf(version: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = `%PDF-${version}\n%\xE2\xE3\xCF\xD3\n`;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

interface ZipEntry {
  name: string;
  data: string | Buffer;
  /** Store uncompressed (ODF requires it for `mimetype`). */
  store?: boolean;
}

/** A real ZIP archive (local headers, central directory, end record), deflated unless `store`. */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const method = e.store ? 0 : 8;
    const packed = e.store ? raw : deflateRawSync(raw);
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="PART"/></Relationships>`;

function contentTypes(part: string, type: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${part}" ContentType="${type}"/></Types>`;
}

function docx(mainType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', extra: ZipEntry[] = []): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: contentTypes('word/document.xml', mainType) },
    { name: '_rels/.rels', data: RELS.replace('PART', 'word/document.xml') },
    {
      name: 'word/document.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Báo cáo tổng hợp</w:t></w:r></w:p></w:body></w:document>',
    },
    ...extra,
  ]);
}

function xlsx(): Buffer {
  return zip([
    { name: '[Content_Types].xml', data: contentTypes('xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml') },
    { name: '_rels/.rels', data: RELS.replace('PART', 'xl/workbook.xml') },
    {
      name: 'xl/workbook.xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
    },
  ]);
}

function odf(mime: string): Buffer {
  return zip([
    { name: 'mimetype', data: mime, store: true },
    { name: 'META-INF/manifest.xml', data: '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>' },
    { name: 'content.xml', data: '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>' },
  ]);
}

/** A minimal OLE2 compound file (v3, 512-byte sectors): header, one FAT sector, one directory sector. */
function cfb(streamNames: string[]): Buffer {
  const sector = 512;
  const buf = Buffer.alloc(sector * 3, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x3e, 0x18); // minor version
  buf.writeUInt16LE(3, 0x1a); // major version
  buf.writeUInt16LE(0xfffe, 0x1c); // byte order
  buf.writeUInt16LE(9, 0x1e); // sector shift: 512
  buf.writeUInt16LE(6, 0x20); // mini sector shift
  buf.writeUInt32LE(1, 0x2c); // number of FAT sectors
  buf.writeUInt32LE(1, 0x30); // first directory sector
  buf.writeUInt32LE(4096, 0x38); // mini stream cutoff
  buf.writeUInt32LE(0xfffffffe, 0x3c); // no mini FAT
  buf.writeUInt32LE(0xfffffffe, 0x44); // no extra DIFAT
  for (let i = 0; i < 109; i++) buf.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  // FAT (sector 0 at file offset 512): sector 0 is a FAT sector, sector 1 ends the directory chain.
  const fat = sector;
  for (let i = 0; i < 128; i++) buf.writeUInt32LE(0xffffffff, fat + i * 4);
  buf.writeUInt32LE(0xfffffffd, fat);
  buf.writeUInt32LE(0xfffffffe, fat + 4);
  // Directory (sector 1 at file offset 1024): root + up to 3 streams chained as right siblings.
  const dir = sector * 2;
  const entry = (i: number, name: string, type: number, right: number, child: number): void => {
    const at = dir + i * 128;
    const n = Buffer.from(`${name}\0`, 'utf16le');
    n.copy(buf, at);
    buf.writeUInt16LE(n.length, at + 0x40);
    buf.writeUInt8(type, at + 0x42);
    buf.writeUInt8(1, at + 0x43); // black
    buf.writeUInt32LE(0xffffffff, at + 0x44);
    buf.writeUInt32LE(right, at + 0x48);
    buf.writeUInt32LE(child, at + 0x4c);
    buf.writeUInt32LE(0xfffffffe, at + 0x74);
  };
  entry(0, 'Root Entry', 5, 0xffffffff, streamNames.length > 0 ? 1 : 0xffffffff);
  streamNames.slice(0, 3).forEach((name, i) => entry(i + 1, name, 2, i + 2 <= Math.min(streamNames.length, 3) ? i + 2 : 0xffffffff, 0xffffffff));
  return buf;
}

/** A Windows PE executable header: "MZ", DOS stub, e_lfanew → "PE\0\0". */
function exe(): Buffer {
  const buf = Buffer.alloc(1024, 0);
  buf.write('MZ', 0, 'latin1');
  buf.writeUInt16LE(0x90, 2);
  buf.writeUInt32LE(0x80, 0x3c);
  buf.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  buf.write('PE\0\0', 0x80, 'latin1');
  buf.writeUInt16LE(0x8664, 0x84);
  return buf;
}

/** A one-file ustar archive. */
function tar(name: string, content: string): Buffer {
  const data = Buffer.from(content, 'utf8');
  const header = Buffer.alloc(512, 0);
  header.write(name, 0, 'utf8');
  header.write('0000644\0', 100, 'latin1');
  header.write('0000000\0', 108, 'latin1');
  header.write('0000000\0', 116, 'latin1');
  header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  header.write('00000000000\0', 136, 'latin1');
  header.write('        ', 148, 'latin1');
  header.write('0', 156, 'latin1');
  header.write('ustar\0', 257, 'latin1');
  header.write('00', 263, 'latin1');
  let sum = 0;
  for (const b of header) sum += b;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  const padded = Buffer.alloc(Math.ceil(data.length / 512) * 512, 0);
  data.copy(padded);
  return Buffer.concat([header, padded, Buffer.alloc(1024, 0)]);
}

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

function expectOk(r: SniffResult, kind: AllowedKind, ext?: string): void {
  expect(r).toMatchObject({ ok: true, kind, mime: expect.any(String) as unknown });
  if (ext !== undefined && r.ok) expect(r.ext).toBe(ext);
}

function expectRejected(r: SniffResult, reason: string, detectedMime?: string | null): void {
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.reason).toBe(reason);
    expect(r.message.length).toBeGreaterThan(0);
    if (detectedMime !== undefined) expect(r.detectedMime).toBe(detectedMime);
  }
}

// ---------------------------------------------------------------------------------------------

describe('ALLOWED_KINDS', () => {
  it('describes every kind with a mime type, extensions and bilingual labels', () => {
    const kinds = Object.keys(ALLOWED_KINDS).sort();
    expect(kinds).toEqual(['7z', 'csv', 'doc', 'docx', 'gz', 'json', 'ods', 'odt', 'pdf', 'rtf', 'tar', 'txt', 'xls', 'xlsx', 'xml', 'zip'].sort());
    const seen = new Set<string>();
    for (const info of Object.values(ALLOWED_KINDS)) {
      expect(info.mime).toMatch(/^[a-z]+\/[\w.+-]+$/);
      expect(info.label.vi.length).toBeGreaterThan(0);
      expect(info.label.en.length).toBeGreaterThan(0);
      for (const e of info.extensions) {
        expect(seen.has(e)).toBe(false); // an extension maps to exactly one kind
        seen.add(e);
      }
    }
  });
});

describe('declaredExtension', () => {
  it('lowercases, keeps tar.gz whole, ignores directories and dot-files', () => {
    expect(declaredExtension('BaoCao.PDF')).toBe('pdf');
    expect(declaredExtension('C:\\Users\\a\\du-lieu.tar.gz')).toBe('tar.gz');
    expect(declaredExtension('src.tgz')).toBe('tgz');
    expect(declaredExtension('/tmp/x/report.final.docx ')).toBe('docx');
    expect(declaredExtension('README')).toBe('');
    expect(declaredExtension('.pdf')).toBe('');
  });
});

describe('sniffFile: PDF', () => {
  it('accepts PDF 1.4, 1.7 and 2.0', async () => {
    expectOk(await sniffFile(pdf('1.4'), 'bao-cao-tong-hop.pdf'), 'pdf', 'pdf');
    expectOk(await sniffFile(pdf('1.7'), 'BAO-CAO.PDF'), 'pdf', 'pdf');
    expectOk(await sniffFile(pdf('2.0'), 'x.pdf'), 'pdf');
    expect(await sniffFile(pdf('1.4'), 'a.pdf')).toEqual({ ok: true, kind: 'pdf', mime: 'application/pdf', ext: 'pdf' });
  });

  it('refuses PDF older than 1.4 (Circular 05/2021)', async () => {
    const r = await sniffFile(pdf('1.3'), 'old.pdf');
    expectRejected(r, 'disallowed_type', 'application/pdf');
    if (!r.ok) expect(r.message).toMatch(/1\.3.*1\.4/);
  });

  it('refuses a PDF renamed .docx or .txt', async () => {
    expectRejected(await sniffFile(pdf('1.5'), 'report.docx'), 'extension_mismatch', 'application/pdf');
    expectRejected(await sniffFile(pdf('1.5'), 'report.txt'), 'extension_mismatch', 'application/pdf');
  });

  it('reports a malformed PDF header as unrecognized', async () => {
    expectRejected(await sniffFile(utf8('%PDF-x.y\n'), 'a.pdf'), 'unrecognized');
  });
});

describe('sniffFile: executables and other disallowed binaries', () => {
  it('refuses a Windows executable, whatever its name (disallowed beats mismatch)', async () => {
    const r = await sniffFile(exe(), 'bao-cao.pdf');
    expectRejected(r, 'disallowed_type', 'application/x-msdownload');
    if (!r.ok) expect(r.message).toContain('.pdf');
    expectRejected(await sniffFile(exe(), 'setup.exe'), 'disallowed_type');
    expectRejected(await sniffFile(exe(), 'noext'), 'disallowed_type');
  });

  it('refuses images and ELF binaries', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    expectRejected(await sniffFile(png, 'map.png'), 'disallowed_type', 'image/png');
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);
    expectRejected(await sniffFile(elf, 'tool.zip'), 'disallowed_type');
  });

  it('reports random binary as unrecognized', async () => {
    const junk = Buffer.from([0x00, 0x13, 0x37, 0x00, 0xff, 0x10, 0x99, 0x00, 0x01, 0x02, 0x03, 0x00]);
    expectRejected(await sniffFile(junk, 'data.csv'), 'unrecognized', null);
  });

  it('reports empty content', async () => {
    expectRejected(await sniffFile(new Uint8Array(0), 'a.pdf'), 'empty', null);
    expectRejected(await sniffFile(utf8(' \n\t\r\n'), 'a.txt'), 'empty');
    expectRejected(await sniffFile(Buffer.from([0xef, 0xbb, 0xbf]), 'a.csv'), 'empty');
  });
});

describe('sniffFile: OOXML and ODF (zip containers)', () => {
  it('tells docx, xlsx, odt, ods and a plain zip apart', async () => {
    expect(await sniffFile(docx(), 'bao-cao.docx')).toEqual({ ok: true, kind: 'docx', mime: ALLOWED_KINDS.docx.mime, ext: 'docx' });
    expectOk(await sniffFile(xlsx(), 'so-lieu.xlsx'), 'xlsx');
    expectOk(await sniffFile(odf('application/vnd.oasis.opendocument.text'), 'bao-cao.odt'), 'odt');
    expectOk(await sniffFile(odf('application/vnd.oasis.opendocument.spreadsheet'), 'so-lieu.ods'), 'ods');
    expectOk(await sniffFile(zip([{ name: 'src/main.c', data: 'int main(void) { return 0; }\n' }]), 'ma-nguon.zip'), 'zip');
  });

  it('requires the extension to agree with the container', async () => {
    expectRejected(await sniffFile(docx(), 'bao-cao.pdf'), 'extension_mismatch', ALLOWED_KINDS.docx.mime);
    expectRejected(await sniffFile(docx(), 'bao-cao.zip'), 'extension_mismatch');
    expectRejected(await sniffFile(xlsx(), 'so-lieu.docx'), 'extension_mismatch');
    expectRejected(await sniffFile(odf('application/vnd.oasis.opendocument.text'), 'x.docx'), 'extension_mismatch');
    expectRejected(await sniffFile(zip([{ name: 'a.txt', data: 'a' }]), 'fake.docx'), 'extension_mismatch', 'application/zip');
  });

  it('refuses macro-enabled documents, presentations and Java archives', async () => {
    expectRejected(await sniffFile(docx('application/vnd.ms-word.document.macroEnabled.main+xml'), 'macro.docx'), 'disallowed_type');
    expectRejected(await sniffFile(odf('application/vnd.oasis.opendocument.presentation'), 'slides.odt'), 'disallowed_type');
    expectRejected(await sniffFile(zip([{ name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\n' }]), 'lib.zip'), 'disallowed_type', 'application/java-archive');
  });

  it('recognizes a docx from a truncated head when [Content_Types].xml comes first', async () => {
    const big = docx(undefined, [{ name: 'word/media/image1.bin', data: Buffer.alloc(200_000, 7), store: true }]);
    const r = await sniffFile(big.subarray(0, 4096), 'luan-an.docx');
    expectOk(r, 'docx');
  });
});

describe('sniffFile: legacy Office (OLE2 compound files)', () => {
  it('reads the directory to tell .doc from .xls', async () => {
    expect(await sniffFile(cfb(['WordDocument', '1Table', '\u0005SummaryInformation']), 'bao-cao.doc')).toEqual({
      ok: true,
      kind: 'doc',
      mime: 'application/msword',
      ext: 'doc',
    });
    expectOk(await sniffFile(cfb(['Workbook', '\u0005SummaryInformation']), 'so-lieu.xls'), 'xls');
    expectOk(await sniffFile(cfb(['Book']), 'excel95.xls'), 'xls');
  });

  it('refuses a .doc named .xls and vice versa', async () => {
    expectRejected(await sniffFile(cfb(['WordDocument']), 'so-lieu.xls'), 'extension_mismatch', 'application/msword');
    expectRejected(await sniffFile(cfb(['Workbook']), 'bao-cao.doc'), 'extension_mismatch', 'application/vnd.ms-excel');
  });

  it('refuses password-protected Office files, PowerPoint and other compound files (e.g. MSI)', async () => {
    const enc = await sniffFile(cfb(['EncryptionInfo', 'EncryptedPackage']), 'secret.docx');
    expectRejected(enc, 'disallowed_type', 'application/x-cfb');
    if (!enc.ok) expect(enc.message).toMatch(/password|encrypted/i);
    expectRejected(await sniffFile(cfb(['PowerPoint Document']), 'slides.doc'), 'disallowed_type');
    expectRejected(await sniffFile(cfb(['\u4840\u3f3f\u4577']), 'installer.doc'), 'disallowed_type');
  });

  it('falls back to the declared .doc/.xls when the directory lies beyond the head', async () => {
    const head = cfb(['WordDocument']).subarray(0, 512);
    expectOk(await sniffFile(head, 'big.doc'), 'doc');
    expectOk(await sniffFile(head, 'big.xls'), 'xls');
    expectRejected(await sniffFile(head, 'big.pdf'), 'extension_mismatch', 'application/x-cfb');
  });
});

describe('sniffFile: archives', () => {
  it('accepts 7z, tar, gz, tar.gz and tgz', async () => {
    const sevenZip = Buffer.concat([Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00, 0x04]), Buffer.alloc(24)]);
    expectOk(await sniffFile(sevenZip, 'du-lieu.7z'), '7z');
    const t = tar('data/readme.txt', 'Dữ liệu quan trắc\n');
    expectOk(await sniffFile(t, 'du-lieu.tar'), 'tar');
    expect(await sniffFile(gzipSync(t), 'du-lieu.tar.gz')).toEqual({ ok: true, kind: 'gz', mime: 'application/gzip', ext: 'tar.gz' });
    expectOk(await sniffFile(gzipSync(t), 'du-lieu.tgz'), 'gz', 'tgz');
    expectOk(await sniffFile(gzipSync(utf8('a,b\n1,2\n')), 'bang.csv.gz'), 'gz', 'gz');
  });

  it('refuses archives under the wrong name', async () => {
    expectRejected(await sniffFile(gzipSync(utf8('x')), 'a.zip'), 'extension_mismatch', 'application/gzip');
    expectRejected(await sniffFile(tar('a', 'b'), 'a.tar.gz'), 'extension_mismatch', 'application/x-tar');
  });
});

describe('sniffFile: text formats', () => {
  const csv = 'Mã nhiệm vụ,Tên nhiệm vụ,Kinh phí (triệu đồng)\nĐTĐL.CN-01/24,"Nghiên cứu ứng dụng công nghệ, giai đoạn 1",1250\n';

  it('accepts a UTF-8 Vietnamese CSV, with or without BOM', async () => {
    expect(await sniffFile(utf8(csv), 'ket-qua.csv')).toEqual({ ok: true, kind: 'csv', mime: 'text/csv', ext: 'csv', charset: 'utf-8' });
    expectOk(await sniffFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(csv)]), 'ket-qua.csv'), 'csv');
    expectOk(await sniffFile(utf8(csv), 'ket-qua.txt'), 'txt');
  });

  it('accepts UTF-16 with a BOM, refuses it without', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    expect(await sniffFile(le, 'excel-export.csv')).toMatchObject({ ok: true, kind: 'csv', charset: 'utf-16le' });
    const be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(csv, 'utf16le')]));
    for (let i = 2; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1] ?? 0, be[i] ?? 0];
    expect(await sniffFile(be, 'a.txt')).toMatchObject({ ok: true, kind: 'txt', charset: 'utf-16be' });
    expectRejected(await sniffFile(Buffer.from(csv, 'utf16le'), 'no-bom.csv'), 'unrecognized');
  });

  it('refuses legacy 8-bit Vietnamese (TCVN3) text as unrecognized', async () => {
    // "Bé c¸o" in TCVN3/ABC: bytes that are not valid UTF-8.
    const tcvn3 = Buffer.from([0x42, 0xb8, 0x6f, 0x20, 0x63, 0xb8, 0x6f, 0x0a]);
    const r = await sniffFile(tcvn3, 'bao-cao.txt');
    expectRejected(r, 'unrecognized', null);
    if (!r.ok) expect(r.message).toMatch(/UTF-8/);
  });

  it('tolerates a multi-byte character cut at the end of a head', async () => {
    const bytes = utf8(csv);
    const cut = bytes.subarray(0, bytes.indexOf(utf8('đồng')) + 2); // inside "ồ"
    expectOk(await sniffFile(cut, 'ket-qua.csv'), 'csv');
  });

  it('does not let a short binary signature shadow plain text ("BM" = BMP, "MZ" = EXE)', async () => {
    expectOk(await sniffFile(utf8('BMI,chieu_cao,can_nang\n22.5,170,65\n'), 'chi-so.csv'), 'csv');
    expectOk(await sniffFile(utf8('MZ-2024 ghi chú\n'), 'ghi-chu.txt'), 'txt');
  });

  it('accepts RTF only as .rtf', async () => {
    const rtf = utf8('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times New Roman;}}\\f0 B\\u225?o c\\u225?o}');
    expectOk(await sniffFile(rtf, 'bao-cao.rtf'), 'rtf');
    expectRejected(await sniffFile(rtf, 'bao-cao.txt'), 'extension_mismatch', 'application/rtf');
    expectRejected(await sniffFile(rtf, 'bao-cao.doc'), 'extension_mismatch');
  });

  it('accepts JSON and GeoJSON, including a truncated head', async () => {
    const geo = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { ten: 'Hà Nội' }, geometry: { type: 'Point', coordinates: [105.85, 21.03] } }] });
    expect(await sniffFile(utf8(geo), 'ban-do.geojson')).toEqual({ ok: true, kind: 'json', mime: 'application/geo+json', ext: 'geojson', charset: 'utf-8' });
    expectOk(await sniffFile(utf8('[1, 2, 3]'), 'a.json'), 'json');
    expectOk(await sniffFile(utf8(geo).subarray(0, 40), 'ban-do.geojson'), 'json');
    expectRejected(await sniffFile(utf8('ten,gia_tri\n'), 'a.json'), 'extension_mismatch', 'text/plain');
    expectRejected(await sniffFile(utf8(geo), 'ban-do.pdf'), 'extension_mismatch', 'application/json');
    expectOk(await sniffFile(utf8(geo), 'ban-do.txt'), 'txt'); // JSON is also plain text
  });

  it('accepts XML data, with a declaration, comment or DOCTYPE prolog', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Circular 14/2014 -->\n<!DOCTYPE ketQua [ <!ENTITY a "b"> ]>\n<ketQua><ten>Kết quả</ten></ketQua>\n';
    expect(await sniffFile(utf8(xml), 'ket-qua.xml')).toMatchObject({ ok: true, kind: 'xml', mime: 'application/xml' });
    expectOk(await sniffFile(utf8('<dataset id="1"/>'), 'a.xml'), 'xml');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    expect(await sniffFile(le, 'a.xml')).toMatchObject({ ok: true, kind: 'xml', charset: 'utf-16le' });
    expectRejected(await sniffFile(utf8(xml), 'a.json'), 'extension_mismatch', 'application/xml');
    expectRejected(await sniffFile(utf8('just words'), 'a.xml'), 'extension_mismatch', 'text/plain');
  });

  it('refuses HTML whatever the name, as a browser would sniff it', async () => {
    for (const html of [
      '<!DOCTYPE html><html><body>Báo cáo</body></html>',
      '  \n<html lang="vi"><head></head></html>',
      '<script>alert(1)</script>',
      '<p>Kết quả</p>',
      '<B>bold',
      '<!-- x --><iframe src="https://example.org"></iframe>',
      '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>',
      '<?xml version="1.0"?><root><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script></root>',
    ]) {
      for (const name of ['bao-cao.txt', 'bao-cao.csv', 'bao-cao.xml', 'bao-cao.html']) {
        const r = await sniffFile(utf8(html), name);
        expect(r.ok, `${html} as ${name}`).toBe(false);
        if (!r.ok) expect(r.reason, `${html} as ${name}`).toBe('disallowed_type');
      }
    }
  });

  it('refuses SVG, with or without an XML declaration', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>';
    expectRejected(await sniffFile(utf8(svg), 'ban-do.svg'), 'disallowed_type', 'image/svg+xml');
    expectRejected(await sniffFile(utf8(`<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n${svg}`), 'ban-do.xml'), 'disallowed_type', 'image/svg+xml');
    expectRejected(await sniffFile(utf8(`<?xml version="1.0"?>\n${svg}`), 'ban-do.txt'), 'disallowed_type', 'image/svg+xml');
  });

  it('only looks for markup at the start: a CSV cell mentioning <html> is fine', async () => {
    expectOk(await sniffFile(utf8('ten,ghi_chu\nA,"dùng thẻ <html> và <script>"\n'), 'a.csv'), 'csv');
    expectOk(await sniffFile(utf8('<abc>not an HTML tag</abc>'), 'a.xml'), 'xml');
  });

  it('refuses text with NUL or other binary control characters', async () => {
    expectRejected(await sniffFile(utf8('a,b\n1,\u00002\n'), 'a.csv'), 'unrecognized');
    expectRejected(await sniffFile(utf8('a\u0001b'), 'a.txt'), 'unrecognized');
  });

  it('refuses text under a binary or unknown extension', async () => {
    expectRejected(await sniffFile(utf8(csv), 'ket-qua.pdf'), 'extension_mismatch', 'text/plain');
    expectRejected(await sniffFile(utf8(csv), 'ket-qua.md'), 'extension_mismatch');
    expectRejected(await sniffFile(utf8(csv), 'ket-qua'), 'extension_mismatch');
  });
});

describe('peekHead', () => {
  it('returns the head and replays the whole stream into storage unchanged', async () => {
    const data = Buffer.concat([pdf('1.7'), Buffer.alloc(50_000, 0x20)]);
    async function* upload(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < data.length; i += 1000) yield data.subarray(i, i + 1000);
    }
    const { head, content } = await peekHead(upload(), 4096);
    expect(head.byteLength).toBe(4096);
    expectOk(await sniffFile(head, 'a.pdf'), 'pdf');

    const root = mkdtempSync(join(tmpdir(), 'stinet-sniff-'));
    try {
      const storage = createLocalFileStorage(root);
      const stored = await storage.put(content, { maxBytes: 1_000_000 });
      expect(stored.size).toBe(data.length);
      const back: Buffer[] = [];
      for await (const c of await storage.get(stored.key)) back.push(c as Buffer);
      expect(Buffer.concat(back).equals(data)).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('handles a source shorter than the head', async () => {
    async function* tiny(): AsyncGenerator<Uint8Array> {
      yield utf8('a,b\n');
    }
    const { head, content } = await peekHead(tiny());
    expect(Buffer.from(head).toString()).toBe('a,b\n');
    const chunks: Uint8Array[] = [];
    for await (const c of content) chunks.push(c);
    expect(Buffer.concat(chunks).toString()).toBe('a,b\n');
  });
});
