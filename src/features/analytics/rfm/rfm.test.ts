// RFM on a hand-made ledger; scores and segments worked out by hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/databases.js';
import { createTestApp, ndjson } from '../../../test-support/app.js';

const dialects = await dialectsUnderTest();
let n = 0;
const paid = (m: string, day: string, amount: number) => ({
  id: `p${++n}`,
  platform: 'wecom',
  type: 'order.paid',
  member: m,
  order: `o${n}`,
  amount,
  at: `2026-${day}T10:00:00+08:00`,
});
const refund = (order: string, day: string, amount?: number) => ({
  id: `r${++n}`,
  platform: 'wecom',
  type: 'order.refunded',
  order,
  amount,
  at: `2026-${day}T10:00:00+08:00`,
});

// As of 2026-11-01, n = 5 paying members:
//   P1 last 10-30 f1 m1000 · P2 last 10-20 f2 m1000 · P3 last 10-28 f3 m20000 · P4 last 08-01 f1 m200 · P5 last 10-15 f1 m2000 (3000 − 1000)
// Scores 1 + floor(5 × strictly-worse / 5): R P4 1, P5 2, P2 3, P3 4, P1 5 (mean 3); F P1 P4 P5 1, P2 4, P3 5 (mean 2.4);
// M P4 1, P1 P2 2, P5 4, P3 5 (mean 2.8). High = above the mean.
const ledger: Record<string, unknown>[] = [
  paid('P1', '10-30', 1000),
  paid('P2', '10-01', 500),
  paid('P2', '10-20', 500),
  paid('P3', '09-01', 10000),
  paid('P3', '10-25', 5000),
  paid('P3', '10-28', 5000),
  paid('P4', '08-01', 200),
  paid('P5', '10-15', 3000),
  paid('P6', '10-10', 800),
  paid('P7', '11-05', 900),
];
ledger.push(refund('o8', '10-16', 1000), refund('o9', '10-11'), refund('o1', '11-02'));

describe.each(dialects)('RFM (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp(dialect);
    await h.post(ndjson(ledger));
  });
  afterAll(() => h.drop());

  it('scores quintiles with shared ties and splits on the means', async () => {
    const { body } = await h.get('/api/v1/rfm?at=2026-11-01');
    expect(body).toMatchObject({ at: '2026-11-01T00:00:00+08:00', paying_members: 5, means: { r: 3, f: 2.4, m: 2.8 } });
    const counts = Object.fromEntries(body.segments.map((s: any) => [s.key, s.members]));
    expect(counts).toEqual({
      important_value: 1,
      important_development: 0,
      important_retention: 0,
      important_winback: 1,
      general_value: 0,
      general_development: 1,
      general_retention: 1,
      general_winback: 1,
    });
    expect(body.segments.find((s: any) => s.key === 'important_value')).toMatchObject({ name_zh: '重要价值客户', share: 0.2, net_paid: 20000 });
    const members = (await h.get('/api/v1/rfm/members?at=2026-11-01&page_size=10')).body.items;
    const by = Object.fromEntries(members.map((m: any) => [m.monetary + ':' + m.frequency, [m.scores, m.segment]]));
    expect(by['2000:1']).toEqual([{ r: 2, f: 1, m: 4 }, 'important_winback']);
    expect(by['1000:2']).toEqual([{ r: 3, f: 4, m: 2 }, 'general_retention']);
    expect(members[0]).toMatchObject({ frequency: 3, monetary: 20000, recency_days: 3 + 14 / 24, segment: 'important_value' });
    const one = (await h.get('/api/v1/rfm/members?at=2026-11-01&segment=general_winback')).body.items;
    expect(one.map((m: any) => m.monetary)).toEqual([200]);
  });

  it('empty answers and bad parameters', async () => {
    const { body } = await h.get('/api/v1/rfm?at=2026-01-01');
    expect(body.paying_members).toBe(0);
    expect(body.means).toBeNull();
    expect(body.segments.every((s: any) => s.members === 0 && s.share === null)).toBe(true);
    expect((await h.get('/api/v1/rfm?at=yesterday')).status).toBe(400);
    const bad = await h.get('/api/v1/rfm/members?segment=vip');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^segment: unknown segment "vip"/);
  });
});
