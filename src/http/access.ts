// Every /api request passes here: whether the path and method exist (404 / 405), who is calling (session cookie or
// API token; wrong tokens are throttled per address), whether a browser request comes from our own site, whether
// their role may call the route (its declared policy, src/http/policy.ts), and, for state-changing routes, an audit
// entry with the outcome.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Schema } from '../storage/schema.js';
import { refusal, type Principal } from '../domain/auth/roles.js';
import { principalForSession, principalForToken, recordAudit } from '../features/auth/repository.js';
import type { ProxyTrust } from '../config/env.js';
import { errorJson } from './errors.js';
import type { PolicyTable } from './policy.js';
import { SCOPES } from './scopes.js';
import { addressKey, clientAddress, requestedHost } from './client.js';
import { throttled, type FailureThrottle } from './throttle.js';

export const SESSION_COOKIE = 'qunyun_session';

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal | null;
    via: 'cookie' | 'token' | null;
  }
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

export interface AccessOptions {
  trustProxy: ProxyTrust;
  /** QUNYUN_PUBLIC_ORIGIN: origins whose pages may change state (besides the one the request was sent to). */
  publicOrigins: readonly string[];
  /** Counts wrong API tokens per address (src/http/throttle.ts). */
  tokenThrottle: FailureThrottle;
}

// Cookies are SameSite=Strict; a cross-site page that still gets a request through is refused by its Origin. This
// applies to every browser-borne change — the public setup and sign-in too — but not to API tokens, which no
// browser sends by itself. A request without Origin is not from a browser page (browsers send it on POST).
function crossSite(c: Context, o: AccessOptions): boolean {
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return origin === 'null';
  if (o.publicOrigins.includes(origin.toLowerCase())) return false;
  try {
    return new URL(origin).host !== requestedHost(c, o.trustProxy).toLowerCase();
  } catch {
    return true;
  }
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods a path is served with (HEAD with GET), for a 405's Allow header; [] for an unknown path. */
export function allowedMethods(table: PolicyTable, path: string): string[] {
  const found: string[] = METHODS.filter((m) => table.find(m, path) !== null);
  return found.includes('GET') ? [...found, 'HEAD'] : found;
}

/** 405 with Allow for a known path asked with another method; 404 for a path not served at all. */
export function unservedAnswer(c: Context, allowed: string[]) {
  // A path that only looks like a served one (a trailing slash, an empty segment) is not served with any method.
  if (allowed.length === 0 || allowed.includes(c.req.method)) return errorJson(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`);
  c.header('Allow', allowed.join(', '));
  return errorJson(c, 405, 'method_not_allowed', `${c.req.method} is not served at ${c.req.path}; use ${allowed.join(' or ')}`);
}

export function access(db: Kysely<Schema>, o: AccessOptions, table: () => PolicyTable): MiddlewareHandler {
  return async (c, next) => {
    const found = table().find(c.req.method, c.req.path);
    // A path without a policy is not served at all (a route added without one stays shut; a test checks the table).
    if (!found) return unservedAnswer(c, allowedMethods(table(), c.req.path));
    const { rule, params } = found;
    const ip = clientAddress(c, o.trustProxy);
    const presentsToken = c.req.header('authorization') !== undefined;
    if (presentsToken) {
      const wait = o.tokenThrottle.retryAfter(addressKey(ip));
      if (wait !== null) return throttled(c, wait);
    }
    const who = await identify(c, db);
    if (presentsToken && who.via !== 'token') o.tokenThrottle.fail(addressKey(ip));
    c.set('principal', who.principal);
    c.set('via', who.via);
    const p = who.principal;
    const meta = p && { userId: p.userId, actor: actorName(p), ip, userAgent: c.req.header('user-agent') ?? null };
    const target = Object.keys(params).length > 0 ? c.req.path : null;
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && who.via !== 'token' && crossSite(c, o)) {
      if (meta && rule.audit)
        await recordAudit(db, { ...meta, action: `${rule.audit}.denied`, target, status: 403, details: { cross_site: c.req.header('origin') } });
      return errorJson(c, 403, 'cross_site', 'a state-changing request from another site is refused');
    }
    if (rule.policy === 'public') return next();
    if (!p || !meta) return errorJson(c, 401, 'unauthorized', who.bad ?? 'sign in, or send an API token (Authorization: Bearer …)');
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
