import { inflateRawSync } from 'node:zlib';
import type { Cell } from './mapping.js';

/**
 * A small, fast reader of the cell values of XLSX workbooks (Office Open XML spreadsheets), for imports. It reads the
 * ZIP container with node:zlib (every part decompressed whole, each bounded against ZIP bombs) and the few XML parts
 * it needs by pattern: workbook (sheet order, 1904 dates), relationships, shared strings, styles (which cells are
 * dates) and the worksheets. Values come out as strings, numbers, booleans or dates (UTC midnight for whole days).
 * Formulas give their cached result; errors read as empty.
 *
 * Written because ExcelJS's streaming reader decodes each inflated chunk separately and garbles Vietnamese letters
 * that straddle two chunks ("Không" → "Kh��ng"), while its whole-workbook reader builds an object per cell.
 */

/** A file that is not a readable XLSX workbook. */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxError';
  }
}

/** Largest decompressed size of one part (a ZIP bomb guard). */
const MAX_PART_BYTES = 1024 * 1024 * 1024;

interface ZipEntry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

function zipEntries(zip: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxError('not a ZIP archive (no end of central directory)');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new XlsxError('ZIP64 archives are not supported');
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) throw new XlsxError('broken ZIP central directory');
    const nameLength = zip.readUInt16LE(p + 28);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength).replace(/^\/+/, '');
    entries.set(name, { method: zip.readUInt16LE(p + 10), compressedSize: zip.readUInt32LE(p + 20), localOffset: zip.readUInt32LE(p + 42) });
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return entries;
}

function readPart(zip: Buffer, entries: Map<string, ZipEntry>, name: string): string | null {
  const e = entries.get(name);
  if (!e) return null;
  const at = e.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) throw new XlsxError(`broken ZIP entry ${name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + e.compressedSize);
  if (data.length !== e.compressedSize) throw new XlsxError(`truncated ZIP entry ${name}`);
  try {
    if (e.method === 0) return data.toString('utf8');
    if (e.method === 8) return inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES }).toString('utf8');
  } catch (err) {
    throw new XlsxError(`cannot inflate ${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  throw new XlsxError(`unsupported ZIP compression method ${e.method} for ${name}`);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML entities and the OOXML `_xHHHH_` escapes of string values. */
export function xmlText(raw: string): string {
  return raw
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e] as string),
    )
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

function attr(attrs: string, name: string): string | undefined {
  let re = ATTRIBUTE_PATTERNS.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}="([^"]*)"`);
    ATTRIBUTE_PATTERNS.set(name, re);
  }
  const m = re.exec(attrs);
  if (!m) return undefined;
  const raw = m[1] as string;
  return raw.includes('&') || raw.includes('_x') ? xmlText(raw) : raw;
}

/** The text of a string item (`<si>` or `<is>`): every `<t>` run, phonetic runs left out. */
function runText(xml: string): string {
  let out = '';
  const clean = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  for (const m of clean.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += xmlText(m[1] as string);
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True for a number format that shows a date or time. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Which style indexes (`s` of a cell) format a date. */
function dateStyles(styles: string | null): Set<number> {
  const out = new Set<number>();
  if (!styles) return out;
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attr(m[1] as string, 'numFmtId'));
    custom.set(id, attr(m[1] as string, 'formatCode') ?? '');
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  let i = 0;
  for (const m of xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>)/g)) {
    const id = Number(attr(m[1] as string, 'numFmtId') ?? 0);
    if (BUILTIN_DATE_FORMATS.has(id) || (custom.has(id) && isDateFormat(custom.get(id) as string))) out.add(i);
    i++;
  }
  return out;
}

/** 'AB' → 27 (1-based). */
function columnNumber(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** One row of a sheet: its 1-based number and its cells from column A (missing cells are null). */
export interface XlsxRow {
  row: number;
  cells: Cell[];
}

/** One worksheet: its name and its rows, read lazily. */
export interface XlsxSheet {
  name: string;
  rows(): Generator<XlsxRow>;
}

/** The worksheets of a workbook in tab order. Throws {@link XlsxError} when the file is not a readable workbook. */
export function readXlsx(content: Buffer): XlsxSheet[] {
  const entries = zipEntries(content);
  const workbook = readPart(content, entries, 'xl/workbook.xml');
  if (!workbook) throw new XlsxError('no xl/workbook.xml: not a spreadsheet');
  const rels = readPart(content, entries, 'xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const id = attr(m[1] as string, 'Id');
    const target = attr(m[1] as string, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook);
  const shared: string[] = [];
  const sst = readPart(content, entries, 'xl/sharedStrings.xml');
  if (sst) for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(m[1] === undefined ? '' : runText(m[1]));
  const dates = dateStyles(readPart(content, entries, 'xl/styles.xml'));
  const epoch = date1904 ? 24107 : 25569; // days from the Excel epoch to 1970-01-01

  const sheets: XlsxSheet[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const a = m[1] as string;
    const name = attr(a, 'name') ?? `Sheet${sheets.length + 1}`;
    const rid = attr(a, 'r:id') ?? /\s[\w]+:id="([^"]*)"/.exec(a)?.[1];
    const path = rid ? targets.get(rid) : undefined;
    if (!path) continue;
    sheets.push({
      name,
      *rows() {
        const xml = readPart(content, entries, path);
        if (!xml) return;
        let next = 1;
        for (const r of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
          const number = Number(attr(r[1] as string, 'r') ?? next);
          next = number + 1;
          const cells: Cell[] = [];
          let col = 0;
          for (const c of (r[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
            const ca = c[1] as string;
            const ref = attr(ca, 'r');
            col = ref ? columnNumber(ref) : col + 1;
            const body = c[2] ?? '';
            const type = attr(ca, 't') ?? 'n';
            const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
            let value: Cell = null;
            if (type === 'inlineStr') value = runText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
            else if (v === undefined) value = null;
            else if (type === 's') value = shared[Number(v)] ?? null;
            else if (type === 'str') value = xmlText(v);
            else if (type === 'b') value = v === '1' || v === 'true';
            else if (type === 'e') value = null;
            else if (type === 'd') value = new Date(xmlText(v));
            else {
              const num = Number(v);
              const style = Number(attr(ca, 's') ?? 0);
              value = !Number.isFinite(num) ? null : dates.has(style) ? new Date(Math.round((num - epoch) * 86_400_000)) : num;
            }
            while (cells.length < col - 1) cells.push(null);
            cells[col - 1] = value;
          }
          yield { row: number, cells };
        }
      },
    });
  }
  return sheets;
}
