// A small, strict XML reader for WeCom's flat callback documents (<xml><Field>value</Field>…</xml>, with CDATA and
// at most a list such as <MemChangeList><Item>…</Item></MemChangeList>). It never expands entities beyond the five
// predefined ones and numeric references, refuses DOCTYPE / ENTITY declarations and processing instructions,
// bounds depth and element count, and insists that every tag closes — so hostile input costs linear time only.

export interface XmlElement {
  name: string;
  text: string;
  children: XmlElement[];
}

export class XmlError extends Error {}

export interface XmlLimits {
  maxDepth: number;
  maxElements: number;
}
const DEFAULTS: XmlLimits = { maxDepth: 6, maxElements: 20_000 };

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s]{0,12});?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new XmlError(`bare "&" in text (escape it as &amp;)`);
    if (ref in PREDEFINED) return PREDEFINED[ref]!;
    const code = /^#x[0-9a-fA-F]{1,6}$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]{1,7}$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
    if (Number.isNaN(code)) throw new XmlError(`unknown entity &${ref}; (only &lt; &gt; &amp; &quot; &apos; and numeric references are allowed)`);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      throw new XmlError(`character reference &${ref}; is not a valid character`);
    return String.fromCodePoint(code);
  });
}

/** Parses one document into its root element; throws XmlError naming the problem and its offset. */
export function parseXml(src: string, limits: XmlLimits = DEFAULTS): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let elements = 0;
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (msg: string): never => {
    throw new XmlError(`${msg} (at offset ${i})`);
  };
  const indexOrFail = (needle: string, from: number, what: string) => {
    const j = src.indexOf(needle, from);
    return j < 0 ? fail(`unterminated ${what}`) : j;
  };
  if (src.startsWith('<?xml', i)) i = indexOrFail('?>', i, 'XML declaration') + 2;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const textEnd = lt < 0 ? src.length : lt;
    if (textEnd > i) {
      const raw = src.slice(i, textEnd);
      const top = stack[stack.length - 1];
      if (top) top.text += decodeText(raw);
      else if (raw.trim() !== '') fail('text outside the root element');
      i = textEnd;
      continue;
    }
    if (src.startsWith('<!--', i)) {
      i = indexOrFail('-->', i + 4, 'comment') + 3;
      continue;
    }
    if (src.startsWith('<![CDATA[', i)) {
      const end = indexOrFail(']]>', i + 9, 'CDATA section');
      const top = stack[stack.length - 1] ?? fail('CDATA outside the root element');
      top.text += src.slice(i + 9, end);
      i = end + 3;
      continue;
    }
    if (src.startsWith('<!', i)) fail('DOCTYPE and ENTITY declarations are not accepted');
    if (src.startsWith('<?', i)) fail('processing instructions are not accepted');
    const gt = indexOrFail('>', i, 'tag');
    const inner = src.slice(i + 1, gt);
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim();
      const open = stack.pop() ?? fail(`closing tag </${name}> without an opening tag`);
      if (open.name !== name) fail(`closing tag </${name}> does not match <${open.name}>`);
      i = gt + 1;
      continue;
    }
    const name = NAME.exec(inner)?.[0] ?? fail('malformed tag');
    if (root && stack.length === 0) fail('more than one root element');
    if (++elements > limits.maxElements) fail(`more than ${limits.maxElements} elements`);
    if (stack.length >= limits.maxDepth) fail(`elements nested deeper than ${limits.maxDepth}`);
    const el: XmlElement = { name, text: '', children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    // Attributes are not used by WeCom and are ignored; a self-closing tag opens and closes at once.
    if (!inner.trimEnd().endsWith('/')) stack.push(el);
    i = gt + 1;
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is never closed`);
  return root ?? fail('no root element');
}

/** The root's leaf children as field → trimmed text (the first occurrence of each name wins). */
export function fields(root: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of root.children) if (c.children.length === 0 && !(c.name in out)) out[c.name] = c.text.trim();
  return out;
}

/** A list field: <Name><Item>a</Item>…</Name>, or the comma-separated text form some SDKs produce. */
export function listField(root: XmlElement, name: string): string[] {
  const el = root.children.find((c) => c.name === name);
  if (!el) return [];
  const raw = el.children.length > 0 ? el.children.map((c) => c.text) : el.text.split(',');
  return raw.map((s) => s.trim()).filter((s) => s !== '');
}
