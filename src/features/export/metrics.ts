// The metrics export: one row per period (or one for the whole range), the JSON of docs/spec/metrics.md flattened into
// columns. Periods are computed one at a time, so a long series shows progress and holds one period in memory.
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { splitPeriods, type Granularity } from '../../domain/time/periods.js';
import { makeFormatter } from '../../domain/time/format.js';
import { checkPeriod, checkSeries, PERIOD_LIMITS } from '../../domain/time/limits.js';
import { loadSettings } from '../workspace/settings.js';
import { resolveCommunityRef } from '../communities/repository.js';
import { computeMetrics, parseInput, type PeriodMetrics } from '../analytics/metrics/service.js';
import type { PreparedExport } from './members.js';
import type { Cell } from './output.js';

export const METRIC_COLUMNS = [
  'from',
  'to',
  'groups.potential',
  'groups.new',
  'groups.core',
  'groups.dormant',
  'rates.growth',
  'rates.conversion',
  'rates.churn',
  'rates.reactivation',
  'acquisition.new_members',
  'acquisition.by_channel',
  'acquisition.fission_new',
  'acquisition.fission_by_channel',
  'acquisition.leads_new',
  'acquisition.leads_by_channel',
  'content.messages',
  'content.active_members',
  'content.product_mentions',
  'content.topics',
  'conversion.orders',
  'conversion.revenue',
  'conversion.refunds',
  'conversion.first_buyers',
  'conversion.by_channel',
  'conversion.cycle_days_median',
] as const;

/** One cell of a flattened period: numbers as they are, channel maps as compact JSON, topics as `term:count`. */
export function metricCell(m: PeriodMetrics, column: string): Cell {
  let v: unknown = m;
  for (const k of column.split('.')) v = (v as Record<string, unknown> | undefined)?.[k];
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map((x: { term: string; count: number }) => `${x.term}:${x.count}`).join(' ');
  if (typeof v === 'object') return JSON.stringify(v);
  return v as string | number;
}

export interface MetricsExportQuery {
  from: string;
  to: string;
  community?: string;
  by?: Granularity;
}

export async function prepareMetricsExport(db: Kysely<Schema>, q: MetricsExportQuery): Promise<PreparedExport> {
  const { timezone } = await loadSettings(db);
  const from = parseInput(q.from, timezone, 'from');
  const to = parseInput(q.to, timezone, 'to');
  checkPeriod(from, to, PERIOD_LIMITS.metrics);
  const community = q.community === undefined ? undefined : await resolveCommunityRef(db, q.community);
  const periods = q.by ? splitPeriods(timezone, from, to, q.by) : [{ start: from, end: to }];
  if (q.by) checkSeries(periods.length, PERIOD_LIMITS.metrics, q.by);
  const fmt = makeFormatter(timezone);
  let label = '';
  if (community !== undefined) {
    const c = await db.selectFrom('communities').select(['platform', 'external_id']).where('id', '=', community).executeTakeFirstOrThrow();
    label = `-${`${c.platform}:${c.external_id}`.replace(/[^A-Za-z0-9._-]+/g, '_')}`;
  }
  const day = (ms: number) => (fmt(ms) ?? '').slice(0, 10);

  async function* rows(): AsyncGenerator<Cell[]> {
    for (const p of periods) {
      // Instants with their offset (and milliseconds) name the period exactly; `id:N` the community resolved above.
      const m = await computeMetrics(db, {
        from: fmt(p.start)!,
        to: fmt(p.end)!,
        community: community === undefined ? undefined : `id:${community}`,
      });
      if ('series' in m) throw new Error('one period expected');
      yield METRIC_COLUMNS.map((c) => metricCell(m, c));
    }
  }

  return {
    columns: METRIC_COLUMNS,
    sheet: 'metrics',
    filename: `metrics-${day(from)}-${day(to)}${q.by ? `-by-${q.by}` : ''}${label}`,
    count: async () => periods.length,
    rows,
  };
}
