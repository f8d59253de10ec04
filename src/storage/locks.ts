// Every lock Qunyun takes, in one place, for both dialects. The model:
//
// - The writer lock. Everything that changes the ledger or what is derived from it (an ingest batch, `apply`, a
//   settings change, the builders of cached figures) runs in one transaction whose first statement updates the
//   single `ingest_lock` row. On PostgreSQL that row lock is held until commit, so the refolds of concurrent
//   batches never interleave and new ids are allocated in order. SQLite has one writer anyway; updating first
//   takes its write lock at the start (BEGIN is deferred), so a transaction never reads and then fails to upgrade.
//   `ingest_lock.n` is the ledger version: a write bumps it ('new-version'); a builder that only needs no write in
//   flight takes the lock without bumping it ('same-version').
// - Queue claims (storage/queue.ts) must never wait for rows another worker holds: on PostgreSQL the rows are
//   chosen FOR UPDATE SKIP LOCKED, so workers claim disjoint rows at once. SQLite's one writer makes the claiming
//   UPDATE atomic by itself, so it needs no clause.
// - Row locks: to read rows and then change them by what was read, lock them FOR UPDATE on PostgreSQL; SQLite,
//   with its one writer, needs nothing.
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Schema } from './schema.js';
import type { SqlDialect } from './database.js';

export type WriterLockMode = 'new-version' | 'same-version';

/** Takes the writers' lock for the rest of the transaction; 'new-version' also starts a new ledger version. */
export async function takeWriterLock(trx: Transaction<Schema>, mode: WriterLockMode = 'new-version'): Promise<void> {
  const bump = mode === 'new-version' ? sql`n + 1` : sql`n`;
  await sql`UPDATE ingest_lock SET n = ${bump} WHERE id = 1`.execute(trx);
}

/** Appended to the SELECT that picks rows to claim: rows other workers hold are passed over, not waited for. */
export function skipLockedClause(dialect: SqlDialect): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql` FOR UPDATE SKIP LOCKED` : sql``;
}

/** Appended to a SELECT whose rows this transaction will change by what it read. */
export function rowLockClause(dialect: SqlDialect): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql` FOR UPDATE` : sql``;
}

/** The same row lock on a Kysely select: FOR UPDATE on PostgreSQL, the query unchanged on SQLite. */
export function lockRows<Q extends { forUpdate(): Q }>(dialect: SqlDialect, query: Q): Q {
  return dialect === 'postgres' ? query.forUpdate() : query;
}
