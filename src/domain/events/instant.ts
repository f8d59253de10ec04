// ISO-8601 instants with a mandatory offset: events.md refuses local times, whose meaning depends on a zone.

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)$/;

export type InstantResult = { ok: true; ms: number } | { ok: false; reason: string };

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(y: number, m: number): number {
  if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29;
  return MONTH_DAYS[m - 1] ?? 0;
}

export function parseInstant(s: string): InstantResult {
  const m = INSTANT.exec(s);
  if (!m) {
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) {
      return { ok: false, reason: `missing UTC offset in ${JSON.stringify(s)} (write e.g. ${s}+08:00 or ${s}Z)` };
    }
    return { ok: false, reason: `not an ISO-8601 instant with offset: ${JSON.stringify(s.slice(0, 60))}` };
  }
  const [, ys, mos, ds, hs, mis, ss, frac, off] = m as unknown as string[];
  const y = Number(ys), mo = Number(mos), d = Number(ds), h = Number(hs), mi = Number(mis), sec = ss ? Number(ss) : 0;
  if (y < 1000) return { ok: false, reason: `year ${y} out of range (1000–9999): ${JSON.stringify(s)}` };
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) {
    return { ok: false, reason: `not a real date/time: ${JSON.stringify(s)}` };
  }
  let offsetMin = 0;
  if (off && off !== 'Z' && off !== 'z') {
    const sign = off[0] === '-' ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2)), om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 18 || om > 59) return { ok: false, reason: `offset out of range in ${JSON.stringify(s)}` };
    offsetMin = sign * (oh * 60 + om);
  }
  const ms = frac ? Math.floor(Number(('0.' + frac).slice(0, 5)) * 1000) : 0;
  const t = Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offsetMin * 60_000;
  return { ok: true, ms: t };
}

/** Formats an instant in a fixed offset (minutes east of UTC) as ISO-8601, e.g. 2026-11-01T00:00:00+08:00. */
export function formatInstant(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:` +
    `${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
