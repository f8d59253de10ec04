// Privacy (issue 12): `users.pii`, the permission an owner grants to see phone numbers in full; and
// `erased_identities`, one row per platform identity whose person was erased on request (PIPL), so events
// re-delivered for it later are stored with their personal fields blanked (docs/privacy.md).
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../database.js';

export async function up(db: Kysely<any>, _dialect: SqlDialect): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('pii', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('erased_identities')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'bigint', (c) => c.notNull())
    .addColumn('erased_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('erased_identities_pk', ['platform', 'external_id'])
    .execute();
}
