// The simulator passes the connector contract, like every real connector must.
import { connectorContract } from '../../connectors/contract.js';
import { ingestEvents } from '../../connectors/inbound.js';
import { simulator } from './simulator.js';

let n = 0;
await connectorContract({
  name: 'simulator',
  async setup(database) {
    const sim = simulator(database);
    const at = (m: number) => new Date(Date.parse('2026-11-01T10:00:00+08:00') + m * 60_000).toISOString();
    const send = (events: Record<string, unknown>[]) => async () => {
      const r = await ingestEvents(database, events);
      if (r.rejected.length > 0) throw new Error(r.rejected[0]!.reason);
    };
    const inbound = [
      {
        name: 'a join',
        types: ['member.joined'],
        deliver: send([{ id: 'j1', platform: 'sim', type: 'member.joined', community: 'g1', member: 'u1', name: '小王', at: at(0) }]),
      },
      {
        name: 'chat',
        types: ['message.sent'],
        deliver: send([{ id: 'm1', platform: 'sim', type: 'message.sent', community: 'g1', member: 'u1', kind: 'text', text: '大家好', at: at(1) }]),
      },
    ];
    const ids = async () => ({
      member: Number(
        (await database.db.selectFrom('identities').select('member_id').where('external_id', '=', 'u1').executeTakeFirstOrThrow()).member_id,
      ),
      community: Number((await database.db.selectFrom('communities').select('id').where('external_id', '=', 'g1').executeTakeFirstOrThrow()).id),
    });
    return {
      connector: sim,
      inbound,
      calls: () => sim.calls,
      failNext: (how) => sim.failNext(how),
      async action(kind) {
        const { member, community } = await ids();
        return {
          id: ++n,
          rule: 'contract',
          kind,
          platform: 'sim',
          community_id: community,
          member_id: member,
          event_id: 'm1',
          attempts: 0,
          payload: kind === 'tag' ? { tag: 't' } : kind === 'mute' ? { seconds: 60 } : { text: '你好' },
        };
      },
      async close() {},
    };
  },
});
