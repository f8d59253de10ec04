// The built-in simulator stands in for the platforms until a connector is configured (and in demos and tests):
// it delivers every kind of action, and what a platform would report back arrives in the ledger as the platform's
// own events would — a removal as member.left (reason removed), a tag as member.profile — with ids derived from
// the action, so delivering twice changes nothing. It passes the connector contract (connectors/contract.ts).
import type { Database } from '../../storage/database.js';
import { parseEventLine } from '../../domain/events/validate.js';
import { ingestBatch } from '../ingest/service.js';
import type { Connector } from '../../connectors/types.js';
import { unsupported } from '../../connectors/types.js';
import type { OutboxAction } from './outbox.js';

export const SIMULATED_KINDS = ['send', 'reply', 'warn', 'delete', 'mute', 'unmute', 'remove', 'blacklist', 'unblacklist', 'tag', 'notify'] as const;

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

export interface Simulator extends Connector {
  /** What the simulated platform was asked to do, in order. */
  readonly calls: { id: number; kind: string; platform: string; payload: Record<string, unknown> }[];
  /** Makes the next delivery fail, as a platform outage (temporary) or a refusal (permanent) would. */
  failNext(how: 'temporary' | 'permanent'): void;
}

export function simulator(database: Database): Simulator {
  const calls: Simulator['calls'] = [];
  let failure: 'temporary' | 'permanent' | null = null;
  return {
    platform: '*', platforms: '*', kinds: SIMULATED_KINDS, calls,
    failNext(how) { failure = how; },
    async deliver(a) {
      if (!(SIMULATED_KINDS as readonly string[]).includes(a.kind)) return unsupported('the simulator', a.kind);
      if (failure) {
        const how = failure;
        failure = null;
        return how === 'temporary' ? { ok: false, retryable: true, error: 'simulated platform outage (503)' } : { ok: false, retryable: false, error: 'simulated platform refusal (403)' };
      }
      calls.push({ id: a.id, kind: a.kind, platform: a.platform, payload: a.payload });
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
