// The members export (docs/exports.md): one row per member and community they are present in as of `at`, one
// community at a time in member-id pages; then, for the workspace, one row per member present nowhere.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { makeFormatter } from '../../domain/time/format.js';
import { loadSettings } from '../workspace/settings.js';
import { resolveCommunityRef } from '../communities/repository.js';
import { parseInput } from '../analytics/metrics/service.js';
import { communityRoles } from '../analytics/roles/service.js';
import { groupOf, memberPage, PAGE, rfmThresholds, segmentFor, type AsOf, type MemberFacts, type RfmThresholds } from './member-page.js';
import type { Cell } from './output.js';

export const MEMBER_COLUMNS = [
  'member_id', 'name', 'phone', 'community', 'community_name', 'role', 'group', 'rfm_segment', 'tags', 'first_channel',
  'inviter_id', 'inviter_name', 'first_join_at', 'first_paid_at', 'orders', 'net_paid',
] as const;

export interface PreparedExport {
  columns: readonly string[];
  /** Worksheet name, and the file name without its extension. */
  sheet: string;
  filename: string;
  /** Rows the export will write (a count query; for progress bars). */
  count(): Promise<number>;
  rows(): AsyncGenerator<Cell[]>;
}

interface CommunityLabel { id: number; label: string; name: string | null }

const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

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

/** `pageSize` (members per query, default 1000) is there for tests that cross page boundaries. */
export async function prepareMembersExport(db: Kysely<Schema>, q: { at?: string; community?: string; roles?: boolean }, pageSize = PAGE): Promise<PreparedExport> {
  const settings = await loadSettings(db);
  const t = parseInput(q.at, settings.timezone, 'at');
  const only = q.community === undefined ? null : await resolveCommunityRef(db, q.community);
  const fmt = makeFormatter(settings.timezone);
  const asOf: AsOf = { scope: { community: only, timezone: settings.timezone }, t, dormantDays: settings.dormantDays, newCustomerDays: settings.newCustomerDays };
  const communities: CommunityLabel[] = (await db.selectFrom('communities').select(['id', 'platform', 'external_id', 'name', 'config_name'])
    .$if(only !== null, (s) => s.where('id', '=', only!)).orderBy('id').execute())
    .map((c) => ({ id: Number(c.id), label: `${c.platform}:${c.external_id}`, name: c.config_name ?? c.name }));
  const day = (fmt(t) ?? '').slice(0, 10);
  const filename = only === null ? `members-${day}` : `members-${safeName(communities[0]!.label)}-${day}`;

  const row = (id: number, f: MemberFacts, th: RfmThresholds, c: CommunityLabel | null, role: string | null): Cell[] => [
    id, f.name, f.phone, c?.label ?? null, c?.name ?? null, role, c ? groupOf(f, asOf) : null, segmentFor(f, th),
    f.tags.length ? f.tags.join(', ') : null, f.channel, f.inviter, f.inviterName, fmt(f.firstJoin), fmt(f.firstPaid), f.orders, f.netPaid,
  ];

  async function* rows(): AsyncGenerator<Cell[]> {
    const th = await rfmThresholds(db, asOf);
    for (const c of communities) {
      // Roles cost a pass over the window's messages; a caller that does not need them skips it.
      const roles = q.roles === false ? new Map<number, string>() : await communityRoles(db, c.id, t);
      for (let after = -1; ;) {
        const ids = (await presentPage(db, c.id, t, after, pageSize)).rows.map((r) => Number(r.member_id));
        if (ids.length === 0) break;
        const facts = await memberPage(db, ids, asOf);
        for (const id of ids) yield row(id, facts.get(id)!, th, c, roles.get(id) ?? null);
        after = ids[ids.length - 1]!;
      }
    }
    if (only !== null) return;
    for (let after = -1; ;) {
      const ids = (await nowherePage(db, t, after, pageSize)).rows.map((r) => Number(r.member_id));
      if (ids.length === 0) break;
      const facts = await memberPage(db, ids, asOf);
      for (const id of ids) yield row(id, facts.get(id)!, th, null, null);
      after = ids[ids.length - 1]!;
    }
  }

  async function count(): Promise<number> {
    const scope = only === null ? sql`` : sql` AND community_id = ${only}`;
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT DISTINCT member_id, community_id FROM membership_spans
      WHERE joined_at < ${t} AND (left_at IS NULL OR left_at >= ${t})${scope}) p`.execute(db);
    let n = Number(r.rows[0]?.n ?? 0);
    if (only === null) n += Number((await sql<{ n: number }>`SELECT count(*) AS n FROM members m WHERE ${nowhere(t)}`.execute(db)).rows[0]?.n ?? 0);
    return n;
  }

  return { columns: MEMBER_COLUMNS, sheet: 'members', filename, count, rows };
}
