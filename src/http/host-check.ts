// Refuses requests addressed to a host name that is not ours. A DNS-rebinding page (evil.example resolving first to
// its own server, then to 127.0.0.1) makes the browser talk to this server as "evil.example", same-origin in the
// browser's eyes, so the Origin check cannot catch it — but the Host it sends still names evil.example. Accepted:
// the hosts of QUNYUN_PUBLIC_ORIGIN, "localhost", and IP addresses (a rebinding page never has an IP literal as its
// host, and a server reached by its address is not being rebound). The port is not compared: a rebinding attacker
// cannot choose the host name, whatever the port.
import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import type { ProxyTrust } from '../config/env.js';
import { requestedHost } from './client.js';
import { errorJson } from './errors.js';

/** The host name of a Host header value (no port, IPv6 without brackets, lower case); null when unreadable. */
export function hostName(host: string): string | null {
  const h = host.trim().toLowerCase();
  const m = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(h) ?? /^([a-z0-9.-]+)(?::\d{1,5})?$/.exec(h);
  return m ? m[1]!.replace(/\.$/, '') : null;
}

export function acceptedHost(name: string, publicHosts: ReadonlySet<string>): boolean {
  return name === 'localhost' || isIP(name) !== 0 || publicHosts.has(name);
}

export function hostCheck(publicOrigins: readonly string[], trust: ProxyTrust): MiddlewareHandler {
  const publicHosts = new Set(publicOrigins.map((o) => new URL(o).hostname.replace(/^\[|\]$/g, '')));
  const expected = publicOrigins.length > 0 ? publicOrigins.join(' or ') : 'localhost or an IP address';
  return async (c, next) => {
    const asked = requestedHost(c, trust);
    const name = hostName(asked);
    if (name !== null && acceptedHost(name, publicHosts)) return next();
    const shown = JSON.stringify(asked.slice(0, 100));
    return errorJson(
      c,
      421,
      'wrong_host',
      `this server answers for ${expected}, not for the host ${shown}; if that is how people reach it, add it to QUNYUN_PUBLIC_ORIGIN`,
    );
  };
}
