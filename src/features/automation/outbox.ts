// Delivering the outbox: due actions are claimed on the lease-based queue (storage/queue.ts: SKIP LOCKED on
// PostgreSQL, so several workers share the work), handed to a deliverer (a connector, or the simulator), and
// settled: done, retried with backoff, or dead after MAX_ATTEMPTS. A claim expires after CLAIM_MS, so a crashed
// worker's actions are picked up again (delivery is at least once; connectors pass the action id to platforms
// that deduplicate).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../storage/database.js';
import type { Schema } from '../../storage/schema.js';
import { claimRows, releaseLeases, renewLease, settleLease, type QueueSpec, type RetryPolicy } from '../../storage/queue.js';
import { giveWay } from '../../storage/give-way.js';

export const MAX_ATTEMPTS = 6;
const CLAIM_MS = 60_000;
/** `actions` as a queue: pending → sending (leased) → done, or pending again after a backoff, or dead. */
export const OUTBOX_QUEUE: QueueSpec<'actions'> = {
  table: 'actions',
  key: 'id',
  due: 'due_at',
  leaseMs: CLAIM_MS,
  countTakeovers: true,
  states: { ready: 'pending', leased: 'sending', done: 'done', dead: 'dead' },
};

export interface OutboxAction {
  id: number;
  rule: string;
  kind: string;
  platform: string;
  community_id: number | null;
  member_id: number | null;
  event_id: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  /** When the action was proposed: results a delivery records carry it, so a redelivery is a duplicate. */
  created_at?: number;
  /** The claim this worker holds (locked_until); settle and renew only while it still matches. */
  lease?: number;
}
export type Delivery = { ok: true } | { ok: false; retryable: boolean; error: string };
export interface Deliverer {
  /** Platforms this deliverer serves; '*' for all (the simulator). */
  platforms: string[] | '*';
  deliver(action: OutboxAction, db: Kysely<Schema>): Promise<Delivery>;
}

/** Seconds to wait before attempt n + 1: 5 s, 10 s, 20 s … at most an hour. */
export const backoffSeconds = (attempts: number): number => Math.min(3600, 5 * 2 ** Math.max(0, attempts - 1));

const RETRY: RetryPolicy = { maxAttempts: MAX_ATTEMPTS, backoffMs: (attempts) => backoffSeconds(attempts) * 1000 };
const RETURNING = ['id', 'rule', 'kind', 'platform', 'community_id', 'member_id', 'event_id', 'payload', 'attempts', 'created_at'] as const;

export async function claimDue(database: Database, platforms: string[] | '*', limit: number, now: number): Promise<OutboxAction[]> {
  const where = platforms === '*' ? undefined : platforms.length === 0 ? sql`1 = 0` : sql`platform IN (${sql.join(platforms)})`;
  // Taking over an expired claim counts as an attempt (countTakeovers): an action that keeps crashing its worker ends dead.
  const claimed = await claimRows(database, OUTBOX_QUEUE, { now, limit, where, returning: RETURNING });
  return claimed.map(({ row: x, lease }) => ({
    id: Number(x.id),
    rule: String(x.rule),
    kind: String(x.kind),
    platform: String(x.platform),
    community_id: x.community_id === null ? null : Number(x.community_id),
    member_id: x.member_id === null ? null : Number(x.member_id),
    event_id: x.event_id,
    payload: JSON.parse(String(x.payload)) as Record<string, unknown>,
    attempts: Number(x.attempts),
    created_at: Number(x.created_at),
    lease,
  }));
}

const held = (a: OutboxAction) => ({ key: a.id, lease: a.lease ?? -1 });

/** Extends this worker's claim just before delivering; false when another worker has taken the action over. */
export async function renew(db: Kysely<Schema>, a: OutboxAction, now: number): Promise<boolean> {
  const lease = await renewLease(db, OUTBOX_QUEUE, held(a), now);
  if (lease === null) return false;
  a.lease = lease;
  return true;
}

/** Records a delivery's outcome, only while this worker still holds the claim (an undo or a takeover wins). */
export async function settle(db: Kysely<Schema>, a: OutboxAction, d: Delivery, now: number): Promise<'done' | 'retry' | 'dead' | 'lost'> {
  return settleLease(db, OUTBOX_QUEUE, { ...held(a), attempts: a.attempts }, d, now, RETRY);
}

export interface RunSummary {
  done: number;
  retry: number;
  dead: number;
}
const BATCH = 10;

/**
 * Claims and delivers due actions until none is due (or `max` were handled). When `signal` aborts, the action
 * being delivered is finished and the rest of its batch handed back.
 */
export async function deliverDue(
  database: Database,
  deliverer: Deliverer,
  opts: { now?: () => number; max?: number; signal?: AbortSignal } = {},
): Promise<RunSummary> {
  const now = opts.now ?? Date.now;
  const out: RunSummary = { done: 0, retry: 0, dead: 0 };
  let handled = 0;
  while (!opts.signal?.aborted) {
    // Small batches, each claim renewed just before its delivery: a slow platform never lets a claim lapse unnoticed.
    const batch = await claimDue(database, deliverer.platforms, BATCH, now());
    if (batch.length === 0) return out;
    for (const [i, a] of batch.entries()) {
      await giveWay();
      if (opts.signal?.aborted) {
        await releaseLeases(database.db, OUTBOX_QUEUE, batch.slice(i).map(held), now());
        return out;
      }
      if (!(await renew(database.db, a, now()))) continue;
      let d: Delivery;
      if (a.attempts >= MAX_ATTEMPTS) d = { ok: false, retryable: false, error: `taken over ${a.attempts} times after its worker stopped; given up` };
      else {
        try {
          d = await deliverer.deliver(a, database.db);
        } catch (err) {
          d = { ok: false, retryable: true, error: (err as Error).message ?? String(err) };
        }
      }
      const o = await settle(database.db, a, d, now());
      if (o !== 'lost') out[o]++;
      if (++handled >= (opts.max ?? Infinity)) return out;
    }
  }
  return out;
}
