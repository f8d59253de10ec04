// Process configuration: the environment parsed once, at start-up (processEnv), and passed down in the AppContext.
// This is the only module that reads process.env; connector settings are parsed here too, so a misconfigured
// connector stops the process at start with a message naming the variable.
import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { wecomConfig, type WecomConfig } from '../connectors/wecom/config.js';
import { readTelegramConfig, type TelegramConfig } from '../connectors/telegram/config.js';

/** Each connector's settings, null when its variables are absent (the connector stays off). */
export interface ConnectorSettings {
  wecom: WecomConfig | null;
  telegram: TelegramConfig | null;
}

export interface Env {
  port: number;
  /** DATABASE_URL when set (PostgreSQL); otherwise the SQLite file under the data dir. */
  databaseUrl: string | undefined;
  dataDir: string;
  maxBodyBytes: number;
  logLevel: string;
  /** QUNYUN_TRUST_PROXY: which peers may tell us the client's address, scheme and host (X-Forwarded-*). */
  trustProxy: ProxyTrust;
  /** QUNYUN_PUBLIC_ORIGIN: the origins people reach this server by (https://qunyun.example.com); [] = addresses only. */
  publicOrigins: string[];
  /** HOST: the address `serve` listens on unless --host says otherwise. */
  host: string;
  /** QUNYUN_SIMULATE=1: deliver automation actions through the simulator. */
  simulate: boolean;
  /** QUNYUN_DEBUG set: print the stack of a command's error. */
  debug: boolean;
  /** QUNYUN_BENCH_NO_ANALYTICS=1 (bench:ingest-analytics only): ingest skips the analytics-only state. */
  benchNoAnalytics: boolean;
  /** Analytics off the request thread (src/compute/): threads (0 = inline), deadline, heap per thread, queue. */
  compute: ComputeSettings;
  connectors: ConnectorSettings;
}

export interface ComputeSettings {
  /** QUNYUN_COMPUTE_THREADS (default: cores − 1, from 1 to 4; 0 runs computations on the request thread). */
  threads: number;
  /** QUNYUN_COMPUTE_TIMEOUT_SECONDS (default 30): a computation past it is ended and answered 503. */
  timeoutMs: number;
  /** QUNYUN_COMPUTE_MEMORY_MB (default 384): a thread's heap; a computation needing more is ended and answered 503. */
  memoryMb: number;
  /** Computations waiting beyond this many are answered 503 "busy" at once. */
  maxQueue: number;
}

/**
 * Nobody (the default); the nearest `hops` proxies, whoever connects (only when the server is reachable through
 * them alone); or the proxies at these addresses / CIDR blocks (the socket peer must be one of them).
 */
export type ProxyTrust = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; blocks: readonly IpBlock[] };
export interface IpBlock {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

const LOOPBACK_BLOCKS: IpBlock[] = [
  { address: '127.0.0.0', prefix: 8, family: 'ipv4' },
  { address: '::1', prefix: 128, family: 'ipv6' },
];

function proxyTrustVar(env: NodeJS.ProcessEnv, name: string): ProxyTrust {
  const raw = (env[name] ?? '').trim();
  if (raw === '' || raw === '0' || raw === 'false') return { kind: 'none' };
  if (raw === 'true') return { kind: 'hops', hops: 1 };
  if (/^\d+$/.test(raw)) return { kind: 'hops', hops: intVar(env, name, 1, 1, 10) };
  const blocks = raw.split(',').flatMap((item): IpBlock[] => {
    const t = item.trim();
    if (t === 'loopback') return LOOPBACK_BLOCKS;
    const [address = '', bits] = t.split('/');
    const v = isIP(address);
    const max = v === 4 ? 32 : 128;
    const prefix = bits === undefined ? max : Number(bits);
    if (v === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > max || (bits !== undefined && !/^\d+$/.test(bits)))
      throw new Error(
        `${name}: expected a number of proxies (1–10), or proxy addresses / CIDR blocks separated by commas, or "loopback" (got ${JSON.stringify(t)})`,
      );
    return [{ address, prefix, family: v === 4 ? 'ipv4' : 'ipv6' }];
  });
  return { kind: 'addresses', blocks };
}

function originsVar(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return [];
  return raw.split(',').map((item) => {
    const t = item.trim();
    let u: URL | undefined;
    try {
      u = new URL(t);
    } catch {
      u = undefined;
    }
    const bare = u && u.pathname === '/' && !u.search && !u.hash && !u.username && !u.password && !t.endsWith('#') && !t.endsWith('?');
    if (!u || !bare || (u.protocol !== 'https:' && u.protocol !== 'http:'))
      throw new Error(
        `${name}: expected origins like https://qunyun.example.com (scheme, host and optional port, no path), separated by commas (got ${JSON.stringify(t)})`,
      );
    return u.origin;
  });
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  // Digits only: Number() would also take 0x10, 1e3 and " 7 ".
  const n = /^[0-9]{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name}: expected an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  return n;
}

/** Parses an environment (tests pass their own). */
export function readEnv(env: NodeJS.ProcessEnv): Env {
  // The connector variables are taken now, with the rest, but parsed when a command first needs a connector:
  // a misconfigured one stops serve, worker and the outbox with its name, not `qunyun members list` or --help.
  const platformVars = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('WECOM_') || k.startsWith('TELEGRAM_')));
  let connectors: ConnectorSettings | undefined;
  return {
    port: intVar(env, 'PORT', 3000, 0, 65535),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.QUNYUN_DATA_DIR || 'data'),
    maxBodyBytes: intVar(env, 'QUNYUN_MAX_BODY_BYTES', 32 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: proxyTrustVar(env, 'QUNYUN_TRUST_PROXY'),
    publicOrigins: originsVar(env, 'QUNYUN_PUBLIC_ORIGIN'),
    // Loopback by default: exposing the console beyond this machine is an explicit choice (--host, HOST).
    host: env.HOST || '127.0.0.1',
    simulate: env.QUNYUN_SIMULATE === '1',
    debug: Boolean(env.QUNYUN_DEBUG),
    benchNoAnalytics: env.QUNYUN_BENCH_NO_ANALYTICS === '1',
    compute: {
      // One core is left to the request thread (writes, health, cached answers).
      threads: intVar(env, 'QUNYUN_COMPUTE_THREADS', Math.min(4, Math.max(1, os.availableParallelism() - 1)), 0, 64),
      timeoutMs: intVar(env, 'QUNYUN_COMPUTE_TIMEOUT_SECONDS', 30, 1, 3600) * 1000,
      memoryMb: intVar(env, 'QUNYUN_COMPUTE_MEMORY_MB', 384, 64, 65536),
      maxQueue: 64,
    },
    get connectors() {
      connectors ??= { wecom: wecomConfig(platformVars), telegram: readTelegramConfig(platformVars) };
      return connectors;
    },
  };
}

let parsed: Env | undefined;

/** This process's configuration: process.env parsed on the first call (at start-up), the same object after. */
export function processEnv(): Env {
  parsed ??= readEnv(process.env);
  return parsed;
}

/** QUNYUN_DEBUG as it stands, for reporting an error in the environment itself (before processEnv could parse it). */
export function debugRequested(): boolean {
  return Boolean(process.env.QUNYUN_DEBUG);
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
