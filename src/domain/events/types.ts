// The ledger's event types, exactly as docs/spec/events.md defines them.

export const EVENT_TYPES = [
  'community.updated',
  'member.joined',
  'member.left',
  'message.sent',
  'checkin.done',
  'order.paid',
  'order.refunded',
  'member.profile',
  'member.linked',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const JOIN_METHODS = ['qr', 'link', 'invited', 'added', 'self', 'unknown'] as const;
export const LEAVE_REASONS = ['quit', 'removed'] as const;
export const MESSAGE_KINDS = ['text', 'image', 'link', 'file', 'voice', 'video', 'card', 'other'] as const;
export const TIERS = ['lead', 'entry', 'premium'] as const;

export type JoinMethod = (typeof JOIN_METHODS)[number];
export type LeaveReason = (typeof LEAVE_REASONS)[number];
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export type Tier = (typeof TIERS)[number];

interface Envelope {
  id: string;
  at: string;
  platform: string;
}

export type CommunityUpdated = Envelope & { type: 'community.updated'; community: string; name?: string; owner?: string; admins?: string[] };
export type MemberJoined = Envelope & {
  type: 'member.joined';
  community: string;
  member: string;
  name?: string;
  channel?: string;
  inviter?: string;
  method?: JoinMethod;
};
export type MemberLeft = Envelope & { type: 'member.left'; community: string; member: string; reason: LeaveReason; by?: string };
export type MessageSent = Envelope & {
  type: 'message.sent';
  community: string;
  member: string;
  kind: MessageKind;
  text?: string;
  reply_to?: string;
  mentions?: string[];
};
export type CheckinDone = Envelope & { type: 'checkin.done'; member: string; challenge: string; community?: string };
export type OrderPaid = Envelope & {
  type: 'order.paid';
  member: string;
  order: string;
  amount: number;
  currency?: string;
  product?: string;
  tier?: Tier;
  campaign?: string;
  community?: string;
};
export type OrderRefunded = Envelope & { type: 'order.refunded'; order: string; amount?: number };
export type MemberProfile = Envelope & {
  type: 'member.profile';
  member: string;
  name?: string;
  phone?: string;
  tags_add?: string[];
  tags_remove?: string[];
  attributes?: Record<string, string>;
};
export type MemberLinked = Envelope & { type: 'member.linked'; member: string; other_platform: string; other_member: string };

export type LedgerEvent =
  CommunityUpdated | MemberJoined | MemberLeft | MessageSent | CheckinDone | OrderPaid | OrderRefunded | MemberProfile | MemberLinked;

/** A validated event plus what storage needs: the instant in ms and the canonical body text. */
export interface AcceptedEvent {
  event: LedgerEvent;
  atMs: number;
  /** The event as JSON, platform filled in; two deliveries are the same event iff sameBody() says so. */
  body: string;
}

/** Total order of the ledger used everywhere ties matter: by instant, then platform, then id. */
export function compareEvents(a: { atMs: number; platform: string; id: string }, b: { atMs: number; platform: string; id: string }): number {
  if (a.atMs !== b.atMs) return a.atMs - b.atMs;
  if (a.platform !== b.platform) return a.platform < b.platform ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
