// The configuration parsed once at start-up: defaults, the switches commands used to read from process.env
// themselves, and the connector settings (a misconfigured connector stops the process before anything runs).
import { describe, expect, it } from 'vitest';
import { readEnv } from './env.js';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

describe('readEnv', () => {
  it('defaults: loopback, no simulator, no debug, analytics kept, no connector', () => {
    expect(readEnv({})).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      simulate: false,
      debug: false,
      benchNoAnalytics: false,
      connectors: { wecom: null, telegram: null },
    });
  });

  it('reads HOST, QUNYUN_SIMULATE, QUNYUN_DEBUG and the bench switch as the commands did', () => {
    expect(readEnv({ HOST: '0.0.0.0', QUNYUN_SIMULATE: '1', QUNYUN_DEBUG: 'yes', QUNYUN_BENCH_NO_ANALYTICS: '1' })).toMatchObject({
      host: '0.0.0.0',
      simulate: true,
      debug: true,
      benchNoAnalytics: true,
    });
    expect(readEnv({ HOST: '', QUNYUN_SIMULATE: 'true', QUNYUN_BENCH_NO_ANALYTICS: '0' })).toMatchObject({
      host: '127.0.0.1',
      simulate: false,
      benchNoAnalytics: false,
    });
  });

  it('parses the connectors once, and refuses a bad one by name', () => {
    expect(readEnv({ TELEGRAM_BOT_TOKEN: TOKEN }).connectors.telegram).toMatchObject({ botId: 123456789, webhookSecret: null });
    expect(() => readEnv({ TELEGRAM_BOT_TOKEN: 'nope' }).connectors).toThrow(/^TELEGRAM_BOT_TOKEN: /);
    expect(() => readEnv({ WECOM_CORP_ID: 'ww1' }).connectors).toThrow(/WeCom connector misconfigured/);
    // Only a command that needs the connectors meets the error; the rest of the configuration still parses.
    expect(readEnv({ WECOM_CORP_ID: 'ww1', PORT: '4000' }).port).toBe(4000);
  });

  it('reads the public origins and the proxies trusted, refusing malformed ones by name', () => {
    expect(readEnv({}).publicOrigins).toEqual([]);
    expect(readEnv({}).trustProxy).toEqual({ kind: 'none' });
    expect(readEnv({ QUNYUN_PUBLIC_ORIGIN: 'https://Q.example.com, http://10.0.0.5:8080/' }).publicOrigins).toEqual([
      'https://q.example.com',
      'http://10.0.0.5:8080',
    ]);
    for (const bad of ['q.example.com', 'https://q.example.com/console', 'ftp://q.example.com', 'https://q.example.com?x=1'])
      expect(() => readEnv({ QUNYUN_PUBLIC_ORIGIN: bad })).toThrow(/^QUNYUN_PUBLIC_ORIGIN: expected origins like/);
    expect(readEnv({ QUNYUN_TRUST_PROXY: '2' }).trustProxy).toEqual({ kind: 'hops', hops: 2 });
    expect(readEnv({ QUNYUN_TRUST_PROXY: '10.0.0.0/8,::1' }).trustProxy).toEqual({
      kind: 'addresses',
      blocks: [
        { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
        { address: '::1', prefix: 128, family: 'ipv6' },
      ],
    });
  });
});
