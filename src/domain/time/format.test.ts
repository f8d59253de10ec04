// The terminal's wall clock: the same instant, given as epoch ms, a Z string or any offset, prints as the zone's
// local time with the offset in force then, whatever the process zone.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { instantMs, makeFormatter, makeWallClock } from './format.js';

afterEach(() => vi.unstubAllEnvs());

describe('makeWallClock', () => {
  it('prints any form of an instant as local time with its offset, far from UTC and across DST', () => {
    vi.stubEnv('TZ', 'Europe/Lisbon');
    const ms = Date.parse('2026-12-03T11:30:00Z');
    const kiri = makeWallClock('Pacific/Kiritimati');
    for (const v of [ms, '2026-12-03T11:30:00Z', '2026-12-03T11:30:00.000Z', '2026-12-03T19:30:00+08:00', '2026-12-03T01:30:00-10:00']) {
      expect(kiri(v)).toBe('2026-12-04 01:30 +14:00');
    }
    expect(kiri.date(ms)).toBe('2026-12-04');
    const adak = makeWallClock('America/Adak');
    expect(adak(ms)).toBe('2026-12-03 01:30 -10:00');
    expect(adak('2026-07-01T12:00:05Z', { seconds: true })).toBe('2026-07-01 03:00:05 -09:00');
    // The night DST starts on Adak (2026-03-08, 02:00 local → 03:00): an hour apart on either side of it.
    expect(adak(Date.parse('2026-03-08T11:59:00Z'))).toBe('2026-03-08 01:59 -10:00');
    expect(adak(Date.parse('2026-03-08T12:00:00Z'))).toBe('2026-03-08 03:00 -09:00');
    expect(makeWallClock('Asia/Kolkata')(ms)).toBe('2026-12-03 17:00 +05:30');
  });

  it('leaves absent values blank and shows unreadable ones as they are', () => {
    const at = makeWallClock('Asia/Shanghai');
    expect([at(null), at(undefined), at(''), at.date(null)]).toEqual(['', '', '', '']);
    expect(at('not a time')).toBe('not a time');
    expect(at.date('2026-12-03')).toBe('2026-12-03');
    expect(instantMs('1764761400000')).toBe(1764761400000);
  });

  it('agrees with Intl on the wall time all year on Adak, and with the JSON form (makeFormatter) on the offset', () => {
    vi.stubEnv('TZ', 'Asia/Tokyo');
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/Adak',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    const iso = makeFormatter('America/Adak'),
      at = makeWallClock('America/Adak');
    for (let ms = Date.parse('2026-01-01T00:00:00Z'); ms < Date.parse('2027-01-01T00:00:00Z'); ms += 7 * 3_600_000 + 123_000) {
      const p = Object.fromEntries(intl.formatToParts(ms).map((x) => [x.type, x.value]));
      expect(at(ms)).toBe(`${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${iso(ms)!.slice(-6)}`);
      expect(['-10:00', '-09:00']).toContain(iso(ms)!.slice(-6));
    }
  });
});
