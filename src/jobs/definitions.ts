// What background jobs exist: per kind, the schema of its payload, how many attempts it gets and the backoff
// between them. Definitions live apart from their handlers (handlers.ts), so whatever enqueues a job — a route, an
// ingest, a command — validates its payload without loading the code that runs it.
//
// The outbox delivery and the playbook scheduler are not job kinds: they are loops over their own tables
// (`actions` in features/automation/outbox.ts, `schedules` in jobs/scheduler.ts) on the same queue
// (storage/queue.ts), run by the same worker (worker.ts). No feature enqueues a general job yet; a new kind is
// added here, with its handler in handlers.ts (the compiler refuses a kind without one).
import type { z } from 'zod';
import { exponentialBackoff } from '../storage/queue.js';

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** The payload, checked when the job is enqueued and again when it runs. */
  payload: S;
  /** Attempts before the job is dead (kept, with its last error, for an operator). */
  maxAttempts: number;
  /** The wait before attempt n + 1, in milliseconds. */
  backoffMs(attempts: number): number;
}

/** Job definitions by kind. */
export type JobRegistry = Readonly<Record<string, JobDefinition>>;

/** A definition, with the usual backoff (10 s doubling, at most an hour) unless it names its own. */
export function defineJob<S extends z.ZodType>(d: { payload: S; maxAttempts: number; backoffMs?: (attempts: number) => number }): JobDefinition<S> {
  if (!Number.isInteger(d.maxAttempts) || d.maxAttempts < 1) throw new Error(`maxAttempts: expected a whole number ≥ 1 (got ${d.maxAttempts})`);
  return { payload: d.payload, maxAttempts: d.maxAttempts, backoffMs: d.backoffMs ?? exponentialBackoff(10_000, 3_600_000) };
}

/** Every job kind the worker runs. */
export const JOB_DEFINITIONS = {} as const satisfies JobRegistry;
export type JobKind = keyof typeof JOB_DEFINITIONS & string;
