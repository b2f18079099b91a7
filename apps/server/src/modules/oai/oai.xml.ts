/**
 * A small XML writer: every text and attribute value is escaped here and nowhere else, characters XML 1.0 forbids
 * are dropped, and elements must be closed in order (a mismatch throws), so the output is always well-formed.
 */

/** Attribute values by name; undefined and null attributes are left out. */
export type XmlAttrs = Record<string, string | number | null | undefined>;

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
// eslint-disable-next-line no-control-regex
const INVALID_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes character data (text content). */
export function escapeText(value: string): string {
  return value.replace(INVALID_CHARS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (always written in double quotes). */
export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*(:[A-Za-z_][A-Za-z0-9_.-]*)?$/;

function checkName(name: string): string {
  if (!NAME.test(name)) throw new Error(`invalid XML name: ${name}`);
  return name;
}

function attrs(a: XmlAttrs | undefined): string {
  if (!a) return '';
  let out = '';
  for (const [k, v] of Object.entries(a)) if (v !== undefined && v !== null) out += ` ${checkName(k)}="${escapeAttr(String(v))}"`;
  return out;
}

/** Builds an XML document by appending; `toString()` refuses an unfinished document. */
export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  private readonly stack: string[] = [];

  /** Opens an element. */
  open(name: string, a?: XmlAttrs): this {
    this.parts.push(`<${checkName(name)}${attrs(a)}>`);
    this.stack.push(name);
    return this;
  }

  /** Closes the innermost open element, which must be `name`. */
  close(name: string): this {
    const top = this.stack.pop();
    if (top !== name) throw new Error(`XML writer: closing <${name}> but <${top ?? '(none)'}> is open`);
    this.parts.push(`</${name}>`);
    return this;
  }

  /** An element with text content (empty text → an empty element). */
  leaf(name: string, text: string | number | null | undefined, a?: XmlAttrs): this {
    const t = text === null || text === undefined ? '' : escapeText(String(text));
    this.parts.push(t === '' ? `<${checkName(name)}${attrs(a)}/>` : `<${checkName(name)}${attrs(a)}>${t}</${name}>`);
    return this;
  }

  /** An element with text, only when the text is present and not blank. */
  optional(name: string, text: string | null | undefined, a?: XmlAttrs): this {
    if (text !== null && text !== undefined && text.trim() !== '') this.leaf(name, text, a);
    return this;
  }

  /** Calls `body` between the opening and closing tags. */
  wrap(name: string, a: XmlAttrs | undefined, body: (w: this) => void): this {
    this.open(name, a);
    body(this);
    return this.close(name);
  }

  /** The document; throws when an element is still open. */
  toString(): string {
    if (this.stack.length) throw new Error(`XML writer: <${this.stack.join('><')}> not closed`);
    return this.parts.join('');
  }
}
