// The WeCom API client against a local mock server: token cache and refresh, retries with backoff, error messages.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeError, WecomApi, WecomApiError, type ApiOptions } from './api.js';
import { startMockWecom, type MockWecom } from './mock-wecom.js';

let mock: MockWecom;
beforeAll(async () => {
  mock = await startMockWecom();
});
afterAll(async () => {
  await mock.close();
});

let clock = 0;
let sleeps: number[] = [];
beforeEach(() => {
  clock = Date.parse('2026-11-01T12:00:00Z');
  sleeps = [];
});
const client = (o: Partial<ApiOptions> = {}) =>
  new WecomApi({
    corpId: 'wwcorp',
    secret: 's3cret',
    base: mock.base,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...o,
  });
const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WecomApiError);
  return err as WecomApiError;
};

describe('access_token', () => {
  it('is fetched once and reused until five minutes before it expires', async () => {
    const api = client();
    const issued = mock.tokensIssued();
    await api.call('externalcontact/get_corp_tag_list', {});
    await Promise.all([1, 2, 3].map(() => api.call('externalcontact/get_corp_tag_list', {})));
    expect(mock.tokensIssued() - issued).toBe(1);
    clock += (7200 - 301) * 1000;
    await api.call('externalcontact/get_corp_tag_list', {});
    expect(mock.tokensIssued() - issued).toBe(1);
    clock += 2000;
    await api.call('externalcontact/get_corp_tag_list', {});
    expect(mock.tokensIssued() - issued).toBe(2);
  });

  it('concurrent callers wait for one token request', async () => {
    const issued = mock.tokensIssued();
    const api = client();
    await Promise.all(Array.from({ length: 5 }, () => api.accessToken()));
    expect(mock.tokensIssued() - issued).toBe(1);
  });

  it.each([42001, 40014])('is refreshed at once when WeCom answers %i, and the call succeeds', async (code) => {
    const api = client();
    await api.accessToken();
    const issued = mock.tokensIssued();
    mock.script({ json: { errcode: code, errmsg: 'token' } });
    const r = await api.call('externalcontact/get_corp_tag_list', {});
    expect(r.errcode).toBe(0);
    expect(mock.tokensIssued() - issued).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('is refreshed only once per call: a second refusal is reported', async () => {
    const api = client();
    mock.script({ json: { errcode: 42001 } }, { json: { errcode: 42001 } });
    const err = await refusal(api.call('externalcontact/get_corp_tag_list', {}));
    expect(err.code).toBe(42001);
    expect(err.message).toMatch(/access_token has expired/);
  });

  it('a wrong secret or corp id is named', async () => {
    mock.scriptToken({ json: { errcode: 40001, errmsg: 'invalid credential' } });
    expect((await refusal(client().accessToken())).message).toMatch(/WECOM_SECRET is not the Secret/);
    mock.scriptToken({ json: { errcode: 40013, errmsg: 'invalid corpid' } });
    const err = await refusal(client().call('externalcontact/get', undefined, { external_userid: 'wm1' }));
    expect(err).toMatchObject({ retryable: false, message: expect.stringMatching(/check WECOM_CORP_ID/) });
  });
});

describe('retries', () => {
  it('retries 5xx with backoff (500 ms, then 1 s) and succeeds', async () => {
    const api = client();
    const before = mock.calls.length;
    mock.script({ status: 503 }, { status: 502 });
    expect((await api.call('externalcontact/get_corp_tag_list', {})).errcode).toBe(0);
    expect(mock.calls.length - before).toBe(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it('retries the rate limit (45009), WeCom being busy (-1) and a dropped connection', async () => {
    const api = client({ backoffMs: 10 });
    mock.script({ json: { errcode: 45009, errmsg: 'api freq out of limit' } }, { json: { errcode: -1 } });
    expect((await api.call('externalcontact/get_corp_tag_list', {})).errcode).toBe(0);
    mock.script('drop');
    expect((await api.call('externalcontact/get_corp_tag_list', {})).errcode).toBe(0);
    expect(sleeps).toEqual([10, 20, 10]);
  });

  it('gives up after the last attempt with a retryable error (the outbox tries again later)', async () => {
    const api = client({ attempts: 2 });
    mock.script({ status: 503 }, { status: 503 });
    const err = await refusal(api.call('externalcontact/get_corp_tag_list', {}));
    expect(err).toMatchObject({ retryable: true, code: null, message: expect.stringMatching(/HTTP 503; retried later/) });
    mock.script({ json: { errcode: 45009 } }, { json: { errcode: 45009 } });
    expect(await refusal(api.call('externalcontact/get_corp_tag_list', {}))).toMatchObject({
      retryable: true,
      code: 45009,
      message: expect.stringMatching(/rate limit/),
    });
  });

  it('times out a call that never answers', async () => {
    const api = client({ attempts: 1, timeoutMs: 100 });
    mock.script('hang');
    expect(await refusal(api.call('externalcontact/get_corp_tag_list', {}))).toMatchObject({
      retryable: true,
      message: expect.stringMatching(/unreachable/),
    });
  });

  it('does not retry a permanent error', async () => {
    const api = client();
    const before = mock.calls.length;
    mock.script({ json: { errcode: 60020, errmsg: 'not allow to access from your ip' } });
    const err = await refusal(api.call('externalcontact/add_msg_template', {}));
    expect(err).toMatchObject({ retryable: false, code: 60020 });
    expect(err.message).toBe(
      "externalcontact/add_msg_template: this server's IP is not in the WeCom app's trusted IPs (60020): add it under 企业可信IP in the admin console",
    );
    expect(mock.calls.length - before).toBe(1);
    expect(sleeps).toEqual([]);
  });
});

describe('error messages', () => {
  it("maps the codes operators meet, and falls back to WeCom's own message", () => {
    expect(describeError(48002, 'api forbidden')).toMatch(/not enabled for the app \(48002\)/);
    expect(describeError(40001, '')).toMatch(/WECOM_SECRET/);
    expect(describeError(41051, '')).toMatch(/welcome message was already sent/);
    expect(describeError(12345, 'something odd')).toBe('WeCom error 12345: something odd');
  });

  it('never puts the access_token or the secret in an error', async () => {
    const api = client();
    mock.script({ json: { errcode: 48002, errmsg: 'api forbidden' } });
    const err = await refusal(api.call('externalcontact/add_msg_template', {}));
    expect(err.message).not.toMatch(/token-|s3cret/);
  });
});
