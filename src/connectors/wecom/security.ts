// The checks @wecom/crypto leaves to its caller: the msg_signature compared in constant time, the timestamp
// inside a window, the decrypted receive id equal to our corp id, and a bounded memory of recent requests so a
// captured callback cannot be replayed. Each failure is a CallbackRefusal carrying the HTTP status and a message
// that names the problem.
import { timingSafeEqual } from 'node:crypto';
import { decrypt, getSignature } from '@wecom/crypto';

export class CallbackRefusal extends Error {
  constructor(readonly status: 400 | 401 | 403 | 409 | 413, readonly code: string, message: string) { super(message); }
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

export interface SignedRequest { signature: string; timestamp: string; nonce: string; encrypted: string }

export function verifySignature(token: string, r: SignedRequest): void {
  if (!signatureMatches(getSignature(token, r.timestamp, r.nonce, r.encrypted), r.signature)) {
    throw new CallbackRefusal(401, 'bad_signature', 'msg_signature does not match: the request was not signed with WECOM_TOKEN (or was altered)');
  }
}

export function checkTimestamp(timestamp: string, nowMs: number): void {
  if (!/^\d{1,12}$/.test(timestamp)) throw new CallbackRefusal(400, 'bad_timestamp', `timestamp must be seconds since the epoch (got ${JSON.stringify(timestamp.slice(0, 20))})`);
  const skew = Math.abs(nowMs / 1000 - Number(timestamp));
  if (skew > TIMESTAMP_WINDOW_S) {
    throw new CallbackRefusal(401, 'stale_timestamp', `timestamp ${timestamp} is ${Math.round(skew)} s away from this server's clock (allowed: ±${TIMESTAMP_WINDOW_S} s); check the clock, or this is a replayed request`);
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

/** Remembers (timestamp, nonce, signature) triples for REPLAY_TTL_MS, at most `max` of them (oldest forgotten first). */
export class ReplayGuard {
  private seen = new Map<string, number>();
  constructor(private readonly max = 10_000, private readonly ttlMs = REPLAY_TTL_MS) {}

  /** Claims the triple; a second claim within the TTL is a replay. Returns the key, to release if processing fails. */
  claim(r: Pick<SignedRequest, 'timestamp' | 'nonce' | 'signature'>, nowMs: number): string {
    const key = `${r.timestamp}\u001f${r.nonce}\u001f${r.signature.toLowerCase()}`;
    const at = this.seen.get(key);
    if (at !== undefined && nowMs - at < this.ttlMs) {
      throw new CallbackRefusal(409, 'replayed', 'this exact request (timestamp, nonce, msg_signature) was already received in the last 10 minutes');
    }
    this.seen.delete(key);
    this.seen.set(key, nowMs);
    // Map keeps insertion order: the first entries are the oldest.
    for (const [k, t] of this.seen) {
      if (this.seen.size <= this.max && nowMs - t < this.ttlMs) break;
      this.seen.delete(k);
    }
    return key;
  }

  /** Forgets a claim whose processing failed, so the platform's retry is accepted. */
  release(key: string): void { this.seen.delete(key); }

  get size(): number { return this.seen.size; }
}
