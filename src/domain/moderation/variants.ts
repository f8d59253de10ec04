// Homoglyph and nickname spellings that ads use to dodge a word list ("加V信", "加vx"). They are applied to the
// word list, not to the text: a word containing a canonical form is also stored once per variant, reporting
// the original word. The text side stays one code unit to one, so offsets need no extra bookkeeping.
import { normalizeWord, type NormalizeOptions } from './normalize.js';

/**
 * Canonical form → the spellings that stand for it. Written in normalised form (half-width, lower case,
 * simplified): with case folding off, "V信" in a text is not matched by "v信" here.
 */
export const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  微信: ['v信', '威信', '薇信', '徽信', '维信', '微x', 'vx', 'wx'],
  qq: ['扣扣', '企鹅号'],
};

/**
 * The normalised patterns of a word: the word itself, then, for each canonical form it contains, the word with
 * every occurrence of that form replaced by one variant (all occurrences at once, so a word yields at most
 * 1 + Σ variants patterns rather than a product). `normalized` is the word already normalised with `options`.
 */
export function variantPatterns(normalized: string, options: NormalizeOptions): string[] {
  const out = [normalized];
  for (const [canonical, forms] of Object.entries(VARIANTS)) {
    const key = normalizeWord(canonical, options);
    if (!key || !normalized.includes(key)) continue;
    for (const form of forms) {
      const v = normalizeWord(form, options);
      if (v) out.push(normalized.split(key).join(v));
    }
  }
  return [...new Set(out)];
}
