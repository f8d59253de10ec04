// Owners manage accounts here: users and their roles, API tokens (shown once, stored hashed), the audit log.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.js';
import { defineRoute, jsonAnswer, jsonBody, pageQuery } from '../../http/route.js';
import { ROLES, roleAtMost } from '../../domain/auth/roles.js';
import { hashPassword, requireGoodPassword } from './password.js';
import {
  createToken,
  deleteUserIn,
  findToken,
  findUser,
  insertUser,
  keepingAnOwner,
  listAudit,
  listTokens,
  listUsers,
  revokeToken,
  updateUser,
} from './repository.js';
import { idParam as idParamOf } from '../../http/params.js';
import { AuditPage, NewToken, Removed, Token, User, usernameSchema } from './schemas.js';

const idParam = z.object({ id: idParamOf('Our id of the user or token') });
const role = z.enum(ROLES);
const communities = z.array(z.number().int().positive()).max(1000).openapi({ description: 'Our community ids an operator acts on' });
const pii = z.boolean().openapi({ description: 'Sees phone numbers in full (owners always do); default false' });
const owner = (audit?: string, errors?: readonly (409 | 415)[]) => ({ policy: 'owner' as const, audit, errors });

const routes = {
  users: defineRoute(owner(), {
    method: 'get',
    path: '/api/v1/users',
    tags: ['accounts'],
    summary: 'Users and their roles',
    responses: jsonAnswer(z.object({ items: z.array(User) }).openapi('UserList')),
  }),
  addUser: defineRoute(owner('user.create', [409, 415]), {
    method: 'post',
    path: '/api/v1/users',
    tags: ['accounts'],
    summary: 'Add a user',
    request: {
      body: jsonBody(
        z.object({ username: usernameSchema, password: z.string().max(200), role, communities: communities.optional(), pii: pii.optional() }),
      ),
    },
    responses: jsonAnswer(User, 'The new user'),
  }),
  patchUser: defineRoute(owner('user.update', [409, 415]), {
    method: 'patch',
    path: '/api/v1/users/{id}',
    tags: ['accounts'],
    summary: 'Change a role, communities, the pii permission or password; disable (ends their sessions)',
    request: {
      params: idParam,
      body: jsonBody(
        z.object({
          role: role.optional(),
          communities: communities.optional(),
          password: z.string().max(200).optional(),
          disabled: z.boolean().optional(),
          pii: pii.optional(),
        }),
      ),
    },
    responses: jsonAnswer(User, 'The user now'),
  }),
  deleteUser: defineRoute(owner('user.delete', [409]), {
    method: 'delete',
    path: '/api/v1/users/{id}',
    tags: ['accounts'],
    summary: 'Remove a user (their tokens are revoked)',
    request: { params: idParam },
    responses: jsonAnswer(Removed, 'Removed'),
  }),
  tokens: defineRoute(owner(), {
    method: 'get',
    path: '/api/v1/tokens',
    tags: ['accounts'],
    summary: 'API tokens (never the secret)',
    responses: jsonAnswer(z.object({ items: z.array(Token) }).openapi('TokenList')),
  }),
  addToken: defineRoute(owner('token.create', [415]), {
    method: 'post',
    path: '/api/v1/tokens',
    tags: ['accounts'],
    summary: 'Create an API token; the answer is the only time it is shown',
    request: {
      body: jsonBody(z.object({ name: z.string().trim().min(1).max(100), role: role.openapi({ description: 'Capped at your own role' }) })),
    },
    responses: jsonAnswer(NewToken, 'The token, with its secret'),
  }),
  revoke: defineRoute(owner('token.revoke'), {
    method: 'delete',
    path: '/api/v1/tokens/{id}',
    tags: ['accounts'],
    summary: 'Revoke an API token',
    request: { params: idParam },
    responses: jsonAnswer(Removed, 'Revoked'),
  }),
  audit: defineRoute(owner(), {
    method: 'get',
    path: '/api/v1/audit',
    tags: ['accounts'],
    summary: 'The audit log: who changed what, when, from where (newest first)',
    request: {
      query: z.object({
        actor: z.string().optional(),
        action: z.string().optional(),
        ...pageQuery(),
      }),
    },
    responses: jsonAnswer(AuditPage),
  }),
};

/** Refuses community ids that do not exist, naming them. */
async function requireCommunities(ctx: AppContext, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set(
    (
      await ctx.database.db
        .selectFrom('communities')
        .select('id')
        .where('id', 'in', [...ids])
        .execute()
    ).map((r) => Number(r.id)),
  );
  const missing = ids.filter((i) => !found.has(i));
  if (missing.length > 0) throw new InvalidInputError(`unknown id ${missing.join(', ')}`, { field: 'communities' });
}

export function registerAdminRoutes(app: OpenAPIHono, ctx: AppContext): void {
  const db = ctx.database.db;
  const lockRows = ctx.database.dialect === 'postgres';
  const existingUser = async (id: number) => {
    const user = await findUser(db, { id });
    if (!user) throw new NotFoundError(`user ${id} not found`);
    return user;
  };

  app.openapi(routes.users, async (c) => c.json({ items: await listUsers(db) }, 200));

  app.openapi(routes.addUser, async (c) => {
    const b = c.req.valid('json');
    requireGoodPassword(b.password);
    await requireCommunities(ctx, b.communities ?? []);
    // A name already taken is a conflict (UserExistsError).
    return c.json(
      await insertUser(db, {
        username: b.username,
        passwordHash: await hashPassword(b.password),
        role: b.role,
        communities: b.communities,
        pii: b.pii,
      }),
      200,
    );
  });

  app.openapi(routes.patchUser, async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    await existingUser(id);
    if (b.password !== undefined) requireGoodPassword(b.password);
    await requireCommunities(ctx, b.communities ?? []);
    const passwordHash = b.password === undefined ? undefined : await hashPassword(b.password);
    // The workspace never loses its last owner (LastOwnerError, a conflict).
    await keepingAnOwner(db, lockRows, (trx) =>
      updateUser(trx, id, { role: b.role, communities: b.communities, disabled: b.disabled, pii: b.pii, passwordHash }),
    );
    const { password_hash: _, ...after } = await existingUser(id);
    return c.json(after, 200);
  });

  app.openapi(routes.deleteUser, async (c) => {
    const { id } = c.req.valid('param');
    await existingUser(id);
    if (c.get('principal')?.userId === id) throw new ConflictError('you cannot remove yourself');
    await keepingAnOwner(db, lockRows, (trx) => deleteUserIn(trx, id));
    return c.json({ ok: true as const, id }, 200);
  });

  app.openapi(routes.tokens, async (c) => c.json({ items: await listTokens(db) }, 200));

  app.openapi(routes.addToken, async (c) => {
    const b = c.req.valid('json');
    const p = c.get('principal')!;
    const { token, id } = await createToken(db, { name: b.name, userId: p.userId, role: roleAtMost(b.role, p.role) });
    const item = await findToken(db, id);
    if (!item) throw new Error(`token ${id} vanished after it was made`);
    return c.json({ token, item }, 200);
  });

  app.openapi(routes.revoke, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await revokeToken(db, id))) throw new NotFoundError(`token ${id} not found or already revoked`);
    return c.json({ ok: true as const, id }, 200);
  });

  app.openapi(routes.audit, async (c) => {
    const q = c.req.valid('query');
    return c.json(await listAudit(db, { page: q.page, pageSize: q.page_size, actor: q.actor, action: q.action }), 200);
  });
}
