// maskPhone: the documented examples, and properties over any string.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ERASED, maskPhone, maskPhonesIn, phoneFor } from './mask.js';

describe('maskPhone', () => {
  it('keeps the first three and last four of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+8613812345678')).toBe('+86*******5678');
  });
  it('masks a short number fully, and leaves null and the erasure tombstone alone', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('1381234567')).toBe('**********');
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(ERASED)).toBe(ERASED);
  });
  it('phoneFor shows the number only to whom it may', () => {
    expect(phoneFor(true, '13812345678')).toBe('13812345678');
    expect(phoneFor(false, '13812345678')).toBe('138****5678');
  });

  it('masks the mobile numbers written inside a text, and nothing else', () => {
    expect(maskPhonesIn('加我 13812345678 或 139-8765-4321，订单号 12345678901234')).toBe('加我 138****5678 或 139******4321，订单号 12345678901234');
    expect(maskPhonesIn('没有号码')).toBe('没有号码');
  });

  it('keeps the length, reveals at most seven characters and hides at least four', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        fc.pre(s !== ERASED && !s.includes('*'));
        const chars = [...s];
        const masked = [...maskPhone(s)];
        expect(masked.length).toBe(chars.length);
        const hidden = masked.filter((c) => c === '*').length;
        expect(chars.length - hidden).toBeLessThanOrEqual(7);
        if (chars.length > 0) expect(hidden).toBeGreaterThanOrEqual(Math.min(4, chars.length));
        // What is shown is shown in place.
        masked.forEach((c, i) => c === '*' || expect(c).toBe(chars[i]));
      }),
    );
  });

  it('digits of the middle never survive in a number of 11 or more digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{11,20}$/), (s) => {
        const m = maskPhone(s);
        expect(m.slice(0, 3)).toBe(s.slice(0, 3));
        expect(m.slice(-4)).toBe(s.slice(-4));
        expect(m.slice(3, -4)).toMatch(/^\*+$/);
        expect(maskPhone(m)).toBe(m.length >= 11 ? m : '*'.repeat(m.length));
      }),
    );
  });
});
