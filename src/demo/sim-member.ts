// One member's day: check-in for the 21-day challenge, messages at a decaying rate, purchases that fall
// due, going quiet, quitting (sometimes coming back), elimination from camp groups, reactivation.
import { CHANNELS, CH_NONE, COMMUNITIES, C_VIP, P_COURSE, P_GOODS, P_TRIAL } from './catalog.js';
import { hash32 } from './prng.js';
import { M_BACK, M_CHECKIN } from './messages.js';
import { T_PRICE } from './qa.js';
import { A_CHECKIN, A_LEAVE, A_MSG, A_PROFILE, A_STAFF } from './plan.js';
import { PK_INTENT, PK_RENAME, PK_STAR, campaignPull, planDuePurchase, scheduleBuy } from './sim-commerce.js';
import type { Sim } from './sim-context.js';
import { planRejoin } from './sim-join.js';
import { planMessage } from './sim-talk.js';
import { S_ELIM_NOTICE } from './staff-messages.js';
import { CK_ACTIVE, CK_DONE, CK_DROPPED, F_GONE, F_INTENT, F_PRESENT, F_VIP, NO_SLOT, R_BACKBONE, R_EXPERT, R_MASCOT } from './state.js';

const CHALLENGE_DAYS = 21;
const DAY = 86_400;

/** Preferred check-in second: early birds before work, the rest after the 8pm live session. */
function checkinTime(sim: Sim, m: number): number {
  const h = hash32(m, 77);
  const base = h % 10 < 4 ? 6 * 3600 + ((h >>> 4) % 9000) : 74_400 + ((h >>> 4) % 8400);
  return Math.min(DAY - 1, Math.max(sim.clock.lo, base + sim.rng.range(-900, 900)));
}

/** Advances the challenge; returns 1 if the member checks in today, 2 if dropped or finished, else 0. */
function challengeDay(sim: Sim, m: number, dormant: boolean): number {
  const st = sim.st;
  const day = sim.k - st.joinSlot[m]! - 1;
  if (day < 0) return 0;
  if (day >= CHALLENGE_DAYS) {
    st.ckState[m] = CK_DONE;
    return 2;
  }
  const p = (st.ckCommit[m]! / 255) * (1 - day * 0.012) * (dormant ? 0.7 : 1);
  if (sim.rng.chance(p)) {
    st.ckMiss[m] = 0;
    if (st.ckCount[m]! < 255) st.ckCount[m]!++;
    return 1;
  }
  st.ckMiss[m]!++;
  if (st.ckMiss[m]! < 3) return 0;
  if (sim.rng.chance(0.1)) {
    // revival: back on track after a warning
    st.ckMiss[m] = 0;
    st.ckCommit[m] = Math.max(st.ckCommit[m]!, 200);
    return 0;
  }
  st.ckState[m] = CK_DROPPED;
  return 2;
}

function leave(sim: Sim, m: number, c: number): void {
  const st = sim.st;
  st.flags[m]! &= ~F_PRESENT;
  sim.present[c]!--;
  if (st.buySlot[m] !== NO_SLOT && sim.rng.chance(0.7)) st.buySlot[m] = NO_SLOT;
}

export function planMemberDay(sim: Sim, m: number): void {
  const st = sim.st;
  const flags = st.flags[m]!;
  if ((flags & F_GONE) !== 0) return;
  const k = sim.k;
  if ((flags & F_PRESENT) === 0) {
    if (st.rejoin[m] === k) planRejoin(sim, m);
    else if (st.buySlot[m] === k) planDuePurchase(sim, m, 0);
    return;
  }
  const { rng, plan, clock } = sim;
  const c = st.comm[m]!;
  const age = k - st.anchor[m]!;
  const rate = st.base[m]! * Math.exp(-st.lambda[m]! * age);
  const dormant = rate < 0.04;
  const role = st.role[m]!;
  const core = role === R_BACKBONE || role === R_EXPERT || role === R_MASCOT;

  let checkin = 0;
  if (st.ckState[m] === CK_ACTIVE) checkin = challengeDay(sim, m, dormant);
  let exitT = DAY;
  let exit = 0; // 1 quit, 2 eliminated
  if (checkin === 2) {
    if (st.ckCount[m]! >= 15 && rng.chance(0.6)) plan.add(clock.lo + rng.int(DAY - clock.lo), A_PROFILE, m, PK_STAR);
    if (st.level[m]! < 2 && st.ckState[m] === CK_DONE && rng.chance(0.35)) scheduleBuy(sim, m, P_COURSE, 1, 2);
    const eliminate = COMMUNITIES[c]!.kind === 'camp' && st.ckCount[m]! < 5 && st.level[m]! < 2 && !core && rng.chance(0.15);
    if (eliminate) {
      exit = 2;
      exitT = Math.max(clock.lo, 10 * 3600 + rng.range(300, 1800));
      if (!sim.eliminationNotice[c]) {
        sim.eliminationNotice[c] = 1;
        plan.add(10 * 3600, A_STAFF, COMMUNITIES[c]!.owner, c, S_ELIM_NOTICE, 0);
      }
    }
  }
  if (exit === 0) {
    const ch = st.chan[m]!;
    const hazard = 0.0025 * (ch === CH_NONE ? 1 : CHANNELS[ch]!.quit) * (dormant ? 2.5 : 1) * (st.level[m]! >= 2 ? 0.4 : 1) * (core ? 0.3 : 1);
    if (rng.chance(hazard)) {
      exit = 1;
      exitT = sim.chat.within(rng, clock.lo, clock.hi);
    }
  }

  if (sim.campaignToday >= 0) campaignPull(sim, m);
  if (st.buySlot[m] === k) planDuePurchase(sim, m, exitT);

  if (checkin === 1) {
    let t = checkinTime(sim, m);
    if (t >= exitT) t = sim.chat.within(rng, clock.lo, exitT);
    plan.add(t, A_CHECKIN, m, c);
    if (rng.chance(0.45)) plan.add(t + rng.range(5, 300), A_MSG, m, c, M_CHECKIN, st.ckCount[m]!);
  }

  const shape = sim.chatShape(c);
  const n = rng.poisson(rate * sim.dayFactor);
  for (let i = 0; i < n; i++) {
    const t = shape.within(rng, clock.lo, exitT);
    const where = (flags & F_VIP) !== 0 && rng.chance(0.35) ? C_VIP : c;
    const topic = planMessage(sim, m, where, t);
    if (topic === T_PRICE && (st.flags[m]! & F_INTENT) === 0 && st.level[m]! <= 1) {
      // keyword auto-tagging: asking the price marks a high-intent lead
      st.flags[m]! |= F_INTENT;
      plan.add(t + 5, A_PROFILE, m, PK_INTENT);
      if (rng.chance(0.3)) {
        const kind = COMMUNITIES[c]!.kind;
        scheduleBuy(sim, m, st.level[m] === 1 ? P_COURSE : kind === 'pool' ? P_GOODS : P_TRIAL, 1, 3);
      }
    }
  }

  if (exit === 0 && dormant && age > 14 && rng.chance(sim.campaignToday >= 0 ? 0.01 : 0.002)) {
    // reactivation: a campaign broadcast or a 1:1 message brings a quiet member back
    st.anchor[m] = k;
    st.base[m] = Math.max(st.base[m]! * 0.6, 0.4);
    plan.add(shape.within(rng, clock.lo, clock.hi), A_MSG, m, c, M_BACK, 0);
  }
  if (rng.chance(0.0004)) plan.add(shape.within(rng, clock.lo, exitT), A_PROFILE, m, PK_RENAME);

  if (exit === 1) {
    plan.add(exitT, A_LEAVE, m, c, 0, -1);
    leave(sim, m, c);
    if (rng.chance(0.12)) {
      const back = k + rng.range(3, 30);
      if (back < clock.slots) st.rejoin[m] = back;
    }
  } else if (exit === 2) {
    const def = COMMUNITIES[c]!;
    plan.add(exitT, A_LEAVE, m, c, 1, rng.pick(def.admins));
    leave(sim, m, c);
    st.flags[m]! |= F_GONE;
  }
}
