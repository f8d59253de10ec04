// Deterministic demo ledger: day by day, plan every member's day as numeric records, sort them by time,
// then turn them into events. Memory stays bounded by the member count and one day's plan.
import type { LedgerEvent } from '../domain/events/types.js';
import { Materializer } from './materialize.js';
import { planDuePurchase, planRefunds } from './sim-commerce.js';
import { Sim, type DemoOptions } from './sim-context.js';
import { planJoins } from './sim-join.js';
import { planMemberDay } from './sim-member.js';
import { planSetup, planStaffDay } from './sim-staff.js';

export type { DemoOptions } from './sim-context.js';

/** Yields the demo workspace's events in non-decreasing `at` order; same options → same events. */
export function* generateDemoEvents(opts: DemoOptions): Generator<LedgerEvent> {
  const sim = new Sim(opts);
  const out = new Materializer(sim);
  const { clock, plan, st } = sim;
  const externalFrom = st.staff + st.members;
  for (let k = 0; k < clock.slots; k++) {
    clock.begin(k);
    sim.startSlot(k);
    if (k === 0) planSetup(sim);
    planRefunds(sim);
    for (let m = st.staff; m < sim.joinedBefore; m++) planMemberDay(sim, m);
    planJoins(sim);
    for (let m = externalFrom; m < st.total; m++) if (st.buySlot[m] === k) planDuePurchase(sim, m, 0);
    planStaffDay(sim);
    plan.sort();
    const { lo, hi } = clock;
    for (let j = 0; j < plan.size; j++) {
      const i = plan.order[j]!;
      const t = plan.timeOf(i);
      if (t < lo || t >= hi) continue; // outside the period (first and last day may be partial)
      const ev = out.emit(i, t);
      if (ev) yield ev;
    }
  }
}
