// Instants as the console shows them: in the workspace's time zone with the offset in force then
// ("2026-12-03 19:30 (UTC+8)"), dates alone where only a date is meant. Takes what the API answers carry — ISO
// strings with an offset or Z, epoch ms — and never depends on the browser's own zone. Pure: no React here.
import type { Lang } from './i18n';

export type Instant = string | number | null | undefined;

export interface TimeFormat {
  /** The zone used (the workspace's; UTC if the browser does not know it). */
  readonly zone: string;
  /** "2026-12-03 19:30 (UTC+8)", with seconds if asked; "—" when absent; the input itself when unreadable. */
  instant(v: Instant, o?: { seconds?: boolean }): string;
  /** The calendar date in the zone, "2026-12-03"; a plain date is already one and is returned as it is. */
  date(v: Instant): string;
  /** Month and day in the zone, "12-03" (axis labels, week spans). */
  monthDay(v: Instant): string;
  /** The time of day in the zone, "19:30" (where the day and offset are shown beside it). */
  clock(v: Instant): string;
  /** The offset at an instant (now when omitted): "UTC+8", "UTC+5:30", "UTC-9", "UTC". */
  offset(v?: Instant): string;
  /** The long form in the console's language, for a tooltip: "2026年12月3日星期四 中国标准时间 19:30:00 · Asia/Shanghai". */
  long(v: Instant): string;
  /** Today's date in the zone. */
  today(): string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();
/** Numeric parts in the zone, 24-hour, Latin digits; cached per zone and locale (building one is slow). */
function partsFormat(zone: string, lang: Lang): Intl.DateTimeFormat {
  const key = `${zone}|${lang}`;
  let f = partsFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      timeZone: zone,
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(key, f);
  }
  return f;
}

/** Whether the browser (or node) knows a zone by that name. */
export function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function wallAt(ms: number, zone: string, lang: Lang): Wall {
  const p: Record<string, number> = {};
  for (const x of partsFormat(zone, lang).formatToParts(new Date(ms))) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return { year: p.year ?? 0, month: p.month ?? 1, day: p.day ?? 1, hour: (p.hour ?? 0) % 24, minute: p.minute ?? 0, second: p.second ?? 0 };
}

/** Minutes east of UTC in force in the zone at an instant. */
function offsetMinutes(ms: number, zone: string, lang: Lang): number {
  const w = wallAt(ms, zone, lang);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * Epoch ms of an instant: numbers as they are, ISO strings with an offset or Z by their offset. A date-time without
 * one is read as the zone's wall-clock time (as the API's inputs are), never as the browser's.
 */
export function toMs(v: Instant, zone = 'UTC', lang: Lang = 'zh-CN'): number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (/^-?\d+$/.test(v)) return Number(v);
  const local = LOCAL.exec(v);
  if (local) {
    const [y, mo, d, h, mi, s] = local.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
    const wall = Date.UTC(y, mo - 1, d, h, mi, s);
    // The offset at the wall time read as UTC, then at the instant that gives: right except inside a DST gap.
    const first = wall - offsetMinutes(wall, zone, lang) * 60_000;
    return wall - offsetMinutes(first, zone, lang) * 60_000;
  }
  if (DATE_ONLY.test(v)) return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : ms;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "UTC+8", "UTC+5:30", "UTC-9:30", "UTC" from minutes east of UTC. */
export function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ''}`;
}

const longFormats = new Map<string, Intl.DateTimeFormat>();

/** Formatting in one zone and language; an unknown zone falls back to UTC, which the offset then says. */
export function timeFormat(zone: string, lang: Lang = 'zh-CN'): TimeFormat {
  const z = knownZone(zone) ? zone : 'UTC';
  const ms = (v: Instant) => toMs(v, z, lang);
  const absent = (v: Instant) => v === null || v === undefined || v === '';
  const shown = (v: Instant, f: (m: number) => string) => {
    if (absent(v)) return '—';
    const m = ms(v);
    return m === null ? String(v) : f(m);
  };
  const ymd = (w: Wall) => `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  const hm = (w: Wall) => `${pad(w.hour)}:${pad(w.minute)}`;
  return {
    zone: z,
    instant: (v, o = {}) =>
      shown(v, (m) => {
        const w = wallAt(m, z, lang);
        return `${ymd(w)} ${hm(w)}${o.seconds ? `:${pad(w.second)}` : ''} (${offsetLabel(offsetMinutes(m, z, lang))})`;
      }),
    date: (v) => (typeof v === 'string' && DATE_ONLY.test(v) ? v : shown(v, (m) => ymd(wallAt(m, z, lang)))),
    monthDay: (v) => (typeof v === 'string' && DATE_ONLY.test(v) ? v.slice(5) : shown(v, (m) => ymd(wallAt(m, z, lang)).slice(5))),
    clock: (v) => shown(v, (m) => hm(wallAt(m, z, lang))),
    offset: (v) => offsetLabel(offsetMinutes(ms(v ?? Date.now()) ?? Date.now(), z, lang)),
    long: (v) =>
      shown(v, (m) => {
        const key = `${z}|${lang}`;
        let f = longFormats.get(key);
        if (!f) {
          f = new Intl.DateTimeFormat(lang, {
            timeZone: z,
            year: 'numeric',
            month: 'long',
            day: 'numeric',
            weekday: 'long',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
            hourCycle: 'h23',
            timeZoneName: 'long',
          });
          longFormats.set(key, f);
        }
        return `${f.format(new Date(m))} · ${z}`;
      }),
    today: () => ymd(wallAt(Date.now(), z, lang)),
  };
}
