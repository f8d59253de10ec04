// Owners manage accounts here: users and their roles, API tokens (shown once, stored hashed), the audit log.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { JSON_OK_404, jsonBody } from '../../http/openapi.js';
import type { AppContext } from '../../context.js';
import { errorJson } from '../../http/errors.js';
import { ROLES, roleAtMost } from '../../domain/auth/roles.js';
import { hashPassword, passwordProblem } from './password.js';
import { createToken, deleteUserIn, findUser, insertUser, keepingAnOwner, LastOwnerError, listAudit, listTokens, listUsers, revokeToken, updateUser, UserExistsError } from './repository.js';
import { usernameSchema } from './routes.js';

const idParam = z.object({ id: z.coerce.number().int().positive() });
const role = z.enum(ROLES);
const communities = z.array(z.number().int().positive()).max(1000);

const routes = {
  users: createRoute({ method: 'get', path: '/api/v1/users', tags: ['accounts'], summary: 'Users and their roles', responses: JSON_OK_404 }),
  addUser: createRoute({ method: 'post', path: '/api/v1/users', tags: ['accounts'], summary: 'Add a user', responses: JSON_OK_404,
    request: { body: jsonBody(z.object({ username: usernameSchema, password: z.string().max(200), role, communities: communities.optional() })) } }),
  patchUser: createRoute({ method: 'patch', path: '/api/v1/users/{id}', tags: ['accounts'], summary: 'Change a role, communities or password; disable', responses: JSON_OK_404,
    request: { params: idParam, body: jsonBody(z.object({ role: role.optional(), communities: communities.optional(), password: z.string().max(200).optional(), disabled: z.boolean().optional() })) } }),
  deleteUser: createRoute({ method: 'delete', path: '/api/v1/users/{id}', tags: ['accounts'], summary: 'Remove a user (their tokens are revoked)', responses: JSON_OK_404, request: { params: idParam } }),
  tokens: createRoute({ method: 'get', path: '/api/v1/tokens', tags: ['accounts'], summary: 'API tokens (never the secret)', responses: JSON_OK_404 }),
  addToken: createRoute({ method: 'post', path: '/api/v1/tokens', tags: ['accounts'], summary: 'Create an API token; the answer is the only time it is shown', responses: JSON_OK_404,
    request: { body: jsonBody(z.object({ name: z.string().trim().min(1).max(100), role })) } }),
  revoke: createRoute({ method: 'delete', path: '/api/v1/tokens/{id}', tags: ['accounts'], summary: 'Revoke an API token', responses: JSON_OK_404, request: { params: idParam } }),
  audit: createRoute({ method: 'get', path: '/api/v1/audit', tags: ['accounts'], summary: 'The audit log: who changed what, when, from where', responses: JSON_OK_404,
    request: { query: z.object({ actor: z.string().optional(), action: z.string().optional(), page: z.coerce.number().int().min(1).default(1), page_size: z.coerce.number().int().min(1).max(500).default(50) }) } }),
};

async function unknownCommunities(ctx: AppContext, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = new Set((await ctx.database.db.selectFrom('communities').select('id').where('id', 'in', [...ids]).execute()).map((r) => Number(r.id)));
  return ids.filter((i) => !found.has(i));
}

export function registerAdminRoutes(app: OpenAPIHono, ctx: AppContext): void {
  const db = ctx.database.db;
  const lockRows = ctx.database.dialect === 'postgres';
  app.openapi(routes.users, async (c) => c.json({ items: await listUsers(db) }, 200));

  app.openapi(routes.addUser, async (c) => {
    const b = c.req.valid('json');
    const weak = passwordProblem(b.password);
    if (weak) return errorJson(c, 400, 'invalid_request', weak, [weak]);
    const missing = await unknownCommunities(ctx, b.communities ?? []);
    if (missing.length > 0) return errorJson(c, 400, 'invalid_request', `communities: unknown id ${missing.join(', ')}`);
    try {
      const user = await insertUser(db, { username: b.username, passwordHash: await hashPassword(b.password), role: b.role, communities: b.communities });
      return c.json(user, 200);
    } catch (err) {
      if (err instanceof UserExistsError) return errorJson(c, 409, 'conflict', `username: ${err.message}`);
      throw err;
    }
  });

  app.openapi(routes.patchUser, async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const user = await findUser(db, { id });
    if (!user) return errorJson(c, 404, 'not_found', `user ${id} not found`);
    if (b.password !== undefined) {
      const weak = passwordProblem(b.password);
      if (weak) return errorJson(c, 400, 'invalid_request', weak, [weak]);
    }
    const missing = await unknownCommunities(ctx, b.communities ?? []);
    if (missing.length > 0) return errorJson(c, 400, 'invalid_request', `communities: unknown id ${missing.join(', ')}`);
    const passwordHash = b.password === undefined ? undefined : await hashPassword(b.password);
    // The workspace never loses its last owner.
    try {
      await keepingAnOwner(db, lockRows, (trx) => updateUser(trx, id, { role: b.role, communities: b.communities, disabled: b.disabled, passwordHash }));
    } catch (err) {
      if (err instanceof LastOwnerError) return errorJson(c, 409, 'last_owner', err.message);
      throw err;
    }
    const { password_hash: _, ...after } = (await findUser(db, { id }))!;
    return c.json(after, 200);
  });

  app.openapi(routes.deleteUser, async (c) => {
    const { id } = c.req.valid('param');
    const user = await findUser(db, { id });
    if (!user) return errorJson(c, 404, 'not_found', `user ${id} not found`);
    if (c.get('principal')?.userId === id) return errorJson(c, 409, 'conflict', 'you cannot remove yourself');
    try {
      await keepingAnOwner(db, lockRows, (trx) => deleteUserIn(trx, id));
    } catch (err) {
      if (err instanceof LastOwnerError) return errorJson(c, 409, 'last_owner', err.message);
      throw err;
    }
    return c.json({ ok: true, id }, 200);
  });

  app.openapi(routes.tokens, async (c) => c.json({ items: await listTokens(db) }, 200));

  app.openapi(routes.addToken, async (c) => {
    const b = c.req.valid('json');
    const p = c.get('principal')!;
    const { token, id } = await createToken(db, { name: b.name, userId: p.userId, role: roleAtMost(b.role, p.role) });
    const item = (await listTokens(db)).find((t) => t.id === id);
    return c.json({ token, item }, 200);
  });

  app.openapi(routes.revoke, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await revokeToken(db, id))) return errorJson(c, 404, 'not_found', `token ${id} not found or already revoked`);
    return c.json({ ok: true, id }, 200);
  });

  app.openapi(routes.audit, async (c) => {
    const q = c.req.valid('query');
    return c.json(await listAudit(db, { page: q.page, pageSize: q.page_size, actor: q.actor, action: q.action }), 200);
  });
}
