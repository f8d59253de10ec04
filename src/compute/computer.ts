// ctx.compute: how routes ask for a read computation. Identical concurrent requests share one answer
// (shared-answers.ts); in `qunyun serve` the work runs in worker threads with a deadline (pool.ts), else — in-memory
// test databases, QUNYUN_COMPUTE_THREADS=0, or no built thread file — on this thread.
import type { Logger } from 'pino';
import { sql } from 'kysely';
import type { Database } from '../storage/database.js';
import type { ComputeSettings } from '../config/env.js';
import { runComputation, type ComputationName, type Computer } from '../features/computations.js';
import { ledgerVersion } from '../features/analytics/metrics/period-cache.js';
import { SharedAnswers } from './shared-answers.js';
import { ComputePool, threadFile } from './pool.js';

export interface ComputeService {
  compute: Computer;
  mode: 'threads' | 'inline';
  pool: ComputePool | null;
  close(): Promise<void>;
}

const FRESH_MS = 30_000;
const MAX_ANSWERS = 200;

export function createComputeService(database: Database, settings: ComputeSettings | null, log: Logger): ComputeService {
  const file = settings && settings.threads > 0 && database.target !== ':memory:' ? threadFile() : null;
  const pool =
    file && settings
      ? new ComputePool(file, {
          target: database.target,
          threads: settings.threads,
          timeoutMs: settings.timeoutMs,
          maxQueue: settings.maxQueue,
          memoryMb: settings.memoryMb,
          log,
        })
      : null;
  // The threads checkpoint the WAL (compute/thread.ts), not this connection's commits.
  if (pool && database.dialect === 'sqlite') void sql`PRAGMA wal_autocheckpoint = 0`.execute(database.db);
  const shared = new SharedAnswers(
    () => ledgerVersion(database.db),
    (name, input) => (pool ? pool.run(name, input) : runComputation(database.db, name as ComputationName, input)),
    { freshMs: FRESH_MS, maxEntries: MAX_ANSWERS },
    (err) => log.warn({ err }, 'a background refresh failed'),
  );
  const compute = ((name, input, options) => {
    if (!options?.alone) return shared.get(name, input, options?.maxStaleMs);
    return pool ? pool.run(name, input, options.alone.timeoutMs) : runComputation(database.db, name, input);
  }) as Computer;
  return { compute, mode: pool ? 'threads' : 'inline', pool, close: async () => pool?.close() };
}
