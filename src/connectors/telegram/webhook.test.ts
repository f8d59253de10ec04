// POST /hooks/telegram through the real HTTP app: the secret header, bad bodies, redeliveries, and the 200 that
// comes only once the update's events are committed.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../http/app.js';
import { createContext } from '../../context.js';
import { readEnv } from '../../config/env.js';
import { ingestEvents } from '../inbound.js';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../../test-support/databases.js';
import { createTelegramConnector, type TelegramConnector } from './index.js';
import { startMockBotApi, type MockBotApi } from './mock-bot-api.js';
import { SECRET_HEADER, WEBHOOK_PATH, secretMatches } from './webhook.js';
import { fixturePath } from '../../test-support/fixtures.js';

const file = JSON.parse(fs.readFileSync(fixturePath('telegram', 'telegram-bot-updates.json'), 'utf8')) as Record<
  string,
  Record<string, Record<string, unknown>>
>;
const text = file.emulated!.group_text_message!;
const SECRET = 'hook-secret-42';
const silent = { info() {}, warn() {}, error() {} };

describe('secretMatches', () => {
  it('compares whatever the lengths', () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    for (const wrong of [undefined, '', 'hook-secret-43', 'hook-secret-42x', SECRET.toUpperCase()]) expect(secretMatches(wrong, SECRET)).toBe(false);
  });
});

describe.each(await dialectsUnderTest())('POST /hooks/telegram (%s)', (dialect) => {
  let t: TestDatabase;
  let mock: MockBotApi;
  let connector: TelegramConnector;
  let app: ReturnType<typeof createApp>;
  /** Test controls over the ledger write behind the webhook. */
  let gate: Promise<void> = Promise.resolve();
  let failIngest = false;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    mock = await startMockBotApi(123456);
    const ingest = async (events: Record<string, unknown>[]) => {
      await gate;
      if (failIngest) throw new Error('database unavailable');
      return ingestEvents(t.database, events);
    };
    connector = createTelegramConnector(
      { token: '123456:webhook-token-abcdefghijklmnop', botId: 123456, webhookSecret: SECRET, apiRoot: mock.url },
      { database: t.database, ingest, log: silent },
    );
    app = createApp(createContext(t.database, readEnv({})), { error() {} }, [connector]);
  });
  afterAll(async () => {
    await mock?.close();
    await t?.drop();
  });

  const post = async (body: string, headers: Record<string, string> = { [SECRET_HEADER]: SECRET }) =>
    app.request(WEBHOOK_PATH, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const count = async () => (await t.database.db.selectFrom('events').select('event_id').execute()).length;

  it('refuses a missing or wrong secret with 401, storing nothing', async () => {
    for (const headers of [{}, { [SECRET_HEADER]: 'nope' }, { [SECRET_HEADER]: `${SECRET}-` }] as Record<string, string>[]) {
      const res = await post(JSON.stringify(text), headers);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    expect(await count()).toBe(0);
  });

  it('refuses garbage with 400 and an oversized body with 413', async () => {
    for (const body of ['', '{not json', '[]', '"update"', '{}', '{"update_id":"7"}', '{"update_id":-1}']) {
      expect((await post(body)).status, body).toBe(400);
    }
    expect((await post(JSON.stringify({ update_id: 1, message: { text: 'x'.repeat(1_100_000) } }))).status).toBe(413);
    expect(await count()).toBe(0);
  });

  it('stores a redelivered update once', async () => {
    const first = await post(JSON.stringify(text));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ ok: true, accepted: 1, duplicates: 0 });
    const again = await post(JSON.stringify({ ...text, update_id: 999 })); // re-fetched under another update_id: same message
    expect(await again.json()).toMatchObject({ ok: true, accepted: 0, duplicates: 1 });
    expect(await count()).toBe(1);
  });

  it('acknowledges an update with nothing for the ledger (a private chat)', async () => {
    const res = await post(JSON.stringify(file.captured!.private_command_message));
    expect(await res.json()).toMatchObject({ ok: true, accepted: 0 });
  });

  it('answers 200 only after the commit, and 503 (so Telegram retries) when it fails', async () => {
    const update = {
      update_id: 40,
      message: {
        message_id: 40,
        date: 1795362200,
        chat: { id: -1001234567890, type: 'supergroup' },
        from: { id: 42, is_bot: false, first_name: 'Alice' },
        text: '第二条',
      },
    };
    let release!: () => void;
    gate = new Promise((r) => {
      release = r;
    });
    let settled = false;
    const pending = post(JSON.stringify(update)).then((r) => {
      settled = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    failIngest = true;
    release();
    expect((await pending).status).toBe(503);
    expect(await count()).toBe(1);
    failIngest = false;
    gate = Promise.resolve();
    const retried = await post(JSON.stringify(update));
    expect(retried.status).toBe(200);
    expect(await count()).toBe(2);
  });

  it('counts a join once where chat_member updates report it', async () => {
    const chat = { id: -1009, title: 'Admin Group', type: 'supergroup' };
    const dave = { id: 601, is_bot: false, first_name: 'Dave' },
      erin = { id: 602, is_bot: false, first_name: 'Erin' };
    const joins = async () => (await t.database.db.selectFrom('events').select('event_id').where('type', '=', 'member.joined').execute()).length;
    const before = await joins();
    // The chat_member update names the link; the service message about the same join is passed over.
    await post(
      JSON.stringify({
        update_id: 50,
        chat_member: {
          chat,
          from: dave,
          date: 1795362300,
          old_chat_member: { user: dave, status: 'left' },
          new_chat_member: { user: dave, status: 'member' },
          invite_link: {
            invite_link: 'https://t.me/+y',
            name: 'wechat-qr',
            creator: erin,
            creates_join_request: false,
            is_primary: false,
            is_revoked: false,
          },
        },
      }),
    );
    await post(JSON.stringify({ update_id: 51, message: { message_id: 3, date: 1795362300, chat, from: dave, new_chat_members: [dave] } }));
    expect(await joins()).toBe(before + 1);
    const row = await t.database.db
      .selectFrom('memberships')
      .innerJoin('communities', 'communities.id', 'memberships.community_id')
      .select(['memberships.first_channel', 'memberships.first_method'])
      .where('communities.external_id', '=', String(chat.id))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ first_channel: 'wechat-qr', first_method: 'link' });
    // Elsewhere the bot is no admin (getChatMember says member): the service message is the only report, and counts.
    await post(
      JSON.stringify({
        update_id: 52,
        message: { message_id: 4, date: 1795362301, chat: { ...chat, id: -1010 }, from: erin, new_chat_members: [dave] },
      }),
    );
    expect(await joins()).toBe(before + 2);
    expect(mock.calls.filter((c) => c.method === 'getChatMember')).toHaveLength(1);
    // An admin there, and chat_member asked for: the service message waits for its chat_member twin.
    mock.botStatus = 'administrator';
    mock.webhook = { url: 'https://example.test/hooks/telegram', allowed_updates: ['message', 'chat_member'] };
    await connector.start?.();
    await post(
      JSON.stringify({
        update_id: 53,
        message: { message_id: 5, date: 1795362302, chat: { ...chat, id: -1011 }, from: dave, new_chat_members: [erin] },
      }),
    );
    expect(await joins()).toBe(before + 2);
  });
});

describe('polling mode', () => {
  it('mounts no webhook route', async () => {
    const t = await createTestDatabase('sqlite');
    try {
      const c = createTelegramConnector(
        { token: '123456:polling-token-abcdefghijklmnop', botId: 123456, webhookSecret: null, apiRoot: 'http://127.0.0.1:9' },
        { database: t.database, ingest: (e) => ingestEvents(t.database, e), log: silent },
      );
      expect(c.mode).toBe('polling');
      expect(c.routes).toBeUndefined();
      const app = createApp(createContext(t.database, readEnv({})), { error() {} }, [c]);
      expect((await app.request(WEBHOOK_PATH, { method: 'POST', body: JSON.stringify(text) })).status).toBe(404);
    } finally {
      await t.drop();
    }
  });
});
