// The read rule of domain/auth/read-scope.ts applied to stored rows: a community named in a read (refused with 403
// when it is not the caller's), workspace-wide figures (an operator is asked to name one of theirs), and a member
// (an operator sees only members who are or were in one of their communities; others are "not found").
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { communityReadRefusal, readableCommunities, workspaceReadRefusal } from '../../domain/auth/read-scope.js';
import type { Principal } from '../../domain/auth/roles.js';
import { resolveCommunityRef } from './repository.js';

/** The community a read names (unknown: 404, ambiguous: 400), refused with 403 when the caller may not read it. */
export async function readableCommunityRef(db: Kysely<Schema>, p: Principal, ref: string): Promise<number> {
  const id = await resolveCommunityRef(db, ref);
  const why = communityReadRefusal(p, id);
  if (why !== null) throw new ForbiddenError(why);
  return id;
}

/** For figures: the community asked for (checked), or undefined for the workspace, which an operator may not read. */
export async function figuresScope(db: Kysely<Schema>, p: Principal, ref: string | undefined): Promise<number | undefined> {
  if (ref !== undefined && ref !== '') return readableCommunityRef(db, p, ref);
  const why = workspaceReadRefusal(p);
  if (why !== null) throw new ForbiddenError(why);
  return undefined;
}

/** The member (following merges) if the caller may read them, else a NotFoundError naming the requested id. */
export async function readableMemberId(db: Kysely<Schema>, p: Principal, requested: number): Promise<number> {
  const missing = () => new NotFoundError(`member ${requested} not found`);
  let id = requested;
  for (let hops = 0; ; hops++) {
    const m = await db.selectFrom('members').select('merged_into').where('id', '=', id).executeTakeFirst();
    if (!m || hops >= 100) throw missing();
    if (m.merged_into === null) break;
    id = Number(m.merged_into);
  }
  const mine = readableCommunities(p);
  if (mine === null) return id;
  if (mine.length === 0) throw missing();
  const hit = await db
    .selectFrom('memberships')
    .select('member_id')
    .where('member_id', '=', id)
    .where('community_id', 'in', [...mine])
    .executeTakeFirst();
  if (!hit) throw missing();
  return id;
}

/** A figures route's query, once its `community` has passed figuresScope (unchanged: the services resolve it). */
export async function figuresQuery<Q extends { community?: string }>(db: Kysely<Schema>, p: Principal, q: Q): Promise<Q> {
  await figuresScope(db, p, q.community);
  return q;
}

/** Keeps the entries of the communities the caller may read. */
export function readableOnly<T>(p: Principal, items: readonly T[], communityOf: (item: T) => number): T[] {
  const mine = readableCommunities(p);
  return mine === null ? [...items] : items.filter((x) => mine.includes(communityOf(x)));
}

/** Of `ids` (current member ids), those the caller may read: all for owners and analysts. */
export async function readableMemberIds(db: Kysely<Schema>, p: Principal, ids: readonly number[]): Promise<Set<number>> {
  const mine = readableCommunities(p);
  if (mine === null) return new Set(ids);
  if (mine.length === 0 || ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('memberships')
    .select('member_id')
    .where('member_id', 'in', [...new Set(ids)])
    .where('community_id', 'in', [...mine])
    .execute();
  return new Set(rows.map((r) => Number(r.member_id)));
}
