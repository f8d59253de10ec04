// The Telegram connector passes the shared connector contract: recorded updates through the real webhook route of
// the real HTTP app, actions out to a local Bot API stand-in (mock-bot-api.ts) that records calls and fails on demand.
import fs from 'node:fs';
import { connectorContract, type InboundSample } from '../contract.js';
import { ingestEvents } from '../inbound.js';
import { createApp } from '../../http/app.js';
import { createContext } from '../../context.js';
import { readEnv } from '../../config/env.js';
import { createTelegramConnector } from './index.js';
import { startMockBotApi } from './mock-bot-api.js';
import { SECRET_HEADER, WEBHOOK_PATH } from './webhook.js';
import { fixturePath } from '../../test-support/fixtures.js';

const file = JSON.parse(fs.readFileSync(fixturePath('telegram', 'telegram-bot-updates.json'), 'utf8')) as Record<
  string,
  Record<string, Record<string, unknown>>
>;
const GROUP = -1001234567890; // the emulated group of the recorded text message
const chat = { id: GROUP, title: 'Test Group', type: 'supergroup' };
const bob = { id: 77, is_bot: false, first_name: 'Bob' };
const date = 1795362100;
const silent = { info() {}, warn() {}, error() {} };
const SECRET = 'contract-secret_0123';

let n = 0;
await connectorContract({
  name: 'telegram',
  async setup(database) {
    const mock = await startMockBotApi(123456);
    const connector = createTelegramConnector(
      { token: '123456:contract-token-abcdefghijklmnop', botId: 123456, webhookSecret: SECRET, apiRoot: mock.url },
      { database, ingest: (events) => ingestEvents(database, events), log: silent },
    );
    const app = createApp(createContext(database, readEnv({})), { error() {} }, [connector]);
    const post = (update: unknown) => async () => {
      const res = await app.request(WEBHOOK_PATH, {
        method: 'POST',
        body: JSON.stringify(update),
        headers: { 'content-type': 'application/json', [SECRET_HEADER]: SECRET },
      });
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
    };
    // In ascending order of type: contract.ts reads events without ORDER BY, and SQLite answers from the (type, at_ms)
    // index, so a sample's new events are the last rows only when no earlier sample left a later type.
    const inbound: InboundSample[] = [
      {
        name: 'title change',
        types: ['community.updated'],
        deliver: post({
          update_id: 22,
          message: { message_id: 9, date, chat, from: { id: 42, is_bot: false, first_name: 'Alice' }, new_chat_title: 'Test Group 2' },
        }),
      },
      { name: 'recorded: new_chat_members', types: ['member.joined'], deliver: post(file.captured!.new_chat_members_supergroup) },
      {
        name: 'chat_member join by a named invite link',
        types: ['member.joined'],
        deliver: post({
          update_id: 20,
          chat_member: {
            chat,
            from: bob,
            date,
            old_chat_member: { user: bob, status: 'left' },
            new_chat_member: { user: bob, status: 'member' },
            invite_link: {
              invite_link: 'https://t.me/+x',
              name: 'poster',
              creator: { id: 42, is_bot: false, first_name: 'Alice' },
              creates_join_request: false,
              is_primary: false,
              is_revoked: false,
            },
          },
        }),
      },
      { name: 'recorded: left_chat_member', types: ['member.left'], deliver: post(file.captured!.left_chat_member_supergroup) },
      {
        name: 'join request',
        types: ['member.profile'],
        deliver: post({ update_id: 21, chat_join_request: { chat, from: { id: 78, is_bot: false, first_name: 'Carol' }, user_chat_id: 78, date } }),
      },
      { name: 'recorded (emulator): group text', types: ['message.sent'], deliver: post(file.emulated!.group_text_message) },
    ];
    const ids = async () => ({
      member: Number(
        (
          await database.db
            .selectFrom('identities')
            .select('member_id')
            .where('platform', '=', 'telegram')
            .where('external_id', '=', '42')
            .executeTakeFirstOrThrow()
        ).member_id,
      ),
      community: Number(
        (
          await database.db
            .selectFrom('communities')
            .select('id')
            .where('platform', '=', 'telegram')
            .where('external_id', '=', String(GROUP))
            .executeTakeFirstOrThrow()
        ).id,
      ),
    });
    return {
      connector,
      inbound,
      calls: () => mock.calls,
      failNext: (how) => mock.failNext(how),
      async action(kind) {
        const { member, community } = await ids();
        return {
          id: ++n,
          rule: 'contract',
          kind,
          platform: 'telegram',
          community_id: community,
          member_id: member,
          event_id: `${GROUP}:1`,
          attempts: 0,
          payload: kind === 'mute' ? { seconds: 600 } : { text: '请遵守群规' },
        };
      },
      close: () => mock.close(),
    };
  },
});
