// One lease-based queue, generic over the table it runs on: the outbox's `actions`, the scheduler's `schedules`
// and the general `jobs`. A worker claims due rows by writing a lease (locked_until) on them — on PostgreSQL the
// rows are chosen FOR UPDATE SKIP LOCKED (locks.ts), so several workers claim disjoint rows at once — then works
// each row, renewing the lease just before, and settles it only while the lease is still its own: a lease that
// lapsed may have been taken over, and then the takeover wins. Delivery is at least once; the work must be
// idempotent or deduplicated by whoever receives it.
//
// Two shapes of table:
// - with a status column (`actions`, `jobs`): ready → leased → done, or back to ready with an exponential backoff
//   on its due time, or dead after too many attempts. A row whose lease expired while leased is claimed again,
//   and with `countTakeovers` that counts as an attempt, so a row that keeps crashing its worker ends dead.
// - without one (`schedules`): a due row is free while its lease is null or past; the caller finishes it by
//   setting its next due time under `heldLease`.
import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Database } from './database.js';
import type { Schema } from './schema.js';
import { skipLockedClause } from './locks.js';

export type QueueTableName = 'actions' | 'schedules' | 'jobs';
type RowOf<T extends QueueTableName> = Selectable<Schema[T]>;
export type QueueColumn<T extends QueueTableName> = keyof RowOf<T> & string;
type Key = number | string;

/** The status values of a table with a status column. */
export interface QueueStates {
  ready: string;
  leased: string;
  done: string;
  dead: string;
}

export interface QueueSpec<T extends QueueTableName> {
  table: T;
  /** The primary key. */
  key: QueueColumn<T>;
  /** When a row is due (ready rows with due ≤ now are claimed, earliest first). */
  due: QueueColumn<T>;
  /** How long a claim holds before another worker may take the row over. */
  leaseMs: number;
  states?: QueueStates;
  /** Taking over an expired lease adds one to `attempts` (tables with states only). */
  countTakeovers?: boolean;
}

/** A row this worker holds: its key and the lease it wrote (locked_until). */
export interface Held {
  key: Key;
  lease: number;
}
export interface Claimed<T extends QueueTableName, C extends QueueColumn<T>> {
  row: Pick<RowOf<T>, C>;
  lease: number;
}

/** A piece of work's outcome: done, or failed (retried with backoff while retryable and attempts remain). */
export type Outcome = { ok: true } | { ok: false; retryable: boolean; error: string };
export type Settled = 'done' | 'retry' | 'dead' | 'lost';
export interface RetryPolicy {
  maxAttempts: number;
  backoffMs(attempts: number): number;
}

/** `base * 2^(attempts - 1)`, at most `cap`: the wait before attempt n + 1. */
export const exponentialBackoff =
  (baseMs: number, capMs: number) =>
  (attempts: number): number =>
    Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));

const statesOf = <T extends QueueTableName>(q: QueueSpec<T>): QueueStates => {
  if (!q.states) throw new Error(`queue ${q.table}: settling needs a status column`);
  return q.states;
};

/**
 * Claims up to `limit` due rows (and rows whose lease expired) for `leaseMs`, optionally narrowed by `where`, and
 * returns the `returning` columns of each, in key order.
 */
export async function claimRows<T extends QueueTableName, C extends QueueColumn<T>>(
  database: Database,
  q: QueueSpec<T>,
  opts: { now: number; limit: number; returning: readonly C[]; where?: RawBuilder<unknown> },
): Promise<Claimed<T, C>[]> {
  const { now, limit } = opts;
  const lease = now + q.leaseMs;
  const table = sql.table(q.table),
    key = sql.ref(q.key),
    due = sql.ref(q.due),
    s = q.states;
  const leased = s ? sql.lit(s.leased) : null;
  const set = s
    ? sql`locked_until = ${lease}, updated_at = ${now}${q.countTakeovers ? sql`, attempts = attempts + CASE WHEN status = ${leased} THEN 1 ELSE 0 END` : sql``}, status = ${leased}`
    : sql`locked_until = ${lease}, updated_at = ${now}`;
  const free = s
    ? sql`((status = ${sql.lit(s.ready)} AND ${due} <= ${now}) OR (status = ${leased} AND locked_until < ${now}))`
    : sql`${due} IS NOT NULL AND ${due} <= ${now} AND (locked_until IS NULL OR locked_until < ${now})`;
  const narrowed = opts.where ? sql` AND ${opts.where}` : sql``;
  const r = await sql<Pick<RowOf<T>, C>>`UPDATE ${table} SET ${set}
    WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE ${free}${narrowed} ORDER BY ${due}, ${key} LIMIT ${limit}${skipLockedClause(database.dialect)})
    RETURNING ${sql.join(opts.returning.map((c) => sql.ref(c)))}`.execute(database.db);
  const keyOf = (row: Pick<RowOf<T>, C>): Key => (row as Record<string, unknown>)[q.key] as Key;
  return r.rows
    .map((row) => ({ row, lease }))
    .sort((a, b) => {
      const x = keyOf(a.row),
        y = keyOf(b.row);
      return x < y ? -1 : x > y ? 1 : 0;
    });
}

/** The condition "this worker still holds the row": its key, its lease, and (with states) still leased. */
export function heldLease<T extends QueueTableName>(q: QueueSpec<T>, held: Held): RawBuilder<SqlBool> {
  const leased = q.states ? sql` AND status = ${sql.lit(q.states.leased)}` : sql``;
  return sql<SqlBool>`${sql.ref(q.key)} = ${held.key} AND locked_until = ${held.lease}${leased}`;
}

async function updateHeld<T extends QueueTableName>(db: Kysely<Schema>, q: QueueSpec<T>, held: Held, set: RawBuilder<unknown>): Promise<boolean> {
  const r = await sql`UPDATE ${sql.table(q.table)} SET ${set} WHERE ${heldLease(q, held)}`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** Extends a held lease from `now`; the new lease, or null when the row is no longer this worker's. */
export async function renewLease<T extends QueueTableName>(db: Kysely<Schema>, q: QueueSpec<T>, held: Held, now: number): Promise<number | null> {
  const lease = now + q.leaseMs;
  return (await updateHeld(db, q, held, sql`locked_until = ${lease}`)) ? lease : null;
}

/**
 * Records the outcome of attempt `attempts + 1` on a held row: done; or, on failure, ready again after the
 * policy's backoff, or dead when the failure is final or no attempt is left. 'lost' when the lease was not ours.
 */
export async function settleLease<T extends QueueTableName>(
  db: Kysely<Schema>,
  q: QueueSpec<T>,
  held: Held & { attempts: number },
  outcome: Outcome,
  now: number,
  policy: RetryPolicy,
): Promise<Settled> {
  const s = statesOf(q);
  const attempts = held.attempts + 1;
  let result: Exclude<Settled, 'lost'>;
  let set: RawBuilder<unknown>;
  if (outcome.ok) {
    result = 'done';
    set = sql`status = ${s.done}, attempts = ${attempts}, locked_until = NULL, last_error = NULL, updated_at = ${now}`;
  } else {
    result = !outcome.retryable || attempts >= policy.maxAttempts ? 'dead' : 'retry';
    set = sql`status = ${result === 'dead' ? s.dead : s.ready}, attempts = ${attempts}, locked_until = NULL,
      last_error = ${outcome.error.slice(0, 2000)}, updated_at = ${now}, ${sql.ref(q.due)} = ${now + policy.backoffMs(attempts)}`;
  }
  return (await updateHeld(db, q, held, set)) ? result : 'lost';
}

/** Hands held rows back unworked (a worker stopping): claimable again at once, by any worker. */
export async function releaseLeases<T extends QueueTableName>(db: Kysely<Schema>, q: QueueSpec<T>, held: Held[], now: number): Promise<void> {
  const set = q.states
    ? sql`status = ${sql.lit(q.states.ready)}, locked_until = NULL, updated_at = ${now}`
    : sql`locked_until = NULL, updated_at = ${now}`;
  for (const h of held) await updateHeld(db, q, h, set);
}
