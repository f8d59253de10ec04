// Storage of accounts: users, sessions and API tokens (secrets kept as SHA-256 only), and the audit log.
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { isRole, roleAtMost, type Principal, type Role } from '../../domain/auth/roles.js';
import { ConflictError } from '../../domain/errors.js';

export const SESSION_DAYS = 14;
const DAY = 86_400_000;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const newSecret = (prefix: string) => prefix + randomBytes(32).toString('base64url');

export interface UserRow {
  id: number;
  username: string;
  role: Role;
  communities: number[];
  disabled: boolean;
  /** Sees phone numbers in full (owners always do, whatever this says). */
  pii: boolean;
  created_at: number;
  last_login_at: number | null;
}

const toUser = (r: {
  id: number;
  username: string;
  role: string;
  communities: string;
  disabled: number;
  pii: number;
  created_at: number;
  last_login_at: number | null;
}): UserRow => ({
  id: Number(r.id),
  username: r.username,
  role: isRole(r.role) ? r.role : 'analyst',
  communities: (JSON.parse(r.communities) as unknown[]).map(Number),
  disabled: Number(r.disabled) === 1,
  pii: Number(r.pii) === 1,
  created_at: Number(r.created_at),
  last_login_at: r.last_login_at === null ? null : Number(r.last_login_at),
});

const userCols = ['id', 'username', 'role', 'communities', 'disabled', 'pii', 'created_at', 'last_login_at'] as const;

export async function countUsers(db: Kysely<Schema>): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function listUsers(db: Kysely<Schema>): Promise<UserRow[]> {
  return (await db.selectFrom('users').select(userCols).orderBy('id').execute()).map(toUser);
}

export async function findUser(db: Kysely<Schema>, by: { id: number } | { username: string }) {
  const q = db.selectFrom('users').select([...userCols, 'password_hash']);
  const r = await ('id' in by ? q.where('id', '=', by.id) : q.where('username', '=', by.username)).executeTakeFirst();
  return r ? { ...toUser(r), password_hash: r.password_hash } : undefined;
}

export class UserExistsError extends ConflictError {
  constructor(username: string) {
    super(`username "${username}" is taken`);
  }
}

export async function insertUser(
  db: Kysely<Schema>,
  u: { username: string; passwordHash: string; role: Role; communities?: number[]; pii?: boolean },
  now = Date.now(),
): Promise<UserRow> {
  const taken = await db.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
  if (taken) throw new UserExistsError(u.username);
  let r: { id: number };
  try {
    r = await db
      .insertInto('users')
      .values({
        username: u.username,
        password_hash: u.passwordHash,
        role: u.role,
        communities: JSON.stringify(u.communities ?? []),
        pii: u.pii ? 1 : 0,
        created_at: now,
        last_login_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  } catch (err) {
    // Two adds of one name racing: the unique index refuses the second.
    if (/unique/i.test((err as Error).message)) throw new UserExistsError(u.username);
    throw err;
  }
  const { password_hash: _, ...user } = (await findUser(db, { id: Number(r.id) }))!;
  return user;
}

export async function updateUser(
  db: Kysely<Schema>,
  id: number,
  patch: { role?: Role; communities?: number[]; disabled?: boolean; passwordHash?: string; pii?: boolean },
) {
  const set: Record<string, unknown> = {};
  if (patch.role !== undefined) set.role = patch.role;
  if (patch.communities !== undefined) set.communities = JSON.stringify(patch.communities);
  if (patch.disabled !== undefined) set.disabled = patch.disabled ? 1 : 0;
  if (patch.pii !== undefined) set.pii = patch.pii ? 1 : 0;
  if (patch.passwordHash !== undefined) set.password_hash = patch.passwordHash;
  if (Object.keys(set).length > 0) await db.updateTable('users').set(set).where('id', '=', id).execute();
  // A changed password, role or a disabled account ends the user's sessions: they sign in again.
  if (patch.passwordHash !== undefined || patch.disabled || patch.role !== undefined)
    await db.deleteFrom('sessions').where('user_id', '=', id).execute();
}

export async function deleteUser(db: Kysely<Schema>, id: number): Promise<void> {
  await db.transaction().execute((trx) => deleteUserIn(trx, id));
}

/** Removes a user inside the caller's transaction: sessions end, tokens are revoked. */
export async function deleteUserIn(trx: Kysely<Schema>, id: number): Promise<void> {
  await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
  await trx.updateTable('api_tokens').set({ revoked_at: Date.now() }).where('user_id', '=', id).where('revoked_at', 'is', null).execute();
  await trx.deleteFrom('users').where('id', '=', id).execute();
}

export class LastOwnerError extends ConflictError {
  constructor() {
    super('this is the last owner: make another user owner first', 'last_owner');
  }
}

/**
 * Runs a change to users that must leave at least one enabled owner, in one transaction that is rolled back if
 * none is left. On PostgreSQL the owners' rows are locked first, so two owners demoting each other at the same
 * instant are serialised (SQLite serialises writers anyway).
 */
export async function keepingAnOwner(db: Kysely<Schema>, lockRows: boolean, change: (trx: Kysely<Schema>) => Promise<void>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (lockRows) await trx.selectFrom('users').select('id').where('role', '=', 'owner').where('disabled', '=', 0).forUpdate().execute();
    await change(trx);
    if ((await countOwners(trx)) === 0) throw new LastOwnerError();
  });
}

export async function countOwners(db: Kysely<Schema>): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select(sql<number>`count(*)`.as('n'))
    .where('role', '=', 'owner')
    .where('disabled', '=', 0)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function markLogin(db: Kysely<Schema>, id: number, now = Date.now()) {
  await db.updateTable('users').set({ last_login_at: now }).where('id', '=', id).execute();
}

// ---- sessions

export async function createSession(
  db: Kysely<Schema>,
  userId: number,
  meta: { ip: string | null; userAgent: string | null },
  now = Date.now(),
): Promise<{ secret: string; expiresAt: number }> {
  const secret = newSecret('');
  const expiresAt = now + SESSION_DAYS * DAY;
  await db
    .insertInto('sessions')
    .values({
      id_hash: sha256(secret),
      user_id: userId,
      created_at: now,
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  // Expired sessions are swept here rather than by a job.
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  return { secret, expiresAt };
}

export async function deleteSession(db: Kysely<Schema>, secret: string) {
  await db.deleteFrom('sessions').where('id_hash', '=', sha256(secret)).execute();
}

export async function principalForSession(db: Kysely<Schema>, secret: string, now = Date.now()): Promise<Principal | null> {
  const r = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.username', 'u.role', 'u.communities', 'u.disabled', 'u.pii', 's.expires_at'])
    .where('s.id_hash', '=', sha256(secret))
    .executeTakeFirst();
  if (!r || Number(r.expires_at) <= now || Number(r.disabled) === 1 || !isRole(r.role)) return null;
  return {
    userId: Number(r.id),
    username: r.username,
    role: r.role,
    communities: (JSON.parse(r.communities) as unknown[]).map(Number),
    pii: Number(r.pii) === 1,
  };
}

// ---- API tokens

export interface TokenRow {
  id: number;
  name: string;
  prefix: string;
  user_id: number;
  username: string;
  role: Role;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export async function createToken(
  db: Kysely<Schema>,
  t: { name: string; userId: number; role: Role },
  now = Date.now(),
): Promise<{ token: string; id: number }> {
  const token = newSecret('qy_');
  const r = await db
    .insertInto('api_tokens')
    .values({
      name: t.name,
      token_hash: sha256(token),
      prefix: token.slice(0, 7),
      user_id: t.userId,
      role: t.role,
      created_at: now,
      last_used_at: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { token, id: Number(r.id) };
}

const tokenRows = (db: Kysely<Schema>) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['t.id', 't.name', 't.prefix', 't.user_id', 'u.username', 't.role', 't.created_at', 't.last_used_at', 't.revoked_at']);

const toToken = (r: Omit<TokenRow, 'role'> & { role: string }): TokenRow => {
  const n = (v: number | null) => (v === null ? null : Number(v));
  return {
    ...r,
    id: Number(r.id),
    user_id: Number(r.user_id),
    role: isRole(r.role) ? r.role : 'analyst',
    created_at: Number(r.created_at),
    last_used_at: n(r.last_used_at),
    revoked_at: n(r.revoked_at),
  };
};

export async function listTokens(db: Kysely<Schema>): Promise<TokenRow[]> {
  return (await tokenRows(db).orderBy('t.id', 'desc').execute()).map(toToken);
}

export async function findToken(db: Kysely<Schema>, id: number): Promise<TokenRow | undefined> {
  return (await tokenRows(db).where('t.id', '=', id).execute()).map(toToken)[0];
}

export async function revokeToken(db: Kysely<Schema>, id: number, now = Date.now()): Promise<boolean> {
  const r = await db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function principalForToken(db: Kysely<Schema>, token: string, now = Date.now()): Promise<Principal | null> {
  const r = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select([
      't.id',
      't.name',
      't.role',
      't.revoked_at',
      't.last_used_at',
      'u.id as user_id',
      'u.username',
      'u.role as user_role',
      'u.communities',
      'u.disabled',
      'u.pii',
    ])
    .where('t.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!r || r.revoked_at !== null || Number(r.disabled) === 1 || !isRole(r.role) || !isRole(r.user_role)) return null;
  // last_used_at to the minute: a busy integration should not write on every request.
  if (r.last_used_at === null || now - Number(r.last_used_at) > 60_000)
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', Number(r.id)).execute();
  return {
    userId: Number(r.user_id),
    username: r.username,
    role: roleAtMost(r.role, r.user_role),
    communities: (JSON.parse(r.communities) as unknown[]).map(Number),
    // A token sees phones as its user does (an owner's token too, whatever role it was given).
    pii: Number(r.pii) === 1 || r.user_role === 'owner',
    token: { id: Number(r.id), name: r.name },
  };
}

// ---- audit log

export interface AuditEntry {
  userId: number | null;
  actor: string;
  action: string;
  target?: string | null;
  status: number;
  ip?: string | null;
  userAgent?: string | null;
  details?: unknown;
}

const MAX_DETAILS = 4000;

/** Returns the entry's id. Details too long to keep are replaced by a note of their size (still valid JSON). */
export async function recordAudit(db: Kysely<Schema>, e: AuditEntry, now = Date.now()): Promise<number> {
  let details = e.details === undefined ? null : JSON.stringify(e.details);
  if (details !== null && details.length > MAX_DETAILS) details = JSON.stringify({ truncated: true, chars: details.length });
  const r = await db
    .insertInto('audit_log')
    .values({
      at: now,
      user_id: e.userId,
      actor: e.actor.slice(0, 200),
      action: e.action,
      target: e.target?.slice(0, 500) ?? null,
      status: e.status,
      ip: e.ip ?? null,
      user_agent: e.userAgent?.slice(0, 300) ?? null,
      details,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** A sign-in attempt, counted as a failure up front, becomes what it turned out to be. */
export async function settleAttempt(db: Kysely<Schema>, id: number, to: { userId: number; action: string; status: number }) {
  await db.updateTable('audit_log').set({ user_id: to.userId, action: to.action, status: to.status }).where('id', '=', id).execute();
}

export async function throttledRecently(db: Kysely<Schema>, username: string, ip: string | null, since: number): Promise<boolean> {
  let q = db.selectFrom('audit_log').select('id').where('action', '=', 'auth.login_throttled').where('at', '>=', since).where('actor', '=', username);
  q = ip === null ? q.where('ip', 'is', null) : q.where('ip', '=', ip);
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}

export async function listAudit(db: Kysely<Schema>, f: { page: number; pageSize: number; actor?: string; action?: string }) {
  let q = db.selectFrom('audit_log');
  if (f.actor) q = q.where('actor', '=', f.actor);
  if (f.action) q = q.where('action', '=', f.action);
  const total = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  const rows = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return {
    total: Number(total?.n ?? 0),
    page: f.page,
    page_size: f.pageSize,
    items: rows.map((r) => ({
      ...r,
      id: Number(r.id),
      at: Number(r.at),
      user_id: r.user_id === null ? null : Number(r.user_id),
      details: parseDetails(r.details),
    })),
  };
}

function parseDetails(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { unreadable: text.slice(0, 200) };
  }
}

/**
 * Failed logins since `since` (the throttle's input): strangers' failures — those not made from a known device —
 * for this name, for this name from this address, and from this address; and this known device's for this name.
 */
export async function recentFailures(db: Kysely<Schema>, since: number, username: string, ip: string | null, device: string | null = null) {
  const base = () =>
    db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)`.as('n'))
      .where('action', '=', 'auth.login_failed')
      .where('at', '>=', since);
  const strangers = () => base().where('target', 'is', null);
  const n = async (q: ReturnType<typeof base>) => Number((await q.executeTakeFirst())?.n ?? 0);
  return {
    byName: await n(strangers().where('actor', '=', username)),
    byNameAndIp: await n(
      ip === null
        ? strangers().where('actor', '=', username).where('ip', 'is', null)
        : strangers().where('actor', '=', username).where('ip', '=', ip),
    ),
    byIp: ip === null ? 0 : await n(strangers().where('ip', '=', ip)),
    byNameAndDevice: device === null ? 0 : await n(base().where('actor', '=', username).where('target', '=', `device:${device}`)),
  };
}
