// Shapes member records for the API and CLI: instants in the workspace zone, histories grouped.
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { makeFormatter } from '../../domain/time/format.js';
import { listMembers, loadMember, type MemberFilter } from './repository.js';
import { memberEngagement } from '../analytics/engagement/service.js';
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../domain/errors.js';
import { EVENT_TYPES, JOIN_METHODS, TIERS, type CheckinDone, type MemberJoined, type MemberLeft } from '../../domain/events/types.js';
import { parseEventLine } from '../../domain/events/validate.js';
import { ingestBatch, type IngestContext } from '../ingest/service.js';
import { classifyPage } from './classified.js';
import { maskPhonesIn, phoneFor } from '../../domain/privacy/mask.js';

/**
 * What the caller may see (domain/auth/read-scope.ts): phone numbers in full or masked, and for an operator the
 * communities whose memberships, check-ins, orders and events are shown. The CLI is the local admin: everything.
 */
export interface MemberView {
  fullPhones: boolean;
  /** null: every community. */
  within: readonly number[] | null;
}
export const FULL_VIEW: MemberView = { fullPhones: true, within: null };

/** A stored value of a closed set, checked when its event was accepted; anything else is a damaged row. */
function known<T extends string>(set: readonly T[], v: string): T {
  if (!(set as readonly string[]).includes(v)) throw new Error(`stored value ${JSON.stringify(v)} is not one of ${set.join(', ')}`);
  return v as T;
}
const knownOrNull = <T extends string>(set: readonly T[], v: string | null | undefined): T | null => (v == null ? null : known(set, v));

// Bodies are the canonical JSON of validated events, so they have their type's fields.
type JoinOrLeave = Partial<Omit<MemberJoined, 'type'>> & Partial<Omit<MemberLeft, 'type'>>;

export async function memberList(db: Kysely<Schema>, filter: MemberFilter, timezone: string, view: MemberView = FULL_VIEW) {
  const fmt = makeFormatter(timezone);
  const { total, items } = await listMembers(db, filter);
  // In a community: present there; in the workspace: present anywhere (the list's count of communities).
  const present =
    filter.community === undefined
      ? new Set(items.filter((m) => m.communities > 0).map((m) => m.id))
      : new Set(
          (
            await db
              .selectFrom('memberships')
              .select('member_id')
              .where('community_id', '=', filter.community)
              .where('present', '=', 1)
              .where('member_id', 'in', items.length ? items.map((m) => m.id) : [-1])
              .execute()
          ).map((r) => Number(r.member_id)),
        );
  const classes = await classifyPage(
    db,
    items.map((m) => m.id),
    present,
    filter.community ?? null,
  );
  return {
    total,
    page: filter.page,
    page_size: filter.pageSize,
    items: items.map((m) => ({
      ...m,
      phone: phoneFor(view.fullPhones, m.phone),
      first_join_at: fmt(m.first_join_at),
      group: classes.get(m.id)?.group ?? null,
      rfm_segment: classes.get(m.id)?.rfm_segment ?? null,
    })),
  };
}

export async function memberDetail(db: Kysely<Schema>, id: number, timezone: string, timelineLimit = 100, view: MemberView = FULL_VIEW) {
  const loaded = await loadMember(db, id, timelineLimit);
  if (!loaded) return null;
  const r = limitTo(loaded, view.within);
  const fmt = makeFormatter(timezone);
  const at = (ms: number): string => fmt(ms)!; // an instant always formats
  const m = r.member;
  const num = (v: number | null) => (v === null ? null : Number(v));
  const historyByCommunity = new Map<number, typeof r.history>();
  for (const h of [...r.history].reverse()) {
    const list = historyByCommunity.get(h.community_id!) ?? [];
    historyByCommunity.set(h.community_id!, list);
    list.push(h);
  }
  const refundsByOrder = new Map<string, typeof r.refunds>();
  for (const f of r.refunds) (refundsByOrder.get(f.order_key!) ?? refundsByOrder.set(f.order_key!, []).get(f.order_key!)!).push(f);
  return {
    id: Number(m.id),
    merged_from: Number(m.id) !== id ? id : undefined,
    name: m.name,
    phone: phoneFor(view.fullPhones, m.phone),
    lead: m.first_phone_at !== null,
    first_phone_at: fmt(num(m.first_phone_at)),
    tags: r.tags,
    attributes: JSON.parse(m.attributes) as Record<string, string>,
    first_join:
      m.first_join_at === null
        ? null
        : {
            at: at(m.first_join_at),
            channel: m.first_channel,
            inviter_id: num(m.first_inviter_id),
            community_id: num(m.first_community_id),
          },
    identities: r.identities.map((i) => ({ platform: i.platform, id: i.external_id })),
    memberships: r.memberships.map((ms) => ({
      community: { id: Number(ms.community_id), platform: ms.platform, external_id: ms.external_id, name: ms.config_name ?? ms.name },
      present: ms.present === 1,
      first_join_at: fmt(num(ms.first_join_at)),
      first_channel: ms.first_channel,
      first_method: knownOrNull(JOIN_METHODS, ms.first_method),
      inviter_id: num(ms.first_inviter_id),
      joins: ms.joins,
      leaves: ms.leaves,
      last_join_at: fmt(num(ms.last_join_at)),
      last_left_at: fmt(num(ms.last_left_at)),
      history: (historyByCommunity.get(Number(ms.community_id)) ?? []).map((h) => {
        const b = h.body as JoinOrLeave;
        return {
          type: h.type === 'member.joined' ? ('joined' as const) : ('left' as const),
          at: at(h.at_ms),
          event: { platform: h.platform, id: h.event_id },
          method: b.method ?? null,
          channel: b.channel ?? null,
          inviter: b.inviter ?? null,
          reason: b.reason ?? null,
          by: b.by ?? null,
        };
      }),
    })),
    orders: r.orders.map((o) => ({
      platform: o.platform,
      order: o.order_id,
      paid_at: at(o.paid_at),
      amount: Number(o.amount),
      currency: o.currency,
      product: o.product,
      tier: knownOrNull(TIERS, o.tier),
      campaign: o.campaign,
      community_id: num(o.community_id),
      refunded: Number(o.refunded),
      net: Number(o.amount) - Number(o.refunded),
      fully_refunded_at: fmt(num(o.fully_refunded_at)),
      refunds: (refundsByOrder.get(o.platform + '\u001f' + o.order_id) ?? []).map((f) => {
        const body = JSON.parse(f.body) as { amount?: number };
        return { at: at(Number(f.at_ms)), event_id: f.event_id, amount: body.amount ?? null };
      }),
    })),
    checkins: r.checkins.map((c) => ({
      at: at(c.at_ms),
      challenge: (c.body as Pick<CheckinDone, 'challenge'>).challenge,
      community_id: c.community_id,
    })),
    engagement: await memberEngagement(db, Number(m.id), timezone),
    // Customer group and RFM segment now, in the workspace (docs/spec/metrics.md).
    ...(await classifyPage(db, [Number(m.id)], new Set(r.memberships.filter((ms) => ms.present === 1).map(() => Number(m.id))), null)).get(
      Number(m.id),
    )!,
    event_count: r.eventCount,
    timeline: r.timeline.map((e) => ({
      at: at(e.at_ms),
      type: known(EVENT_TYPES, e.type),
      platform: e.platform,
      id: e.event_id,
      community_id: e.community_id,
      data: maskData(stripEnvelope(e.body), view.fullPhones),
    })),
  };
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadMember>>>;

/** An operator's view of a member: only what happened in their communities (or in none: orders, profile edits). */
function limitTo(r: Loaded, within: readonly number[] | null): Loaded {
  if (within === null) return r;
  const ok = (c: number | string | null) => c === null || within.includes(Number(c));
  return {
    ...r,
    memberships: r.memberships.filter((ms) => ok(ms.community_id)),
    orders: r.orders.filter((o) => ok(o.community_id)),
    history: r.history.filter((h) => ok(h.community_id)),
    checkins: r.checkins.filter((c) => ok(c.community_id)),
    timeline: r.timeline.filter((e) => ok(e.community_id)),
  };
}

// A profile event's phone, and numbers written in a message, as the caller may see them.
function maskData(data: Record<string, unknown>, full: boolean): Record<string, unknown> {
  if (full) return data;
  const out = { ...data };
  if (typeof out.phone === 'string') out.phone = phoneFor(false, out.phone);
  if (typeof out.text === 'string') out.text = maskPhonesIn(out.text);
  return out;
}

function stripEnvelope(body: Record<string, unknown>): Record<string, unknown> {
  const { id: _i, type: _t, at: _a, platform: _p, ...rest } = body;
  return rest;
}

/**
 * Tags edited in the console are a member.profile event like any other source's (the member graph stays a fold
 * of the ledger), under the member's first platform identity. NotFoundError: no such member, or no identity.
 */
export async function changeTags(ictx: IngestContext, requested: number, add: string[], remove: string[]): Promise<{ id: number; tags: string[] }> {
  const missing = () => new NotFoundError(`member ${requested} not found, or has no platform identity to record a profile event under`);
  const db = ictx.database.db;
  let id = requested;
  for (let hops = 0; hops < 100; hops++) {
    const m = await db.selectFrom('members').select(['id', 'merged_into']).where('id', '=', id).executeTakeFirst();
    if (!m) throw missing();
    if (m.merged_into === null) break;
    id = Number(m.merged_into);
  }
  const ident = await db
    .selectFrom('identities')
    .select(['platform', 'external_id'])
    .where('member_id', '=', id)
    .orderBy('platform')
    .orderBy('external_id')
    .executeTakeFirst();
  if (!ident) throw missing();
  const event = {
    id: `console-tags-${randomUUID()}`,
    platform: ident.platform,
    type: 'member.profile',
    member: ident.external_id,
    at: new Date().toISOString(),
    ...(add.length ? { tags_add: add } : {}),
    ...(remove.length ? { tags_remove: remove } : {}),
  };
  const parsed = parseEventLine(JSON.stringify(event));
  if (!parsed.ok) throw new Error(`tags: ${parsed.reason}`);
  const r = await ingestBatch(ictx, [{ line: 1, value: parsed.value }]);
  if (r.rejected.length > 0) throw new Error(`tags: the profile event was refused: ${r.rejected[0]!.reason}`);
  const tags = (await db.selectFrom('member_tags').select('tag').where('member_id', '=', id).orderBy('tag').execute()).map((t) => t.tag);
  return { id, tags };
}
