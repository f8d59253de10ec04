// Keeps the member graph's derived tables current after a batch of events is stored. Additive state
// (per-day activity counts) is incremented; everything order-dependent is refolded from the ledger for
// just the members / orders / communities the batch touched, so arrival order never matters.
import { sql, type Transaction } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { byPlatform, chunks } from '../../storage/chunks.js';
import { foldCommunity, foldMemberships, foldOrder, foldProfile, type MembershipState, type StoredRow } from './fold.js';
import { compareEvents } from '../../domain/events/types.js';
import { lookupMembers } from './resolve.js';
import { bulkWrite } from '../../storage/bulk.js';
import {
  MEMBER_FIRST_JOIN,
  MEMBER_PROFILE,
  MEMBER_TAGS_INSERT,
  MEMBERSHIP_SPANS_INSERT,
  MEMBERSHIPS_INSERT,
  ORDER_REFUNDS_INSERT,
  ORDERS_INSERT,
} from './bulk-specs.js';

type Trx = Transaction<Schema>;
const ROW = ['platform', 'event_id', 'type', 'at_ms', 'community_id', 'body'] as const;

export type MemberRows = Map<number, StoredRow[]>;

/** The join/leave/profile events of some members, read once for both refolds below. */
export async function graphEventsOf(trx: Trx, memberIds: number[]): Promise<MemberRows> {
  return eventsOfMembers(trx, memberIds, ['member.joined', 'member.left', 'member.profile']);
}

async function eventsOfMembers(trx: Trx, memberIds: number[], types: string[]): Promise<MemberRows> {
  const out = new Map<number, StoredRow[]>();
  for (const part of chunks(memberIds, 500)) {
    const rows = await trx
      .selectFrom('events')
      .select([...ROW, 'member_id'])
      .where('member_id', 'in', part)
      .where('type', 'in', types)
      .execute();
    for (const r of rows) {
      const id = Number(r.member_id);
      let list = out.get(id);
      if (!list) out.set(id, (list = []));
      list.push(r);
    }
  }
  return out;
}

const only = (rows: StoredRow[] | undefined, types: string[]) => (rows ?? []).filter((r) => types.includes(r.type));

export async function recomputeMemberships(trx: Trx, memberIds: number[], byMember: MemberRows, spansToo = true): Promise<void> {
  if (memberIds.length === 0) return;
  const states = memberIds.map((id) => ({ id, list: foldMemberships(only(byMember.get(id), ['member.joined', 'member.left'])) }));
  const inviterKeys = new Set<string>();
  for (const s of states) for (const m of s.list) if (m.first_inviter_key) inviterKeys.add(m.first_inviter_key);
  const inviters = await lookupMembers(trx, inviterKeys);
  const rows = [];
  const spans: { member_id: number; community_id: number; joined_at: number; left_at: number | null }[] = [];
  const firsts: { id: number; at: number | null; channel: string | null; inviter: number | null; community: number | null }[] = [];
  for (const s of states) {
    let first: (typeof firsts)[number] = { id: s.id, at: null, channel: null, inviter: null, community: null };
    let firstEvent: MembershipState['first_event'] = null;
    for (const m of s.list) {
      const inviter = m.first_inviter_key ? (inviters.get(m.first_inviter_key) ?? null) : null;
      const { first_inviter_key: _k, spans: memberSpans, first_event: ev, ...rest } = m;
      rows.push({ ...rest, member_id: s.id, first_inviter_id: inviter });
      for (const sp of memberSpans) spans.push({ member_id: s.id, community_id: m.community_id, ...sp });
      // The member's first join across communities; equal instants go by the ledger's order (platform, event id).
      if (m.first_join_at === null || ev === null) continue;
      const earlier =
        first.at === null ||
        m.first_join_at < first.at ||
        (m.first_join_at === first.at &&
          firstEvent !== null &&
          compareEvents({ atMs: 0, platform: ev.platform, id: ev.id }, { atMs: 0, platform: firstEvent.platform, id: firstEvent.id }) < 0);
      if (earlier) {
        first = { id: s.id, at: m.first_join_at, channel: m.first_channel, inviter, community: m.community_id };
        firstEvent = ev;
      }
    }
    firsts.push(first);
  }
  for (const part of chunks(memberIds, 500)) {
    await trx.deleteFrom('memberships').where('member_id', 'in', part).execute();
    if (spansToo) await trx.deleteFrom('membership_spans').where('member_id', 'in', part).execute();
  }
  await bulkWrite(trx, MEMBERSHIPS_INSERT, rows);
  if (spansToo) await bulkWrite(trx, MEMBERSHIP_SPANS_INSERT, spans);
  await bulkWrite(
    trx,
    MEMBER_FIRST_JOIN,
    firsts.map((f) => ({
      id: f.id,
      first_join_at: f.at,
      first_channel: f.channel,
      first_inviter_id: f.inviter,
      first_community_id: f.community,
    })),
  );
}

export async function recomputeProfiles(trx: Trx, memberIds: number[], byMember: MemberRows): Promise<void> {
  if (memberIds.length === 0) return;
  const tagRows: { member_id: number; tag: string }[] = [];
  const profiles = memberIds.map((id) => {
    const p = foldProfile(only(byMember.get(id), ['member.profile', 'member.joined']));
    for (const tag of p.tags) tagRows.push({ member_id: id, tag });
    return {
      id,
      name: p.name,
      name_folded: p.name?.toLowerCase() ?? null,
      phone: p.phone,
      first_phone_at: p.first_phone_at,
      attributes: JSON.stringify(p.attributes),
    };
  });
  await bulkWrite(trx, MEMBER_PROFILE, profiles);
  for (const part of chunks(memberIds, 500)) await trx.deleteFrom('member_tags').where('member_id', 'in', part).execute();
  await bulkWrite(trx, MEMBER_TAGS_INSERT, tagRows);
}

export async function recomputeOrders(trx: Trx, orderKeys: Set<string>, refundsToo = true): Promise<void> {
  for (const part of chunks([...orderKeys], 500)) {
    const rows = await trx
      .selectFrom('events')
      .select([...ROW, 'member_id', 'order_key'])
      .where('order_key', 'in', part)
      .execute();
    const grouped = new Map<string, typeof rows>();
    for (const r of rows) {
      let list = grouped.get(r.order_key!);
      if (!list) grouped.set(r.order_key!, (list = []));
      list.push(r);
    }
    for (const [platform, ids] of byPlatform(part)) {
      await trx.deleteFrom('orders').where('platform', '=', platform).where('order_id', 'in', ids).execute();
      if (refundsToo) await trx.deleteFrom('order_refunds').where('platform', '=', platform).where('order_id', 'in', ids).execute();
    }
    const inserts = [];
    const refunds = [];
    for (const k of part) {
      const o = foldOrder((grouped.get(k) ?? []).map((r) => ({ ...r, member_id: r.member_id === null ? null : Number(r.member_id) })));
      if (!o) continue;
      const { member_event, refunds: applied, ...rest } = o;
      const i = k.indexOf('\u001f');
      const platform = k.slice(0, i),
        order_id = k.slice(i + 1);
      inserts.push({ ...rest, platform, order_id, member_id: member_event.member_id });
      for (const r of applied) refunds.push({ platform, order_id, ...r, member_id: member_event.member_id, community_id: rest.community_id });
    }
    await bulkWrite(trx, ORDERS_INSERT, inserts);
    if (refundsToo) await bulkWrite(trx, ORDER_REFUNDS_INSERT, refunds);
  }
}

export async function recomputeCommunities(trx: Trx, ids: number[]): Promise<void> {
  for (const part of chunks(ids, 500)) {
    const rows = await trx
      .selectFrom('events')
      .select([...ROW])
      .where('community_id', 'in', part)
      .where('type', '=', 'community.updated')
      .execute();
    for (const id of part) {
      const s = foldCommunity(rows.filter((r) => Number(r.community_id) === id));
      await trx
        .updateTable('communities')
        .set({ name: s.name, owner: s.owner, admins: JSON.stringify(s.admins) })
        .where('id', '=', id)
        .execute();
    }
  }
}

/** member.linked: moves everything of `loser` onto `winner`; the loser's row remains as a redirect. */
export async function mergeMembers(trx: Trx, winner: number, loser: number): Promise<void> {
  await trx.updateTable('identities').set({ member_id: winner }).where('member_id', '=', loser).execute();
  await trx.updateTable('events').set({ member_id: winner }).where('member_id', '=', loser).execute();
  await trx.updateTable('orders').set({ member_id: winner }).where('member_id', '=', loser).execute();
  await trx.updateTable('order_refunds').set({ member_id: winner }).where('member_id', '=', loser).execute();
  await trx.updateTable('memberships').set({ first_inviter_id: winner }).where('first_inviter_id', '=', loser).execute();
  await trx.updateTable('members').set({ first_inviter_id: winner }).where('first_inviter_id', '=', loser).execute();
  await sql`INSERT INTO member_days (member_id, community_id, day, messages, checkins, orders)
    SELECT ${winner}, community_id, day, messages, checkins, orders FROM member_days WHERE member_id = ${loser}
    ON CONFLICT (member_id, community_id, day) DO UPDATE SET messages = member_days.messages + excluded.messages,
      checkins = member_days.checkins + excluded.checkins, orders = member_days.orders + excluded.orders`.execute(trx);
  await trx.deleteFrom('member_days').where('member_id', '=', loser).execute();
  // Automation state follows the person: a blacklist holds for every identity, ladder steps add up.
  await sql`INSERT INTO blacklist (member_id, action_id, reason, created_at) SELECT ${winner}, action_id, reason, created_at FROM blacklist
    WHERE member_id = ${loser} ON CONFLICT (member_id) DO NOTHING`.execute(trx);
  await trx.deleteFrom('blacklist').where('member_id', '=', loser).execute();
  await sql`INSERT INTO strikes (member_id, community_id, count, updated_at) SELECT ${winner}, community_id, count, updated_at FROM strikes
    WHERE member_id = ${loser} ON CONFLICT (member_id, community_id) DO UPDATE SET count = strikes.count + excluded.count`.execute(trx);
  await trx.deleteFrom('strikes').where('member_id', '=', loser).execute();
  await trx.updateTable('actions').set({ member_id: winner }).where('member_id', '=', loser).execute();
  await trx.deleteFrom('memberships').where('member_id', '=', loser).execute();
  await trx.deleteFrom('membership_spans').where('member_id', '=', loser).execute();
  await trx.deleteFrom('member_tags').where('member_id', '=', loser).execute();
  await trx
    .updateTable('members')
    .set({ merged_into: winner })
    .where((eb) => eb.or([eb('id', '=', loser), eb('merged_into', '=', loser)]))
    .execute();
  await trx
    .updateTable('members')
    .set({
      name: null,
      name_folded: null,
      phone: null,
      first_phone_at: null,
      first_join_at: null,
      first_channel: null,
      first_inviter_id: null,
      first_community_id: null,
      attributes: '{}',
    })
    .where('id', '=', loser)
    .execute();
}
