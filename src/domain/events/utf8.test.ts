// invalidUtf8At against the platform's own strict decoder.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { invalidUtf8At } from './utf8.js';

describe('invalidUtf8At', () => {
  it('agrees with a fatal TextDecoder on random bytes, and points at a byte the decoder refuses', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 12 }),
      // Mostly valid text with one byte changed: the interesting boundary cases.
      fc.tuple(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.nat(), fc.integer({ min: 0x80, max: 0xff })).map(([s, at, b]) => {
        const x = Buffer.from(s);
        if (x.length > 0) x[at % x.length] = b;
        return new Uint8Array(x);
      }),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        const at = invalidUtf8At(b);
        let valid = true;
        try {
          fatal.decode(b);
        } catch {
          valid = false;
        }
        expect(at === -1).toBe(valid);
        if (at >= 0) {
          // Everything before the offset is well-formed; the sequence starting there is not.
          expect(() => fatal.decode(b.subarray(0, at))).not.toThrow();
          expect(invalidUtf8At(b.subarray(at))).toBe(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
  it.each([
    [[0xc0, 0x80], 0, 'overlong'],
    [[0x41, 0xed, 0xa0, 0x80], 1, 'a surrogate'],
    [[0xf4, 0x90, 0x80, 0x80], 0, 'past U+10FFFF'],
    [[0x41, 0x42, 0xe4, 0xbd], 2, 'cut at the end'],
    [[0x80], 0, 'a lone continuation byte'],
  ])('%j → %i (%s)', (bytes, at) => {
    expect(invalidUtf8At(new Uint8Array(bytes))).toBe(at);
  });
});
