// Maps platform ids of members and communities to our ids, creating them on first sight.
// Runs inside the ingest transaction, which holds the writer lock, so max(id)+1 allocation cannot race.
import { sql, type Transaction } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import { byPlatform, chunks, key } from '../../storage/chunks.js';
import { bulkWrite } from '../../storage/bulk.js';
import { COMMUNITIES_INSERT, IDENTITIES_INSERT, MEMBERS_INSERT } from './bulk-specs.js';

type Trx = Transaction<Schema>;

/** Our ids of platform keys ("platform\u001fid"), from a table with platform / external_id columns. */
async function lookup(trx: Trx, table: 'identities' | 'communities', keys: Iterable<string>): Promise<Map<string, number>> {
  const idColumn = table === 'identities' ? 'member_id' : 'id';
  const found = new Map<string, number>();
  for (const [platform, ids] of byPlatform(keys)) {
    for (const part of chunks(ids, 500)) {
      const rows = (await trx
        .selectFrom(table)
        .select(['external_id', `${idColumn} as id`])
        .where('platform', '=', platform)
        .where('external_id', 'in', part)
        .execute()) as { external_id: string; id: number }[];
      for (const r of rows) found.set(key(platform, r.external_id), Number(r.id));
    }
  }
  return found;
}

export const lookupMembers = (trx: Trx, keys: Iterable<string>) => lookup(trx, 'identities', keys);

async function nextId(trx: Trx, table: 'members' | 'communities'): Promise<number> {
  const row = await trx
    .selectFrom(table)
    .select(sql<number>`coalesce(max(id), 0)`.as('m'))
    .executeTakeFirst();
  return Number(row?.m ?? 0) + 1;
}

/** Returns the member id of every key, creating members (and their identity) that do not exist yet. */
export async function resolveMembers(trx: Trx, keys: Set<string>): Promise<Map<string, number>> {
  const found = await lookupMembers(trx, keys);
  const missing = [...keys].filter((k) => !found.has(k));
  if (missing.length === 0) return found;
  let id = await nextId(trx, 'members');
  const members: { id: number }[] = [];
  const identities: { platform: string; external_id: string; member_id: number }[] = [];
  for (const k of missing) {
    const i = k.indexOf('\u001f');
    members.push({ id });
    identities.push({ platform: k.slice(0, i), external_id: k.slice(i + 1), member_id: id });
    found.set(k, id++);
  }
  await bulkWrite(trx, MEMBERS_INSERT, members);
  await bulkWrite(trx, IDENTITIES_INSERT, identities);
  return found;
}

export async function resolveCommunities(trx: Trx, keys: Set<string>): Promise<Map<string, number>> {
  const found = await lookup(trx, 'communities', keys);
  const missing = [...keys].filter((k) => !found.has(k));
  if (missing.length === 0) return found;
  let id = await nextId(trx, 'communities');
  await bulkWrite(
    trx,
    COMMUNITIES_INSERT,
    missing.map((k) => {
      const i = k.indexOf('\u001f');
      found.set(k, id);
      return { id: id++, platform: k.slice(0, i), external_id: k.slice(i + 1) };
    }),
  );
  return found;
}
