import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDate, ZoneClock } from './dates.js';
import { cellText, joinMethod, parseAmount, parsePhone, splitTags } from './values.js';
import { normalizeHeader, parseMapFlags, resolveColumns } from './columns.js';
import { zonedInstant } from '../../domain/time/periods.js';

const sh = new ZoneClock('Asia/Shanghai');
const ms = (s: string) => Date.parse(s);

describe('amounts', () => {
  it.each([
    ['9.9', 990],
    ['9.90', 990],
    ['¥199.00', 19900],
    ['￥199', 19900],
    ['1,299', 129900],
    ['1,299.50', 129950],
    ['199元', 19900],
    ['RMB 12', 1200],
    ['０.０１', 1],
    ['0', 0],
    ['12.300', 1230],
    [' 88 ', 8800],
  ])('%s yuan → %i 分', (text, fen) => expect(parseAmount(text, 'yuan')).toEqual({ ok: true, value: fen }));
  it('takes spreadsheet numbers and 分', () => {
    expect(parseAmount(9.9, 'yuan')).toEqual({ ok: true, value: 990 });
    expect(parseAmount(0.07, 'yuan')).toEqual({ ok: true, value: 7 });
    expect(parseAmount(1299, 'fen')).toEqual({ ok: true, value: 1299 });
    expect(parseAmount('1,299分', 'fen')).toEqual({ ok: true, value: 1299 });
  });
  it.each([
    ['abc', /^not an amount: "abc"/],
    ['9.999', /more than two decimals/],
    ['-5', /must not be negative/],
    ['1,29', /not an amount/],
    ['12,34.5', /not an amount/],
    ['', /not an amount/],
  ])('refuses %j', (text, reason) => {
    const r = parseAmount(text, 'yuan');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
  it('refuses fractional 分 and negative numbers', () => {
    expect(parseAmount(12.5, 'fen')).toMatchObject({ ok: false });
    expect(parseAmount(-1, 'yuan')).toMatchObject({ ok: false });
  });
  it('agrees with integer arithmetic on any yuan amount with two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (fen) => {
        const text = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
        expect(parseAmount(text, 'yuan')).toEqual({ ok: true, value: fen });
        if (fen < 1e9) expect(parseAmount(Number(text), 'yuan')).toEqual({ ok: true, value: fen });
      }),
    );
  });
});

describe('text cells', () => {
  it('phones, tags, methods, export guard, numbers', () => {
    expect(parsePhone('+86 138-0000-0000')).toEqual({ ok: true, value: '+8613800000000' });
    expect(parsePhone(13800000000)).toEqual({ ok: true, value: '13800000000' });
    expect(parsePhone("'+8613800000000")).toEqual({ ok: true, value: '+8613800000000' });
    expect(parsePhone('call me')).toMatchObject({ ok: false });
    expect(splitTags('宝妈, vip，高意向、vip;a|b ；c｜ ')).toEqual(['宝妈', 'vip', '高意向', 'a', 'b', 'c']);
    expect(['扫码进群', '群二维码', 'link', '邀请', '拉群', '???'].map(joinMethod)).toEqual(['qr', 'qr', 'link', 'invited', 'added', 'unknown']);
    expect(cellText("'=1+2")).toBe('=1+2');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(new Date(Date.UTC(2026, 10, 1)))).toBe('2026-11-01');
  });
});

describe('dates in the workspace zone', () => {
  it.each([
    ['2026-11-01', '2026-11-01T00:00:00+08:00'],
    ['2026/11/1 20:00', '2026-11-01T20:00:00+08:00'],
    ['2026-11-01 20:00:05', '2026-11-01T20:00:05+08:00'],
    ['2026年11月1日', '2026-11-01T00:00:00+08:00'],
    ['2026年11月1日 8:05', '2026-11-01T08:05:00+08:00'],
    ['2026.11.01', '2026-11-01T00:00:00+08:00'],
    ['2026-11-01T12:00:00Z', '2026-11-01T12:00:00Z'],
    ['2026-11-01 20:00:00 +0800', '2026-11-01T20:00:00+08:00'],
    ['45962', '2025-11-01T00:00:00+08:00'],
    ['45962.5', '2025-11-01T12:00:00+08:00'],
    ['1793462400', '2026-10-31T16:00:00Z'],
  ])('%s', (text, iso) => expect(parseDate(text, sh)).toEqual({ ok: true, ms: ms(iso) }));
  it('takes spreadsheet dates as wall clock, serial numbers as days', () => {
    expect(parseDate(new Date(Date.UTC(2026, 10, 1, 20, 0)), sh)).toEqual({ ok: true, ms: ms('2026-11-01T20:00:00+08:00') });
    expect(parseDate(45962.75, sh)).toEqual({ ok: true, ms: ms('2025-11-01T18:00:00+08:00') });
  });
  it.each([
    ['2026-02-30', /not a real date/],
    ['tomorrow', /not a date: "tomorrow"/],
    ['2026-11-01 25:00', /not a real date/],
  ])('refuses %s', (text, reason) => {
    const r = parseDate(text, sh);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
  it('agrees with the workspace calendar across DST zones', () => {
    for (const tz of ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
      const clock = new ZoneClock(tz);
      fc.assert(
        fc.property(
          fc.integer({ min: 2000, max: 2040 }),
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1, max: 28 }),
          fc.integer({ min: 0, max: 23 }),
          fc.integer({ min: 0, max: 59 }),
          (y, m, d, h, mi) => {
            const text = `${y}-${m}-${d} ${h}:${String(mi).padStart(2, '0')}`;
            const r = parseDate(text, clock);
            expect(r.ok).toBe(true);
            if (r.ok && h >= 4) expect(r.ms).toBe(zonedInstant(tz, y, m, d, h, mi)); // away from midnight gaps, same rule
            if (r.ok) expect(clock.format(r.ms)).toMatch(/[+-]\d{2}:\d{2}$/);
          },
        ),
        { numRuns: 50 },
      );
    }
  });
});

describe('columns', () => {
  it('understands Chinese and English headers, prefers the earlier synonym, leaves the rest as attributes', () => {
    const headers = ['姓名', '手机号码', '来源', '客户标签', '社群', '入群时间', '邀请人', '城市', '备注', 'role', 'rfm_segment'];
    const c = resolveColumns('members', headers);
    expect(Object.fromEntries([...c.fields].map(([f, i]) => [f, headers[i]]))).toEqual({
      name: '姓名',
      phone: '手机号码',
      channel: '来源',
      tags: '客户标签',
      community: '社群',
      joined_at: '入群时间',
      inviter: '邀请人',
    });
    expect(c.rest.map((i) => headers[i])).toEqual(['城市', '备注']);
    const o = resolveColumns('orders', ['订单号', '下单时间', '支付时间', '实付金额（元）', 'Member ID']);
    expect(o.fields.get('paid_at')).toBe(2);
    expect(o.fields.get('amount')).toBe(3);
    expect(o.fields.get('member')).toBe(4);
  });
  it('takes overrides and names what is wrong', () => {
    const c = resolveColumns('members', ['客户昵称', '联系方式', '姓名'], { map: parseMapFlags(['name=客户昵称', 'phone=']), ignore: ['姓名'] });
    expect([...c.fields]).toEqual([['name', 0]]);
    expect(c.rest).toEqual([1]);
    expect(() => resolveColumns('members', ['a'], { map: { nick: 'a' }, ignore: [] })).toThrow(/unknown field "nick"/);
    expect(() => resolveColumns('members', ['a'], { map: { name: 'b' }, ignore: [] })).toThrow(/--map name=b: no column "b"/);
    expect(() => parseMapFlags(['name'])).toThrow(/expected field=Header/);
    expect(normalizeHeader(' Member_ID* ')).toBe('memberid');
  });
});
