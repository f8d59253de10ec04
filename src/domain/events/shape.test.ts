// The per-event shape limits (depth, key count, reserved keys) and canonical JSON on values of any depth.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, sameBody } from './canonical.js';
import { MAX_DEPTH, MAX_KEYS } from './shape.js';
import { parseEventLine, validateEvent } from './validate.js';

const base = { id: 'e1', at: '2026-11-01T20:00:00+08:00', type: 'checkin.done', member: 'u', challenge: 'c' };
const reason = (line: string) => {
  const r = parseEventLine(line);
  return r.ok ? 'ok' : r.reason;
};
/** An extra field nested `levels` objects deep (the event itself is one level more). */
const nested = (levels: number) => '{"x":'.repeat(levels) + '1' + '}'.repeat(levels);
const withExtra = (extra: string) => JSON.stringify(base).slice(0, -1) + `,"extra":${extra}}`;

describe('event shape limits', () => {
  it(`accepts ${MAX_DEPTH} levels and refuses one more, naming the limit`, () => {
    expect(reason(withExtra(nested(MAX_DEPTH - 1)))).toBe('ok');
    expect(reason(withExtra(nested(MAX_DEPTH)))).toMatch(/^extra(\.x)+: nested deeper than 32 levels/);
    expect(reason(withExtra('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH)))).toMatch(/^extra(\[0\])+: nested deeper than 32 levels/);
  });

  it('refuses a line nested 100,000 levels deep without overflowing the stack', () => {
    expect(reason(withExtra(nested(100_000)))).toMatch(/nested deeper than 32 levels/);
    expect(reason(withExtra('['.repeat(100_000) + ']'.repeat(100_000)))).toMatch(/nested deeper than 32 levels/);
  });

  it(`caps the keys of one event at ${MAX_KEYS}, counted at every level`, () => {
    const keys = (n: number) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, { a: 1 }])));
    // base has 5 keys, `extra` one more; each k has one key of its own.
    expect(reason(withExtra(keys((MAX_KEYS - 6) / 2)))).toBe('ok');
    expect(reason(withExtra(keys((MAX_KEYS - 6) / 2 + 1)))).toMatch(/^more than 2000 keys in one event/);
  });

  it('refuses a NUL character in any text or key, naming where it is', () => {
    const msg = (text: string) =>
      `{"id":"m","at":"2026-11-01T20:00:00Z","type":"message.sent","member":"u","community":"c","kind":"text","text":${JSON.stringify(text)}}`;
    expect(reason(msg('hello'))).toBe('ok');
    expect(reason(msg('a\u0000b'))).toBe('text: contains a NUL character (U+0000), which no text may hold');
    expect(reason(withExtra('[["x", "\\u0000"]]'))).toMatch(/^extra\[0\]\[1\]: contains a NUL character/);
    expect(reason(withExtra('{"a\\u0000":1}'))).toMatch(/contains a NUL character/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the reserved key %s anywhere, with a reason', (key) => {
    const profile = `{"id":"p","at":"2026-11-01T20:00:00Z","type":"member.profile","member":"u","attributes":{"city":"上海","${key}":"x"}}`;
    expect(reason(profile)).toBe(`attributes.${key}: reserved key (__proto__, constructor and prototype are refused)`);
    expect(reason(`{"${key}":{"a":1},"id":"p","at":"2026-11-01T20:00:00Z","type":"checkin.done","member":"u","challenge":"c"}`)).toMatch(
      new RegExp(`^${key}: reserved key`),
    );
    expect(reason(withExtra(`[{"a":{"${key}":1}}]`))).toMatch(new RegExp(`^extra\\[0\\]\\.a\\.${key}: reserved key`));
    // An object made in code (an import, a connector) is checked the same way.
    const attributes = Object.create(null) as Record<string, string>;
    attributes[key] = 'x';
    expect(validateEvent({ ...base, type: 'member.profile', attributes })).toMatchObject({ ok: false });
  });

  it('keeps ordinary keys that merely contain a reserved word', () => {
    expect(reason(withExtra('{"my_constructor":"a","prototype_id":"b","__proto":"c"}'))).toBe('ok');
  });
});

describe('canonicalJson', () => {
  /** The plain recursive definition it replaces: the oracle on values of ordinary depth. */
  const recursive = (v: unknown): string => {
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    if (Array.isArray(v)) return '[' + v.map(recursive).join(',') + ']';
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + recursive(o[k])).join(',') + '}';
  };

  it('writes what the recursive definition writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(v)).toBe(recursive(v));
      }),
    );
  });

  it('handles bodies nested 100,000 levels deep (stored before the cap) without overflowing', () => {
    const deep = nested(100_000);
    const reordered = '{"b":2,"a":' + deep + '}';
    expect(canonicalJson(JSON.parse(deep)).length).toBe(deep.length);
    expect(sameBody(reordered, '{"a":' + deep + ',"b":2}')).toBe(true);
    expect(sameBody(reordered, '{"a":' + deep + ',"b":3}')).toBe(false);
  });
});
