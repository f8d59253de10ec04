// Communities with their current member counts, and resolution of the ids users type.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import type { Blueprint } from '../../config/workspace-file.js';

import { AmbiguousError, NotFoundError } from '../../domain/errors.js';

// Kept as exports for the callers that catch them; they are the application's typed errors.
export { AmbiguousError, NotFoundError };

/**
 * Accepts `id:N` (our id), `platform:id`, a platform id that only one platform uses, or a bare number that is
 * our id — unless a platform community also has that id, which is ambiguous and refused.
 */
export async function resolveCommunityRef(db: Kysely<Schema>, ref: string): Promise<number> {
  const ours = /^(?:id:)?(\d{1,15})$/.exec(ref);
  if (ours) {
    const row = await db.selectFrom('communities').select('id').where('id', '=', Number(ours[1])).executeTakeFirst();
    if (ref.startsWith('id:')) {
      if (row) return Number(row.id);
      throw new NotFoundError(`community ${JSON.stringify(ref)} not found`);
    }
    const clash = (await db.selectFrom('communities').select(['id', 'platform']).where('external_id', '=', ref).execute()).filter(
      (c) => Number(c.id) !== Number(row?.id),
    );
    if (row && clash.length === 0) return Number(row.id);
    if (row) throw new AmbiguousError(`community ${JSON.stringify(ref)} is ambiguous: write id:${ref} for ours, or ${clash[0]!.platform}:${ref}`);
  }
  const colon = ref.indexOf(':');
  if (colon > 0) {
    const row = await db
      .selectFrom('communities')
      .select('id')
      .where('platform', '=', ref.slice(0, colon))
      .where('external_id', '=', ref.slice(colon + 1))
      .executeTakeFirst();
    if (row) return Number(row.id);
  }
  const rows = await db.selectFrom('communities').select(['id', 'platform']).where('external_id', '=', ref).execute();
  if (rows.length === 1) return Number(rows[0]!.id);
  if (rows.length > 1) {
    throw new AmbiguousError(
      `community ${JSON.stringify(ref)} exists on several platforms (${rows.map((r) => r.platform).join(', ')}): write platform:id`,
    );
  }
  throw new NotFoundError(`community ${JSON.stringify(ref)} not found`);
}

export interface CommunitySummary {
  id: number;
  platform: string;
  external_id: string;
  name: string | null;
  owner: string | null;
  admins: string[];
  members: number;
  capacity: number | null;
  /** As stored by `qunyun apply` or the blueprint route, both validated by blueprintSchema. */
  blueprint: Blueprint | null;
}

export async function listCommunities(db: Kysely<Schema>, only?: number): Promise<CommunitySummary[]> {
  const rows = await db
    .selectFrom('communities as c')
    .select(['c.id', 'c.platform', 'c.external_id', 'c.name', 'c.config_name', 'c.owner', 'c.admins', 'c.blueprint'])
    .select((eb) =>
      eb
        .selectFrom('memberships as m')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('m.community_id', '=', 'c.id')
        .where('m.present', '=', 1)
        .as('members'),
    )
    .$if(only !== undefined, (q) => q.where('c.id', '=', only!))
    .orderBy('c.id')
    .execute();
  return rows.map((r) => {
    const blueprint = r.blueprint ? (JSON.parse(r.blueprint) as Blueprint) : null;
    return {
      id: Number(r.id),
      platform: r.platform,
      external_id: r.external_id,
      name: r.config_name ?? r.name,
      owner: r.owner,
      admins: JSON.parse(r.admins) as string[],
      members: Number(r.members ?? 0),
      capacity: typeof blueprint?.capacity === 'number' ? blueprint.capacity : null,
      blueprint,
    };
  });
}
