// POST /api/v1/import/members|orders on both dialects: the CLI's mapping and summary, over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp } from '../../test-support/app.js';
import { encodeGb18030 } from './test-helpers.js';

const dialects = await dialectsUnderTest();

describe.each(dialects)('import API (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    h = await createTestApp(dialect, { QUNYUN_MAX_BODY_BYTES: '4096' });
  });
  afterAll(() => h.drop());
  const post = async (path: string, body: string | Buffer) => {
    const res = await h.app.request(path, { method: 'POST', body, headers: { 'content-type': 'text/csv' } });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('imports a GB18030 members body with a mapping, then an orders body; again is all duplicates', async () => {
    const members = encodeGb18030('客户昵称,联系方式,会员编号\n小明,13800000001,U1\n小红,bad,U2\n');
    const r = await post('/api/v1/import/members?map=name%3D客户昵称&map=phone%3D联系方式&platform=wecom', members);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      read: 2,
      accepted: 1,
      rejected_count: 1,
      rejected: [{ row: 3, column: '联系方式', reason: 'not a phone number: "bad"' }],
    });
    const orders = 'order_id,phone,amount,paid_at\nX1,13800000001,¥9.90,2026-10-01 10:00\n';
    expect((await post('/api/v1/import/orders?platform=wecom', orders)).body).toMatchObject({ accepted: 1, rejected_count: 0 });
    expect((await post('/api/v1/import/orders?platform=wecom', orders)).body).toMatchObject({ accepted: 0, duplicates: 1 });
    const o = await h.ctx.database.db
      .selectFrom('orders')
      .innerJoin('identities', 'identities.member_id', 'orders.member_id')
      .select(['identities.external_id', 'orders.amount'])
      .executeTakeFirstOrThrow();
    expect([o.external_id, Number(o.amount)]).toEqual(['U1', 990]);
  });

  it('answers 400 naming what cannot be mapped, 413 for a body over the limit', async () => {
    const bad = await post('/api/v1/import/orders', 'a,b\n1,2\n');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^orders: no column for 订单号\/order/);
    expect((await post('/api/v1/import/members?map=nick%3Dx', 'a\n1\n')).body.error.message).toMatch(/^map nick=…: unknown field/);
    expect((await post('/api/v1/import/members?encoding=latin1', 'a\n1\n')).status).toBe(400);
    expect((await post('/api/v1/import/members', `name,phone\n${'x,13800000000\n'.repeat(400)}`)).status).toBe(413);
  });
  it('refuses a body that is not UTF-8 with the line and byte offset, storing nothing', async () => {
    const count = async () =>
      Number(
        (
          await h.ctx.database.db
            .selectFrom('events')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const body = Buffer.concat([Buffer.from('name,phone\n小明,13800000011\n小'), Buffer.from([0xff]), Buffer.from(',13800000012\n')]);
    const r = await post('/api/v1/import/members', body);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({
      code: 'unreadable_import',
      message: expect.stringMatching(/^not valid UTF-8: line 3, byte offset 33 \(0xff\)/),
    });
    expect(await count()).toBe(before);
  });

  it('refuses a column that would be a reserved attribute key; keeps one named like any other word', async () => {
    const r = await post('/api/v1/import/members?platform=wecom', 'member_id,__proto__\nR1,x\n');
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/^column "__proto__": a reserved name/);
    expect((await post('/api/v1/import/members?platform=wecom&ignore=__proto__', 'member_id,name,__proto__\nR1,A,x\n')).body).toMatchObject({
      accepted: 1,
    });
    const ok = await post('/api/v1/import/members?platform=wecom', 'member_id,toString,hasOwnProperty\nR2,a,b\n');
    expect(ok.body).toMatchObject({ accepted: 1, rejected_count: 0 });
    const m = await h.ctx.database.db
      .selectFrom('members')
      .innerJoin('identities', 'identities.member_id', 'members.id')
      .select('members.attributes')
      .where('identities.external_id', '=', 'R2')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(m.attributes as string)).toEqual({ toString: 'a', hasOwnProperty: 'b' });
  });
});
