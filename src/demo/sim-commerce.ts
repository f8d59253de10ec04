// The product pyramid in motion: lead → entry → premium purchases, repeat buys, campaign pulls, refunds.
import { JOIN_METHODS } from '../domain/events/types.js';
import { CHANNELS, CH_NONE, COMMUNITIES, C_TG, C_VIP, PRODUCTS, PRODUCT_LEVEL, P_COURSE, P_GOODS, P_MAT, P_TRIAL, P_VIP } from './catalog.js';
import { T_REFUND } from './qa.js';
import { A_JOIN, A_ORDER, A_PROFILE, A_REFUND } from './plan.js';
import type { Sim } from './sim-context.js';
import { planQuestion } from './sim-talk.js';
import { F_INTENT, F_PHONE, F_PRESENT, F_VIP, NO_SLOT } from './state.js';

export const PK_ATTRS = 1,
  PK_PHONE = 2,
  PK_INTENT = 4,
  PK_BOUGHT = 8,
  PK_STAR = 16,
  PK_RENAME = 32,
  PK_STAFF = 64,
  PK_SPAM = 128,
  PK_NAME = 256;
const JOIN_ADDED = JOIN_METHODS.indexOf('added');

const ROLE_BOOST = [0.5, 0.9, 1.3, 2, 1.5, 1.5, 0];

function conversion(sim: Sim, m: number): number {
  const ch = sim.st.chan[m]!;
  return (ch === CH_NONE ? 1 : CHANNELS[ch]!.conversion) * ROLE_BOOST[sim.st.role[m]!]!;
}

/** Schedules a purchase `minDays`..`maxDays` ahead, if it falls inside the period and none is pending. */
export function scheduleBuy(sim: Sim, m: number, product: number, minDays: number, maxDays: number): void {
  const st = sim.st;
  if (st.buySlot[m] !== NO_SLOT) return;
  const slot = sim.k + sim.rng.range(minDays, maxDays);
  if (slot >= sim.clock.slots) return;
  st.buySlot[m] = slot;
  st.buyProd[m] = product;
}

/** After a purchase: maybe the next step up the pyramid (or a repeat buy in the mum group). */
export function scheduleNext(sim: Sim, m: number): void {
  const st = sim.st;
  const rng = sim.rng;
  const level = st.level[m]!;
  const conv = conversion(sim, m);
  const kind = st.comm[m]! < COMMUNITIES.length ? COMMUNITIES[st.comm[m]!]!.kind : 'pool';
  if (level === 1) {
    if (rng.chance(0.2 * conv)) scheduleBuy(sim, m, P_COURSE, 5, 9); // the camp converts at its end (~7 days)
  } else if (level === 2) {
    if (kind === 'pool' && rng.chance(0.3)) scheduleBuy(sim, m, rng.chance(0.7) ? P_GOODS : P_MAT, 7, 21);
    else if (rng.chance(0.08 * conv)) scheduleBuy(sim, m, P_VIP, 10, 45);
  } else if (level === 3 && rng.chance(0.15)) {
    scheduleBuy(sim, m, P_MAT, 3, 20);
  }
}

/** The first purchase intent of a new member, by group kind (camp joiners mostly paid at the gate). */
export function scheduleFirst(sim: Sim, m: number): void {
  const kind = COMMUNITIES[sim.st.comm[m]!]!.kind;
  const rng = sim.rng;
  if (kind === 'camp' && rng.chance(0.4)) scheduleBuy(sim, m, P_TRIAL, 1, 3);
  else if (kind === 'tg' && rng.chance(0.3)) scheduleBuy(sim, m, P_TRIAL, 1, 5);
  else if (kind === 'pool') {
    if (rng.chance(0.35)) scheduleBuy(sim, m, P_GOODS, 1, 10);
    else if (rng.chance(0.06)) scheduleBuy(sim, m, P_TRIAL, 2, 14);
  }
}

function refundAmount(sim: Sim, product: number, paid: number): number {
  const rng = sim.rng;
  const tier = PRODUCTS[product]!.tier;
  if (tier === 'lead') return rng.chance(0.8) ? -1 : paid;
  const u = rng.next();
  if (u < (tier === 'premium' ? 0.7 : 0.5)) return Math.round((paid * (0.3 + 0.4 * rng.next())) / 100) * 100; // partial
  return u < 0.85 ? -1 : paid;
}

/** Plans an order at second t; community −1 = bought outside any group. */
export function planOrder(sim: Sim, m: number, product: number, t: number, community: number): void {
  const { st, rng, plan } = sim;
  t = Math.max(sim.clock.lo, t);
  if ((st.flags[m]! & F_PHONE) === 0 && rng.chance(0.85)) {
    // the order form asks for a mobile number: the buyer becomes a lead just before paying
    plan.add(Math.max(sim.clock.lo, t - rng.range(20, 120)), A_PROFILE, m, PK_PHONE | (st.comm[m] === 255 ? PK_NAME : 0));
    st.flags[m]! |= F_PHONE;
  }
  const campaign = sim.campaignToday >= 0 && rng.chance(0.85) ? sim.campaignToday : -1;
  const def = PRODUCTS[product]!;
  const amount = campaign >= 0 ? def.salePrice : def.price;
  const orderNum = ++sim.orderSeq;
  plan.add(t, A_ORDER, m, product | ((community + 1) << 8) | ((campaign + 1) << 16), orderNum, amount);
  const level = PRODUCT_LEVEL[product]!;
  if (level > st.level[m]!) st.level[m] = level;
  const dropIntent = level >= 2 && (st.flags[m]! & F_INTENT) !== 0; // a converted lead is no longer "high intent"
  if (dropIntent) st.flags[m]! &= ~F_INTENT;
  if (rng.chance(dropIntent ? 1 : 0.7)) plan.add(t + rng.range(30, 600), A_PROFILE, m, PK_BOUGHT, product, dropIntent ? 1 : 0);
  const refundP = def.tier === 'lead' ? 0.05 : def.tier === 'entry' ? 0.035 : 0.03;
  if (rng.chance(refundP)) {
    const due = sim.k + (def.tier === 'lead' ? rng.range(1, 3) : rng.range(1, 7));
    if (due < sim.clock.slots) {
      let list = sim.refunds.get(due);
      if (!list) sim.refunds.set(due, (list = []));
      list.push(orderNum, sim.k, m, refundAmount(sim, product, amount));
    }
  }
  if (product === P_VIP && (st.flags[m]! & F_VIP) === 0 && st.comm[m] !== C_TG && st.comm[m] !== 255) {
    // premium buyers are added to the (WeCom) VIP group by its owner a little later
    st.flags[m]! |= F_VIP;
    sim.present[C_VIP]!++;
    plan.add(t + rng.range(600, 10_800), A_JOIN, m, C_VIP, JOIN_ADDED | (CH_NONE << 8), -1);
  }
  scheduleNext(sim, m);
}

/** A purchase that was scheduled for today (members and never-joined buyers). */
export function planDuePurchase(sim: Sim, m: number, exitT: number): void {
  const { st, rng } = sim;
  const product = st.buyProd[m]!;
  st.buySlot[m] = NO_SLOT;
  let t = sim.buy.within(rng, sim.clock.lo, sim.clock.hi);
  if (sim.campaignLastDay && rng.chance(0.25)) t = Math.max(sim.clock.lo, rng.int(5400)); // the midnight rush
  const inGroup = (st.flags[m]! & F_PRESENT) !== 0 && t < exitT && rng.chance(0.7);
  planOrder(sim, m, product, t, inGroup ? st.comm[m]! : -1);
}

/** During a campaign, members who already bought something may impulse-buy the next level. */
export function campaignPull(sim: Sim, m: number): void {
  const st = sim.st;
  const level = st.level[m]!;
  if (level === 0 || st.buySlot[m] !== NO_SLOT) return;
  if (!sim.rng.chance(0.012 * conversion(sim, m))) return;
  const product = level === 1 ? P_COURSE : level === 2 ? (sim.rng.chance(0.4) ? P_VIP : P_MAT) : P_MAT;
  st.buySlot[m] = sim.k;
  st.buyProd[m] = product;
}

/** Refunds due today; a refund is often preceded by the question "怎么退款？". */
export function planRefunds(sim: Sim): void {
  const list = sim.refunds.get(sim.k);
  if (!list) return;
  sim.refunds.delete(sim.k);
  const { st, rng, plan } = sim;
  for (let i = 0; i < list.length; i += 4) {
    const m = list[i + 2]!;
    const t = sim.buy.within(rng, Math.max(sim.clock.lo, 9 * 3600), 21 * 3600);
    if ((st.flags[m]! & F_PRESENT) !== 0 && rng.chance(0.5)) {
      planQuestion(sim, m, st.comm[m]!, Math.max(sim.clock.lo, t - rng.range(600, 5400)), T_REFUND);
    }
    plan.add(t, A_REFUND, m, list[i + 1]!, list[i]!, list[i + 3]!);
  }
}
