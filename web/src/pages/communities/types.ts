// Shapes of GET /api/v1/communities/health (src/features/analytics/health/service.ts) and GET /api/v1/roles.
export interface Verdict { status: 'healthy' | 'watch' | 'unhealthy'; size: string; activity: string; trend: string; zh: string; en: string }

export interface HealthWeek { from: string; to: string; joiners: number; churned: number; growth: number | null; churn: number | null }

export interface CommunityHealth {
  community: { id: number; platform: string; external_id: string; name: string | null };
  members: number; capacity: number; fill: number; daily_active_members: number; daily_active_ratio: number | null;
  weeks: HealthWeek[]; verdict: Verdict;
}

export interface HealthAnswer { at: string; timezone: string; communities: CommunityHealth[] }

export interface RoleCount { key: string; name_zh: string; name_en: string; members: number; share: number }
export interface RolesAnswer { at: string; members: number; roles: RoleCount[] }

export interface RoleMember {
  member_id: number; name: string | null; role: string; platform_role: string | null; messages: number; replies_given: number;
  replies_received: number; partners: number; checkins: number; removals: number;
}
