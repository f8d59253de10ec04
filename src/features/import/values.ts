// Cell values of import files: text, money (元 with up to two decimals, or 分) → integer 分, phones, tag lists.
// Every parser returns a reason instead of throwing, so a bad cell rejects its row and names its column.

/** What a table reader yields per cell: text (CSV, XLSX text), numbers and dates (XLSX), or nothing. */
export type Cell = string | number | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const shown = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A cell as text, trimmed: numbers without exponent or float noise, spreadsheet dates as their wall clock. Our
 * CSV export's formula guard (a `'` before `=`, `+`, `-`, `@`, tab or CR) is taken off again.
 */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    const d = cell;
    const time =
      d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds() ? ` ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : '';
    return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}${time}`;
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell)) return Math.abs(cell) < 1e21 ? BigInt(cell).toString() : String(cell);
    return String(Number(cell.toPrecision(15)));
  }
  const s = cell.trim();
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

const CURRENCY_AROUND = /^(?:¥|rmb|cny)|(?:元|rmb|cny)$/gi;

/**
 * Money → integer minor units. unit 'yuan': 9.9, 9.90, ¥199, ￥1,299.00, 199元 (at most two decimals);
 * unit 'fen': whole numbers of 分. Negative amounts are refused.
 */
export function parseAmount(cell: Cell, unit: 'yuan' | 'fen'): Parsed<number> {
  const scale = unit === 'yuan' ? 100 : 1;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, reason: `not an amount: ${shown(String(cell))}` };
    if (cell < 0) return { ok: false, reason: `must not be negative (got ${cell})` };
    const v = cell * scale;
    const r = Math.round(v);
    if (Math.abs(v - r) > 1e-6 * Math.max(1, Math.abs(v))) {
      return { ok: false, reason: unit === 'yuan' ? `more than two decimals: ${cell}` : `分 must be a whole number (got ${cell})` };
    }
    return Number.isSafeInteger(r) ? { ok: true, value: r } : { ok: false, reason: `amount too large: ${cell}` };
  }
  const raw = cellText(cell);
  let s = raw.normalize('NFKC').replace(/\s+/g, '');
  s = s.replace(CURRENCY_AROUND, '');
  if (unit === 'fen') s = s.replace(/分$/, '');
  if (s.startsWith('-')) return { ok: false, reason: `must not be negative (got ${shown(raw)})` };
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(s)) s = s.replace(/,/g, '');
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return { ok: false, reason: `not an amount: ${shown(raw)}` };
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > (unit === 'yuan' ? 2 : 0)) {
    return { ok: false, reason: unit === 'yuan' ? `more than two decimals: ${shown(raw)}` : `分 must be a whole number (got ${shown(raw)})` };
  }
  const value = Number(m[1]) * scale + (frac === '' ? 0 : Number(frac.padEnd(2, '0')));
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, reason: `amount too large: ${shown(raw)}` };
}

/** A phone number: digits with an optional leading +; spaces, dashes, dots and brackets are dropped. */
export function parsePhone(cell: Cell): Parsed<string> {
  const raw = cellText(cell);
  const s = raw.normalize('NFKC').replace(/[\s\-().]/g, '');
  if (!/^\+?\d{5,20}$/.test(s)) return { ok: false, reason: `not a phone number: ${shown(raw)}` };
  return { ok: true, value: s };
}

/** Tags split on , ， 、 ; ； | ｜, trimmed, empty ones and repeats dropped. */
export function splitTags(text: string): string[] {
  const out = new Set<string>();
  for (const t of text.split(/[,，、;；|｜]/)) {
    const tag = t.trim();
    if (tag) out.add(tag);
  }
  return [...out];
}

const METHODS: [RegExp, 'qr' | 'link' | 'invited' | 'added' | 'self'][] = [
  [/^qr$|二维码|扫码|扫描/i, 'qr'],
  [/^link$|链接/i, 'link'],
  [/^invited$|邀请/i, 'invited'],
  [/^added$|拉入|拉群|添加/i, 'added'],
  [/^self$|主动|自行|自己|搜索/i, 'self'],
];

/** How a member joined, from English keys or the usual Chinese words; anything else is `unknown`. */
export function joinMethod(text: string): 'qr' | 'link' | 'invited' | 'added' | 'self' | 'unknown' {
  for (const [re, key] of METHODS) if (re.test(text)) return key;
  return 'unknown';
}

const TIER_WORDS: Record<string, 'lead' | 'entry' | 'premium'> = {
  lead: 'lead',
  entry: 'entry',
  premium: 'premium',
  引流: 'lead',
  引流品: 'lead',
  入门: 'entry',
  低价: 'entry',
  高价: 'premium',
  高端: 'premium',
  正价: 'premium',
};

export function parseTier(text: string): Parsed<'lead' | 'entry' | 'premium'> {
  const t = TIER_WORDS[text.trim().toLowerCase()];
  return t ? { ok: true, value: t } : { ok: false, reason: `must be lead, entry or premium (or 引流, 入门, 高价) (got ${shown(text)})` };
}

export function parseCurrency(text: string): Parsed<string> {
  const s = text.normalize('NFKC').trim().toUpperCase();
  if (s === 'RMB' || s === '人民币' || s === '元' || s === '¥') return { ok: true, value: 'CNY' };
  return /^[A-Z]{3}$/.test(s) ? { ok: true, value: s } : { ok: false, reason: `not a currency code like CNY: ${shown(text)}` };
}
