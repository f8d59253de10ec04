import { describe, expect, it } from 'vitest';
import { findLinks, findPhones, findWechatIds } from './detect.js';

describe('ad detectors', () => {
  it('finds links with and without a scheme', () => {
    expect(findLinks('看这里 https://t.cn/abc 还有 www.example.com/x 和 shop88.vip').map((f) => f.matched)).toEqual([
      'https://t.cn/abc',
      'www.example.com/x',
      'shop88.vip',
    ]);
    expect(findLinks('今天打卡完成了，3.5公里')).toEqual([]);
  });
  it('finds mainland mobile numbers, spaced or dashed, not inside longer numbers', () => {
    const text = '电话13800138000，或 139 0013 8000，或 137-0013-8000；订单号 2138001380001 不算';
    expect(findPhones(text).map((f) => f.matched)).toEqual(['13800138000', '139 0013 8000', '137-0013-8000']);
    expect(findPhones('12345678901')).toEqual([]);
  });
  it('finds WeChat ids after a cue and reports the id itself', () => {
    const f = findWechatIds('加我V信：yoga_2024 领资料，或者 vx abc12345');
    expect(f.map((x) => x.matched)).toEqual(['yoga_2024', 'abc12345']);
    const text = '微信号: Hello-World9';
    expect(text.slice(findWechatIds(text)[0]!.start, findWechatIds(text)[0]!.end)).toBe('Hello-World9');
    expect(findWechatIds('加我 V 信 yoga_2024 领资料').map((x) => x.matched)).toEqual(['yoga_2024']);
    expect(findWechatIds('微信 abc')).toEqual([]);
    expect(findWechatIds('我微信 already 加你了；微信 review 一下')).toEqual([]);
    expect(findWechatIds('WeChat: yogalin / WEIXIN lin_88').map((x) => x.matched)).toEqual(['yogalin', 'lin_88']);
    expect(findWechatIds('我们在微信群里聊天')).toEqual([]);
  });
});
