// Member classification as of t in one scope, for one page of members (at most PAGE ids): the facts the
// customer-group rule and RFM read (the set fragments of metrics/sets.ts restricted to the page, the paid-order
// totals RFM scores) and current tags; the group and segment they give. The member list and the export use it.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { activeIn, firstJoins, firstPaidAsOf, inScope, type Scope } from '../analytics/metrics/sets.js';
import { scored } from '../analytics/rfm/service.js';
import { segmentOf, type RfmSegmentKey } from '../../domain/metrics/rfm.js';
import { customerGroup, groupWindows, type CustomerGroup, type GroupFacts, type GroupSettings } from '../../domain/metrics/customer-groups.js';

export const PAGE = 1000;

/** An instant, a scope and the workspace's group settings. */
export interface AsOf extends GroupSettings {
  scope: Scope;
  t: number;
}

/**
 * RFM "high" is a score above its mean, and a score never falls as its value rises: so each dimension is high
 * exactly from the smallest value among its high members on. One scoring query per export gives the three
 * thresholds; a page then needs only its own members' R, F and M (null: no member is high on it).
 */
export interface RfmThresholds {
  r: number | null;
  f: number | null;
  m: number | null;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export async function rfmThresholds(db: Kysely<Schema>, a: AsOf): Promise<RfmThresholds> {
  const r = await sql<Record<string, unknown>>`
    WITH x AS (${scored(a.t, a.scope.community)})
    SELECT min(CASE WHEN r_high = 1 THEN last_paid END) AS r, min(CASE WHEN f_high = 1 THEN f END) AS f,
      min(CASE WHEN m_high = 1 THEN m END) AS m FROM x`.execute(db);
  const row = r.rows[0] ?? {};
  return { r: num(row.r), f: num(row.f), m: num(row.m) };
}

export interface MemberFacts extends GroupFacts {
  name: string | null;
  phone: string | null;
  tags: string[];
  channel: string | null;
  inviter: number | null;
  inviterName: string | null;
  lastPaid: number | null;
  orders: number;
  netPaid: number;
}

/** The customer group of a member present in scope as of t (domain/metrics/customer-groups.ts). */
export function groupOf(f: MemberFacts, a: AsOf): CustomerGroup {
  return customerGroup(f, groupWindows(a, a.t));
}

export function segmentFor(f: MemberFacts, th: RfmThresholds): RfmSegmentKey | null {
  if (f.orders === 0 || f.lastPaid === null) return null;
  const high = (v: number, min: number | null) => min !== null && v >= min;
  return segmentOf(high(f.lastPaid, th.r), high(f.orders, th.f), high(f.netPaid, th.m));
}

export async function memberPage(db: Kysely<Schema>, ids: readonly number[], a: AsOf): Promise<Map<number, MemberFacts>> {
  const out = new Map<number, MemberFacts>();
  if (ids.length === 0) return out;
  const { scope, t } = a;
  const w = groupWindows(a, t);
  // Each fragment is wrapped and filtered by the page; both dialects push the filter down into it (checked
  // with EXPLAIN), so a page costs index look-ups for its own members only. The redundant id range is for
  // PostgreSQL, which misjudges a long IN list as a large share of a table and would scan all of it.
  const list = sql.join(ids);
  const [lo, hi] = [Math.min(...ids), Math.max(...ids)];
  const onPage = (col: string) => sql`${sql.ref(col)} IN (${list}) AND ${sql.ref(col)} BETWEEN ${lo} AND ${hi}`;
  const rows = await sql<Record<string, unknown>>`
    WITH fj AS (SELECT * FROM (${firstJoins(scope)}) f WHERE ${onPage('f.member_id')} AND f.fj < ${t}),
      fp AS (SELECT * FROM (${firstPaidAsOf(scope, t)}) p WHERE ${onPage('p.member_id')}),
      act AS (SELECT member_id FROM (${activeIn(scope, w.quietFrom, w.quietTo)}) x WHERE ${onPage('x.member_id')}),
      paid AS (SELECT o.member_id, max(o.paid_at) AS last_paid, count(*) AS f,
          sum(o.amount - coalesce((SELECT sum(r.applied) FROM order_refunds r
            WHERE r.platform = o.platform AND r.order_id = o.order_id AND r.at < ${t}), 0)) AS m
        FROM orders o WHERE ${onPage('o.member_id')} AND o.paid_at < ${t}
          AND (o.fully_refunded_at IS NULL OR o.fully_refunded_at >= ${t})${inScope(scope, 'o.community_id')}
        GROUP BY o.member_id)
    SELECT m.id, m.name, m.phone, fj.fj, fj.ch, fj.inv, i.name AS inv_name, fp.fp,
      CASE WHEN act.member_id IS NULL THEN 0 ELSE 1 END AS active, paid.last_paid, paid.f, paid.m
    FROM members m LEFT JOIN fj ON fj.member_id = m.id LEFT JOIN members i ON i.id = fj.inv
      LEFT JOIN fp ON fp.member_id = m.id LEFT JOIN act ON act.member_id = m.id LEFT JOIN paid ON paid.member_id = m.id
    WHERE ${onPage('m.id')}`.execute(db);
  const tags = await db.selectFrom('member_tags').select(['member_id', 'tag']).where('member_id', 'in', ids).execute();
  for (const r of rows.rows) {
    out.set(Number(r.id), {
      name: r.name as string | null,
      phone: r.phone as string | null,
      tags: [],
      firstJoin: num(r.fj),
      channel: (r.ch as string | null) ?? null,
      inviter: num(r.inv),
      inviterName: (r.inv_name as string | null) ?? null,
      firstPaid: num(r.fp),
      lastPaid: num(r.last_paid),
      orders: num(r.f) ?? 0,
      netPaid: num(r.m) ?? 0,
      activeInQuietWindow: Number(r.active) === 1,
    });
  }
  for (const tg of tags) out.get(Number(tg.member_id))?.tags.push(tg.tag);
  // Sorted here, not by SQL: PostgreSQL's collation and SQLite's byte order disagree on mixed scripts.
  for (const f of out.values()) f.tags.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return out;
}
