// TRANSITION ONLY: the policies of routes not yet declared with defineRoute (src/http/route.ts). A route that
// declares its own policy wins; this file goes once every route carries its policy beside it.
import type { RoutePolicy } from './policy.js';

export const LEGACY_POLICIES: readonly RoutePolicy[] = [
  // signing in
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
  { method: 'POST', path: '/api/v1/actions/{id}/undo', policy: 'operate', audit: 'action.undo', scope: 'action' },
  { method: 'POST', path: '/api/v1/actions/{id}/retry', policy: 'operate', audit: 'action.retry', scope: 'action' },
  { method: 'POST', path: '/api/v1/rules/{key}/toggle', policy: 'operate', audit: 'rule.toggle', scope: 'rule' },
  { method: 'POST', path: '/api/v1/communities/{ref}/elimination/announce', policy: 'operate', audit: 'elimination.announce', scope: 'community' },
  { method: 'POST', path: '/api/v1/communities/{ref}/elimination/execute', policy: 'operate', audit: 'elimination.execute', scope: 'community' },
  { method: 'PUT', path: '/api/v1/communities/{ref}/blueprint', policy: 'operate', audit: 'community.blueprint', scope: 'community' },
  { method: 'POST', path: '/api/v1/members/{id}/tags', policy: 'operate', audit: 'member.tags', scope: 'member' },
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
