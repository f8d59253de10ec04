// The bounds every time input is held to, so no request can ask for unbounded work: instants from 1970 to the start of
// 2100, and per route a longest period and a longest series. docs/limits.md lists them; a request past
// one is refused with the limit named, before any work is done.
import { InvalidInputError } from '../errors.js';

/** The start of 1970-01-01 in the earliest zone (+14:00): nothing a community platform recorded is older. */
export const EARLIEST_MS = Date.UTC(1969, 11, 31, 10);
/** The start of 2100-01-01 in the latest zone (−12:00), so `to=2100-01-01` is accepted as an end everywhere. */
export const LATEST_MS = Date.UTC(2100, 0, 1, 12);
export const YEARS = '1970–2100';

const DAY_MS = 86_400_000;

/** A route's bounds: the longest [from, to) in days, and for a series the most periods of each grain. */
export interface PeriodLimit {
  maxDays: number;
  maxPeriods?: Partial<Record<'day' | 'week' | 'month', number>>;
}

/** Per route (docs/limits.md). A change here is a change of the API: update the docs with it. */
export const PERIOD_LIMITS = {
  /** GET /api/v1/metrics, /metrics/products, /export/metrics. */
  metrics: { maxDays: 1830, maxPeriods: { day: 400, week: 263, month: 61 } },
  /** GET /api/v1/cohorts. */
  cohorts: { maxDays: 1100, maxPeriods: { week: 159, month: 37 } },
  /** POST /api/v1/rules/{key}/dry-run: replays the ledger hour by hour. */
  dryRun: { maxDays: 92 },
  /** GET /api/v1/moderation, /faq: messages of the window. */
  window: { maxDays: 92 },
  /** GET /api/v1/playbooks/calendar. */
  calendar: { maxDays: 62 },
} as const satisfies Record<string, PeriodLimit>;

/** An instant outside [1970, 2100) is refused, naming the parameter and the value given. */
export function checkInstantInRange(ms: number, name: string, given: string): void {
  if (!Number.isFinite(ms) || ms < EARLIEST_MS || ms > LATEST_MS)
    throw new InvalidInputError(`${given} is outside the accepted years ${YEARS}`, { field: name, code: 'out_of_range' });
}

/** Whole days a [from, to) period touches, counted without building it. */
export const spanDays = (from: number, to: number): number => Math.ceil((to - from) / DAY_MS);

/** Checks [from, to) against a route's limit before anything is computed: from before to, and at most maxDays long. */
export function checkPeriod(from: number, to: number, limit: PeriodLimit): void {
  if (to <= from) throw new InvalidInputError('must be after from (the period is empty)', { field: 'to' });
  const days = spanDays(from, to);
  if (days > limit.maxDays)
    throw new InvalidInputError(`the period is ${days} days long; at most ${limit.maxDays} days are accepted here — choose a shorter range`, {
      field: 'to',
      code: 'period_too_long',
    });
}

/** A series of `count` periods of a grain (split after checkPeriod, so the split itself is bounded). */
export function checkSeries(count: number, limit: PeriodLimit, by: 'day' | 'week' | 'month'): void {
  const max = limit.maxPeriods?.[by];
  if (max === undefined) throw new InvalidInputError(`${by} is not offered here`, { field: 'by' });
  if (count > max)
    throw new InvalidInputError(`${count} periods of a ${by}; at most ${max} — use a coarser by or a shorter range`, {
      field: 'by',
      code: 'too_many_periods',
    });
}
