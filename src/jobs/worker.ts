// The one worker runner: the outbox delivery loop (`actions`), the playbook scheduler (`schedules`) and the general
// jobs (`jobs`), each a loop of passes on the lease-based queue (storage/queue.ts), started together from here by
// `qunyun serve` (unless --no-worker) or `qunyun worker`. Any number of runners may share one PostgreSQL database
// (docs/scale-out.md). Aborting the signal stops every loop after the item it is working on; the promise resolves
// once all have stopped. A failing pass is logged and tried again at the loop's next turn.
import type { Logger } from 'pino';
import type { Database } from '../storage/database.js';
import { deliverDue, type Deliverer } from '../features/automation/outbox.js';
import { tick, TICK_SECONDS } from './scheduler.js';
import { bindJobs, runDueJobs, type RunnableJob } from './job-queue.js';
import { JOB_DEFINITIONS } from './definitions.js';
import { JOB_HANDLERS } from './handlers.js';

export interface WorkerOptions {
  database: Database;
  log: Logger;
  signal: AbortSignal;
  /** Who delivers the outbox; null when nobody does (no connector, no simulator): actions wait, visible. */
  outbox: { deliverer: Deliverer; by: string } | null;
  /** The job kinds run; Qunyun's own (definitions.ts with handlers.ts) unless given. */
  jobs?: RunnableJob[];
  /** Pause between passes of each loop, in milliseconds. */
  every?: { outbox?: number; scheduler?: number; jobs?: number };
}

export const DEFAULT_EVERY = { outbox: 2000, scheduler: TICK_SECONDS * 1000, jobs: 1000 };

export async function runWorker(o: WorkerOptions): Promise<void> {
  const { database, log, signal } = o;
  const every = { ...DEFAULT_EVERY, ...o.every };
  const loops: Promise<void>[] = [];
  if (o.outbox) {
    const { deliverer, by } = o.outbox;
    log.info(`automation actions are delivered by the ${by}`);
    loops.push(
      repeat('outbox', every.outbox, o, async () => {
        const r = await deliverDue(database, deliverer, { signal });
        if (r.done + r.retry + r.dead > 0) log.info({ ...r, by }, 'outbox delivered');
      }),
    );
  }
  loops.push(
    repeat('scheduler', every.scheduler, o, async () => {
      const t = await tick(database, Date.now(), { signal });
      if (t.due > 0) log.info(t, 'scheduler pass');
      for (const f of t.failed) log.error({ unit: f.key, error: f.error }, 'scheduler unit failed');
    }),
  );
  const jobs = o.jobs ?? bindJobs(JOB_DEFINITIONS, JOB_HANDLERS);
  if (jobs.length > 0) {
    loops.push(
      repeat('jobs', every.jobs, o, async () => {
        const r = await runDueJobs(database, jobs, { log, signal });
        if (r.done + r.retry + r.dead > 0) log.info(r, 'jobs run');
      }),
    );
  }
  await Promise.all(loops);
}

async function repeat(name: string, everyMs: number, o: WorkerOptions, pass: () => Promise<void>): Promise<void> {
  while (!o.signal.aborted) {
    try {
      await pass();
    } catch (err) {
      // The database away, say: the next turn tries again.
      o.log.error({ err }, `${name} pass failed`);
    }
    await pause(everyMs, o.signal);
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
