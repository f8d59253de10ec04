// The whole loop offline: demo traffic at "now" → live rules → outbox → simulator → results back in the ledger.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp } from '../../test-support/app.js';
import { loadDemo } from './load.js';
import { trafficBurst } from './live-traffic.js';
import { Rng } from '../../demo/prng.js';
import { deliverDue } from '../automation/outbox.js';
import { simulator } from '../automation/simulator.js';

const dialects = await dialectsUnderTest();

describe.each(dialects)('demo live traffic (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp(dialect);
    await loadDemo(h.ctx, { members: 200, days: 7, seed: 5, end: new Date() });
  });
  afterAll(() => h.drop());

  it('generates live events that the rules answer and the simulator delivers', async () => {
    const db = h.ctx.database.db;
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const rng = new Rng(11, 99);
    let accepted = 0;
    for (let i = 1; i <= 120; i++) accepted += await trafficBurst(h.t.database, rng, i, Date.now() - (120 - i) * 1000);
    expect(accepted).toBeGreaterThan(120);
    expect(await count()).toBe(before + accepted);
    const kinds = (await db.selectFrom('actions').select('kind').execute()).map((r) => r.kind);
    // 120 bursts: newcomers get welcomed (batched), questions answered or handed over.
    expect(kinds).toContain('send');
    expect(kinds.some((k) => k === 'reply' || k === 'notify')).toBe(true);
    const r = await deliverDue(h.t.database, simulator(h.t.database));
    expect(r.done).toBeGreaterThan(0);
    expect(r.dead).toBe(0);
  });
});
