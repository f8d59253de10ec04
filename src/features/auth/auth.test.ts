// Accounts end to end over HTTP on both dialects: owner setup, login and its throttle, sessions and cookies,
// tokens kept hashed, what each role may do (checked for every state-changing route), and the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp, ndjson } from '../../test-support/app.js';
import { applyWorkspaceFile } from '../workspace/apply.js';
import { parseWorkspaceFile } from '../../config/workspace-file.js';
import { policyTable } from '../../http/app.js';
import { routesWithoutPolicy } from '../../http/policy.js';
import { hashPassword, verifyPassword } from './password.js';
import { createToken, insertUser } from './repository.js';

const dialects = await dialectsUnderTest();
const YAML = `
communities: [{ key: g1, platform: wecom, name: 一群 }, { key: g2, platform: wecom, name: 二群 }]
automation:
  lists: { ads: [加微信] }
  rules:
    - { key: ads, on: message, match: { words: [ads] }, actions: [delete, { tag: 广告 }], communities: [g1] }
`;

describe.each(dialects)('accounts and access (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  const now = Date.now();
  const iso = (s: number) => new Date(now - 120_000 + s * 1000).toISOString();
  // Anonymous or cookie requests go to the raw app (the test app adds an owner token to everything else).
  const call = async (
    method: string,
    path: string,
    o: { body?: unknown; cookie?: string; token?: string; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...o.headers };
    if (o.cookie) headers.cookie = o.cookie;
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    const res = await h.raw.request(path, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  let analyst = '';
  let operator = '';
  let g1 = 0;
  let g2 = 0;
  beforeAll(async () => {
    h = await createTestApp(dialect, { QUNYUN_TRUST_PROXY: '1' });
    await applyWorkspaceFile(h.t.database, parseWorkspaceFile(YAML));
    await h.post(
      ndjson([
        { id: 'j1', platform: 'wecom', type: 'member.joined', community: 'g1', member: 'u1', name: 'ann', at: iso(1) },
        { id: 'j2', platform: 'wecom', type: 'member.joined', community: 'g2', member: 'u2', name: 'bob', at: iso(2) },
        { id: 'm1', platform: 'wecom', type: 'message.sent', community: 'g1', member: 'u1', kind: 'text', text: '加微信', at: iso(3) },
      ]),
    );
    const ids = (await h.get('/api/v1/communities')).body.items as { id: number; external_id: string }[];
    g1 = ids.find((c) => c.external_id === 'g1')!.id;
    g2 = ids.find((c) => c.external_id === 'g2')!.id;
    const db = h.t.database.db;
    const a = await insertUser(db, { username: 'ana', passwordHash: '!', role: 'analyst' });
    analyst = (await createToken(db, { name: 'a', userId: a.id, role: 'analyst' })).token;
    const o = await insertUser(db, { username: 'ops', passwordHash: '!', role: 'operator', communities: [g1] });
    operator = (await createToken(db, { name: 'o', userId: o.id, role: 'operator' })).token;
  });
  afterAll(() => h.drop());

  it('refuses anonymous and badly authorised calls, naming the problem; public routes stay open', async () => {
    expect((await call('GET', '/api/v1/members')).status).toBe(401);
    const bad = await call('GET', '/api/v1/members', { headers: { authorization: 'Basic abc' } });
    expect([bad.status, bad.body.error.message]).toEqual([401, 'Authorization: expected "Bearer <token>"']);
    expect((await call('GET', '/api/v1/members', { token: 'qy_nope' })).body.error.message).toContain('unknown or revoked');
    expect((await call('GET', '/api/v1/health')).status).toBe(200);
    expect((await call('GET', '/api/openapi.json')).status).toBe(200);
    // A user exists (the test owner), so setup is over.
    expect((await call('GET', '/api/v1/auth/status')).body).toMatchObject({ setup_required: false, user: null });
    expect((await call('POST', '/api/v1/auth/setup', { body: { username: 'eve', password: 'password123' } })).status).toBe(409);
  });

  it('every /api route the app serves has an access policy', () => {
    const served = h.raw.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const declared = new Set(policyTable(h.raw).rules.map((p) => `${p.method} ${p.path}`));
    expect(served.filter((r) => !declared.has(r))).toEqual([]);
    // Every documented route declares its policy beside it (defineRoute); none relies on a table elsewhere.
    expect(routesWithoutPolicy(h.raw)).toEqual([]);
  });

  it('an analyst reads everything and changes nothing: every state-changing route answers 403', async () => {
    expect((await call('GET', '/api/v1/metrics?from=2020-01-01&to=2020-01-02', { token: analyst })).status).toBe(200);
    expect((await call('POST', '/api/v1/rules/test', { token: analyst, body: { text: '加微信' } })).status).toBe(200);
    const writes = policyTable(h.raw).rules.filter((p) => p.policy === 'operate' || p.policy === 'owner');
    expect(writes.length).toBeGreaterThan(15);
    for (const p of writes) {
      const path = p.path.replace('{id}', '1').replace('{ref}', String(g1)).replace('{key}', 'ads');
      const r = await call(p.method, path, { token: analyst, body: p.method === 'GET' ? undefined : {} });
      expect([p.method, path, r.status, r.body.error.code]).toEqual([p.method, path, 403, 'forbidden']);
    }
    // Nothing changed: the tag was not added.
    expect((await h.get(`/api/v1/members?tag=x`)).body.total).toBe(0);
  });

  it("an operator acts on their communities only; workspace-wide changes are the owner's", async () => {
    const members = (await h.get('/api/v1/members')).body.items as { id: number; name: string }[];
    const ann = members.find((m) => m.name === 'ann')!.id;
    const bob = members.find((m) => m.name === 'bob')!.id;
    const mine = await call('POST', `/api/v1/members/${ann}/tags`, { token: operator, body: { add: ['vip'] } });
    expect([mine.status, mine.body.tags]).toEqual([200, ['vip']]);
    const theirs = await call('POST', `/api/v1/members/${bob}/tags`, { token: operator, body: { add: ['vip'] } });
    expect([theirs.status, theirs.body.error.message]).toEqual([
      403,
      'this acts on a community not assigned to you (signed in as ops, role operator)',
    ]);
    expect((await call('POST', '/api/v1/rules/ads/toggle', { token: operator, body: { enabled: false } })).status).toBe(200);
    expect((await call('PUT', `/api/v1/communities/${g2}/blueprint`, { token: operator, body: { blueprint: { capacity: 10 } } })).status).toBe(403);
    expect((await call('PUT', `/api/v1/communities/${g1}/blueprint`, { token: operator, body: { blueprint: { capacity: 10 } } })).status).toBe(200);
    expect((await call('PUT', '/api/v1/workspace', { token: operator, body: { dormantDays: 10 } })).status).toBe(403);
    expect((await call('GET', '/api/v1/audit', { token: operator })).status).toBe(403);
  });

  it('sets up, logs in with an httpOnly SameSite cookie, throttles guessing, and logs out', async () => {
    const db = h.t.database.db;
    await insertUser(db, { username: 'kim', passwordHash: await hashPassword('correct horse'), role: 'operator', communities: [g1] });
    const ok = await call('POST', '/api/v1/auth/login', {
      body: { username: 'kim', password: 'correct horse' },
      headers: { 'user-agent': 'vitest' },
    });
    expect(ok.status).toBe(200);
    const setCookie = ok.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^qunyun_session=[^;]+;/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const cookie = setCookie.split(';')[0]!;
    expect((await call('GET', '/api/v1/auth/status', { cookie })).body.user).toMatchObject({ username: 'kim', role: 'operator', communities: [g1] });
    expect((await call('GET', '/api/v1/members', { cookie })).status).toBe(200);
    // A cookie-borne change from another site is refused.
    const cross = await call('PUT', `/api/v1/communities/${g1}/blueprint`, {
      cookie,
      body: { blueprint: {} },
      headers: { origin: 'https://evil.example' },
    });
    expect([cross.status, cross.body.error.code]).toEqual([403, 'cross_site']);
    const out = await call('POST', '/api/v1/auth/logout', { cookie });
    expect(out.status).toBe(200);
    expect((await call('GET', '/api/v1/members', { cookie })).status).toBe(401);
    // Parallel guesses are each counted before the slow password check: only 5 get through.
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => call('POST', '/api/v1/auth/login', { body: { username: 'kim', password: 'wrong ' + i } })),
    );
    expect(burst.map((r) => r.status).sort()).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
    const limited = await call('POST', '/api/v1/auth/login', { body: { username: 'kim', password: 'correct horse' } });
    expect([limited.status, limited.body.error.code, limited.headers.get('retry-after')]).toEqual([429, 'rate_limited', '900']);
    // The guesser's address is throttled, not the name everywhere: kim signs in from her own (a trusted proxy's hop).
    const h2 = await call('POST', '/api/v1/auth/login', {
      body: { username: 'kim', password: 'correct horse' },
      headers: { 'x-forwarded-for': '198.51.100.7' },
    });
    expect(h2.status).toBe(200);
    const unknown = await call('POST', '/api/v1/auth/login', { body: { username: 'nobody', password: 'whatever1' } });
    expect([unknown.status, unknown.body.error.message]).toEqual([401, 'wrong username or password']);
  });

  it('keeps tokens and passwords as hashes only; a revoked token stops working; the audit log says who, what and from where', async () => {
    const made = await h.app.request('/api/v1/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'ci' },
      body: JSON.stringify({ name: 'bi', role: 'analyst' }),
    });
    const { token, item } = (await made.json()) as { token: string; item: { id: number; prefix: string } };
    expect(token).toMatch(/^qy_/);
    const stored = await h.t.database.db.selectFrom('api_tokens').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await call('GET', '/api/v1/metrics?from=2020-01-01&to=2020-01-02', { token })).status).toBe(200);
    expect((await call('PUT', '/api/v1/workspace', { token, body: { dormantDays: 10 } })).status).toBe(403);
    expect((await h.app.request(`/api/v1/tokens/${item.id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await call('GET', '/api/v1/members', { token })).status).toBe(401);
    const users = await h.t.database.db.selectFrom('users').select('password_hash').where('username', '=', 'kim').executeTakeFirstOrThrow();
    expect(users.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct horse', users.password_hash)).toBe(true);
    expect(await verifyPassword('correct horsE', users.password_hash)).toBe(false);
    const audit = (await h.get('/api/v1/audit?page_size=500')).body;
    const actions = audit.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'token.create',
        'token.revoke',
        'member.tags',
        'member.tags.denied',
        'rule.toggle',
        'auth.login',
        'auth.login_failed',
        'auth.login_throttled',
        'auth.logout',
        'community.blueprint',
        'workspace.update.denied',
      ]),
    );
    const tag = audit.items.find((e: { action: string; status: number }) => e.action === 'member.tags' && e.status === 200);
    expect(tag).toMatchObject({ actor: 'token:o (ops)', details: { add: ['vip'] } });
    expect(tag.target).toMatch(/^\/api\/v1\/members\/\d+\/tags$/);
    const created = audit.items.find((e: { action: string }) => e.action === 'token.create');
    expect(created).toMatchObject({ actor: 'token:tests (test-owner)', user_agent: 'ci', status: 200 });
    expect(audit.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'auth.login', actor: 'kim', user_agent: 'vitest', status: 200 }),
        expect.objectContaining({ action: 'auth.login', actor: 'kim', ip: '198.51.100.7', status: 200 }),
        expect.objectContaining({ action: 'auth.login_failed', actor: 'kim', status: 401 }),
      ]),
    );
  });

  it('answers malformed bodies with 400, keeps oversized audit details readable, and leaves blacklists to owners', async () => {
    const bad = await h.raw.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect([bad.status, ((await bad.json()) as any).error.code]).toEqual([400, 'invalid_request']);
    const junk = await call('PUT', `/api/v1/communities/${g1}/blueprint`, { token: operator, body: { blueprint: { goal: 'x'.repeat(10_000) } } });
    expect(junk.status).toBe(200);
    const audit = (await h.get('/api/v1/audit?action=community.blueprint')).body;
    expect(audit.items[0].details).toEqual({ truncated: true, chars: expect.any(Number) });
    // An operator undoing a blacklist (it holds in every community) is refused; an unknown action is a 404.
    const db = h.t.database.db;
    const now = Date.now();
    const row = await db
      .insertInto('actions')
      .values({
        dedupe: 'bl-test',
        rule: 'ads',
        kind: 'blacklist',
        platform: 'wecom',
        community_id: g1,
        member_id: null,
        event_id: null,
        event_at: null,
        payload: '{}',
        reason: '{}',
        status: 'done',
        attempts: 1,
        due_at: now,
        locked_until: null,
        last_error: null,
        undo_of: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await call('POST', `/api/v1/actions/${row.id}/undo`, { token: operator })).status).toBe(403);
    expect((await call('POST', '/api/v1/actions/999999/undo', { token: operator })).status).toBe(404);
    expect((await call('POST', '/api/v1/members/999999/tags', { token: operator, body: { add: ['x'] } })).status).toBe(404);
  });

  it('removes users but not yourself, lists tokens without secrets, and answers 404 for unknown ones', async () => {
    const req = async (method: string, path: string, body?: unknown) => {
      const res = await h.app.request(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const temp = await req('POST', '/api/v1/users', { username: 'temp', password: 'longenough', role: 'analyst' });
    expect(temp.body).toMatchObject({ username: 'temp', role: 'analyst', disabled: false, last_login_at: null });
    expect(await req('DELETE', `/api/v1/users/${temp.body.id}`)).toEqual({ status: 200, body: { ok: true, id: temp.body.id } });
    expect((await req('DELETE', `/api/v1/users/${temp.body.id}`)).body.error).toEqual({
      code: 'not_found',
      message: `user ${temp.body.id} not found`,
    });
    expect((await req('DELETE', `/api/v1/users/${h.owner.id}`)).body.error).toEqual({ code: 'conflict', message: 'you cannot remove yourself' });
    const taken = await req('POST', '/api/v1/users', { username: 'test-owner', password: 'longenough', role: 'analyst' });
    expect([taken.status, taken.body.error.message]).toEqual([409, 'username "test-owner" is taken']);
    const tokens = await req('GET', '/api/v1/tokens');
    expect(tokens.body.items.find((t: { name: string }) => t.name === 'tests')).toMatchObject({
      username: 'test-owner',
      role: 'owner',
      revoked_at: null,
    });
    expect(JSON.stringify(tokens.body)).not.toContain(h.token);
    expect((await req('DELETE', '/api/v1/tokens/999999')).status).toBe(404);
  });

  it('never loses the last owner, validates users, and ends sessions on a password change', async () => {
    const me = (await h.get('/api/v1/users')).body.items.find((u: { username: string }) => u.username === 'test-owner');
    const demote = await h.app.request(`/api/v1/users/${me.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'analyst' }),
    });
    expect([demote.status, ((await demote.json()) as any).error.code]).toEqual([409, 'last_owner']);
    // Two owners demoting each other at the same instant: one wins, the workspace keeps an owner.
    const db = h.t.database.db;
    const a = await insertUser(db, { username: 'own-a', passwordHash: '!', role: 'owner' });
    const b = await insertUser(db, { username: 'own-b', passwordHash: '!', role: 'owner' });
    await db.updateTable('users').set({ role: 'operator' }).where('id', '=', me.id).execute();
    // Each steps down with their own token, at once.
    const tokens = await Promise.all([a, b].map(async (u) => (await createToken(db, { name: u.username, userId: u.id, role: 'owner' })).token));
    const both = await Promise.all([a, b].map((u, i) => call('PATCH', `/api/v1/users/${u.id}`, { token: tokens[i], body: { role: 'analyst' } })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await db.selectFrom('users').select('username').where('role', '=', 'owner').execute()).toHaveLength(1);
    await db.updateTable('users').set({ role: 'owner' }).where('username', 'in', ['test-owner', 'own-a', 'own-b']).execute();
    await db.deleteFrom('users').where('username', 'in', ['own-a', 'own-b']).execute();
    const weak = await h.app.request('/api/v1/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x', password: 'short', role: 'analyst' }),
    });
    expect(((await weak.json()) as any).error.message).toBe('password: at least 8 characters');
    const badCommunity = await h.app.request('/api/v1/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'y', password: 'longenough', role: 'operator', communities: [99999] }),
    });
    expect(((await badCommunity.json()) as any).error.message).toBe('communities: unknown id 99999');
    const badRole = await h.app.request('/api/v1/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'y', password: 'longenough', role: 'admin' }),
    });
    expect(((await badRole.json()) as any).error.message).toContain('role');
    const lee = (await (
      await h.app.request('/api/v1/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'lee', password: 'longenough', role: 'analyst' }),
      })
    ).json()) as any;
    const login = await call('POST', '/api/v1/auth/login', { body: { username: 'lee', password: 'longenough' } });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect((await call('GET', '/api/v1/members', { cookie })).status).toBe(200);
    await h.app.request(`/api/v1/users/${lee.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'another-one' }),
    });
    expect((await call('GET', '/api/v1/members', { cookie })).status).toBe(401);
  });
});
