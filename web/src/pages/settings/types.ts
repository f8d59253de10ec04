// Shapes of the settings API answers (src/features/workspace/routes.ts, src/features/auth/admin-routes.ts).
export type Role = 'owner' | 'operator' | 'analyst';
export const ROLES: Role[] = ['owner', 'operator', 'analyst'];

export interface Workspace {
  name: string; timezone: string; dormantDays: number; newCustomerDays: number; demo: boolean;
  products: { key: string; name: string; aliases: string[]; tier: string; price: number }[];
  channels: { key: string; name: string; cost: number }[];
}
export interface UserItem { id: number; username: string; role: Role; communities: number[]; disabled: boolean; created_at: number; last_login_at: number | null }
export interface TokenItem { id: number; name: string; prefix: string; user_id: number; username: string; role: Role; created_at: number; last_used_at: number | null; revoked_at: number | null }
export interface AuditItem { id: number; at: number; user_id: number | null; actor: string; action: string; target: string | null; status: number; ip: string | null; user_agent: string | null; details: unknown }
export interface AuditPage { total: number; page: number; page_size: number; items: AuditItem[] }
