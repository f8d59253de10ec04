import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, parseEventLine, validateEvent } from './validate.js';
import { parseInstant } from './instant.js';

const base = { id: 'e1', at: '2026-11-01T20:00:00+08:00' };
const reason = (v: unknown) => {
  const r = validateEvent(v);
  return r.ok ? 'ok' : r.reason;
};

describe('validateEvent', () => {
  it('accepts every type with its required fields and fills the default platform', () => {
    const good = [
      { type: 'community.updated', community: 'g', name: 'n', owner: 'u', admins: ['a'] },
      { type: 'member.joined', community: 'g', member: 'u', channel: 'c', inviter: 'v', method: 'invited' },
      { type: 'member.left', community: 'g', member: 'u', reason: 'removed', by: 'a' },
      { type: 'message.sent', community: 'g', member: 'u', kind: 'text', text: '你好', reply_to: 'e0', mentions: ['v'] },
      { type: 'checkin.done', member: 'u', challenge: 'c21' },
      { type: 'order.paid', member: 'u', order: 'o', amount: 0, currency: 'CNY', tier: 'lead' },
      { type: 'order.refunded', order: 'o' },
      { type: 'member.profile', member: 'u', phone: '13800000000', tags_add: ['宝妈'], attributes: { city: '上海' } },
      { type: 'member.linked', member: 'u', other_platform: 'telegram', other_member: '42' },
    ];
    for (const g of good) {
      const r = validateEvent({ ...base, ...g });
      expect(r.ok, JSON.stringify(g) + ' ' + (r.ok ? '' : r.reason)).toBe(true);
      if (r.ok) expect(r.value.event.platform).toBe('import');
    }
  });

  it.each([
    [{ ...base }, /^type: required/],
    [{ ...base, type: 'member.kicked' }, /^type: unknown event type "member.kicked"/],
    [{ type: 'checkin.done', at: base.at, member: 'u', challenge: 'c' }, /^id: required/],
    [{ ...base, id: 7, type: 'checkin.done', member: 'u', challenge: 'c' }, /^id: must be a string \(got number\)/],
    [{ ...base, id: 'x'.repeat(201), type: 'checkin.done', member: 'u', challenge: 'c' }, /^id: longer than 200/],
    [{ ...base, type: 'member.joined', member: 'u' }, /^community: required for member.joined/],
    [{ ...base, type: 'member.left', community: 'g', member: 'u' }, /^reason: required/],
    [{ ...base, type: 'member.left', community: 'g', member: 'u', reason: 'kicked' }, /^reason: must be one of quit, removed/],
    [{ ...base, type: 'message.sent', community: 'g', member: 'u', kind: 'sticker' }, /^kind: must be one of/],
    [{ ...base, type: 'order.paid', member: 'u', order: 'o', amount: -1 }, /^amount: must not be negative/],
    [{ ...base, type: 'order.paid', member: 'u', order: 'o', amount: 9.9 }, /^amount: must be an integer/],
    [{ ...base, type: 'order.paid', member: 'u', order: 'o', amount: '990' }, /^amount: must be an integer/],
    [{ ...base, type: 'order.paid', member: 'u', order: 'o', amount: 1, currency: 'rmb' }, /^currency:/],
    [{ ...base, type: 'order.refunded', order: 'o', amount: -3 }, /^amount: must not be negative/],
    [{ ...base, type: 'member.profile', member: 'u', tags_add: 'vip' }, /^tags_add: must be an array/],
    [{ ...base, type: 'member.profile', member: 'u', tags_add: ['ok', 3] }, /^tags_add\[1\]: must be a string/],
    [{ ...base, type: 'member.profile', member: 'u', attributes: { age: 30 } }, /^attributes.age: must be a string/],
    [{ ...base, type: 'member.linked', member: 'u', other_platform: 'telegram' }, /^other_member: required/],
    [{ ...base, at: '2026-11-01T20:00:00', type: 'checkin.done', member: 'u', challenge: 'c' }, /^at: missing UTC offset/],
    [{ ...base, at: '2026-02-30T20:00:00Z', type: 'checkin.done', member: 'u', challenge: 'c' }, /^at: not a real date/],
    [{ ...base, at: 1730000000, type: 'checkin.done', member: 'u', challenge: 'c' }, /^at: must be an ISO-8601 string/],
    [{ ...base, platform: '', type: 'checkin.done', member: 'u', challenge: 'c' }, /^platform: must not be empty/],
    [[1, 2], /^event must be a JSON object \(got array\)/],
    [{ ...base, type: 'checkin.done', member: 'u\u0000', challenge: 'c' }, /^member: contains a NUL character/],
    [{ ...base, id: 'x\ud800', type: 'checkin.done', member: 'u', challenge: 'c' }, /^id: not well-formed Unicode/],
    [{ ...base, type: 'member.profile', member: 'u', name: 'a\udc00' }, /^name: not well-formed Unicode/],
    [{ ...base, type: 'member.profile', member: 'u', attributes: { 'k\u0000': 'v' } }, /^attributes\.k\u0000: contains a NUL character/],
    [{ ...base, type: 'checkin.done', member: null, challenge: 'c' }, /^member: required for checkin.done \(got null\)/],
    [{ ...base, at: '0050-01-01T00:00:00Z', type: 'checkin.done', member: 'u', challenge: 'c' }, /^at: year 50 out of range/],
  ])('rejects %j naming the field', (input, expected) => {
    expect(reason(input)).toMatch(expected);
  });

  it('treats null optional fields as absent, and re-serialises the body without them', () => {
    const line = JSON.stringify({ ...base, platform: 'wecom', type: 'order.refunded', order: 'o', amount: null });
    const r = parseEventLine(line);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect('amount' in r.value.event).toBe(false);
      expect(JSON.parse(r.value.body)).not.toHaveProperty('amount');
    }
    const c = validateEvent({ ...base, type: 'checkin.done', member: 'u', challenge: 'c', community: null });
    expect(c.ok && 'community' in c.value.event).toBe(false);
  });

  it('reports non-JSON lines', () => {
    const r = parseEventLine('{"id": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^not valid JSON/);
  });

  it('gives the same canonical body whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
    );
  });
});

describe('parseInstant', () => {
  it('honours offsets, Z and fractions', () => {
    const utc = Date.UTC(2026, 10, 1, 12, 0, 0);
    expect(parseInstant('2026-11-01T20:00:00+08:00')).toEqual({ ok: true, ms: utc });
    expect(parseInstant('2026-11-01T12:00:00Z')).toEqual({ ok: true, ms: utc });
    expect(parseInstant('2026-11-01T07:00:00-0500')).toEqual({ ok: true, ms: utc });
    expect(parseInstant('2026-11-01T12:00:00.250Z')).toEqual({ ok: true, ms: utc + 250 });
  });
  it('agrees with Date.parse on random instants', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
        expect(parseInstant(d.toISOString())).toEqual({ ok: true, ms: d.getTime() });
      }),
    );
  });
});

describe('parseInstant fast path', () => {
  it('agrees with the general parser on every offset shape', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1001-01-01T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -18 * 60, max: 18 * 60 }),
        (d, off) => {
          const local = new Date(d.getTime() + off * 60_000).toISOString().slice(0, 19);
          const sign = off < 0 ? '-' : '+';
          const abs = Math.abs(off);
          const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseInstant(text)).toEqual({ ok: true, ms: Math.floor(d.getTime() / 1000) * 1000 });
        },
      ),
    );
  });
  it('still refuses impossible dates in the common shape', () => {
    expect(parseInstant('2026-02-29T00:00:00+08:00').ok).toBe(false);
    expect(parseInstant('2026-13-01T00:00:00Z').ok).toBe(false);
    expect(parseInstant('2028-02-29T00:00:00Z').ok).toBe(true);
  });
});
