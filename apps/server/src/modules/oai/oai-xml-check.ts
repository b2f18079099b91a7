/**
 * A small strict XML reader for tests (no XML parser is a dependency): checks the declaration, tag balance, attribute
 * syntax, entity references and that every namespace prefix used is declared, and returns the element tree.
 */

/** An element of the parsed document. */
export interface XmlElement {
  /** Qualified name as written (e.g. `dc:title`). */
  name: string;
  /** Local name (after the prefix). */
  local: string;
  /** Namespace URI resolved from the in-scope declarations ('' when none). */
  ns: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element. */
  text: string;
}

const NAME = '[A-Za-z_][A-Za-z0-9_.-]*(?::[A-Za-z_][A-Za-z0-9_.-]*)?';
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (/[<]/.test(raw)) throw new Error(`XML: '<' in ${where}`);
  return raw.replace(/&([^;]*);?/g, (m, ent: string) => {
    if (!m.endsWith(';')) throw new Error(`XML: bare '&' in ${where}`);
    if (ENTITIES[ent] !== undefined) return ENTITIES[ent] as string;
    const num = /^#(\d+)$/.exec(ent) ?? /^#x([0-9a-fA-F]+)$/.exec(ent);
    if (num) return String.fromCodePoint(parseInt(num[1] as string, ent.startsWith('#x') ? 16 : 10));
    throw new Error(`XML: unknown entity &${ent}; in ${where}`);
  });
}

/** Parses a whole document; throws on anything not well-formed. */
export function parseXml(xml: string): XmlElement {
  let pos = 0;
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) throw new Error('XML: missing declaration');
  pos = xml.indexOf('?>') + 2;
  const stack: { el: XmlElement; nsMap: Map<string, string> }[] = [];
  let root: XmlElement | null = null;
  const tagRe = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"]*")*)\\s*(/?)>`, 'y');
  const attrRe = new RegExp(`\\s+(${NAME})\\s*=\\s*"([^"]*)"`, 'g');
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const text = lt < 0 ? xml.slice(pos) : xml.slice(pos, lt);
    if (text) {
      const top = stack[stack.length - 1];
      if (!top) {
        if (text.trim()) throw new Error('XML: text outside the root element');
      } else top.el.text += decode(text, `<${top.el.name}>`);
    }
    if (lt < 0) break;
    tagRe.lastIndex = lt;
    const m = tagRe.exec(xml);
    if (!m) throw new Error(`XML: malformed tag at ${lt}: ${xml.slice(lt, lt + 60)}`);
    pos = tagRe.lastIndex;
    const [, closing, name, rawAttrs, selfClosing] = m as unknown as [string, string, string, string, string];
    if (closing) {
      const top = stack.pop();
      if (!top || top.el.name !== name) throw new Error(`XML: </${name}> closes <${top?.el.name ?? '(none)'}>`);
      continue;
    }
    if (root && !stack.length) throw new Error('XML: more than one root element');
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs.matchAll(attrRe)) {
      const key = a[1] as string;
      if (key in attrs) throw new Error(`XML: duplicate attribute ${key} on <${name}>`);
      attrs[key] = decode(a[2] as string, `attribute ${key}`);
    }
    const nsMap = new Map(stack[stack.length - 1]?.nsMap ?? [['xml', 'http://www.w3.org/XML/1998/namespace']]);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'xmlns') nsMap.set('', v);
      else if (k.startsWith('xmlns:')) nsMap.set(k.slice(6), v);
    }
    for (const k of Object.keys(attrs)) {
      const prefix = k.includes(':') ? k.split(':')[0] : null;
      if (prefix && prefix !== 'xmlns' && !nsMap.has(prefix)) throw new Error(`XML: undeclared prefix ${prefix} on attribute ${k}`);
    }
    const prefix = name.includes(':') ? (name.split(':')[0] as string) : '';
    if (prefix && !nsMap.has(prefix)) throw new Error(`XML: undeclared prefix ${prefix} on <${name}>`);
    const el: XmlElement = { name, local: name.includes(':') ? (name.split(':')[1] as string) : name, ns: nsMap.get(prefix) ?? '', attrs, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.el.children.push(el);
    else root = el;
    if (!selfClosing) stack.push({ el, nsMap });
  }
  if (stack.length) throw new Error(`XML: <${stack[stack.length - 1]?.el.name}> not closed`);
  if (!root) throw new Error('XML: no root element');
  return root;
}

/** All descendants (depth first) with this local name. */
export function findAll(el: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.local === local) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** The first descendant with this local name, or throws. */
export function findOne(el: XmlElement, local: string): XmlElement {
  const found = findAll(el, local)[0];
  if (!found) throw new Error(`no <${local}> in <${el.name}>`);
  return found;
}

/** Direct children with this local name. */
export function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
}
