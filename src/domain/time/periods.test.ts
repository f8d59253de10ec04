import { describe, expect, it } from 'vitest';
import { parseBoundary, splitPeriods, zonedInstant } from './periods.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('periods', () => {
  it('parses dates as the start of the day in the zone, and instants as given', () => {
    expect(iso(parseBoundary('2026-10-01', 'Asia/Shanghai', 'from'))).toBe('2026-09-30T16:00:00.000Z');
    expect(iso(parseBoundary('2026-10-01T12:00:00Z', 'Asia/Shanghai', 'from'))).toBe('2026-10-01T12:00:00.000Z');
    expect(() => parseBoundary('2026-02-30', 'UTC', 'from')).toThrow(/from: not a real date/);
    expect(() => parseBoundary('2026-10-01T12:00', 'UTC', 'to')).toThrow(/to: .*missing UTC offset/);
  });
  it('splits into days, ISO weeks and months, clipped', () => {
    const tz = 'Asia/Shanghai';
    const from = parseBoundary('2026-10-01', tz, 'from'); // a Thursday
    const to = parseBoundary('2026-11-01', tz, 'to');
    expect(splitPeriods(tz, from, to, 'day')).toHaveLength(31);
    const weeks = splitPeriods(tz, from, to, 'week');
    expect(weeks[0]).toEqual({ start: from, end: zonedInstant(tz, 2026, 10, 5) });
    expect(weeks.at(-1)!.end).toBe(to);
    expect(weeks).toHaveLength(5);
    expect(splitPeriods(tz, from, to, 'month')).toEqual([{ start: from, end: to }]);
    expect(splitPeriods(tz, from, parseBoundary('2027-01-15', tz, 'to'), 'month')).toHaveLength(4);
  });
  it('starts a day at the transition where DST skips midnight (Havana), and never loops', () => {
    const tz = 'America/Havana';
    const start = parseBoundary('2024-03-10', tz, 'from');
    expect(iso(start)).toBe('2024-03-10T05:00:00.000Z');
    const days = splitPeriods(tz, parseBoundary('2024-03-09', tz, 'f'), parseBoundary('2024-03-12', tz, 't'), 'day');
    expect(days.map((d) => (d.end - d.start) / 3_600_000)).toEqual([24, 23, 24]);
  });
  it('follows DST: a New York day can be 23 or 25 hours', () => {
    const tz = 'America/New_York';
    const days = splitPeriods(tz, parseBoundary('2026-11-01', tz, 'f'), parseBoundary('2026-11-03', tz, 't'), 'day');
    expect(days.map((d) => (d.end - d.start) / 3_600_000)).toEqual([25, 24]);
  });
});
