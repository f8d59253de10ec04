// Orders imports on both dialects: amounts in 元 and 分, members found by phone, product names → keys, refunds as
// running totals, re-imports, changed payments refused, bad rows named by row and column.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../../test-support/databases.js';
import { importTable } from './table-import.js';
import { formatRejection } from './run.js';

const dialects = await dialectsUnderTest();
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-orders-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
const write = (text: string) => {
  const p = path.join(dir, `f${++n}.csv`);
  fs.writeFileSync(p, text);
  return p;
};
const HEAD = '订单号,手机号,会员ID,实付金额,支付时间,商品,退款金额,退款时间';
const ROWS = [
  'A1,13800000000,,9.9,2026-10-01 10:00,7天瑜伽体验营,,',
  'A2,,U2,¥199.00,2026/10/2 11:00,premium-camp,5,2026-10-03',
  'A3,13900000000,,"1,299",2026-10-04,,,',
  'A4,13800000000,,abc,2026-10-05,,,',
  'A5,,,10,2026-10-05,,,',
  'A6,13800000000,,10,,,,',
  'A7,13800000000,,10,2026-10-06,,20,',
];
const csv = (rows: string[]) => [HEAD, ...rows].join('\n') + '\n';
const NOW = Date.parse('2026-11-05T12:00:00+08:00');
const at = (s: string) => Date.parse(s);

describe.each(dialects)('orders import (%s)', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await t.database.db
      .insertInto('products')
      .values([
        { key: 'trial-camp', name: '7天瑜伽体验营', aliases: JSON.stringify(['体验营']), tier: 'lead', price: 990 },
        { key: 'premium-camp', name: '年度私教', aliases: '[]', tier: 'premium', price: 199900 },
      ])
      .execute();
    const members = write('会员编号,姓名,手机号\nU1,张三,13800000000\nU2,李四,13700000000\n');
    expect(await importTable(members, { database: t.database, kind: 'members', now: NOW })).toMatchObject({ accepted: 2, rejected_count: 0 });
  });
  afterAll(() => t.drop());
  const run = (text: string, now = NOW) => importTable(write(text), { database: t.database, kind: 'orders', now });

  async function orders() {
    const rows = await t.database.db
      .selectFrom('orders')
      .innerJoin('identities', 'identities.member_id', 'orders.member_id')
      .select(['orders.order_id', 'identities.external_id', 'orders.amount', 'orders.paid_at', 'orders.product', 'orders.refunded'])
      .orderBy('orders.order_id')
      .execute();
    return rows.map((r) => [r.order_id, r.external_id, Number(r.amount), Number(r.paid_at), r.product, Number(r.refunded)]);
  }

  it('imports payments and refunds, names bad rows, and a second run is all duplicates', async () => {
    const s = await run(csv(ROWS));
    expect(s).toMatchObject({ read: 7, accepted: 4, duplicates: 0, rejected_count: 4 });
    expect(s.rejected.map(formatRejection)).toEqual([
      'row 5, 实付金额: not an amount: "abc"',
      'row 6: no member id and no phone: an order needs one to find its member',
      'row 7, 支付时间: required: when the order was paid',
      'row 8, 退款金额: more than the amount paid (2000 分 > 1000 分)',
    ]);
    const expected = [
      ['A1', 'U1', 990, at('2026-10-01T10:00:00+08:00'), 'trial-camp', 0],
      ['A2', 'U2', 19900, at('2026-10-02T11:00:00+08:00'), 'premium-camp', 500],
      ['A3', '13900000000', 129900, at('2026-10-04T00:00:00+08:00'), null, 0],
    ];
    expect(await orders()).toEqual(expected);
    expect(await run(csv(ROWS), NOW + 3_600_000)).toMatchObject({ accepted: 0, duplicates: 4, rejected_count: 4 });
    expect(await orders()).toEqual(expected);
  });

  it('a grown refund total adds the difference; a changed payment or a shrunk refund is refused', async () => {
    const grown = ['A1,13800000000,,19.9,2026-10-01 10:00,7天瑜伽体验营,,', 'A2,,U2,199,2026-10-02 11:00,premium-camp,9.90,', ROWS[2]!];
    const s = await run(csv(grown), NOW + 7_200_000);
    expect(s).toMatchObject({ accepted: 1, duplicates: 2, rejected_count: 1 });
    expect(s.rejected[0]).toMatchObject({ row: 2 });
    expect(s.rejected[0]!.reason).toMatch(/^order "A1" was imported before with other values .* correct it with a refund/);
    const refunds = await t.database.db.selectFrom('order_refunds').select(['order_id', 'at', 'applied']).orderBy('at').execute();
    expect(refunds.map((r) => [r.order_id, Number(r.at), Number(r.applied)])).toEqual([
      ['A2', at('2026-10-03T00:00:00+08:00'), 500],
      ['A2', NOW + 7_200_000, 490],
    ]);
    expect((await orders()).map((o) => o[5])).toEqual([0, 990, 0]);
    const shrunk = await run(csv(['A2,,U2,199,2026-10-02 11:00,premium-camp,3,']));
    expect(shrunk.rejected.map(formatRejection)).toEqual([
      "row 2, 退款金额: the order's refunds already total 990 分 (an earlier import); a refund cannot be undone",
    ]);
  });

  it('orders keyed by phone, then a members import giving that phone a member, then the same orders: all duplicates', async () => {
    const file = csv(['C1,13600000000,,50,2026-10-08 09:00,,,', 'C2,13600000000,,60,2026-10-08 10:00,,10,2026-10-09']);
    expect(await run(file)).toMatchObject({ accepted: 3, rejected_count: 0 });
    const members = write('会员编号,姓名,手机号\nU6,王五,13600000000\n');
    expect(await importTable(members, { database: t.database, kind: 'members', now: NOW })).toMatchObject({ accepted: 1, rejected_count: 0 });
    const again = await run(file, NOW + 60_000);
    expect(again.rejected.map(formatRejection)).toEqual([]);
    expect(again).toMatchObject({ accepted: 0, duplicates: 3, rejected_count: 0 });
    // A changed payment is still refused.
    const changed = await run(csv(['C1,13600000000,,55,2026-10-08 09:00,,,']), NOW + 120_000);
    expect(changed.rejected_count).toBe(1);
  });

  it('takes 分, English headers, a platform column and currency', async () => {
    const s = await run('order_id,member_id,分,paid_at,platform,currency\nB1,U9,1299,2026-10-07T08:00:00Z,wecom,usd\nB2,U9,12.5,2026-10-07,wecom,\n');
    expect(s.rejected.map(formatRejection)).toEqual(['row 3, 分: 分 must be a whole number (got "12.5")']);
    const b1 = await t.database.db
      .selectFrom('orders')
      .select(['platform', 'amount', 'currency', 'paid_at'])
      .where('order_id', '=', 'B1')
      .executeTakeFirstOrThrow();
    expect({ ...b1, amount: Number(b1.amount), paid_at: Number(b1.paid_at) }).toEqual({
      platform: 'wecom',
      amount: 1299,
      currency: 'USD',
      paid_at: at('2026-10-07T08:00:00Z'),
    });
  });

  it('an order id too long for the ledger gets a hashed id, refunds included, and re-imports cleanly', async () => {
    const long = 'L'.repeat(190);
    const text = csv([`${long},,U9,100,2026-10-07,,30,2026-10-08`]);
    expect(await run(text)).toMatchObject({ accepted: 2, rejected_count: 0 });
    expect(await run(text)).toMatchObject({ accepted: 0, duplicates: 2, rejected_count: 0 });
    // The refund total grows: only the increase is recorded.
    expect(await run(csv([`${long},,U9,100,2026-10-07,,50,2026-10-09`]))).toMatchObject({ accepted: 1, rejected_count: 0 });
    const ids = (await t.database.db.selectFrom('events').select('event_id').where('event_id', 'like', 'import:orders:#%').execute()).map(
      (r) => r.event_id,
    );
    expect(ids).toHaveLength(3);
    expect(ids.every((id) => id.length < 200)).toBe(true);
  });
});
