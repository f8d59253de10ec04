// Everything we hold about one person, as one JSON document (PIPL's right of access; docs/privacy.md): the profile,
// identities, tags, memberships and their spans, orders and refunds, every ledger event about them, automation's
// actions about them, blacklist and ladder state, and whether they were erased. Instants in the workspace zone.
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { makeFormatter } from '../../domain/time/format.js';

const num = (v: number | string | null) => (v === null ? null : Number(v));

/** `id` is our member id, already followed through merges (resolveMemberRef). */
export async function memberDataExport(db: Kysely<Schema>, id: number, timezone: string, now = Date.now()) {
  const fmt = makeFormatter(timezone);
  const at = (v: number | string | null) => fmt(num(v));
  const m = await db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const [merged, identities, tags, memberships, spans, orders, refunds, events, actions, blacklist, strikes, erased] = await Promise.all([
    db.selectFrom('members').select('id').where('merged_into', '=', id).orderBy('id').execute(),
    db.selectFrom('identities').select(['platform', 'external_id']).where('member_id', '=', id).orderBy('platform').orderBy('external_id').execute(),
    db.selectFrom('member_tags').select('tag').where('member_id', '=', id).orderBy('tag').execute(),
    db.selectFrom('memberships').selectAll().where('member_id', '=', id).orderBy('community_id').execute(),
    db.selectFrom('membership_spans').selectAll().where('member_id', '=', id).orderBy('joined_at').execute(),
    db.selectFrom('orders').selectAll().where('member_id', '=', id).orderBy('paid_at').execute(),
    db.selectFrom('order_refunds').selectAll().where('member_id', '=', id).orderBy('at').execute(),
    db
      .selectFrom('events')
      .select(['platform', 'event_id', 'type', 'at_ms', 'community_id', 'body'])
      .where('member_id', '=', id)
      .orderBy('at_ms')
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('actions')
      .select(['id', 'rule', 'kind', 'community_id', 'status', 'payload', 'reason', 'created_at'])
      .where('member_id', '=', id)
      .orderBy('id')
      .execute(),
    db.selectFrom('blacklist').select(['reason', 'created_at']).where('member_id', '=', id).execute(),
    db.selectFrom('strikes').select(['community_id', 'count', 'updated_at']).where('member_id', '=', id).execute(),
    db.selectFrom('erased_identities').select(['platform', 'external_id', 'erased_at']).where('member_id', '=', id).execute(),
  ]);
  return {
    exported_at: fmt(now)!,
    member: {
      id,
      merged_from: merged.map((r) => Number(r.id)),
      name: m.name,
      phone: m.phone,
      first_phone_at: at(m.first_phone_at),
      attributes: JSON.parse(m.attributes) as Record<string, string>,
      first_join_at: at(m.first_join_at),
      first_channel: m.first_channel,
      first_inviter_id: num(m.first_inviter_id),
      first_community_id: num(m.first_community_id),
    },
    identities: identities.map((i) => ({ platform: i.platform, id: i.external_id })),
    tags: tags.map((t) => t.tag),
    memberships: memberships.map((ms) => ({
      community_id: Number(ms.community_id),
      present: Number(ms.present) === 1,
      first_join_at: at(ms.first_join_at),
      first_channel: ms.first_channel,
      first_method: ms.first_method,
      first_inviter_id: num(ms.first_inviter_id),
      last_join_at: at(ms.last_join_at),
      last_left_at: at(ms.last_left_at),
      joins: Number(ms.joins),
      leaves: Number(ms.leaves),
    })),
    membership_spans: spans.map((s) => ({ community_id: Number(s.community_id), joined_at: at(s.joined_at), left_at: at(s.left_at) })),
    orders: orders.map((o) => ({
      platform: o.platform,
      order: o.order_id,
      paid_at: at(o.paid_at),
      amount: Number(o.amount),
      currency: o.currency,
      product: o.product,
      tier: o.tier,
      campaign: o.campaign,
      community_id: num(o.community_id),
      refunded: Number(o.refunded),
      fully_refunded_at: at(o.fully_refunded_at),
    })),
    refunds: refunds.map((f) => ({ platform: f.platform, order: f.order_id, event_id: f.event_id, at: at(f.at), applied: Number(f.applied) })),
    events: events.map((e) => ({
      platform: e.platform,
      id: e.event_id,
      type: e.type,
      at: at(e.at_ms),
      community_id: num(e.community_id),
      body: JSON.parse(e.body) as unknown,
    })),
    actions: actions.map((a) => ({
      id: Number(a.id),
      rule: a.rule,
      kind: a.kind,
      community_id: num(a.community_id),
      status: a.status,
      payload: JSON.parse(a.payload) as unknown,
      reason: JSON.parse(a.reason) as unknown,
      created_at: at(a.created_at),
    })),
    blacklist: blacklist.map((b) => ({ reason: b.reason, since: at(b.created_at) })),
    strikes: strikes.map((s) => ({ community_id: Number(s.community_id), count: Number(s.count), updated_at: at(s.updated_at) })),
    erased: erased.map((e) => ({ platform: e.platform, id: e.external_id, at: at(e.erased_at) })),
  };
}
