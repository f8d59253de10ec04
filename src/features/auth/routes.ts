// Signing in: status, the one-time owner setup, login (throttled), logout. Sessions are httpOnly SameSite=Strict cookies.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { JSON_OK, jsonBody } from '../../http/openapi.js';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppContext } from '../../context.js';
import { errorJson } from '../../http/errors.js';
import { clientIp, SESSION_COOKIE } from '../../http/access.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import {
  countUsers, createSession, deleteSession, deleteUser, findUser, insertUser, markLogin, recentFailures, recordAudit, SESSION_DAYS,
  settleAttempt, throttledRecently,
} from './repository.js';

/**
 * Failed sign-ins allowed per 15 minutes: per name from one address (guessing), per name from everywhere (a
 * distributed guess; looser, so a stranger cannot lock a user out cheaply), and per address over all names.
 */
export const THROTTLE = { windowMs: 15 * 60_000, perNameAndIp: 5, perName: 50, perIp: 20 };

// Check-and-count happens under a per-name lock, so parallel attempts cannot all pass the check before any is
// counted (within one server; several servers share the count through the audit log).
const nameLocks = new Map<string, Promise<unknown>>();
function underNameLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const prev = nameLocks.get(name) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const settled = run.catch(() => undefined);
  nameLocks.set(name, settled);
  void settled.then(() => { if (nameLocks.get(name) === settled) nameLocks.delete(name); });
  return run;
}

export const usernameSchema = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ - only');
const credentials = z.object({ username: usernameSchema, password: z.string().min(1).max(200) });

const routes = {
  status: createRoute({ method: 'get', path: '/api/v1/auth/status', tags: ['auth'], summary: 'Who is signed in; whether the owner must still be set up', responses: JSON_OK }),
  setup: createRoute({ method: 'post', path: '/api/v1/auth/setup', tags: ['auth'], summary: 'Create the first owner (only while no user exists)', responses: JSON_OK, request: { body: jsonBody(credentials) } }),
  login: createRoute({ method: 'post', path: '/api/v1/auth/login', tags: ['auth'], summary: 'Sign in (sets the session cookie)', responses: JSON_OK, request: { body: jsonBody(credentials) } }),
  logout: createRoute({ method: 'post', path: '/api/v1/auth/logout', tags: ['auth'], summary: 'Sign out', responses: JSON_OK }),
};

function startSession(c: Context, ctx: AppContext, userId: number) {
  return createSession(ctx.database.db, userId, { ip: clientIp(c, ctx.env.trustProxy), userAgent: c.req.header('user-agent') ?? null }).then(({ secret }) => {
    const https = new URL(c.req.url).protocol === 'https:' || (ctx.env.trustProxy && c.req.header('x-forwarded-proto') === 'https');
    setCookie(c, SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'Strict', path: '/', secure: https, maxAge: SESSION_DAYS * 86_400 });
  });
}

export function registerAuthRoutes(app: OpenAPIHono, ctx: AppContext): void {
  const db = ctx.database.db;
  const meta = (c: Context) => ({ ip: clientIp(c, ctx.env.trustProxy), userAgent: c.req.header('user-agent') ?? null });

  app.openapi(routes.status, async (c) => {
    const p = c.get('principal');
    const demo = await db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst();
    const { name } = await ctx.settings();
    return c.json({
      setup_required: (await countUsers(db)) === 0, demo: demo?.value === 'loaded', workspace: name,
      user: p ? { id: p.userId, username: p.username, role: p.role, communities: p.communities } : null,
    }, 200);
  });

  app.openapi(routes.setup, async (c) => {
    const { username, password } = c.req.valid('json');
    if ((await countUsers(db)) > 0) return errorJson(c, 409, 'already_set_up', 'the owner is already set up: sign in instead');
    const weak = passwordProblem(password);
    if (weak) return errorJson(c, 400, 'invalid_request', weak, [weak]);
    const user = await insertUser(db, { username, passwordHash: await hashPassword(password), role: 'owner' });
    // Two set-ups racing: the later one undoes itself.
    if ((await countUsers(db)) > 1) {
      await deleteUser(db, user.id);
      return errorJson(c, 409, 'already_set_up', 'the owner is already set up: sign in instead');
    }
    await recordAudit(db, { userId: user.id, actor: user.username, action: 'auth.setup', target: `user ${user.id}`, status: 200, ...meta(c) });
    await startSession(c, ctx, user.id);
    return c.json({ user: { id: user.id, username: user.username, role: user.role, communities: user.communities } }, 200);
  });

  app.openapi(routes.login, async (c) => {
    const { username, password } = c.req.valid('json');
    const m = meta(c);
    const now = Date.now();
    // Every attempt is counted as a failure before the (slow) password check, and turned into a success after it.
    const attempt = await underNameLock(username, async () => {
      const f = await recentFailures(db, now - THROTTLE.windowMs, username, m.ip);
      if (f.byNameAndIp >= THROTTLE.perNameAndIp || f.byName >= THROTTLE.perName || f.byIp >= THROTTLE.perIp) return null;
      return recordAudit(db, { userId: null, actor: username, action: 'auth.login_failed', status: 401, ...m });
    });
    if (attempt === null) {
      c.header('Retry-After', String(THROTTLE.windowMs / 1000));
      // One throttled row per name, address and minute: a flood does not grow the log without bound.
      if (!(await throttledRecently(db, username, m.ip, now - 60_000))) {
        await recordAudit(db, { userId: null, actor: username, action: 'auth.login_throttled', status: 429, ...m });
      }
      return errorJson(c, 429, 'rate_limited', `too many failed sign-ins: try again in ${THROTTLE.windowMs / 60_000} minutes`);
    }
    const user = await findUser(db, { username });
    const ok = await verifyPassword(password, user?.password_hash ?? null);
    if (!user || !ok || user.disabled) {
      if (user) await settleAttempt(db, attempt, { userId: user.id, action: 'auth.login_failed', status: 401 });
      return errorJson(c, 401, 'invalid_credentials', 'wrong username or password');
    }
    await settleAttempt(db, attempt, { userId: user.id, action: 'auth.login', status: 200 });
    await markLogin(db, user.id);
    await startSession(c, ctx, user.id);
    return c.json({ user: { id: user.id, username: user.username, role: user.role, communities: user.communities } }, 200);
  });

  app.openapi(routes.logout, async (c) => {
    const secret = getCookie(c, SESSION_COOKIE);
    const p = c.get('principal');
    if (secret) await deleteSession(db, secret);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    if (p) await recordAudit(db, { userId: p.userId, actor: p.username, action: 'auth.logout', status: 200, ...meta(c) });
    return c.json({ ok: true }, 200);
  });
}
