// One pass over the members, page by page, that answers the member-set figures (groups, rates, active members,
// messages, first buyers) of many periods at once: per member, its spans, paid orders and active days are read
// once and every period's boundaries evaluated in memory. Exact only when every boundary, and every boundary
// minus D days, is a local midnight (then windows are whole days of member_days); sweepable() says so.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../../storage/schema.js';
import { dayNumber, startOfDay } from '../../../domain/time/periods.js';
import type { Groups, Params, RateParts } from './figures.js';
import type { Scope } from './sets.js';

const DAY = 86_400_000;
const PAGE = 20_000;

export interface Span { s: number; e: number }
export interface SweptPeriod {
  groups: Groups; parts: RateParts; active: number; messages: number;
  buyers: { count: number; byChannel: Map<string, number>; cycles: number[] };
}

export function sweepable(tz: string, p: Params, periods: Span[]): boolean {
  const midnight = (t: number) => startOfDay(tz, t) === t;
  return periods.every((x) => [x.s, x.e].every((b) => midnight(b) && midnight(b - p.dormantDays * DAY)));
}

interface Member { fj: number | null; ch: string | null; spans: [number, number | null][]; orders: [number, number | null][]; days: number[] }

const present = (m: Member, t: number) => m.spans.some(([j, l]) => j < t && (l === null || l >= t));
function firstPaid(m: Member, t: number): number | null {
  let best: number | null = null;
  for (const [paid, gone] of m.orders) if (paid < t && (gone === null || gone >= t) && (best === null || paid < best)) best = paid;
  return best;
}
/** Any active day in [d0, d1)? days is sorted. */
function activeBetween(days: number[], d0: number, d1: number): boolean {
  let lo = 0, hi = days.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (days[mid]! < d0) lo = mid + 1; else hi = mid; }
  return lo < days.length && days[lo]! < d1;
}

function emptyPeriod(): SweptPeriod {
  return {
    groups: { potential: 0, new: 0, core: 0, dormant: 0 },
    parts: { present_s: 0, joiners: 0, churned: 0, eligible: 0, converted: 0, dormant_s: 0, reactivated: 0 },
    active: 0, messages: 0, buyers: { count: 0, byChannel: new Map(), cycles: [] },
  };
}

export async function sweep(db: Kysely<Schema>, scope: Scope, p: Params, periods: Span[]): Promise<SweptPeriod[]> {
  const tz = scope.timezone;
  const D = p.dormantDays * DAY, N = p.newCustomerDays * DAY;
  const out = periods.map(emptyPeriod);
  const dn = (t: number) => dayNumber(tz, t);
  const bounds = periods.map((x) => ({ s: x.s, e: x.e, ds: dn(x.s), de: dn(x.e), dsD: dn(x.s - D), deD: dn(x.e - D) }));
  const dayMin = Math.min(...bounds.map((b) => b.dsD)), dayMax = Math.max(...bounds.map((b) => b.de));
  const tMax = Math.max(...periods.map((x) => x.e));
  const messagesByDay = new Map<number, number>();
  const c = scope.community;
  const inC = (col = 'community_id') => (c === null ? sql`` : sql` AND ${sql.ref(col)} = ${c}`);
  const top = await sql<{ m: number | null }>`SELECT max(id) AS m FROM members`.execute(db);
  const maxId = Number(top.rows[0]?.m ?? 0);

  for (let lo = 0; lo <= maxId; lo += PAGE) {
    const hi = lo + PAGE;
    const members = new Map<number, Member>();
    const get = (id: number) => { let m = members.get(id); if (!m) members.set(id, (m = { fj: null, ch: null, spans: [], orders: [], days: [] })); return m; };
    const base = c === null
      ? await sql<{ id: number; fj: number | null; ch: string | null }>`SELECT id, first_join_at AS fj, first_channel AS ch FROM members
          WHERE id >= ${lo} AND id < ${hi} AND merged_into IS NULL AND first_join_at IS NOT NULL`.execute(db)
      : await sql<{ id: number; fj: number | null; ch: string | null }>`SELECT member_id AS id, first_join_at AS fj, first_channel AS ch FROM memberships
          WHERE member_id >= ${lo} AND member_id < ${hi} AND community_id = ${c} AND first_join_at IS NOT NULL`.execute(db);
    for (const r of base.rows) { const m = get(Number(r.id)); m.fj = Number(r.fj); m.ch = r.ch; }
    const spans = await sql<{ member_id: number; j: number; l: number | null }>`SELECT member_id, joined_at AS j, left_at AS l FROM membership_spans
      WHERE member_id >= ${lo} AND member_id < ${hi} AND joined_at < ${tMax}${inC()}`.execute(db);
    for (const r of spans.rows) get(Number(r.member_id)).spans.push([Number(r.j), r.l === null ? null : Number(r.l)]);
    const orders = await sql<{ member_id: number; paid: number; gone: number | null }>`SELECT member_id, paid_at AS paid, fully_refunded_at AS gone FROM orders
      WHERE member_id >= ${lo} AND member_id < ${hi} AND paid_at < ${tMax}${inC()}`.execute(db);
    for (const r of orders.rows) get(Number(r.member_id)).orders.push([Number(r.paid), r.gone === null ? null : Number(r.gone)]);
    const days = await sql<{ member_id: number; day: number; messages: number }>`SELECT member_id, day, messages FROM member_days
      WHERE member_id >= ${lo} AND member_id < ${hi} AND day >= ${dayMin} AND day < ${dayMax}${inC()}`.execute(db);
    for (const r of days.rows) {
      get(Number(r.member_id)).days.push(Number(r.day));
      const msgs = Number(r.messages);
      if (msgs > 0) messagesByDay.set(Number(r.day), (messagesByDay.get(Number(r.day)) ?? 0) + msgs);
    }
    for (const m of members.values()) {
      m.days.sort((a, b) => a - b);
      for (let i = 0; i < bounds.length; i++) tally(out[i]!, bounds[i]!, m, D, N);
    }
  }
  for (let i = 0; i < bounds.length; i++) {
    for (const [day, n] of messagesByDay) if (day >= bounds[i]!.ds && day < bounds[i]!.de) out[i]!.messages += n;
  }
  return out;
}

function tally(o: SweptPeriod, b: { s: number; e: number; ds: number; de: number; dsD: number; deD: number }, m: Member, D: number, N: number) {
  const activeIn = activeBetween(m.days, b.ds, b.de);
  if (activeIn) o.active++;
  const fpE = firstPaid(m, b.e);
  const bought = fpE !== null && fpE >= b.s;
  if (bought) {
    o.buyers.count++;
    const known = m.fj !== null && m.fj < b.e;
    const ch = known ? m.ch ?? '(none)' : '(none)';
    o.buyers.byChannel.set(ch, (o.buyers.byChannel.get(ch) ?? 0) + 1);
    if (known) o.buyers.cycles.push(Math.max(0, fpE - m.fj!) / DAY);
  }
  if (m.fj === null) return;
  const pe = present(m, b.e), ps = present(m, b.s);
  if (pe) {
    if (m.fj <= b.e - D && !activeBetween(m.days, b.deD, b.de)) o.groups.dormant++;
    else if (fpE === null) o.groups.potential++;
    else if (fpE >= b.e - N) o.groups.new++;
    else o.groups.core++;
  }
  const joiner = m.fj >= b.s && m.fj < b.e;
  const r = o.parts;
  if (ps) r.present_s++;
  if (joiner) r.joiners++;
  if (ps && !pe) r.churned++;
  if ((ps || joiner) && firstPaid(m, b.s) === null) { r.eligible++; if (bought) r.converted++; }
  if (ps && m.fj <= b.s - D && !activeBetween(m.days, b.dsD, b.ds)) { r.dormant_s++; if (activeIn) r.reactivated++; }
}
