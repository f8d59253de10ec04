// The shared throttle for wrong secrets: a budget per address and window, refusals that do not leak whether the
// secret was right, other addresses untouched, and memory bounded however many addresses fail.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FailureThrottle } from './throttle.js';

const limits = { failures: 3, windowMs: 60_000, maxKeys: 100 };

describe('FailureThrottle', () => {
  it('refuses an address once it spent its budget, until its window ends; other addresses are untouched', () => {
    let now = 1_000_000;
    const t = new FailureThrottle(limits, () => now);
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfter('a')).toBeNull();
      t.fail('a');
    }
    expect(t.retryAfter('a')).toBe(60);
    expect(t.retryAfter('b')).toBeNull();
    now += 45_500;
    expect(t.retryAfter('a')).toBe(15);
    now += 14_500;
    expect(t.retryAfter('a')).toBeNull();
    t.fail('a');
    expect(t.retryAfter('a')).toBeNull();
  });

  it('never remembers more than maxKeys addresses, and a flood of other addresses does not free the one failing now', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 600 }), fc.integer({ min: 0, max: 400 }), (keys, guesser) => {
        const t = new FailureThrottle(limits, () => 0);
        for (const k of keys) t.fail(`k${k}`);
        expect(t.size).toBeLessThanOrEqual(limits.maxKeys);
        for (let i = 0; i < limits.failures; i++) t.fail(`k${guesser}`);
        expect(t.size).toBeLessThanOrEqual(limits.maxKeys);
        expect(t.retryAfter(`k${guesser}`)).toBe(60);
      }),
    );
  });
});
