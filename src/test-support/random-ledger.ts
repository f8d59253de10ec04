// fast-check arbitrary of small but nasty ledgers: few members and communities so that joins, leaves,
// rejoins, merges, refunds before/after payment and profile edits collide often.
import fc from 'fast-check';

const T0 = Date.UTC(2026, 9, 1);
const members = ['u1', 'u2', 'u3', 'u4'];
const minutes = fc.integer({ min: 0, max: 20 * 1440 }).map((s) => new Date(T0 + s * 60_000).toISOString().replace('.000Z', '+00:00'));
// Coarse instants (every 8 hours, so Shanghai midnights included) make ties and period-boundary events common.
const eightHours = fc.integer({ min: 0, max: 20 * 3 }).map((s) => new Date(T0 + s * 8 * 3_600_000).toISOString().replace('.000Z', '+00:00'));
const plat = fc.constantFrom('wecom', 'telegram');
const member = fc.constantFrom(...members);
const community = fc.constantFrom('g1', 'g2');

function makeEventBody(at: fc.Arbitrary<string>) {
  return fc.oneof(
    fc.record(
      {
        type: fc.constant('member.joined'),
        platform: plat,
        community,
        member,
        at,
        name: fc.option(fc.constantFrom('小明', 'Ann', '王'), { nil: undefined }),
        channel: fc.option(fc.constantFrom('douyin', 'xhs'), { nil: undefined }),
        inviter: fc.option(member, { nil: undefined }),
      },
      { requiredKeys: ['type', 'platform', 'community', 'member', 'at'] },
    ),
    fc.record({ type: fc.constant('member.left'), platform: plat, community, member, at, reason: fc.constantFrom('quit', 'removed') }),
    fc.record({
      type: fc.constant('message.sent'),
      platform: plat,
      community,
      member,
      at,
      kind: fc.constant('text'),
      text: fc.constantFrom('你好', '体验营多少钱', '瑜伽课程什么时候开始', '今天打卡完成了瑜伽'),
    }),
    fc.record(
      {
        type: fc.constant('checkin.done'),
        platform: plat,
        member,
        at,
        challenge: fc.constant('c21'),
        community: fc.option(community, { nil: undefined }),
      },
      { requiredKeys: ['type', 'platform', 'member', 'at', 'challenge'] },
    ),
    fc.record(
      {
        type: fc.constant('order.paid'),
        platform: plat,
        member,
        at,
        order: fc.constantFrom('o1', 'o2', 'o3'),
        amount: fc.constantFrom(0, 990, 19900),
        community: fc.option(community, { nil: undefined }),
      },
      { requiredKeys: ['type', 'platform', 'member', 'at', 'order', 'amount'] },
    ),
    fc.record(
      {
        type: fc.constant('order.refunded'),
        platform: plat,
        at,
        order: fc.constantFrom('o1', 'o2', 'o3'),
        amount: fc.option(fc.constantFrom(100, 990, 50000), { nil: undefined }),
      },
      { requiredKeys: ['type', 'platform', 'at', 'order'] },
    ),
    fc.record(
      {
        type: fc.constant('member.profile'),
        platform: plat,
        member,
        at,
        name: fc.option(fc.constantFrom('新名', 'Bob'), { nil: undefined }),
        phone: fc.option(fc.constantFrom('13800000000', '13900000000'), { nil: undefined }),
        tags_add: fc.option(fc.subarray(['vip', '宝妈']), { nil: undefined }),
        tags_remove: fc.option(fc.subarray(['vip', '宝妈']), { nil: undefined }),
        attributes: fc.option(fc.dictionary(fc.constantFrom('city', 'age'), fc.constantFrom('上海', '30')), { nil: undefined }),
      },
      { requiredKeys: ['type', 'platform', 'member', 'at'] },
    ),
    fc.record({ type: fc.constant('member.linked'), platform: plat, member, at, other_platform: plat, other_member: member }),
    fc.record({ type: fc.constant('community.updated'), platform: plat, community, at, name: fc.constantFrom('一群', '二群') }),
  );
}

export const eventBody = makeEventBody(minutes);
export const coarseEventBody = makeEventBody(eightHours);

/** A ledger: unique ids, bodies as NDJSON lines. */
export const ledger = fc
  .array(eventBody, { minLength: 1, maxLength: 40 })
  .map((bodies) => bodies.map((b, i) => JSON.stringify({ id: `e${i}`, ...b })));
