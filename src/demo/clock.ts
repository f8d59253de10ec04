// Time for the demo: the period is cut into day slots that start at local midnight, and instants are
// formatted as ISO-8601 with the zone's offset at second precision (fast path: one table lookup per event).

const DAY = 86_400;
let hmsTable: string[] | undefined;

function two(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** "HH:MM:SS" for every second of a day, built once (about 3 MB) because formatting is the hot path. */
function hms(): string[] {
  if (!hmsTable) {
    hmsTable = new Array<string>(DAY);
    for (let s = 0; s < DAY; s++) hmsTable[s] = `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
  }
  return hmsTable;
}

/** Days since 1970-01-01 to a proleptic Gregorian date (Hinnant's civil_from_days). */
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

export function dateText(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`;
}

function offsetText(min: number): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${two(Math.floor(a / 60))}:${two(a % 60)}`;
}

/** Returns a function giving the zone's UTC offset in minutes at an instant (epoch seconds). */
export function zoneOffsets(timezone: string): (epochSec: number) => number {
  if (timezone === 'Asia/Shanghai') return () => 480; // fixed +08:00, no DST since 1991
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' });
  return (epochSec) => {
    const name = fmt.formatToParts(new Date(epochSec * 1000)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
    if (!m) return 0;
    const v = Number(m[2]) * 60 + Number(m[3] ?? 0);
    return m[1] === '-' ? -v : v;
  };
}

export class SlotClock {
  readonly startSec: number;
  readonly endSec: number;
  /** Epoch second of slot 0 (the local midnight on or before the period start). */
  readonly slot0: number;
  readonly slots: number;
  private readonly offsetAt: (epochSec: number) => number;
  private readonly table = hms();
  // State of the current slot, set by begin().
  slotStart = 0;
  /** In-range second bounds [lo, hi) within the current slot. */
  lo = 0;
  hi = DAY;
  month = 1;
  day = 1;
  /** 0 = Sunday … 6 = Saturday. */
  weekday = 0;
  /** The slot's local date YYYY-MM-DD. */
  date = '';
  private fast = true;
  private prefix = '';
  private suffix = '';

  constructor(end: Date, days: number, timezone: string) {
    this.offsetAt = zoneOffsets(timezone);
    this.endSec = Math.floor(end.getTime() / 1000);
    this.startSec = this.endSec - days * DAY;
    const off = this.offsetAt(this.startSec) * 60;
    const local = this.startSec + off;
    this.slot0 = local - (((local % DAY) + DAY) % DAY) - off;
    this.slots = Math.ceil((this.endSec - this.slot0) / DAY);
  }

  begin(k: number): void {
    this.slotStart = this.slot0 + k * DAY;
    this.lo = Math.max(0, this.startSec - this.slotStart);
    this.hi = Math.min(DAY, this.endSec - this.slotStart);
    const a = this.offsetAt(this.slotStart);
    const b = this.offsetAt(this.slotStart + DAY - 1);
    const localStart = this.slotStart + a * 60;
    // Fast path whenever the slot is exactly one local day with one offset (always true for Asia/Shanghai).
    this.fast = a === b && ((localStart % DAY) + DAY) % DAY === 0;
    const mid = Math.floor((this.slotStart + DAY / 2 + a * 60) / DAY);
    const c = civilFromDays(mid);
    this.month = c.m;
    this.day = c.d;
    this.weekday = (((mid + 4) % 7) + 7) % 7;
    this.date = dateText(mid);
    this.prefix = this.date + 'T';
    this.suffix = offsetText(a);
  }

  /** ISO-8601 text of second t of the current slot. */
  format(t: number): string {
    if (this.fast) return this.prefix + this.table[t]! + this.suffix;
    const epoch = this.slotStart + t;
    const off = this.offsetAt(epoch);
    const local = epoch + off * 60;
    const days = Math.floor(local / DAY);
    return dateText(days) + 'T' + this.table[local - days * DAY]! + offsetText(off);
  }

  /** YYYYMMDD of slot k's local date, for order numbers. */
  compactDate(k: number): string {
    const start = this.slot0 + k * DAY;
    return dateText(Math.floor((start + DAY / 2 + this.offsetAt(start) * 60) / DAY)).replace(/-/g, '');
  }
}
