// The one throttle for requests that present a secret (API tokens, platform webhooks): failures are counted per
// client address, and an address past its budget is answered 429 with Retry-After until its window ends — even
// when it then presents the right secret, so a guesser learns nothing while throttled. Memory is bounded: at most
// `maxKeys` addresses are remembered (the least recently failing are forgotten first) and a window's count
// expires with it. Counts live in this process; sign-in has its own throttle in the audit log (features/auth).
import type { Context, MiddlewareHandler } from 'hono';
import type { ProxyTrust } from '../config/env.js';
import { addressKey, clientAddress } from './client.js';
import { errorJson } from './errors.js';

export interface ThrottleLimits {
  /** Failures allowed per address within one window. */
  failures: number;
  windowMs: number;
  /** Addresses remembered at most. */
  maxKeys: number;
}

/** Ten wrong secrets per address per ten minutes: a guesser gets 1,440 tries a day, a typo costs nothing. */
export const SECRET_LIMITS: ThrottleLimits = { failures: 10, windowMs: 10 * 60_000, maxKeys: 10_000 };

interface Window {
  start: number;
  failures: number;
}

export class FailureThrottle {
  private readonly windows = new Map<string, Window>();
  constructor(
    readonly limits: ThrottleLimits = SECRET_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again, or null when it is within its budget. */
  retryAfter(key: string): number | null {
    const w = this.current(key);
    if (!w || w.failures < this.limits.failures) return null;
    return Math.max(1, Math.ceil((w.start + this.limits.windowMs - this.now()) / 1000));
  }

  /** Counts a failed secret from `key`. */
  fail(key: string): void {
    const w = this.current(key) ?? { start: this.now(), failures: 0 };
    w.failures++;
    // Re-inserted, so the Map's first entries are the least recently failing: the ones forgotten first.
    this.windows.delete(key);
    this.windows.set(key, w);
    for (const k of this.windows.keys()) {
      if (this.windows.size <= this.limits.maxKeys) break;
      this.windows.delete(k);
    }
  }

  get size(): number {
    return this.windows.size;
  }

  private current(key: string): Window | undefined {
    const w = this.windows.get(key);
    if (w && this.now() - w.start >= this.limits.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }
}

/** The 429 for a throttled address. */
export function throttled(c: Context, seconds: number) {
  c.header('Retry-After', String(seconds));
  return errorJson(c, 429, 'rate_limited', `too many wrong secrets from this address: try again in ${seconds} s`);
}

/**
 * For routes whose handler checks a secret and answers 401 when it is wrong (the webhooks): a throttled address
 * is refused before the handler runs, and each 401 counts against its address.
 */
export function secretThrottle(throttle: FailureThrottle, trust: ProxyTrust): MiddlewareHandler {
  return async (c, next) => {
    const key = addressKey(clientAddress(c, trust));
    const wait = throttle.retryAfter(key);
    if (wait !== null) return throttled(c, wait);
    await next();
    if (c.res.status === 401) throttle.fail(key);
  };
}
