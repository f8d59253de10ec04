// Events that arrive for an identity whose person was erased (PIPL; features/members/erase.ts): their personal
// fields are blanked before they are judged and stored, so a re-delivered old event is a duplicate of its stored
// tombstone and a new one stores no personal data. One cheap query per batch while nobody was ever erased.
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import type { LedgerEvent } from '../../domain/events/types.js';
import { canonicalJson } from '../../domain/events/validate.js';
import { tombstoneBody } from '../../domain/privacy/tombstone.js';
import { chunks, key } from '../../storage/chunks.js';
import type { BatchItem } from './service.js';

/** Replaces, in place, the items whose member identity was erased by their blanked form. */
export async function blankErasedIdentities(trx: Kysely<Schema>, items: BatchItem[]): Promise<void> {
  if (!(await trx.selectFrom('erased_identities').select('member_id').limit(1).executeTakeFirst())) return;
  const byPlatform = new Map<string, Set<string>>();
  for (const { value } of items) {
    const e = value.event;
    if ('member' in e) (byPlatform.get(e.platform) ?? byPlatform.set(e.platform, new Set()).get(e.platform)!).add(e.member);
  }
  const erased = new Set<string>();
  for (const [platform, ids] of byPlatform)
    for (const part of chunks([...ids], 500))
      for (const r of await trx
        .selectFrom('erased_identities')
        .select('external_id')
        .where('platform', '=', platform)
        .where('external_id', 'in', part)
        .execute())
        erased.add(key(platform, r.external_id));
  if (erased.size === 0) return;
  for (const it of items) {
    const e = it.value.event;
    if (!('member' in e) || !erased.has(key(e.platform, e.member))) continue;
    const tomb = tombstoneBody(e as unknown as Record<string, unknown>);
    if (tomb !== (e as unknown)) it.value = { ...it.value, event: tomb as unknown as LedgerEvent, body: canonicalJson(tomb) };
  }
}
