// Outbox actions → the Bot API calls they make, and Telegram's failures → retryable or permanent; then the real
// outbox worker settling actions through the connector.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestEvents } from '../inbound.js';
import { routeDeliveries } from '../registry.js';
import { deliverDue, type OutboxAction } from '../../features/automation/outbox.js';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../../test-support/databases.js';
import { createTelegramConnector, type TelegramConnector } from './index.js';
import { startMockBotApi, type MockBotApi } from './mock-bot-api.js';

const GROUP = -1001234567890;
const NOW = Date.parse('2026-11-22T16:00:00Z');
const silent = { info() {}, warn() {}, error() {} };

describe.each(await dialectsUnderTest())('telegram deliver (%s)', (dialect) => {
  let t: TestDatabase;
  let mock: MockBotApi;
  let tg: TelegramConnector;
  let ids: { member: number; community: number; stranger: number };
  let n = 0;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    mock = await startMockBotApi(123456);
    const ctx = { database: t.database, ingest: (e: Record<string, unknown>[]) => ingestEvents(t.database, e), log: silent };
    tg = createTelegramConnector({ token: '123456:deliver-token-abcdefghijklmnop', botId: 123456, webhookSecret: 'x', apiRoot: mock.url }, ctx, {
      now: () => NOW,
    });
    await tg.handleUpdates([
      {
        update_id: 1,
        message: {
          message_id: 5,
          date: 1795362016,
          chat: { id: GROUP, type: 'supergroup', title: 'G' },
          from: { id: 42, is_bot: false, first_name: 'Alice' },
          text: '加微信',
        },
      },
    ]);
    await ingestEvents(t.database, [
      { id: 'w1', platform: 'wecom', type: 'member.joined', community: 'wr1', member: 'wm1', at: '2026-11-01T10:00:00+08:00' },
    ]);
    const one = async (platform: string, external: string) =>
      Number(
        (
          await t.database.db
            .selectFrom('identities')
            .select('member_id')
            .where('platform', '=', platform)
            .where('external_id', '=', external)
            .executeTakeFirstOrThrow()
        ).member_id,
      );
    ids = {
      member: await one('telegram', '42'),
      stranger: await one('wecom', 'wm1'),
      community: Number(
        (await t.database.db.selectFrom('communities').select('id').where('external_id', '=', String(GROUP)).executeTakeFirstOrThrow()).id,
      ),
    };
  });
  afterAll(async () => {
    await mock?.close();
    await t?.drop();
  });

  const action = (kind: string, payload: Record<string, unknown> = { text: '请勿发广告' }, extra: Partial<OutboxAction> = {}): OutboxAction => ({
    id: ++n,
    rule: 'no-ads',
    kind,
    platform: 'telegram',
    community_id: ids.community,
    member_id: ids.member,
    event_id: `${GROUP}:5`,
    attempts: 0,
    payload,
    ...extra,
  });
  const run = async (a: OutboxAction) => {
    const from = mock.calls.length;
    const r = await tg.deliver(a, t.database.db);
    return { r, calls: mock.calls.slice(from).map((c) => [c.method, c.params]) };
  };

  it('send, reply, warn, private send', async () => {
    expect(await run(action('send'))).toEqual({ r: { ok: true }, calls: [['sendMessage', { chat_id: GROUP, text: '请勿发广告' }]] });
    const reply = { chat_id: GROUP, text: '请勿发广告', reply_parameters: { message_id: 5, allow_sending_without_reply: true } };
    expect((await run(action('reply'))).calls).toEqual([['sendMessage', reply]]);
    expect((await run(action('warn'))).calls).toEqual([['sendMessage', reply]]);
    expect((await run(action('send', { text: '欢迎', to: 'member' }))).calls).toEqual([['sendMessage', { chat_id: 42, text: '欢迎' }]]);
    expect((await run(action('reply', { text: '好' }, { event_id: null }))).calls).toEqual([['sendMessage', { chat_id: GROUP, text: '好' }]]);
  });

  it("delete, mute (short ones stretched past Telegram's forever), unmute, remove, blacklist, join requests", async () => {
    expect((await run(action('delete'))).calls).toEqual([['deleteMessage', { chat_id: GROUP, message_id: 5 }]]);
    const mute = (await run(action('mute', { seconds: 600 }))).calls[0]![1] as Record<string, unknown>;
    expect(mute).toMatchObject({ chat_id: GROUP, user_id: 42, until_date: NOW / 1000 + 600, use_independent_chat_permissions: true });
    expect(Object.values(mute.permissions as object).every((v) => v === false)).toBe(true);
    expect((await run(action('mute', { seconds: 5 }))).calls[0]![1]).toMatchObject({ until_date: NOW / 1000 + 31 });
    const unmute = (await run(action('unmute', {}))).calls[0]![1] as Record<string, unknown>;
    expect(unmute.until_date).toBeUndefined();
    expect(Object.values(unmute.permissions as object).every((v) => v === true)).toBe(true);
    expect((await run(action('remove', {}))).calls).toEqual([
      ['banChatMember', { chat_id: GROUP, user_id: 42 }],
      ['unbanChatMember', { chat_id: GROUP, user_id: 42, only_if_banned: true }],
    ]);
    expect((await run(action('blacklist', {}))).calls).toEqual([['banChatMember', { chat_id: GROUP, user_id: 42 }]]);
    expect((await run(action('unblacklist', {}))).calls).toEqual([['unbanChatMember', { chat_id: GROUP, user_id: 42, only_if_banned: true }]]);
    expect((await run(action('approve', {}))).calls).toEqual([['approveChatJoinRequest', { chat_id: GROUP, user_id: 42 }]]);
    expect((await run(action('decline', {}))).calls).toEqual([['declineChatJoinRequest', { chat_id: GROUP, user_id: 42 }]]);
  });

  it('maps Telegram failures', async () => {
    mock.failNext({ status: 429, description: 'Too Many Requests: retry after 7', retry_after: 7 });
    expect((await run(action('send'))).r).toEqual({
      ok: false,
      retryable: true,
      error: 'telegram sendMessage (429): Too Many Requests: retry after 7; rate limited, retry after 7 s',
    });
    mock.failNext({ status: 500, description: 'Internal Server Error' });
    expect((await run(action('send'))).r).toMatchObject({ ok: false, retryable: true });
    mock.failNext({ status: 400, description: 'Bad Request: chat not found' });
    expect((await run(action('send'))).r).toEqual({ ok: false, retryable: false, error: 'telegram sendMessage (400): Bad Request: chat not found' });
    mock.failNext({ status: 403, description: 'Forbidden: bot was kicked from the supergroup chat' });
    expect((await run(action('blacklist', {}))).r).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining('bot was kicked') });
    mock.failNext({ status: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', migrate_to_chat_id: -1009 });
    expect((await run(action('send'))).r).toMatchObject({ retryable: false, error: expect.stringContaining('supergroup -1009') });
    mock.failNext({ status: 400, description: 'Bad Request: message to delete not found' });
    expect((await run(action('delete'))).r).toEqual({ ok: true }); // deleted by an earlier attempt
  });

  it('refuses what it cannot aim, without calling Telegram', async () => {
    const cases: [OutboxAction, RegExp][] = [
      [action('send', {}), /no payload\.text/],
      [action('delete', {}, { event_id: `${GROUP}:5:joined:42` }), /not a Telegram message/],
      [action('mute', {}), /payload\.seconds/],
      [action('remove', {}, { member_id: ids.stranger }), /no Telegram identity/],
      [action('remove', {}, { community_id: null }), /names no community/],
      [action('tag', { tag: 'vip' }), /cannot deliver a tag/],
      [action('notify'), /cannot deliver a notify/],
    ];
    for (const [a, why] of cases) {
      const { r, calls } = await run(a);
      expect(r, a.kind).toMatchObject({ ok: false, retryable: false, error: expect.stringMatching(why) });
      expect(calls).toEqual([]);
    }
  });

  it('a network failure is retryable', async () => {
    const ctx = { database: t.database, ingest: (e: Record<string, unknown>[]) => ingestEvents(t.database, e), log: silent };
    const down = createTelegramConnector(
      { token: '123456:deliver-token-abcdefghijklmnop', botId: 123456, webhookSecret: 'x', apiRoot: 'http://127.0.0.1:9' },
      ctx,
    );
    expect(await down.deliver(action('send'), t.database.db)).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringContaining('network error'),
    });
  });

  it('the outbox worker settles actions through the connector: done, retried, dead', async () => {
    const row = (kind: string, payload: object) => ({
      dedupe: `t|${++n}`,
      rule: 'no-ads',
      kind,
      platform: 'telegram',
      community_id: ids.community,
      member_id: ids.member,
      event_id: `${GROUP}:5`,
      event_at: NOW,
      payload: JSON.stringify(payload),
      reason: '{}',
      status: 'pending',
      attempts: 0,
      due_at: NOW,
      created_at: NOW,
      updated_at: NOW,
    });
    await t.database.db
      .insertInto('actions')
      .values([row('delete', {}), row('mute', { seconds: 60 }), row('warn', { text: '警告' })])
      .execute();
    mock.failNext('temporary');
    mock.failNext('permanent');
    const summary = await deliverDue(t.database, routeDeliveries([tg], t.database), { now: () => NOW });
    expect(summary).toEqual({ done: 1, retry: 1, dead: 1 });
    const rows = await t.database.db.selectFrom('actions').select(['kind', 'status', 'last_error']).orderBy('id').execute();
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['delete', 'pending'],
      ['mute', 'dead'],
      ['warn', 'done'],
    ]);
    expect(rows[1]!.last_error).toMatch(/not enough rights/);
  });
});
