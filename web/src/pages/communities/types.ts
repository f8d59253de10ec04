// The community pages' data, as the contract declares it: GET /api/v1/communities/health, /api/v1/roles and
// /api/v1/roles/members.
import type { Schema } from '../../api/contract';

export type CommunityHealth = Schema<'CommunityHealth'>;
export type Verdict = CommunityHealth['verdict'];
export type HealthWeek = CommunityHealth['weeks'][number];

export type RolesAnswer = Schema<'Roles'>;
export type RoleCount = RolesAnswer['roles'][number];
export type RoleMember = Schema<'RoleMembers'>['items'][number];

export type Blueprint = NonNullable<Schema<'Blueprint'>>;
