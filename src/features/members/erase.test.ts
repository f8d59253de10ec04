// Erasure on request (PIPL): every figure stays identical, no personal text of the person is left anywhere we
// read from, re-delivering their old events changes nothing, and new ones are stored blanked. Both dialects.
import { afterEach, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp, ndjson } from '../../test-support/app.js';
import { ERASED } from '../../domain/privacy/mask.js';
import { createToken, findUser, insertUser } from '../auth/repository.js';
import { runCli } from '../../test-support/cli.js';

const dialects = await dialectsUnderTest();
const at = (day: number, hh = 10) => `2026-10-${String(day).padStart(2, '0')}T${String(hh).padStart(2, '0')}:00:00+08:00`;
const ev = (id: string, type: string, day: number, body: Record<string, unknown>) => ({ id, type, platform: 'wecom', at: at(day), ...body });

// Ann (to be erased) joins through a channel, becomes a lead, buys, refunds, checks in, writes, is linked to a
// Telegram identity; Bob is invited by her and buys too.
const ledger = [
  ev('c1', 'community.updated', 1, { community: 'g1', name: '一群' }),
  ev('j1', 'member.joined', 2, { community: 'g1', member: 'ann', name: '安娜', channel: 'douyin', method: 'qr' }),
  ev('j2', 'member.joined', 3, { community: 'g1', member: 'bob', name: 'Bob', inviter: 'ann', method: 'invited', channel: 'referral' }),
  ev('p1', 'member.profile', 4, { member: 'ann', phone: '13812345678', tags_add: ['孕期'], attributes: { city: '杭州' } }),
  ev('o1', 'order.paid', 5, { member: 'ann', order: 'A1', amount: 19900, product: 'camp', tier: 'entry', community: 'g1' }),
  ev('r1', 'order.refunded', 6, { order: 'A1', amount: 5000 }),
  ev('k1', 'checkin.done', 7, { member: 'ann', challenge: 'yoga21', community: 'g1' }),
  ev('m1', 'message.sent', 8, { community: 'g1', member: 'ann', kind: 'text', text: '我住在西湖区文三路 13812345678' }),
  ev('m2', 'message.sent', 8, { community: 'g1', member: 'bob', kind: 'text', text: '瑜伽课程很棒' }),
  ev('o2', 'order.paid', 9, { member: 'bob', order: 'B1', amount: 990, community: 'g1' }),
  { ...ev('t1', 'member.joined', 10, { community: '-1001', member: '777', name: 'Anna T' }), platform: 'telegram' },
  ev('x1', 'member.linked', 11, { member: 'ann', other_platform: 'telegram', other_member: '777' }),
  ev('l1', 'member.left', 12, { community: 'g1', member: 'ann', reason: 'quit' }),
];
const PERSONAL = ['安娜', 'Anna T', '13812345678', '孕期', '杭州', '西湖区'];

// The figures that come from what people wrote drop the erased texts (docs/privacy.md); every other one stays.
const withoutTexts = (m: any) => ({ ...m, content: { ...m.content, product_mentions: undefined, topics: undefined } });

describe.each(dialects)('member erasure (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>> | undefined;
  afterEach(async () => {
    await h?.drop();
    h = undefined;
  });

  it('keeps every figure and count identical and leaves no personal text behind', async () => {
    h = await createTestApp(dialect);
    expect((await h.post(ndjson(ledger))).status).toBe(200);
    const db = h.t.database.db;
    const ann = Number((await db.selectFrom('identities').select('member_id').where('external_id', '=', 'ann').executeTakeFirstOrThrow()).member_id);
    const figures = async () => ({
      month: withoutTexts((await h!.get('/api/v1/metrics?from=2026-10-01&to=2026-11-01')).body),
      days: (await h!.get('/api/v1/metrics?from=2026-10-01&to=2026-10-15&by=day')).body.series.map(withoutTexts),
      g1: withoutTexts((await h!.get('/api/v1/metrics?from=2026-10-01&to=2026-11-01&community=g1')).body),
      rfm: (await h!.get('/api/v1/rfm?at=2026-10-20')).body,
      cohorts: (await h!.get('/api/v1/cohorts?from=2026-10-01&to=2026-11-01')).body,
      members: (await h!.get('/api/v1/members')).body.total,
      communities: (await h!.get('/api/v1/communities')).body.items.map((c: { members: number }) => c.members),
    });
    const before = await figures();
    // A welcome still to send to her, and a warning that quoted her phone number.
    const action = (dedupe: string, kind: string, status: string, payload: object, reason: object) => ({
      dedupe,
      rule: 'r',
      kind,
      platform: 'wecom',
      community_id: 1,
      member_id: ann,
      event_id: null,
      event_at: null,
      payload: JSON.stringify(payload),
      reason: JSON.stringify(reason),
      status,
      attempts: 0,
      due_at: 0,
      created_at: 0,
      updated_at: 0,
    });
    await db
      .insertInto('actions')
      .values([
        action('a1', 'send', 'pending', { text: '欢迎 安娜', vars: { name: '安娜' }, members: ['安娜'] }, { hits: [], detail: null }),
        action('a2', 'warn', 'done', { text: '请勿发手机号', seconds: 60 }, { hits: ['13812345678'], detail: 'phone' }),
      ])
      .execute();

    const res = await h.app.request(`/api/v1/members/${ann}/erase`, { method: 'POST' });
    expect(res.status).toBe(200);
    const erasure = (await res.json()) as any;
    // j1 and t1 (names), p1 (phone, tags, attributes), m1 (text).
    expect(erasure).toMatchObject({ member: ann, events: 4, actions: 2 });
    const actions = await db.selectFrom('actions').select(['dedupe', 'status', 'payload', 'reason']).orderBy('dedupe').execute();
    expect(actions.map((a) => [a.dedupe, a.status, JSON.parse(a.payload), JSON.parse(a.reason)])).toEqual([
      ['a1', 'skipped', { text: ERASED, vars: { name: ERASED }, members: [ERASED] }, { hits: [], detail: null }],
      ['a2', 'done', { text: ERASED, seconds: 60 }, { hits: [ERASED], detail: ERASED }],
    ]);
    expect(erasure.identities).toEqual([
      { platform: 'telegram', id: '777' },
      { platform: 'wecom', id: 'ann' },
    ]);
    expect(await figures()).toEqual(before);

    // Nothing personal in the ledger, the member row, or what the API answers about them.
    const bodies = (await db.selectFrom('events').select('body').where('member_id', '=', ann).execute()).map((r) => r.body).join('\n');
    const row = JSON.stringify(await db.selectFrom('members').selectAll().where('id', '=', ann).executeTakeFirstOrThrow());
    const detail = JSON.stringify((await h.get(`/api/v1/members/${ann}?timeline_limit=1000`)).body);
    const doc = JSON.stringify((await h.get(`/api/v1/members/${ann}/data-export`)).body);
    for (const text of [bodies, row, detail, doc]) for (const p of PERSONAL) expect(text).not.toContain(p);
    const m = (await h.get(`/api/v1/members/${ann}`)).body;
    expect(m).toMatchObject({ name: ERASED, phone: ERASED, lead: true, tags: [], attributes: {} });
    expect(m.orders[0]).toMatchObject({ amount: 19900, refunded: 5000, product: 'camp' });
    // Bob's words and his inviter link are his, and stay.
    expect(detail).not.toContain('瑜伽');
    expect((await h.get('/api/v1/members?q=bob')).body.items[0].first_inviter_id).toBe(ann);
    expect(JSON.stringify((await h.get(`/api/v1/metrics?from=2026-10-01&to=2026-11-01`)).body.content)).not.toContain('西湖');

    // The audit log says who erased whom; the export of their data is audited too.
    const audit = (await h.get('/api/v1/audit')).body.items.map((a: { action: string; target: string }) => `${a.action} ${a.target}`);
    expect(audit).toContain(`member.erase /api/v1/members/${ann}/erase`);
    expect(audit).toContain(`member.data_export /api/v1/members/${ann}/data-export`);

    // Re-delivering the old events changes nothing (duplicates of their tombstones); a new profile is blanked.
    const again = await h.post(ndjson(ledger));
    expect(await again.json()).toEqual({ accepted: 0, duplicates: ledger.length, rejected: [], rejected_count: 0 });
    const later = [
      ev('p9', 'member.profile', 20, { member: 'ann', name: '安娜', phone: '13812345678' }),
      { ...ev('m9', 'message.sent', 20, { community: '-1001', member: '777', kind: 'text', text: '杭州见' }), platform: 'telegram' },
    ];
    expect((await (await h.post(ndjson(later))).json()) as object).toMatchObject({ accepted: 2, rejected: [] });
    const now = JSON.stringify(await db.selectFrom('events').select('body').where('member_id', '=', ann).execute());
    for (const p of PERSONAL) expect(now).not.toContain(p);
    expect((await h.get(`/api/v1/members/${ann}`)).body).toMatchObject({ name: ERASED, phone: ERASED });
    expect(await figures().then((f) => f.members)).toBe(before.members);

    // Erasing again finds nothing left to blank.
    expect(await (await h.app.request(`/api/v1/members/${ann}/erase`, { method: 'POST' })).json()).toMatchObject({ events: 0 });
  });

  it.runIf(dialect === 'sqlite')(
    'CLI: member export writes everything, member erase asks for --yes, both audited; user pii grants',
    async () => {
      h = await createTestApp(dialect);
      expect((await h.post(ndjson(ledger))).status).toBe(200);
      const db = h.t.database.db;
      const exported = await runCli(['member', 'export', 'wecom:ann', '--db', h.t.target]);
      expect(exported.code, exported.stderr).toBe(0);
      const doc = JSON.parse(exported.stdout);
      expect(doc.member).toMatchObject({ name: 'Anna T', phone: '13812345678', attributes: { city: '杭州' } });
      expect(doc.identities).toHaveLength(2);
      expect(doc.events.map((e: { id: string }) => e.id)).toEqual(['j1', 'p1', 'o1', 'k1', 'm1', 't1', 'x1', 'l1']);

      const asked = await runCli(['member', 'erase', 'wecom:ann', '--db', h.t.target]);
      expect(asked.code).toBe(2);
      expect(asked.stdout).toMatch(/would erase member 1 \(Anna T; telegram:777, wecom:ann\): run again with --yes/);
      expect((await db.selectFrom('members').select('name').where('id', '=', 1).executeTakeFirstOrThrow()).name).toBe('Anna T');
      const erased = await runCli(['member', 'erase', '777', '--db', h.t.target, '--yes', '--json']);
      // A bare number is our id, never a platform's.
      expect(erased.code, erased.stderr).toBe(2);
      expect(erased.stderr).toMatch(/member "777" not found/);
      const done = await runCli(['member', 'erase', 'telegram:777', '--db', h.t.target, '--yes', '--json']);
      expect(done.code, done.stderr).toBe(0);
      expect(JSON.parse(done.stdout)).toMatchObject({ member: 1, events: 4 });
      const after = (await runCli(['member', 'export', '1', '--db', h.t.target])).stdout;
      for (const p of PERSONAL) expect(after).not.toContain(p);
      const audit = await db.selectFrom('audit_log').select(['action', 'actor', 'target']).where('actor', 'like', 'cli:%').orderBy('id').execute();
      expect(audit.map((a) => `${a.action} ${a.target}`)).toEqual([
        'member.data_export member 1',
        'member.erase member 1',
        'member.data_export member 1',
      ]);

      await insertUser(db, { username: 'op', passwordHash: '!', role: 'operator' });
      expect((await runCli(['user', 'pii', 'op', 'on', '--db', h.t.target])).stdout).toMatch(/op: pii on/);
      expect((await findUser(db, { username: 'op' }))?.pii).toBe(true);
      expect((await runCli(['user', 'pii', 'op', 'maybe', '--db', h.t.target])).stderr).toMatch(/expected on or off \(got "maybe"\)/);
    },
    60_000,
  );

  it('refuses an operator or analyst, and answers 404 for an unknown member', async () => {
    h = await createTestApp(dialect);
    expect((await h.post(ndjson(ledger))).status).toBe(200);
    const db = h.t.database.db;
    for (const [username, role] of [
      ['op', 'operator'],
      ['an', 'analyst'],
    ] as const) {
      const u = await insertUser(db, { username, passwordHash: '!', role, communities: [1], pii: true });
      const { token } = await createToken(db, { name: username, userId: u.id, role });
      const headers = { authorization: `Bearer ${token}` };
      expect((await h.raw.request('/api/v1/members/1/erase', { method: 'POST', headers })).status).toBe(403);
      expect((await h.raw.request('/api/v1/members/1/data-export', { headers })).status).toBe(403);
    }
    expect((await h.get('/api/v1/members/1')).body.name).toBe('Anna T');
    expect((await h.app.request('/api/v1/members/999/erase', { method: 'POST' })).status).toBe(404);
    expect((await h.get('/api/v1/members/999/data-export')).status).toBe(404);
  });
});
