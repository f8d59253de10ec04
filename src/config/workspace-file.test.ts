import { describe, expect, it } from 'vitest';
import { ConfigError, parseWorkspaceFile } from './workspace-file.js';

const problems = (text: string): string[] => {
  try {
    parseWorkspaceFile(text);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('qunyun.yaml', () => {
  it('fills the documented defaults', () => {
    const cfg = parseWorkspaceFile('communities:\n  - { key: g1, name: 一群 }\n');
    expect(cfg.workspace).toEqual({ timezone: 'Asia/Shanghai', dormantDays: 30, newCustomerDays: 30 });
    expect(cfg.communities[0]).toMatchObject({ key: 'g1', platform: 'import', capacity: 200 });
    expect(cfg.products).toEqual([]);
  });

  it('keeps a whole blueprint', () => {
    const cfg = parseWorkspaceFile(`
products: [{ key: camp, name: 体验营, aliases: [体验课], tier: lead, price: 990 }]
communities:
  - key: wr1
    platform: wecom
    name: 瑜伽1群
    goal: 养成习惯
    persona: 宝妈
    benefits: { content: [跟练], social: [打卡], service: [答疑] }
    gates: [{ type: price, product: camp }]
    rules: [不发广告]
    announcement: 欢迎
    capacity: 150
    period: { days: 21, start: 2026-11-01 }
    elimination: { minCheckins: 5, withinDays: 7, silentDays: 14, noticeDays: 2 }
    revival: { checkins: 3, product: camp }
`);
    expect(cfg.communities[0]!.elimination).toEqual({ minCheckins: 5, withinDays: 7, silentDays: 14, noticeDays: 2 });
    expect(cfg.communities[0]!.capacity).toBe(150);
  });

  it.each([
    ['workspace: { timezone: Mars/Olympus }', 'workspace.timezone: not a known IANA time zone'],
    ['workspace: { dormantDays: -3 }', 'workspace.dormantDays:'],
    ['workspace: { dormant: 3 }', 'workspace: unknown key dormant'],
    ['products: [{ key: a, name: A, tier: vip, price: 1 }]', 'products[0].tier:'],
    ['products: [{ key: a, name: A, tier: lead, price: 9.9 }]', 'products[0].price:'],
    ['products: [{ key: a, name: A, tier: lead, price: 1 }, { key: a, name: B, tier: lead, price: 1 }]', 'products[1].key: duplicate key "a"'],
    ['channels: [{ key: douyin, cost: 5 }]', 'channels[0].name:'],
    ['communities: [{ key: g, name: G, capcity: 3 }]', 'communities[0]: unknown key capcity'],
    ['communities: [{ key: g, name: G, gates: [{ type: price, product: nope }] }]', 'communities[0].gates[0].product: unknown product "nope"'],
    ['communities: [{ key: g, name: G, period: { start: 11/01 } }]', 'communities[0].period.start: expected a date'],
    ['workspace: [1', 'YAML line 1'],
  ])('%s → names %s', (text, expected) => {
    expect(problems(text).join('\n')).toContain(expected);
  });
});
