// Delivering the outbox: due actions are claimed (FOR UPDATE SKIP LOCKED on PostgreSQL, so several workers share
// the work), handed to a deliverer (a connector, or the simulator), and settled: done, retried with backoff, or
// dead after MAX_ATTEMPTS. A claim expires after CLAIM_MS, so a crashed worker's actions are picked up again
// (delivery is at least once; connectors pass the action id to platforms that deduplicate).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../storage/database.js';
import type { Schema } from '../../storage/schema.js';

export const MAX_ATTEMPTS = 6;
const CLAIM_MS = 60_000;

export interface OutboxAction {
  id: number; rule: string; kind: string; platform: string; community_id: number | null; member_id: number | null;
  event_id: string | null; payload: Record<string, unknown>; attempts: number;
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

export async function claimDue(database: Database, platforms: string[] | '*', limit: number, now: number): Promise<OutboxAction[]> {
  const onPlatforms = platforms === '*' ? sql`` : platforms.length === 0 ? sql` AND 1 = 0` : sql` AND platform IN (${sql.join(platforms)})`;
  const lock = database.dialect === 'postgres' ? sql` FOR UPDATE SKIP LOCKED` : sql``;
  const lease = now + CLAIM_MS;
  // Taking over an expired claim counts as an attempt: an action that keeps crashing its worker ends dead.
  const r = await sql<Record<string, unknown>>`UPDATE actions SET locked_until = ${lease}, updated_at = ${now},
      attempts = attempts + CASE WHEN status = 'sending' THEN 1 ELSE 0 END, status = 'sending'
    WHERE id IN (SELECT id FROM actions WHERE ((status = 'pending' AND due_at <= ${now}) OR (status = 'sending' AND locked_until < ${now}))${onPlatforms}
      ORDER BY due_at, id LIMIT ${limit}${lock})
    RETURNING id, rule, kind, platform, community_id, member_id, event_id, payload, attempts, created_at`.execute(database.db);
  return r.rows.map((x) => ({
    id: Number(x.id), rule: String(x.rule), kind: String(x.kind), platform: String(x.platform),
    community_id: x.community_id === null ? null : Number(x.community_id), member_id: x.member_id === null ? null : Number(x.member_id),
    event_id: x.event_id as string | null, payload: JSON.parse(String(x.payload)) as Record<string, unknown>, attempts: Number(x.attempts),
    created_at: Number(x.created_at), lease,
  })).sort((a, b) => a.id - b.id);
}

/** Extends this worker's claim just before delivering; false when another worker has taken the action over. */
export async function renew(db: Kysely<Schema>, a: OutboxAction, now: number): Promise<boolean> {
  const lease = now + CLAIM_MS;
  const r = await db.updateTable('actions').set({ locked_until: lease }).where('id', '=', a.id).where('status', '=', 'sending')
    .where('locked_until', '=', a.lease ?? -1).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  a.lease = lease;
  return true;
}

/** Records a delivery's outcome, only while this worker still holds the claim (an undo or a takeover wins). */
export async function settle(db: Kysely<Schema>, a: OutboxAction, d: Delivery, now: number): Promise<'done' | 'retry' | 'dead' | 'lost'> {
  const attempts = a.attempts + 1;
  const guard = (q: ReturnType<typeof db.updateTable<'actions'>>) => q.where('id', '=', a.id).where('status', '=', 'sending').where('locked_until', '=', a.lease ?? -1);
  let outcome: 'done' | 'retry' | 'dead';
  let r;
  if (d.ok) {
    outcome = 'done';
    r = await guard(db.updateTable('actions')).set({ status: 'done', attempts, locked_until: null, last_error: null, updated_at: now }).executeTakeFirst();
  } else {
    const dead = !d.retryable || attempts >= MAX_ATTEMPTS;
    outcome = dead ? 'dead' : 'retry';
    r = await guard(db.updateTable('actions')).set({
      status: dead ? 'dead' : 'pending', attempts, locked_until: null, last_error: d.error.slice(0, 2000), updated_at: now,
      due_at: now + backoffSeconds(attempts) * 1000,
    }).executeTakeFirst();
  }
  return Number(r.numUpdatedRows) === 0 ? 'lost' : outcome;
}

export interface RunSummary { done: number; retry: number; dead: number }
const BATCH = 10;

/** Claims and delivers due actions until none is due (or `max` were handled). */
export async function deliverDue(database: Database, deliverer: Deliverer, opts: { now?: () => number; max?: number } = {}): Promise<RunSummary> {
  const now = opts.now ?? Date.now;
  const out: RunSummary = { done: 0, retry: 0, dead: 0 };
  let handled = 0;
  for (;;) {
    // Small batches, each claim renewed just before its delivery: a slow platform never lets a claim lapse unnoticed.
    const batch = await claimDue(database, deliverer.platforms, BATCH, now());
    if (batch.length === 0) return out;
    for (const a of batch) {
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
}
