// Known devices for the sign-in throttle: after a successful sign-in the browser gets a long-lived device cookie
// (a random id and an HMAC binding it to the user name, under a key kept in the database). A sign-in that presents
// a valid one for its name is counted apart from strangers' attempts, so a flood of failures from an address or
// against a name (someone behind the same NAT, or a distributed guess) does not lock out a user on a browser they
// have signed in with before. A device has its own small failure budget; past it, it is treated as a stranger.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';

export const DEVICE_COOKIE = 'qunyun_device';
const KEY_SETTING = 'auth.device_key';
const DEVICE_DAYS = 365;

/** The HMAC key, made once per database (several servers on one PostgreSQL share it). */
async function deviceKey(db: Kysely<Schema>): Promise<Buffer> {
  const read = () => db.selectFrom('settings').select('value').where('key', '=', KEY_SETTING).executeTakeFirst();
  let row = await read();
  if (!row) {
    await db
      .insertInto('settings')
      .values({ key: KEY_SETTING, value: randomBytes(32).toString('base64url') })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    row = await read();
  }
  return Buffer.from(row!.value, 'base64url');
}

const mac = (key: Buffer, id: string, username: string) => createHmac('sha256', key).update(`${id}\n${username}`).digest();

export interface Devices {
  /** The device id of a valid device cookie for `username`, else null. */
  known(c: Context, username: string): Promise<string | null>;
  /** Gives the browser a device cookie for `username` (keeps the one it has when it already is one). */
  remember(c: Context, username: string, secure: boolean): Promise<void>;
}

export function devices(db: Kysely<Schema>): Devices {
  let key: Promise<Buffer> | undefined;
  const getKey = () => (key ??= deviceKey(db).catch((err: unknown) => ((key = undefined), Promise.reject(err))));
  const known = async (c: Context, username: string) => {
    const m = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(getCookie(c, DEVICE_COOKIE) ?? '');
    if (!m) return null;
    const given = Buffer.from(m[2]!, 'base64url');
    return timingSafeEqual(given, mac(await getKey(), m[1]!, username)) ? m[1]! : null;
  };
  return {
    known,
    async remember(c, username, secure) {
      if ((await known(c, username)) !== null) return;
      const id = randomBytes(16).toString('base64url');
      const value = `${id}.${mac(await getKey(), id, username).toString('base64url')}`;
      setCookie(c, DEVICE_COOKIE, value, { httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth', secure, maxAge: DEVICE_DAYS * 86_400 });
    },
  };
}
