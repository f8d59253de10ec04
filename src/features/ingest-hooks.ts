// Who reacts to ingest, in one place: the hooks every batch runs (features/ingest/hooks.ts), in this order —
// automation's live rules (their actions land in the outbox in the batch's commit), then analytics' dashboard
// cache invalidation. Every ingest context is built here, so the full set is what a caller gets unless it opts out.
import type { Database } from '../storage/database.js';
import type { IngestContext } from './ingest/service.js';
import type { IngestHook } from './ingest/hooks.js';
import { liveRulesHook } from './automation/live.js';
import { periodCacheHook } from './analytics/metrics/period-cache.js';

export interface IngestChoice {
  /** false: no live rules — imports of past data (they must not welcome or mute anyone today). */
  automation?: boolean;
  /** false: no analytics-only derived state and no dashboard invalidation — bench:ingest-analytics only. */
  analytics?: boolean;
}

/** The hooks in their order; functions, not a constant, so no import cycle can see them half-defined. */
export function ingestHooks(o: IngestChoice = {}): IngestHook[] {
  return [...(o.automation === false ? [] : [liveRulesHook]), ...(o.analytics === false ? [] : [periodCacheHook])];
}

/** An ingest context with every hook, less those opted out of. */
export function ingestContextFor(database: Database, o: IngestChoice = {}): IngestContext {
  return { database, hooks: ingestHooks(o), ...(o.analytics === false ? { analytics: false } : {}) };
}

/** The same context without live rules: imported rows are records of the past, not live events. */
export function withoutAutomation(ctx: IngestContext): IngestContext {
  return { ...ctx, hooks: ctx.hooks.filter((h) => h !== liveRulesHook) };
}
