// The console's time formatting (time.ts), run in node with the process zone set away from the workspace's: the
// same instant, given as epoch ms, a Z string or any offset, shows as the workspace's wall-clock time and offset.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { offsetLabel, timeFormat, toMs } from './time';

afterEach(() => vi.unstubAllEnvs());

const AT = Date.parse('2026-12-03T11:30:00Z');
const FORMS = [AT, String(AT), '2026-12-03T11:30:00Z', '2026-12-03T11:30:00.000Z', '2026-12-03T19:30:00+08:00', '2026-12-03T01:30:00-10:00'];
const PROCESS_ZONES = ['Asia/Shanghai', 'Europe/London', 'America/Adak', 'Pacific/Kiritimati'];

/** Runs `fn` with the process in each zone (and checks the process really moved: its own offset changes). */
function inEveryProcessZone(fn: () => void) {
  const seen = new Set<number>();
  for (const tz of PROCESS_ZONES) {
    vi.stubEnv('TZ', tz);
    seen.add(new Date(AT).getTimezoneOffset());
    fn();
  }
  expect(seen.size).toBe(PROCESS_ZONES.length);
}

describe('timeFormat', () => {
  it('shows a Kiritimati (UTC+14) workspace its own day and hour, whatever the process zone', () => {
    inEveryProcessZone(() => {
      const f = timeFormat('Pacific/Kiritimati');
      for (const v of FORMS) expect(f.instant(v)).toBe('2026-12-04 01:30 (UTC+14)');
      expect(f.instant('2026-12-03T11:30:07Z', { seconds: true })).toBe('2026-12-04 01:30:07 (UTC+14)');
      expect(f.date(AT)).toBe('2026-12-04');
      expect(f.monthDay('2026-12-03T11:30:00Z')).toBe('12-04');
      expect(f.clock(AT)).toBe('01:30');
      expect(f.offset(AT)).toBe('UTC+14');
    });
  });

  it('follows Adak (UTC-10, UTC-9 in summer) across its DST changes, whatever the process zone', () => {
    inEveryProcessZone(() => {
      const f = timeFormat('America/Adak', 'en-US');
      for (const v of FORMS) expect(f.instant(v)).toBe('2026-12-03 01:30 (UTC-10)');
      expect(f.instant('2026-07-01T12:00:00Z')).toBe('2026-07-01 03:00 (UTC-9)');
      // 2026-03-08: 02:00 local becomes 03:00, so one UTC minute apart is an hour apart on the wall.
      expect(f.instant('2026-03-08T11:59:00Z')).toBe('2026-03-08 01:59 (UTC-10)');
      expect(f.instant('2026-03-08T12:00:00Z')).toBe('2026-03-08 03:00 (UTC-9)');
      // 2026-11-01: 02:00 local goes back to 01:00, so 01:30 happens twice; the offset tells them apart.
      expect(f.instant('2026-11-01T10:30:00Z')).toBe('2026-11-01 01:30 (UTC-9)');
      expect(f.instant('2026-11-01T11:30:00Z')).toBe('2026-11-01 01:30 (UTC-10)');
      // The evening of the 2nd there is already the 3rd in UTC: the date is the zone's.
      expect(f.date('2026-12-03T08:00:00Z')).toBe('2026-12-02');
    });
  });

  it("keeps dates as dates, reads an offset-less time as the zone's, and marks absent or unreadable values", () => {
    vi.stubEnv('TZ', 'Asia/Tokyo');
    const f = timeFormat('Pacific/Kiritimati');
    expect(f.date('2026-12-03')).toBe('2026-12-03');
    expect(f.monthDay('2026-12-03')).toBe('12-03');
    expect(toMs('2026-12-04T01:30:00', 'Pacific/Kiritimati')).toBe(AT);
    expect(toMs('2026-07-01T03:00', 'America/Adak')).toBe(Date.parse('2026-07-01T12:00:00Z'));
    expect([f.instant(null), f.instant(undefined), f.instant(''), f.date(null)]).toEqual(['—', '—', '—', '—']);
    expect(f.instant('soon')).toBe('soon');
  });

  it('names fractional and zero offsets, and falls back to UTC (saying so) for a zone the runtime does not know', () => {
    expect(timeFormat('Asia/Kolkata').instant(AT)).toBe('2026-12-03 17:00 (UTC+5:30)');
    expect(timeFormat('America/St_Johns').instant(AT)).toBe('2026-12-03 08:00 (UTC-3:30)');
    expect(timeFormat('Europe/London').instant(AT)).toBe('2026-12-03 11:30 (UTC)');
    const unknown = timeFormat('Nowhere/City');
    expect([unknown.zone, unknown.instant(AT)]).toEqual(['UTC', '2026-12-03 11:30 (UTC)']);
    expect([offsetLabel(480), offsetLabel(-570), offsetLabel(345), offsetLabel(0)]).toEqual(['UTC+8', 'UTC-9:30', 'UTC+5:45', 'UTC']);
  });

  it("writes the long form in the console's language with the zone named", () => {
    vi.stubEnv('TZ', 'UTC');
    const zh = timeFormat('Pacific/Kiritimati', 'zh-CN').long(AT);
    const en = timeFormat('Pacific/Kiritimati', 'en-US').long(AT);
    expect(zh).toMatch(/2026年12月4日/);
    expect(zh).toMatch(/01:30:00/);
    expect(en).toMatch(/December 4, 2026/);
    expect(en).toMatch(/01:30:00/);
    for (const s of [zh, en]) expect(s.endsWith(' · Pacific/Kiritimati')).toBe(true);
  });
});
