// The access policy of every API route, read from the routes themselves (`x-policy`, `x-audit`, `x-scope` set by
// defineRoute in src/http/route.ts): who may call it (domain/auth/roles.ts) and, for routes an operator may use,
// which communities the call acts on. A path with no policy is refused (fail closed), and a test checks that
// every registered /api route declares one.
import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { Policy } from '../domain/auth/roles.js';
import type { ScopeName } from './route.js';

export interface RoutePolicy {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI-style pattern: /api/v1/actions/{id}/undo. */
  path: string;
  policy: Policy;
  audit?: string;
  scope?: ScopeName;
  /** The declared answers, for checking answers against them in tests. */
  responses?: RouteConfig['responses'];
}

type Declared = RouteConfig & { 'x-policy'?: Policy; 'x-audit'?: string; 'x-scope'?: ScopeName };

/** The policies of the routes registered on `app` (those declaring one), plus `extra` for plain Hono routes. */
export function declaredPolicies(app: OpenAPIHono, extra: readonly RoutePolicy[] = []): RoutePolicy[] {
  const out: RoutePolicy[] = [...extra];
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type !== 'route') continue;
    const r = d.route as Declared;
    if (!r['x-policy']) continue;
    out.push({
      method: r.method.toUpperCase() as RoutePolicy['method'],
      path: r.path,
      policy: r['x-policy'],
      audit: r['x-audit'],
      scope: r['x-scope'],
      responses: r.responses,
    });
  }
  return out;
}

/** The routes of `app` that declare no policy (they are refused; a test keeps this empty). */
export function routesWithoutPolicy(app: OpenAPIHono): string[] {
  return app.openAPIRegistry.definitions.flatMap((d) =>
    d.type === 'route' && !(d.route as Declared)['x-policy'] ? [`${d.route.method.toUpperCase()} ${d.route.path}`] : [],
  );
}

interface Compiled {
  rule: RoutePolicy;
  re: RegExp;
  names: string[];
}

export class PolicyTable {
  private readonly compiled: Compiled[];
  constructor(readonly rules: readonly RoutePolicy[]) {
    this.compiled = rules.map((rule) => {
      const names: string[] = [];
      const re = new RegExp(
        '^' +
          rule.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, n: string) => {
            names.push(n);
            return '([^/]+)';
          }) +
          '/?$',
      );
      return { rule, re, names };
    });
  }

  /** The policy of a request, with its path parameters; literal paths win over patterns (communities/health over {ref}). */
  find(method: string, path: string): { rule: RoutePolicy; params: Record<string, string> } | null {
    const m = method === 'HEAD' ? 'GET' : method;
    let best: { rule: RoutePolicy; params: Record<string, string> } | null = null;
    for (const c of this.compiled) {
      if (c.rule.method !== m) continue;
      const hit = c.re.exec(path);
      if (!hit) continue;
      const params = Object.fromEntries(c.names.map((n, i) => [n, safeDecode(hit[i + 1]!)]));
      if (c.names.length === 0) return { rule: c.rule, params };
      best ??= { rule: c.rule, params };
    }
    return best;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
