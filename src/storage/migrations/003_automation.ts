// Automation: the outbox of actions (also the audit log: each row says which rule, which event and why), strikes
// per member and community for escalation ladders, the workspace blacklist, and operators' rule toggles.
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../database.js';

export async function up(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer';
  await db.schema
    .createTable('actions')
    .addColumn('id', serial as 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    // rule | event platform | event id | index: the same event re-delivered can never act twice.
    .addColumn('dedupe', 'text', (c) => c.notNull().unique())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('community_id', 'bigint')
    .addColumn('member_id', 'bigint')
    .addColumn('event_id', 'text')
    .addColumn('event_at', 'bigint')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('locked_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('undo_of', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('actions_status_due').on('actions').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('actions_member').on('actions').columns(['member_id', 'created_at']).execute();
  await db.schema.createIndex('actions_created').on('actions').column('created_at').execute();
  // The open welcome of a rule in a community, found per join (enqueue.ts).
  await db.schema.createIndex('actions_open').on('actions').columns(['rule', 'community_id', 'status', 'due_at']).execute();
  await db.schema
    .createTable('strikes')
    .addColumn('member_id', 'bigint', (c) => c.notNull())
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('strikes_pk', ['member_id', 'community_id'])
    .execute();
  await db.schema
    .createTable('blacklist')
    .addColumn('member_id', 'bigint', (c) => c.primaryKey())
    .addColumn('action_id', 'bigint')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rule_toggles')
    .addColumn('rule', 'text', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}
