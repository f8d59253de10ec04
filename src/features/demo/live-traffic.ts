// Live traffic for the demo workspace: every few seconds a little of what real groups do — chat, questions,
// check-ins, newcomers (some of them spammers), the odd order — arrives as ledger events at "now". Rules answer,
// the outbox delivers through the simulator, and the loop event → rule → action → delivery → result runs offline.
import { sql } from 'kysely';
import type { Database } from '../../storage/database.js';
import { CHALLENGE, CHANNELS, COMMUNITIES, PRODUCTS } from '../../demo/catalog.js';
import { chatText, checkinText, spamText } from '../../demo/messages.js';
import { pickTopic, pickVariant, questionText } from '../../demo/qa.js';
import { Rng } from '../../demo/prng.js';
import { ingestEvents } from '../../connectors/inbound.js';

const NAMES = ['小雅', '阿琳', '糖糖', '木子', 'Lily', '晓晓', '安安', '朵朵', '小鹿', 'Grace', '西西', '阿May'];

/** One burst of events at `now`; the member ids of newcomers are derived from `seq`, so they never collide. */
export async function trafficBurst(database: Database, rng: Rng, seq: number, now = Date.now()): Promise<number> {
  const c = rng.pick(COMMUNITIES.filter((x) => x.kind !== 'vip'));
  const at = new Date(now).toISOString();
  const id = (n: number) => `live-${now.toString(36)}-${seq}-${n}`;
  const base = { platform: c.platform, community: c.key, at };
  const row = await sql<{ external_id: string }>`SELECT i.external_id FROM memberships m
    JOIN communities k ON k.id = m.community_id JOIN identities i ON i.member_id = m.member_id AND i.platform = k.platform
    WHERE k.platform = ${c.platform} AND k.external_id = ${c.key} AND m.present = 1 ORDER BY random() LIMIT 1`.execute(database.db);
  const member = row.rows[0]?.external_id;
  const u = rng.next();
  const events: Record<string, unknown>[] = [];
  if (u < 0.1 || member === undefined) {
    // A newcomer; one in five of them posts an ad straight away.
    const m = `live-member-${now.toString(36)}-${seq}`;
    events.push({ ...base, id: id(0), type: 'member.joined', member: m, name: rng.pick(NAMES), channel: rng.pick(CHANNELS).key, method: 'qr' });
    if (rng.chance(0.2)) events.push({ ...base, id: id(1), type: 'message.sent', member: m, kind: 'text', text: spamText(rng) });
  } else if (u < 0.25) {
    const topic = pickTopic(rng, 1, c.kind);
    events.push({ ...base, id: id(0), type: 'message.sent', member, kind: 'text', text: questionText(topic, pickVariant(rng, topic, c.kind)) });
  } else if (u < 0.35 && c.challenge) {
    events.push({ ...base, id: id(0), type: 'checkin.done', member, challenge: CHALLENGE });
    events.push({ ...base, id: id(1), type: 'message.sent', member, kind: 'text', text: checkinText(rng, rng.range(1, 21)) });
  } else if (u < 0.38) {
    const p = rng.pick(PRODUCTS.filter((x) => x.tier !== 'premium'));
    events.push({ ...base, id: id(0), type: 'order.paid', member, order: id(0), amount: p.salePrice, product: p.key, tier: p.tier });
  } else {
    events.push({ ...base, id: id(0), type: 'message.sent', member, kind: 'text', text: chatText(rng, c.kind) });
  }
  const r = await ingestEvents(database, events);
  return r.accepted;
}

/** A burst every `everyMs` (default 4 s) until stopped. */
export function startLiveTraffic(database: Database, opts: { everyMs?: number; seed?: number; onError?: (err: Error) => void } = {}) {
  const rng = new Rng(opts.seed ?? Date.now() & 0x7fffffff, 99);
  let stopped = false;
  let seq = 0;
  const loop = async () => {
    while (!stopped) {
      try {
        await trafficBurst(database, rng, ++seq);
      } catch (err) {
        opts.onError?.(err as Error);
      }
      await new Promise((res) => setTimeout(res, opts.everyMs ?? 4000).unref());
    }
  };
  void loop();
  return {
    stop: () => {
      stopped = true;
    },
  };
}
