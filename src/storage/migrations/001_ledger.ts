// The ledger, the member graph and the per-member/per-day state analytics reads instead of scanning events.
import { sql, type Kysely } from 'kysely';
import type { SqlDialect } from '../database.js';

export async function up(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  // On SQLite, tables keyed by a composite key are stored as that key's B-tree alone (half the writes).
  const keyed = <T extends { modifyEnd(n: ReturnType<typeof sql>): T }>(t: T): T => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t);
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer';
  await db.schema
    .createTable('events')
    .addColumn('seq', serial as 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .addColumn('member_id', 'bigint')
    .addColumn('community_id', 'bigint')
    .addColumn('order_key', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('ingested_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('events_platform_event_id', ['platform', 'event_id'])
    .execute();
  await db.schema.createIndex('events_member_type_at').on('events').columns(['member_id', 'type', 'at_ms']).execute();
  await db.schema.createIndex('events_type_at').on('events').columns(['type', 'at_ms']).execute();
  await db.schema.createIndex('events_order_key').on('events').column('order_key').where(sql.ref('order_key'), 'is not', null).execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('name_folded', 'text')
    .addColumn('phone', 'text')
    .addColumn('first_phone_at', 'bigint')
    .addColumn('first_join_at', 'bigint')
    .addColumn('first_channel', 'text')
    .addColumn('first_inviter_id', 'bigint')
    .addColumn('first_community_id', 'bigint')
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('merged_into', 'bigint')
    .execute();
  await db.schema.createIndex('members_first_join').on('members').column('first_join_at').execute();
  await db.schema.createIndex('members_first_channel').on('members').column('first_channel').execute();
  await db.schema.createIndex('members_first_phone').on('members').column('first_phone_at').execute();
  // Merges rewrite these references; without indexes each member.linked would scan the table.
  await db.schema.createIndex('members_first_inviter').on('members').column('first_inviter_id').execute();
  await db.schema.createIndex('members_merged_into').on('members').column('merged_into').execute();

  await keyed(
    db.schema
      .createTable('identities')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('member_id', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('identities_pk', ['platform', 'external_id']),
  ).execute();
  await db.schema.createIndex('identities_member').on('identities').column('member_id').execute();

  await keyed(
    db.schema
      .createTable('member_tags')
      .addColumn('member_id', 'bigint', (c) => c.notNull())
      .addColumn('tag', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('member_tags_pk', ['member_id', 'tag']),
  ).execute();
  await db.schema.createIndex('member_tags_tag').on('member_tags').column('tag').execute();

  await db.schema
    .createTable('communities')
    .addColumn('id', 'bigint', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('owner', 'text')
    .addColumn('admins', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('config_name', 'text')
    .addColumn('blueprint', 'text')
    .addUniqueConstraint('communities_platform_external', ['platform', 'external_id'])
    .execute();

  await keyed(
    db.schema
      .createTable('memberships')
      .addColumn('member_id', 'bigint', (c) => c.notNull())
      .addColumn('community_id', 'bigint', (c) => c.notNull())
      .addColumn('first_join_at', 'bigint')
      .addColumn('first_channel', 'text')
      .addColumn('first_inviter_id', 'bigint')
      .addColumn('first_method', 'text')
      .addColumn('last_join_at', 'bigint')
      .addColumn('last_left_at', 'bigint')
      .addColumn('present', 'integer', (c) => c.notNull())
      .addColumn('joins', 'integer', (c) => c.notNull())
      .addColumn('leaves', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('memberships_pk', ['member_id', 'community_id']),
  ).execute();
  await db.schema.createIndex('memberships_community').on('memberships').columns(['community_id', 'present']).execute();
  await db.schema.createIndex('memberships_inviter').on('memberships').column('first_inviter_id').execute();

  // present(t) for any t: one row per stretch of membership, [joined_at, left_at) with left_at null while in.
  await keyed(
    db.schema
      .createTable('membership_spans')
      .addColumn('member_id', 'bigint', (c) => c.notNull())
      .addColumn('community_id', 'bigint', (c) => c.notNull())
      .addColumn('joined_at', 'bigint', (c) => c.notNull())
      .addColumn('left_at', 'bigint')
      .addPrimaryKeyConstraint('membership_spans_pk', ['member_id', 'community_id', 'joined_at']),
  ).execute();
  await db.schema.createIndex('membership_spans_joined').on('membership_spans').columns(['joined_at', 'community_id']).execute();
  await db.schema.createIndex('membership_spans_left').on('membership_spans').columns(['left_at', 'community_id']).execute();

  await keyed(
    db.schema
      .createTable('orders')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('member_id', 'bigint', (c) => c.notNull())
      .addColumn('paid_at', 'bigint', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('product', 'text')
      .addColumn('tier', 'text')
      .addColumn('campaign', 'text')
      .addColumn('community_id', 'bigint')
      .addColumn('refunded', 'bigint', (c) => c.notNull())
      .addColumn('fully_refunded_at', 'bigint')
      .addPrimaryKeyConstraint('orders_pk', ['platform', 'order_id']),
  ).execute();
  await db.schema.createIndex('orders_member').on('orders').columns(['member_id', 'paid_at']).execute();
  await db.schema.createIndex('orders_paid_at').on('orders').column('paid_at').execute();

  // What each refund actually refunded (capped, in time order), for refunds in a period.
  await keyed(
    db.schema
      .createTable('order_refunds')
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('order_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('applied', 'bigint', (c) => c.notNull())
      .addColumn('member_id', 'bigint', (c) => c.notNull())
      .addColumn('community_id', 'bigint')
      .addPrimaryKeyConstraint('order_refunds_pk', ['platform', 'order_id', 'event_id']),
  ).execute();
  await db.schema.createIndex('order_refunds_at').on('order_refunds').column('at').execute();

  await keyed(
    db.schema
      .createTable('member_days')
      .addColumn('member_id', 'bigint', (c) => c.notNull())
      .addColumn('community_id', 'bigint', (c) => c.notNull())
      .addColumn('day', 'integer', (c) => c.notNull())
      .addColumn('messages', 'integer', (c) => c.notNull())
      .addColumn('checkins', 'integer', (c) => c.notNull())
      .addColumn('orders', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('member_days_pk', ['member_id', 'community_id', 'day']),
  ).execute();
  await db.schema.createIndex('member_days_day').on('member_days').columns(['day', 'community_id']).execute();

  // Text figures per local day, built on first use and dropped when the day gets new messages (or the zone or
  // products change): product mentions per community (text_days), topic terms per community (message_terms).
  await db.schema
    .createTable('text_days_built')
    .addColumn('day', 'integer', (c) => c.primaryKey())
    .execute();
  await keyed(
    db.schema
      .createTable('text_days')
      .addColumn('day', 'integer', (c) => c.notNull())
      .addColumn('community_id', 'bigint', (c) => c.notNull())
      .addColumn('mentions', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('text_days_pk', ['day', 'community_id']),
  ).execute();
  await keyed(
    db.schema
      .createTable('message_terms')
      .addColumn('day', 'integer', (c) => c.notNull())
      .addColumn('community_id', 'bigint', (c) => c.notNull())
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('message_terms_pk', ['day', 'community_id', 'term']),
  ).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('products')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('price', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('channels')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('cost', 'bigint', (c) => c.notNull())
    .execute();
  // One row every ingest transaction updates first: serialises writers on both dialects.
  await db.schema
    .createTable('ingest_lock')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('ingest_lock').values({ id: 1, n: 0 }).execute();
}
