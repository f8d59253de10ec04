// Who may do what: three roles, and the policy each API route declares (src/http/policy.ts).
export const ROLES = ['owner', 'operator', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/**
 * public: anyone (login, setup); read: any signed-in role; operate: owners, and operators on their
 * communities; owner: owners only (users, tokens, audit log, workspace settings, ingest and imports).
 */
export type Policy = 'public' | 'read' | 'operate' | 'owner';

export interface Principal {
  userId: number;
  username: string;
  role: Role;
  /** Communities an operator acts on (ignored for other roles). */
  communities: readonly number[];
  /** Granted by an owner: sees phone numbers in full (owners always do; src/domain/auth/read-scope.ts). */
  pii?: boolean;
  /** Set when the request came with an API token. */
  token?: { id: number; name: string };
}

export const isRole = (s: unknown): s is Role => typeof s === 'string' && (ROLES as readonly string[]).includes(s);

/** What a route's communities are, for an operator: all must be theirs, or any one (a member in several). */
export interface Scope {
  communities: readonly number[];
  mode: 'all' | 'any';
}

/** null when allowed, else the reason (shown in the 403). A null scope on an operate route means workspace-wide. */
export function refusal(p: Principal, policy: Policy, scope?: Scope | null): string | null {
  if (policy === 'public' || policy === 'read') return null;
  if (p.role === 'owner') return null;
  if (policy === 'owner') return 'only an owner may do this';
  if (p.role === 'analyst') return 'an analyst has read-only access';
  // operator on an operate route
  if (!scope || scope.communities.length === 0) return 'this acts on the whole workspace: only an owner may do it';
  const mine = new Set(p.communities);
  const ok = scope.mode === 'all' ? scope.communities.every((c) => mine.has(c)) : scope.communities.some((c) => mine.has(c));
  return ok ? null : 'this acts on a community not assigned to you';
}

/** A token may act with its own role, which is never above its creator's. */
export function roleAtMost(role: Role, cap: Role): Role {
  const rank = (r: Role) => (r === 'owner' ? 2 : r === 'operator' ? 1 : 0);
  return rank(role) <= rank(cap) ? role : cap;
}
