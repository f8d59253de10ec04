// Number, money and rate formatting shared by the pages (values from the API are never rounded there); instants
// are time.ts's (components/Time, useTime).
import type { Lang } from '../i18n';

const intl = (lang: Lang, o?: Intl.NumberFormatOptions) => new Intl.NumberFormat(lang, o);

export function fmtInt(n: number | null | undefined, lang: Lang = 'zh-CN'): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return intl(lang, { maximumFractionDigits: 0 }).format(n);
}

export function fmtNum(n: number | null | undefined, lang: Lang = 'zh-CN', digits = 1): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return intl(lang, { maximumFractionDigits: digits }).format(n);
}

/** A ratio (0.1234) as a percentage ("12.3%"); null (a zero denominator) is "—". */
export function fmtPct(r: number | null | undefined, digits = 1): string {
  if (r === null || r === undefined || Number.isNaN(r)) return '—';
  return `${(r * 100).toFixed(digits)}%`;
}

/** Money in minor units (分) as yuan: 259900 → "¥2,599.00". */
export function fmtMoney(fen: number | null | undefined, lang: Lang = 'zh-CN', currency = 'CNY'): string {
  if (fen === null || fen === undefined) return '—';
  return intl(lang, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 }).format(fen / 100);
}
