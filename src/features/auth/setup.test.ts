// The first start: no user, so every data route says so, and the console offers a one-time owner setup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../../test-support/databases.js';
import { createApp } from '../../http/app.js';
import { createContext } from '../../context.js';
import { readEnv } from '../../config/env.js';

const dialects = await dialectsUnderTest();

describe.each(dialects)('owner setup (%s)', (dialect) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    app = createApp(createContext(t.database, readEnv({})), { error() {} }, [], { checkAnswers: true });
  });
  afterAll(() => t.drop());
  const post = (path: string, body: unknown) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('opens nothing before setup, validates the owner, sets up once, and signs the owner in', async () => {
    expect(await (await app.request('/api/v1/auth/status')).json()).toMatchObject({ setup_required: true, user: null });
    expect((await app.request('/api/v1/members')).status).toBe(401);
    const weak = await post('/api/v1/auth/setup', { username: 'boss', password: '1234' });
    expect([weak.status, ((await weak.json()) as any).error.message]).toEqual([400, 'password: at least 8 characters']);
    const badName = await post('/api/v1/auth/setup', { username: 'a b<script>', password: 'long enough' });
    expect(((await badName.json()) as any).error.message).toContain('username');
    const ok = await post('/api/v1/auth/setup', { username: '老板', password: 'long enough' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ user: { username: '老板', role: 'owner' } });
    const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
    expect((await app.request('/api/v1/members', { headers: { cookie } })).status).toBe(200);
    const again = await post('/api/v1/auth/setup', { username: 'mallory', password: 'long enough' });
    expect([again.status, ((await again.json()) as any).error.code]).toEqual([409, 'already_set_up']);
    const audit = (await (await app.request('/api/v1/audit', { headers: { cookie } })).json()) as any;
    expect(audit.items[0]).toMatchObject({ action: 'auth.setup', actor: '老板' });
  });
});
