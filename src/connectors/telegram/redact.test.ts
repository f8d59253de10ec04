// A network failure must never carry the bot token into actions.last_error or the logs (node-fetch quotes the URL).
import { createServer } from 'node:net';
import { Api, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { failure } from './deliver.js';
import { Poller } from './polling.js';
import { describeError, redactToken, safeErr } from './redact.js';

const TOKEN = '987654:AAHsecret-token_abcdefghijklmnopqrstu';

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('telegram token redaction', () => {
  it('a network error against a closed port yields an error text without the token', async () => {
    const api = new Api(TOKEN, { apiRoot: `http://127.0.0.1:${await closedPort()}`, timeoutSeconds: 5 });
    const err = await api.getMe().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HttpError);
    // The raw error does carry it (that is the defect being guarded against).
    expect(JSON.stringify({ inner: String((err as HttpError).error), msg: (err as Error).message })).toContain(TOKEN.split(':')[1]);
    const f = failure(err, TOKEN);
    expect(f.retryable).toBe(true);
    expect(f.error).not.toContain(TOKEN.split(':')[1]);
    expect(f.error).toContain('ECONNREFUSED');
    // Even without the token at hand, anything token-shaped is masked.
    expect(failure(err).error).not.toContain(TOKEN.split(':')[1]);
    expect(JSON.stringify(safeErr(err, TOKEN))).not.toContain(TOKEN.split(':')[1]);
    expect(describeError(err)).not.toContain(TOKEN.split(':')[1]);
  });

  it('the polling loop logs the failure without the token', async () => {
    const api = new Api(TOKEN, { apiRoot: `http://127.0.0.1:${await closedPort()}`, timeoutSeconds: 5 });
    const logged: unknown[] = [];
    const log = {
      info() {},
      warn(...a: unknown[]) {
        logged.push(a);
      },
      error(...a: unknown[]) {
        logged.push(a);
      },
    };
    const poller = new Poller(api, async () => ({ accepted: 0, duplicates: 0, rejected: [] }), log, { backoffMs: 10_000 });
    poller.start();
    for (let i = 0; i < 100 && logged.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await poller.stop();
    expect(logged.length).toBeGreaterThan(0);
    const text = JSON.stringify(logged, (_k, v: unknown) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v));
    expect(text).not.toContain(TOKEN.split(':')[1]);
  });

  it('redactToken masks bot<token> and the bare token', () => {
    expect(redactToken(`https://api.telegram.org/bot${TOKEN}/getMe and ${TOKEN}`, TOKEN)).toBe(
      'https://api.telegram.org/bot<redacted>/getMe and bot<redacted>',
    );
    expect(redactToken(`/bot${TOKEN}/x`)).toBe('/bot<redacted>/x');
  });
});
