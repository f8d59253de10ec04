// Finished dashboard periods, exact by construction: a period [s, e) reads only events before e (docs/spec/metrics.md),
// so a write whose earliest event is at t drops the periods ending after t, and a merge or a settings change
// drops them all. Every writer logs (n, min_at) in ledger_changes inside its transaction; a computation that
// raced a write stores only the periods that write cannot have touched.
import type { Kysely, Transaction } from 'kysely';
import { takeWriterLock } from '../../../storage/locks.js';
import type { Schema } from '../../../storage/schema.js';
import type { IngestHook } from '../../ingest/hooks.js';

/** min_at of a change that can touch every period (merges, zone, parameters, products). */
export const EVERYTHING = Number.MIN_SAFE_INTEGER;
const KEEP = 10_000;

/** Call inside a writer's transaction, after it has bumped ingest_lock.n. */
export async function recordChange(trx: Transaction<Schema>, minAt: number): Promise<void> {
  const n = Number((await trx.selectFrom('ingest_lock').select('n').where('id', '=', 1).executeTakeFirstOrThrow()).n);
  await trx.insertInto('ledger_changes').values({ n, min_at: minAt }).execute();
  await trx
    .deleteFrom('ledger_changes')
    .where('n', '<=', n - KEEP)
    .execute();
  await trx.deleteFrom('metric_periods').where('e', '>', minAt).execute();
}

/**
 * Ingest's hook (composed in features/ingest-hooks.ts): periods ending after the batch's earliest event are
 * stale; a member.linked rewrites all of history.
 */
export const periodCacheHook: IngestHook = {
  name: 'analytics: dashboard period cache',
  async inTransaction(trx, batch) {
    let minAt = batch.events.some((x) => x.event.type === 'member.linked') ? EVERYTHING : Number.MAX_SAFE_INTEGER;
    for (const x of batch.events) if (x.atMs < minAt) minAt = x.atMs;
    await recordChange(trx, minAt);
  },
};

/** The ledger version to pass to storePeriods: read it before computing. */
export async function ledgerVersion(db: Kysely<Schema>): Promise<number> {
  return Number((await db.selectFrom('ingest_lock').select('n').where('id', '=', 1).executeTakeFirstOrThrow()).n);
}

export interface Span {
  s: number;
  e: number;
}

export async function cachedPeriods<T>(db: Kysely<Schema>, scope: string, periods: Span[]): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  if (periods.length === 0) return out;
  const lo = Math.min(...periods.map((p) => p.s)),
    hi = Math.max(...periods.map((p) => p.e));
  const wanted = new Set(periods.map((p) => `${p.s}:${p.e}`));
  const rows = await db
    .selectFrom('metric_periods')
    .select(['s', 'e', 'answer'])
    .where('scope', '=', scope)
    .where('s', '>=', lo)
    .where('e', '<=', hi)
    .execute();
  for (const r of rows) {
    const k = `${Number(r.s)}:${Number(r.e)}`;
    if (wanted.has(k)) out.set(k, JSON.parse(r.answer) as T);
  }
  return out;
}

/** Stores answers computed from the ledger as of `version`, except those a later write may have changed. */
export async function storePeriods(db: Kysely<Schema>, scope: string, version: number, rows: (Span & { answer: unknown })[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction().execute(async (trx) => {
    // Taking the writers' lock (without a new version) orders this after any write in flight.
    await takeWriterLock(trx, 'same-version');
    const now = await ledgerVersion(trx);
    let limit = Number.MAX_SAFE_INTEGER;
    if (now !== version) {
      if (now - version >= KEEP) return;
      const r = await trx
        .selectFrom('ledger_changes')
        .select((eb) => eb.fn.min('min_at').as('m'))
        .where('n', '>', version)
        .executeTakeFirst();
      if (r?.m !== null && r?.m !== undefined) limit = Number(r.m);
    }
    for (const row of rows) {
      if (row.e > limit) continue;
      await trx
        .insertInto('metric_periods')
        .values({ scope, s: row.s, e: row.e, answer: JSON.stringify(row.answer) })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
}
