// Finished dashboard periods, kept until the ledger or the workspace changes something they depend on, and the
// log of what each writer changed, so a computation that raced a write knows whether to keep its answer.
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../database.js';

export async function up(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('metric_periods')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('s', 'bigint', (c) => c.notNull())
    .addColumn('e', 'bigint', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_periods_pk', ['scope', 's', 'e'])
    .execute();
  await db.schema.createIndex('metric_periods_e').on('metric_periods').column('e').execute();
  // n = ingest_lock.n of the write; min_at = the earliest instant it can have changed (a merge or a settings
  // change: the smallest safe integer, i.e. everything).
  await db.schema
    .createTable('ledger_changes')
    .addColumn('n', 'bigint', (c) => c.primaryKey())
    .addColumn('min_at', 'bigint', (c) => c.notNull())
    .execute();
  void dialect;
}
