// Which communities an operate route acts on, named by its `x-scope` (src/http/route.ts) and resolved from its path
// parameters. An unknown target answers 404 and an ambiguous one 400, as the route itself would.
import type { Kysely } from 'kysely';
import type { Schema } from '../storage/schema.js';
import type { Scope } from '../domain/auth/roles.js';
import { NotFoundError } from '../domain/errors.js';
import { resolveCommunityRef } from '../features/communities/repository.js';
import { loadRules } from '../features/automation/rules.js';
import type { ScopeName } from './route.js';

type Resolver = (db: Kysely<Schema>, params: Record<string, string>) => Promise<Scope | null>;

const community: Resolver = async (db, p) => ({ communities: [await resolveCommunityRef(db, p.ref!)], mode: 'all' });

const action: Resolver = async (db, p) => {
  const id = Number(p.id);
  const a = Number.isSafeInteger(id)
    ? await db.selectFrom('actions').select(['community_id', 'kind']).where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!a) throw new NotFoundError(`action ${p.id} not found`);
  // A blacklist holds in every community: lifting it is the owner's.
  if (a.kind === 'blacklist' || a.kind === 'unblacklist') return null;
  return a.community_id == null ? null : { communities: [Number(a.community_id)], mode: 'all' };
};

// An operator may tag a member who is (or was) in one of their communities; a merged id is followed.
const member: Resolver = async (db, p) => {
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
  throw new NotFoundError(`member ${p.id} not found`);
};

// A rule limited to communities is the operators' of all of them; a workspace-wide rule is the owner's.
const rule: Resolver = async (db, p) => {
  const { config } = await loadRules(db);
  const r = config.rules.find((x) => x.key === p.key);
  if (!r) throw new NotFoundError(`rule ${JSON.stringify(p.key)} not found`);
  if (!r.communities?.length) return null;
  const ids: number[] = [];
  for (const ref of r.communities) {
    try {
      ids.push(await resolveCommunityRef(db, ref));
    } catch {
      return null;
    }
  }
  return { communities: ids, mode: 'all' };
};

export const SCOPES: Record<ScopeName, Resolver> = { community, action, member, rule };
