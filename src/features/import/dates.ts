// Dates in import files → instants. Wall-clock times (2026-11-01, 2026/11/1 20:00, 2026年11月1日 8:05) are read
// in the workspace zone; instants with an offset are taken as they are; Excel serial days (45962.5) and Unix
// timestamps (10 digits: seconds, 13: milliseconds) are recognised by their size.
import { formatInstant, parseInstant } from '../../domain/events/instant.js';

const QUARTER_HOUR = 15 * 60_000;
const DAY = 86_400_000;
/** Excel's day 0 (its serial 60 is the fictitious 1900-02-29; every date from 1900-03-01 on comes out right). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * One zone's offsets, memoised per quarter hour (every real offset change falls on one). The shared
 * zoneOffsetMinutes() builds a formatter per call, which costs seconds per 100,000 rows; an import asks per row.
 */
export class ZoneClock {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(readonly timezone: string) {
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  }

  /** Minutes east of UTC at the instant. */
  offsetAt(ms: number): number {
    const bucket = Math.floor(ms / QUARTER_HOUR);
    let off = this.offsets.get(bucket);
    if (off === undefined) {
      const at = bucket * QUARTER_HOUR;
      const p: Record<string, number> = {};
      for (const part of this.fmt.formatToParts(new Date(at))) if (part.type !== 'literal') p[part.type] = Number(part.value);
      off = Math.round((Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - at) / 60_000);
      if (this.offsets.size > 100_000) this.offsets.clear();
      this.offsets.set(bucket, off);
    }
    return off;
  }

  /** The instant a wall-clock time (given as if it were UTC) happens in the zone; the earlier one on a fold. */
  fromWall(wallMs: number): number {
    const guess = wallMs - this.offsetAt(wallMs) * 60_000;
    return wallMs - this.offsetAt(guess) * 60_000;
  }

  /** ISO-8601 with the zone's offset at that instant, as the ledger wants it. */
  format(ms: number): string {
    return formatInstant(ms, this.offsetAt(ms));
  }
}

export type DateResult = { ok: true; ms: number } | { ok: false; reason: string };

const WALL =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:(?:\s*T\s*|\s+)(\d{1,2})\s*[:时點点]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})(?:\.(\d{1,9}))?\s*秒?)?)?$/;
const WITH_OFFSET = /\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|z|[+-]\d{2}:?\d{2})$/;

const shown = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

function fromNumber(n: number, clock: ZoneClock, text: string): DateResult {
  if (!Number.isFinite(n) || n <= 0) return { ok: false, reason: `not a date: ${shown(text)}` };
  if (Number.isInteger(n) && n >= 1e9 && n < 1e11) return { ok: true, ms: n * 1000 };
  if (Number.isInteger(n) && n >= 1e11 && n < 1e14) return { ok: true, ms: n };
  if (n < 2_958_466) {
    // Serial days in the workspace zone; the fraction is the time of day, rounded to the second.
    const wall = EXCEL_EPOCH + Math.round((n * DAY) / 1000) * 1000;
    return { ok: true, ms: clock.fromWall(wall) };
  }
  return { ok: false, reason: `not a date: ${shown(text)}` };
}

/** A date cell: a Date from a spreadsheet (its UTC fields are the wall clock), a number, or text. */
export function parseDate(cell: string | number | Date, clock: ZoneClock): DateResult {
  if (cell instanceof Date) {
    const t = cell.getTime();
    return Number.isNaN(t) ? { ok: false, reason: 'not a date (an invalid spreadsheet date)' } : { ok: true, ms: clock.fromWall(t) };
  }
  if (typeof cell === 'number') return fromNumber(cell, clock, String(cell));
  const s = cell.normalize('NFKC').trim();
  if (/^\d+(?:\.\d+)?$/.test(s)) return fromNumber(Number(s), clock, s);
  if (WITH_OFFSET.test(s)) {
    const r = parseInstant(s.replace(/\s+(?=[+-]\d{2}:?\d{2}$|Z$)/i, ''));
    return r.ok ? r : { ok: false, reason: r.reason };
  }
  const m = WALL.exec(s);
  if (!m) return { ok: false, reason: `not a date: ${shown(s)} (write e.g. 2026-11-01 or 2026/11/1 20:00)` };
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  const frac = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const wall = Date.UTC(y, mo - 1, d, h, mi, sec, frac);
  const check = new Date(wall);
  if (y < 1900 || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59) {
    return { ok: false, reason: `not a real date: ${shown(s)}` };
  }
  return { ok: true, ms: clock.fromWall(wall) };
}
