// The general background-job queue (src/jobs/): one row per job with its kind and JSON payload, when it is due,
// its status (pending → running → done, or dead), attempts against its maximum, the lease a worker holds
// (locked_until) and the last error. `key`, when given, makes enqueueing idempotent: a second job with the same
// key is not created.
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../database.js';

export async function up(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer';
  await db.schema
    .createTable('jobs')
    .addColumn('id', serial as 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('run_at', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'bigint')
    .addColumn('last_error', 'text')
    // Unique but optional: both dialects let any number of rows have none.
    .addColumn('key', 'text', (c) => c.unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_status_run_at').on('jobs').columns(['status', 'run_at']).execute();
}
