// Pure folds from a member's / an order's events to their derived state. Order-free by construction:
// events are sorted by the ledger's total order before folding, whatever order they arrived in.
import { compareEvents } from '../../domain/events/types.js';
import type { OrdersTable } from '../../storage/schema.js';

export interface StoredRow {
  platform: string;
  event_id: string;
  type: string;
  at_ms: number;
  community_id: number | null;
  body: string;
}
type Parsed = StoredRow & { data: Record<string, unknown> };

function sortRows(rows: StoredRow[]): Parsed[] {
  const parsed = rows.map((r) => ({ ...r, at_ms: Number(r.at_ms), data: JSON.parse(r.body) as Record<string, unknown> }));
  // At equal instants a leave comes after a join (docs/spec/metrics.md), then the ledger's order.
  const rank = (t: string) => (t === 'member.left' ? 1 : 0);
  return parsed.sort(
    (a, b) =>
      (a.at_ms !== b.at_ms ? a.at_ms - b.at_ms : rank(a.type) - rank(b.type)) ||
      compareEvents({ atMs: a.at_ms, platform: a.platform, id: a.event_id }, { atMs: b.at_ms, platform: b.platform, id: b.event_id }),
  );
}

export interface MembershipState {
  community_id: number;
  first_join_at: number | null;
  first_channel: string | null;
  /** Platform key of the inviter of the first join, resolved to a member id by the caller. */
  first_inviter_key: string | null;
  first_method: string | null;
  /** The first join's (platform, event id): the ledger's tie-break between communities joined at one instant. */
  first_event: { platform: string; id: string } | null;
  last_join_at: number | null;
  last_left_at: number | null;
  present: number;
  joins: number;
  leaves: number;
  /** Stretches of membership: a join while out opens one, a leave while in closes it. */
  spans: { joined_at: number; left_at: number | null }[];
}

/** Memberships of one member from their member.joined / member.left events, one per community. */
export function foldMemberships(rows: StoredRow[]): MembershipState[] {
  const out = new Map<number, MembershipState>();
  for (const r of sortRows(rows)) {
    if (r.community_id === null) continue;
    const cid = Number(r.community_id);
    let m = out.get(cid);
    if (!m) {
      m = {
        community_id: cid,
        first_join_at: null,
        first_channel: null,
        first_inviter_key: null,
        first_method: null,
        first_event: null,
        last_join_at: null,
        last_left_at: null,
        present: 0,
        joins: 0,
        leaves: 0,
        spans: [],
      };
      out.set(cid, m);
    }
    if (r.type === 'member.joined') {
      if (m.first_join_at === null) {
        m.first_join_at = r.at_ms;
        m.first_channel = (r.data.channel as string | undefined) ?? null;
        m.first_inviter_key = typeof r.data.inviter === 'string' ? r.platform + '\u001f' + r.data.inviter : null;
        m.first_method = (r.data.method as string | undefined) ?? null;
        m.first_event = { platform: r.platform, id: r.event_id };
      }
      m.last_join_at = r.at_ms;
      if (!m.present) m.spans.push({ joined_at: r.at_ms, left_at: null });
      m.present = 1;
      m.joins++;
    } else {
      m.last_left_at = r.at_ms;
      if (m.present) m.spans[m.spans.length - 1]!.left_at = r.at_ms;
      m.present = 0;
      m.leaves++;
    }
  }
  return [...out.values()];
}

export interface ProfileState {
  name: string | null;
  phone: string | null;
  first_phone_at: number | null;
  tags: string[];
  attributes: Record<string, string>;
}

/** Profile of one member from their member.profile and member.joined (name) events. */
export function foldProfile(rows: StoredRow[]): ProfileState {
  const s: ProfileState = { name: null, phone: null, first_phone_at: null, tags: [], attributes: {} };
  const tags = new Set<string>();
  for (const r of sortRows(rows)) {
    const d = r.data;
    if (typeof d.name === 'string' && d.name !== '') s.name = d.name;
    if (r.type !== 'member.profile') continue;
    if (typeof d.phone === 'string') {
      s.phone = d.phone;
      if (s.first_phone_at === null) s.first_phone_at = r.at_ms;
    }
    // Removals first, so one event can replace a tag with itself without losing it.
    for (const t of (d.tags_remove as string[] | undefined) ?? []) tags.delete(t);
    for (const t of (d.tags_add as string[] | undefined) ?? []) tags.add(t);
    Object.assign(s.attributes, (d.attributes as Record<string, string> | undefined) ?? {});
  }
  s.tags = [...tags].sort();
  return s;
}

export type OrderState = Omit<OrdersTable, 'platform' | 'order_id' | 'member_id'> & {
  member_event: StoredRow & { member_id: number };
  /** Each refund that applied, with what it actually refunded. */
  refunds: { event_id: string; at: number; applied: number }[];
};

/** One order from its order.paid (the earliest, if re-sent under another id) and its refunds, capped. */
export function foldOrder(rows: (StoredRow & { member_id: number | null })[]): OrderState | null {
  const sorted = sortRows(rows) as (Parsed & { member_id: number | null })[];
  const paid = sorted.find((r) => r.type === 'order.paid' && r.member_id !== null);
  if (!paid) return null;
  const amount = Number(paid.data.amount);
  let refunded = 0;
  let fullyAt: number | null = null;
  const refunds: OrderState['refunds'] = [];
  for (const r of sorted) {
    // A refund applies only to an order paid strictly before it (docs/spec/metrics.md), and never beyond what remains.
    if (r.type !== 'order.refunded' || r.at_ms <= paid.at_ms || fullyAt !== null) continue;
    const remaining = amount - refunded;
    const applied = r.data.amount === undefined ? remaining : Math.min(Number(r.data.amount), remaining);
    refunded += applied;
    refunds.push({ event_id: r.event_id, at: r.at_ms, applied });
    if (refunded >= amount) fullyAt = r.at_ms;
  }
  return {
    member_event: paid as StoredRow & { member_id: number },
    paid_at: paid.at_ms,
    amount,
    currency: (paid.data.currency as string | undefined) ?? 'CNY',
    product: (paid.data.product as string | undefined) ?? null,
    tier: (paid.data.tier as string | undefined) ?? null,
    campaign: (paid.data.campaign as string | undefined) ?? null,
    community_id: paid.community_id === null ? null : Number(paid.community_id),
    refunded,
    fully_refunded_at: fullyAt,
    refunds,
  };
}

/** Latest name / owner / admins of a community from its community.updated events. */
export function foldCommunity(rows: StoredRow[]): { name: string | null; owner: string | null; admins: string[] } {
  const s = { name: null as string | null, owner: null as string | null, admins: [] as string[] };
  for (const r of sortRows(rows)) {
    if (typeof r.data.name === 'string') s.name = r.data.name;
    if (typeof r.data.owner === 'string') s.owner = r.data.owner;
    if (Array.isArray(r.data.admins)) s.admins = r.data.admins as string[];
  }
  return s;
}
