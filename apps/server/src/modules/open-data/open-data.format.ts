import { csvLine } from '@stinet/shared';
import type { z } from 'zod';

/**
 * CSV layout of the open-data dumps, derived from the public zod schemas (never a hand-written column list):
 * nested objects become dotted columns (`provinceUnit.code`), lists of values are joined with "; ".
 */

/** Separator of list values inside one CSV field. */
export const LIST_SEPARATOR = '; ';

/** One CSV column: its dotted path and the zod schema of its value (nullable/optional unwrapped). */
export interface OpenDataColumn {
  path: string[];
  name: string;
  schema: z.ZodType;
  nullable: boolean;
}

/** The zod definition type name ("string", "object", …) of a schema. */
function defType(schema: z.ZodType): string {
  return (schema as unknown as { def: { type: string } }).def.type;
}

/** Unwraps nullable / optional / default wrappers; reports whether null is allowed. */
export function unwrapSchema(schema: z.ZodType): { inner: z.ZodType; nullable: boolean } {
  let inner = schema;
  let nullable = false;
  for (;;) {
    const t = defType(inner);
    if (t !== 'nullable' && t !== 'optional' && t !== 'default') break;
    if (t !== 'default') nullable = true;
    inner = (inner as unknown as { def: { innerType: z.ZodType } }).def.innerType;
  }
  return { inner, nullable };
}

/** The columns of an object schema, in declaration order, nested objects flattened. */
export function columnsOf(schema: z.ZodType, prefix: string[] = [], parentNullable = false): OpenDataColumn[] {
  const { inner, nullable } = unwrapSchema(schema);
  if (defType(inner) !== 'object') return [{ path: prefix, name: prefix.join('.'), schema: inner, nullable: nullable || parentNullable }];
  const shape = (inner as unknown as { shape: Record<string, z.ZodType> }).shape;
  return Object.entries(shape).flatMap(([key, child]) => columnsOf(child, [...prefix, key], nullable || parentNullable));
}

/** A short type label for the data dictionary. */
export function typeLabel(col: OpenDataColumn): string {
  const t = defType(col.schema);
  const last = col.path[col.path.length - 1] ?? '';
  if (t === 'array') return 'string[]';
  if (t === 'enum') {
    const values = (col.schema as unknown as { options: string[] }).options;
    return `enum(${values.join('|')})`;
  }
  if (t === 'string') {
    const format = (col.schema as unknown as { def: { format?: string } }).def.format;
    if (format === 'uuid') return 'uuid';
    if (/At$/.test(last)) return 'datetime';
    if (/Date$/.test(last)) return 'date';
    return 'string';
  }
  return t;
}

function valueAt(record: unknown, path: string[]): unknown {
  let v: unknown = record;
  for (const key of path) {
    if (v === null || v === undefined || typeof v !== 'object') return null;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function cell(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x))).join(LIST_SEPARATOR);
  if (typeof v === 'object') return JSON.stringify(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** The CSV header line of a set of columns. */
export function csvHeader(columns: readonly OpenDataColumn[]): string {
  return csvLine(columns.map((c) => c.name));
}

/** One record as a CSV line (RFC 4180, CRLF). */
export function csvRow(columns: readonly OpenDataColumn[], record: unknown): string {
  return csvLine(columns.map((c) => cell(valueAt(record, c.path))));
}
