// Actions that are Qunyun's own business rather than a platform call, done here whatever the platform: a tag is
// recorded as a member.profile event (so the member graph stays a fold of the ledger), a notice for operators
// just stays in the audit log, and a blacklist is already in force (enqueue.ts) where the platform has no ban.
import type { Database } from '../storage/database.js';
import { parseEventLine } from '../domain/events/validate.js';
import { ingestBatch } from '../features/ingest/service.js';
import { ingestContextFor } from '../features/ingest-hooks.js';
import type { Delivery, OutboxAction } from './types.js';

export const INTERNAL_KINDS = ['tag', 'notify', 'blacklist', 'unblacklist'] as const;

export async function externalIds(database: Database, a: OutboxAction): Promise<{ member: string; community: string } | null> {
  if (a.member_id === null || a.community_id === null) return null;
  const m = await database.db
    .selectFrom('identities')
    .select('external_id')
    .where('member_id', '=', a.member_id)
    .where('platform', '=', a.platform)
    .executeTakeFirst();
  const c = await database.db.selectFrom('communities').select('external_id').where('id', '=', a.community_id).executeTakeFirst();
  return m && c ? { member: m.external_id, community: c.external_id } : null;
}

/** Ingests one event a delivery produced; its id derives from the action, so delivering twice stores it once. */
export async function recordResult(database: Database, event: Record<string, unknown>): Promise<void> {
  const parsed = parseEventLine(JSON.stringify(event));
  if (!parsed.ok) throw new Error(`a delivery produced a bad event: ${parsed.reason}`);
  const r = await ingestBatch(ingestContextFor(database), [{ line: 1, value: parsed.value }]);
  if (r.rejected.length > 0) throw new Error(`a delivery's event was refused: ${r.rejected[0]!.reason}`);
}

/** The instant a delivery's result is recorded at: the action's own, so delivering twice yields the same event. */
export const resultAt = (a: OutboxAction): string => new Date(a.created_at ?? Date.now()).toISOString();

export async function deliverInternally(database: Database, a: OutboxAction): Promise<Delivery> {
  if (a.kind === 'tag') {
    const ids = await externalIds(database, a);
    if (!ids || typeof a.payload.tag !== 'string')
      return { ok: false, retryable: false, error: 'tag: the member has no identity on this platform, or the action has no tag' };
    await recordResult(database, {
      id: `qunyun-action-${a.id}`,
      platform: a.platform,
      type: 'member.profile',
      member: ids.member,
      tags_add: [a.payload.tag],
      at: resultAt(a),
    });
  }
  return { ok: true };
}
