// Normalisation for word matching. Every step maps one UTF-16 code unit to one code unit or drops it, so each
// unit of the normalised text has exactly one original position and hits can be reported in original offsets.
import { T2S } from './t2s.js';

export interface NormalizeOptions {
  /** Full-width ASCII (U+FF01–FF5E) and the ideographic space (U+3000) → their half-width forms. */
  width: boolean;
  /** A–Z → a–z (after width, so full-width Ａ–Ｚ fold too); no other script is folded. */
  case: boolean;
  /** Traditional → simplified for the characters of t2s.ts. */
  traditional: boolean;
  /** Drop everything that is not a letter or a digit (spaces, punctuation, symbols, emoji, marks). */
  separators: boolean;
}

export const NORMALIZE_ALL: NormalizeOptions = Object.freeze({ width: true, case: true, traditional: true, separators: true });
export const NORMALIZE_NONE: NormalizeOptions = Object.freeze({ width: false, case: false, traditional: false, separators: false });

export function normalizeOptions(o: Partial<NormalizeOptions> = {}): NormalizeOptions {
  return { width: o.width ?? true, case: o.case ?? true, traditional: o.traditional ?? true, separators: o.separators ?? true };
}

export function isIdentity(o: NormalizeOptions): boolean {
  return !o.width && !o.case && !o.traditional && !o.separators;
}

/** Code-unit value in a table meaning "drop this unit". U+0000 itself is a control character, dropped anyway. */
export const DROP = 0;
const KEEP = /^[\p{L}\p{N}]$/u;
const tables = new Map<number, Uint16Array>();

/**
 * The per-code-unit map for these options: table[c] is what c becomes, or DROP. Surrogates map to themselves:
 * they are judged as whole code points by the callers (see keepsCodePoint).
 */
export function unitTable(o: NormalizeOptions): Uint16Array {
  const key = (o.width ? 1 : 0) | (o.case ? 2 : 0) | (o.traditional ? 4 : 0) | (o.separators ? 8 : 0);
  let table = tables.get(key);
  if (table) return table;
  table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    let m = c;
    if (o.width) {
      if (m >= 0xff01 && m <= 0xff5e) m -= 0xfee0;
      else if (m === 0x3000) m = 0x20;
    }
    if (o.case && m >= 0x41 && m <= 0x5a) m += 0x20;
    if (o.traditional) m = T2S.get(m) ?? m;
    const surrogate = m >= 0xd800 && m <= 0xdfff;
    if (o.separators && !surrogate && !KEEP.test(String.fromCharCode(m))) m = DROP;
    table[c] = m;
  }
  tables.set(key, table);
  return table;
}

const astral = new Map<number, boolean>();

/** Whether a supplementary-plane code point survives separator dropping (CJK extension B+ does, emoji don't). */
export function keepsCodePoint(cp: number): boolean {
  let keep = astral.get(cp);
  if (keep === undefined) {
    keep = KEEP.test(String.fromCodePoint(cp));
    if (astral.size < 65536) astral.set(cp, keep); // bounded: hostile text could name every code point
  }
  return keep;
}

export interface Normalized {
  text: string;
  /** map[j] = offset in the original text of the normalised text's code unit j. */
  map: Int32Array;
}

/**
 * Normalises text for matching. A surrogate pair is kept or dropped as a whole (with separators on), and a
 * lone surrogate counts as a separator. The matcher's scan loop does the same inline; the tests hold them equal.
 */
export function normalize(text: string, options: Partial<NormalizeOptions> = {}): Normalized {
  const o = normalizeOptions(options);
  const n = text.length;
  const map = new Int32Array(n);
  if (isIdentity(o)) {
    for (let i = 0; i < n; i++) map[i] = i;
    return { text, map };
  }
  const table = unitTable(o);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (o.separators && c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        if (keepsCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)) {
          map[out.length] = i;
          out.push(c);
          map[out.length] = i + 1;
          out.push(d);
        }
        i++;
      }
      continue;
    }
    const m = table[c]!;
    if (m === DROP && o.separators) continue;
    map[out.length] = i;
    out.push(m);
  }
  let s = '';
  for (let k = 0; k < out.length; k += 4096) s += String.fromCharCode(...out.slice(k, k + 4096));
  return { text: s, map: map.slice(0, out.length) };
}

/** A word in the form the automaton stores it. */
export function normalizeWord(word: string, options: Partial<NormalizeOptions> = {}): string {
  return normalize(word, options).text;
}
