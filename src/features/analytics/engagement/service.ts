// Engagement levels of the members present at an instant: how many of the 30 whole local days before its day
// each was active (docs/metrics.md). One GROUP BY over member_days; nothing loaded member by member.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../../storage/schema.js';
import { ENGAGEMENT_LEVELS, ENGAGEMENT_WINDOW_DAYS, engagementOf } from '../../../domain/metrics/engagement.js';
import { ratio } from '../../../domain/metrics/rates.js';
import { dayNumber, daysBefore, startOfDay } from '../../../domain/time/periods.js';
import { makeFormatter } from '../../../domain/time/format.js';
import { loadSettings } from '../../workspace/settings.js';
import { resolveCommunityRef } from '../../communities/repository.js';
import { parseInput } from '../metrics/service.js';
import { inScope, presentAt, type Scope } from '../metrics/sets.js';

function windowDays(tz: string, t: number): { d0: number; d1: number; start: number; end: number } {
  const end = startOfDay(tz, t);
  const start = daysBefore(tz, t, ENGAGEMENT_WINDOW_DAYS);
  return { d0: dayNumber(tz, start), d1: dayNumber(tz, end), start, end };
}

export async function engagementDistribution(db: Kysely<Schema>, q: { at?: string; community?: string }) {
  const { timezone } = await loadSettings(db);
  const t = parseInput(q.at, timezone, 'at');
  const scope: Scope = { community: q.community === undefined ? null : await resolveCommunityRef(db, q.community), timezone };
  const w = windowDays(timezone, t);
  const rows = await sql<{ level: string; n: number }>`
    WITH pres AS (${presentAt(scope, t)}),
         days AS (SELECT member_id, count(DISTINCT day) AS d FROM member_days WHERE day >= ${w.d0} AND day < ${w.d1}${inScope(scope)} GROUP BY member_id)
    SELECT CASE ${sql.join(
      ENGAGEMENT_LEVELS.map((l) => sql`WHEN coalesce(days.d, 0) <= ${l.max} THEN ${l.key}`),
      sql` `,
    )} ELSE 'ultra' END AS level,
      count(*) AS n
    FROM pres LEFT JOIN days ON days.member_id = pres.member_id GROUP BY 1`.execute(db);
  const counts = new Map(rows.rows.map((r) => [r.level, Number(r.n)]));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const fmt = makeFormatter(timezone);
  return {
    at: fmt(t),
    window: { from: fmt(w.start), to: fmt(w.end) },
    timezone,
    community: scope.community,
    present_members: total,
    levels: ENGAGEMENT_LEVELS.map((l) => ({
      key: l.key,
      name_zh: l.zh,
      active_days: [l.min, l.max] as [number, number],
      members: counts.get(l.key) ?? 0,
      share: ratio(counts.get(l.key) ?? 0, total),
    })),
  };
}

/** One member's active days in the window before now, and the level they give. */
export async function memberEngagement(db: Kysely<Schema>, memberId: number, timezone: string, t = Date.now()) {
  const w = windowDays(timezone, t);
  const r = await sql<{
    d: number;
  }>`SELECT count(DISTINCT day) AS d FROM member_days WHERE member_id = ${memberId} AND day >= ${w.d0} AND day < ${w.d1}`.execute(db);
  const days = Number(r.rows[0]?.d ?? 0);
  return { active_days: days, level: engagementOf(days) };
}
