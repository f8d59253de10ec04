// Long polling: against the telegram-test-api emulator end to end (a user's group message in, the bot's reply out),
// and against the local stand-in for Telegram's offset rule (the offset moves only after a commit).
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestEvents } from '../inbound.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { createTelegramConnector } from './index.js';
import { startMockBotApi } from './mock-bot-api.js';
import { Poller } from './polling.js';
import { Api } from 'grammy';

const silent = { info() {}, warn() {}, error() {} };
const TOKEN = '123456:polling-token-abcdefghijklmnop';

async function until(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase('sqlite');
});
afterAll(async () => {
  await t?.drop();
});
const messages = async () =>
  (await t.database.db.selectFrom('events').select(['event_id', 'type']).where('type', '=', 'message.sent').execute()).map((r) => r.event_id);

describe('long polling against telegram-test-api', () => {
  it('a group message in, a send out', async () => {
    const mod = (await import('telegram-test-api')) as unknown as { default: unknown };
    const TelegramServer = ((mod.default as { default?: unknown }).default ?? mod.default) as new (c: object) => {
      start(): Promise<void>;
      stop(): Promise<boolean>;
      config: { apiURL: string };
      getClient(token: string, o: object): { makeMessage(text: string): object; sendMessage(m: object): Promise<unknown> };
      getUpdatesHistory(token: string): { message: { chat_id?: unknown; text?: string } }[];
    };
    const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
    await server.start();
    const tg = createTelegramConnector(
      { token: TOKEN, botId: 123456, webhookSecret: null, apiRoot: server.config.apiURL },
      { database: t.database, ingest: (e) => ingestEvents(t.database, e), log: silent },
      { polling: { timeoutSeconds: 1, idleMs: 20 } },
    );
    try {
      await tg.start?.();
      const client = server.getClient(TOKEN, {
        type: 'supergroup',
        chatId: -1001234567890,
        chatTitle: 'Test Group',
        userId: 42,
        firstName: 'Alice',
        userName: 'alice',
      });
      await client.sendMessage(client.makeMessage('有人在吗？'));
      await until(async () => (await messages()).length === 1);
      const body = JSON.parse(
        (await t.database.db.selectFrom('events').select('body').where('type', '=', 'message.sent').executeTakeFirstOrThrow()).body,
      ) as Record<string, unknown>;
      expect(body).toMatchObject({ platform: 'telegram', community: '-1001234567890', member: '42', kind: 'text', text: '有人在吗？' });
      const ids = {
        member: Number(
          (await t.database.db.selectFrom('identities').select('member_id').where('external_id', '=', '42').executeTakeFirstOrThrow()).member_id,
        ),
        community: Number(
          (await t.database.db.selectFrom('communities').select('id').where('external_id', '=', '-1001234567890').executeTakeFirstOrThrow()).id,
        ),
      };
      const r = await tg.deliver(
        {
          id: 1,
          rule: 'faq',
          kind: 'reply',
          platform: 'telegram',
          community_id: ids.community,
          member_id: ids.member,
          event_id: String(body.id),
          attempts: 0,
          payload: { text: '在的，请问有什么可以帮您？' },
        },
        t.database.db,
      );
      expect(r).toEqual({ ok: true });
      expect(server.getUpdatesHistory(TOKEN).map((u) => u.message.text)).toContain('在的，请问有什么可以帮您？');
    } finally {
      await tg.stop?.();
      await server.stop();
    }
  });
});

describe('the polling offset', () => {
  it('moves past an update only once its events are committed', async () => {
    const mock = await startMockBotApi(123456);
    const api = new Api(TOKEN, { apiRoot: mock.url });
    const msg = (id: number) => ({
      update_id: 500 + id,
      message: {
        message_id: id,
        date: 1795362400 + id,
        chat: { id: -1005, type: 'group', title: 'G' },
        from: { id: 7, is_bot: false, first_name: 'P' },
        text: `m${id}`,
      },
    });
    mock.queue(msg(1), msg(2));
    const tg = createTelegramConnector(
      { token: TOKEN, botId: 123456, webhookSecret: null, apiRoot: mock.url },
      { database: t.database, ingest: (e) => ingestEvents(t.database, e), log: silent },
    );
    let failures = 1;
    const poller = new Poller(
      api,
      async (updates) => {
        if (failures-- > 0) throw new Error('database unavailable');
        return tg.handleUpdates(updates);
      },
      silent,
      { timeoutSeconds: 0, idleMs: 10, backoffMs: 10 },
    );
    try {
      poller.start();
      await until(async () => mock.offsets.length >= 3);
      expect(await messages()).toEqual(expect.arrayContaining(['-1005:1', '-1005:2']));
      // Fetched twice from the start (the failed batch was not confirmed), then from past the committed batch.
      expect(mock.offsets.slice(0, 3)).toEqual([undefined, undefined, 503]);
      mock.queue({ ...msg(2), update_id: 503 }); // the same message again under a new update id: a duplicate
      await until(async () => poller.nextOffset === 504);
      expect((await messages()).filter((id) => id.startsWith('-1005:'))).toHaveLength(2);
      expect(mock.calls.filter((c) => c.method === 'deleteWebhook')).toHaveLength(1);
    } finally {
      await poller.stop();
      await mock.close();
    }
  });
});

describe('stopping', () => {
  it('ends a long poll that Telegram is holding open', async () => {
    const held: http.ServerResponse[] = [];
    const server = http.createServer((req, res) => {
      if (req.url?.endsWith('/getUpdates')) return void held.push(res); // never answered, like a 25 s long poll
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"result":true}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const api = new Api(TOKEN, { apiRoot: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}` });
    const poller = new Poller(api, async () => ({ accepted: 0, duplicates: 0, rejected: [] }), silent);
    poller.start();
    await until(async () => held.length === 1);
    const started = Date.now();
    await poller.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
});
