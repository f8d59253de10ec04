// Word-list matching for moderation: our own Aho–Corasick automaton (automaton.ts) over normalised text, with
// every hit reported in offsets of the original text. The scan normalises inline through a per-code-unit
// table, so matching stays one pass with no intermediate string.
import { advance, buildAutomaton, type Automaton } from './automaton.js';
import { DROP, isIdentity, keepsCodePoint, normalizeOptions, normalizeWord, unitTable, type NormalizeOptions } from './normalize.js';
import { variantPatterns } from './variants.js';

export type WordCategory = 'ad' | 'competitor' | 'sensitive' | (string & {});

export interface WordSpec<P = WordCategory> {
  word: string;
  payload?: P;
}

export interface MatcherOptions extends Partial<NormalizeOptions> {
  /** Also store each word's homoglyph spellings (variants.ts). Default: on. */
  variants?: boolean;
}

/** Every normalisation step off, variants off: plain code-unit matching. */
export const RAW: Required<MatcherOptions> = Object.freeze({ width: false, case: false, traditional: false, separators: false, variants: false });

export interface Hit<P = WordCategory> {
  /** The word of the list (as given, not normalised). */
  word: string;
  payload: P | undefined;
  /** Offsets in the original text: matched = text.slice(start, end). */
  start: number;
  end: number;
  matched: string;
}

export class WordMatcher<P = WordCategory> {
  readonly options: NormalizeOptions;
  readonly variants: boolean;
  /** Distinct (word, payload) entries, in list order. */
  readonly entries: readonly { word: string; payload: P | undefined }[];
  private readonly ac: Automaton;
  private readonly table: Uint16Array | null;
  /** Ring of original offsets of the latest normalised units (size: a power of two ≥ the longest pattern). */
  private readonly ring: Int32Array;
  private readonly hits: number[] = [];

  /**
   * Builds the matcher. Words are normalised like the text; an empty word, or one that normalises to nothing,
   * is refused with an error naming its index. The same word with the same payload twice is kept once.
   */
  constructor(words: readonly (string | WordSpec<P>)[], options: MatcherOptions = {}) {
    this.options = normalizeOptions(options);
    this.variants = options.variants ?? true;
    this.table = isIdentity(this.options) ? null : unitTable(this.options);
    const entries: { word: string; payload: P | undefined }[] = [];
    const seen = new Map<string, (P | undefined)[]>();
    const patterns: { pattern: string; entry: number }[] = [];
    words.forEach((w, index) => {
      const word = typeof w === 'string' ? w : w.word;
      const payload = typeof w === 'string' ? undefined : w.payload;
      if (typeof word !== 'string' || word.length === 0) throw new Error(`moderation word list: word #${index} is empty`);
      const normalized = normalizeWord(word, this.options);
      if (normalized.length === 0) {
        throw new Error(`moderation word list: word #${index} (${JSON.stringify(word)}) has nothing left to match after normalisation`);
      }
      const payloads = seen.get(word) ?? [];
      if (payloads.includes(payload)) return;
      seen.set(word, [...payloads, payload]);
      const entry = entries.push({ word, payload }) - 1;
      for (const pattern of this.variants ? variantPatterns(normalized, this.options) : [normalized]) patterns.push({ pattern, entry });
    });
    this.entries = entries;
    this.ac = buildAutomaton(patterns);
    let size = 1;
    while (size < this.ac.maxDepth) size *= 2;
    this.ring = new Int32Array(size);
  }

  /** All hits, overlapping ones included, by end offset; at one end, longest first (then in list order). */
  find(text: string): Hit<P>[] {
    const flat = this.hits;
    flat.length = 0;
    this.scan(text, false);
    const out: Hit<P>[] = [];
    for (let k = 0; k < flat.length; k += 3) {
      const e = this.entries[flat[k]!]!;
      const start = flat[k + 1]!;
      const end = flat[k + 2]!;
      out.push({ word: e.word, payload: e.payload, start, end, matched: text.slice(start, end) });
    }
    flat.length = 0;
    return out;
  }

  /** Whether any word occurs; stops at the first hit. */
  test(text: string): boolean {
    this.hits.length = 0;
    return this.scan(text, true);
  }

  /** The hit that ends first (the longest of those), or undefined. */
  first(text: string): Hit<P> | undefined {
    const flat = this.hits;
    flat.length = 0;
    if (!this.scan(text, true)) return undefined;
    const e = this.entries[flat[0]!]!;
    const start = flat[1]!;
    const end = flat[2]!;
    flat.length = 0;
    return { word: e.word, payload: e.payload, start, end, matched: text.slice(start, end) };
  }

  /** Pushes (entry, start, end) triples to this.hits; with `stop`, returns at the first position with hits. */
  private scan(text: string, stop: boolean): boolean {
    return this.table === null ? this.scanRaw(text, stop) : this.scanNormalized(text, this.table, stop);
  }

  private scanRaw(text: string, stop: boolean): boolean {
    const ac = this.ac;
    const { out, dict, depth, entryStart, entryIds } = ac;
    const hits = this.hits;
    const n = text.length;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      s = advance(ac, s, c);
      let o = out[s]!;
      if (o === 0) continue;
      do {
        const start = i + 1 - depth[o]!;
        for (let k = entryStart[o]!; k < entryStart[o + 1]!; k++) hits.push(entryIds[k]!, start, i + 1);
        o = dict[o]!;
      } while (o !== 0);
      if (stop) return true;
    }
    return hits.length > 0;
  }

  private scanNormalized(text: string, table: Uint16Array, stop: boolean): boolean {
    const ac = this.ac;
    const { out, dict, depth, entryStart, entryIds } = ac;
    const hits = this.hits;
    const ring = this.ring;
    const mask = ring.length - 1;
    const separators = this.options.separators;
    const n = text.length;
    let s = 0;
    let k = -1; // index of the current unit in the normalised text
    // The second unit of a kept surrogate pair, fed on the next round without a table lookup.
    let pending = -1;
    for (let i = 0; i < n; i++) {
      let c: number;
      if (pending >= 0) {
        c = pending;
        pending = -1;
      } else {
        c = text.charCodeAt(i);
        if (separators && c >= 0xd800 && c <= 0xdfff) {
          const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
          if (c > 0xdbff || d < 0xdc00 || d > 0xdfff) continue; // a lone surrogate is a separator
          if (!keepsCodePoint(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)) {
            i++;
            continue;
          }
          pending = d;
        } else {
          c = table[c]!;
          if (c === DROP && separators) continue;
        }
      }
      ring[++k & mask] = i;
      s = advance(ac, s, c);
      let o = out[s]!;
      if (o === 0) continue;
      do {
        const start = ring[(k + 1 - depth[o]!) & mask]!;
        for (let e = entryStart[o]!; e < entryStart[o + 1]!; e++) hits.push(entryIds[e]!, start, i + 1);
        o = dict[o]!;
      } while (o !== 0);
      if (stop) return true;
    }
    return hits.length > 0;
  }
}
