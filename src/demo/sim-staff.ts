// The operators' side of each day: setting the groups up, the playbook's scheduled posts, welcome
// messages, promotions during campaigns, and promoting a backbone member to admin mid-period.
import { COMMUNITIES, STAFF } from './catalog.js';
import { A_COMMUNITY, A_PROFILE, A_STAFF } from './plan.js';
import { PK_STAFF } from './sim-commerce.js';
import type { Sim } from './sim-context.js';
import { S_CONTENT, S_GOODS, S_LIVE, S_MORNING, S_PROMO, S_REMIND, S_WELCOME } from './staff-messages.js';

const H = 3600;

export function planSetup(sim: Sim): void {
  const t = sim.clock.lo;
  COMMUNITIES.forEach((_, c) => sim.plan.add(t, A_COMMUNITY, 0, c, 0, -1));
  STAFF.forEach((_, s) => sim.plan.add(t, A_PROFILE, s, PK_STAFF));
}

export function planStaffDay(sim: Sim): void {
  const { rng, plan, clock } = sim;
  const weekday = clock.weekday;
  const promo = sim.campaignToday >= 0;
  COMMUNITIES.forEach((def, c) => {
    if (sim.present[c]! <= 0 && sim.joinsToday[c]! === 0) return; // nobody to talk to yet
    const admin = () => rng.pick(def.admins);
    const jitter = () => rng.range(-600, 600);
    switch (def.kind) {
      case 'camp':
        plan.add(7.5 * H + jitter(), A_STAFF, def.owner, c, S_MORNING, 0);
        plan.add(19.75 * H + rng.range(0, 300), A_STAFF, 2, c, S_LIVE, 0);
        if (rng.chance(0.8)) plan.add(21.5 * H + jitter(), A_STAFF, admin(), c, S_REMIND, 0);
        if (weekday === 2 || weekday === 4) plan.add(12 * H + jitter(), A_STAFF, def.owner, c, S_CONTENT, 0);
        break;
      case 'pool':
        plan.add(10 * H + jitter(), A_STAFF, def.owner, c, S_GOODS, 0);
        if (weekday === 3) plan.add(20.5 * H + jitter(), A_STAFF, def.owner, c, S_CONTENT, 0);
        break;
      case 'vip':
        if (weekday === 1 || weekday === 4) plan.add(9 * H + jitter(), A_STAFF, def.owner, c, S_CONTENT, 0);
        break;
      case 'tg':
        plan.add(9 * H + jitter(), A_STAFF, def.owner, c, S_MORNING, 0);
        plan.add(19.75 * H + rng.range(0, 300), A_STAFF, def.owner, c, S_LIVE, 0);
        break;
    }
    if (promo && def.kind !== 'vip') {
      plan.add(20.5 * H + jitter(), A_STAFF, def.owner, c, S_PROMO, 0);
      if (sim.campaignLastDay) plan.add(10 * H + jitter(), A_STAFF, admin(), c, S_PROMO, 0);
    }
    // welcome posts mention whoever joined since the last one (materialize.ts skips them if nobody did)
    if (def.kind !== 'vip') for (const at of [12.5 * H, 18 * H, 22.5 * H]) plan.add(at + rng.range(0, 900), A_STAFF, admin(), c, S_WELCOME, 0);
  });
  if (sim.k === Math.floor(clock.slots / 2)) {
    // a backbone member of 1群 becomes an admin (a volunteer 志愿者)
    const volunteer = sim.pickExpert(0, -1);
    if (volunteer >= 0) plan.add(10 * H, A_COMMUNITY, 0, 0, 1, volunteer);
  }
}
