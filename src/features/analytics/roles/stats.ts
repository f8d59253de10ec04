// Gathers RoleStats for one community over [a, t): the members present at t plus those removed in the window.
// Messages are read in keyset pages, so memory is bounded by the community's members, not the ledger.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../../storage/schema.js';
import { emptyStats, type RoleStats } from '../../../domain/metrics/roles.js';
import { presentAt } from '../metrics/sets.js';

const PAGE = 5000;
const CHUNK = 500;

interface Message {
  platform: string;
  sender: number;
  replyTo: string | null;
  mentions: string[];
}

async function lookup(db: Kysely<Schema>, table: 'events' | 'identities', platform: string, ids: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const col = table === 'events' ? 'event_id' : 'external_id';
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const rows = await sql<{ k: string; m: number | null }>`SELECT ${sql.ref(col)} AS k, member_id AS m FROM ${sql.table(table)}
      WHERE platform = ${platform} AND ${sql.ref(col)} IN (${sql.join(part)})`.execute(db);
    for (const r of rows.rows) if (r.m !== null) out.set(r.k, Number(r.m));
  }
  return out;
}

async function readMessages(db: Kysely<Schema>, community: number, a: number, t: number): Promise<Message[]> {
  const out: Message[] = [];
  let last = { at: -Infinity, seq: -1 };
  for (;;) {
    const after = last.seq < 0 ? sql`` : sql` AND (at_ms > ${last.at} OR (at_ms = ${last.at} AND seq > ${last.seq}))`;
    const rows = await sql<{ seq: number; at_ms: number; platform: string; member_id: number | null; body: string }>`
      SELECT seq, at_ms, platform, member_id, body FROM events WHERE type = 'message.sent' AND at_ms >= ${a} AND at_ms < ${t}
      AND community_id = ${community}${after} ORDER BY at_ms, seq LIMIT ${PAGE}`.execute(db);
    for (const r of rows.rows) {
      if (r.member_id === null) continue;
      const body = JSON.parse(r.body) as { reply_to?: unknown; mentions?: unknown };
      out.push({
        platform: r.platform,
        sender: Number(r.member_id),
        replyTo: typeof body.reply_to === 'string' ? body.reply_to : null,
        mentions: Array.isArray(body.mentions) ? body.mentions.filter((x): x is string => typeof x === 'string') : [],
      });
    }
    if (rows.rows.length < PAGE) return out;
    const tail = rows.rows[rows.rows.length - 1]!;
    last = { at: Number(tail.at_ms), seq: Number(tail.seq) };
  }
}

/** member id → stats, for members present in the community at t or removed from it in [a, t). */
export async function gatherRoleStats(
  db: Kysely<Schema>,
  community: number,
  timezone: string,
  a: number,
  t: number,
): Promise<Map<number, RoleStats>> {
  const stats = new Map<number, RoleStats>();
  const entry = (m: number) => {
    let s = stats.get(m);
    if (!s) stats.set(m, (s = emptyStats()));
    return s;
  };
  const present = await sql<{ member_id: number }>`${presentAt({ community, timezone }, t)}`.execute(db);
  for (const r of present.rows) entry(Number(r.member_id));
  const left = await sql<{ member_id: number; body: string }>`SELECT member_id, body FROM events WHERE type = 'member.left'
    AND at_ms >= ${a} AND at_ms < ${t} AND community_id = ${community}`.execute(db);
  for (const r of left.rows)
    if (r.member_id !== null && (JSON.parse(r.body) as { reason?: string }).reason === 'removed') entry(Number(r.member_id)).removals++;
  const checkins = await sql<{ member_id: number; n: number }>`SELECT member_id, count(*) AS n FROM events WHERE type = 'checkin.done'
    AND at_ms >= ${a} AND at_ms < ${t} AND community_id = ${community} GROUP BY member_id`.execute(db);
  for (const r of checkins.rows) {
    const s = stats.get(Number(r.member_id));
    if (s) s.checkins += Number(r.n);
  }

  const c = await db.selectFrom('communities').select(['platform', 'owner', 'admins']).where('id', '=', community).executeTakeFirstOrThrow();
  const staff = await lookup(db, 'identities', c.platform, [...(c.owner ? [c.owner] : []), ...(JSON.parse(c.admins) as string[])]);
  // Staff are listed even when no join of theirs is on record (staff accounts rarely join like members do).
  const setRole = (ext: string, role: 'owner' | 'admin') => {
    const m = staff.get(ext);
    if (m !== undefined) entry(m).platformRole = role;
  };
  for (const admin of JSON.parse(c.admins) as string[]) setRole(admin, 'admin');
  if (c.owner) setRole(c.owner, 'owner');

  const messages = await readMessages(db, community, a, t);
  const byPlatform = new Map<string, { replies: Set<string>; mentions: Set<string> }>();
  for (const m of messages) {
    let p = byPlatform.get(m.platform);
    if (!p) byPlatform.set(m.platform, (p = { replies: new Set(), mentions: new Set() }));
    if (m.replyTo !== null) p.replies.add(m.replyTo);
    for (const x of m.mentions) p.mentions.add(x);
  }
  const authors = new Map<string, Map<string, number>>(),
    mentioned = new Map<string, Map<string, number>>();
  for (const [platform, p] of byPlatform) {
    authors.set(platform, await lookup(db, 'events', platform, [...p.replies]));
    mentioned.set(platform, await lookup(db, 'identities', platform, [...p.mentions]));
  }
  const partners = new Map<number, Set<number>>();
  const pair = (x: number, y: number) => {
    if (x === y) return;
    if (stats.has(x)) {
      let s = partners.get(x);
      if (!s) partners.set(x, (s = new Set()));
      s.add(y);
    }
    if (stats.has(y)) {
      let s = partners.get(y);
      if (!s) partners.set(y, (s = new Set()));
      s.add(x);
    }
  };
  for (const m of messages) {
    const own = stats.get(m.sender);
    if (own) own.messages++;
    const to = m.replyTo === null ? undefined : authors.get(m.platform)!.get(m.replyTo);
    if (to !== undefined && to !== m.sender) {
      if (own) own.repliesGiven++;
      const their = stats.get(to);
      if (their) their.repliesReceived++;
      pair(m.sender, to);
    }
    for (const x of m.mentions) {
      const y = mentioned.get(m.platform)!.get(x);
      if (y !== undefined) pair(m.sender, y);
    }
  }
  for (const [m, s] of partners) stats.get(m)!.partners = s.size;
  return stats;
}
