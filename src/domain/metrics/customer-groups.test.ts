// The customer-group rule on its own: docs/spec/metrics.md's order of checks at the edges of its windows, and dormantFrom as
// the first instant isDormant holds. (That the SQL engine and the sweep agree with it member by member:
// features/analytics/metrics/customer-groups.property.test.ts.)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { customerGroup, dormantFrom, groupWindows, isDormant } from './customer-groups.js';

const DAY = 86_400_000;
const now = Date.parse('2026-12-01T00:00:00Z');
const w = groupWindows({ dormantDays: 30, newCustomerDays: 7 }, now);

describe('customer groups', () => {
  it('checks dormant, then potential, then new, else core', () => {
    expect(customerGroup({ firstJoin: now - 31 * DAY, firstPaid: now - DAY, activeInQuietWindow: false }, w)).toBe('dormant');
    expect(customerGroup({ firstJoin: now - 31 * DAY, firstPaid: now - DAY, activeInQuietWindow: true }, w)).toBe('new');
    expect(customerGroup({ firstJoin: now - 29 * DAY, firstPaid: null, activeInQuietWindow: false }, w)).toBe('potential');
    expect(customerGroup({ firstJoin: now - 90 * DAY, firstPaid: now - 10 * DAY, activeInQuietWindow: true }, w)).toBe('core');
    expect(customerGroup({ firstJoin: null, firstPaid: null, activeInQuietWindow: false }, w)).toBe('potential');
  });

  it('takes its windows as D and N × 24 hours, edges included as docs/spec/metrics.md says', () => {
    expect(w).toEqual({ t: now, joinedBy: now - 30 * DAY, quietFrom: now - 30 * DAY, quietTo: now, newSince: now - 7 * DAY });
    // First join exactly D days before t is old enough; a first paid order exactly N days before t is still new.
    expect(customerGroup({ firstJoin: now - 30 * DAY, firstPaid: null, activeInQuietWindow: false }, w)).toBe('dormant');
    expect(customerGroup({ firstJoin: now - 30 * DAY + 1, firstPaid: null, activeInQuietWindow: false }, w)).toBe('potential');
    expect(customerGroup({ firstJoin: now - 90 * DAY, firstPaid: now - 7 * DAY, activeInQuietWindow: true }, w)).toBe('new');
    expect(customerGroup({ firstJoin: now - 90 * DAY, firstPaid: now - 7 * DAY - 1, activeInQuietWindow: true }, w)).toBe('core');
  });

  it('dormantFrom is the first instant from which the member is dormant', () => {
    const instant = fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') });
    fc.assert(
      fc.property(instant, fc.array(fc.integer({ min: 0, max: 90 * DAY }), { maxLength: 6 }), fc.integer({ min: 1, max: 60 }), (fj, offsets, d) => {
        const acts = offsets.map((o) => fj + o);
        const dormant = (t: number) => {
          const at = groupWindows({ dormantDays: d, newCustomerDays: 1 }, t);
          return isDormant({ firstJoin: fj, activeInQuietWindow: acts.some((x) => x >= at.quietFrom && x < at.quietTo) }, at);
        };
        const at = dormantFrom(fj, acts.length ? Math.max(...acts) : null, d);
        expect(dormant(at)).toBe(true);
        expect(dormant(at - 1)).toBe(false);
      }),
    );
  });
});
