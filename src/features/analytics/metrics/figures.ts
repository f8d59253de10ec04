// The figures of docs/spec/metrics.md for one period [s, e), as SQL over the derived tables. Each query is one round trip.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Schema } from '../../../storage/schema.js';
import { emptyGroupCounts, groupWindows, type CustomerGroup, type GroupCounts, type GroupSettings } from '../../../domain/metrics/customer-groups.js';
import type { RateCounts } from '../../../domain/metrics/rates.js';
import { activeIn, firstJoins, firstPaidAsOf, inScope, messageCount, presentAt, type Scope } from './sets.js';

const DAY = 86_400_000;
const n = (v: unknown): number => Number(v ?? 0);

/**
 * member_id, grp: the customer group of each member of present(t) in scope. The rule of
 * domain/metrics/customer-groups.ts in SQL: the same order of checks, its windows computed there.
 */
export function groupMembers(scope: Scope, p: GroupSettings, t: number): RawBuilder<unknown> {
  const w = groupWindows(p, t);
  return sql`SELECT pres.member_id AS member_id,
      CASE WHEN fj.fj <= ${w.joinedBy} AND act.member_id IS NULL THEN 'dormant'
           WHEN fp.fp IS NULL THEN 'potential'
           WHEN fp.fp >= ${w.newSince} THEN 'new'
           ELSE 'core' END AS grp
    FROM (${presentAt(scope, t)}) pres JOIN (${firstJoins(scope)}) fj ON fj.member_id = pres.member_id
      LEFT JOIN (${activeIn(scope, w.quietFrom, w.quietTo)}) act ON act.member_id = pres.member_id
      LEFT JOIN (${firstPaidAsOf(scope, t)}) fp ON fp.member_id = pres.member_id`;
}

/** The four customer groups as of t: a partition of present(t). */
export async function groupsAt(db: Kysely<Schema>, scope: Scope, p: GroupSettings, t: number): Promise<GroupCounts> {
  const r = await sql<{ grp: string; c: unknown }>`SELECT grp, count(*) AS c FROM (${groupMembers(scope, p, t)}) g GROUP BY grp`.execute(db);
  const out = emptyGroupCounts();
  for (const row of r.rows) out[row.grp as CustomerGroup] = n(row.c);
  return out;
}

/** The counts the four rates of [s, e) divide (domain/metrics/rates.ts). */
export async function rateParts(db: Kysely<Schema>, scope: Scope, p: GroupSettings, s: number, e: number): Promise<RateCounts> {
  const r = await sql<Record<string, unknown>>`
    WITH ps AS (${presentAt(scope, s)}), pe AS (${presentAt(scope, e)}), fj AS (${firstJoins(scope)}),
         j AS (SELECT member_id FROM fj WHERE fj >= ${s} AND fj < ${e}),
         paid_s AS (${firstPaidAsOf(scope, s)}), fp_e AS (${firstPaidAsOf(scope, e)}),
         b AS (SELECT member_id FROM fp_e WHERE fp >= ${s} AND fp < ${e}),
         eligible AS (SELECT member_id FROM (SELECT member_id FROM ps UNION SELECT member_id FROM j) u
                      WHERE NOT EXISTS (SELECT 1 FROM paid_s WHERE paid_s.member_id = u.member_id)),
         act_in AS (${activeIn(scope, s, e)}),
         dormant_s AS (SELECT member_id FROM (${groupMembers(scope, p, s)}) g WHERE grp = 'dormant')
    SELECT (SELECT count(*) FROM ps) AS present_s,
           (SELECT count(*) FROM j) AS joiners,
           (SELECT count(*) FROM ps WHERE NOT EXISTS (SELECT 1 FROM pe WHERE pe.member_id = ps.member_id)) AS churned,
           (SELECT count(*) FROM eligible) AS eligible,
           (SELECT count(*) FROM eligible WHERE EXISTS (SELECT 1 FROM b WHERE b.member_id = eligible.member_id)) AS converted,
           (SELECT count(*) FROM dormant_s) AS dormant_s,
           (SELECT count(*) FROM dormant_s WHERE EXISTS (SELECT 1 FROM act_in WHERE act_in.member_id = dormant_s.member_id)) AS reactivated
  `.execute(db);
  const row = r.rows[0] ?? {};
  return {
    present_s: n(row.present_s),
    joiners: n(row.joiners),
    churned: n(row.churned),
    eligible: n(row.eligible),
    converted: n(row.converted),
    dormant_s: n(row.dormant_s),
    reactivated: n(row.reactivated),
  };
}

// Keys sorted here, not by SQL: PostgreSQL's collation may order "(none)", "_x" and "B" differently from SQLite's.
const byKey = (a: [string, number], b: [string, number]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const channelMap = (rows: Record<string, unknown>[]) => Object.fromEntries(rows.map((r): [string, number] => [String(r.k), n(r.c)]).sort(byKey));

export async function acquisition(db: Kysely<Schema>, scope: Scope, s: number, e: number) {
  const byChannel = await sql<Record<string, unknown>>`
    WITH fj AS (${firstJoins(scope)})
    SELECT coalesce(ch, '(none)') AS k, count(*) AS c, sum(CASE WHEN inv IS NOT NULL THEN 1 ELSE 0 END) AS f
    FROM fj WHERE fj >= ${s} AND fj < ${e} GROUP BY coalesce(ch, '(none)') ORDER BY 1`.execute(db);
  // Leads: first phone in the period; with a community filter, only members whose first join there is before e.
  // A first join at or after e is not known as of e: such a lead has no channel yet ("(none)").
  const leads = await sql<Record<string, unknown>>`
    WITH fj AS (${firstJoins(scope)})
    SELECT coalesce(fj.ch, '(none)') AS k, count(*) AS c
    FROM members m ${scope.community === null ? sql`LEFT JOIN` : sql`JOIN`} fj ON fj.member_id = m.id AND fj.fj < ${e}
    WHERE m.merged_into IS NULL AND m.first_phone_at >= ${s} AND m.first_phone_at < ${e}
    GROUP BY coalesce(fj.ch, '(none)') ORDER BY 1`.execute(db);
  const rows = byChannel.rows;
  return {
    new_members: rows.reduce((a, r) => a + n(r.c), 0),
    by_channel: channelMap(rows),
    fission_new: rows.reduce((a, r) => a + n(r.f), 0),
    fission_by_channel: Object.fromEntries(
      rows
        .filter((r) => n(r.f) > 0)
        .map((r): [string, number] => [String(r.k), n(r.f)])
        .sort(byKey),
    ),
    leads_new: leads.rows.reduce((a, r) => a + n(r.c), 0),
    leads_by_channel: channelMap(leads.rows),
  };
}

export async function contentCounts(db: Kysely<Schema>, scope: Scope, s: number, e: number) {
  const r = await sql<Record<string, unknown>>`
    SELECT ${messageCount(scope, s, e)} AS messages, (SELECT count(*) FROM (${activeIn(scope, s, e)}) a) AS active`.execute(db);
  return { messages: n(r.rows[0]?.messages), active_members: n(r.rows[0]?.active) };
}

export interface Buyers {
  count: number;
  byChannel: Map<string, number>;
  cycles: number[];
}

/** B of docs/spec/metrics.md: members whose firstPaid(m, e) is in [s, e), by first-join channel, with their cycles in days. */
async function firstBuyers(db: Kysely<Schema>, scope: Scope, s: number, e: number): Promise<Buyers> {
  const buyers = await sql<Record<string, unknown>>`
    WITH fp AS (${firstPaidAsOf(scope, e)}), fj AS (${firstJoins(scope)})
    SELECT fp.fp AS fp, fj.fj AS fj, coalesce(fj.ch, '(none)') AS k FROM fp LEFT JOIN fj ON fj.member_id = fp.member_id AND fj.fj < ${e}
    WHERE fp.fp >= ${s} AND fp.fp < ${e}`.execute(db);
  const out: Buyers = { count: buyers.rows.length, byChannel: new Map(), cycles: [] };
  for (const b of buyers.rows) {
    out.byChannel.set(String(b.k), (out.byChannel.get(String(b.k)) ?? 0) + 1);
    if (b.fj !== null) out.cycles.push(Math.max(0, n(b.fp) - n(b.fj)) / DAY);
  }
  return out;
}

/** Orders, revenue and refunds of [s, e), and its first buyers (given when a sweep has counted them already). */
export async function conversion(db: Kysely<Schema>, scope: Scope, s: number, e: number, swept?: Buyers) {
  const orders = await sql<Record<string, unknown>>`
    SELECT count(*) AS c, coalesce(sum(amount), 0) AS revenue FROM orders WHERE paid_at >= ${s} AND paid_at < ${e}${inScope(scope)}`.execute(db);
  const refunds = await sql<Record<string, unknown>>`
    SELECT coalesce(sum(applied), 0) AS r FROM order_refunds WHERE at >= ${s} AND at < ${e}${inScope(scope)}`.execute(db);
  const b = swept ?? (await firstBuyers(db, scope, s, e));
  const cycles = [...b.cycles].sort((x, y) => x - y);
  const mid = cycles.length >> 1;
  const median = cycles.length === 0 ? null : cycles.length % 2 ? cycles[mid]! : (cycles[mid - 1]! + cycles[mid]!) / 2;
  return {
    orders: n(orders.rows[0]?.c),
    revenue: n(orders.rows[0]?.revenue),
    refunds: n(refunds.rows[0]?.r),
    first_buyers: b.count,
    by_channel: Object.fromEntries([...b.byChannel].sort(byKey)),
    cycle_days_median: median,
  };
}
