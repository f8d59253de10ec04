// Shared state of one demo run: options, clock, member arrays, the current day's plan, and the
// schedules fixed up front (joins per day, campaign days).
import { CAMPAIGNS, COMMUNITIES, FALLBACK_CAMPAIGN, capacities } from './catalog.js';
import { SlotClock } from './clock.js';
import { BUY_HOURS, CHAT_HOURS, Diurnal, JOIN_HOURS, TG_HOURS } from './diurnal.js';
import { DayPlan } from './plan.js';
import { Rng, cumulate } from './prng.js';
import { F_PRESENT, Members } from './state.js';

export interface DemoOptions {
  members: number;
  days: number;
  seed: number;
  /** Exclusive end instant of the generated period. */
  end: Date;
  /** Default 'Asia/Shanghai'. */
  timezone?: string;
}

/** Buyers who never join a community: a small share of the member count. */
export function externalBuyers(members: number): number {
  return members === 0 ? 0 : Math.max(3, Math.round(members * 0.004));
}

const POOL_RECENT = 60;

export class Sim {
  readonly rng: Rng;
  readonly clock: SlotClock;
  readonly st: Members;
  readonly plan = new DayPlan();
  readonly caps: number[];
  readonly joinsPerSlot: Int32Array;
  /** Campaign index per slot (−1 = none) into campaignKeys. */
  readonly campaign: Int8Array;
  readonly campaignKeys: string[] = [...CAMPAIGNS.map((c) => c.key), FALLBACK_CAMPAIGN];
  readonly chat = new Diurnal(CHAT_HOURS);
  readonly chatTg = new Diurnal(TG_HOURS);
  readonly buy = new Diurnal(BUY_HOURS);
  readonly joinShape = new Diurnal(JOIN_HOURS);
  readonly mixCum: number[][] = COMMUNITIES.map((c) => cumulate(c.mix));
  /** Current slot and derived flags, set by startSlot(). */
  k = 0;
  dayFactor = 1;
  campaignToday = -1;
  campaignLastDay = false;
  nextMember: number;
  /** Members with index below this joined before the current slot. */
  joinedBefore: number;
  orderSeq = 0;
  readonly linkTarget: number;
  linksLeft: number;
  readonly present: Int32Array;
  readonly joinsToday: Int32Array;
  readonly eliminationNotice: Uint8Array;
  /** Per community: members likely to invite friends (fission), in join order. */
  readonly sharers: Int32Array[];
  readonly sharerLen: Int32Array;
  readonly sharerLenAtStart: Int32Array;
  /** Per community: a small ring of experts/backbone members who answer questions. */
  readonly experts: Int32Array[];
  readonly expertLen: Int32Array;
  /** slot → flat [orderNum, orderSlot, member, amount(−1 = full)] of refunds due that day. */
  readonly refunds = new Map<number, number[]>();

  constructor(readonly opts: DemoOptions) {
    const { members, days, seed, end } = opts;
    if (!Number.isInteger(members) || members < 0) throw new RangeError('demo: members must be a non-negative integer');
    if (!Number.isInteger(days) || days < 1 || days > 20_000) throw new RangeError('demo: days must be an integer in 1..20000');
    if (!Number.isInteger(seed)) throw new RangeError('demo: seed must be an integer');
    if (!(end instanceof Date) || Number.isNaN(end.getTime())) throw new RangeError('demo: end must be a valid Date');
    this.rng = new Rng(seed, 1);
    this.clock = new SlotClock(end, days, opts.timezone ?? 'Asia/Shanghai');
    this.st = new Members(members, externalBuyers(members), seed);
    this.caps = capacities(members);
    this.nextMember = this.st.staff;
    this.joinedBefore = this.st.staff;
    this.linkTarget = this.linksLeft = Math.max(2, Math.round(members / 2000));
    const nc = COMMUNITIES.length;
    this.present = new Int32Array(nc);
    this.joinsToday = new Int32Array(nc);
    this.eliminationNotice = new Uint8Array(nc);
    this.sharers = COMMUNITIES.map(() => new Int32Array(16));
    this.sharerLen = new Int32Array(nc);
    this.sharerLenAtStart = new Int32Array(nc);
    this.experts = COMMUNITIES.map(() => new Int32Array(256));
    this.expertLen = new Int32Array(nc);
    this.campaign = this.campaignDays();
    this.joinsPerSlot = this.joinSchedule(members);
    this.scheduleExternalBuyers();
  }

  private campaignDays(): Int8Array {
    const n = this.clock.slots;
    const out = new Int8Array(n).fill(-1);
    let any = false;
    for (let k = 0; k < n; k++) {
      this.clock.begin(k);
      const i = CAMPAIGNS.findIndex((c) => c.month === this.clock.month && this.clock.day >= c.from && this.clock.day <= c.to);
      if (i >= 0) {
        out[k] = i;
        any = true;
      }
    }
    if (!any && n >= 10) for (let k = Math.floor(n * 0.6); k < Math.min(n, Math.floor(n * 0.6) + 5); k++) out[k] = CAMPAIGNS.length;
    return out;
  }

  /** Joins per day: growing over the period, busier at weekends and during campaigns, with noise. */
  private joinSchedule(members: number): Int32Array {
    const n = this.clock.slots;
    const weights: number[] = [];
    for (let k = 0; k < n; k++) {
      this.clock.begin(k);
      const portion = Math.max(0, this.clock.hi - this.clock.lo) / 86_400;
      const weekend = this.clock.weekday === 0 || this.clock.weekday === 6 ? 1.2 : 1;
      const promo = this.campaign[k]! >= 0 ? 1.6 : 1;
      weights.push(portion * (0.7 + (0.6 * k) / n) * weekend * promo * (0.8 + 0.4 * this.rng.next()));
    }
    const total = weights.reduce((a, b) => a + b, 0);
    const out = new Int32Array(n);
    const rest: { k: number; frac: number }[] = [];
    let given = 0;
    weights.forEach((w, k) => {
      const exact = total > 0 ? (members * w) / total : 0;
      out[k] = Math.floor(exact);
      given += out[k]!;
      rest.push({ k, frac: exact - out[k]! });
    });
    rest.sort((a, b) => b.frac - a.frac || a.k - b.k); // largest remainder, ties by day: deterministic
    for (let i = 0; given < members; i++, given++) out[rest[i % rest.length]!.k]!++;
    return out;
  }

  private scheduleExternalBuyers(): void {
    const st = this.st;
    const from = st.staff + st.members;
    for (let m = from; m < st.total; m++) {
      st.buySlot[m] = this.rng.int(this.clock.slots);
      const u = this.rng.next();
      st.buyProd[m] = u < 0.5 ? 0 : u < 0.8 ? 2 : 3; // trial camp, goods box, yoga mat
    }
  }

  /** Prepares per-slot state; the clock must already be at slot k. */
  startSlot(k: number): void {
    this.k = k;
    this.plan.reset();
    this.campaignToday = this.campaign[k]!;
    this.campaignLastDay = this.campaignToday >= 0 && this.campaign[k + 1] !== this.campaignToday;
    const weekend = this.clock.weekday === 0 || this.clock.weekday === 6;
    this.dayFactor = (weekend ? 1.15 : 1) * (this.campaignToday >= 0 ? 1.25 : 1);
    this.joinedBefore = this.nextMember;
    this.sharerLenAtStart.set(this.sharerLen);
    this.joinsToday.fill(0);
    this.eliminationNotice.fill(0);
  }

  addSharer(c: number, m: number): void {
    let pool = this.sharers[c]!;
    const len = this.sharerLen[c]!;
    if (len === pool.length) {
      const bigger = new Int32Array(pool.length * 2);
      bigger.set(pool);
      this.sharers[c] = pool = bigger;
    }
    pool[len] = m;
    this.sharerLen[c] = len + 1;
  }

  /** An inviter for a referral join: usually a recent sharer (so chains grow deep), present, from earlier days. */
  pickInviter(c: number): number {
    const len = this.sharerLenAtStart[c]!;
    if (len === 0) return -1;
    const pool = this.sharers[c]!;
    const st = this.st;
    for (let tries = 0; tries < 5; tries++) {
      const recent = this.rng.chance(0.7);
      const idx = recent ? len - 1 - this.rng.int(Math.min(len, POOL_RECENT)) : this.rng.int(len);
      const m = pool[idx]!;
      if ((st.flags[m]! & F_PRESENT) !== 0 && st.depth[m]! < 6) return m;
    }
    return -1;
  }

  addExpert(c: number, m: number): void {
    const ring = this.experts[c]!;
    ring[this.expertLen[c]! % ring.length] = m;
    this.expertLen[c]!++;
  }

  /** A present expert of community c who joined before today, other than `not`; −1 if none. */
  pickExpert(c: number, not: number): number {
    const n = Math.min(this.expertLen[c]!, 256);
    if (n === 0) return -1;
    for (let tries = 0; tries < 4; tries++) {
      const m = this.experts[c]![this.rng.int(n)]!;
      if (m !== not && (this.st.flags[m]! & F_PRESENT) !== 0 && this.st.joinSlot[m]! < this.k) return m;
    }
    return -1;
  }

  chatShape(c: number): Diurnal {
    return COMMUNITIES[c]!.kind === 'tg' ? this.chatTg : this.chat;
  }
}
