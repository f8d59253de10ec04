// The answers of the member routes (routes.ts): a page of members and one member's whole record, as the OpenAPI
// document names them. Instants are ISO-8601 in the workspace zone, with its offset; amounts in minor units.
import { z } from '@hono/zod-openapi';
import { ENGAGEMENT_LEVELS, type EngagementLevel } from '../../domain/metrics/engagement.js';
import { ROLES, type RoleKey } from '../../domain/metrics/roles.js';
import { RFM_SEGMENTS, type RfmSegmentKey } from '../../domain/metrics/rfm.js';
import { EVENT_TYPES, JOIN_METHODS, LEAVE_REASONS, TIERS } from '../../domain/events/types.js';
import { CUSTOMER_GROUPS } from '../../domain/metrics/customer-groups.js';

export const Group = z.enum(CUSTOMER_GROUPS).openapi({ description: 'Customer group now (docs/spec/metrics.md)' });
export const Role = z.enum(ROLES.map((r) => r.key) as [RoleKey, ...RoleKey[]]).openapi({ description: 'Community role (docs/spec/metrics.md)' });
export const RfmSegment = z.enum(RFM_SEGMENTS.map((r) => r.key) as [RfmSegmentKey, ...RfmSegmentKey[]]).openapi({ description: 'RFM segment now' });

const instant = z.string().openapi({ description: 'ISO-8601 instant in the workspace zone' });
const memberId = z.number().int();

export const MemberListItem = z
  .object({
    id: memberId,
    name: z.string().nullable(),
    phone: z.string().nullable(),
    tags: z.array(z.string()),
    first_join_at: instant.nullable().openapi({ description: 'First join anywhere; null for a member who never joined (an imported customer)' }),
    first_channel: z.string().nullable().openapi({ description: 'Channel key of the first join' }),
    first_inviter_id: memberId.nullable().openapi({ description: 'Our id of who invited them the first time' }),
    communities: z.number().int().openapi({ description: 'Communities they are in now' }),
    group: Group.nullable().openapi({ description: 'Customer group now, in the community asked about or the workspace; null when present nowhere' }),
    rfm_segment: RfmSegment.nullable().openapi({ description: 'RFM segment now; null without a paid order' }),
    groups: z.array(Group).optional().openapi({ description: 'With a group, role or rfm filter: every group they are in, community by community' }),
    roles: z.array(Role).optional().openapi({ description: 'With a group, role or rfm filter: their roles, community by community' }),
  })
  .openapi('MemberListItem');

export const MemberPage = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    page_size: z.number().int(),
    items: z.array(MemberListItem),
  })
  .openapi('MemberPage');

export const MemberTags = z
  .object({
    id: memberId.openapi({ description: 'The member tagged (after following a merge)' }),
    tags: z.array(z.string()).openapi({ description: 'The tags now' }),
  })
  .openapi('MemberTags');

const Membership = z
  .object({
    community: z.object({ id: z.number().int(), platform: z.string(), external_id: z.string(), name: z.string().nullable() }),
    present: z.boolean(),
    first_join_at: instant.nullable(),
    first_channel: z.string().nullable(),
    first_method: z.enum(JOIN_METHODS).nullable(),
    inviter_id: memberId.nullable(),
    joins: z.number().int(),
    leaves: z.number().int(),
    last_join_at: instant.nullable(),
    last_left_at: instant.nullable(),
    history: z
      .array(
        z.object({
          type: z.enum(['joined', 'left']),
          at: instant,
          event: z.object({ platform: z.string(), id: z.string() }).openapi({ description: 'The ledger event' }),
          method: z.enum(JOIN_METHODS).nullable(),
          channel: z.string().nullable(),
          inviter: z.string().nullable().openapi({ description: 'Platform id of the inviter (joins)' }),
          reason: z.enum(LEAVE_REASONS).nullable().openapi({ description: 'Why they left (leaves)' }),
          by: z.string().nullable().openapi({ description: 'Platform id of who removed them (leaves)' }),
        }),
      )
      .openapi({ description: 'Joins and leaves in time order' }),
  })
  .openapi('Membership');

const Order = z
  .object({
    platform: z.string(),
    order: z.string().openapi({ description: "The platform's order id" }),
    paid_at: instant,
    amount: z.number().int().openapi({ description: 'Paid, in minor units (分 for CNY)' }),
    currency: z.string(),
    product: z.string().nullable(),
    tier: z.enum(TIERS).nullable(),
    campaign: z.string().nullable(),
    community_id: z.number().int().nullable(),
    refunded: z.number().int().openapi({ description: 'Refunded so far, capped at the amount' }),
    net: z.number().int().openapi({ description: 'amount − refunded' }),
    fully_refunded_at: instant.nullable(),
    refunds: z.array(
      z.object({
        at: instant,
        event_id: z.string(),
        amount: z.number().int().nullable().openapi({ description: 'As the refund event says (null: the whole order); may exceed what applied' }),
      }),
    ),
  })
  .openapi('MemberOrder');

export const Member = z
  .object({
    id: memberId,
    merged_from: memberId.optional().openapi({ description: 'The id asked for, when it was merged into this member' }),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    lead: z.boolean().openapi({ description: 'Has left a phone number' }),
    first_phone_at: instant.nullable(),
    tags: z.array(z.string()),
    attributes: z.record(z.string(), z.string()).openapi({ description: 'Free-form profile attributes (imported columns, platform fields)' }),
    first_join: z
      .object({
        at: instant,
        channel: z.string().nullable(),
        inviter_id: memberId.nullable(),
        community_id: z.number().int().nullable(),
      })
      .nullable()
      .openapi({ description: 'Their first join anywhere; null if they never joined' }),
    identities: z.array(z.object({ platform: z.string(), id: z.string() })).openapi({ description: 'Their ids on each platform' }),
    memberships: z.array(Membership),
    orders: z.array(Order),
    checkins: z.array(z.object({ at: instant, challenge: z.string(), community_id: z.number().int().nullable() })),
    engagement: z.object({
      active_days: z.number().int().openapi({ description: 'Days with activity in the last 30 whole days' }),
      level: z.enum(ENGAGEMENT_LEVELS.map((l) => l.key) as [EngagementLevel, ...EngagementLevel[]]),
    }),
    group: Group.nullable().openapi({ description: 'Customer group now, in the workspace; null when present nowhere' }),
    rfm_segment: RfmSegment.nullable(),
    event_count: z.number().int().openapi({ description: 'Ledger events naming them' }),
    timeline: z
      .array(
        z.object({
          at: instant,
          type: z.enum(EVENT_TYPES).openapi({ description: 'The event type (docs/spec/events.md)' }),
          platform: z.string(),
          id: z.string().openapi({ description: 'The event id' }),
          community_id: z.number().int().nullable(),
          data: z
            .record(z.string(), z.unknown())
            .openapi({ description: "The event's own fields (without id, type, at and platform): free-form, by type" }),
        }),
      )
      .openapi({ description: 'Their latest events, newest first (timeline_limit)' }),
  })
  .openapi('Member');
