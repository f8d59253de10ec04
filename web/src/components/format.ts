// Number, money, rate and instant formatting shared by the pages (values from the API are never rounded there).
import dayjs from 'dayjs';
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

/** An instant string from the API ("2026-11-05T16:48:33+08:00") as shown: keeps the workspace's wall time. */
export function fmtTime(s: string | null | undefined, withSeconds = false): string {
  if (!s) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(s);
  if (m) return `${m[1]} ${m[2]}${withSeconds && m[3] ? m[3] : ''}`;
  const d = dayjs(s);
  return d.isValid() ? d.format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : s;
}

/** The date part of an instant string ("2026-11-05"). */
export function fmtDate(s: string | null | undefined): string {
  if (!s) return '—';
  return /^\d{4}-\d{2}-\d{2}/.exec(s)?.[0] ?? s;
}

/** A millisecond instant as local time. */
export function fmtMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return dayjs(ms).format('YYYY-MM-DD HH:mm:ss');
}
