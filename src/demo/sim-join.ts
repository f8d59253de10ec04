// New members: which group and channel they come from, who invited them (fission chains), their role,
// the gate purchase, first profile and greeting — and the ad spammers who get removed.
import { JOIN_METHODS, type JoinMethod } from '../domain/events/types.js';
import { CHANNELS, CH_NONE, CH_REFERRAL, COMMUNITIES, C_BAOMA, C_TG, C_YOGA1, C_YOGA2, ENTRY_SHARE, P_TRIAL } from './catalog.js';
import { M_HELLO, M_SPAM } from './messages.js';
import { A_JOIN, A_LEAVE, A_LINK, A_MSG, A_PROFILE, A_STAFF } from './plan.js';
import { pickCumulative } from './prng.js';
import { PK_ATTRS, PK_PHONE, PK_SPAM, planOrder, scheduleFirst } from './sim-commerce.js';
import type { Sim } from './sim-context.js';
import { S_SPAM_NOTICE } from './staff-messages.js';
import {
  CK_ACTIVE,
  F_BANNED,
  F_GONE,
  F_LINKED,
  F_PHONE,
  F_PRESENT,
  F_SPAM,
  R_ACTIVE,
  R_BACKBONE,
  R_EXPERT,
  R_LURKER,
  R_MASCOT,
  R_ONLOOKER,
  R_TROUBLE,
} from './state.js';

/** Plans store a join method as its index in JOIN_METHODS. */
const methodCode = (m: JoinMethod) => JOIN_METHODS.indexOf(m);

//                 lurker onlooker active backbone expert mascot
const ROLE_BASE = [0.05, 0.6, 1.8, 4, 1.2, 6, 0];
const ROLE_HALF_LIFE = [30, 7, 18, 60, 90, 45, 1];
const ROLE_SHARE = [0.4, 0.75, 0.93, 0.98, 0.995, 1];

export function planJoins(sim: Sim): void {
  const n = sim.joinsPerSlot[sim.k]!;
  if (n === 0) return;
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) times[i] = sim.joinShape.within(sim.rng, sim.clock.lo, sim.clock.hi);
  times.sort();
  for (let i = 0; i < n; i++) initMember(sim, sim.nextMember++, times[i]!);
}

function pickCommunity(sim: Sim): number {
  const u = sim.rng.next();
  if (u < ENTRY_SHARE.camp) return sim.present[C_YOGA1]! < sim.caps[C_YOGA1]! ? C_YOGA1 : C_YOGA2; // the group pool
  return u < ENTRY_SHARE.camp + ENTRY_SHARE.pool ? C_BAOMA : C_TG;
}

function pickRole(sim: Sim, ch: number): number {
  let u = sim.rng.next();
  if (ch === CH_REFERRAL) u = u * 0.85 + 0.15; // friends of members engage more
  const r = ROLE_SHARE.findIndex((s) => u < s);
  return r < 0 ? R_MASCOT : r;
}

function initMember(sim: Sim, m: number, t: number): void {
  const { st, rng, plan } = sim;
  const k = sim.k;
  const c = pickCommunity(sim);
  const def = COMMUNITIES[c]!;
  let ch = pickCumulative(sim.mixCum[c]!, rng.next());
  if (ch >= CHANNELS.length) ch = CH_NONE;
  if (sim.campaignToday >= 0 && rng.chance(0.15)) ch = CH_REFERRAL; // invite tasks (任务宝) run during campaigns
  let inviter = -1;
  if (ch === CH_REFERRAL) {
    inviter = sim.pickInviter(c);
    if (inviter < 0) ch = c === C_TG ? 5 : rng.chance(0.5) ? 0 : 1;
  }
  let method: JoinMethod = ch === CH_NONE ? (c === C_TG ? 'self' : 'unknown') : CHANNELS[ch]!.method;
  if (ch === 2 && rng.chance(0.3)) method = 'link'; // ads landing page with a group link instead of a QR
  st.comm[m] = c;
  st.chan[m] = ch;
  st.joinSlot[m] = k;
  st.anchor[m] = k;
  st.depth[m] = inviter >= 0 ? st.depth[inviter]! + 1 : 0;
  st.flags[m] = F_PRESENT;
  sim.present[c]!++;
  sim.joinsToday[c]!++;
  const joinArgs = [c, methodCode(method) | (ch << 8), inviter] as const;

  const spamRate = 0.004 * (ch === CH_NONE ? 1 : CHANNELS[ch]!.spam);
  if (rng.chance(spamRate)) {
    planSpammer(sim, m, t, joinArgs);
    return;
  }
  const role = pickRole(sim, ch);
  const retention = ch === CH_NONE ? 1 : CHANNELS[ch]!.retention;
  st.role[m] = role;
  st.base[m] = ROLE_BASE[role]! * (0.6 + 0.8 * rng.next());
  st.lambda[m] = Math.LN2 / (ROLE_HALF_LIFE[role]! * retention * (0.6 + 0.8 * rng.next()));

  // price gate: most camp members paid 9.9 for the trial camp just before the group QR was shown
  let prepaid = false;
  if (def.kind === 'camp' && rng.chance(ch === CH_REFERRAL ? 0.5 : ch === CH_NONE ? 0.6 : 0.85)) {
    prepaid = true;
    planOrder(sim, m, P_TRIAL, t - rng.range(60, 1200), rng.chance(0.6) ? c : -1);
  }
  plan.add(t, A_JOIN, m, joinArgs[0], joinArgs[1], joinArgs[2]);
  if (!prepaid) scheduleFirst(sim, m);

  let profile = rng.chance(0.5) ? PK_ATTRS : 0;
  if ((st.flags[m]! & F_PHONE) === 0 && rng.chance(ch === CH_NONE ? 0.1 : CHANNELS[ch]!.phone)) {
    profile |= PK_PHONE;
    st.flags[m]! |= F_PHONE;
  }
  if (profile) plan.add(t + rng.range(20, 900), A_PROFILE, m, profile);
  if (rng.chance(role >= R_ACTIVE ? 0.5 : role === R_ONLOOKER ? 0.25 : 0.08)) {
    plan.add(t + rng.range(30, 1800), A_MSG, m, c, M_HELLO, 0);
  }
  if (def.challenge && rng.chance(prepaid ? 0.8 : 0.45)) {
    st.ckState[m] = CK_ACTIVE;
    const commit = 0.5 + 0.45 * rng.next() + (role >= R_BACKBONE ? 0.1 : role === R_LURKER ? -0.15 : 0);
    st.ckCommit[m] = Math.max(0, Math.min(255, Math.round(commit * 255)));
  }
  const share =
    ch === CH_REFERRAL ? 0.3 : role === R_BACKBONE ? 0.6 : role === R_MASCOT ? 0.5 : role === R_EXPERT ? 0.4 : role === R_ACTIVE ? 0.2 : 0.05;
  if (rng.chance(share)) sim.addSharer(c, m);
  if (role === R_EXPERT || (role === R_BACKBONE && rng.chance(0.3))) sim.addExpert(c, m);
  if (c === C_TG) maybeLink(sim, m, t);
}

/** Spammers join, post ads within the hour and are removed by an admin minutes later. */
function planSpammer(sim: Sim, m: number, t: number, joinArgs: readonly [number, number, number]): void {
  const { st, rng, plan } = sim;
  const c = joinArgs[0];
  st.role[m] = R_TROUBLE;
  st.flags[m] = F_SPAM | F_GONE | F_BANNED;
  plan.add(t, A_JOIN, m, c, joinArgs[1], joinArgs[2]);
  let at = t + rng.range(60, 3600);
  const first = at;
  const count = rng.range(1, 3);
  for (let i = 0; i < count; i++, at += rng.range(20, 400)) plan.add(at, A_MSG, m, c, M_SPAM, 0);
  const removedAt = Math.max(at, first + rng.range(120, 2400));
  const def = COMMUNITIES[c]!;
  const admin = rng.pick(def.admins);
  plan.add(removedAt - 1, A_PROFILE, m, PK_SPAM);
  plan.add(removedAt, A_LEAVE, m, c, 1, admin);
  if (rng.chance(0.5)) plan.add(removedAt + rng.range(30, 600), A_STAFF, admin, c, S_SPAM_NOTICE, 0);
  sim.present[c]!--;
}

/** A Telegram joiner who is an existing WeCom member: the identities get linked (a handful per demo). */
function maybeLink(sim: Sim, m: number, t: number): void {
  const { st, rng } = sim;
  if (sim.linksLeft <= 0 || sim.k === 0) return;
  const force = sim.linkTarget - sim.linksLeft < 2; // guarantee at least two links even in tiny demos
  if (!force && !rng.chance(0.004)) return;
  const first = st.staff;
  const count = sim.joinedBefore - first;
  for (let tries = 0; tries < 10 && count > 0; tries++) {
    const w = first + rng.int(count);
    if (st.comm[w] === C_TG || (st.flags[w]! & (F_SPAM | F_LINKED)) !== 0) continue;
    st.flags[w]! |= F_LINKED;
    st.flags[m]! |= F_LINKED;
    st.linked.set(m, w);
    sim.linksLeft--;
    sim.plan.add(t + rng.range(60, 1800), A_LINK, w, m);
    return;
  }
}

/** A member who quit comes back (same group, usually through the same channel's code). */
export function planRejoin(sim: Sim, m: number): void {
  const { st, rng, plan } = sim;
  const c = st.comm[m]!;
  const ch = st.chan[m]!;
  const t = sim.joinShape.within(rng, sim.clock.lo, sim.clock.hi);
  const method: JoinMethod = c === C_TG ? 'link' : 'qr';
  st.flags[m]! |= F_PRESENT;
  st.rejoin[m] = 0xffff;
  st.anchor[m] = sim.k;
  st.base[m] = Math.max(st.base[m]! * 0.8, 0.3);
  sim.present[c]!++;
  plan.add(t, A_JOIN, m, c, methodCode(method) | ((ch === CH_REFERRAL ? CH_NONE : ch) << 8), -1);
  if (rng.chance(0.4)) plan.add(t + rng.range(60, 3600), A_MSG, m, c, M_HELLO, 0);
}
