// docs/spec/metrics.md figures on a hand-made ledger; every expected number is worked out by hand in the comments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../../test-support/databases.js';
import { createTestApp, ndjson } from '../../../test-support/app.js';
import { applyWorkspaceFile } from '../../workspace/apply.js';
import { parseWorkspaceFile } from '../../../config/workspace-file.js';

const dialects = await dialectsUnderTest();
const at = (md: string, hh = 10) => `2026-${md}T${String(hh).padStart(2, '0')}:00:00+08:00`;
let seq = 0;
const e = (type: string, md: string, fields: Record<string, unknown>, hh = 10) => ({
  id: `x${++seq}`,
  platform: 'wecom',
  type,
  at: at(md, hh),
  ...fields,
});
const join = (m: string, md: string, extra: Record<string, unknown> = {}, community = 'g1') =>
  e('member.joined', md, { community, member: m, ...extra });

// Period [2026-10-01, 2026-11-01) in Asia/Shanghai; D = N = 30 days, so s − D = 09-01 and e − D = 10-02.
const ledger = [
  join('A', '08-01', { channel: 'douyin' }),
  e('message.sent', '09-15', { community: 'g1', member: 'A', kind: 'text', text: '早上好' }),
  join('B', '08-01', { channel: 'xhs' }),
  e('message.sent', '10-10', { community: 'g1', member: 'B', kind: 'text', text: '体验营多少钱' }),
  e('message.sent', '10-11', { community: 'g1', member: 'B', kind: 'text', text: '好的' }),
  join('C', '09-20', { channel: 'douyin' }),
  e('order.paid', '09-25', { member: 'C', order: 'o1', amount: 990 }),
  e('order.refunded', '09-30', { order: 'o1', amount: 300 }),
  e('checkin.done', '10-15', { member: 'C', challenge: 'c21', community: 'g1' }),
  join('D', '10-05', { channel: 'referral', inviter: 'A', method: 'invited' }),
  e('order.paid', '10-20', { member: 'D', order: 'o2', amount: 19900, community: 'g1' }),
  join('E', '10-08'),
  e('member.left', '10-20', { community: 'g1', member: 'E', reason: 'quit' }),
  { ...join('F', '09-01', { channel: 'douyin' }), at: '2026-09-01T00:00:00+08:00' },
  e('member.left', '10-03', { community: 'g1', member: 'F', reason: 'quit' }),
  e('order.paid', '10-12', { member: 'G', order: 'o3', amount: 500 }),
  e('order.refunded', '10-13', { order: 'o3' }),
  join('H', '10-25', { channel: 'douyin' }),
  e('member.profile', '10-26', { member: 'H', phone: '13800000000' }),
  e('order.paid', '10-28', { member: 'I', order: 'o4', amount: 990 }),
  e('order.refunded', '10-29', { order: 'o4', amount: 200 }),
  // K's order is refunded in full exactly at e: a refund at t is not "before t", so it is still paid as of e.
  join('K', '09-10'),
  e('order.paid', '09-12', { member: 'K', order: 'o5', amount: 990 }),
  { ...e('order.refunded', '11-01', { order: 'o5' }), at: '2026-11-01T00:00:00+08:00' },
  e('message.sent', '10-20', { community: 'g1', member: 'K', kind: 'text', text: '在吗' }),
  // Joins after e are not known as of e: L stays a lead without channel, I a first buyer without join.
  e('member.profile', '10-28', { member: 'L', phone: '13900000000' }),
  join('L', '11-05', { channel: 'douyin' }),
  join('I', '11-03', { channel: 'xhs' }),
  join('J', '10-02', { channel: 'xhs' }, 'g2'),
  e('message.sent', '10-03', { community: 'g2', member: 'J', kind: 'text', text: 'hello' }),
];
ledger[ledger.length - 2]!.at = '2026-10-02T12:00:00+08:00';

describe.each(dialects)('metrics (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp(dialect);
    await applyWorkspaceFile(
      h.ctx.database,
      parseWorkspaceFile('products: [{ key: camp, name: 7天体验营, aliases: [体验营], tier: lead, price: 990 }]\n'),
    );
    const r = await h.post(ndjson([...ledger].reverse()));
    expect(((await r.json()) as { accepted: number }).accepted).toBe(ledger.length);
  });
  afterAll(() => h.drop());

  it('computes the workspace dashboard exactly', async () => {
    const { status, body } = await h.get('/api/v1/metrics?from=2026-10-01&to=2026-11-01');
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: '2026-10-01T00:00:00+08:00', to: '2026-11-01T00:00:00+08:00', timezone: 'Asia/Shanghai', community: null });
    // present(e) = A B C D H J K: A dormant (no activity since 10-02), B H J potential, C and K core (paid before
    // 10-02; K's refund at e does not count as of e), D new (paid 10-20).
    expect(body.groups).toEqual({ potential: 3, new: 1, core: 2, dormant: 1 });
    expect(Object.keys(body)).toEqual(['from', 'to', 'timezone', 'community', 'groups', 'rates', 'acquisition', 'content', 'conversion']);
    expect(Object.keys(body.groups)).toEqual(['potential', 'new', 'core', 'dormant']);
    // present(s) = A B C F K; joiners D E H J; churned F; eligible A B F D E H J (C, K paid); B = D I → E∩B = D;
    // dormant(s) = B (never active) and F (first join exactly s − D, never active); B active in the period.
    expect(body.rates).toEqual({ growth: 0.8, conversion: 1 / 7, churn: 0.2, reactivation: 0.5 });
    expect(body.acquisition).toEqual({
      new_members: 4,
      by_channel: { '(none)': 1, douyin: 1, referral: 1, xhs: 1 },
      fission_new: 1,
      fission_by_channel: { referral: 1 },
      leads_new: 2,
      leads_by_channel: { '(none)': 1, douyin: 1 },
    });
    // Active: B (messages on two days, counted once), C (check-in), D G I (orders), J and K (messages).
    expect(body.content).toMatchObject({ messages: 4, active_members: 7, product_mentions: 1 });
    expect(Array.isArray(body.content.topics)).toBe(true);
    // Orders o2 o3 o4 = 19900 + 500 + 990; refunds in the period: o3 all 500, o4 200 (o1's was in September,
    // o5's at e itself, outside [s, e)).
    // First buyers D (cycle 15 days) and I (never joined: "(none)", no cycle); G's only order was refunded in full.
    expect(body.conversion).toEqual({
      orders: 3,
      revenue: 21390,
      refunds: 700,
      first_buyers: 2,
      by_channel: { '(none)': 1, referral: 1 },
      cycle_days_median: 15,
    });
  });

  it('scopes to a community, with null for empty denominators', async () => {
    const { body } = await h.get('/api/v1/metrics?from=2026-10-01&to=2026-11-01&community=wecom:g2');
    expect(body.community).toBe('wecom:g2');
    expect(body.groups).toEqual({ potential: 1, new: 0, core: 0, dormant: 0 });
    expect(body.rates).toEqual({ growth: null, conversion: 0, churn: null, reactivation: null });
    expect(body.content).toMatchObject({ messages: 1, active_members: 1, product_mentions: 0 });
    expect(body.conversion).toMatchObject({ orders: 0, revenue: 0, refunds: 0, first_buyers: 0, cycle_days_median: null });
  });

  it('answers a series clipped to the range, and figures of a period ignore what came after it', async () => {
    const { body } = await h.get('/api/v1/metrics?from=2026-10-01&to=2026-10-15T12:00:00%2B08:00&by=week');
    expect(body.series.map((p: any) => [p.from, p.to])).toEqual([
      ['2026-10-01T00:00:00+08:00', '2026-10-05T00:00:00+08:00'],
      ['2026-10-05T00:00:00+08:00', '2026-10-12T00:00:00+08:00'],
      ['2026-10-12T00:00:00+08:00', '2026-10-15T12:00:00+08:00'],
    ]);
    // Week of 10-05: joiners D E; G paid 10-12 (next week) so nothing here; orders none.
    expect(body.series[1].acquisition.new_members).toBe(2);
    // Last, partial week: G's order 10-12 and refund 10-13; C's check-in 10-15 10:00 is inside [.., 12:00).
    expect(body.series[2].conversion).toMatchObject({ orders: 1, revenue: 500, refunds: 500, first_buyers: 0 });
    expect(body.series[2].content.active_members).toBe(2);
  });

  it('text figures follow new messages on days already counted, and product changes', async () => {
    const q = '/api/v1/metrics?from=2026-10-01&to=2026-11-01';
    expect((await h.get(q)).body.content.product_mentions).toBe(1);
    await h.post(ndjson([e('message.sent', '10-10', { community: 'g1', member: 'C', kind: 'text', text: '我也想报体验营' }, 15)]));
    const after = (await h.get(q)).body.content;
    expect(after.product_mentions).toBe(2);
    await applyWorkspaceFile(
      h.ctx.database,
      parseWorkspaceFile('products: [{ key: yoga, name: 瑜伽, aliases: [hello], tier: entry, price: 100 }]\n'),
    );
    // Now only J's "hello" names a product (aliases match Latin letters case-insensitively).
    expect((await h.get(q)).body.content.product_mentions).toBe(1);
    await applyWorkspaceFile(
      h.ctx.database,
      parseWorkspaceFile('products: [{ key: camp, name: 7天体验营, aliases: [体验营], tier: lead, price: 990 }]\n'),
    );
  });

  it('breaks product mentions down by product, whole days and ragged edges alike, and follows product changes', async () => {
    await applyWorkspaceFile(
      h.ctx.database,
      parseWorkspaceFile(`products:
  - { key: camp, name: 7天体验营, aliases: [体验营], tier: lead, price: 990 }
  - { key: mat, name: 瑜伽垫, aliases: [Mat], tier: entry, price: 100 }
`),
    );
    await h.post(
      ndjson([
        e('message.sent', '10-21', { community: 'g1', member: 'K', kind: 'text', text: '体验营送瑜伽垫吗' }, 9),
        e('message.sent', '10-21', { community: 'g1', member: 'K', kind: 'text', text: 'which MAT?' }, 18),
      ]),
    );
    const q = (from: string, to: string) => h.get(`/api/v1/metrics/products?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    const month = (await q('2026-10-01', '2026-11-01')).body;
    // 体验营: B's 10-10 question, C's 10-10 message, K's 10-21 question; 瑜伽垫/mat: K's two on 10-21.
    expect(month.products).toEqual([
      { key: 'camp', name: '7天体验营', tier: 'lead', mentions: 3 },
      { key: 'mat', name: '瑜伽垫', tier: 'entry', mentions: 2 },
    ]);
    // One message names both: the per-product sum (5) exceeds the messages that name a product (4).
    expect((await h.get('/api/v1/metrics?from=2026-10-01&to=2026-11-01')).body.content.product_mentions).toBe(4);
    // A ragged period read from the ledger: 10-21 from 12:00 on holds only "which MAT?".
    const ragged = (await q('2026-10-21T12:00:00+08:00', '2026-10-22')).body;
    expect(ragged.products.map((p: { key: string; mentions: number }) => [p.key, p.mentions])).toEqual([
      ['mat', 1],
      ['camp', 0],
    ]);
    await applyWorkspaceFile(
      h.ctx.database,
      parseWorkspaceFile('products: [{ key: camp, name: 7天体验营, aliases: [体验营], tier: lead, price: 990 }]\n'),
    );
    expect((await q('2026-10-01', '2026-11-01')).body.products).toEqual([{ key: 'camp', name: '7天体验营', tier: 'lead', mentions: 3 }]);
    expect((await q('2026-10-01', '2026-09-01')).status).toBe(400);
  });

  it('refuses bad parameters by name', async () => {
    expect((await h.get('/api/v1/metrics?from=2026-10-01')).body.error.message).toMatch(/to/);
    expect((await h.get('/api/v1/metrics?from=2026-13-01&to=2026-11-01')).body.error.message).toMatch(/^from: /);
    expect((await h.get('/api/v1/metrics?from=2026-11-01&to=2026-10-01')).body.error.message).toMatch(/^to: must be after from/);
    expect((await h.get('/api/v1/metrics?from=2026-10-01&to=2026-11-01&by=year')).status).toBe(400);
    expect((await h.get('/api/v1/metrics?from=2026-10-01&to=2026-11-01&community=nope')).status).toBe(404);
  });
});
