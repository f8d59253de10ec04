// The doors of the HTTP app (issue 12): the host a request is addressed to, the Origin of browser-borne changes
// (the public setup included), wrong API tokens throttled per address, 405 for a known path asked with another
// method, and answers that never carry an internal error's text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-support/app.js';
import { createTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { createApp } from './app.js';
import { createContext } from '../context.js';
import { readEnv } from '../config/env.js';
import { SECRET_LIMITS } from './throttle.js';

const peer = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });
const json = async (res: Response) => ({
  status: res.status,
  body: (await res.json()) as { error: { code: string; message: string } },
  headers: res.headers,
});

describe('the doors of the HTTP app', () => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  let logged: unknown[] = [];
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    h = await createTestApp('sqlite', { QUNYUN_PUBLIC_ORIGIN: 'https://qunyun.example.com' });
    app = createApp(h.ctx, { error: (o) => logged.push(o) }, [], { checkAnswers: true });
    // A route that fails the way a bug does, with internals in its message.
    app.post('/hooks/boom', () => {
      throw new TypeError("Cannot read properties of undefined (reading 'password_hash') at /srv/qunyun/dist/x.js");
    });
  });
  afterAll(() => h.drop());
  const get = (path: string, headers: Record<string, string>, env?: object) =>
    app.request(path, { headers: { authorization: `Bearer ${h.token}`, ...headers } }, env);

  it('answers for its public host, localhost and IP addresses; any other Host is refused naming the expected one', async () => {
    for (const host of ['qunyun.example.com', 'QUNYUN.example.com:443', 'localhost:3000', '127.0.0.1:3000', '[::1]:3000', '192.168.1.20'])
      expect([host, (await get('/api/v1/health', { host })).status]).toEqual([host, 200]);
    const evil = await json(await get('/api/v1/health', { host: 'evil.example:3000' }));
    expect([evil.status, evil.body.error.code]).toEqual([421, 'wrong_host']);
    expect(evil.body.error.message).toContain('https://qunyun.example.com');
    expect(evil.body.error.message).toContain('"evil.example:3000"');
    // Webhooks and the console are behind the same check.
    expect((await app.request('/hooks/telegram', { method: 'POST', headers: { host: 'evil.example' } })).status).toBe(421);
    expect((await app.request('/', { headers: { host: 'evil.example' } })).status).toBe(421);
  });

  it('believes X-Forwarded-Host only from a trusted proxy', async () => {
    // Not trusted: the header changes nothing either way.
    expect((await get('/api/v1/health', { host: 'evil.example', 'x-forwarded-host': 'qunyun.example.com' })).status).toBe(421);
    expect((await get('/api/v1/health', { host: 'localhost', 'x-forwarded-host': 'evil.example' })).status).toBe(200);
    const proxied = await createTestApp('sqlite', { QUNYUN_PUBLIC_ORIGIN: 'https://qunyun.example.com', QUNYUN_TRUST_PROXY: 'loopback' });
    try {
      const via = (host: string, from: string) =>
        proxied.raw.request('/api/v1/health', { headers: { host: '127.0.0.1:3000', 'x-forwarded-host': host } }, peer(from));
      expect((await via('qunyun.example.com', '127.0.0.1')).status).toBe(200);
      expect((await via('evil.example', '127.0.0.1')).status).toBe(421);
      // The same headers from a peer that is not the proxy: its X-Forwarded-Host is ignored, its Host is fine.
      expect((await via('evil.example', '198.51.100.1')).status).toBe(200);
    } finally {
      await proxied.drop();
    }
  });

  it('throttles wrong API tokens per address: 429 with Retry-After, even for the right token; other addresses unaffected', async () => {
    const from = (ip: string, token: string) => app.request('/api/v1/members', { headers: { authorization: `Bearer ${token}` } }, peer(ip));
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await from('203.0.113.7', `qy_guess${i}`)).status);
    expect(statuses).toEqual([...Array(SECRET_LIMITS.failures).fill(401), ...Array(30 - SECRET_LIMITS.failures).fill(429)]);
    const limited = await json(await from('203.0.113.7', h.token));
    expect([limited.status, limited.body.error.code, Number(limited.headers.get('retry-after'))]).toEqual([429, 'rate_limited', 600]);
    expect((await from('203.0.113.8', h.token)).status).toBe(200);
    // An IPv6 guesser is one address for its whole /64.
    for (let i = 0; i < SECRET_LIMITS.failures; i++) await from(`2001:db8:5:6::${i + 1}`, 'qy_wrong');
    expect((await from('2001:db8:5:6::ffff', h.token)).status).toBe(429);
    expect((await from('2001:db8:5:7::1', h.token)).status).toBe(200);
  });

  it('answers 405 with Allow for a known path asked with another method; an unknown path is still a 404', async () => {
    const del = await json(await app.request('/api/v1/members', { method: 'DELETE', headers: { authorization: `Bearer ${h.token}` } }));
    expect([del.status, del.body.error.code, del.headers.get('allow')]).toEqual([405, 'method_not_allowed', 'GET, HEAD']);
    expect(del.body.error.message).toBe('DELETE is not served at /api/v1/members; use GET or HEAD');
    const put = await app.request('/api/v1/auth/login', { method: 'PUT', headers: { authorization: `Bearer ${h.token}` } });
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'POST']);
    expect((await app.request('/api/v1/nothing-here', { method: 'DELETE' })).status).toBe(404);
    expect((await app.request('/api/v1/nothing-here')).status).toBe(404);
    // Outside /api: the console serves every path with GET; an unknown webhook path is a 404.
    const post = await app.request('/members', { method: 'POST' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    expect((await app.request('/hooks/nothing', { method: 'POST' })).status).toBe(404);
  });

  it('answers an internal error with an id and no internal text, and logs the error under that id', async () => {
    logged = [];
    const res = await json(await app.request('/hooks/boom', { method: 'POST' }));
    expect([res.status, res.body.error.code]).toEqual([500, 'internal']);
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.error.message).toBe(`internal error (request ${id}); the server log has the details`);
    expect(JSON.stringify(res.body)).not.toMatch(/password_hash|TypeError|srv/);
    expect(logged).toEqual([expect.objectContaining({ requestId: id, err: expect.any(TypeError) })]);
  });

  it('answers malformed JSON bodies with a clean 400 in our words', async () => {
    const login = await json(
      await app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username": "a", ' }),
    );
    expect([login.status, login.body.error]).toEqual([400, { code: 'invalid_request', message: 'the request body is not valid JSON' }]);
    const events = await json(
      await app.request('/api/v1/events', {
        method: 'POST',
        headers: { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' },
        body: '{"id": "x"]',
      }),
    );
    expect([events.status, events.body.error.message]).toEqual([400, 'body: not valid JSON (at character 11)']);
  });
});

describe('the public owner setup', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
  });
  afterAll(() => t.drop());

  it('refuses a setup posted by another site (and by a rebinding page); the same site may', async () => {
    const app = createApp(createContext(t.database, readEnv({})), { error() {} }, [], { checkAnswers: true });
    const setup = (headers: Record<string, string>) =>
      app.request('/api/v1/auth/setup', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ username: 'mallory', password: 'long enough' }),
      });
    const foreign = await json(await setup({ host: 'localhost:3000', origin: 'https://evil.example' }));
    expect([foreign.status, foreign.body.error.code]).toEqual([403, 'cross_site']);
    const rebound = await json(await setup({ host: 'evil.example:3000', origin: 'http://evil.example:3000' }));
    expect([rebound.status, rebound.body.error.code]).toEqual([421, 'wrong_host']);
    expect(await (await app.request('/api/v1/auth/status')).json()).toMatchObject({ setup_required: true });
    expect((await setup({ host: 'localhost:3000', origin: 'http://localhost:3000' })).status).toBe(200);
  });
});
