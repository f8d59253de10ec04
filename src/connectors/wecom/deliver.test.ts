// Outbox actions → the WeCom calls they become (against the local mock), and the kinds WeCom cannot do, refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { ingestEvents } from '../inbound.js';
import type { OutboxAction } from '../types.js';
import { createWecomConnector, type WecomConnector } from './index.js';
import { startMockWecom, TEST_CONFIG, type MockWecom } from './mock-wecom.js';

let t: TestDatabase;
let mock: MockWecom;
let wecom: WecomConnector;
const ids: Record<string, number> = {};
let n = 0;

beforeAll(async () => {
  t = await createTestDatabase('sqlite');
  mock = await startMockWecom();
  const at = '2026-11-01T10:00:00+08:00';
  await ingestEvents(t.database, [
    { id: 'j1', platform: 'wecom', type: 'member.joined', community: 'wrG', member: 'wmJACK', name: '小杰', at },
    { id: 'j2', platform: 'wecom', type: 'member.joined', community: 'wrG', member: 'wmLONE', at },
    { id: 'j3', platform: 'sim', type: 'member.joined', community: 'simG', member: 'u1', at },
  ]);
  for (const r of await t.database.db.selectFrom('identities').select(['external_id', 'member_id']).execute())
    ids[r.external_id] = Number(r.member_id);
  for (const r of await t.database.db.selectFrom('communities').select(['external_id', 'id']).execute()) ids[r.external_id] = Number(r.id);
  wecom = createWecomConnector(
    { ...TEST_CONFIG, apiBase: mock.base },
    { database: t.database, ingest: (e) => ingestEvents(t.database, e), log: console },
    { sleep: async () => {} },
  );
});
afterAll(async () => {
  await mock.close();
  await t.drop();
});

const action = (
  kind: string,
  payload: Record<string, unknown> = { text: '大家好' },
  member = 'wmJACK',
  community: string | null = 'wrG',
): OutboxAction => ({
  id: ++n,
  rule: 'test',
  kind,
  platform: 'wecom',
  event_id: null,
  attempts: 0,
  payload,
  member_id: ids[member] ?? null,
  community_id: community === null ? null : (ids[community] ?? null),
});
const deliver = async (a: OutboxAction) => {
  const from = mock.calls.length;
  const result = await wecom.deliver(a, t.database.db);
  return { result, calls: mock.calls.slice(from).map((c) => [c.path, c.body]) };
};

describe('group messages', () => {
  it('send: a group message task from the group owner to that group (the owner looked up once)', async () => {
    const first = await deliver(action('send'));
    expect(first).toEqual({
      result: { ok: true },
      calls: [
        ['externalcontact/groupchat/get', { chat_id: 'wrG', need_name: 1 }],
        ['externalcontact/add_msg_template', { chat_type: 'group', sender: 'zhangsan', chat_id_list: ['wrG'], text: { content: '大家好' } }],
      ],
    });
    expect((await deliver(action('send'))).calls.map((c) => c[0])).toEqual(['externalcontact/add_msg_template']);
  });

  it('reply and warn name the member in the text (the API has no mentions); warn has a default text', async () => {
    expect((await deliver(action('reply', { text: '体验营 9.9 元' }))).calls[0]![1]).toMatchObject({ text: { content: '@小杰 体验营 9.9 元' } });
    expect((await deliver(action('warn', {}, 'wmLONE'))).calls[0]![1]).toMatchObject({ text: { content: '@wmLONE 请遵守群规，谢谢配合。' } });
  });

  it('a group WeCom refuses (fail_list) is a permanent failure', async () => {
    mock.script({ json: { errcode: 0, fail_list: ['wrG'], msgid: 'x' } });
    expect((await deliver(action('send'))).result).toEqual({ ok: false, retryable: false, error: 'WeCom did not accept the group message for wrG' });
  });
});

describe('messages to one member', () => {
  it('uses the WelcomeCode of a fresh add_external_contact once, then a single-customer task from their staff member', async () => {
    wecom.directory.welcome.set('wmJACK', 'WELCOMECODE', Date.now());
    const first = await deliver(action('send', { text: '欢迎！', to: 'member' }));
    expect(first).toEqual({
      result: { ok: true },
      calls: [['externalcontact/send_welcome_msg', { welcome_code: 'WELCOMECODE', text: { content: '欢迎！' } }]],
    });
    const second = await deliver(action('send', { text: '第二天', to: 'member' }));
    expect(second.calls).toEqual([
      ['externalcontact/get', {}],
      ['externalcontact/add_msg_template', { chat_type: 'single', sender: 'zhangsan', external_userid: ['wmJACK'], text: { content: '第二天' } }],
    ]);
  });

  it('a welcome_code in the payload is used as is; a spent one is reported', async () => {
    mock.script({ json: { errcode: 41051, errmsg: 'externaluser has started chatting' } });
    const r = await deliver(action('send', { text: '欢迎', welcome_code: 'OLD' }, 'wmJACK', null));
    expect(r.calls).toEqual([['externalcontact/send_welcome_msg', { welcome_code: 'OLD', text: { content: '欢迎' } }]]);
    expect(r.result).toMatchObject({ ok: false, retryable: false, error: expect.stringMatching(/41051/) });
  });

  it("a customer who is nobody's contact cannot be messaged privately", async () => {
    mock.script({ json: { errcode: 84061, errmsg: 'not external contact' } });
    expect((await deliver(action('send', { text: 'hi', to: 'member' }, 'wmLONE'))).result).toEqual({
      ok: false,
      retryable: false,
      error: "customer wmLONE is no staff member's contact, so WeCom cannot message them privately",
    });
  });
});

describe('tags', () => {
  const tagEvents = () => t.database.db.selectFrom('events').select('event_id').where('event_id', 'like', 'qunyun-action-%').execute();

  it('marks the corp tag (created in the 群运 group once) and records the tag in the ledger once', async () => {
    const a = action('tag', { tag: '高意向' });
    const r = await deliver(a);
    expect(r.result).toEqual({ ok: true });
    expect(r.calls.map((c) => c[0])).toEqual(['externalcontact/get_corp_tag_list', 'externalcontact/add_corp_tag', 'externalcontact/mark_tag']);
    expect(r.calls[2]![1]).toEqual({ userid: 'zhangsan', external_userid: 'wmJACK', add_tag: ['et-0-高意向'] });
    const tags = await t.database.db.selectFrom('member_tags').select('tag').where('member_id', '=', ids.wmJACK!).execute();
    expect(tags.map((x) => x.tag)).toContain('高意向');
    const before = (await tagEvents()).length;
    expect((await deliver(a)).calls.map((c) => c[0])).toEqual(['externalcontact/mark_tag']);
    expect((await tagEvents()).length).toBe(before);
  });

  it('finds an existing tag, and tags a customer nobody follows in Qunyun only', async () => {
    mock.script({ json: { errcode: 0, tag_group: [{ group_name: '群运', tag: [{ id: 'et-vip', name: 'vip' }] }] } });
    expect((await deliver(action('tag', { tag: 'vip' }))).calls.map((c) => c[0])).toEqual([
      'externalcontact/get_corp_tag_list',
      'externalcontact/mark_tag',
    ]);
    // wmLONE follows nobody (WeCom said 84061 above, remembered for ten minutes): no WeCom call, the tag is ours.
    expect(await deliver(action('tag', { tag: 'vip' }, 'wmLONE'))).toEqual({ result: { ok: true }, calls: [] });
    const tags = await t.database.db.selectFrom('member_tags').select('tag').where('member_id', '=', ids.wmLONE!).execute();
    expect(tags.map((x) => x.tag)).toContain('vip');
  });
});

describe('what WeCom cannot do, and failures', () => {
  it.each([
    ['remove', /cannot deliver a remove action: the WeCom API cannot remove a member from a customer group/],
    ['mute', /customer groups have no mute/],
    ['delete', /cannot delete or recall/],
    ['blacklist', /blacklist still stands in Qunyun/],
    ['notify', /audit log/],
    ['teleport', /^WeCom cannot deliver a teleport action$/],
  ])('%s is refused for good, saying why', async (kind, why) => {
    const r = await deliver(action(kind));
    expect(r.calls).toEqual([]);
    expect(r.result).toMatchObject({ ok: false, retryable: false, error: expect.stringMatching(why) });
  });

  it('refuses actions it cannot address or whose text WeCom would refuse', async () => {
    expect((await deliver(action('send', { text: 'x' }, 'u1', 'simG'))).result).toMatchObject({
      retryable: false,
      error: expect.stringMatching(/no WeCom identity/),
    });
    expect((await deliver(action('reply', { text: 'x' }, 'wmJACK', null))).result).toMatchObject({
      retryable: false,
      error: expect.stringMatching(/names no WeCom customer group/),
    });
    expect((await deliver(action('send', {}))).result).toMatchObject({ retryable: false, error: expect.stringMatching(/no payload.text/) });
    expect((await deliver(action('send', { text: '长'.repeat(1500) }))).result).toMatchObject({
      retryable: false,
      error: expect.stringMatching(/4000 bytes/),
    });
  });

  it('an outage is retryable, a refusal is not', async () => {
    // Sends get one attempt in the client (a timed-out send may have gone through); the outbox retries later.
    mock.script({ status: 503 });
    expect((await deliver(action('send'))).result).toMatchObject({ ok: false, retryable: true, error: expect.stringMatching(/HTTP 503/) });
    mock.script({ json: { errcode: 60020 } });
    expect((await deliver(action('send'))).result).toMatchObject({ ok: false, retryable: false, error: expect.stringMatching(/trusted IPs/) });
  });
});

describe('mentionName', () => {
  it("keeps names readable and ads out of the owner's warnings", async () => {
    const { mentionName } = await import('./deliver.js');
    expect(mentionName('小红')).toBe('小红');
    expect(mentionName('加微信 http://x.cn/a 领资料')).toBe('领资料');
    expect(mentionName('vx 13800138000')).toBe('群成员');
    expect(mentionName(null)).toBe('群成员');
    expect([...mentionName('很长的名字'.repeat(10))].length).toBe(20);
  });
});
