// Cohort retention: members grouped by the calendar week or month (workspace zone) of their first join; for
// each period since, the share of the cohort still present at the period's end and the share active in it.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../../storage/schema.js';
import { splitPeriods } from '../../../domain/time/periods.js';
import { checkPeriod, checkSeries, PERIOD_LIMITS } from '../../../domain/time/limits.js';
import { ratio } from '../../../domain/metrics/rates.js';
import { makeFormatter } from '../../../domain/time/format.js';
import { loadSettings } from '../../workspace/settings.js';
import { resolveCommunityRef } from '../../communities/repository.js';
import { parseInput } from '../metrics/service.js';
import { activeIn, firstJoins, presentAt, type Scope } from '../metrics/sets.js';

export async function cohortRetention(db: Kysely<Schema>, q: { from: string; to: string; by: 'week' | 'month'; community?: string }) {
  const { timezone } = await loadSettings(db);
  const from = parseInput(q.from, timezone, 'from');
  const to = parseInput(q.to, timezone, 'to');
  checkPeriod(from, to, PERIOD_LIMITS.cohorts);
  const periods = splitPeriods(timezone, from, to, q.by);
  checkSeries(periods.length, PERIOD_LIMITS.cohorts, q.by);
  const community = q.community === undefined ? null : await resolveCommunityRef(db, q.community);
  const scope: Scope = { community, timezone };
  // Typed: PostgreSQL cannot infer the types of parameters in a VALUES list.
  const bounds = sql.join(periods.map((p, i) => sql`(CAST(${i} AS integer), CAST(${p.start} AS bigint), CAST(${p.end} AS bigint))`));
  const cohort = sql`WITH b(idx, s, e) AS (VALUES ${bounds}), fj AS (${firstJoins(scope)}),
    cohort AS (SELECT fj.member_id, b.idx AS c FROM fj JOIN b ON fj.fj >= b.s AND fj.fj < b.e)`;
  const sizes = await sql<{ c: number; n: number }>`${cohort} SELECT c, count(*) AS n FROM cohort GROUP BY c`.execute(db);
  const size = new Map(sizes.rows.map((r) => [Number(r.c), Number(r.n)]));
  const present = new Map<string, number>();
  const active = new Map<string, number>();
  for (let j = 0; j < periods.length; j++) {
    const p = periods[j]!;
    const rows = await sql<{ c: number; present: number; active: number }>`${cohort},
        pr AS (${presentAt(scope, p.end)}), ac AS (${activeIn(scope, p.start, p.end)})
      SELECT cohort.c AS c, count(pr.member_id) AS present, count(ac.member_id) AS active
      FROM cohort LEFT JOIN pr ON pr.member_id = cohort.member_id LEFT JOIN ac ON ac.member_id = cohort.member_id
      WHERE cohort.c <= ${j} GROUP BY cohort.c`.execute(db);
    for (const r of rows.rows) {
      present.set(`${r.c}:${j}`, Number(r.present));
      active.set(`${r.c}:${j}`, Number(r.active));
    }
  }
  const fmt = makeFormatter(timezone);
  return {
    by: q.by,
    from: fmt(from),
    to: fmt(to),
    timezone,
    community,
    cohorts: periods.map((p, c) => {
      const n = size.get(c) ?? 0;
      return {
        start: fmt(p.start),
        size: n,
        periods: periods.slice(c).map((pj, k) => {
          const pres = present.get(`${c}:${c + k}`) ?? 0,
            act = active.get(`${c}:${c + k}`) ?? 0;
          return {
            index: k,
            start: fmt(pj.start),
            end: fmt(pj.end),
            present: pres,
            active: act,
            present_share: ratio(pres, n),
            active_share: ratio(act, n),
          };
        }),
      };
    }),
  };
}
