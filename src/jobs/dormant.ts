// A member turning dormant starts a playbook on dormant for them. Turning dormant in (a, b] (docs/spec/metrics.md: first
// join at least D days before, no activity in the D days before) needs a first join in (a − D, b − D] or
// activity in [a − D, b − D): those few are the candidates, read in pages of member ids; each is started at the
// exact instant it turned dormant, so every pass (and every worker) that sees it agrees on the start. Staff (owners,
// admins) are never started.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../storage/schema.js';
import type { PlaybookConfig } from '../config/automation-schema.js';
import { activeIn } from '../features/analytics/metrics/sets.js';
import { dormantFrom, matchesTarget } from '../domain/automation/schedule.js';
import type { PlaybookContext } from './context.js';
import { memberFacts } from './member-facts.js';
import { ACTIVITY } from './member-steps.js';
import { staffOf } from '../features/automation/staff.js';

const DAY = 86_400_000;
const PAGE = 500;

/** Starts the playbook for the members of its communities who turned dormant in (a, b]; the number started. */
export async function startDormant(db: Kysely<Schema>, ctx: PlaybookContext, p: PlaybookConfig, a: number, b: number): Promise<number> {
  const d = ctx.dormantDays * DAY;
  const communities = ctx.communitiesOf(p);
  if (b <= a || communities.length === 0) return 0;
  const scope = { community: null, timezone: ctx.timezone };
  const platformOf = new Map(communities.map((c) => [c.id, c.platform]));
  const staff = new Set([...(await staffOf(db, [...platformOf.keys()])).values()].flatMap((x) => [...x]));
  let started = 0,
    cursor = 0;
  for (;;) {
    const ids = (
      await sql<{ id: number }>`SELECT id FROM (
        SELECT id FROM members WHERE merged_into IS NULL AND first_join_at > ${a - d} AND first_join_at <= ${b - d}
        UNION SELECT member_id AS id FROM (${activeIn(scope, a - d, b - d)}) x) c
      WHERE id > ${cursor} ORDER BY id LIMIT ${PAGE}`.execute(db)
    ).rows.map((r) => Number(r.id));
    if (ids.length === 0) return started;
    cursor = ids[ids.length - 1]!;
    const joins = new Map(
      (
        await db
          .selectFrom('members')
          .select(['id', 'first_join_at'])
          .where('id', 'in', ids)
          .where('merged_into', 'is', null)
          .where('first_join_at', '<=', b - d)
          .execute()
      ).map((m) => [Number(m.id), Number(m.first_join_at)]),
    );
    const present = new Map(
      (
        await db
          .selectFrom('membership_spans')
          .select(['member_id', (eb) => eb.fn.min('community_id').as('c')])
          .where('member_id', 'in', ids)
          .where('left_at', 'is', null)
          .where('community_id', 'in', [...platformOf.keys()])
          .groupBy('member_id')
          .execute()
      ).map((r) => [Number(r.member_id), Number(r.c)]),
    );
    const activeNow = new Set(
      (
        await sql<{ member_id: number }>`SELECT member_id FROM (${activeIn(scope, b - d, b)}) x
      WHERE member_id IN (${sql.join(ids)})`.execute(db)
      ).rows.map((r) => Number(r.member_id)),
    );
    const last = new Map(
      (
        await db
          .selectFrom('events')
          .select(['member_id', (eb) => eb.fn.max('at_ms').as('last')])
          .where('member_id', 'in', ids)
          .where('type', 'in', ACTIVITY)
          .where('at_ms', '<', b - d)
          .groupBy('member_id')
          .execute()
      ).map((r) => [Number(r.member_id), Number(r.last)]),
    );
    const turned = ids.flatMap((id) => {
      if (!joins.has(id) || !present.has(id) || activeNow.has(id) || staff.has(id)) return [];
      const at = dormantFrom(joins.get(id)!, last.get(id) ?? null, ctx.dormantDays);
      return at > a && at <= b ? [{ id, at }] : [];
    });
    const facts = await memberFacts(
      db,
      turned.map((t) => t.id),
      p,
      ctx,
    );
    const rows = turned
      .filter((t) => matchesTarget(p.target, facts.get(t.id)!))
      .map((t) => ({
        playbook: p.key,
        member_id: t.id,
        started_at: t.at,
        community_id: present.get(t.id)!,
        platform: platformOf.get(present.get(t.id)!)!,
        created_at: ctx.now,
      }));
    if (rows.length > 0) {
      started += (
        await db
          .insertInto('playbook_starts')
          .values(rows)
          .onConflict((oc) => oc.columns(['playbook', 'member_id', 'started_at']).doNothing())
          .returning('member_id')
          .execute()
      ).length;
    }
    if (ids.length < PAGE) return started;
  }
}
