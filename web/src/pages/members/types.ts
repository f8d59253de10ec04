// GET /api/v1/members/{id} (src/features/members/service.ts memberDetail).
export interface HistoryEntry {
  type: 'joined' | 'left'; at: string; event: { platform: string; id: string };
  method: string | null; channel: string | null; inviter: string | null; reason: string | null; by: string | null;
}

export interface Membership {
  community: { id: number; platform: string; external_id: string; name: string | null };
  present: boolean; first_join_at: string | null; first_channel: string | null; first_method: string | null; inviter_id: number | null;
  joins: number; leaves: number; last_join_at: string | null; last_left_at: string | null; history: HistoryEntry[];
}

export interface Order {
  platform: string; order: string; paid_at: string | null; amount: number; currency: string | null; product: string | null; tier: string | null;
  campaign: string | null; community_id: number | null; refunded: number; net: number; fully_refunded_at: string | null;
  refunds: { at: string; event_id: string; amount: number | null }[];
}

export interface TimelineEvent { at: string; type: string; platform: string; id: string; community_id: number | null; data: Record<string, unknown> }

export interface MemberDetail {
  id: number; merged_from?: number; name: string | null; phone: string | null; lead: boolean; first_phone_at: string | null;
  tags: string[]; attributes: Record<string, string>;
  first_join: { at: string | null; channel: string | null; inviter_id: number | null; community_id: number | null } | null;
  identities: { platform: string; id: string }[];
  memberships: Membership[];
  orders: Order[];
  checkins: { at: string; challenge: string | null; community_id: number | null }[];
  engagement?: { active_days: number; level: string };
  event_count: number;
  timeline: TimelineEvent[];
  // present when the server adds them
  group?: string | null; rfm_segment?: string | null; roles?: string[] | null;
}
