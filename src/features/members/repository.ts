// Reads of the member graph: a filtered, paged list and one member's whole record.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';

export interface MemberFilter {
  community?: number;
  /** Only members currently in `community` (or in any community, without it). */
  present?: boolean;
  tag?: string;
  /** First-join channel; "(none)" for members who joined without one. */
  channel?: string;
  /** Substring of the name or phone. */
  q?: string;
  /** Members with a paid order of this tier. */
  tier?: string;
  /** Only members who are or were in one of these communities (an operator's read scope). */
  within?: readonly number[];
  /** The text search matches a phone number only whole (a caller who sees phones masked cannot probe digits). */
  phoneWhole?: boolean;
  /** Only these members (a classification's result: group, role, RFM segment). */
  only?: readonly number[];
  page: number;
  pageSize: number;
}

export interface MemberListItem {
  id: number;
  name: string | null;
  phone: string | null;
  tags: string[];
  first_join_at: number | null;
  first_channel: string | null;
  first_inviter_id: number | null;
  communities: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

export async function listMembers(db: Kysely<Schema>, f: MemberFilter): Promise<{ total: number; items: MemberListItem[] }> {
  let q = db.selectFrom('members as m').where('m.merged_into', 'is', null);
  if (f.community !== undefined || f.present) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as ms')
          .select(sql`1`.as('x'))
          .whereRef('ms.member_id', '=', 'm.id')
          .$if(f.community !== undefined, (s) => s.where('ms.community_id', '=', f.community!))
          .$if(f.present === true, (s) => s.where('ms.present', '=', 1)),
      ),
    );
  }
  if (f.within !== undefined) {
    const within = f.within.length ? [...f.within] : [-1];
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as mw')
          .select(sql`1`.as('x'))
          .whereRef('mw.member_id', '=', 'm.id')
          .where('mw.community_id', 'in', within),
      ),
    );
  }
  if (f.tag !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('member_tags as t')
          .select(sql`1`.as('x'))
          .whereRef('t.member_id', '=', 'm.id')
          .where('t.tag', '=', f.tag!),
      ),
    );
  }
  if (f.channel !== undefined) {
    q =
      f.channel === '(none)'
        ? q.where('m.first_channel', 'is', null).where('m.first_join_at', 'is not', null)
        : q.where('m.first_channel', '=', f.channel);
  }
  if (f.tier !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('orders as o')
          .select(sql`1`.as('x'))
          .whereRef('o.member_id', '=', 'm.id')
          .where('o.tier', '=', f.tier!),
      ),
    );
  }
  if (f.only !== undefined) {
    // Chunked: one IN list per 10,000 ids keeps under both dialects' parameter limits.
    const chunks: number[][] = [];
    for (let i = 0; i < f.only.length; i += 10_000) chunks.push(f.only.slice(i, i + 10_000));
    q = chunks.length === 0 ? q.where(sql<boolean>`1 = 0`) : q.where((eb) => eb.or(chunks.map((c) => eb('m.id', 'in', c))));
  }
  if (f.q !== undefined && f.q !== '') {
    // Folded in JavaScript (all of Unicode), not by SQL: SQLite's lower() and LIKE fold ASCII only.
    const like = `%${escapeLike(f.q.toLowerCase())}%`;
    const phone = f.phoneWhole ? sql<boolean>`m.phone = ${f.q}` : sql<boolean>`m.phone LIKE ${like} ESCAPE '\\'`;
    q = q.where((eb) => eb.or([sql<boolean>`m.name_folded LIKE ${like} ESCAPE '\\'`, phone]));
  }
  const totalRow = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  const rows = await q
    .select(['m.id', 'm.name', 'm.phone', 'm.first_join_at', 'm.first_channel', 'm.first_inviter_id'])
    .select((eb) =>
      eb
        .selectFrom('memberships as ms2')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('ms2.member_id', '=', 'm.id')
        .where('ms2.present', '=', 1)
        .as('communities'),
    )
    .orderBy('m.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  const ids = rows.map((r) => Number(r.id));
  const tags = new Map<number, string[]>();
  if (ids.length > 0) {
    for (const t of await db.selectFrom('member_tags').select(['member_id', 'tag']).where('member_id', 'in', ids).orderBy('tag').execute()) {
      const id = Number(t.member_id);
      (tags.get(id) ?? tags.set(id, []).get(id)!).push(t.tag);
    }
  }
  return {
    total: Number(totalRow?.n ?? 0),
    items: rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      phone: r.phone,
      tags: tags.get(Number(r.id)) ?? [],
      first_join_at: r.first_join_at === null ? null : Number(r.first_join_at),
      first_channel: r.first_channel,
      first_inviter_id: r.first_inviter_id === null ? null : Number(r.first_inviter_id),
      communities: Number(r.communities ?? 0),
    })),
  };
}

export interface StoredEvent {
  seq: number;
  platform: string;
  event_id: string;
  type: string;
  at_ms: number;
  community_id: number | null;
  body: Record<string, unknown>;
}

/** One member's rows, following a merge redirect; null when the id is unknown. */
export async function loadMember(db: Kysely<Schema>, requested: number, timelineLimit: number) {
  let member = await db.selectFrom('members').selectAll().where('id', '=', requested).executeTakeFirst();
  if (member?.merged_into != null)
    member = await db.selectFrom('members').selectAll().where('id', '=', Number(member.merged_into)).executeTakeFirst();
  if (!member) return null;
  const id = Number(member.id);
  const [identities, tags, memberships, orders, history, checkins, timeline, eventCount] = await Promise.all([
    db.selectFrom('identities').select(['platform', 'external_id']).where('member_id', '=', id).orderBy('platform').orderBy('external_id').execute(),
    db.selectFrom('member_tags').select('tag').where('member_id', '=', id).orderBy('tag').execute(),
    db
      .selectFrom('memberships as ms')
      .innerJoin('communities as c', 'c.id', 'ms.community_id')
      .select([
        'ms.community_id',
        'c.platform',
        'c.external_id',
        'c.name',
        'c.config_name',
        'ms.first_join_at',
        'ms.first_channel',
        'ms.first_inviter_id',
        'ms.first_method',
        'ms.last_join_at',
        'ms.last_left_at',
        'ms.present',
        'ms.joins',
        'ms.leaves',
      ])
      .where('ms.member_id', '=', id)
      .orderBy('ms.first_join_at')
      .execute(),
    db.selectFrom('orders').selectAll().where('member_id', '=', id).orderBy('paid_at').execute(),
    events(db, id, ['member.joined', 'member.left'], 10_000),
    events(db, id, ['checkin.done'], 1000),
    events(db, id, null, timelineLimit),
    db
      .selectFrom('events')
      .select(sql<number>`count(*)`.as('n'))
      .where('member_id', '=', id)
      .executeTakeFirst(),
  ]);
  const orderKeys = orders.map((o) => o.platform + '\u001f' + o.order_id);
  const refunds = [];
  for (let i = 0; i < orderKeys.length; i += 500) {
    refunds.push(
      ...(await db
        .selectFrom('events')
        .select(['order_key', 'event_id', 'at_ms', 'body'])
        .where('order_key', 'in', orderKeys.slice(i, i + 500))
        .where('type', '=', 'order.refunded')
        .orderBy('at_ms')
        .execute()),
    );
  }
  return {
    member,
    identities,
    tags: tags.map((t) => t.tag),
    memberships,
    orders,
    refunds,
    history,
    checkins,
    timeline,
    eventCount: Number(eventCount?.n ?? 0),
  };
}

async function events(db: Kysely<Schema>, memberId: number, types: string[] | null, limit: number): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select(['seq', 'platform', 'event_id', 'type', 'at_ms', 'community_id', 'body'])
    .where('member_id', '=', memberId)
    .$if(types !== null, (q) => q.where('type', 'in', types!))
    .orderBy('at_ms', 'desc')
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    ...r,
    seq: Number(r.seq),
    at_ms: Number(r.at_ms),
    community_id: r.community_id === null ? null : Number(r.community_id),
    body: JSON.parse(r.body),
  }));
}
