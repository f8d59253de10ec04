// The whole loop through Telegram: an update by webhook → the ledger → a live rule → the outbox → Bot API calls →
// Telegram's report of what happened back in the ledger.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../http/app.js';
import { createContext } from '../../context.js';
import { readEnv } from '../../config/env.js';
import { applyWorkspaceFile } from '../../features/workspace/apply.js';
import { parseWorkspaceFile } from '../../config/workspace-file.js';
import { deliverDue } from '../../features/automation/outbox.js';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../../test-support/databases.js';
import { ingestEvents } from '../inbound.js';
import { routeDeliveries } from '../registry.js';
import { createTelegramConnector, type TelegramConnector } from './index.js';
import { startMockBotApi, type MockBotApi } from './mock-bot-api.js';
import { SECRET_HEADER, WEBHOOK_PATH } from './webhook.js';

const YAML = `
automation:
  lists: { ads: [加微信] }
  ladders: { standard: [warn, "mute:1h", remove] }
  rules:
    - { key: ads, on: message, match: { words: [ads] }, actions: [delete, strike], ladder: standard }
`;
const SECRET = 'loop-secret';
const chat = { id: -1002000, title: '瑜伽打卡群', type: 'supergroup' };
const spammer = { id: 3001, is_bot: false, first_name: 'Spam' };

describe.each(await dialectsUnderTest())('telegram loop (%s)', (dialect) => {
  let t: TestDatabase;
  let mock: MockBotApi;
  let tg: TelegramConnector;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await applyWorkspaceFile(t.database, parseWorkspaceFile(YAML));
    mock = await startMockBotApi(123456);
    tg = createTelegramConnector(
      { token: '123456:loop-token-abcdefghijklmnopq', botId: 123456, webhookSecret: SECRET, apiRoot: mock.url },
      { database: t.database, ingest: (e) => ingestEvents(t.database, e), log: { info() {}, warn() {}, error() {} } },
    );
    app = createApp(createContext(t.database, readEnv({})), { error() {} }, [tg]);
  });
  afterAll(async () => {
    await mock?.close();
    await t?.drop();
  });

  const post = async (update: object) => {
    const res = await app.request(WEBHOOK_PATH, {
      method: 'POST',
      body: JSON.stringify(update),
      headers: { 'content-type': 'application/json', [SECRET_HEADER]: SECRET },
    });
    expect(res.status).toBe(200);
  };
  const now = () => Math.floor(Date.now() / 1000);
  const ad = (n: number) => ({ update_id: n, message: { message_id: n, date: now() - 5, chat, from: spammer, text: '加微信领资料' } });

  it("an ad is deleted and warned about, then muted, then removed, and Telegram's report of the removal is a leave", async () => {
    await post(ad(11));
    await post(ad(11)); // redelivered: no second action
    expect(await deliverDue(t.database, routeDeliveries([tg], t.database))).toEqual({ done: 2, retry: 0, dead: 0 });
    expect(mock.calls.map((c) => [c.method, c.params.message_id ?? c.params.reply_parameters])).toEqual([
      ['deleteMessage', 11],
      ['sendMessage', { message_id: 11, allow_sending_without_reply: true }],
    ]);
    await post(ad(12));
    await post(ad(13));
    expect(await deliverDue(t.database, routeDeliveries([tg], t.database))).toEqual({ done: 4, retry: 0, dead: 0 });
    expect(mock.calls.slice(2).map((c) => c.method)).toEqual([
      'deleteMessage',
      'restrictChatMember',
      'deleteMessage',
      'banChatMember',
      'unbanChatMember',
    ]);
    await post({
      update_id: 14,
      chat_member: {
        chat,
        from: { id: 123456, is_bot: true, first_name: 'Qunyun' },
        date: now(),
        old_chat_member: { user: spammer, status: 'member' },
        new_chat_member: { user: spammer, status: 'kicked', until_date: 0 },
      },
    });
    const left = await t.database.db.selectFrom('events').select('body').where('type', '=', 'member.left').executeTakeFirstOrThrow();
    expect(JSON.parse(left.body)).toMatchObject({ community: String(chat.id), member: String(spammer.id), reason: 'removed' });
  });
});
