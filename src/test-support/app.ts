// An HTTP app over a fresh test database, driven in-process with app.request().
import { createApp } from '../http/app.js';
import { createContext } from '../context.js';
import { readEnv } from '../config/env.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import type { SqlDialect } from '../storage/database.js';

export async function createTestApp(dialect: SqlDialect, envOverrides: Record<string, string> = {}) {
  const t: TestDatabase = await createTestDatabase(dialect);
  const ctx = createContext(t.database, readEnv({ ...envOverrides }));
  const app = createApp(ctx, { error() {} });
  const post = (body: string, type = 'application/x-ndjson') =>
    app.request('/api/v1/events', { method: 'POST', body, headers: { 'content-type': type } });
  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, body: (await res.json()) as any };
  };
  return { app, ctx, t, post, get, drop: () => t.drop() };
}

export const ndjson = (events: Record<string, unknown>[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';
