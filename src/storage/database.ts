// Opens the database a command names: PostgreSQL for postgres:// URLs, otherwise an SQLite file (WAL).
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import SQLite from 'better-sqlite3';
import type { Schema } from './schema.js';
import { withStatementCache } from './statement-cache.js';

export type SqlDialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<Schema>;
  dialect: SqlDialect;
  /** Where it is, without credentials, for messages. */
  location: string;
  /** What was opened (a path or a URL with its credentials): for a thread that opens its own connection; never print it. */
  target: string;
  close(): Promise<void>;
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}

export interface OpenOptions {
  /** PostgreSQL: statements running longer are cancelled by the server (a computation's deadline). */
  statementTimeoutMs?: number;
  /** PostgreSQL: pool size (default 10). */
  maxConnections?: number;
}

export async function openDatabase(target: string, options: OpenOptions = {}): Promise<Database> {
  if (isPostgresUrl(target)) {
    // Loaded on demand: SQLite users (and every CLI start) skip pg's load time.
    const { default: pg } = await import('pg');
    // COUNT(*) and bigint columns come back from pg as strings; every bigint we store fits a double exactly.
    pg.types.setTypeParser(20, (v) => Number(v));
    pg.types.setTypeParser(1700, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: target, max: options.maxConnections ?? 10, statement_timeout: options.statementTimeoutMs });
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    try {
      const client = await pool.connect();
      client.release();
    } catch (err) {
      await db.destroy();
      throw new Error(`cannot connect to PostgreSQL at ${redactUrl(target)}: ${(err as Error).message}`, { cause: err });
    }
    return { db, dialect: 'postgres', location: redactUrl(target), target, close: () => db.destroy() };
  }
  if (target !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(target);
  } catch (err) {
    throw new Error(`cannot open SQLite database ${target}: ${(err as Error).message}`, { cause: err });
  }
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit survives power loss too, which "accepted" promises; batches keep the fsync cost small.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 30000');
  sqlite.pragma('cache_size = -16384');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', location: target, target: target === ':memory:' ? target : path.resolve(target), close: () => db.destroy() };
}
