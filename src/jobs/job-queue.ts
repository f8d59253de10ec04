// The general job queue on the `jobs` table (migration 007). enqueueWith / enqueueJob add a job of a defined kind
// (definitions.ts), optionally deduplicated by a key; runDueJobs claims due jobs on the shared lease-based queue
// (storage/queue.ts), runs each through its kind's handler (handlers.ts) and settles it: done, retried after the
// kind's backoff, or dead after max_attempts. While a handler runs its lease is renewed, so a long job is not taken
// over; a worker that dies mid-job leaves it to the next once the lease lapses — handlers must be idempotent.
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Database } from '../storage/database.js';
import type { Schema } from '../storage/schema.js';
import { claimRows, releaseLeases, renewLease, settleLease, type Held, type Outcome, type QueueSpec } from '../storage/queue.js';
import { JOB_DEFINITIONS, type JobDefinition, type JobKind, type JobRegistry } from './definitions.js';
import { giveWay } from '../storage/give-way.js';

export const JOB_LEASE_MS = 5 * 60_000;
/** `jobs` as a queue: pending → running (leased) → done, or pending again after a backoff, or dead. */
export const JOB_QUEUE: QueueSpec<'jobs'> = {
  table: 'jobs',
  key: 'id',
  due: 'run_at',
  leaseMs: JOB_LEASE_MS,
  countTakeovers: true,
  states: { ready: 'pending', leased: 'running', done: 'done', dead: 'dead' },
};

export interface JobContext {
  database: Database;
  log: Logger;
  job: { id: number; kind: string; attempt: number };
  /** Aborted when this worker lost the job (its lease was taken over): stop; nothing it does now is recorded. */
  signal: AbortSignal;
}
export type JobHandler<S extends z.ZodType> = (payload: z.output<S>, ctx: JobContext) => Promise<void>;
/** A handler for every kind of a registry. */
export type JobHandlers<R extends JobRegistry> = { readonly [K in keyof R]: JobHandler<R[K]['payload']> };

/** Thrown by a handler when trying again cannot help: the job is dead at once. */
export class PermanentJobError extends Error {}

/** A kind with its handler, as the worker runs it. */
export interface RunnableJob {
  kind: string;
  definition: JobDefinition;
  run(payload: unknown, ctx: JobContext): Promise<void>;
}

function bind<S extends z.ZodType>(kind: string, definition: JobDefinition<S>, handler: JobHandler<S>): RunnableJob {
  return {
    kind,
    definition,
    async run(payload, ctx) {
      const parsed = definition.payload.safeParse(payload);
      if (!parsed.success) throw new PermanentJobError(`invalid payload: ${issues(parsed.error)}`);
      await handler(parsed.data, ctx);
    },
  };
}

/** Pairs each definition with its handler. */
export function bindJobs<R extends JobRegistry>(registry: R, handlers: JobHandlers<R>): RunnableJob[] {
  return Object.keys(registry).map((kind) => bind(kind, registry[kind]!, handlers[kind]!));
}

const issues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');

export interface EnqueueOptions {
  /** When it is due (default: now). */
  runAt?: number;
  /** A dedupe key: while a job with this key exists (whatever its status), enqueueing it again adds nothing. */
  key?: string;
  now?: number;
}

/** Adds a job of a kind of `registry`, its payload checked against the kind's schema. */
export async function enqueueWith<R extends JobRegistry, K extends keyof R & string>(
  db: Kysely<Schema>,
  registry: R,
  kind: K,
  payload: z.input<R[K]['payload']>,
  opts: EnqueueOptions = {},
): Promise<{ id: number; created: boolean }> {
  const definition = registry[kind];
  if (!definition) throw new Error(`job kind ${JSON.stringify(kind)} is not defined`);
  const checked = definition.payload.safeParse(payload);
  if (!checked.success) throw new Error(`job ${kind}: invalid payload: ${issues(checked.error)}`);
  const now = opts.now ?? Date.now();
  const row = await db
    .insertInto('jobs')
    .values({
      kind,
      payload: JSON.stringify(payload),
      run_at: opts.runAt ?? now,
      status: 'pending',
      max_attempts: definition.maxAttempts,
      locked_until: null,
      last_error: null,
      key: opts.key ?? null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) return { id: Number(row.id), created: true };
  // Only a key can conflict.
  const existing = await db.selectFrom('jobs').select('id').where('key', '=', opts.key!).executeTakeFirstOrThrow();
  return { id: Number(existing.id), created: false };
}

/** Adds a job of one of Qunyun's kinds (definitions.ts); pass a transaction to enqueue with the write that causes it. */
export function enqueueJob<K extends JobKind>(
  db: Kysely<Schema>,
  kind: K,
  payload: z.input<(typeof JOB_DEFINITIONS)[K]['payload']>,
  opts: EnqueueOptions = {},
): Promise<{ id: number; created: boolean }> {
  return enqueueWith(db, JOB_DEFINITIONS, kind, payload, opts);
}

export interface JobsSummary {
  done: number;
  retry: number;
  dead: number;
}
const BATCH = 10;

/**
 * Claims and runs due jobs of the given kinds until none is due (or `max` were handled). When `signal` aborts,
 * the job running is finished and the rest of its batch handed back.
 */
export async function runDueJobs(
  database: Database,
  jobs: RunnableJob[],
  opts: { log: Logger; now?: () => number; signal?: AbortSignal; max?: number },
): Promise<JobsSummary> {
  const now = opts.now ?? Date.now;
  const out: JobsSummary = { done: 0, retry: 0, dead: 0 };
  const byKind = new Map(jobs.map((j) => [j.kind, j]));
  if (byKind.size === 0) return out;
  const db = database.db;
  let handled = 0;
  while (!opts.signal?.aborted) {
    const batch = await claimRows(database, JOB_QUEUE, {
      now: now(),
      limit: BATCH,
      where: sql`kind IN (${sql.join([...byKind.keys()])})`,
      returning: ['id', 'kind', 'payload', 'attempts', 'max_attempts'],
    });
    if (batch.length === 0) return out;
    const held: Held[] = batch.map((c) => ({ key: Number(c.row.id), lease: c.lease }));
    for (const [i, c] of batch.entries()) {
      await giveWay();
      if (opts.signal?.aborted) {
        await releaseLeases(db, JOB_QUEUE, held.slice(i), now());
        return out;
      }
      const h = held[i]!;
      const lease = await renewLease(db, JOB_QUEUE, h, now());
      if (lease === null) continue;
      h.lease = lease;
      const job = byKind.get(c.row.kind)!;
      const attempts = Number(c.row.attempts),
        max = Number(c.row.max_attempts);
      const outcome: Outcome =
        attempts >= max
          ? { ok: false, retryable: false, error: `taken over ${attempts} times after its worker stopped; given up` }
          : await runHeld(database, job, h, JSON.parse(c.row.payload) as unknown, attempts + 1, opts.log, now);
      const settled = await settleLease(db, JOB_QUEUE, { ...h, attempts }, outcome, now(), { maxAttempts: max, backoffMs: job.definition.backoffMs });
      if (settled !== 'lost') out[settled]++;
      if (!outcome.ok) opts.log.warn({ job: h.key, kind: job.kind, attempt: attempts + 1, outcome: settled, error: outcome.error }, 'job failed');
      if (++handled >= (opts.max ?? Infinity)) return out;
    }
  }
  return out;
}

/** Runs one held job, renewing its lease every third of it until the handler returns. */
async function runHeld(
  database: Database,
  job: RunnableJob,
  h: Held,
  payload: unknown,
  attempt: number,
  log: Logger,
  now: () => number,
): Promise<Outcome> {
  const lost = new AbortController();
  let beat: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    beat = beat
      .then(async () => {
        const lease = await renewLease(database.db, JOB_QUEUE, h, now());
        if (lease === null) lost.abort();
        else h.lease = lease;
      })
      .catch((err: unknown) => log.warn({ err, job: h.key }, 'could not renew a job lease'));
  }, JOB_QUEUE.leaseMs / 3);
  try {
    await job.run(payload, { database, log, job: { id: Number(h.key), kind: job.kind, attempt }, signal: lost.signal });
    return { ok: true };
  } catch (err) {
    return { ok: false, retryable: !(err instanceof PermanentJobError), error: (err as Error).message ?? String(err) };
  } finally {
    clearInterval(timer);
    await beat;
  }
}
