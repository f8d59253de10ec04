// Instants shown to people: ISO-8601 in the workspace zone, with its offset.
import { formatInstant } from '../events/instant.js';
import { zoneOffsetMinutes } from './zone.js';

export function makeFormatter(timezone: string): (ms: number | null | undefined) => string | null {
  const offsets = new Map<number, number>();
  return (ms) => {
    if (ms === null || ms === undefined) return null;
    const hour = Math.floor(Number(ms) / 3_600_000);
    let off = offsets.get(hour);
    if (off === undefined) offsets.set(hour, (off = zoneOffsetMinutes(timezone, Number(ms))));
    return formatInstant(Number(ms), off);
  };
}
