// Process configuration, read once at start from the environment and passed down.
import path from 'node:path';

export interface Env {
  port: number;
  /** DATABASE_URL when set (PostgreSQL); otherwise the SQLite file under the data dir. */
  databaseUrl: string | undefined;
  dataDir: string;
  maxBodyBytes: number;
  logLevel: string;
  /** QUNYUN_TRUST_PROXY=1: behind a reverse proxy, take the client address from X-Forwarded-For and HTTPS from X-Forwarded-Proto. */
  trustProxy: boolean;
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name}: expected an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  return n;
}

function boolVar(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new Error(`${name}: expected 1 or 0 (got ${JSON.stringify(raw)})`);
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  return {
    port: intVar(env, 'PORT', 3000, 0, 65535),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.QUNYUN_DATA_DIR || 'data'),
    maxBodyBytes: intVar(env, 'QUNYUN_MAX_BODY_BYTES', 32 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: boolVar(env, 'QUNYUN_TRUST_PROXY'),
  };
}

export function defaultSqlitePath(env: Env): string {
  return path.join(env.dataDir, 'qunyun.db');
}

/** What `--db` names, else DATABASE_URL, else the default SQLite file. */
export function databaseTarget(env: Env, flag: string | undefined): { target: string; isDefault: boolean } {
  if (flag) return { target: flag, isDefault: false };
  if (env.databaseUrl) return { target: env.databaseUrl, isDefault: false };
  return { target: defaultSqlitePath(env), isDefault: true };
}
