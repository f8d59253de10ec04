import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../domain/events/types.js';
import { checkStream } from './checks.js';
import { generateDemoEvents, type DemoOptions } from './generate.js';

const END = new Date('2026-11-12T00:00:00+08:00');
const BASE: DemoOptions = { members: 2000, days: 60, seed: 42, end: END };
const all = (o: DemoOptions) => [...generateDemoEvents(o)];
const first = (o: DemoOptions, n: number) => {
  const out: LedgerEvent[] = [];
  for (const ev of generateDemoEvents(o)) {
    out.push(ev);
    if (out.length === n) break;
  }
  return out;
};
const events = all(BASE);
const byType = <T extends LedgerEvent['type']>(t: T) => events.filter((e): e is Extract<LedgerEvent, { type: T }> => e.type === t);

describe('generateDemoEvents', () => {
  it('is deterministic: same options give identical events, another seed differs', () => {
    expect(JSON.stringify(first(BASE, 5000))).toBe(JSON.stringify(events.slice(0, 5000)));
    expect(JSON.stringify(all({ ...BASE, members: 300 }))).toBe(JSON.stringify(all({ ...BASE, members: 300 })));
    expect(JSON.stringify(first({ ...BASE, seed: 43 }, 500))).not.toBe(JSON.stringify(events.slice(0, 500)));
  });

  it('keeps the ledger contract: shapes, enums, order by at, unique ids, references to things already seen', () => {
    const { problems, count } = checkStream(events);
    expect(problems).toEqual([]);
    expect(count).toBe(events.length);
    for (const e of events) expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    const start = END.getTime() - 60 * 86_400_000;
    expect(Date.parse(events[0]!.at)).toBeGreaterThanOrEqual(start);
    expect(Date.parse(events.at(-1)!.at)).toBeLessThan(END.getTime());
  });

  it('has a plausible size and mix for 2000 members × 60 days', () => {
    const counts: Record<string, number> = {};
    for (const e of events) counts[e.type] = (counts[e.type] ?? 0) + 1;
    expect(events.length).toBeGreaterThan(2000 * 12);
    expect(events.length).toBeLessThan(2000 * 45);
    expect(counts['message.sent']! / events.length).toBeGreaterThan(0.5);
    expect(counts['checkin.done']).toBeGreaterThan(2000);
    expect(counts['order.paid']).toBeGreaterThan(500);
    expect(counts['community.updated']).toBeGreaterThanOrEqual(5);
    const joiners = new Set(
      byType('member.joined')
        .filter((e) => e.method !== 'added')
        .map((e) => e.member),
    );
    expect(joiners.size).toBe(2000);
  });

  it('looks like real communities: platforms, channels, fission depth, spam removal, lifecycle', () => {
    const updated = byType('community.updated');
    expect(new Set(updated.map((e) => e.platform))).toEqual(new Set(['wecom', 'telegram']));
    const joins = byType('member.joined');
    expect(new Set(joins.map((e) => e.channel))).toEqual(
      new Set([undefined, 'douyin', 'xiaohongshu', 'wechat-ads', 'offline', 'referral', 'tg-youtube', 'tg-link']),
    );
    const depth = new Map<string, number>();
    for (const j of joins) if (!depth.has(j.member)) depth.set(j.member, j.inviter ? depth.get(j.inviter)! + 1 : 0);
    expect(Math.max(...depth.values())).toBeGreaterThanOrEqual(3);
    const left = byType('member.left');
    expect(left.some((e) => e.reason === 'quit')).toBe(true);
    expect(left.filter((e) => e.reason === 'removed').every((e) => typeof e.by === 'string')).toBe(true);
    const joinCount = new Map<string, number>();
    for (const j of joins) joinCount.set(`${j.community}:${j.member}`, (joinCount.get(`${j.community}:${j.member}`) ?? 0) + 1);
    expect([...joinCount.values()].some((n) => n > 1)).toBe(true); // someone quit and came back
    const msgs = byType('message.sent');
    expect(msgs.some((m) => /vx|加V|兼职|代理/.test(m.text ?? ''))).toBe(true);
    expect(msgs.filter((m) => m.reply_to).length).toBeGreaterThan(msgs.length * 0.1);
    expect(msgs.some((m) => m.text?.includes('课程什么时候开始') || m.text?.includes('体验营多少钱'))).toBe(true);
    expect(new Set(msgs.map((m) => m.kind)).size).toBeGreaterThanOrEqual(6);
    expect(byType('member.linked').length).toBeGreaterThanOrEqual(2);
    const profiles = byType('member.profile');
    expect(profiles.filter((p) => p.phone).length).toBeGreaterThan(300);
    expect(profiles.some((p) => p.tags_add?.includes('高意向'))).toBe(true);
    expect(profiles.some((p) => p.attributes?.city)).toBe(true);
    expect(joins.some((j) => j.platform === 'telegram' && /^[A-Za-z]/.test(j.name ?? ''))).toBe(true);
  });

  it('sells a three-tier pyramid with campaigns, climbs, refunds and buyers outside any group', () => {
    const orders = byType('order.paid');
    const tiers = new Set(orders.map((o) => o.tier));
    expect(tiers).toEqual(new Set(['lead', 'entry', 'premium']));
    expect(orders.some((o) => o.campaign === 'double11')).toBe(true);
    expect(orders.some((o) => o.community) && orders.some((o) => !o.community)).toBe(true);
    const tiersOf = new Map<string, Set<string>>();
    for (const o of orders) tiersOf.set(o.member, (tiersOf.get(o.member) ?? new Set()).add(o.tier!));
    expect([...tiersOf.values()].filter((s) => s.size >= 2).length).toBeGreaterThan(50);
    const refunds = byType('order.refunded');
    const rate = refunds.length / orders.length;
    expect(rate).toBeGreaterThan(0.02);
    expect(rate).toBeLessThan(0.07);
    expect(refunds.some((r) => r.amount === undefined) && refunds.some((r) => r.amount !== undefined)).toBe(true);
    const joined = new Set(byType('member.joined').map((j) => j.member));
    expect(orders.filter((o) => !joined.has(o.member)).length).toBeGreaterThanOrEqual(3);
  });

  it('runs the 21-day check-in challenge with streaks and drop-offs', () => {
    const days = new Map<string, Set<string>>();
    for (const c of byType('checkin.done')) {
      expect(c.challenge).toBe('21-day-yoga');
      days.set(c.member, (days.get(c.member) ?? new Set()).add(c.at.slice(0, 10)));
    }
    const counts = [...days.values()].map((s) => s.size);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(18);
    expect(counts.filter((n) => n < 7).length).toBeGreaterThan(counts.length * 0.1);
  });

  it('keeps invariants for arbitrary small options (other zones, partial first and last days)', () => {
    fc.assert(
      fc.property(
        fc.record({
          members: fc.integer({ min: 0, max: 150 }),
          days: fc.integer({ min: 1, max: 25 }),
          seed: fc.integer({ min: -1000, max: 1_000_000 }),
          endMs: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) }),
          timezone: fc.constantFrom(undefined, 'Asia/Shanghai', 'America/New_York', 'UTC', 'Asia/Kolkata'),
        }),
        ({ members, days, seed, endMs, timezone }) => {
          const end = new Date(Math.floor(endMs / 1000) * 1000 + 17); // not on a second, not at midnight
          const out = all({ members, days, seed, end, ...(timezone ? { timezone } : {}) });
          const { problems } = checkStream(out);
          expect(problems).toEqual([]);
          for (const e of out) {
            const ms = Date.parse(e.at);
            expect(ms).toBeGreaterThanOrEqual(end.getTime() - days * 86_400_000 - 1000);
            expect(ms).toBeLessThan(end.getTime());
          }
          expect(
            new Set(out.filter((e) => e.type === 'member.joined' && e.method !== 'added').map((e) => (e as { member: string }).member)).size,
          ).toBe(members);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('has a checker that does catch broken streams', () => {
    const sample = events.slice(0, 3000);
    const join = sample.findIndex((e) => e.type === 'member.joined' && e.inviter);
    const refund = events.find((e) => e.type === 'order.refunded')!;
    const broken: LedgerEvent[] = [
      { ...sample[20]!, at: '2026-09-13 10:00:00' } as LedgerEvent,
      sample[21]!,
      sample[21]!,
      { ...refund, order: 'nope' } as LedgerEvent,
      { ...sample[5]!, extra: 1 } as unknown as LedgerEvent,
    ];
    const { problems } = checkStream(broken);
    expect(problems.join('\n')).toMatch(/bad at/);
    expect(problems.join('\n')).toMatch(/duplicate id/);
    expect(problems.join('\n')).toMatch(/unknown order/);
    expect(problems.join('\n')).toMatch(/unexpected field extra/);
    expect(join === -1 || checkStream([sample[join]!]).problems.length === 1).toBe(true); // inviter never seen
  });

  it('rejects nonsense options', () => {
    expect(() => all({ ...BASE, members: -1 })).toThrow(/members/);
    expect(() => all({ ...BASE, days: 0 })).toThrow(/days/);
    expect(() => all({ ...BASE, end: new Date('nope') })).toThrow(/end/);
    expect(() => all({ ...BASE, timezone: 'Mars/Olympus' })).toThrow();
  });
});
