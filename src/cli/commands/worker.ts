// `qunyun worker`: the worker without the HTTP server — outbox delivery, playbooks and background jobs
// (jobs/worker.ts) — until SIGINT or SIGTERM, which let it finish the item in hand. Run any number of them beside
// `qunyun serve --no-worker` processes on one PostgreSQL database (docs/scale-out.md).
import type { Command } from 'commander';
import { DB_OPTION } from '../options.js';
import { withDatabase } from '../open.js';
import { buildConnectors, outboxDelivery } from '../delivery.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run outbox delivery, playbooks and background jobs without the HTTP server (for scale-out: docs/scale-out.md)')
    .option(...DB_OPTION)
    .option('--simulate', 'deliver automation actions through the built-in simulator (default on a demo workspace, or QUNYUN_SIMULATE=1)')
    .action(async (o: { db?: string; simulate?: boolean }) => {
      const { runWorker } = await import('../../jobs/worker.js');
      await withDatabase(o.db, async ({ ctx }) => {
        // For delivery only: what platforms send in (webhooks, Telegram long polling) is received by `qunyun serve`.
        const connectors = await buildConnectors(ctx);
        const outbox = await outboxDelivery(ctx, connectors, o.simulate);
        const stop = new AbortController();
        for (const signal of ['SIGINT', 'SIGTERM'] as const) {
          process.once(signal, () => {
            ctx.log.info({ signal }, 'worker stopping after the item in hand');
            stop.abort();
          });
        }
        const delivery = outbox ? `the outbox through the ${outbox.by}` : 'no outbox (no connector is configured; --simulate to use the simulator)';
        console.log(`Qunyun worker on ${ctx.database.location}: ${delivery}, playbooks and jobs (Ctrl-C stops)`);
        await runWorker({ database: ctx.database, log: ctx.log, signal: stop.signal, outbox });
      });
    });
}
