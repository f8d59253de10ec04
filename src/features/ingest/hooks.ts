// How other features react to ingest without ingest knowing them: each batch's accepted events are handed to the
// context's hooks, in order — inside the batch's transaction (what a hook writes commits or rolls back with the
// events), then after the commit. The hooks themselves are composed in one place, features/ingest-hooks.ts.
import type { Transaction } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import type { LedgerEvent } from '../../domain/events/types.js';

/** An accepted event with our ids (members after this batch's merges). */
export interface StoredEvent {
  event: LedgerEvent;
  atMs: number;
  memberId: number | null;
  communityId: number | null;
}

/** What one batch added to the ledger (never empty: a batch of duplicates calls no hook). */
export interface AcceptedBatch {
  events: readonly StoredEvent[];
}

export interface IngestHook {
  /** Who registered it (named in errors). */
  name: string;
  /** Runs in the batch's transaction after its derived state is current. */
  inTransaction?(trx: Transaction<Schema>, batch: AcceptedBatch): Promise<void>;
  /** Runs once the batch has committed; a failure here cannot undo the batch. */
  afterCommit?(batch: AcceptedBatch): Promise<void>;
}

/** The inTransaction hooks, in order. */
export async function runInTransaction(hooks: readonly IngestHook[], trx: Transaction<Schema>, batch: AcceptedBatch): Promise<void> {
  for (const h of hooks) if (h.inTransaction) await h.inTransaction(trx, batch);
}

/** The afterCommit hooks, in order. */
export async function runAfterCommit(hooks: readonly IngestHook[], batch: AcceptedBatch): Promise<void> {
  for (const h of hooks) if (h.afterCommit) await h.afterCommit(batch);
}

/**
 * A context without hooks would store events that automation never sees, silently: refused, for callers that
 * TypeScript does not check (the benchmarks load dist/ from plain JavaScript).
 */
export function checkHooks(hooks: unknown): asserts hooks is readonly IngestHook[] {
  if (!Array.isArray(hooks)) {
    throw new TypeError(
      'ingest: the context has no hooks — build it with ingestContextFor() (features/ingest-hooks.ts), ' +
        'so live rules and the dashboard cache see every batch',
    );
  }
}
