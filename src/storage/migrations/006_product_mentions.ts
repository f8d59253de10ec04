// Product mentions per local day, community and product (the overview's breakdown of content.product_mentions),
// built with the other text figures of a day. Days built before this table existed are marked unbuilt, so the
// next request rebuilds them with the breakdown.
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../database.js';

export async function up(db: Kysely<any>, _dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('product_mention_days')
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('community_id', 'bigint', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('mentions', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_mention_days_pk', ['day', 'community_id', 'product'])
    .execute();
  await db.deleteFrom('text_days_built').execute();
}
