// The data-management dashboard of docs/spec/metrics.md for a range, or a series of calendar periods within it.
import { InvalidInputError } from '../../../domain/errors.js';
import type { Kysely } from 'kysely';
import type { Schema } from '../../../storage/schema.js';
import { parseBoundary, splitPeriods, type Granularity } from '../../../domain/time/periods.js';
import { makeFormatter } from '../../../domain/time/format.js';
import { checkPeriod, checkSeries, PERIOD_LIMITS } from '../../../domain/time/limits.js';
import { loadSettings } from '../../workspace/settings.js';
import { resolveCommunityRef } from '../../communities/repository.js';
import { acquisition, contentCounts, conversion, groupsAt, rateParts } from './figures.js';
import type { GroupSettings } from '../../../domain/metrics/customer-groups.js';
import { rates } from '../../../domain/metrics/rates.js';
import { mentionsByProduct, messageText } from './text.js';
import type { Scope } from './sets.js';
import { cachedPeriods, ledgerVersion, storePeriods, type Span } from './period-cache.js';
import { sweep, sweepable, type SweptPeriod } from './sweep.js';
import type { Tier } from '../../../domain/events/types.js';

export interface MetricsQuery {
  from: string;
  to: string;
  community?: string;
  by?: Granularity;
}

/** A bad period, instant or grain: invalid input naming the parameter. */
export class MetricsInputError extends InvalidInputError {}

/** A from/to/at parameter as an instant; a bad one is a MetricsInputError naming it. Absent `at` means now. */
export function parseInput(value: string | undefined, timezone: string, name: string): number {
  if (value === undefined && name === 'at') return Date.now();
  try {
    return parseBoundary(value ?? '', timezone, name);
  } catch (err) {
    throw new MetricsInputError((err as Error).message);
  }
}

async function products(db: Kysely<Schema>) {
  const rows = await db.selectFrom('products').select(['name', 'aliases']).execute();
  return rows.map((r) => ({ name: r.name, aliases: JSON.parse(r.aliases) as string[] }));
}

async function onePeriod(
  db: Kysely<Schema>,
  scope: Scope,
  p: GroupSettings,
  prods: { name: string; aliases: string[] }[],
  s: number,
  e: number,
  fmt: (ms: number) => string,
  community: string | null,
  swept?: SweptPeriod,
) {
  const [groups, r, acq, content, text, conv] = await Promise.all([
    swept?.groups ?? groupsAt(db, scope, p, e),
    swept?.parts ?? rateParts(db, scope, p, s, e),
    acquisition(db, scope, s, e),
    swept ? { messages: swept.messages, active_members: swept.active } : contentCounts(db, scope, s, e),
    messageText(db, scope, s, e, prods),
    conversion(db, scope, s, e, swept?.buyers),
  ]);
  return {
    from: fmt(s),
    to: fmt(e),
    timezone: scope.timezone,
    community,
    groups,
    rates: rates(r),
    acquisition: acq,
    content: { ...content, ...text },
    conversion: conv,
  };
}

export type PeriodMetrics = Awaited<ReturnType<typeof onePeriod>>;

/** A request's period and community, checked: instants in the workspace zone, from before to, a known community. */
async function periodOf(db: Kysely<Schema>, q: { from: string; to: string; community?: string }) {
  const settings = await loadSettings(db);
  const tz = settings.timezone;
  const from = parseInput(q.from, tz, 'from');
  const to = parseInput(q.to, tz, 'to');
  checkPeriod(from, to, PERIOD_LIMITS.metrics);
  const communityId = q.community === undefined ? null : await resolveCommunityRef(db, q.community);
  return { settings, tz, from, to, communityId };
}

export async function computeMetrics(db: Kysely<Schema>, q: MetricsQuery): Promise<PeriodMetrics | { series: PeriodMetrics[] }> {
  const { settings, tz, from, to, communityId } = await periodOf(db, q);
  let label: string | null = null;
  if (communityId !== null) {
    const c = await db.selectFrom('communities').select(['platform', 'external_id']).where('id', '=', communityId).executeTakeFirstOrThrow();
    label = `${c.platform}:${c.external_id}`;
  }
  const scope: Scope = { community: communityId, timezone: tz };
  const params: GroupSettings = { dormantDays: settings.dormantDays, newCustomerDays: settings.newCustomerDays };
  const fmt = makeFormatter(tz);
  const prods = await products(db);
  const periods = q.by ? splitPeriods(tz, from, to, q.by) : [{ start: from, end: to }];
  if (q.by) checkSeries(periods.length, PERIOD_LIMITS.metrics, q.by);
  // Finished periods come from the cache; the rest are computed and offered back to it (period-cache.ts).
  const cacheScope = communityId === null ? 'all' : `c:${communityId}`;
  const version = await ledgerVersion(db);
  const spans = periods.map((p) => ({ s: p.start, e: p.end }));
  const cached = await cachedPeriods<PeriodMetrics>(db, cacheScope, spans);
  const missing = spans.filter((p) => !cached.has(`${p.s}:${p.e}`));
  // Whole-day periods: one pass over the members answers the member-set figures of all of them (sweep.ts).
  const swept = missing.length > 0 && sweepable(tz, params, missing) ? await sweep(db, scope, params, missing) : null;
  const fresh: (Span & { answer: PeriodMetrics })[] = [];
  for (let i = 0; i < missing.length; i++) {
    const p = missing[i]!;
    fresh.push({ ...p, answer: await onePeriod(db, scope, params, prods, p.s, p.e, fmt, label, swept?.[i]) });
  }
  const computed = new Map(fresh.map((f) => [`${f.s}:${f.e}`, f.answer]));
  const series = spans.map((p) => cached.get(`${p.s}:${p.e}`) ?? computed.get(`${p.s}:${p.e}`)!);
  await storePeriods(db, cacheScope, version, fresh);
  return q.by ? { series } : series[0]!;
}

/** GET /api/v1/metrics/products: mentions of each product in the period (the breakdown of content.product_mentions). */
export async function productMentions(db: Kysely<Schema>, q: { from: string; to: string; community?: string }) {
  const { tz, from, to, communityId } = await periodOf(db, q);
  const prods = (await db.selectFrom('products').select(['key', 'name', 'aliases', 'tier']).orderBy('key').execute()).map((p) => ({
    key: p.key,
    name: p.name,
    aliases: JSON.parse(p.aliases) as string[],
    tier: p.tier as Tier,
  }));
  const counts = await mentionsByProduct(db, { community: communityId, timezone: tz }, from, to, prods);
  const fmt = makeFormatter(tz);
  return {
    from: fmt(from),
    to: fmt(to),
    timezone: tz,
    community: q.community ?? null,
    products: prods
      .map((p) => ({ key: p.key, name: p.name, tier: p.tier, mentions: counts.get(p.key) ?? 0 }))
      .sort((a, b) => b.mentions - a.mentions || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
}
