// For tests: a local stand-in for the Bot API methods the connector calls (telegram-test-api has no
// restrict/ban/unban/join-request methods and cannot fail on demand). It records every call, can fail the next one
// like Telegram does, and serves queued updates to getUpdates with Telegram's offset rule (asking from an offset
// confirms, and forgets, everything below it).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MockCall {
  method: string;
  params: Record<string, unknown>;
  failed: boolean;
}
export interface MockFailure {
  status: number;
  description: string;
  retry_after?: number;
  migrate_to_chat_id?: number;
}

const FAILURES: Record<'temporary' | 'permanent', MockFailure> = {
  temporary: { status: 502, description: 'Bad Gateway' },
  permanent: { status: 400, description: 'Bad Request: not enough rights to restrict/unrestrict chat member' },
};

const TRUE_METHODS = new Set([
  'deleteWebhook',
  'setWebhook',
  'deleteMessage',
  'restrictChatMember',
  'banChatMember',
  'unbanChatMember',
  'approveChatJoinRequest',
  'declineChatJoinRequest',
]);

export interface MockBotApi {
  /** The apiRoot to give the connector (TELEGRAM_API_ROOT). */
  url: string;
  calls: MockCall[];
  /** getUpdates offsets asked for, in order. */
  offsets: (number | undefined)[];
  failNext(how: 'temporary' | 'permanent' | MockFailure): void;
  queue(...updates: Record<string, unknown>[]): void;
  /** The bot's status in every chat, for getChatMember. */
  botStatus: string;
  webhook: { url: string; allowed_updates?: string[] };
  close(): Promise<void>;
}

export async function startMockBotApi(botId = 123456): Promise<MockBotApi> {
  const pending: MockFailure[] = [];
  let updates: Record<string, unknown>[] = [];
  let nextMessageId = 1000;
  const mock: MockBotApi = {
    url: '',
    calls: [],
    offsets: [],
    botStatus: 'member',
    webhook: { url: '' },
    failNext(how) {
      pending.push(typeof how === 'string' ? FAILURES[how] : how);
    },
    queue(...u) {
      updates.push(...u);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  function answer(method: string, p: Record<string, unknown>): unknown {
    if (TRUE_METHODS.has(method)) return true;
    switch (method) {
      case 'getMe':
        return { id: botId, is_bot: true, first_name: 'Qunyun', username: 'qunyun_test_bot' };
      case 'getWebhookInfo':
        return { url: mock.webhook.url, has_custom_certificate: false, pending_update_count: 0, allowed_updates: mock.webhook.allowed_updates };
      case 'getChatMember':
        return { status: mock.botStatus, user: { id: Number(p.user_id), is_bot: true, first_name: 'Qunyun' } };
      case 'sendMessage':
        return {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(p.chat_id), type: 'supergroup' },
          text: p.text,
        };
      case 'getUpdates': {
        const offset = typeof p.offset === 'number' ? p.offset : undefined;
        mock.offsets.push(offset);
        if (offset !== undefined) updates = updates.filter((u) => Number(u.update_id) >= offset);
        return updates.slice(0, typeof p.limit === 'number' ? p.limit : 100);
      }
      default:
        return undefined;
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^\/bot[^/]+\/([A-Za-z]+)$/.exec(req.url ?? '');
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (!m) return reply(404, { ok: false, error_code: 404, description: 'Not Found' });
      const method = m[1]!;
      let params: Record<string, unknown> = {};
      try {
        if (chunks.length > 0) params = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return reply(400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
      }
      const failure = pending.shift();
      mock.calls.push({ method, params, failed: failure !== undefined });
      if (failure) {
        const parameters =
          failure.retry_after !== undefined || failure.migrate_to_chat_id !== undefined
            ? { retry_after: failure.retry_after, migrate_to_chat_id: failure.migrate_to_chat_id }
            : undefined;
        return reply(failure.status, { ok: false, error_code: failure.status, description: failure.description, parameters });
      }
      const result = answer(method, params);
      if (result === undefined) return reply(404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
      reply(200, { ok: true, result });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mock.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return mock;
}
