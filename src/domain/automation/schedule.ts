// Time in playbooks (docs/automation.md, "Playbooks"), pure: when a cron step occurs, the instant of "N local days
// after an anchor at HH:mm" in the workspace zone and the anchors whose instant falls in a window, what to do
// with an occurrence the scheduler reaches late, and whether a member fits a target. Customer groups and when a
// member turns dormant are docs/spec/metrics.md's rule (domain/metrics/customer-groups.ts).
import { Cron } from 'croner';
import { localDate, zonedInstant } from '../time/periods.js';
import { TIERS, type Tier } from '../events/types.js';
import type { CustomerGroup } from '../metrics/customer-groups.js';

export { dormantFrom } from '../metrics/customer-groups.js';
export type Missed = 'late' | 'skip';
/** "days local days after the anchor, at HH:mm". */
export interface Relative {
  days: number;
  at: string;
}

const DAY = 86_400_000;

/** Why a cron expression is refused (5 fields: minute hour day-of-month month day-of-week), or null. */
export function cronProblem(expr: string): string | null {
  try {
    new Cron(expr, { mode: '5-part', paused: true });
    return null;
  } catch (err) {
    return `${((err as Error).message ?? String(err)).replace(/^CronPattern: /, '')} (a cron has 5 fields: minute hour day-of-month month day-of-week, e.g. "0 20 * * 5")`;
  }
}

export interface CronWindow {
  /** The latest occurrence in (after, upTo], or null. */
  latest: number | null;
  /** How many occurrences before the latest fall in the window (counted up to `cap`). */
  earlier: number;
  /** The first of those earlier occurrences (null when none). */
  first: number | null;
}

/** A cron expression read in a zone. */
export class CronSchedule {
  private readonly cron: Cron;
  constructor(
    readonly expr: string,
    readonly timezone: string,
  ) {
    this.cron = new Cron(expr, { mode: '5-part', timezone, paused: true });
  }

  /** The first occurrence strictly after `after`. */
  next(after: number): number | null {
    return this.cron.nextRun(new Date(after))?.getTime() ?? null;
  }

  /** The occurrences in (after, upTo]: the latest, and how many came before it (at most `cap` are counted). */
  window(after: number, upTo: number, cap = 1000): CronWindow {
    if (upTo <= after) return { latest: null, earlier: 0, first: null };
    const prev = this.cron.previousRuns(1, new Date(upTo + 1))[0]?.getTime() ?? null;
    if (prev === null || prev <= after || prev > upTo) return { latest: null, earlier: 0, first: null };
    let earlier = 0,
      first: number | null = null;
    for (let t = this.next(after); t !== null && t < prev && earlier < cap; t = this.next(t)) {
      first ??= t;
      earlier++;
    }
    return { latest: prev, earlier, first };
  }
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The instant of local date (y, m, d) + `days` at HH:mm in the zone. */
export function localAt(tz: string, y: number, m: number, d: number, days: number, at: string): number {
  const c = CLOCK.exec(at);
  if (!c) throw new RangeError(`not a local time HH:mm: ${at}`);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return zonedInstant(tz, t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), Number(c[1]), Number(c[2]));
}

/**
 * The instant of a step `days` local days after the anchor (a join, a playbook start) at HH:mm, never before
 * the anchor itself: "day 0 at 09:00" for someone who joined at 15:00 is at the join.
 */
export function relativeInstant(tz: string, anchor: number, rel: Relative): number {
  const { y, m, d } = localDate(tz, anchor);
  return Math.max(anchor, localAt(tz, y, m, d, rel.days, rel.at));
}

/** A campaign step: `days` local days after the campaign's start date (YYYY-MM-DD), at HH:mm. */
export function campaignInstant(tz: string, date: string, days: number, at: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return localAt(tz, y, m, d, days, at);
}

/**
 * The anchors whose step instant falls in (a, b], as [lo, hi) (null: none). relativeInstant never decreases as
 * the anchor moves on, so they form one interval; it is found day by day over the local days that can hold one.
 */
export function anchorRange(tz: string, rel: Relative, a: number, b: number): { lo: number; hi: number } | null {
  if (b <= a) return null;
  let lo = Infinity,
    hi = -Infinity;
  const take = (x: number, y: number) => {
    if (x < y) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, y);
    }
  };
  // An anchor is never after its instant (so not after b), and its instant is on its day + days: the days from
  // a's day - days (and one more for DST's short days) to b's day can hold one.
  const start = localDate(tz, a - (rel.days + 1) * DAY - DAY);
  const last = localDate(tz, b);
  for (let k = 0; ; k++) {
    const t = new Date(Date.UTC(start.y, start.m - 1, start.d + k));
    const [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
    if (y * 10_000 + m * 100 + d > last.y * 10_000 + last.m * 100 + last.d) break;
    const dayStart = zonedInstant(tz, y, m, d),
      nextStart = localAt(tz, y, m, d, 1, '00:00');
    const z = localAt(tz, y, m, d, rel.days, rel.at);
    // Anchors up to z have their instant at z; later ones have it at themselves.
    if (z > a && z <= b) take(dayStart, Math.min(z + 1, nextStart));
    take(Math.max(dayStart, z + 1, a + 1), Math.min(nextStart, b + 1));
  }
  return lo < hi ? { lo, hi } : null;
}

export type Outcome = 'send' | 'late' | 'skip';

/**
 * An occurrence the scheduler reaches at `now`: on time (within the grace) it is sent; later than that, the
 * playbook's `missed` decides: `late` sends it now, `skip` records it as skipped.
 */
export function outcomeOf(at: number, now: number, graceMinutes: number, missed: Missed): Outcome {
  if (now - at <= graceMinutes * 60_000) return 'send';
  return missed === 'late' ? 'late' : 'skip';
}

/**
 * One pass over a community step: only the latest occurrence in the window is acted on (a community never gets
 * a backlog of the same step); earlier ones, which can only exist after a pause, are skipped as superseded.
 */
export function planCommunityWindow(
  w: CronWindow,
  now: number,
  graceMinutes: number,
  missed: Missed,
): { latest: { at: number; outcome: Outcome } | null; superseded: { count: number; first: number | null } } {
  return {
    latest: w.latest === null ? null : { at: w.latest, outcome: outcomeOf(w.latest, now, graceMinutes, missed) },
    superseded: { count: w.earlier, first: w.first },
  };
}

export interface Target {
  tags?: string[];
  tiers?: Tier[];
  groups?: CustomerGroup[];
}
export interface MemberFacts {
  tags: readonly string[];
  tier: Tier | null;
  group: CustomerGroup | null;
}

/** Every filter given must hold; within a filter, any listed value will do. No target: everyone. */
export function matchesTarget(t: Target | undefined, f: MemberFacts): boolean {
  if (!t) return true;
  if (t.tags && !t.tags.some((x) => f.tags.includes(x))) return false;
  if (t.tiers && (f.tier === null || !t.tiers.includes(f.tier))) return false;
  if (t.groups && (f.group === null || !t.groups.includes(f.group))) return false;
  return true;
}

/** A member's tier: the highest tier among their orders still paid (null: none with a tier). */
export function tierOf(tiers: readonly (string | null)[]): Tier | null {
  let best = -1;
  for (const t of tiers) best = Math.max(best, TIERS.indexOf(t as Tier));
  return best < 0 ? null : TIERS[best]!;
}

/** The outbox key of one occurrence of a step for one recipient: the same occurrence is written at most once. */
export function occurrenceKey(playbook: string, step: string, at: number, to: { member: number } | { community: number }, part = ''): string {
  const who = 'member' in to ? `m${to.member}` : `c${to.community}`;
  return `playbook:${playbook}|${step}|${new Date(at).toISOString()}|${who}${part ? `|${part}` : ''}`;
}
