// The client's address, scheme and host: X-Forwarded-* believed only from a peer the operator trusts.
import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { readEnv, type ProxyTrust } from '../config/env.js';
import { addressKey, clientAddress, overHttps, requestedHost } from './client.js';

async function seen(trust: ProxyTrust, peer: string | null, headers: Record<string, string> = {}) {
  const app = new Hono();
  app.get('/', (c) => c.json({ ip: clientAddress(c, trust), https: overHttps(c, trust), host: requestedHost(c, trust) }));
  const env = peer === null ? undefined : { incoming: { socket: { remoteAddress: peer } } };
  const res = await app.request('http://app.local/', { headers }, env);
  return (await res.json()) as { ip: string | null; https: boolean; host: string };
}

const trust = (v: string) => readEnv({ QUNYUN_TRUST_PROXY: v }).trustProxy;
const fwd = { 'x-forwarded-for': '1.1.1.1, 203.0.113.5', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'q.example.com' };

describe('the client behind proxies', () => {
  it('trusts nobody by default: the socket peer, plain HTTP, the Host header', async () => {
    expect(await seen(trust(''), '::ffff:10.0.0.2', fwd)).toEqual({ ip: '10.0.0.2', https: false, host: 'app.local' });
  });

  it('with N hops, takes the Nth X-Forwarded-For entry from the right', async () => {
    expect(await seen(trust('1'), '10.0.0.2', fwd)).toEqual({ ip: '203.0.113.5', https: true, host: 'q.example.com' });
    expect((await seen(trust('2'), '10.0.0.2', fwd)).ip).toBe('1.1.1.1');
    expect((await seen(trust('5'), '10.0.0.2', fwd)).ip).toBe('1.1.1.1');
    expect((await seen(trust('1'), '10.0.0.2')).ip).toBe('10.0.0.2');
  });

  it('with proxy addresses, believes only those peers, and skips trusted hops from the right', async () => {
    const t = trust('loopback, 10.0.0.0/8');
    expect(await seen(t, '10.1.2.3', fwd)).toEqual({ ip: '203.0.113.5', https: true, host: 'q.example.com' });
    // A stranger writing the headers itself is not believed.
    expect(await seen(t, '198.51.100.9', fwd)).toEqual({ ip: '198.51.100.9', https: false, host: 'app.local' });
    expect((await seen(t, '127.0.0.1', { 'x-forwarded-for': '9.9.9.9, 192.0.2.1, 10.0.0.7' })).ip).toBe('192.0.2.1');
    expect((await seen(t, '::1', { 'x-forwarded-for': '10.0.0.8' })).ip).toBe('10.0.0.8');
  });

  it('refuses a malformed setting by name', () => {
    expect(() => trust('10.0.0.0/33')).toThrow(/^QUNYUN_TRUST_PROXY: .*"10.0.0.0\/33"/);
    expect(() => trust('proxy.local')).toThrow(/^QUNYUN_TRUST_PROXY: /);
    expect(() => trust('11')).toThrow(/^QUNYUN_TRUST_PROXY: expected an integer from 1 to 10/);
    expect(trust('true')).toEqual({ kind: 'hops', hops: 1 });
  });

  it('keys an IPv6 client by its /64', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1');
    expect(addressKey(null)).toBe('unknown');
  });
});
