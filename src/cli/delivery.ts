// What a process that runs the worker delivers the outbox through, decided once at its start: the simulator when
// asked (--simulate, QUNYUN_SIMULATE=1) or on a demo workspace; else the configured connectors; else nobody, and
// actions wait, visible in the console. Shared by `qunyun serve` and `qunyun worker`.
import type { AppContext } from '../context.js';
import type { Connector } from '../connectors/types.js';
import type { Deliverer } from '../features/automation/outbox.js';

export interface OutboxDelivery {
  deliverer: Deliverer;
  by: 'simulator' | 'connectors';
}

/** The configured connectors (not started), reporting what they receive into this context's ledger. */
export async function buildConnectors(ctx: AppContext): Promise<Connector[]> {
  const [{ connectorsFor }, { ingestEvents }] = await Promise.all([import('../connectors/registry.js'), import('../connectors/inbound.js')]);
  return connectorsFor(ctx.env.connectors, { database: ctx.database, ingest: (events) => ingestEvents(ctx.database, events), log: ctx.log });
}

/** Who delivers; `simulate` is the command's flag (undefined when not given). */
export async function outboxDelivery(ctx: AppContext, connectors: Connector[], simulate: boolean | undefined): Promise<OutboxDelivery | null> {
  const demo = await ctx.database.db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst();
  if (simulate ?? (ctx.env.simulate || demo?.value === 'loaded')) {
    const { simulator } = await import('../features/automation/simulator.js');
    return { deliverer: simulator(ctx.database), by: 'simulator' };
  }
  if (connectors.length === 0) return null;
  const { routeDeliveries } = await import('../connectors/registry.js');
  return { deliverer: routeDeliveries(connectors, ctx.database), by: 'connectors' };
}
