// Periods of the overview as calendar dates in the workspace zone: [from, to) with `to` exclusive, the way
// GET /api/v1/metrics takes them.
import dayjs, { type Dayjs } from 'dayjs';
import { timeFormat, type TimeFormat } from '../../time';
import type { Granularity } from './types';

export type Preset = 'today' | 'yesterday' | 'last7' | 'last30' | 'last90' | 'thisWeek' | 'thisMonth' | 'lastMonth';
export const PRESETS: Preset[] = ['today', 'yesterday', 'last7', 'last30', 'thisWeek', 'thisMonth', 'lastMonth', 'last90'];

export interface Period {
  from: string;
  to: string;
} // YYYY-MM-DD, to exclusive

const D = 'YYYY-MM-DD';

/** Today's date in a time zone ("2026-11-23"). */
export function todayIn(timezone: string): string {
  return timeFormat(timezone).today();
}

const day = (s: string): Dayjs => dayjs(s);
const fmt = (d: Dayjs) => d.format(D);
const mondayOf = (d: Dayjs) => d.subtract((d.day() + 6) % 7, 'day');

export function presetPeriod(p: Preset, today: string): Period {
  const t = day(today);
  const tomorrow = fmt(t.add(1, 'day'));
  switch (p) {
    case 'today':
      return { from: today, to: tomorrow };
    case 'yesterday':
      return { from: fmt(t.subtract(1, 'day')), to: today };
    case 'last7':
      return { from: fmt(t.subtract(6, 'day')), to: tomorrow };
    case 'last30':
      return { from: fmt(t.subtract(29, 'day')), to: tomorrow };
    case 'last90':
      return { from: fmt(t.subtract(89, 'day')), to: tomorrow };
    case 'thisWeek':
      return { from: fmt(mondayOf(t)), to: fmt(mondayOf(t).add(7, 'day')) };
    case 'thisMonth':
      return { from: fmt(t.startOf('month')), to: fmt(t.startOf('month').add(1, 'month')) };
    case 'lastMonth':
      return { from: fmt(t.startOf('month').subtract(1, 'month')), to: fmt(t.startOf('month')) };
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

/** A short label for a period of a series, from its start in the workspace zone: "11-23" (day, week), "2026-11" (month). */
export function seriesLabel(fromInstant: string, by: Granularity, time: Pick<TimeFormat, 'date' | 'monthDay'>): string {
  return by === 'month' ? time.date(fromInstant).slice(0, 7) : time.monthDay(fromInstant);
}

/** The last day inside a period whose `to` (YYYY-MM-DD) is exclusive. */
export function lastDay(toExclusive: string): string {
  return fmt(day(toExclusive).subtract(1, 'day'));
}
