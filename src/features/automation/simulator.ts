// The built-in simulator stands in for the platforms until a connector is configured (and in demos and tests):
// it delivers every kind of action, and what a platform would report back arrives in the ledger as the platform's
// own events would — a removal as member.left (reason removed), a tag as member.profile — with ids derived from
// the action, so delivering twice changes nothing. It passes the connector contract (connectors/contract.ts).
import type { Database } from '../../storage/database.js';
import { externalIds, recordResult as record, resultAt } from '../../connectors/internal.js';
import type { Connector } from '../../connectors/types.js';
import { unsupported } from '../../connectors/types.js';

export const SIMULATED_KINDS = [
  'send',
  'reply',
  'warn',
  'delete',
  'mute',
  'unmute',
  'remove',
  'blacklist',
  'unblacklist',
  'tag',
  'notify',
  'approve',
  'decline',
] as const;

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
    platform: '*',
    platforms: '*',
    kinds: SIMULATED_KINDS,
    calls,
    failNext(how) {
      failure = how;
    },
    async deliver(a) {
      if (!(SIMULATED_KINDS as readonly string[]).includes(a.kind)) return unsupported('the simulator', a.kind);
      if (failure) {
        const how = failure;
        failure = null;
        return how === 'temporary'
          ? { ok: false, retryable: true, error: 'simulated platform outage (503)' }
          : { ok: false, retryable: false, error: 'simulated platform refusal (403)' };
      }
      calls.push({ id: a.id, kind: a.kind, platform: a.platform, payload: a.payload });
      const ids = await externalIds(database, a);
      const at = resultAt(a);
      if (ids && a.kind === 'remove') {
        await record(database, {
          id: `qunyun-action-${a.id}`,
          platform: a.platform,
          type: 'member.left',
          community: ids.community,
          member: ids.member,
          reason: 'removed',
          at,
        });
      }
      if (ids && a.kind === 'tag' && typeof a.payload.tag === 'string') {
        await record(database, {
          id: `qunyun-action-${a.id}`,
          platform: a.platform,
          type: 'member.profile',
          member: ids.member,
          tags_add: [a.payload.tag],
          at,
        });
      }
      return { ok: true };
    },
  };
}
