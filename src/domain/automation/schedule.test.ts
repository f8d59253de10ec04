// Playbook time: relative instants in the zone (DST too), the anchor interval of a window against brute force,
// cron windows, the missed decision and targets (groups and turning dormant: domain/metrics/customer-groups.test.ts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  anchorRange,
  campaignInstant,
  CronSchedule,
  cronProblem,
  matchesTarget,
  occurrenceKey,
  outcomeOf,
  planCommunityWindow,
  relativeInstant,
  tierOf,
} from './schedule.js';

const DAY = 86_400_000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Havana', 'UTC'];
const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
// 2024-2027, covering several DST changes in each zone.
const instant = fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') });

describe('relative instants', () => {
  it('is N local days after the anchor at HH:mm, never before the anchor', () => {
    const tz = 'Asia/Shanghai';
    const join = Date.parse('2026-12-01T15:00:00+08:00');
    expect(iso(relativeInstant(tz, join, { days: 1, at: '09:00' }))).toBe('2026-12-02T01:00:00.000Z');
    expect(relativeInstant(tz, join, { days: 0, at: '09:00' })).toBe(join);
    expect(iso(relativeInstant(tz, join, { days: 0, at: '20:00' }))).toBe('2026-12-01T12:00:00.000Z');
    // Late evening in Shanghai is the next local day already in UTC terms: the local date counts.
    expect(iso(relativeInstant(tz, Date.parse('2026-12-01T23:30:00+08:00'), { days: 1, at: '09:00' }))).toBe('2026-12-02T01:00:00.000Z');
  });
  it('follows the zone across a DST change', () => {
    const tz = 'America/New_York';
    expect(iso(relativeInstant(tz, Date.parse('2026-03-07T12:00:00-05:00'), { days: 1, at: '09:00' }))).toBe('2026-03-08T13:00:00.000Z');
    expect(iso(relativeInstant(tz, Date.parse('2026-10-31T12:00:00-04:00'), { days: 2, at: '09:00' }))).toBe('2026-11-02T14:00:00.000Z');
    expect(iso(campaignInstant('Asia/Shanghai', '2026-12-01', -1, '20:00'))).toBe('2026-11-30T12:00:00.000Z');
  });
  it('never decreases as the anchor moves on', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 3 }),
        clock,
        instant,
        fc.integer({ min: 0, max: 3 * DAY }),
        (tz, days, at, j, d) => relativeInstant(tz, j, { days, at }) <= relativeInstant(tz, j + d, { days, at }),
      ),
      { numRuns: 300 },
    );
  });
  it('anchorRange is exactly the anchors whose instant falls in (a, b]', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 3 }),
        clock,
        instant,
        fc.integer({ min: 0, max: 3 * DAY }),
        fc.array(fc.integer({ min: -6 * DAY, max: 4 * DAY }), { minLength: 20, maxLength: 20 }),
        (tz, days, at, a, len, offsets) => {
          const b = a + len,
            rel = { days, at };
          const r = anchorRange(tz, rel, a, b);
          const probes = offsets.map((o) => a + o);
          if (r) probes.push(r.lo - 1, r.lo, r.hi - 1, r.hi);
          for (const j of probes) {
            const t = relativeInstant(tz, j, rel);
            expect(
              t > a && t <= b,
              `${tz} ${at} +${days}d anchor ${iso(j)} → ${iso(t)}, window (${iso(a)}, ${iso(b)}], range ${iso(r?.lo ?? null)}..${iso(r?.hi ?? null)}`,
            ).toBe(r !== null && j >= r.lo && j < r.hi);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
  it('an empty window has no anchors', () => {
    expect(anchorRange('UTC', { days: 1, at: '09:00' }, 100, 100)).toBeNull();
    expect(anchorRange('UTC', { days: 1, at: '09:00' }, Date.parse('2026-12-02T10:00:00Z'), Date.parse('2026-12-02T11:00:00Z'))).toBeNull();
  });
});

describe('cron', () => {
  const friday = new CronSchedule('0 20 * * 5', 'Asia/Shanghai');
  it('reads the expression in the workspace zone', () => {
    expect(iso(friday.next(Date.parse('2026-12-01T00:00:00+08:00')))).toBe('2026-12-04T12:00:00.000Z');
    expect(friday.window(Date.parse('2026-12-03T00:00:00+08:00'), Date.parse('2026-12-05T00:00:00+08:00'))).toEqual({
      latest: Date.parse('2026-12-04T20:00:00+08:00'),
      earlier: 0,
      first: null,
    });
    // (after, upTo]: an occurrence exactly at `after` was the previous pass's.
    const at = Date.parse('2026-12-04T20:00:00+08:00');
    expect(friday.window(at, at + 60_000).latest).toBeNull();
    expect(friday.window(at - 1, at).latest).toBe(at);
  });
  it('counts the occurrences of a long pause', () => {
    const w = friday.window(Date.parse('2026-12-01T00:00:00+08:00'), Date.parse('2026-12-20T00:00:00+08:00'));
    expect([iso(w.latest), w.earlier, iso(w.first)]).toEqual(['2026-12-18T12:00:00.000Z', 2, '2026-12-04T12:00:00.000Z']);
  });
  it('agrees with stepping occurrence by occurrence', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('0 20 * * 5', '30 9 * * *', '0 */6 * * *', '15 2 1 * *'),
        fc.constantFrom(...ZONES),
        instant,
        fc.integer({ min: 0, max: 20 * DAY }),
        (expr, tz, a, len) => {
          const c = new CronSchedule(expr, tz);
          const all: number[] = [];
          for (let t = c.next(a); t !== null && t <= a + len; t = c.next(t)) all.push(t);
          const w = c.window(a, a + len);
          expect([w.latest, w.earlier, w.first]).toEqual([all.at(-1) ?? null, Math.max(0, all.length - 1), all.length > 1 ? all[0] : null]);
        },
      ),
      { numRuns: 60 },
    );
  });
  it('names what is wrong with an expression', () => {
    expect(cronProblem('0 20 * * 5')).toBeNull();
    expect(cronProblem('0 25 * * *')).toMatch(/hour: 25/);
    expect(cronProblem('0 20 * * * *')).toMatch(/exactly 5 parts/);
    expect(cronProblem('every friday')).toMatch(/cron has 5 fields/);
  });
});

describe('missed steps', () => {
  const at = Date.parse('2026-12-04T12:00:00Z');
  it('sends within the grace, then sends late or skips as the playbook says', () => {
    expect(outcomeOf(at, at + 60 * 60_000, 60, 'skip')).toBe('send');
    expect(outcomeOf(at, at + 60 * 60_000 + 1, 60, 'skip')).toBe('skip');
    expect(outcomeOf(at, at + 60 * 60_000 + 1, 60, 'late')).toBe('late');
    expect(outcomeOf(at, at, 0, 'skip')).toBe('send');
  });
  it('acts on the latest occurrence of a window and supersedes the rest', () => {
    expect(planCommunityWindow({ latest: at, earlier: 2, first: at - 14 * DAY }, at + 3 * DAY, 60, 'late')).toEqual({
      latest: { at, outcome: 'late' },
      superseded: { count: 2, first: at - 14 * DAY },
    });
    expect(planCommunityWindow({ latest: null, earlier: 0, first: null }, at, 60, 'skip').latest).toBeNull();
  });
  it('every occurrence gets exactly one outcome, and send only within the grace', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 10 * DAY }),
        fc.integer({ min: 0, max: 24 * 60 }),
        fc.constantFrom('late' as const, 'skip' as const),
        (t, lag, grace, missed) => {
          const o = outcomeOf(t, t + lag, grace, missed);
          expect(o === 'send').toBe(lag <= grace * 60_000);
          if (o !== 'send') expect(o).toBe(missed);
        },
      ),
    );
  });
});

describe('targets and tiers', () => {
  it('needs every filter given, any value within one', () => {
    const f = { tags: ['vip', 'mom'], tier: 'lead' as const, group: 'potential' as const };
    expect(matchesTarget(undefined, f)).toBe(true);
    expect(matchesTarget({ tags: ['vip'], tiers: ['lead', 'entry'], groups: ['potential'] }, f)).toBe(true);
    expect(matchesTarget({ tags: ['vip'], groups: ['core'] }, f)).toBe(false);
    expect(matchesTarget({ tiers: ['premium'] }, f)).toBe(false);
    expect(matchesTarget({ tiers: ['lead'] }, { ...f, tier: null })).toBe(false);
  });
  it('a tier is the highest still paid', () => {
    expect(tierOf([])).toBeNull();
    expect(tierOf([null, 'lead'])).toBe('lead');
    expect(tierOf(['premium', 'lead', 'entry'])).toBe('premium');
  });
});

it('keys an occurrence by playbook, step, instant and recipient', () => {
  const at = Date.parse('2026-12-04T12:00:00Z');
  expect(occurrenceKey('camp', 'live', at, { community: 3 })).toBe('playbook:camp|live|2026-12-04T12:00:00.000Z|c3');
  expect(occurrenceKey('camp', 'day1', at, { member: 7 }, 'tag')).toBe('playbook:camp|day1|2026-12-04T12:00:00.000Z|m7|tag');
});
