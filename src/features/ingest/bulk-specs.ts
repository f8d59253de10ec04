// The multi-row statements of the ingest hot path (see storage/bulk.ts).
import type { BulkSpec } from '../../storage/bulk.js';

export const EVENTS_INSERT: BulkSpec<'events'> = {
  table: 'events',
  chunk: 512,
  columns: ['platform', 'event_id', 'type', 'at_ms', 'member_id', 'community_id', 'order_key', 'body', 'ingested_at'],
};
export const MEMBERS_INSERT: BulkSpec<'members'> = { table: 'members', chunk: 1024, columns: ['id'] };
export const IDENTITIES_INSERT: BulkSpec<'identities'> = { table: 'identities', chunk: 1024, columns: ['platform', 'external_id', 'member_id'] };
export const COMMUNITIES_INSERT: BulkSpec<'communities'> = { table: 'communities', chunk: 1024, columns: ['id', 'platform', 'external_id'] };
export const MEMBER_DAYS_ADD: BulkSpec<'member_days'> = {
  table: 'member_days',
  chunk: 1024,
  columns: ['member_id', 'community_id', 'day', 'messages', 'checkins', 'orders'],
  onConflict: { target: ['member_id', 'community_id', 'day'], add: ['messages', 'checkins', 'orders'] },
};
export const MESSAGE_TERMS_INSERT: BulkSpec<'message_terms'> = {
  table: 'message_terms',
  chunk: 1024,
  columns: ['day', 'community_id', 'term', 'count'],
};
export const TEXT_DAYS_INSERT: BulkSpec<'text_days'> = { table: 'text_days', chunk: 1024, columns: ['day', 'community_id', 'mentions'] };
export const PRODUCT_MENTION_DAYS_INSERT: BulkSpec<'product_mention_days'> = {
  table: 'product_mention_days',
  chunk: 1024,
  columns: ['day', 'community_id', 'product', 'mentions'],
};
export const MEMBERSHIPS_INSERT: BulkSpec<'memberships'> = {
  table: 'memberships',
  chunk: 512,
  columns: [
    'member_id',
    'community_id',
    'first_join_at',
    'first_channel',
    'first_inviter_id',
    'first_method',
    'last_join_at',
    'last_left_at',
    'present',
    'joins',
    'leaves',
  ],
};
// Members always exist when these run, so the upserts are updates of just these columns.
export const MEMBER_FIRST_JOIN: BulkSpec<'members'> = {
  table: 'members',
  chunk: 1024,
  columns: ['id', 'first_join_at', 'first_channel', 'first_inviter_id', 'first_community_id'],
  onConflict: { target: ['id'], set: ['first_join_at', 'first_channel', 'first_inviter_id', 'first_community_id'] },
};
export const MEMBER_PROFILE: BulkSpec<'members'> = {
  table: 'members',
  chunk: 1024,
  columns: ['id', 'name', 'name_folded', 'phone', 'first_phone_at', 'attributes'],
  onConflict: { target: ['id'], set: ['name', 'name_folded', 'phone', 'first_phone_at', 'attributes'] },
};
export const MEMBERSHIP_SPANS_INSERT: BulkSpec<'membership_spans'> = {
  table: 'membership_spans',
  chunk: 1024,
  columns: ['member_id', 'community_id', 'joined_at', 'left_at'],
};
export const ORDER_REFUNDS_INSERT: BulkSpec<'order_refunds'> = {
  table: 'order_refunds',
  chunk: 1024,
  columns: ['platform', 'order_id', 'event_id', 'at', 'applied', 'member_id', 'community_id'],
};
export const MEMBER_TAGS_INSERT: BulkSpec<'member_tags'> = { table: 'member_tags', chunk: 1024, columns: ['member_id', 'tag'] };
export const ORDERS_INSERT: BulkSpec<'orders'> = {
  table: 'orders',
  chunk: 512,
  columns: [
    'platform',
    'order_id',
    'member_id',
    'paid_at',
    'amount',
    'currency',
    'product',
    'tier',
    'campaign',
    'community_id',
    'refunded',
    'fully_refunded_at',
  ],
};
