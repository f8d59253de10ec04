// RFM of the paying members as of an instant (docs/metrics.md): recency of the last paid order, number of paid
// orders, net amount paid (refunds before the instant taken off); quintile scores in SQL (window functions on
// both dialects, so nothing is loaded member by member); segments by each score against its mean.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../../storage/schema.js';
import { RFM_SEGMENTS } from '../../../domain/metrics/rfm.js';
import { ratio } from '../../../domain/metrics/rates.js';
import { makeFormatter } from '../../../domain/time/format.js';
import { loadSettings } from '../../workspace/settings.js';
import { resolveCommunityRef } from '../../communities/repository.js';
import { MetricsInputError, parseInput } from '../metrics/service.js';

const DAY = 86_400_000;

export function scored(t: number, community: number | null) {
  const scope = community === null ? sql`` : sql` AND o.community_id = ${community}`;
  return sql`
    WITH paid AS (
      SELECT o.member_id, o.paid_at, o.amount - coalesce((SELECT sum(r.applied) FROM order_refunds r
        WHERE r.platform = o.platform AND r.order_id = o.order_id AND r.at < ${t}), 0) AS net
      FROM orders o WHERE o.paid_at < ${t} AND (o.fully_refunded_at IS NULL OR o.fully_refunded_at >= ${t})${scope}),
    raw AS (SELECT member_id, max(paid_at) AS last_paid, count(*) AS f, sum(net) AS m FROM paid GROUP BY member_id),
    ranked AS (SELECT member_id, last_paid, f, m, count(*) OVER () AS n,
      rank() OVER (ORDER BY last_paid) - 1 AS r_worse, rank() OVER (ORDER BY f) - 1 AS f_worse, rank() OVER (ORDER BY m) - 1 AS m_worse
      FROM raw),
    scores AS (SELECT member_id, last_paid, f, m, 1 + (5 * r_worse) / n AS r_score, 1 + (5 * f_worse) / n AS f_score,
      1 + (5 * m_worse) / n AS m_score FROM ranked),
    means AS (SELECT avg(CAST(r_score AS DOUBLE PRECISION)) AS r_mean, avg(CAST(f_score AS DOUBLE PRECISION)) AS f_mean,
      avg(CAST(m_score AS DOUBLE PRECISION)) AS m_mean FROM scores)
    SELECT s.*, means.r_mean, means.f_mean, means.m_mean,
      CASE WHEN s.r_score > means.r_mean THEN 1 ELSE 0 END AS r_high, CASE WHEN s.f_score > means.f_mean THEN 1 ELSE 0 END AS f_high,
      CASE WHEN s.m_score > means.m_mean THEN 1 ELSE 0 END AS m_high
    FROM scores s CROSS JOIN means`;
}

async function resolve(db: Kysely<Schema>, at: string | undefined, community: string | undefined) {
  const { timezone } = await loadSettings(db);
  const t = parseInput(at, timezone, 'at');
  const c = community === undefined ? null : await resolveCommunityRef(db, community);
  return { t, c, timezone };
}

const segKey = (r: Record<string, unknown>) =>
  RFM_SEGMENTS.find((s) => s.r === (Number(r.r_high) === 1) && s.f === (Number(r.f_high) === 1) && s.m === (Number(r.m_high) === 1))!;

export async function rfmSummary(db: Kysely<Schema>, q: { at?: string; community?: string }) {
  const { t, c, timezone } = await resolve(db, q.at, q.community);
  const rows = await sql<Record<string, unknown>>`
    WITH x AS (${scored(t, c)})
    SELECT r_high, f_high, m_high, count(*) AS c, min(r_mean) AS r_mean, min(f_mean) AS f_mean, min(m_mean) AS m_mean,
      sum(m) AS m_total FROM x GROUP BY r_high, f_high, m_high`.execute(db);
  const total = rows.rows.reduce((a, r) => a + Number(r.c), 0);
  const first = rows.rows[0];
  return {
    at: makeFormatter(timezone)(t),
    timezone,
    community: c,
    paying_members: total,
    means: first ? { r: Number(first.r_mean), f: Number(first.f_mean), m: Number(first.m_mean) } : null,
    segments: RFM_SEGMENTS.map((s) => {
      const hit = rows.rows.find((r) => segKey(r).key === s.key);
      const count = hit ? Number(hit.c) : 0;
      return { key: s.key, name_zh: s.zh, name_en: s.en, members: count, share: ratio(count, total), net_paid: hit ? Number(hit.m_total) : 0 };
    }),
  };
}

export async function rfmMembers(db: Kysely<Schema>, q: { at?: string; community?: string; segment?: string; page: number; pageSize: number }) {
  const { t, c, timezone } = await resolve(db, q.at, q.community);
  const seg = q.segment === undefined ? undefined : RFM_SEGMENTS.find((s) => s.key === q.segment);
  if (q.segment !== undefined && !seg)
    throw new MetricsInputError(`segment: unknown segment ${JSON.stringify(q.segment)} (one of ${RFM_SEGMENTS.map((s) => s.key).join(', ')})`);
  const filter = seg ? sql` WHERE r_high = ${seg.r ? 1 : 0} AND f_high = ${seg.f ? 1 : 0} AND m_high = ${seg.m ? 1 : 0}` : sql``;
  const rows = await sql<Record<string, unknown>>`
    WITH x AS (${scored(t, c)})
    SELECT x.*, m.name FROM x JOIN members m ON m.id = x.member_id${filter}
    ORDER BY x.m DESC, x.member_id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(db);
  const fmt = makeFormatter(timezone);
  return {
    at: fmt(t),
    page: q.page,
    page_size: q.pageSize,
    items: rows.rows.map((r) => ({
      member_id: Number(r.member_id),
      name: r.name as string | null,
      last_paid_at: fmt(Number(r.last_paid)),
      recency_days: (t - Number(r.last_paid)) / DAY,
      frequency: Number(r.f),
      monetary: Number(r.m),
      scores: { r: Number(r.r_score), f: Number(r.f_score), m: Number(r.m_score) },
      segment: segKey(r).key,
    })),
  };
}
