// The member graph with our internal ids replaced by platform identities, so two databases that ingested
// the same ledger in different orders (and so numbered members differently) can be compared for equality.
import type { Kysely } from 'kysely';
import type { Schema } from '../storage/schema.js';

export async function dumpGraph(db: Kysely<Schema>) {
  const identities = await db.selectFrom('identities').selectAll().execute();
  const names = new Map<number, string[]>();
  for (const i of identities)
    (names.get(Number(i.member_id)) ?? names.set(Number(i.member_id), []).get(Number(i.member_id))!).push(`${i.platform}:${i.external_id}`);
  const who = (id: number | null) => (id === null ? null : (names.get(Number(id)) ?? [`?${id}`]).sort().join('+'));
  const communities = new Map((await db.selectFrom('communities').selectAll().execute()).map((c) => [Number(c.id), c]));
  const where = (id: number | null) =>
    id === null || Number(id) === 0 ? null : `${communities.get(Number(id))!.platform}:${communities.get(Number(id))!.external_id}`;
  const tags = await db.selectFrom('member_tags').selectAll().execute();
  const members = (await db.selectFrom('members').selectAll().where('merged_into', 'is', null).execute())
    .map((m) => ({
      who: who(Number(m.id)),
      name: m.name,
      phone: m.phone,
      first_phone_at: m.first_phone_at === null ? null : Number(m.first_phone_at),
      first_join_at: m.first_join_at === null ? null : Number(m.first_join_at),
      first_channel: m.first_channel,
      first_inviter: who(m.first_inviter_id),
      first_community: where(m.first_community_id),
      attributes: JSON.parse(m.attributes),
      tags: tags
        .filter((t) => Number(t.member_id) === Number(m.id))
        .map((t) => t.tag)
        .sort(),
    }))
    .sort((a, b) => a.who!.localeCompare(b.who!));
  const memberships = (await db.selectFrom('memberships').selectAll().execute())
    .map((m) => ({
      ...m,
      member_id: who(m.member_id),
      community_id: where(m.community_id),
      first_inviter_id: who(m.first_inviter_id),
    }))
    .map((m) => JSON.stringify(m, Object.keys(m).sort()))
    .sort();
  const orders = (await db.selectFrom('orders').selectAll().execute())
    .map((o) => ({ ...o, member_id: who(o.member_id), community_id: where(o.community_id) }))
    .map((o) => JSON.stringify(o, Object.keys(o).sort()))
    .sort();
  const spans = (await db.selectFrom('membership_spans').selectAll().execute())
    .map((x) => `${who(x.member_id)}|${where(x.community_id)}|${x.joined_at}|${x.left_at}`)
    .sort();
  const refunds = (await db.selectFrom('order_refunds').selectAll().execute())
    .map((x) => `${x.platform}:${x.order_id}|${x.event_id}|${x.at}|${x.applied}|${who(x.member_id)}|${where(x.community_id)}`)
    .sort();
  const days = (await db.selectFrom('member_days').selectAll().execute())
    .map((d) => `${who(d.member_id)}|${where(d.community_id)}|${d.day}|${d.messages}|${d.checkins}|${d.orders}`)
    .sort();
  const comms = [...communities.values()].map((c) => `${c.platform}:${c.external_id}|${c.name}|${c.owner}|${c.admins}`).sort();
  const events = (await db.selectFrom('events').select(['platform', 'event_id', 'member_id', 'community_id']).execute())
    .map((e) => `${e.platform}:${e.event_id}|${who(e.member_id)}|${where(e.community_id)}`)
    .sort();
  return { members, memberships, spans, orders, refunds, days, communities: comms, events };
}
