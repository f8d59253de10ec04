// The owner and admins of communities (their latest community.updated), as member ids: message rules leave
// staff alone (a group-buy link from the owner is not an ad).
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';

export async function staffOf(db: Kysely<Schema>, communityIds: number[]): Promise<Map<number, Set<number>>> {
  const out = new Map<number, Set<number>>();
  if (communityIds.length === 0) return out;
  const rows = await db.selectFrom('communities').select(['id', 'platform', 'owner', 'admins']).where('id', 'in', communityIds).execute();
  for (const c of rows) {
    const ext = [...(c.owner ? [c.owner] : []), ...(JSON.parse(c.admins) as string[])];
    const ids =
      ext.length === 0
        ? []
        : await db.selectFrom('identities').select('member_id').where('platform', '=', c.platform).where('external_id', 'in', ext).execute();
    out.set(Number(c.id), new Set(ids.map((r) => Number(r.member_id))));
  }
  return out;
}
