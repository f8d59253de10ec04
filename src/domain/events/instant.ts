// ISO-8601 instants with a mandatory offset: docs/spec/events.md refuses local times, whose meaning depends on a zone.

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)$/;

export type InstantResult = { ok: true; ms: number } | { ok: false; reason: string };

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(y: number, m: number): number {
  if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29;
  return MONTH_DAYS[m - 1] ?? 0;
}

const d2 = (s: string, i: number): number => {
  const a = s.charCodeAt(i) - 48,
    b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

/** The shapes almost every event uses — 2026-11-01T20:00:00+08:00 and …Z — without a regex; null if not one. */
function parseCommon(s: string): number | null {
  const n = s.length;
  if ((n !== 25 && n !== 20) || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return null;
  const yh = d2(s, 0),
    yl = d2(s, 2),
    mo = d2(s, 5),
    d = d2(s, 8),
    h = d2(s, 11),
    mi = d2(s, 14),
    sec = d2(s, 17);
  if (yh < 10 || yl < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return null;
  const y = yh * 100 + yl;
  if (d > daysInMonth(y, mo)) return null;
  let off = 0;
  if (n === 25) {
    const sign = s[19] === '+' ? 1 : s[19] === '-' ? -1 : 0;
    const oh = d2(s, 20),
      om = d2(s, 23);
    if (sign === 0 || s[22] !== ':' || oh < 0 || oh > 18 || om < 0 || om > 59) return null;
    off = sign * (oh * 60 + om);
  } else if (s[19] !== 'Z') return null;
  return Date.UTC(y, mo - 1, d, h, mi, sec) - off * 60_000;
}

export function parseInstant(s: string): InstantResult {
  const fast = parseCommon(s);
  if (fast !== null) return { ok: true, ms: fast };
  const m = INSTANT.exec(s);
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) {
      return { ok: false, reason: `missing UTC offset in ${JSON.stringify(s)} (write e.g. ${s}+08:00 or ${s}Z)` };
    }
    return { ok: false, reason: `not an ISO-8601 instant with offset: ${JSON.stringify(s.slice(0, 60))}` };
  }
  const [, ys, mos, ds, hs, mis, ss, frac, off] = m as unknown as string[];
  const y = Number(ys),
    mo = Number(mos),
    d = Number(ds),
    h = Number(hs),
    mi = Number(mis),
    sec = ss ? Number(ss) : 0;
  if (y < 1000) return { ok: false, reason: `year ${y} out of range (1000–9999): ${JSON.stringify(s)}` };
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) {
    return { ok: false, reason: `not a real date/time: ${JSON.stringify(s)}` };
  }
  let offsetMin = 0;
  if (off && off !== 'Z' && off !== 'z') {
    const sign = off[0] === '-' ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2)),
      om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 18 || om > 59) return { ok: false, reason: `offset out of range in ${JSON.stringify(s)}` };
    offsetMin = sign * (oh * 60 + om);
  }
  const ms = frac ? Math.floor(Number(('0.' + frac).slice(0, 5)) * 1000) : 0;
  const t = Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offsetMin * 60_000;
  return { ok: true, ms: t };
}

/** Formats an instant in a fixed offset (minutes east of UTC) as ISO-8601, e.g. 2026-11-01T00:00:00+08:00 (milliseconds when not 0). */
export function formatInstant(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const millis = d.getUTCMilliseconds();
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:` +
    `${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${millis ? '.' + pad(millis, 3) : ''}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
