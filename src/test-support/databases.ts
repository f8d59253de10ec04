// Every storage test runs once per dialect, as Kysely's own suite does. PostgreSQL tests use a fresh schema
// each; when the server is unreachable they skip with a printed reason — except under CI=true, where that fails.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database, type SqlDialect } from '../storage/database.js';
import { migrateToLatest } from '../storage/migrate.js';

export const PG_URL = process.env.QUNYUN_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgState: Promise<string | null> | undefined;

/** null when PostgreSQL is usable, else the reason it is not. */
export function postgresUnavailable(): Promise<string | null> {
  pgState ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (err) {
      return `PostgreSQL at ${PG_URL} unreachable (${(err as Error).message})`;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgState;
}

export async function dialectsUnderTest(): Promise<SqlDialect[]> {
  const reason = await postgresUnavailable();
  if (reason === null) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true') throw new Error(`CI=true requires PostgreSQL: ${reason}`);
  console.warn(`[skip] PostgreSQL suites skipped: ${reason}`);
  return ['sqlite'];
}

export interface TestDatabase {
  database: Database;
  target: string;
  drop(): Promise<void>;
}

/** A new, migrated, empty database of the dialect. */
export async function createTestDatabase(dialect: SqlDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyun-test-'));
    const target = path.join(dir, 'test.db');
    const database = await openDatabase(target);
    await migrateToLatest(database);
    return {
      database,
      target,
      drop: async () => {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const target = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const database = await openDatabase(target);
  await migrateToLatest(database);
  return {
    database,
    target,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
