// An HTTP app over a fresh test database, driven in-process with app.request(). Requests carry an owner's API
// token unless a test passes its own Authorization header (or `as: null` to go anonymous, via `raw`).
import { createApp } from '../http/app.js';
import { createContext } from '../context.js';
import { readEnv } from '../config/env.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import type { SqlDialect } from '../storage/database.js';
import { createToken, insertUser } from '../features/auth/repository.js';

export async function createTestApp(dialect: SqlDialect, envOverrides: Record<string, string> = {}) {
  const t: TestDatabase = await createTestDatabase(dialect);
  const ctx = createContext(t.database, readEnv({ ...envOverrides }));
  const raw = createApp(ctx, { error() {} }, [], { checkAnswers: true });
  // An unusable password hash: this owner signs in by token only.
  const owner = await insertUser(t.database.db, { username: 'test-owner', passwordHash: '!', role: 'owner' });
  const { token } = await createToken(t.database.db, { name: 'tests', userId: owner.id, role: 'owner' });
  const withToken = (init: RequestInit = {}): RequestInit => {
    const headers = new Headers(init.headers);
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    return { ...init, headers };
  };
  const app = { request: (path: string, init?: RequestInit) => raw.request(path, withToken(init)) };
  const post = (body: string, type = 'application/x-ndjson') =>
    app.request('/api/v1/events', { method: 'POST', body, headers: { 'content-type': type } });
  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, body: (await res.json()) as any };
  };
  return { app, raw, ctx, t, token, owner, post, get, drop: () => t.drop() };
}

export const ndjson = (events: Record<string, unknown>[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';
