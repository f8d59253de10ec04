// Configuration by environment: off without a token, webhook with a secret, polling without; bad values named.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../storage/database.js';
import { readEnv } from '../../config/env.js';
import { connectorsFor } from '../registry.js';
import { DEFAULT_API_ROOT, readTelegramConfig } from './config.js';
import type { TelegramConnector } from './index.js';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const ctx = {
  database: {} as Database,
  ingest: async () => ({ accepted: 0, duplicates: 0, rejected: [] }),
  log: { info() {}, warn() {}, error() {} },
};
/** The connectors a process started with this environment would build. */
const fromEnv = (env: Record<string, string>) => connectorsFor(readEnv(env).connectors, ctx);

describe('telegram configuration', () => {
  it('is off without a token', async () => {
    expect(readTelegramConfig({})).toBeNull();
    expect(readTelegramConfig({ TELEGRAM_BOT_TOKEN: '  ', TELEGRAM_WEBHOOK_SECRET: 's' })).toBeNull();
    expect(readEnv({}).connectors.telegram).toBeNull();
    expect(await fromEnv({ TELEGRAM_WEBHOOK_SECRET: 's' })).toEqual([]);
  });

  it('reads the token, the mode and the API root', () => {
    expect(readTelegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN })).toEqual({
      token: TOKEN,
      botId: 123456789,
      webhookSecret: null,
      apiRoot: DEFAULT_API_ROOT,
    });
    expect(
      readTelegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: 'abc_DEF-123', TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/' }),
    ).toMatchObject({ webhookSecret: 'abc_DEF-123', apiRoot: 'http://127.0.0.1:8081' });
    expect(readTelegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: '' })).toMatchObject({ webhookSecret: null });
  });

  it('names the variable that is wrong, without echoing secrets', () => {
    const bad: [Record<string, string>, RegExp][] = [
      [{ TELEGRAM_BOT_TOKEN: 'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw' }, /^TELEGRAM_BOT_TOKEN: /],
      [{ TELEGRAM_BOT_TOKEN: '123:short' }, /^TELEGRAM_BOT_TOKEN: /],
      [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: 'has spaces in it' }, /^TELEGRAM_WEBHOOK_SECRET: /],
      [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: 'x'.repeat(257) }, /^TELEGRAM_WEBHOOK_SECRET: /],
      [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'localhost:8081' }, /^TELEGRAM_API_ROOT: /],
      [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'ftp://example.com' }, /^TELEGRAM_API_ROOT: /],
      [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'not a url' }, /^TELEGRAM_API_ROOT: /],
    ];
    for (const [env, message] of bad) {
      let error: Error | undefined;
      try {
        readTelegramConfig(env);
      } catch (err) {
        error = err as Error;
      }
      expect(error?.message, JSON.stringify(env)).toMatch(message);
      expect(error?.message).not.toContain('AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
      expect(error?.message).not.toContain('has spaces');
    }
  });

  it('switches on through the registry, lazily and without calling Telegram', async () => {
    const [polling] = (await fromEnv({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' })) as TelegramConnector[];
    expect(polling).toMatchObject({ platform: 'telegram', platforms: ['telegram'], mode: 'polling' });
    expect(polling!.kinds).not.toContain('tag');
    expect(polling!.kinds).not.toContain('notify');
    const [hook] = (await fromEnv({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_SECRET: 'abc',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
    })) as TelegramConnector[];
    expect(hook!.mode).toBe('webhook');
    expect(typeof hook!.routes).toBe('function');
  });
});
