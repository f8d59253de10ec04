// The member graph through the API, on hand-made ledgers whose answers are worked out by hand.
import { afterEach, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp, ndjson } from '../../test-support/app.js';

const dialects = await dialectsUnderTest();
const at = (day: number, hh = 10) => `2026-10-${String(day).padStart(2, '0')}T${String(hh).padStart(2, '0')}:00:00+08:00`;

const ledger = [
  { id: 'c1', type: 'community.updated', platform: 'wecom', community: 'g1', at: at(1, 8), name: '瑜伽1群', owner: 'boss', admins: ['a1'] },
  { id: 'j1', type: 'member.joined', platform: 'wecom', community: 'g1', member: 'u1', at: at(1), name: '小明', channel: 'douyin', method: 'qr' },
  {
    id: 'j2',
    type: 'member.joined',
    platform: 'wecom',
    community: 'g1',
    member: 'u2',
    at: at(2),
    name: '小红',
    inviter: 'u1',
    method: 'invited',
    channel: 'referral',
  },
  { id: 'l2', type: 'member.left', platform: 'wecom', community: 'g1', member: 'u2', at: at(5), reason: 'quit' },
  { id: 'j2b', type: 'member.joined', platform: 'wecom', community: 'g1', member: 'u2', at: at(9), method: 'link' },
  { id: 'p1', type: 'member.profile', platform: 'wecom', member: 'u1', at: at(3), phone: '13800138000', tags_add: ['宝妈', 'vip'] },
  { id: 'p2', type: 'member.profile', platform: 'wecom', member: 'u1', at: at(4), tags_remove: ['vip'], attributes: { city: '杭州' } },
  { id: 'o1', type: 'order.paid', platform: 'wecom', member: 'u1', order: 'A1', amount: 19900, product: 'camp', tier: 'entry', at: at(6) },
  { id: 'r1', type: 'order.refunded', platform: 'wecom', order: 'A1', amount: 5000, at: at(7) },
  { id: 'r2', type: 'order.refunded', platform: 'wecom', order: 'A1', amount: 99999, at: at(8) },
  { id: 'r0', type: 'order.refunded', platform: 'wecom', order: 'A2', at: at(6) },
  { id: 'o2', type: 'order.paid', platform: 'wecom', member: 'u1', order: 'A2', amount: 990, at: at(7) },
  { id: 'k1', type: 'checkin.done', platform: 'wecom', member: 'u1', challenge: 'yoga21', community: 'g1', at: at(8) },
  {
    id: 'm1',
    type: 'message.sent',
    platform: 'wecom',
    community: 'g1',
    member: 'u1',
    kind: 'text',
    text: '<script>alert(1)</script>',
    at: at(8, 11),
  },
  // The same person on Telegram, linked; their Telegram join counts for them.
  { id: 't1', type: 'member.joined', platform: 'telegram', community: '-1001', member: '777', at: at(10), name: 'Ming' },
  { id: 'x1', type: 'member.linked', platform: 'wecom', member: 'u1', other_platform: 'telegram', other_member: '777', at: at(11) },
];

describe.each(dialects)('member graph API (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>> | undefined;
  afterEach(async () => {
    await h?.drop();
    h = undefined;
  });

  it('builds identities, memberships with history, orders with capped refunds, tags and merges', async () => {
    h = await createTestApp(dialect);
    const res = await h.post(ndjson(ledger));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: ledger.length, duplicates: 0, rejected: [], rejected_count: 0 });

    const list = await h.get('/api/v1/members?q=' + encodeURIComponent('小'));
    expect(list.body.total).toBe(1); // 小红 only: 小明 merged with Telegram's Ming, and the later name wins
    const all = await h.get('/api/v1/members');
    expect(all.body.total).toBe(2);
    const u1 = all.body.items.find((m: any) => m.phone === '13800138000');
    const d = (await h.get(`/api/v1/members/${u1.id}`)).body;
    expect(d.identities).toEqual([
      { platform: 'telegram', id: '777' },
      { platform: 'wecom', id: 'u1' },
    ]);
    expect(d.name).toBe('Ming');
    expect(d.tags).toEqual(['宝妈']);
    expect(d.attributes).toEqual({ city: '杭州' });
    expect(d.lead).toBe(true);
    expect(d.first_phone_at).toBe(at(3));
    expect(d.first_join).toMatchObject({ at: at(1), channel: 'douyin', inviter_id: null });
    expect(d.memberships.map((m: any) => [m.community.platform, m.community.external_id, m.present])).toEqual([
      ['wecom', 'g1', true],
      ['telegram', '-1001', true],
    ]);
    expect(d.memberships[0].community.name).toBe('瑜伽1群');
    const a1 = d.orders.find((o: any) => o.order === 'A1');
    expect(a1).toMatchObject({ amount: 19900, refunded: 19900, net: 0, fully_refunded_at: at(8) });
    expect(a1.refunds.map((r: any) => r.amount)).toEqual([5000, 99999]);
    // A refund before the payment is ignored.
    expect(d.orders.find((o: any) => o.order === 'A2')).toMatchObject({ amount: 990, refunded: 0, fully_refunded_at: null });
    expect(d.checkins).toEqual([{ at: at(8), challenge: 'yoga21', community_id: d.memberships[0].community.id }]);
    expect(d.timeline[0].type).toBe('member.linked');
    expect(d.event_count).toBe(9); // j1 p1 p2 o1 o2 k1 m1 t1 x1; refunds name no member

    const u2 = all.body.items.find((m: any) => m.id !== u1.id);
    const d2 = (await h.get(`/api/v1/members/${u2.id}`)).body;
    expect(d2.first_join).toMatchObject({ at: at(2), channel: 'referral', inviter_id: u1.id });
    expect(d2.memberships[0]).toMatchObject({
      present: true,
      joins: 2,
      leaves: 1,
      last_left_at: at(5),
      last_join_at: at(9),
      first_method: 'invited',
    });
    expect(d2.memberships[0].history.map((x: any) => [x.type, x.at, x.method, x.reason])).toEqual([
      ['joined', at(2), 'invited', null],
      ['left', at(5), null, 'quit'],
      ['joined', at(9), 'link', null],
    ]);

    // Search ignores Latin case on both dialects and treats LIKE wildcards as plain characters.
    expect((await h.get('/api/v1/members?q=mING')).body.items.map((m: any) => m.id)).toEqual([u1.id]);
    expect((await h.get('/api/v1/members?q=' + encodeURIComponent('%'))).body.total).toBe(0);
    expect((await h.get('/api/v1/members?q=138001')).body.items.map((m: any) => m.id)).toEqual([u1.id]);
    await h.post(ndjson([{ id: 'é', type: 'member.profile', platform: 'wecom', member: 'u9', at: at(1), name: 'Élodie' }]));
    expect((await h.get('/api/v1/members?q=' + encodeURIComponent('élo'))).body.total).toBe(1);
    const byTag = await h.get('/api/v1/members?tag=' + encodeURIComponent('宝妈'));
    expect(byTag.body.items.map((m: any) => m.id)).toEqual([u1.id]);
    const byChannel = await h.get('/api/v1/members?channel=referral');
    expect(byChannel.body.items.map((m: any) => m.id)).toEqual([u2.id]);
    const inTelegram = await h.get('/api/v1/members?community=telegram:-1001');
    expect(inTelegram.body.items.map((m: any) => m.id)).toEqual([u1.id]);
    // Analytics state: u2's two stretches in g1, and what each refund of A1 actually refunded.
    const spans = await h.ctx.database.db.selectFrom('membership_spans').selectAll().where('member_id', '=', u2.id).orderBy('joined_at').execute();
    expect(spans.map((x) => [Number(x.joined_at), x.left_at === null ? null : Number(x.left_at)])).toEqual([
      [Date.parse(at(2)), Date.parse(at(5))],
      [Date.parse(at(9)), null],
    ]);
    const refunds = await h.ctx.database.db.selectFrom('order_refunds').selectAll().orderBy('at').execute();
    expect(refunds.map((x) => [x.order_id, x.event_id, Number(x.applied)])).toEqual([
      ['A1', 'r1', 5000],
      ['A1', 'r2', 14900],
    ]);
    const communities = (await h.get('/api/v1/communities')).body.items;
    expect(communities.map((c: any) => [c.external_id, c.members])).toEqual([
      ['g1', 2],
      ['-1001', 1],
    ]);
  });

  it('merging keeps old ids resolvable and never counts a person twice', async () => {
    h = await createTestApp(dialect);
    await h.post(ndjson(ledger.slice(0, 2)));
    await h.post(ndjson([ledger[14]!]));
    const before = (await h.get('/api/v1/members')).body.items.map((m: any) => m.id).sort();
    expect(before.length).toBe(2);
    await h.post(ndjson([ledger[15]!]));
    const after = (await h.get('/api/v1/members')).body;
    expect(after.total).toBe(1);
    const loser = before.find((id: number) => id !== after.items[0].id);
    const viaOld = (await h.get(`/api/v1/members/${loser}`)).body;
    expect(viaOld.id).toBe(after.items[0].id);
    expect(viaOld.merged_from).toBe(loser);
  });

  it('refuses bad requests with errors that name the problem', async () => {
    h = await createTestApp(dialect, { QUNYUN_MAX_BODY_BYTES: '2048' });
    const big = await h.post('x'.repeat(5000));
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).error.message).toMatch(/exceeds 2048 bytes/);
    expect((await h.post('[1,', 'application/json')).status).toBe(400);
    const typed = await h.post('a=b', 'application/x-www-form-urlencoded');
    expect(typed.status).toBe(415);
    const arr = await h.post(
      JSON.stringify([{ id: 'a', type: 'checkin.done', at: at(1), member: 'u', challenge: 'c' }, { id: 'b' }]),
      'application/json',
    );
    expect(await arr.json()).toMatchObject({ accepted: 1, rejected: [{ line: 2, reason: 'type: required' }] });
    const q = await h.get('/api/v1/members?page_size=9999');
    expect(q.status).toBe(400);
    expect(q.body.error.message).toMatch(/page_size/);
    expect((await h.get('/api/v1/members/123456')).status).toBe(404);
    expect((await h.get('/api/v1/members?community=nope')).status).toBe(404);
    expect((await h.get('/api/v1/nothing')).status).toBe(404);
    // Community "1" on Telegram vs our community id 1: refused as ambiguous, with the two spellings offered.
    await h.post(ndjson([{ id: 'j0', type: 'member.joined', platform: 'wecom', community: 'g', member: 'u', at: at(1) }]));
    await h.post(ndjson([{ id: 'j', type: 'member.joined', platform: 'telegram', community: '1', member: 'u', at: at(1) }]));
    const amb = await h.get('/api/v1/members?community=1');
    expect([amb.status, amb.body.error.code]).toEqual([400, 'ambiguous']);
    expect(amb.body.error.message).toContain('id:1');
    // The same answer wherever a community is named.
    expect((await h.get('/api/v1/communities/1')).body.error.code).toBe('ambiguous');
    const put = await h.app.request('/api/v1/communities/1/blueprint', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"blueprint":{}}',
    });
    expect([put.status, ((await put.json()) as any).error.code]).toEqual([400, 'ambiguous']);
    expect((await h.get('/api/v1/members?community=id:1')).status).toBe(200);
    expect((await h.get('/api/v1/members?community=telegram:1')).body.total).toBe(1);
  });

  it('serves OpenAPI; member text comes back as JSON data, never markup', async () => {
    h = await createTestApp(dialect);
    await h.post(
      ndjson([{ id: 'c', type: 'community.updated', platform: 'wecom', community: 'g', at: at(1), name: '<img src=x onerror=alert(1)>' }]),
    );
    const doc = (await h.get('/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/events', '/api/v1/members', '/api/v1/members/{id}', '/api/v1/communities']),
    );
    // The console renders names as text (checked in the browser by the e2e test); the API hands them over as data.
    const list = (await h.get('/api/v1/communities')).body.items;
    expect(list[0].name).toBe('<img src=x onerror=alert(1)>');
    expect((await h.app.request('/api/docs')).status).toBe(200);
  });
});
