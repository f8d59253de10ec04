// Every member classified as of `at`: one entry per member and community they are present in, one community at a
// time in member-id pages; then, for the workspace, one per member present nowhere. Each entry carries the page's
// facts (classify.ts), the customer group (present ones only), the RFM segment and the community role. The member
// list's filters and the members export both walk it.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import type { RfmSegmentKey } from '../../domain/metrics/rfm.js';
import type { CustomerGroup } from '../../domain/metrics/customer-groups.js';
import { loadSettings } from '../workspace/settings.js';
import { resolveCommunityRef } from '../communities/repository.js';
import { parseInput } from '../analytics/metrics/service.js';
import { communityRoles } from '../analytics/roles/service.js';
import type { RoleKey } from '../../domain/metrics/roles.js';
import { groupOf, memberPage, PAGE, rfmThresholds, segmentFor, type AsOf, type MemberFacts } from './classify.js';

export interface CommunityLabel {
  id: number;
  label: string;
  name: string | null;
}

export interface ClassifiedMember {
  id: number;
  facts: MemberFacts;
  /** null: present in no community as of `at`. */
  community: CommunityLabel | null;
  role: RoleKey | null;
  group: CustomerGroup | null;
  rfm: RfmSegmentKey | null;
}

export interface Classification {
  asOf: AsOf;
  /** The community asked for, or null for the workspace. */
  only: number | null;
  /** The communities walked, in id order. */
  communities: CommunityLabel[];
  /** Entries the walk will yield (a count query; for progress bars). */
  count(): Promise<number>;
  members(): AsyncGenerator<ClassifiedMember>;
}

// present(t) in one community, written out rather than wrapping presentAt(): its DISTINCT in a subquery makes
// both dialects read every later member before the LIMIT, while this walks the primary key and stops.
function presentPage(db: Kysely<Schema>, community: number, t: number, after: number, size: number) {
  return sql<{ member_id: number }>`
    SELECT DISTINCT member_id FROM membership_spans
    WHERE community_id = ${community} AND member_id > ${after} AND joined_at < ${t} AND (left_at IS NULL OR left_at >= ${t})
    ORDER BY member_id LIMIT ${size}`.execute(db);
}

// Members known as of t (some event of theirs before t) and present in no community then. The repeated
// `member_id > after` lets PostgreSQL's anti-join start its walk of the spans at the page, not at the first member.
const nowhere = (t: number, after = -1) => sql`m.id > ${after} AND m.merged_into IS NULL
  AND NOT EXISTS (SELECT 1 FROM membership_spans s WHERE s.member_id = m.id AND s.member_id > ${after}
    AND s.joined_at < ${t} AND (s.left_at IS NULL OR s.left_at >= ${t}))
  AND EXISTS (SELECT 1 FROM events e WHERE e.member_id = m.id AND e.at_ms < ${t})`;

function nowherePage(db: Kysely<Schema>, t: number, after: number, size: number) {
  return sql<{ member_id: number }>`SELECT m.id AS member_id FROM members m WHERE ${nowhere(t, after)} ORDER BY m.id LIMIT ${size}`.execute(db);
}

/**
 * `at` (default now) and `community` as the API takes them; `within` limits the workspace to these communities
 * (an operator's: members present nowhere are then left out); `roles: false` skips the roles (a pass over each
 * community's window of messages). `pageSize` (members per query) is there for tests that cross page boundaries.
 */
export async function prepareClassification(
  db: Kysely<Schema>,
  q: { at?: string; community?: string; roles?: boolean; within?: readonly number[] },
  pageSize = PAGE,
): Promise<Classification> {
  const settings = await loadSettings(db);
  const t = parseInput(q.at, settings.timezone, 'at');
  const only = q.community === undefined ? null : await resolveCommunityRef(db, q.community);
  const asOf: AsOf = {
    scope: { community: only, timezone: settings.timezone },
    t,
    dormantDays: settings.dormantDays,
    newCustomerDays: settings.newCustomerDays,
  };
  const communities: CommunityLabel[] = (
    await db
      .selectFrom('communities')
      .select(['id', 'platform', 'external_id', 'name', 'config_name'])
      .$if(only !== null, (s) => s.where('id', '=', only!))
      // An operator's workspace is their communities (an empty list: none).
      .$if(q.within !== undefined, (s) => s.where('id', 'in', q.within!.length ? [...q.within!] : [-1]))
      .orderBy('id')
      .execute()
  ).map((c) => ({ id: Number(c.id), label: `${c.platform}:${c.external_id}`, name: c.config_name ?? c.name }));

  async function* members(): AsyncGenerator<ClassifiedMember> {
    const th = await rfmThresholds(db, asOf);
    const entry = (id: number, facts: MemberFacts, community: CommunityLabel | null, role: RoleKey | null): ClassifiedMember => ({
      id,
      facts,
      community,
      role,
      group: community ? groupOf(facts, asOf) : null,
      rfm: segmentFor(facts, th),
    });
    for (const c of communities) {
      const roles = q.roles === false ? new Map<number, RoleKey>() : await communityRoles(db, c.id, t);
      for (let after = -1; ;) {
        const ids = (await presentPage(db, c.id, t, after, pageSize)).rows.map((r) => Number(r.member_id));
        if (ids.length === 0) break;
        const facts = await memberPage(db, ids, asOf);
        for (const id of ids) yield entry(id, facts.get(id)!, c, roles.get(id) ?? null);
        after = ids[ids.length - 1]!;
      }
    }
    if (only !== null || q.within !== undefined) return;
    for (let after = -1; ;) {
      const ids = (await nowherePage(db, t, after, pageSize)).rows.map((r) => Number(r.member_id));
      if (ids.length === 0) break;
      const facts = await memberPage(db, ids, asOf);
      for (const id of ids) yield entry(id, facts.get(id)!, null, null);
      after = ids[ids.length - 1]!;
    }
  }

  async function count(): Promise<number> {
    const ids = communities.map((x) => x.id);
    const scope =
      only !== null
        ? sql` AND community_id = ${only}`
        : q.within === undefined
          ? sql``
          : sql` AND community_id IN (${sql.join(ids.length ? ids : [-1])})`;
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT DISTINCT member_id, community_id FROM membership_spans
      WHERE joined_at < ${t} AND (left_at IS NULL OR left_at >= ${t})${scope}) p`.execute(db);
    let n = Number(r.rows[0]?.n ?? 0);
    if (only === null && q.within === undefined)
      n += Number((await sql<{ n: number }>`SELECT count(*) AS n FROM members m WHERE ${nowhere(t)}`.execute(db)).rows[0]?.n ?? 0);
    return n;
  }

  return { asOf, only, communities, count, members };
}
