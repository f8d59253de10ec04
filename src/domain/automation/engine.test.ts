import { describe, expect, it } from 'vitest';
import { automationSchema } from '../../config/automation-schema.js';
import { compileRules, render, type AutoEvent, type MemberContext } from './engine.js';

const cfg = automationSchema.parse({
  lists: { ads: ['加微信', '免费领取'], competitors: ['某某瑜伽'] },
  ladders: { standard: ['warn', 'warn', 'mute:1h', 'remove', 'blacklist'] },
  rules: [
    {
      key: 'ads',
      on: 'message',
      match: { words: ['ads', 'competitors'], links: true, phones: true, wechatIds: true, kinds: ['card'] },
      actions: ['delete', 'strike'],
      ladder: 'standard',
    },
    { key: 'flood', on: 'message', match: { flood: { messages: 3, seconds: 10 } }, actions: [{ mute: '10m' }] },
    { key: 'probation-links', on: 'message', probationHours: 24, match: { links: true }, actions: ['remove'] },
    { key: 'welcome', on: 'join', communities: ['g1'], actions: [{ send: '欢迎 {name} 加入{community}！群规：{rules}' }] },
    {
      key: 'faq',
      on: 'message',
      actions: ['answer'],
      threshold: 0.5,
      faq: [
        { q: '体验营多少钱', a: '体验营 9.9 元，共 7 天。', keywords: ['价格', '费用'] },
        { q: '课程什么时候开始', a: '每周一晚上 8 点开课。', keywords: ['开课', '上课时间'] },
      ],
    },
  ],
});
const rules = compileRules(cfg);
const T = Date.parse('2026-11-01T12:00:00+08:00');
const msg = (text: string, extra: Partial<AutoEvent> = {}): AutoEvent => ({
  type: 'message',
  at: T,
  platform: 'wecom',
  community: 'g1',
  memberName: '小红',
  communityName: '瑜伽一群',
  text,
  kind: 'text',
  ...extra,
});
const ctx = (extra: Partial<MemberContext> = {}): MemberContext => ({
  joinedAt: T - 48 * 3_600_000,
  strikes: 0,
  recent: [T],
  communityRules: ['不发广告', '友善交流'],
  ...extra,
});
const run = (key: string, ev: AutoEvent, c = ctx()) => rules.find((r) => r.key === key)!.evaluate(ev, c);

describe('rule engine', () => {
  it('matches word lists through dodges and names what matched, with original offsets', () => {
    const text = '想瘦身的 加 微 信 了解';
    const out = run('ads', msg(text));
    expect(out.map((a) => a.kind)).toEqual(['delete', 'warn']);
    const h = out[0]!.hits[0]!;
    expect(h).toMatchObject({ what: 'words:ads', word: '加微信' });
    expect(text.slice(h.start, h.end)).toBe('加 微 信');
    expect(run('ads', msg('大家早上好，今天练了 30 分钟'))).toEqual([]);
  });

  it('climbs the ladder by the strikes already counted; past the end the last step repeats', () => {
    const kinds = (strikes: number) => run('ads', msg('vx: yoga_2024'), ctx({ strikes })).map((a) => [a.kind, a.step, a.seconds]);
    expect(kinds(0)).toEqual([
      ['delete', undefined, undefined],
      ['warn', 1, undefined],
    ]);
    expect(kinds(2)).toEqual([
      ['delete', undefined, undefined],
      ['mute', 3, 3600],
    ]);
    expect(kinds(3)).toEqual([
      ['delete', undefined, undefined],
      ['remove', 4, undefined],
    ]);
    expect(kinds(9).map((k) => k[0])).toEqual(['delete', 'remove', 'blacklist']);
  });

  it('links, phones and card messages are ads; flood counts the window; probation only for new members', () => {
    expect(run('ads', msg('详情 https://t.cn/x'))[0]!.hits[0]!.what).toBe('link');
    expect(run('ads', msg('电话 138 0013 8000'))[0]!.hits[0]!.what).toBe('phone');
    expect(run('ads', msg('', { kind: 'card' }))[0]!.hits[0]!.what).toBe('kind:card');
    expect(run('flood', msg('刷'), ctx({ recent: [T - 11_000, T - 5000, T] }))).toEqual([]);
    expect(run('flood', msg('刷'), ctx({ recent: [T - 9000, T - 5000, T] }))[0]).toMatchObject({ kind: 'mute', seconds: 600 });
    expect(run('probation-links', msg('www.a.com'), ctx({ joinedAt: T - 3_600_000 })).map((a) => a.kind)).toEqual(['remove']);
    expect(run('probation-links', msg('www.a.com'), ctx({ joinedAt: T - 25 * 3_600_000 }))).toEqual([]);
    expect(run('probation-links', msg('www.a.com'), ctx({ joinedAt: null }))).toEqual([]);
  });

  it('welcomes with variables, only in its communities', () => {
    const join: AutoEvent = { ...msg(''), type: 'join', text: null, kind: null };
    expect(run('welcome', join)[0]!.text).toBe('欢迎 小红 加入瑜伽一群！群规：不发广告；友善交流');
    expect(run('welcome', { ...join, community: 'g2' })).toEqual([]);
    expect(render('{name} {unknown}', { name: 'A' })).toBe('A {unknown}');
  });

  it('answers questions from the FAQ, hands weak matches to an operator, ignores chatter', () => {
    expect(run('faq', msg('请问体验营多少钱？'))[0]).toMatchObject({ kind: 'reply', text: '体验营 9.9 元，共 7 天。' });
    expect(run('faq', msg('什么时候开课呀'))[0]).toMatchObject({ kind: 'reply', text: '每周一晚上 8 点开课。' });
    expect(run('faq', msg('退款怎么办理？'))[0]).toMatchObject({ kind: 'notify' });
    expect(run('faq', msg('今天练完了，好累'))).toEqual([]);
  });

  it('leave rules can watch only members who quit', () => {
    const [r] = compileRules(automationSchema.parse({ rules: [{ key: 'churn', on: 'leave', reasons: ['quit'], actions: ['notify'] }] }));
    const leave = (reason: string): AutoEvent => ({ ...msg(''), type: 'leave', text: null, kind: null, reason });
    expect(r!.evaluate(leave('quit'), ctx()).map((a) => a.kind)).toEqual(['notify']);
    expect(r!.evaluate(leave('removed'), ctx())).toEqual([]);
  });

  it('a disabled rule does nothing', () => {
    const off = compileRules(automationSchema.parse({ rules: [{ key: 'x', on: 'message', actions: ['delete'], enabled: false }] }));
    expect(off[0]!.evaluate(msg('anything'), ctx())).toEqual([]);
  });
});
