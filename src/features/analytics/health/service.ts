// Community health as of an instant: size against capacity, the daily active ratio of the last 7 days, the last
// 4 weeks' growth and churn, and a plain-language verdict (domain/metrics/health.ts).
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../../storage/schema.js';
import { healthVerdict } from '../../../domain/metrics/health.js';
import { rates, ratio } from '../../../domain/metrics/rates.js';
import { dayNumber, daysBefore, startOfDay } from '../../../domain/time/periods.js';
import { makeFormatter } from '../../../domain/time/format.js';
import { loadSettings } from '../../workspace/settings.js';
import { listCommunities } from '../../communities/repository.js';
import { parseInput } from '../metrics/service.js';
import { rateParts } from '../metrics/figures.js';
import { presentAt } from '../metrics/sets.js';

export async function communityHealth(db: Kysely<Schema>, q: { at?: string }) {
  const settings = await loadSettings(db);
  const tz = settings.timezone;
  const t = parseInput(q.at, tz, 'at');
  const today = startOfDay(tz, t);
  const weekStart = daysBefore(tz, t, 7);
  const fmt = makeFormatter(tz);
  const out = [];
  for (const c of await listCommunities(db)) {
    const scope = { community: c.id, timezone: tz };
    const present = await sql<{ n: number }>`SELECT count(*) AS n FROM (${presentAt(scope, t)}) p`.execute(db);
    const members = Number(present.rows[0]?.n ?? 0);
    const active = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT DISTINCT member_id, day FROM member_days
      WHERE community_id = ${c.id} AND day >= ${dayNumber(tz, weekStart)} AND day < ${dayNumber(tz, today)}) x`.execute(db);
    const dailyActive = Number(active.rows[0]?.n ?? 0) / 7;
    const weeks = [];
    for (let k = 4; k >= 1; k--) {
      const s = daysBefore(tz, t, 7 * k),
        e = daysBefore(tz, t, 7 * (k - 1));
      const r = await rateParts(db, scope, settings, s, e);
      const { growth, churn } = rates(r);
      weeks.push({ from: fmt(s), to: fmt(e), joiners: r.joiners, churned: r.churned, growth, churn });
    }
    const capacity = c.capacity ?? 200;
    const dailyActiveRatio = ratio(dailyActive, members);
    out.push({
      community: { id: c.id, platform: c.platform, external_id: c.external_id, name: c.name },
      members,
      capacity,
      fill: members / capacity,
      daily_active_members: dailyActive,
      daily_active_ratio: dailyActiveRatio,
      weeks,
      verdict: healthVerdict({ members, capacity, dailyActiveRatio, weeks }),
    });
  }
  return { at: fmt(t), timezone: tz, communities: out };
}
