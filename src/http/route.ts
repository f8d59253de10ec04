// How a route is declared: its OpenAPI contract (request, every answer's schema) and its access policy side by
// side. The policy travels in the operation as `x-policy` / `x-audit` / `x-scope` (visible in /api/openapi.json);
// src/http/policy.ts reads them back from the registered routes, so a route declared without one is refused.
import { createRoute, type RouteConfig, type z } from '@hono/zod-openapi';
import type { Policy } from '../domain/auth/roles.js';
import { ErrorAnswer } from './errors.js';
import { intParam } from './params.js';

/** The communities an operate route acts on, resolved from its path parameters (src/http/scopes.ts). */
export type ScopeName = 'community' | 'action' | 'member' | 'rule';

export interface RouteAccess {
  policy: Policy;
  /** Audit name of a state-changing route (absent: nothing to audit, e.g. a dry run). */
  audit?: string;
  /** For operate routes an operator may call: which communities the call touches. */
  scope?: ScopeName;
  /** Error statuses beyond the usual ones (400, 401, 403, 404, 500) that this route answers. */
  errors?: readonly (409 | 413 | 415 | 429 | 503)[];
}

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorAnswer } } });

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503;
/** Exactly the error answers a route declares (exact keys, so a handler's answers are type-checked). */
type ErrorResponses<A extends RouteAccess, R extends RouteConfig> = {
  [
    S in
      | 400
      | 404
      | 500
      | (A['policy'] extends 'public' ? never : 401 | 403)
      | (R['request'] extends { body: { content: { 'application/json': unknown } } } ? 415 : never)
      | (A['errors'] extends readonly (infer E)[] ? E & ErrorStatus : never)
  ]: ReturnType<typeof error>;
};

const DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'Invalid input (the message names the field)',
  401: 'Not signed in',
  403: 'Not allowed for this role or community',
  404: 'Unknown target',
  409: 'Conflicts with what is stored',
  413: 'Too large',
  415: 'Unsupported media type',
  429: 'Too many attempts',
  500: 'Internal error (see the server log)',
  503: 'Unavailable now',
};

/** How a caller proves who they are (the security schemes src/http/app.ts registers): either one will do. */
export const SIGNED_IN = [{ session: [] }, { token: [] }];

/**
 * A route with its access policy and the error answers it may give: 400 (its parameters, its body), 404, 500
 * always; 401 and 403 unless public; 415 when it takes a JSON body (sent as another type); and its own `errors`.
 */
export function defineRoute<const A extends RouteAccess, const R extends RouteConfig>(access: A, route: R) {
  const statuses = new Set<ErrorStatus>([
    400,
    404,
    500,
    ...(access.policy === 'public' ? [] : ([401, 403] as const)),
    ...(route.request?.body?.content['application/json'] ? ([415] as const) : []),
    ...(access.errors ?? []),
  ]);
  const errors = Object.fromEntries([...statuses].sort().map((s) => [s, error(DESCRIPTIONS[s])])) as ErrorResponses<A, R>;
  return createRoute({
    operationId: operationIdOf(route.method, route.path),
    // Each operation says how to call it, so a generated client needs no document-level default.
    security: access.policy === 'public' ? [] : SIGNED_IN,
    ...route,
    'x-policy': access.policy,
    ...(access.audit ? { 'x-audit': access.audit } : {}),
    ...(access.scope ? { 'x-scope': access.scope } : {}),
    responses: { ...errors, ...route.responses },
  } as R & { responses: R['responses'] & ErrorResponses<A, R> });
}

/** get /api/v1/communities/{ref}/elimination → getCommunitiesRefElimination (unique per method and path). */
function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api(\/v1)?/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** A 200 JSON answer with its schema. */
export const jsonAnswer = <T extends z.ZodType>(schema: T, description = 'OK') =>
  ({
    200: { description, content: { 'application/json': { schema } } },
  }) as const;

/** A required application/json request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

/** The paging parameters of a list route: `page` from 1, `page_size` up to `max` (default `size`). */
export const pageQuery = (max = 500, size = 50) => ({
  page: intParam({ min: 1, description: 'The page, from 1' }).default(1),
  page_size: intParam({ min: 1, max, description: `Items per page, at most ${max}` }).default(size),
});
