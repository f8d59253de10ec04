// WeCom switches on by environment: nothing set → absent; all set → a connector; anything else → one error naming each problem.
import { describe, expect, it } from 'vitest';
import type { ConnectorContext } from '../types.js';
import { readEnv } from '../../config/env.js';
import { connectorsFor } from '../registry.js';
import { wecomConfig, WecomConfigError } from './config.js';

const ctx = { database: {} as ConnectorContext['database'], ingest: async () => ({ accepted: 0, duplicates: 0, rejected: [] }), log: console };
/** The connectors a process started with this environment would build. */
const fromEnv = (env: Record<string, string>) => connectorsFor(readEnv(env).connectors, ctx);
const FULL = {
  WECOM_CORP_ID: 'ww1436e0e65a779aee',
  WECOM_TOKEN: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
  WECOM_ENCODING_AES_KEY: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
  WECOM_SECRET: 'secret',
};
const problems = (env: Record<string, string>) => {
  try {
    wecomConfig(env);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(WecomConfigError);
    return (err as WecomConfigError).problems;
  }
};

describe('WeCom from the environment', () => {
  it('is null when no WECOM_* variable is set', async () => {
    expect(readEnv({ PATH: '/bin' }).connectors.wecom).toBeNull();
    expect(await fromEnv({ PATH: '/bin' })).toEqual([]);
  });

  it('builds the connector from all four variables (API base defaulting to qyapi.weixin.qq.com)', async () => {
    const [c] = await fromEnv(FULL);
    expect(c).toMatchObject({ platform: 'wecom', platforms: ['wecom'], kinds: ['send', 'reply', 'warn', 'tag'] });
    expect(wecomConfig(FULL)?.apiBase).toBe('https://qyapi.weixin.qq.com');
    expect(wecomConfig({ ...FULL, WECOM_API_BASE: 'http://127.0.0.1:9999/' })?.apiBase).toBe('http://127.0.0.1:9999');
  });

  it('names every missing or malformed variable', () => {
    expect(problems({ WECOM_CORP_ID: 'ww1', WECOM_TOKEN: 'abc' })).toEqual([
      'WECOM_ENCODING_AES_KEY is missing (set all of WECOM_CORP_ID, WECOM_TOKEN, WECOM_ENCODING_AES_KEY, WECOM_SECRET)',
      'WECOM_SECRET is missing (set all of WECOM_CORP_ID, WECOM_TOKEN, WECOM_ENCODING_AES_KEY, WECOM_SECRET)',
    ]);
    expect(problems({ ...FULL, WECOM_ENCODING_AES_KEY: FULL.WECOM_ENCODING_AES_KEY.slice(1) })).toEqual([
      'WECOM_ENCODING_AES_KEY must be exactly 43 letters and digits (got 42 characters)',
    ]);
    expect(problems({ ...FULL, WECOM_TOKEN: 'has space', WECOM_CORP_ID: 'w w', WECOM_API_BASE: 'ftp://x' }).map((p) => p.split(' ')[0])).toEqual([
      'WECOM_CORP_ID',
      'WECOM_TOKEN',
      'WECOM_API_BASE',
    ]);
    expect(() => wecomConfig({ WECOM_SECRET: 's' })).toThrow(/^WeCom connector misconfigured: WECOM_CORP_ID is missing/);
  });

  it('is switched on by the registry; a half-configured WeCom stops the process at start-up', async () => {
    expect((await fromEnv(FULL)).map((c) => c.platform)).toEqual(['wecom']);
    expect(() => readEnv({ WECOM_CORP_ID: 'ww1' }).connectors).toThrow(/WECOM_TOKEN is missing/);
  });
});
