// The checks @wecom/crypto leaves to its caller: the msg_signature compared in constant time, the timestamp
// inside a window, the decrypted receive id equal to our corp id, and a bounded memory of committed requests so a
// captured callback is not processed twice. Each failure is a CallbackRefusal carrying the HTTP status and a message
// that names the problem.
import { timingSafeEqual } from 'node:crypto';
import { decrypt, getSignature } from '@wecom/crypto';

export class CallbackRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 409 | 413,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const TIMESTAMP_WINDOW_S = 300;
export const REPLAY_TTL_MS = 10 * 60_000;

/** Constant-time string equality (the time depends on the lengths only, never on where the strings differ). */
export function constantTimeEqual(expected: string, presented: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  return a.length === b.length ? timingSafeEqual(a, b) : (timingSafeEqual(a, a), false);
}

/** The expected and the presented msg_signature (hex, either case) compared in constant time. */
export const signatureMatches = (expected: string, presented: string): boolean => constantTimeEqual(expected.toLowerCase(), presented.toLowerCase());

export interface SignedRequest {
  signature: string;
  timestamp: string;
  nonce: string;
  encrypted: string;
}

export function verifySignature(token: string, r: SignedRequest): void {
  if (!signatureMatches(getSignature(token, r.timestamp, r.nonce, r.encrypted), r.signature)) {
    throw new CallbackRefusal(401, 'bad_signature', 'msg_signature does not match: the request was not signed with WECOM_TOKEN (or was altered)');
  }
}

export function checkTimestamp(timestamp: string, nowMs: number): void {
  if (!/^(0|[1-9]\d{0,11})$/.test(timestamp))
    throw new CallbackRefusal(
      400,
      'bad_timestamp',
      `timestamp must be seconds since the epoch, without leading zeros (got ${JSON.stringify(timestamp.slice(0, 20))})`,
    );
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  if (skew > TIMESTAMP_WINDOW_S) {
    throw new CallbackRefusal(
      401,
      'stale_timestamp',
      `timestamp ${timestamp} is ${Math.round(skew)} s away from this server's clock (allowed: ±${TIMESTAMP_WINDOW_S} s); check the clock, or this is a replayed request`,
    );
  }
}

/** Decrypts and checks the receive id; a ciphertext that does not decrypt cleanly is refused, never half-read. */
export function openEnvelope(aesKey: string, corpId: string, encrypted: string): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encrypted) || encrypted.length % 4 !== 0) {
    throw new CallbackRefusal(400, 'bad_ciphertext', 'the encrypted payload is not base64');
  }
  let message: string, id: string;
  try {
    const raw = Buffer.from(encrypted, 'base64');
    if (raw.length < 32 || raw.length % 32 !== 0) throw new Error('length');
    ({ message, id } = decrypt(aesKey, encrypted));
  } catch {
    throw new CallbackRefusal(400, 'bad_ciphertext', 'the encrypted payload does not decrypt with WECOM_ENCODING_AES_KEY');
  }
  if (id !== corpId) {
    const shown = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? `"${id}"` : 'an unreadable id';
    throw new CallbackRefusal(403, 'wrong_receive_id', `the message was encrypted for receive id ${shown}, not for WECOM_CORP_ID "${corpId}"`);
  }
  return message;
}

/**
 * Remembers, for REPLAY_TTL_MS and at most `max` of them (oldest forgotten first), the msg_signatures of requests
 * whose events were committed. The signature covers timestamp, nonce and ciphertext, so it alone is the key. A
 * request is remembered only once it succeeded: a repeat of a committed request is a duplicate (answered `success`,
 * nothing done again); a repeat arriving while the first is still being processed waits for the first's outcome,
 * and runs itself if the first failed, so a WeCom retry is never refused while the event is not yet stored.
 */
export class ReplayGuard {
  private seen = new Map<string, number>();
  private inflight = new Map<string, Promise<boolean>>();
  constructor(
    private readonly max = 10_000,
    private readonly ttlMs = REPLAY_TTL_MS,
  ) {}

  private static key(signature: string): string {
    return signature.toLowerCase();
  }

  /** Whether a request with this signature was committed within the TTL. */
  has(signature: string, nowMs: number): boolean {
    const at = this.seen.get(ReplayGuard.key(signature));
    return at !== undefined && nowMs - at < this.ttlMs;
  }

  /** Records a committed request. */
  remember(signature: string, nowMs: number): void {
    const key = ReplayGuard.key(signature);
    this.seen.delete(key);
    this.seen.set(key, nowMs);
    // Map keeps insertion order: the first entries are the oldest.
    for (const [k, t] of this.seen) {
      if (this.seen.size <= this.max && nowMs - t < this.ttlMs) break;
      this.seen.delete(k);
    }
  }

  /**
   * Runs `work` for a request unless one with the same signature already committed (→ duplicate). While another
   * run with the same signature is in flight, waits for it first. A failed run is not remembered (its error is
   * thrown to its own caller only).
   */
  async once<T>(signature: string, now: () => number, work: () => Promise<T>): Promise<{ duplicate: true } | { duplicate: false; value: T }> {
    const key = ReplayGuard.key(signature);
    for (;;) {
      if (this.has(key, now())) return { duplicate: true };
      const pending = this.inflight.get(key);
      if (!pending) break;
      await pending;
    }
    let settle!: (committed: boolean) => void;
    this.inflight.set(
      key,
      new Promise<boolean>((r) => {
        settle = r;
      }),
    );
    try {
      const value = await work();
      this.remember(key, now());
      settle(true);
      return { duplicate: false, value };
    } catch (err) {
      settle(false);
      throw err;
    } finally {
      this.inflight.delete(key);
    }
  }

  get size(): number {
    return this.seen.size;
  }
  get pending(): number {
    return this.inflight.size;
  }
}
