// Every /api request passes here: who is calling (session cookie or API token), whether their role may call
// the route (its declared policy, src/http/policy.ts), and, for state-changing routes, an audit entry with the outcome.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Schema } from '../storage/schema.js';
import { refusal, type Principal } from '../domain/auth/roles.js';
import { principalForSession, principalForToken, recordAudit } from '../features/auth/repository.js';
import { errorJson } from './errors.js';
import type { PolicyTable } from './policy.js';
import { SCOPES } from './scopes.js';

export const SESSION_COOKIE = 'qunyun_session';

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal | null;
    via: 'cookie' | 'token' | null;
  }
}

/** The caller's address: the socket's, or the first X-Forwarded-For hop behind a proxy the operator trusts. */
export function clientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    // The last hop is the one our proxy added; earlier ones are whatever the client claimed.
    const fwd = c.req
      .header('x-forwarded-for')
      ?.split(',')
      .map((h) => h.trim())
      .filter(Boolean)
      .pop();
    if (fwd) return fwd.slice(0, 64);
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? null;
}

export const actorName = (p: Principal) => (p.token ? `token:${p.token.name} (${p.username})` : p.username);

async function identify(c: Context, db: Kysely<Schema>): Promise<{ principal: Principal | null; via: 'cookie' | 'token' | null; bad?: string }> {
  const auth = c.req.header('authorization');
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m) return { principal: null, via: null, bad: 'Authorization: expected "Bearer <token>"' };
    const p = await principalForToken(db, m[1]!);
    return p ? { principal: p, via: 'token' } : { principal: null, via: null, bad: 'the API token is unknown or revoked' };
  }
  const secret = getCookie(c, SESSION_COOKIE);
  if (secret) {
    const p = await principalForSession(db, secret);
    if (p) return { principal: p, via: 'cookie' };
  }
  return { principal: null, via: null };
}

// Cookies are SameSite=Strict; a cross-site page that still gets a request through is refused by its Origin.
function crossSite(c: Context, trustProxy: boolean): boolean {
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return origin === 'null';
  // Behind a proxy the browser's host is the proxy's X-Forwarded-Host, not the Host it sends us.
  const host = (trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined) ?? c.req.header('host') ?? new URL(c.req.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export function access(db: Kysely<Schema>, opts: { trustProxy: boolean }, table: () => PolicyTable): MiddlewareHandler {
  return async (c, next) => {
    const found = table().find(c.req.method, c.req.path);
    // A path without a policy is not served at all (a route added without one stays shut; a test checks the table).
    if (!found) return errorJson(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`);
    const { rule, params } = found;
    const who = await identify(c, db);
    c.set('principal', who.principal);
    c.set('via', who.via);
    if (rule.policy === 'public') return next();
    if (!who.principal) return errorJson(c, 401, 'unauthorized', who.bad ?? 'sign in, or send an API token (Authorization: Bearer …)');
    const p = who.principal;
    const meta = { userId: p.userId, actor: actorName(p), ip: clientIp(c, opts.trustProxy), userAgent: c.req.header('user-agent') ?? null };
    const target = Object.keys(params).length > 0 ? c.req.path : null;
    if (who.via === 'cookie' && c.req.method !== 'GET' && c.req.method !== 'HEAD' && crossSite(c, opts.trustProxy)) {
      if (rule.audit)
        await recordAudit(db, { ...meta, action: `${rule.audit}.denied`, target, status: 403, details: { cross_site: c.req.header('origin') } });
      return errorJson(c, 403, 'cross_site', 'a state-changing request from another site is refused');
    }
    // An unknown or ambiguous target throws the typed error, answered as the route itself would.
    const scope = rule.policy === 'operate' && p.role === 'operator' && rule.scope ? await SCOPES[rule.scope](db, params) : undefined;
    const why = refusal(p, rule.policy, scope);
    if (why !== null) {
      if (rule.audit) await recordAudit(db, { ...meta, action: `${rule.audit}.denied`, target, status: 403 });
      return errorJson(c, 403, 'forbidden', `${why} (signed in as ${p.username}, role ${p.role})`);
    }
    if (!rule.audit) return next();
    const details = await auditDetails(c);
    await next();
    await recordAudit(db, { ...meta, action: rule.audit, target, status: c.res.status, details });
  };
}

// A JSON body is kept (passwords blanked); files and streams are described by type and size only.
async function auditDetails(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  const length = Number(c.req.header('content-length') ?? NaN);
  if (!type.includes('application/json') || length > 16_384) {
    return Number.isFinite(length) || type ? { content_type: type || null, bytes: Number.isFinite(length) ? length : null } : undefined;
  }
  try {
    const text = await c.req.raw.clone().text();
    if (text.length > 16_384) return { content_type: type, bytes: text.length };
    return JSON.parse(text, (k, v) => (/password/i.test(k) ? '***' : v));
  } catch {
    return undefined;
  }
}
