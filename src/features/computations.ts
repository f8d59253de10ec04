// The named read computations that may run off the request thread (src/compute/): each takes the database and a
// plain, cloneable input and answers plain JSON. Routes reach them through ctx.compute, which shares identical
// concurrent requests and, in `qunyun serve`, runs them in worker threads with a deadline.
import type { Kysely } from 'kysely';
import type { Schema } from '../storage/schema.js';
import { computeMetrics, productMentions } from './analytics/metrics/service.js';
import { rfmMembers, rfmSummary } from './analytics/rfm/service.js';
import { cohortRetention } from './analytics/cohorts/service.js';
import { engagementDistribution } from './analytics/engagement/service.js';
import { communityHealth } from './analytics/health/service.js';
import { roleMembers, rolesSummary } from './analytics/roles/service.js';
import { exportToFile } from './export/to-file.js';

export const COMPUTATIONS = {
  metrics: computeMetrics,
  productMentions,
  rfmSummary,
  rfmMembers,
  cohorts: cohortRetention,
  engagement: engagementDistribution,
  health: communityHealth,
  roles: rolesSummary,
  roleMembers,
  /** Not shared: each call writes its own file. */
  exportFile: exportToFile,
} as const;

export type ComputationName = keyof typeof COMPUTATIONS;
export type ComputationInput<N extends ComputationName> = Parameters<(typeof COMPUTATIONS)[N]>[1];
export type ComputationAnswer<N extends ComputationName> = Awaited<ReturnType<(typeof COMPUTATIONS)[N]>>;

export const isComputationName = (s: unknown): s is ComputationName => typeof s === 'string' && Object.hasOwn(COMPUTATIONS, s);

/** Runs one computation here, on this thread. */
export function runComputation(db: Kysely<Schema>, name: ComputationName, input: unknown): Promise<unknown> {
  const fn = COMPUTATIONS[name] as (db: Kysely<Schema>, input: unknown) => Promise<unknown>;
  return fn(db, input);
}

export interface ComputeOptions {
  /** An answer this much older than the last write will do (Cache-Control: max-stale). */
  maxStaleMs?: number;
  /** Computed for this call alone (an export writes its own file), with this deadline instead of the default. */
  alone?: { timeoutMs: number };
}

/** How a caller asks for a computation (ctx.compute). */
export type Computer = <N extends ComputationName>(name: N, input: ComputationInput<N>, options?: ComputeOptions) => Promise<ComputationAnswer<N>>;
