// Calendar periods in a workspace zone: parsing from/to (dates or instants), and splitting a range into
// days, ISO weeks (Monday first) or months, each half-open [start, end) and clipped to the range.
import { parseInstant } from '../events/instant.js';
import { zoneOffsetMinutes } from './zone.js';
import { checkInstantInRange } from './limits.js';

export type Granularity = 'day' | 'week' | 'month';
export interface Period {
  start: number;
  end: number;
}

/** The instant a local wall-clock time happens in the zone (the earlier one when a DST fold repeats it). */
export function zonedInstant(tz: string, y: number, m: number, d: number, hh = 0, mm = 0): number {
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - zoneOffsetMinutes(tz, wall) * 60_000;
  guess = wall - zoneOffsetMinutes(tz, guess) * 60_000;
  // A wall time in a DST gap (Havana's and Santiago's midnights on their spring-forward days) does not exist:
  // then the day starts at the transition, found in 15-minute steps (every real offset change is on one).
  if (hh === 0 && mm === 0) {
    for (let i = 0; i < 16 && !sameDay(localDate(tz, guess), y, m, d); i++) guess += 15 * 60_000;
  }
  return guess;
}

const sameDay = (a: { y: number; m: number; d: number }, y: number, m: number, d: number) => a.y === y && a.m === m && a.d === d;

/** Local calendar date of an instant in the zone. */
export function localDate(tz: string, ms: number): { y: number; m: number; d: number } {
  const t = new Date(ms + zoneOffsetMinutes(tz, ms) * 60_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function startOfDay(tz: string, ms: number): number {
  const { y, m, d } = localDate(tz, ms);
  return zonedInstant(tz, y, m, d);
}

function addDays(tz: string, dayStart: number, n: number): number {
  const { y, m, d } = localDate(tz, dayStart);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return zonedInstant(tz, t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The start of the local day `n` days before the day containing ms (n = 0: that day's start). */
export function daysBefore(tz: string, ms: number, n: number): number {
  let x = startOfDay(tz, ms);
  for (let i = 0; i < n; i++) x = startOfDay(tz, x - 3_600_000);
  return x;
}

/** A `from`/`to` value: a date YYYY-MM-DD (its start in the zone) or a full instant with offset. */
export function parseBoundary(value: string, tz: string, name: string): number {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) throw new RangeError(`${name}: not a real date: ${value}`);
    // The year first: zone arithmetic on year 0000 or 9999 is meaningless (limits.ts).
    if (y < 1970 || y > 2100) checkInstantInRange(Number.NaN, name, value);
    const ms = zonedInstant(tz, y, m, d);
    checkInstantInRange(ms, name, value);
    return ms;
  }
  const r = parseInstant(value);
  if (!r.ok) throw new RangeError(`${name}: expected a date (YYYY-MM-DD) or an instant with offset — ${r.reason}`);
  checkInstantInRange(r.ms, name, value);
  return r.ms;
}

/** The calendar periods overlapping [from, to), clipped to it. */
export function splitPeriods(tz: string, from: number, to: number, by: Granularity): Period[] {
  const out: Period[] = [];
  let start = startOfDay(tz, from);
  if (by === 'week') {
    const { y, m, d } = localDate(tz, start);
    const dow = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday = 0
    start = addDays(tz, start, -dow);
  } else if (by === 'month') {
    const { y, m } = localDate(tz, start);
    start = zonedInstant(tz, y, m, 1);
  }
  while (start < to) {
    let next: number;
    if (by === 'day') next = addDays(tz, start, 1);
    else if (by === 'week') next = addDays(tz, start, 7);
    else {
      const { y, m } = localDate(tz, start);
      next = zonedInstant(tz, m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1);
    }
    if (next <= start) throw new Error(`calendar step did not advance in ${tz} at ${new Date(start).toISOString()}`);
    out.push({ start: Math.max(start, from), end: Math.min(next, to) });
    start = next;
  }
  return out;
}

/** YYYYMMDD of the local day containing ms. */
export function dayNumber(tz: string, ms: number): number {
  const { y, m, d } = localDate(tz, ms);
  return y * 10000 + m * 100 + d;
}
