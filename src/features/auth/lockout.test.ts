// The sign-in lockout behind one NAT (both dialects): one user's failures lock only that user at that address; a
// spray from the NAT's address, or a distributed guess at one name, stops strangers but not a user on a browser
// they signed in with before (a known device), and a known device that keeps failing becomes a stranger again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest } from '../../test-support/databases.js';
import { createTestApp } from '../../test-support/app.js';
import { hashPassword } from './password.js';
import { insertUser, recordAudit } from './repository.js';
import { THROTTLE } from './routes.js';
import { DEVICE_COOKIE } from './device.js';

const dialects = await dialectsUnderTest();
const NAT = '203.0.113.50';

describe.each(dialects)('sign-in lockout behind one NAT (%s)', (dialect) => {
  let h: Awaited<ReturnType<typeof createTestApp>>;
  // Behind one trusted proxy hop: the client address is the X-Forwarded-For entry.
  const login = async (username: string, password: string, o: { from?: string; device?: string } = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': o.from ?? NAT };
    if (o.device) headers.cookie = o.device;
    const res = await h.raw.request('/api/v1/auth/login', { method: 'POST', headers, body: JSON.stringify({ username, password }) });
    const device = res.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${DEVICE_COOKIE}=`))
      ?.split(';')[0];
    return { status: res.status, device };
  };
  /** Failures by strangers, written straight into the audit log as the throttle counts them (no slow hashing). */
  const failures = async (n: number, f: (i: number) => { actor: string; ip: string }) => {
    for (let i = 0; i < n; i++) await recordAudit(h.t.database.db, { userId: null, action: 'auth.login_failed', status: 401, ...f(i) });
  };

  beforeAll(async () => {
    h = await createTestApp(dialect, { QUNYUN_TRUST_PROXY: '1' });
    const hash = await hashPassword('correct horse');
    for (const username of ['ann', 'bob', 'cy', 'kim']) await insertUser(h.t.database.db, { username, passwordHash: hash, role: 'analyst' });
  });
  afterAll(() => h.drop());

  it("one user's failures lock that user at that address only: the others behind the NAT sign in", async () => {
    const tries: number[] = [];
    for (let i = 0; i < THROTTLE.perNameAndIp + 1; i++) tries.push((await login('ann', `wrong ${i}`)).status);
    expect(tries).toEqual([...Array(THROTTLE.perNameAndIp).fill(401), 429]);
    expect((await login('ann', 'correct horse')).status).toBe(429);
    expect((await login('bob', 'correct horse')).status).toBe(200);
    expect((await login('ann', 'correct horse', { from: '198.51.100.2' })).status).toBe(200);
  });

  it('a spray from the NAT stops strangers there, not a user on a known device', async () => {
    const known = await login('kim', 'correct horse');
    expect(known.status).toBe(200);
    expect(known.device).toMatch(new RegExp(`^${DEVICE_COOKIE}=[\\w-]{22}\\.[\\w-]{43}$`));
    await failures(THROTTLE.perIp, (i) => ({ actor: `guess${i % 40}`, ip: NAT }));
    expect((await login('cy', 'correct horse')).status).toBe(429);
    expect((await login('kim', 'correct horse', { device: known.device })).status).toBe(200);
    // A device cookie is bound to its name, and a forged one is nothing.
    expect((await login('cy', 'correct horse', { device: known.device })).status).toBe(429);
    expect((await login('kim', 'correct horse', { device: `${DEVICE_COOKIE}=${'a'.repeat(22)}.${'b'.repeat(43)}` })).status).toBe(429);
    // Elsewhere cy is fine.
    expect((await login('cy', 'correct horse', { from: '198.51.100.3' })).status).toBe(200);
  });

  it('a distributed guess at a name slows strangers for that name; its user on a known device still gets in', async () => {
    const known = await login('bob', 'correct horse', { from: '192.0.2.10' });
    await failures(THROTTLE.perName, (i) => ({ actor: 'bob', ip: `198.18.${Math.floor(i / 200)}.${i % 200}` }));
    expect((await login('bob', 'correct horse', { from: '192.0.2.11' })).status).toBe(429);
    expect((await login('bob', 'correct horse', { from: '192.0.2.11', device: known.device })).status).toBe(200);
  });

  it('a known device that keeps failing is a stranger again', async () => {
    const known = await login('cy', 'correct horse', { from: '192.0.2.20' });
    expect(known.status).toBe(200);
    const tries: number[] = [];
    for (let i = 0; i < THROTTLE.perNameAndDevice; i++)
      tries.push((await login('cy', `nope ${i}`, { from: '192.0.2.21', device: known.device })).status);
    expect(tries).toEqual(Array(THROTTLE.perNameAndDevice).fill(401));
    // Its own failures did not count against the address or the name for strangers…
    expect((await login('cy', 'correct horse', { from: '192.0.2.21' })).status).toBe(200);
    // …but now the device falls under the stranger limits at the NAT, which the spray exhausted.
    expect((await login('cy', 'correct horse', { from: NAT, device: known.device })).status).toBe(429);
  });
});
