// Signing in: status, the one-time owner setup, login (throttled), logout. Sessions are httpOnly SameSite=Strict cookies.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppContext } from '../../context.js';
import { ConflictError, RateLimitedError, UnauthorizedError } from '../../domain/errors.js';
import { ErrorAnswer } from '../../http/errors.js';
import { defineRoute, jsonAnswer, jsonBody } from '../../http/route.js';
import { SESSION_COOKIE } from '../../http/access.js';
import { clientAddress, overHttps } from '../../http/client.js';
import { devices } from './device.js';
import { hashPassword, requireGoodPassword, verifyPassword } from './password.js';
import {
  countUsers,
  createSession,
  deleteSession,
  deleteUser,
  findUser,
  insertUser,
  markLogin,
  recentFailures,
  recordAudit,
  SESSION_DAYS,
  settleAttempt,
  throttledRecently,
} from './repository.js';
import { AuthStatus, SignedIn, usernameSchema } from './schemas.js';

export { usernameSchema }; // `qunyun users` checks names with it too

/**
 * Failed sign-ins allowed per 15 minutes (docs/decisions.md, "Sign-in throttling"). From a browser that is not a
 * known device for the name: per name from one address (the lockout: only that name, only there), per name from
 * everywhere (a distributed guess), and per address over all names (a spray; loose, as one NAT may hide a whole
 * office). From a known device (device.ts): only that device's own failures for the name count.
 */
export const THROTTLE = { windowMs: 15 * 60_000, perNameAndIp: 5, perName: 50, perIp: 100, perNameAndDevice: 5 };

// Check-and-count happens under a per-name lock, so parallel attempts cannot all pass the check before any is
// counted (within one server; several servers share the count through the audit log).
const nameLocks = new Map<string, Promise<unknown>>();
function underNameLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const prev = nameLocks.get(name) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const settled = run.catch(() => undefined);
  nameLocks.set(name, settled);
  void settled.then(() => {
    if (nameLocks.get(name) === settled) nameLocks.delete(name);
  });
  return run;
}

const credentials = z.object({ username: usernameSchema, password: z.string().min(1).max(200) });

const routes = {
  status: defineRoute(
    { policy: 'public' },
    {
      method: 'get',
      path: '/api/v1/auth/status',
      tags: ['auth'],
      summary: 'Who is signed in; whether the owner must still be set up',
      responses: jsonAnswer(AuthStatus),
    },
  ),
  setup: defineRoute(
    { policy: 'public', errors: [409, 415] },
    {
      method: 'post',
      path: '/api/v1/auth/setup',
      tags: ['auth'],
      summary: 'Create the first owner (only while no user exists); signs them in',
      request: { body: jsonBody(credentials) },
      responses: jsonAnswer(SignedIn, 'The new owner, signed in (session cookie set)'),
    },
  ),
  login: defineRoute(
    { policy: 'public', errors: [415] },
    {
      method: 'post',
      path: '/api/v1/auth/login',
      tags: ['auth'],
      summary: 'Sign in (sets the session cookie)',
      request: { body: jsonBody(credentials) },
      responses: {
        ...jsonAnswer(SignedIn, 'Signed in (session cookie set)'),
        401: { description: 'Wrong username or password, or a disabled user', content: { 'application/json': { schema: ErrorAnswer } } },
        429: {
          description: 'Too many failed sign-ins for this name or address',
          content: { 'application/json': { schema: ErrorAnswer } },
          headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
        },
      },
    },
  ),
  logout: defineRoute(
    { policy: 'public' },
    {
      method: 'post',
      path: '/api/v1/auth/logout',
      tags: ['auth'],
      summary: 'Sign out (ends the session, clears the cookie)',
      responses: jsonAnswer(z.object({ ok: z.literal(true) }).openapi('SignedOut')),
    },
  ),
};

const alreadySetUp = () => new ConflictError('the owner is already set up: sign in instead', 'already_set_up');

function startSession(c: Context, ctx: AppContext, userId: number) {
  const ip = clientAddress(c, ctx.env.trustProxy);
  return createSession(ctx.database.db, userId, { ip, userAgent: c.req.header('user-agent') ?? null }).then(({ secret }) => {
    const secure = overHttps(c, ctx.env.trustProxy);
    setCookie(c, SESSION_COOKIE, secret, { httpOnly: true, sameSite: 'Strict', path: '/', secure, maxAge: SESSION_DAYS * 86_400 });
  });
}

export function registerAuthRoutes(app: OpenAPIHono, ctx: AppContext): void {
  const db = ctx.database.db;
  const meta = (c: Context) => ({ ip: clientAddress(c, ctx.env.trustProxy), userAgent: c.req.header('user-agent') ?? null });
  const known = devices(db);

  app.openapi(routes.status, async (c) => {
    const p = c.get('principal');
    const demo = await db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst();
    const { name } = await ctx.settings();
    return c.json(
      {
        setup_required: (await countUsers(db)) === 0,
        demo: demo?.value === 'loaded',
        workspace: name,
        user: p ? { id: p.userId, username: p.username, role: p.role, communities: [...p.communities] } : null,
      },
      200,
    );
  });

  app.openapi(routes.setup, async (c) => {
    const { username, password } = c.req.valid('json');
    if ((await countUsers(db)) > 0) throw alreadySetUp();
    requireGoodPassword(password);
    const user = await insertUser(db, { username, passwordHash: await hashPassword(password), role: 'owner' });
    // Two set-ups racing: the later one undoes itself.
    if ((await countUsers(db)) > 1) {
      await deleteUser(db, user.id);
      throw alreadySetUp();
    }
    await recordAudit(db, { userId: user.id, actor: user.username, action: 'auth.setup', target: `user ${user.id}`, status: 200, ...meta(c) });
    await startSession(c, ctx, user.id);
    return c.json({ user: { id: user.id, username: user.username, role: user.role, communities: user.communities } }, 200);
  });

  app.openapi(routes.login, async (c) => {
    const { username, password } = c.req.valid('json');
    const m = meta(c);
    const now = Date.now();
    const device = await known.known(c, username);
    // Every attempt is counted as a failure before the (slow) password check, and turned into a success after it.
    const attempt = await underNameLock(username, async () => {
      const f = await recentFailures(db, now - THROTTLE.windowMs, username, m.ip, device);
      // A known device within its own budget is counted apart (target "device:…"); past it, it is a stranger.
      const trusted = device !== null && f.byNameAndDevice < THROTTLE.perNameAndDevice;
      if (!trusted && (f.byNameAndIp >= THROTTLE.perNameAndIp || f.byName >= THROTTLE.perName || f.byIp >= THROTTLE.perIp)) return null;
      const target = trusted ? `device:${device}` : null;
      return recordAudit(db, { userId: null, actor: username, action: 'auth.login_failed', target, status: 401, ...m });
    });
    if (attempt === null) {
      c.header('Retry-After', String(THROTTLE.windowMs / 1000));
      // One throttled row per name, address and minute: a flood does not grow the log without bound.
      if (!(await throttledRecently(db, username, m.ip, now - 60_000))) {
        await recordAudit(db, { userId: null, actor: username, action: 'auth.login_throttled', status: 429, ...m });
      }
      throw new RateLimitedError(`too many failed sign-ins: try again in ${THROTTLE.windowMs / 60_000} minutes`);
    }
    const user = await findUser(db, { username });
    const ok = await verifyPassword(password, user?.password_hash ?? null);
    if (!user || !ok || user.disabled) {
      if (user) await settleAttempt(db, attempt, { userId: user.id, action: 'auth.login_failed', status: 401 });
      throw new UnauthorizedError('wrong username or password', 'invalid_credentials');
    }
    await settleAttempt(db, attempt, { userId: user.id, action: 'auth.login', status: 200 });
    await markLogin(db, user.id);
    await startSession(c, ctx, user.id);
    await known.remember(c, username, overHttps(c, ctx.env.trustProxy));
    return c.json({ user: { id: user.id, username: user.username, role: user.role, communities: user.communities } }, 200);
  });

  app.openapi(routes.logout, async (c) => {
    const secret = getCookie(c, SESSION_COOKIE);
    const p = c.get('principal');
    if (secret) await deleteSession(db, secret);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    if (p) await recordAudit(db, { userId: p.userId, actor: p.username, action: 'auth.logout', status: 200, ...meta(c) });
    return c.json({ ok: true as const }, 200);
  });
}
