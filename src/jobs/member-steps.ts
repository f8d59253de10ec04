// Per-member steps: the members whose step instant ("N local days after the anchor at HH:mm") falls in a window,
// found from the anchors' side — open membership spans for afterJoin, playbook starts for afterStart — in pages
// ordered by anchor, so no pass ever loads every member. Then the playbook's target filters each page; a
// community's owner and admins are staff, not members to nurture, and are left out.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../storage/schema.js';
import type { PlaybookConfig, PlaybookStep } from '../config/automation-schema.js';
import { anchorRange, matchesTarget, relativeInstant } from '../domain/automation/schedule.js';
import type { CommunityInfo, PlaybookContext } from './context.js';
import { memberFacts } from './member-facts.js';
import { staffOf } from '../features/automation/staff.js';

/** Activity in docs/spec/metrics.md's sense: a message, a check-in or an order. */
export const ACTIVITY = ['message.sent', 'checkin.done', 'order.paid'];
const PAGE = 500;

export interface Candidate {
  memberId: number;
  community: CommunityInfo;
  anchor: number;
  at: number;
}
export interface MemberOccurrence extends Candidate {
  name: string | null;
}

interface Row {
  member_id: number;
  community_id: number;
  anchor: number;
}

/**
 * Pages of the step's occurrences in (a, b] that pass the target. `fresh` may drop candidates first (the
 * scheduler drops those already in the outbox, so a re-visited window costs no target look-ups).
 */
export async function* memberOccurrences(
  db: Kysely<Schema>,
  ctx: PlaybookContext,
  p: PlaybookConfig,
  s: PlaybookStep,
  a: number,
  b: number,
  fresh?: (c: Candidate[]) => Promise<Candidate[]>,
): AsyncGenerator<MemberOccurrence[]> {
  const rel = s.afterJoin ?? s.afterStart;
  if (!rel) return;
  const range = anchorRange(ctx.timezone, rel, a, b);
  const byId = new Map(ctx.communities.map((c) => [c.id, c]));
  const ids = ctx.communitiesOf(p).map((c) => c.id);
  if (!range || ids.length === 0) return;
  const staff = await staffOf(db, ids);
  let cursor: Row | null = null;
  for (;;) {
    const rows: Row[] = s.afterJoin ? await joinPage(db, ids, range, cursor) : await startPage(db, p.key, range, cursor);
    if (rows.length === 0) return;
    cursor = rows[rows.length - 1]!;
    let page: Candidate[] = [];
    for (const r of rows) {
      const anchor = Number(r.anchor),
        community = byId.get(Number(r.community_id));
      const at = relativeInstant(ctx.timezone, anchor, rel);
      if (community && at > a && at <= b && !staff.get(community.id)?.has(Number(r.member_id)))
        page.push({ memberId: Number(r.member_id), community, anchor, at });
    }
    if (s.afterStart) page = await stillDormant(db, page);
    if (fresh) page = await fresh(page);
    if (page.length > 0) {
      const members = [...new Set(page.map((c) => c.memberId))];
      const facts = await memberFacts(db, members, p, ctx);
      const names = new Map(
        (await db.selectFrom('members').select(['id', 'name']).where('id', 'in', members).where('merged_into', 'is', null).execute()).map((m) => [
          Number(m.id),
          m.name,
        ]),
      );
      const out = page
        .filter((c) => names.has(c.memberId) && matchesTarget(p.target, facts.get(c.memberId)!))
        .map((c) => ({ ...c, name: names.get(c.memberId) ?? null }));
      if (out.length > 0) yield out;
    }
    if (rows.length < PAGE) return;
  }
}

const after = (c: Row | null, anchor: string) =>
  c === null
    ? sql`1 = 1`
    : sql`(${sql.ref(anchor)} > ${c.anchor} OR (${sql.ref(anchor)} = ${c.anchor} AND (member_id > ${c.member_id} OR (member_id = ${c.member_id} AND community_id > ${c.community_id}))))`;

/** Members in the communities now (open spans) who joined in [lo, hi). */
async function joinPage(db: Kysely<Schema>, communities: number[], r: { lo: number; hi: number }, c: Row | null): Promise<Row[]> {
  return (
    await sql<Row>`SELECT member_id, community_id, joined_at AS anchor FROM membership_spans
    WHERE left_at IS NULL AND joined_at >= ${r.lo} AND joined_at < ${r.hi} AND community_id IN (${sql.join(communities)}) AND ${after(c, 'joined_at')}
    ORDER BY joined_at, member_id, community_id LIMIT ${PAGE}`.execute(db)
  ).rows;
}

/** Members for whom the playbook started in [lo, hi) and who are still in the community it started in. */
async function startPage(db: Kysely<Schema>, playbook: string, r: { lo: number; hi: number }, c: Row | null): Promise<Row[]> {
  return (
    await sql<Row>`SELECT member_id, community_id, started_at AS anchor FROM playbook_starts ps
    WHERE playbook = ${playbook} AND started_at >= ${r.lo} AND started_at < ${r.hi} AND ${after(c, 'started_at')}
      AND EXISTS (SELECT 1 FROM membership_spans s WHERE s.member_id = ps.member_id AND s.community_id = ps.community_id AND s.left_at IS NULL)
    ORDER BY started_at, member_id, community_id LIMIT ${PAGE}`.execute(db)
  ).rows;
}

/** A reactivation playbook has done its job once the member is active again: later steps are not sent. */
async function stillDormant(db: Kysely<Schema>, page: Candidate[]): Promise<Candidate[]> {
  if (page.length === 0) return page;
  const last = new Map(
    (
      await db
        .selectFrom('events')
        .select(['member_id', (eb) => eb.fn.max('at_ms').as('last')])
        .where('member_id', 'in', [...new Set(page.map((c) => c.memberId))])
        .where('type', 'in', ACTIVITY)
        .groupBy('member_id')
        .execute()
    ).map((r) => [Number(r.member_id), Number(r.last)]),
  );
  return page.filter((c) => (last.get(c.memberId) ?? -Infinity) < c.anchor);
}
