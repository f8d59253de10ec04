// The access policy of every API route, in one table: who may call it (domain/auth/roles.ts) and, for routes an
// operator may use, which communities the call acts on. A route missing here is refused (fail closed), and a
// test checks that every registered /api route has an entry.
import type { Kysely } from 'kysely';
import type { Schema } from '../storage/schema.js';
import type { Policy, Scope } from '../domain/auth/roles.js';
import { AmbiguousError, NotFoundError, resolveCommunityRef } from '../features/communities/repository.js';
import { loadRules } from '../features/automation/rules.js';

export interface RoutePolicy {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI-style pattern: /api/v1/actions/{id}/undo. */
  path: string;
  policy: Policy;
  /** Audit name of a state-changing route (absent: nothing to audit, e.g. a dry run). */
  audit?: string;
  /** The communities an operate route acts on, from its path parameters. */
  scope?: (db: Kysely<Schema>, params: Record<string, string>) => Promise<Scope | null>;
}

/** The target of an operate route does not exist (404) or is ambiguous (400): answered as the route would. */
export class ScopeError extends Error {
  constructor(readonly status: 400 | 404, message: string) { super(message); }
}

const communityOf = async (db: Kysely<Schema>, p: Record<string, string>): Promise<Scope | null> => {
  try {
    return { communities: [await resolveCommunityRef(db, p.ref!)], mode: 'all' };
  } catch (err) {
    if (err instanceof NotFoundError) throw new ScopeError(404, err.message);
    if (err instanceof AmbiguousError) throw new ScopeError(400, err.message);
    throw err;
  }
};

const actionOf = async (db: Kysely<Schema>, p: Record<string, string>): Promise<Scope | null> => {
  const id = Number(p.id);
  const a = Number.isSafeInteger(id) ? await db.selectFrom('actions').select(['community_id', 'kind']).where('id', '=', id).executeTakeFirst() : undefined;
  if (!a) throw new ScopeError(404, `action ${p.id} not found`);
  // A blacklist holds in every community: lifting it is the owner's.
  if (a.kind === 'blacklist' || a.kind === 'unblacklist') return null;
  return a.community_id == null ? null : { communities: [Number(a.community_id)], mode: 'all' };
};

// An operator may tag a member who is (or was) in one of their communities; a merged id is followed.
const memberOf = async (db: Kysely<Schema>, p: Record<string, string>): Promise<Scope | null> => {
  let id = Number(p.id);
  for (let hops = 0; hops < 100 && Number.isSafeInteger(id); hops++) {
    const m = await db.selectFrom('members').select('merged_into').where('id', '=', id).executeTakeFirst();
    if (!m) break;
    if (m.merged_into === null) {
      const rows = await db.selectFrom('memberships').select('community_id').where('member_id', '=', id).execute();
      return { communities: rows.map((r) => Number(r.community_id)), mode: 'any' };
    }
    id = Number(m.merged_into);
  }
  throw new ScopeError(404, `member ${p.id} not found`);
};

// A rule limited to communities is the operators' of all of them; a workspace-wide rule is the owner's.
const ruleOf = async (db: Kysely<Schema>, p: Record<string, string>): Promise<Scope | null> => {
  const { config } = await loadRules(db);
  const rule = config.rules.find((r) => r.key === p.key);
  if (!rule) throw new ScopeError(404, `rule ${JSON.stringify(p.key)} not found`);
  if (!rule.communities?.length) return null;
  const ids: number[] = [];
  for (const ref of rule.communities) {
    try { ids.push(await resolveCommunityRef(db, ref)); } catch { return null; }
  }
  return { communities: ids, mode: 'all' };
};

export const ROUTE_POLICIES: readonly RoutePolicy[] = [
  // signing in
  { method: 'GET', path: '/api/v1/health', policy: 'public' },
  { method: 'GET', path: '/api/docs', policy: 'public' },
  { method: 'GET', path: '/api/openapi.json', policy: 'public' },
  { method: 'GET', path: '/api/v1/auth/status', policy: 'public' },
  { method: 'POST', path: '/api/v1/auth/setup', policy: 'public' },
  { method: 'POST', path: '/api/v1/auth/login', policy: 'public' },
  { method: 'POST', path: '/api/v1/auth/logout', policy: 'public' },
  // reading (any role)
  ...[
    '/api/v1/metrics', '/api/v1/metrics/products', '/api/v1/members', '/api/v1/members/{id}', '/api/v1/communities', '/api/v1/communities/health',
    '/api/v1/communities/{ref}', '/api/v1/communities/{ref}/elimination', '/api/v1/roles', '/api/v1/roles/members',
    '/api/v1/rfm', '/api/v1/rfm/members', '/api/v1/cohorts', '/api/v1/engagement', '/api/v1/actions', '/api/v1/actions/{id}',
    '/api/v1/rules', '/api/v1/playbooks', '/api/v1/playbooks/calendar', '/api/v1/faq', '/api/v1/moderation', '/api/v1/workspace', '/api/v1/export/members', '/api/v1/export/metrics',
  ].map((path) => ({ method: 'GET' as const, path, policy: 'read' as const })),
  // computations that change nothing, though they take a body
  { method: 'POST', path: '/api/v1/rules/test', policy: 'read' },
  { method: 'POST', path: '/api/v1/rules/{key}/dry-run', policy: 'read' },
  { method: 'POST', path: '/api/v1/playbooks/{key}/preview', policy: 'read' },
  // acting on communities (owners; operators on their own)
  { method: 'POST', path: '/api/v1/actions/{id}/undo', policy: 'operate', audit: 'action.undo', scope: actionOf },
  { method: 'POST', path: '/api/v1/actions/{id}/retry', policy: 'operate', audit: 'action.retry', scope: actionOf },
  { method: 'POST', path: '/api/v1/rules/{key}/toggle', policy: 'operate', audit: 'rule.toggle', scope: ruleOf },
  { method: 'POST', path: '/api/v1/communities/{ref}/elimination/announce', policy: 'operate', audit: 'elimination.announce', scope: communityOf },
  { method: 'POST', path: '/api/v1/communities/{ref}/elimination/execute', policy: 'operate', audit: 'elimination.execute', scope: communityOf },
  { method: 'PUT', path: '/api/v1/communities/{ref}/blueprint', policy: 'operate', audit: 'community.blueprint', scope: communityOf },
  { method: 'POST', path: '/api/v1/members/{id}/tags', policy: 'operate', audit: 'member.tags', scope: memberOf },
  // the workspace as a whole (owners)
  { method: 'POST', path: '/api/v1/events', policy: 'owner', audit: 'ledger.ingest' },
  { method: 'POST', path: '/api/v1/import/members', policy: 'owner', audit: 'import.members' },
  { method: 'POST', path: '/api/v1/import/orders', policy: 'owner', audit: 'import.orders' },
  { method: 'PUT', path: '/api/v1/workspace', policy: 'owner', audit: 'workspace.update' },
  { method: 'GET', path: '/api/v1/users', policy: 'owner' },
  { method: 'POST', path: '/api/v1/users', policy: 'owner', audit: 'user.create' },
  { method: 'PATCH', path: '/api/v1/users/{id}', policy: 'owner', audit: 'user.update' },
  { method: 'DELETE', path: '/api/v1/users/{id}', policy: 'owner', audit: 'user.delete' },
  { method: 'GET', path: '/api/v1/tokens', policy: 'owner' },
  { method: 'POST', path: '/api/v1/tokens', policy: 'owner', audit: 'token.create' },
  { method: 'DELETE', path: '/api/v1/tokens/{id}', policy: 'owner', audit: 'token.revoke' },
  { method: 'GET', path: '/api/v1/audit', policy: 'owner' },
];

interface Compiled { rule: RoutePolicy; re: RegExp; names: string[] }

const compiled: Compiled[] = ROUTE_POLICIES.map((rule) => {
  const names: string[] = [];
  const re = new RegExp('^' + rule.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, n: string) => { names.push(n); return '([^/]+)'; }) + '/?$');
  return { rule, re, names };
});

/** The policy of a request, with its path parameters; literal paths win over patterns (communities/health over {ref}). */
export function policyFor(method: string, path: string): { rule: RoutePolicy; params: Record<string, string> } | null {
  const m = method === 'HEAD' ? 'GET' : method;
  let best: { rule: RoutePolicy; params: Record<string, string> } | null = null;
  for (const c of compiled) {
    if (c.rule.method !== m) continue;
    const hit = c.re.exec(path);
    if (!hit) continue;
    const params = Object.fromEntries(c.names.map((n, i) => [n, safeDecode(hit[i + 1]!)]));
    if (c.names.length === 0) return { rule: c.rule, params };
    best ??= { rule: c.rule, params };
  }
  return best;
}

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}
