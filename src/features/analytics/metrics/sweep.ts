// One pass over the members, page by page, that answers the member-set figures (groups, rates, active members,
// messages, first buyers) of many periods at once: per member, its spans, paid orders and active days are read
// once and every period's boundaries evaluated in memory. Exact only when every boundary, and every boundary
// minus D days, is a local midnight (then windows are whole days of member_days); sweepable() says so.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../../storage/schema.js';
import { dayNumber, startOfDay } from '../../../domain/time/periods.js';
import {
  customerGroup,
  emptyGroupCounts,
  groupWindows,
  isDormant,
  type CustomerGroup,
  type GroupCounts,
  type GroupSettings,
  type GroupWindows,
} from '../../../domain/metrics/customer-groups.js';
import { emptyRateCounts, type RateCounts } from '../../../domain/metrics/rates.js';
import type { Scope } from './sets.js';

const DAY = 86_400_000;
const PAGE = 20_000;

export interface Span {
  s: number;
  e: number;
}
export interface SweptPeriod {
  groups: GroupCounts;
  parts: RateCounts;
  active: number;
  messages: number;
  buyers: { count: number; byChannel: Map<string, number>; cycles: number[] };
}

/** Every boundary, and the start of its dormancy window, a local midnight: the windows are whole days. */
export function sweepable(tz: string, p: GroupSettings, periods: Span[]): boolean {
  const midnight = (t: number) => startOfDay(tz, t) === t;
  return periods.every((x) => [x.s, x.e].every((b) => midnight(b) && midnight(groupWindows(p, b).quietFrom)));
}

interface Member {
  fj: number | null;
  ch: string | null;
  spans: [number, number | null][];
  orders: [number, number | null][];
  days: number[];
}

const present = (m: Member, t: number) => m.spans.some(([j, l]) => j < t && (l === null || l >= t));
function firstPaid(m: Member, t: number): number | null {
  let best: number | null = null;
  for (const [paid, gone] of m.orders) if (paid < t && (gone === null || gone >= t) && (best === null || paid < best)) best = paid;
  return best;
}
/** Any active day in [d0, d1)? days is sorted. */
function activeBetween(days: number[], d0: number, d1: number): boolean {
  let lo = 0,
    hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! < d0) lo = mid + 1;
    else hi = mid;
  }
  return lo < days.length && days[lo]! < d1;
}

function emptyPeriod(): SweptPeriod {
  return { groups: emptyGroupCounts(), parts: emptyRateCounts(), active: 0, messages: 0, buyers: { count: 0, byChannel: new Map(), cycles: [] } };
}

/** A boundary's group windows, with the quiet window as day numbers [d0, d1) of member_days. */
interface At {
  w: GroupWindows;
  d0: number;
  d1: number;
}
interface Bound {
  s: number;
  e: number;
  ds: number;
  de: number;
  atS: At;
  atE: At;
}

/** The member's customer group as of at.w.t (domain/metrics/customer-groups.ts); fp is firstPaid(m, t). */
function groupOf(m: Member, at: At, fp: number | null): CustomerGroup {
  return customerGroup({ firstJoin: m.fj, firstPaid: fp, activeInQuietWindow: activeBetween(m.days, at.d0, at.d1) }, at.w);
}

/** Sees each member's group as of each period's end (for tests that compare engines member by member). */
export type GroupObserver = (member: number, period: number, group: CustomerGroup) => void;

export async function sweep(db: Kysely<Schema>, scope: Scope, p: GroupSettings, periods: Span[], observe?: GroupObserver): Promise<SweptPeriod[]> {
  const tz = scope.timezone;
  const out = periods.map(emptyPeriod);
  const dn = (t: number) => dayNumber(tz, t);
  const at = (t: number): At => {
    const w = groupWindows(p, t);
    return { w, d0: dn(w.quietFrom), d1: dn(w.quietTo) };
  };
  const bounds: Bound[] = periods.map((x) => ({ s: x.s, e: x.e, ds: dn(x.s), de: dn(x.e), atS: at(x.s), atE: at(x.e) }));
  const dayMin = Math.min(...bounds.map((b) => Math.min(b.ds, b.atS.d0))),
    dayMax = Math.max(...bounds.map((b) => Math.max(b.de, b.atE.d1)));
  const tMax = Math.max(...periods.map((x) => x.e));
  const messagesByDay = new Map<number, number>();
  const c = scope.community;
  const inC = (col = 'community_id') => (c === null ? sql`` : sql` AND ${sql.ref(col)} = ${c}`);
  const top = await sql<{ m: number | null }>`SELECT max(id) AS m FROM members`.execute(db);
  const maxId = Number(top.rows[0]?.m ?? 0);

  for (let lo = 0; lo <= maxId; lo += PAGE) {
    const hi = lo + PAGE;
    const members = new Map<number, Member>();
    const get = (id: number) => {
      let m = members.get(id);
      if (!m) members.set(id, (m = { fj: null, ch: null, spans: [], orders: [], days: [] }));
      return m;
    };
    const base =
      c === null
        ? await sql<{ id: number; fj: number | null; ch: string | null }>`SELECT id, first_join_at AS fj, first_channel AS ch FROM members
          WHERE id >= ${lo} AND id < ${hi} AND merged_into IS NULL AND first_join_at IS NOT NULL`.execute(db)
        : await sql<{
            id: number;
            fj: number | null;
            ch: string | null;
          }>`SELECT member_id AS id, first_join_at AS fj, first_channel AS ch FROM memberships
          WHERE member_id >= ${lo} AND member_id < ${hi} AND community_id = ${c} AND first_join_at IS NOT NULL`.execute(db);
    for (const r of base.rows) {
      const m = get(Number(r.id));
      m.fj = Number(r.fj);
      m.ch = r.ch;
    }
    const spans = await sql<{ member_id: number; j: number; l: number | null }>`SELECT member_id, joined_at AS j, left_at AS l FROM membership_spans
      WHERE member_id >= ${lo} AND member_id < ${hi} AND joined_at < ${tMax}${inC()}`.execute(db);
    for (const r of spans.rows) get(Number(r.member_id)).spans.push([Number(r.j), r.l === null ? null : Number(r.l)]);
    const orders = await sql<{
      member_id: number;
      paid: number;
      gone: number | null;
    }>`SELECT member_id, paid_at AS paid, fully_refunded_at AS gone FROM orders
      WHERE member_id >= ${lo} AND member_id < ${hi} AND paid_at < ${tMax}${inC()}`.execute(db);
    for (const r of orders.rows) get(Number(r.member_id)).orders.push([Number(r.paid), r.gone === null ? null : Number(r.gone)]);
    const days = await sql<{ member_id: number; day: number; messages: number }>`SELECT member_id, day, messages FROM member_days
      WHERE member_id >= ${lo} AND member_id < ${hi} AND day >= ${dayMin} AND day < ${dayMax}${inC()}`.execute(db);
    for (const r of days.rows) {
      get(Number(r.member_id)).days.push(Number(r.day));
      const msgs = Number(r.messages);
      if (msgs > 0) messagesByDay.set(Number(r.day), (messagesByDay.get(Number(r.day)) ?? 0) + msgs);
    }
    for (const [id, m] of members) {
      m.days.sort((a, b) => a - b);
      for (let i = 0; i < bounds.length; i++) {
        const g = tally(out[i]!, bounds[i]!, m);
        if (g !== null && observe) observe(id, i, g);
      }
    }
  }
  for (let i = 0; i < bounds.length; i++) {
    for (const [day, n] of messagesByDay) if (day >= bounds[i]!.ds && day < bounds[i]!.de) out[i]!.messages += n;
  }
  return out;
}

/** Counts one member into one period; returns their group as of its end when present then. */
function tally(o: SweptPeriod, b: Bound, m: Member): CustomerGroup | null {
  const activeIn = activeBetween(m.days, b.ds, b.de);
  if (activeIn) o.active++;
  const fpE = firstPaid(m, b.e);
  const bought = fpE !== null && fpE >= b.s;
  if (bought) {
    o.buyers.count++;
    const known = m.fj !== null && m.fj < b.e;
    const ch = known ? (m.ch ?? '(none)') : '(none)';
    o.buyers.byChannel.set(ch, (o.buyers.byChannel.get(ch) ?? 0) + 1);
    if (known) o.buyers.cycles.push(Math.max(0, fpE - m.fj!) / DAY);
  }
  if (m.fj === null) return null;
  const pe = present(m, b.e),
    ps = present(m, b.s);
  const group = pe ? groupOf(m, b.atE, fpE) : null;
  if (group !== null) o.groups[group]++;
  const joiner = m.fj >= b.s && m.fj < b.e;
  const r = o.parts;
  if (ps) r.present_s++;
  if (joiner) r.joiners++;
  if (ps && !pe) r.churned++;
  if ((ps || joiner) && firstPaid(m, b.s) === null) {
    r.eligible++;
    if (bought) r.converted++;
  }
  if (ps && isDormant({ firstJoin: m.fj, activeInQuietWindow: activeBetween(m.days, b.atS.d0, b.atS.d1) }, b.atS.w)) {
    r.dormant_s++;
    if (activeIn) r.reactivated++;
  }
  return group;
}
