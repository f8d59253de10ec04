// Periods of the overview as calendar dates in the workspace zone: [from, to) with `to` exclusive, the way
// GET /api/v1/metrics takes them.
import dayjs, { type Dayjs } from 'dayjs';
import type { Granularity } from './types';

export type Preset = 'today' | 'yesterday' | 'last7' | 'last30' | 'last90' | 'thisWeek' | 'thisMonth' | 'lastMonth';
export const PRESETS: Preset[] = ['today', 'yesterday', 'last7', 'last30', 'thisWeek', 'thisMonth', 'lastMonth', 'last90'];

export interface Period { from: string; to: string } // YYYY-MM-DD, to exclusive

const D = 'YYYY-MM-DD';

/** Today's date in a time zone ("2026-11-23"). */
export function todayIn(timezone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  } catch {
    return dayjs().format(D);
  }
}

const day = (s: string): Dayjs => dayjs(s);
const fmt = (d: Dayjs) => d.format(D);
const mondayOf = (d: Dayjs) => d.subtract((d.day() + 6) % 7, 'day');

export function presetPeriod(p: Preset, today: string): Period {
  const t = day(today);
  const tomorrow = fmt(t.add(1, 'day'));
  switch (p) {
    case 'today': return { from: today, to: tomorrow };
    case 'yesterday': return { from: fmt(t.subtract(1, 'day')), to: today };
    case 'last7': return { from: fmt(t.subtract(6, 'day')), to: tomorrow };
    case 'last30': return { from: fmt(t.subtract(29, 'day')), to: tomorrow };
    case 'last90': return { from: fmt(t.subtract(89, 'day')), to: tomorrow };
    case 'thisWeek': return { from: fmt(mondayOf(t)), to: fmt(mondayOf(t).add(7, 'day')) };
    case 'thisMonth': return { from: fmt(t.startOf('month')), to: fmt(t.startOf('month').add(1, 'month')) };
    case 'lastMonth': return { from: fmt(t.startOf('month').subtract(1, 'month')), to: fmt(t.startOf('month')) };
  }
}

/** The picker's inclusive [first, last] days for a period. */
export function pickerRange(p: Period): [Dayjs, Dayjs] {
  return [day(p.from), day(p.to).subtract(1, 'day')];
}

export function fromPicker(a: Dayjs, b: Dayjs): Period {
  return { from: fmt(a), to: fmt(b.add(1, 'day')) };
}

export function periodDays(p: Period): number {
  return Math.max(1, day(p.to).diff(day(p.from), 'day'));
}

/** The trend's grain for a period: days up to ~2 months, weeks up to a year, months beyond. */
export function autoGranularity(p: Period): Granularity {
  const n = periodDays(p);
  return n <= 62 ? 'day' : n <= 366 ? 'week' : 'month';
}

/** A short label for a period of a series: "11-23", "11-16 周", "2026-11". */
export function seriesLabel(fromInstant: string, by: Granularity): string {
  const date = fromInstant.slice(0, 10);
  if (by === 'month') return date.slice(0, 7);
  return date.slice(5);
}

const TZ_KEY = 'qunyun.tz';

/** The workspace zone as last seen in an answer (kept in localStorage), else Asia/Shanghai. */
export function knownTimezone(): string {
  try { return localStorage.getItem(TZ_KEY) || 'Asia/Shanghai'; } catch { return 'Asia/Shanghai'; }
}

export function rememberTimezone(tz: string): void {
  try { localStorage.setItem(TZ_KEY, tz); } catch { /* not kept */ }
}

/** The last day inside a period whose `to` (YYYY-MM-DD) is exclusive. */
export function lastDay(toExclusive: string): string {
  return fmt(day(toExclusive).subtract(1, 'day'));
}
