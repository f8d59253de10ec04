// The built-in simulator stands in for the platforms until a connector is configured (and in demos and tests):
// every action succeeds, and what a platform would report back arrives in the ledger as the platform's own
// events would — a removal as member.left (reason removed), a tag as member.profile — with ids derived from the
// action, so delivering twice changes nothing.
import type { Database } from '../../storage/database.js';
import { parseEventLine } from '../../domain/events/validate.js';
import { ingestBatch } from '../ingest/service.js';
import type { Deliverer, OutboxAction } from './outbox.js';

async function externalIds(database: Database, a: OutboxAction): Promise<{ member: string; community: string } | null> {
  if (a.member_id === null || a.community_id === null) return null;
  const m = await database.db.selectFrom('identities').select('external_id').where('member_id', '=', a.member_id).where('platform', '=', a.platform).executeTakeFirst();
  const c = await database.db.selectFrom('communities').select('external_id').where('id', '=', a.community_id).executeTakeFirst();
  return m && c ? { member: m.external_id, community: c.external_id } : null;
}

async function record(database: Database, event: Record<string, unknown>): Promise<void> {
  const parsed = parseEventLine(JSON.stringify(event));
  if (!parsed.ok) throw new Error(`simulator produced a bad event: ${parsed.reason}`);
  const r = await ingestBatch({ database }, [{ line: 1, value: parsed.value }]);
  if (r.rejected.length > 0) throw new Error(`simulator event refused: ${r.rejected[0]!.reason}`);
}

export function simulator(database: Database): Deliverer {
  return {
    platforms: '*',
    async deliver(a) {
      const ids = await externalIds(database, a);
      const at = new Date().toISOString();
      if (ids && a.kind === 'remove') {
        await record(database, { id: `qunyun-action-${a.id}`, platform: a.platform, type: 'member.left', community: ids.community, member: ids.member, reason: 'removed', at });
      }
      if (ids && a.kind === 'tag' && typeof a.payload.tag === 'string') {
        await record(database, { id: `qunyun-action-${a.id}`, platform: a.platform, type: 'member.profile', member: ids.member, tags_add: [a.payload.tag], at });
      }
      return { ok: true };
    },
  };
}
