// Playbooks on a durable scheduler (src/jobs/): one row per unit of due work — a cron or campaign step, a
// per-member step, the dormancy watch of a playbook on dormant — with the instant up to which it has run and a
// claim that expires; and the members for whom a playbook started (a member turning dormant), with the instant.
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../database.js';

export async function up(db: Kysely<any>, _dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('schedules')
    // playbook/step, or playbook for a dormancy watch.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('playbook', 'text', (c) => c.notNull())
    .addColumn('step', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    // What the timing was when next_at was computed (a change of it in qunyun.yaml starts the row afresh).
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('next_at', 'bigint')
    .addColumn('last_run_at', 'bigint', (c) => c.notNull())
    .addColumn('locked_until', 'bigint')
    .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schedules_due').on('schedules').column('next_at').execute();
  await db.schema
    .createTable('playbook_starts')
    .addColumn('playbook', 'text', (c) => c.notNull())
    .addColumn('member_id', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('playbook_starts_pk', ['playbook', 'member_id', 'started_at'])
    .execute();
  await db.schema.createIndex('playbook_starts_at').on('playbook_starts').columns(['playbook', 'started_at']).execute();
}
