// Calendar days in a workspace time zone, memoised per 15 minutes (every real UTC offset is a multiple of it),
// because ingest asks this for every event.

const QUARTER = 15 * 60_000;

export interface DayBucketer {
  /** The calendar day of an instant in the zone, as the integer YYYYMMDD. */
  dayOf(ms: number): number;
  readonly timezone: string;
}

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function createDayBucketer(timezone: string): DayBucketer {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const memo = new Map<number, number>();
  return {
    timezone,
    dayOf(ms: number): number {
      const q = Math.floor(ms / QUARTER);
      let day = memo.get(q);
      if (day === undefined) {
        const parts = fmt.formatToParts(new Date(q * QUARTER));
        const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
        day = get('year') * 10000 + get('month') * 100 + get('day');
        if (memo.size > 200_000) memo.clear();
        memo.set(q, day);
      }
      return day;
    },
  };
}

const shared = new Map<string, DayBucketer>();
/** One memoising bucketer per zone for the whole process. */
export function dayBucketerFor(timezone: string): DayBucketer {
  let b = shared.get(timezone);
  if (!b) shared.set(timezone, (b = createDayBucketer(timezone)));
  return b;
}

/** Offset of a zone from UTC at an instant, in minutes east. */
export function zoneOffsetMinutes(timezone: string, ms: number): number {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}
