// A second, deliberately naive implementation of docs/spec/metrics.md: replays the raw ledger in memory for one period.
// It shares nothing with the SQL engine (no derived tables), so tests use it as an oracle and bench:metrics
// uses it as the full-scan baseline. Topics are left out (they come from the same segmenter either way).
import type { LedgerEvent } from '../events/types.js';
import { mentionMatcher } from '../text/topics.js';
import { customerGroup, emptyGroupCounts, groupWindows, isDormant, type CustomerGroup } from './customer-groups.js';
import { rates } from './rates.js';

export interface RefEvent {
  event: LedgerEvent;
  atMs: number;
}
export interface RefOptions {
  from: number;
  to: number;
  dormantDays: number;
  newCustomerDays: number;
  /** Scope: a community as platform + id, or null for the workspace. */
  community: { platform: string; id: string } | null;
  products: { name: string; aliases: string[] }[];
}

const DAY = 86_400_000;
const K = (p: string, id: string) => `${p}\u001f${id}`;

/** The ledger replayed as of o.to: people (identities merged), their memberships, activity, orders, in scope. */
function replay(events: RefEvent[], o: RefOptions) {
  const sorted = [...events].sort(
    (a, b) =>
      a.atMs - b.atMs ||
      (a.event.platform < b.event.platform
        ? -1
        : a.event.platform > b.event.platform
          ? 1
          : a.event.id < b.event.id
            ? -1
            : a.event.id > b.event.id
              ? 1
              : 0),
  );
  // Identities: member.linked joins two identities into one person, whenever it happened.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  for (const { event: e } of sorted) {
    if (e.type !== 'member.linked') continue;
    const a = find(K(e.platform, e.member)),
      b = find(K(e.other_platform, e.other_member));
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const who = (p: string, m: string) => find(K(p, m));
  const inScope = (p: string, c: string | undefined) =>
    o.community === null || (c !== undefined && p === o.community.platform && c === o.community.id);

  const memberships = new Map<string, RefEvent[]>(); // person → their joins/leaves in scope
  const activity = new Map<string, number[]>();
  const phones = new Map<string, number>();
  const paidBy = new Map<string, RefEvent>(); // order key → its first order.paid
  const refunds = new Map<string, RefEvent[]>();
  const messages: RefEvent[] = [];
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  for (const x of sorted) {
    const e = x.event;
    if ((e.type === 'member.joined' || e.type === 'member.left') && inScope(e.platform, e.community)) push(memberships, who(e.platform, e.member), x);
    if (e.type === 'message.sent' && inScope(e.platform, e.community)) messages.push(x);
    if ((e.type === 'message.sent' || e.type === 'checkin.done' || e.type === 'order.paid') && inScope(e.platform, e.community)) {
      push(activity, who(e.platform, e.member), x.atMs);
    }
    if (e.type === 'member.profile' && e.phone !== undefined && !phones.has(who(e.platform, e.member))) phones.set(who(e.platform, e.member), x.atMs);
    if (e.type === 'order.paid' && !paidBy.has(K(e.platform, e.order))) paidBy.set(K(e.platform, e.order), x);
    if (e.type === 'order.refunded') push(refunds, K(e.platform, e.order), x);
  }
  // Orders: each refund after the payment, in time order, refunds at most what remains.
  const orders = [...paidBy]
    .filter(([, p]) => inScope(p.event.platform, (p.event as { community?: string }).community))
    .map(([k, p]) => {
      const e = p.event as Extract<LedgerEvent, { type: 'order.paid' }>;
      let left = e.amount;
      let zeroAt: number | null = null;
      const applied: { at: number; amount: number }[] = [];
      for (const r of refunds.get(k) ?? []) {
        if (r.atMs <= p.atMs || zeroAt !== null) continue;
        const want = (r.event as { amount?: number }).amount;
        const amount = want === undefined ? left : Math.min(want, left);
        left -= amount;
        applied.push({ at: r.atMs, amount });
        if (left === 0) zeroAt = r.atMs;
      }
      return { member: who(e.platform, e.member), paidAt: p.atMs, amount: e.amount, zeroAt, applied };
    });
  const firstPaid = (m: string, t: number) => {
    let best: number | null = null;
    for (const x of orders)
      if (x.member === m && x.paidAt < t && (x.zeroAt === null || x.zeroAt >= t) && (best === null || x.paidAt < best)) best = x.paidAt;
    return best;
  };
  // As of the period's end: a figure of [s, e) never looks at events at or after e.
  const firstJoin = (m: string) => (memberships.get(m) ?? []).find((x) => x.event.type === 'member.joined' && x.atMs < o.to);
  const present = (m: string, t: number) => {
    const last = new Map<string, string>();
    const list = (memberships.get(m) ?? [])
      .filter((x) => x.atMs < t)
      .sort((a, b) => a.atMs - b.atMs || (a.event.type === 'member.left' ? 1 : 0) - (b.event.type === 'member.left' ? 1 : 0));
    for (const x of list) last.set(K(x.event.platform, (x.event as { community: string }).community), x.event.type);
    return [...last.values()].includes('member.joined');
  };
  const active = (m: string, a: number, b: number) => (activity.get(m) ?? []).some((t) => t >= a && t < b);
  const people = new Set<string>([...memberships.keys(), ...activity.keys(), ...phones.keys(), ...orders.map((x) => x.member)]);
  const settings = { dormantDays: o.dormantDays, newCustomerDays: o.newCustomerDays };
  // The customer-group rule itself is customer-groups.ts; only the facts it reads are replayed here.
  const quietAt = (m: string, t: number) => {
    const w = groupWindows(settings, t);
    return { w, firstJoin: firstJoin(m)?.atMs ?? null, activeInQuietWindow: active(m, w.quietFrom, w.quietTo) };
  };
  /** m's customer group as of t (null: not present then). */
  const groupAt = (m: string, t: number): CustomerGroup | null => {
    if (!present(m, t)) return null;
    const q = quietAt(m, t);
    return customerGroup({ firstJoin: q.firstJoin, firstPaid: firstPaid(m, t), activeInQuietWindow: q.activeInQuietWindow }, q.w);
  };
  const dormantAt = (m: string, t: number) => {
    const q = quietAt(m, t);
    return isDormant(q, q.w);
  };
  return { who, people, messages, phones, orders, firstJoin, firstPaid, present, active, groupAt, dormantAt };
}

/** Each identity's customer group as of o.to, by (platform, member id); null when not present then. */
export function referenceGroups(events: RefEvent[], o: RefOptions): (platform: string, member: string) => CustomerGroup | null {
  const r = replay(events, o);
  return (platform, member) => r.groupAt(r.who(platform, member), o.to);
}

export function referenceMetrics(events: RefEvent[], o: RefOptions) {
  const { people, messages, phones, orders, firstJoin, firstPaid, present, active, groupAt, dormantAt } = replay(events, o);
  const { from: s, to: e } = o;

  const groups = emptyGroupCounts();
  for (const m of people) {
    const g = groupAt(m, e);
    if (g !== null) groups[g]++;
  }
  const ps = [...people].filter((m) => present(m, s));
  const joiners = [...people].filter((m) => {
    const f = firstJoin(m);
    return f !== undefined && f.atMs >= s && f.atMs < e;
  });
  const buyers = [...people].filter((m) => {
    const f = firstPaid(m, e);
    return f !== null && f >= s && f < e;
  });
  const eligible = [...new Set([...ps, ...joiners])].filter((m) => firstPaid(m, s) === null);
  const dormantS = ps.filter((m) => dormantAt(m, s));
  const count = (list: string[], pick: (m: string) => string | null) => {
    const out: Record<string, number> = {};
    for (const m of list) {
      const k = pick(m);
      if (k !== null) out[k] = (out[k] ?? 0) + 1;
    }
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
  };
  const channel = (m: string) => (firstJoin(m)?.event as { channel?: string } | undefined)?.channel ?? '(none)';
  const leads = [...phones]
    .filter(([m, t]) => t >= s && t < e && (o.community === null || (firstJoin(m) !== undefined && firstJoin(m)!.atMs < e)))
    .map(([m]) => m);
  const cycles = buyers
    .filter((m) => firstJoin(m) !== undefined)
    .map((m) => Math.max(0, firstPaid(m, e)! - firstJoin(m)!.atMs) / DAY)
    .sort((a, b) => a - b);
  const mid = cycles.length >> 1;
  const mentions = mentionMatcher(o.products);
  const periodMessages = messages.filter((x) => x.atMs >= s && x.atMs < e);
  const paidIn = orders.filter((x) => x.paidAt >= s && x.paidAt < e);
  return {
    groups,
    rates: rates({
      present_s: ps.length,
      joiners: joiners.length,
      churned: ps.filter((m) => !present(m, e)).length,
      eligible: eligible.length,
      converted: eligible.filter((m) => buyers.includes(m)).length,
      dormant_s: dormantS.length,
      reactivated: dormantS.filter((m) => active(m, s, e)).length,
    }),
    acquisition: {
      new_members: joiners.length,
      by_channel: count(joiners, channel),
      fission_new: joiners.filter((m) => (firstJoin(m)!.event as { inviter?: string }).inviter !== undefined).length,
      fission_by_channel: count(joiners, (m) => ((firstJoin(m)!.event as { inviter?: string }).inviter !== undefined ? channel(m) : null)),
      leads_new: leads.length,
      leads_by_channel: count(leads, channel),
    },
    content: {
      messages: periodMessages.length,
      active_members: [...people].filter((m) => active(m, s, e)).length,
      product_mentions: periodMessages.filter((x) => mentions((x.event as { text?: string }).text ?? '')).length,
    },
    conversion: {
      orders: paidIn.length,
      revenue: paidIn.reduce((a, x) => a + x.amount, 0),
      refunds: orders
        .flatMap((x) => x.applied)
        .filter((r) => r.at >= s && r.at < e)
        .reduce((a, r) => a + r.amount, 0),
      first_buyers: buyers.length,
      by_channel: count(buyers, channel),
      cycle_days_median: cycles.length === 0 ? null : cycles.length % 2 ? cycles[mid]! : (cycles[mid - 1]! + cycles[mid]!) / 2,
    },
  };
}
