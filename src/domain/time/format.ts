// Instants shown to people: ISO-8601 in the workspace zone with its offset (JSON answers), and the terminal's
// wall-clock form "2026-12-03 19:30 +08:00" (CLI tables), both from epoch ms or any ISO string with an offset.
import { formatInstant, parseInstant } from '../events/instant.js';
import { zoneOffsetMinutes } from './zone.js';

/** Caches the zone's offset per UTC hour (every real offset change falls on a quarter hour, and few on one hour). */
function offsetCache(timezone: string): (ms: number) => number {
  const offsets = new Map<number, number>();
  return (ms) => {
    const hour = Math.floor(ms / 3_600_000);
    let off = offsets.get(hour);
    if (off === undefined) {
      if (offsets.size > 10_000) offsets.clear();
      offsets.set(hour, (off = zoneOffsetMinutes(timezone, ms)));
    }
    return off;
  };
}

/** Formats an instant; absent in, absent out (so a number always gives a string). */
export interface InstantFormatter {
  (ms: number): string;
  (ms: number | null | undefined): string | null;
}

export function makeFormatter(timezone: string): InstantFormatter {
  const offsetAt = offsetCache(timezone);
  return ((ms: number | null | undefined) => {
    if (ms === null || ms === undefined) return null;
    return formatInstant(Number(ms), offsetAt(Number(ms)));
  }) as InstantFormatter;
}

/** An instant as given to a formatter: epoch ms, or an ISO string with an offset or Z (as the API answers carry). */
export type InstantInput = number | string | null | undefined;

/** Epoch ms of an instant, or null when absent or unreadable. */
export function instantMs(v: InstantInput): number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (/^-?\d+$/.test(v)) return Number(v);
  const r = parseInstant(v);
  return r.ok ? r.ms : null;
}

export interface WallClock {
  /** "2026-12-03 19:30 +08:00" in the zone (with seconds if asked); '' when absent; the input itself when unreadable. */
  (v: InstantInput, o?: { seconds?: boolean }): string;
  /** The calendar date in the zone, "2026-12-03"; '' when absent. */
  date(v: InstantInput): string;
  readonly timezone: string;
}

/** The terminal form of instants in a zone: local wall-clock time followed by the offset in force then. */
export function makeWallClock(timezone: string): WallClock {
  const offsetAt = offsetCache(timezone);
  // formatInstant gives YYYY-MM-DDTHH:mm:ss[.SSS]±HH:MM; the terminal drops the T and the fractions.
  const parts = (v: InstantInput) => {
    const ms = instantMs(v);
    if (ms === null) return null;
    const iso = formatInstant(ms, offsetAt(ms));
    return { date: iso.slice(0, 10), minute: iso.slice(11, 16), second: iso.slice(16, 19), offset: iso.slice(-6) };
  };
  const shown = (v: InstantInput) => (v === null || v === undefined ? '' : String(v));
  const clock = (v: InstantInput, o: { seconds?: boolean } = {}) => {
    const p = parts(v);
    return p ? `${p.date} ${p.minute}${o.seconds ? p.second : ''} ${p.offset}` : shown(v);
  };
  return Object.assign(clock, {
    date: (v: InstantInput) => parts(v)?.date ?? shown(v),
    timezone,
  });
}
