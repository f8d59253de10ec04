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
  const r = await sql<Record<string, unknown>>`UPDATE actions SET status = 'sending', locked_until = ${now + CLAIM_MS}, updated_at = ${now}
    WHERE id IN (SELECT id FROM actions WHERE ((status = 'pending' AND due_at <= ${now}) OR (status = 'sending' AND locked_until < ${now}))${onPlatforms}
      ORDER BY due_at, id LIMIT ${limit}${lock})
    RETURNING id, rule, kind, platform, community_id, member_id, event_id, payload, attempts`.execute(database.db);
  return r.rows.map((x) => ({
    id: Number(x.id), rule: String(x.rule), kind: String(x.kind), platform: String(x.platform),
    community_id: x.community_id === null ? null : Number(x.community_id), member_id: x.member_id === null ? null : Number(x.member_id),
    event_id: x.event_id as string | null, payload: JSON.parse(String(x.payload)) as Record<string, unknown>, attempts: Number(x.attempts),
  })).sort((a, b) => a.id - b.id);
}

export async function settle(db: Kysely<Schema>, a: OutboxAction, d: Delivery, now: number): Promise<'done' | 'retry' | 'dead'> {
  const attempts = a.attempts + 1;
  if (d.ok) {
    await db.updateTable('actions').set({ status: 'done', attempts, locked_until: null, last_error: null, updated_at: now }).where('id', '=', a.id).execute();
    return 'done';
  }
  const dead = !d.retryable || attempts >= MAX_ATTEMPTS;
  await db.updateTable('actions').set({
    status: dead ? 'dead' : 'pending', attempts, locked_until: null, last_error: d.error.slice(0, 2000), updated_at: now,
    due_at: now + backoffSeconds(attempts) * 1000,
  }).where('id', '=', a.id).execute();
  return dead ? 'dead' : 'retry';
}

export interface RunSummary { done: number; retry: number; dead: number }

/** Claims and delivers due actions until none is due (or `max` were handled). */
export async function deliverDue(database: Database, deliverer: Deliverer, opts: { now?: () => number; max?: number } = {}): Promise<RunSummary> {
  const now = opts.now ?? Date.now;
  const out: RunSummary = { done: 0, retry: 0, dead: 0 };
  let handled = 0;
  for (;;) {
    const batch = await claimDue(database, deliverer.platforms, 100, now());
    if (batch.length === 0) return out;
    for (const a of batch) {
      let d: Delivery;
      try {
        d = await deliverer.deliver(a, database.db);
      } catch (err) {
        d = { ok: false, retryable: true, error: (err as Error).message ?? String(err) };
      }
      out[await settle(database.db, a, d, now())]++;
      if (++handled >= (opts.max ?? Infinity)) return out;
    }
  }
}
