// Who is on the other end of a request: the client's address, and whether it reached us over HTTPS and by which
// host name. Behind a reverse proxy the socket peer is the proxy, so X-Forwarded-For / -Proto / -Host are read —
// but only when the peer is a proxy the operator trusts (QUNYUN_TRUST_PROXY, src/config/env.ts); anyone else could
// write those headers themselves.
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import type { ProxyTrust } from '../config/env.js';

const lists = new WeakMap<ProxyTrust, BlockList>();
function blockList(trust: Extract<ProxyTrust, { kind: 'addresses' }>): BlockList {
  let list = lists.get(trust);
  if (!list) {
    list = new BlockList();
    for (const b of trust.blocks) list.addSubnet(b.address, b.prefix, b.family);
    lists.set(trust, list);
  }
  return list;
}

/** An IPv4 peer seen on a dual-stack socket (::ffff:10.0.0.1) as plain IPv4. */
const plain = (ip: string) => (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(ip) ? ip.slice(7) : ip);

function isTrusted(trust: ProxyTrust, ip: string | null): boolean {
  if (trust.kind === 'none') return false;
  if (trust.kind === 'hops') return true;
  if (ip === null) return false;
  const v = isIP(ip);
  return v !== 0 && blockList(trust).check(ip, v === 4 ? 'ipv4' : 'ipv6');
}

/** The socket's remote address (null in-process, e.g. app.request in tests). */
export function peerAddress(c: Context): string | null {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const ip = incoming?.socket?.remoteAddress;
  return ip ? plain(ip) : null;
}

/** Whether this request came through a proxy we trust (so its X-Forwarded-* headers are believed). */
export function viaTrustedProxy(c: Context, trust: ProxyTrust): boolean {
  return isTrusted(trust, peerAddress(c));
}

const list = (header: string | undefined) =>
  (header ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);

/**
 * The client's address. With N trusted hops, the Nth X-Forwarded-For entry from the right (each proxy appends the
 * address it saw); with trusted proxy addresses, the rightmost entry that is not one of them. Entries further left
 * are whatever the client claimed and are never used.
 */
export function clientAddress(c: Context, trust: ProxyTrust): string | null {
  const peer = peerAddress(c);
  if (!isTrusted(trust, peer)) return peer;
  const hops = list(c.req.header('x-forwarded-for')).map(plain);
  if (hops.length === 0) return peer;
  if (trust.kind === 'hops') return (hops[Math.max(0, hops.length - trust.hops)] ?? peer)!.slice(0, 64);
  for (let i = hops.length - 1; i >= 0; i--) if (!isTrusted(trust, hops[i]!)) return hops[i]!.slice(0, 64);
  return hops[0]!.slice(0, 64);
}

/** The value our nearest trusted proxy set for an X-Forwarded-* header (its last entry), else undefined. */
function forwarded(c: Context, trust: ProxyTrust, name: string): string | undefined {
  return viaTrustedProxy(c, trust) ? list(c.req.header(name)).pop() : undefined;
}

/** Whether the client reached us over HTTPS (directly, or at a trusted proxy). */
export function overHttps(c: Context, trust: ProxyTrust): boolean {
  return new URL(c.req.url).protocol === 'https:' || forwarded(c, trust, 'x-forwarded-proto') === 'https';
}

/** The host (with port, as sent) the client asked for: a trusted proxy's X-Forwarded-Host, else Host. */
export function requestedHost(c: Context, trust: ProxyTrust): string {
  return forwarded(c, trust, 'x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host;
}

/** The throttles' key for an address: an IPv6 client usually holds a whole /64, so that is one key. */
export function addressKey(ip: string | null): string {
  if (ip === null) return 'unknown';
  if (isIP(ip) !== 6) return ip;
  const groups = expandIpv6(ip);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : ip;
}

function expandIpv6(ip: string): string[] | null {
  const [head = '', tail] = ip.split('::');
  const a = head ? head.split(':') : [];
  const b = tail ? tail.split(':') : [];
  if (tail === undefined && a.length !== 8) return null;
  const mid = Array<string>(8 - a.length - b.length).fill('0');
  return [...a, ...mid, ...b].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}
