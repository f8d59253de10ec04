import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RAW, WordMatcher, type Hit, type MatcherOptions } from './matcher.js';
import { NORMALIZE_NONE, normalize, normalizeOptions, normalizeWord } from './normalize.js';
import { T2S } from './t2s.js';
import { variantPatterns } from './variants.js';

const key = (h: Hit<unknown>) => `${h.start}:${h.end}:${h.word}:${String(h.payload)}:${h.matched}`;
const keys = (hits: Hit<unknown>[]) => hits.map(key).sort();
const brief = (hits: Hit<unknown>[]) => hits.map((h) => [h.word, h.start, h.end, h.matched]);

/** The oracle: every entry's every pattern found by indexOf in the normalised text, offsets mapped back. */
function naive(words: readonly string[], text: string, o: MatcherOptions): Hit<unknown>[] {
  const opts = normalizeOptions(o);
  const { text: norm, map } = normalize(text, opts);
  const hits: Hit<unknown>[] = [];
  for (const word of new Set(words)) {
    const w = normalizeWord(word, opts);
    for (const pattern of o.variants === false ? [w] : variantPatterns(w, opts)) {
      for (let j = norm.indexOf(pattern); j >= 0; j = norm.indexOf(pattern, j + 1)) {
        const start = map[j]!;
        const end = map[j + pattern.length - 1]! + 1;
        hits.push({ word, payload: undefined, start, end, matched: text.slice(start, end) });
      }
    }
  }
  return hits;
}

describe('WordMatcher by hand', () => {
  it('reports overlapping words, longest first at one end', () => {
    const m = new WordMatcher(['他', '他们', '们', '我们']);
    expect(brief(m.find('他们说我们'))).toEqual([
      ['他', 0, 1, '他'],
      ['他们', 0, 2, '他们'],
      ['们', 1, 2, '们'],
      ['我们', 3, 5, '我们'],
      ['们', 4, 5, '们'],
    ]);
  });

  it('matches Latin words inside and across each other', () => {
    const m = new WordMatcher(['ab', 'bc', 'abc', 'c'], RAW);
    expect(brief(m.find('xabcab'))).toEqual([
      ['ab', 1, 3, 'ab'],
      ['abc', 1, 4, 'abc'],
      ['bc', 2, 4, 'bc'],
      ['c', 3, 4, 'c'],
      ['ab', 4, 6, 'ab'],
    ]);
    expect(new WordMatcher(['VX'], RAW).find('vx VX')).toHaveLength(1);
  });

  it('folds full width and case', () => {
    const m = new WordMatcher(['vx'], { variants: false });
    expect(brief(m.find('加ＶＸ：abc，加Vx'))).toEqual([
      ['vx', 1, 3, 'ＶＸ'],
      ['vx', 9, 11, 'Vx'],
    ]);
    expect(normalize('Ｈｅｌｌｏ\u3000ＷＯＲＬＤ！', { separators: false }).text).toBe('hello world!');
  });

  it('skips separators inserted to dodge the filter, reporting the original span', () => {
    const m = new WordMatcher([{ word: '加微信', payload: 'ad' }]);
    for (const text of ['加 微 信', '加*微*信', '加-微_信', '加.微|信', '加/微~信', '加😀微🙏信', '加\u3000微 信', '加，微。信']) {
      expect(m.find(`哈哈${text}123`)).toEqual([{ word: '加微信', payload: 'ad', start: 2, end: 2 + text.length, matched: text }]);
    }
    expect(m.test('加微博信')).toBe(false);
  });

  it('maps traditional to simplified in words and text alike', () => {
    expect(brief(new WordMatcher(['赚钱']).find('輕鬆賺錢！'))).toEqual([['赚钱', 2, 4, '賺錢']]);
    expect(brief(new WordMatcher(['賺錢']).find('轻松赚钱'))).toEqual([['賺錢', 2, 4, '赚钱']]);
    expect(new WordMatcher(['赚钱'], { traditional: false }).test('賺錢')).toBe(false);
  });

  it('matches WeChat homoglyphs through the variant table', () => {
    const m = new WordMatcher(['加微信']);
    for (const text of ['加V信', '加v信', '加威信', '加薇信', '加vx', '加VX', '加ＶＸ', '加wx', '加 V 信', '加維信']) {
      expect(brief(m.find(text))).toEqual([['加微信', 0, text.length, text]]);
    }
    expect(new WordMatcher(['加微信'], { variants: false }).test('加vx')).toBe(false);
    expect(new WordMatcher(['加微信'], RAW).test('加 微 信')).toBe(false);
  });

  it('handles surrogate pairs on both sides', () => {
    expect(brief(new WordMatcher(['𠀀x']).find('a𠀀 x'))).toEqual([['𠀀x', 1, 5, '𠀀 x']]);
    expect(brief(new WordMatcher(['😀'], RAW).find('a😀'))).toEqual([['😀', 1, 3, '😀']]);
    expect(() => new WordMatcher(['ok', '😀'])).toThrow(/word #1 \("😀"\) has nothing left to match/);
    expect(new WordMatcher(['ab']).test('a\uD83Db')).toBe(true); // a lone surrogate is a separator
  });

  it('refuses empty words by index, deduplicates repeats, keeps payloads apart', () => {
    expect(() => new WordMatcher(['a', 'b', ''])).toThrow('moderation word list: word #2 is empty');
    expect(() => new WordMatcher(['***'])).toThrow(/word #0/);
    expect(new WordMatcher(['代理', '代理', { word: '代理' }]).find('招代理')).toHaveLength(1);
    const m = new WordMatcher([
      { word: '代理', payload: 'ad' },
      { word: '代理', payload: 'competitor' },
      { word: '代理', payload: 'ad' },
    ]);
    expect(m.find('招代理').map((h) => h.payload)).toEqual(['ad', 'competitor']);
  });

  it('answers nothing with an empty list', () => {
    const m = new WordMatcher([]);
    expect(m.find('加微信')).toEqual([]);
    expect(m.test('加微信')).toBe(false);
    expect(m.first('加微信')).toBeUndefined();
  });

  it('first is the hit ending first, test agrees', () => {
    const m = new WordMatcher(['兼职', '日结', '兼职日结300']);
    expect(m.first('招兼职日结300')).toMatchObject({ word: '兼职', start: 1, end: 3 });
    expect(m.test('兼 职')).toBe(true);
    expect(m.test('兼')).toBe(false);
  });

  it('normalises to the identity with every option off', () => {
    const text = 'Ａb 賺錢*😀\uD800';
    expect(normalize(text, NORMALIZE_NONE).text).toBe(text);
    expect([...normalize(text, NORMALIZE_NONE).map]).toEqual(Array.from({ length: text.length }, (_, i) => i));
  });

  it('has a consistent traditional table', () => {
    expect(T2S.size).toBeGreaterThanOrEqual(150);
    expect(T2S.size).toBeLessThanOrEqual(300);
    const values = new Set(T2S.values());
    for (const [t, s] of T2S) {
      expect(t).not.toBe(s);
      expect(values.has(t)).toBe(false); // no chains: one lookup is the whole mapping
      expect(/\p{Script=Han}/u.test(String.fromCharCode(t)) && /\p{Script=Han}/u.test(String.fromCharCode(s))).toBe(true);
    }
  });
});

// Small alphabets so words actually occur; the pieces cover width, case, traditional, separators and surrogates.
const PIECES = [
  'a',
  'b',
  'A',
  'Ｂ',
  'ａ',
  ' ',
  '*',
  '-',
  '他',
  '们',
  '們',
  '賺',
  '赚',
  '钱',
  '微',
  '信',
  'v',
  'V',
  'x',
  '😀',
  '𠀀',
  '\uD83D',
  '\uDE00',
  '\u3000',
  '！',
  '1',
];
const alphabet = fc.shuffledSubarray(PIECES, { minLength: 1, maxLength: 8 });
const corpus = alphabet.chain((alpha) =>
  fc.record({
    text: fc.array(fc.constantFrom(...alpha), { maxLength: 40 }).map((a) => a.join('')),
    words: fc.array(
      fc.array(fc.constantFrom(...alpha), { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
      { maxLength: 8 },
    ),
  }),
);
const optionsArb = fc.record({
  width: fc.boolean(),
  case: fc.boolean(),
  traditional: fc.boolean(),
  separators: fc.boolean(),
  variants: fc.boolean(),
});

describe('WordMatcher against the naive matcher', () => {
  it('with normalisation off: exactly the hits of an indexOf loop', () => {
    fc.assert(
      fc.property(corpus, ({ text, words }) => {
        const m = new WordMatcher(words, RAW);
        expect(keys(m.find(text))).toEqual(keys(naive(words, text, RAW)));
      }),
      { numRuns: 500 },
    );
  });

  it('with normalisation on: the naive matcher over the normalised text, offsets mapped back', () => {
    fc.assert(
      fc.property(corpus, optionsArb, ({ text, words }, o) => {
        const usable = words.filter((w) => normalizeWord(w, normalizeOptions(o)).length > 0);
        const m = new WordMatcher(usable, o);
        const hits = m.find(text);
        expect(keys(hits)).toEqual(keys(naive(usable, text, o)));
        expect(m.test(text)).toBe(hits.length > 0);
        expect(m.first(text)).toEqual(hits[0]);
      }),
      { numRuns: 1000 },
    );
  });

  it('states with many edges (bisected) agree too', () => {
    const wide = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123'.split(''));
    const words = fc.array(
      fc.array(wide, { minLength: 2, maxLength: 3 }).map((a) => a.join('')),
      { minLength: 100, maxLength: 400 },
    );
    fc.assert(
      fc.property(
        fc.array(wide, { maxLength: 200 }).map((a) => a.join('')),
        words,
        (text, ws) => {
          expect(keys(new WordMatcher(ws, RAW).find(text))).toEqual(keys(naive(ws, text, RAW)));
          expect(keys(new WordMatcher(ws).find(text))).toEqual(keys(naive(ws, text, {})));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('normalisation is idempotent and maps to increasing original offsets', () => {
    fc.assert(
      fc.property(corpus, optionsArb, ({ text }, o) => {
        const once = normalize(text, o);
        expect(normalize(once.text, o).text).toBe(once.text);
        for (let j = 1; j < once.map.length; j++) expect(once.map[j]!).toBeGreaterThan(once.map[j - 1]!);
      }),
      { numRuns: 300 },
    );
  });
});
