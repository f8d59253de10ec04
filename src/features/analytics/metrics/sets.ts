// SQL for the member sets docs/spec/metrics.md is written in: present(t), first joins, paid orders as of t, activity in a
// window. Each returns a parameterised fragment usable as a subquery on both dialects; `scope` is a community
// id or null for the whole workspace.
import { sql, type RawBuilder } from 'kysely';
import { dayNumber, startOfDay } from '../../../domain/time/periods.js';

export interface Scope {
  community: number | null;
  timezone: string;
}

const inCommunity = (scope: Scope, column = 'community_id') => (scope.community === null ? sql`` : sql` AND ${sql.ref(column)} = ${scope.community}`);

/** Members with an open membership in scope as of t (spans are [joined_at, left_at)). */
export function presentAt(scope: Scope, t: number): RawBuilder<unknown> {
  return sql`SELECT DISTINCT member_id FROM membership_spans WHERE joined_at < ${t} AND (left_at IS NULL OR left_at >= ${t})${inCommunity(scope)}`;
}

/** member_id, fj (first join in scope), ch (its channel), inv (its inviter) for every member who ever joined in scope. */
export function firstJoins(scope: Scope): RawBuilder<unknown> {
  return scope.community === null
    ? sql`SELECT id AS member_id, first_join_at AS fj, first_channel AS ch, first_inviter_id AS inv FROM members
          WHERE merged_into IS NULL AND first_join_at IS NOT NULL`
    : sql`SELECT member_id, first_join_at AS fj, first_channel AS ch, first_inviter_id AS inv FROM memberships
          WHERE community_id = ${scope.community} AND first_join_at IS NOT NULL`;
}

const paidClause = (scope: Scope, t: number) => sql`paid_at < ${t} AND (fully_refunded_at IS NULL OR fully_refunded_at >= ${t})${inCommunity(scope)}`;

/** member_id, fp: each member's earliest order still paid as of t (refunds before t not bringing it to zero). */
export function firstPaidAsOf(scope: Scope, t: number): RawBuilder<unknown> {
  return sql`SELECT member_id, MIN(paid_at) AS fp FROM orders WHERE ${paidClause(scope, t)} GROUP BY member_id`;
}

const ACTIVITY_TYPES = ['message.sent', 'checkin.done', 'order.paid'];

/** The whole local days inside [a, b) as [firstWhole, lastWhole) instants; empty when firstWhole >= lastWhole. */
export function wholeDays(tz: string, a: number, b: number): { firstWhole: number; lastWhole: number } {
  const firstWhole = startOfDay(tz, a) === a ? a : startOfDay(tz, startOfDay(tz, a) + 36 * 3_600_000);
  return { firstWhole, lastWhole: startOfDay(tz, b) };
}

/** ` AND community_id = ?` when scoped to a community, nothing for the workspace. */
export const inScope = inCommunity;

/**
 * Members with activity (message, check-in, order) in [a, b): whole local days from member_days, the
 * partial days at either edge from the ledger itself.
 */
export function activeIn(scope: Scope, a: number, b: number): RawBuilder<unknown> {
  const tz = scope.timezone;
  const { firstWhole, lastWhole } = wholeDays(tz, a, b);
  const fromEvents = (x: number, y: number) =>
    sql`SELECT member_id FROM events WHERE type IN (${sql.join(ACTIVITY_TYPES)}) AND at_ms >= ${x} AND at_ms < ${y}${inCommunity(scope)}`;
  if (b <= a) return sql`SELECT id AS member_id FROM members WHERE 1 = 0`;
  if (firstWhole >= lastWhole) return sql`SELECT DISTINCT member_id FROM (${fromEvents(a, b)}) act_edge`;
  const days = sql`SELECT member_id FROM member_days WHERE day >= ${dayNumber(tz, firstWhole)} AND day < ${dayNumber(tz, lastWhole)}${inCommunity(scope)}`;
  const parts = [days];
  if (a < firstWhole) parts.push(fromEvents(a, firstWhole));
  if (lastWhole < b) parts.push(fromEvents(lastWhole, b));
  // UNION (not UNION ALL) and the DISTINCT wrapper: each member once, however many active days.
  return sql`SELECT DISTINCT member_id FROM (${sql.join(parts, sql` UNION `)}) act_parts`;
}

/** message.sent count in [a, b), from member_days for whole days and the ledger for edges. */
export function messageCount(scope: Scope, a: number, b: number): RawBuilder<unknown> {
  const tz = scope.timezone;
  const { firstWhole, lastWhole } = wholeDays(tz, a, b);
  const fromEvents = (x: number, y: number) =>
    sql`(SELECT count(*) FROM events WHERE type = 'message.sent' AND at_ms >= ${x} AND at_ms < ${y}${inCommunity(scope)})`;
  if (b <= a) return sql`0`;
  if (firstWhole >= lastWhole) return fromEvents(a, b);
  const parts = [
    sql`(SELECT coalesce(sum(messages), 0) FROM member_days WHERE day >= ${dayNumber(tz, firstWhole)} AND day < ${dayNumber(tz, lastWhole)}${inCommunity(scope)})`,
  ];
  if (a < firstWhole) parts.push(fromEvents(a, firstWhole));
  if (lastWhole < b) parts.push(fromEvents(lastWhole, b));
  return sql.join(parts, sql` + `);
}
