// Password hashing with scrypt (memory-hard, in node:crypto): "scrypt$N$r$p$salt$hash", parameters kept per
// hash so they can be raised later without breaking stored ones.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { InvalidInputError } from '../../domain/errors.js';

const N = 1 << 15; // 32 MiB per hash with r = 8: slow enough for guessing, fast enough for a login (≈ 100 ms)
const R = 8;
const P = 1;
const KEYLEN = 32;

function scrypt(password: string, salt: Buffer, o: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, KEYLEN, { ...o, maxmem: 256 * o.N! * o.r! }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export const MIN_PASSWORD = 8;
export const MAX_PASSWORD = 200;

/** Why a new password is refused, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD) return `password: at least ${MIN_PASSWORD} characters`;
  if (password.length > MAX_PASSWORD) return `password: at most ${MAX_PASSWORD} characters`;
  return null;
}

/** Refuses a weak new password with an error naming the field. */
export function requireGoodPassword(password: string): void {
  const weak = passwordProblem(password);
  if (weak) throw new InvalidInputError(weak, { field: 'password', details: [weak] });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

// A hash of a password nobody has: verifying against it costs what a real check costs, so an unknown user
// name takes as long to refuse as a wrong password.
let decoy: Promise<string> | null = null;

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const hash = stored ?? (await (decoy ??= hashPassword(randomBytes(18).toString('base64'))));
  const parts = hash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    await verifyPassword(password, null); // same cost for an unusable hash
    return false;
  }
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64');
  const got = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return stored !== null && got.length === expected.length && timingSafeEqual(got, expected);
}
