// The HTTP application: thin routes per feature, one error shape, OpenAPI at /api/docs.
import { randomUUID } from 'node:crypto';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { AppContext } from '../context.js';
import type { Connector } from '../connectors/types.js';
import { appErrorJson, describeIssues, ErrorAnswer, errorJson } from './errors.js';
import { declaredPolicies, PolicyTable, type RoutePolicy } from './policy.js';
import { checkAnswers } from './answers.js';
import { defineRoute, jsonAnswer } from './route.js';
import { registerIngestRoutes } from '../features/ingest/routes.js';
import { registerMemberRoutes } from '../features/members/routes.js';
import { registerCommunityRoutes } from '../features/communities/routes.js';
import { registerMetricsRoutes } from '../features/analytics/metrics/routes.js';
import { registerRfmRoutes } from '../features/analytics/rfm/routes.js';
import { registerCohortRoutes } from '../features/analytics/cohorts/routes.js';
import { registerEngagementRoutes } from '../features/analytics/engagement/routes.js';
import { registerHealthRoutes } from '../features/analytics/health/routes.js';
import { registerRoleRoutes } from '../features/analytics/roles/routes.js';
import { registerAutomationRoutes } from '../features/automation/routes.js';
import { registerExportRoutes } from '../features/export/routes.js';
import { registerImportRoutes } from '../features/import/routes.js';
import { registerPlaybookRoutes } from '../features/automation/playbook-routes.js';
import { registerAutomationConsoleRoutes } from '../features/automation/console-routes.js';
import { registerAuthRoutes } from '../features/auth/routes.js';
import { registerAdminRoutes } from '../features/auth/admin-routes.js';
import { registerWorkspaceRoutes } from '../features/workspace/routes.js';
import { docsPage } from './docs-page.js';
import { access, SESSION_COOKIE, unservedAnswer } from './access.js';
import { registerConsole } from './console.js';
import { hostCheck } from './host-check.js';
import { FailureThrottle, secretThrottle } from './throttle.js';

// Plain Hono routes (not in the OpenAPI document) and their policies.
const PLAIN_ROUTES: readonly RoutePolicy[] = [
  { method: 'GET', path: '/api/docs', policy: 'public' },
  { method: 'GET', path: '/api/openapi.json', policy: 'public' },
];

const healthRoute = defineRoute(
  { policy: 'public' },
  {
    method: 'get',
    path: '/api/v1/health',
    tags: ['system'],
    summary: 'Is the server up: its database dialect and the connectors switched on',
    responses: jsonAnswer(z.object({ ok: z.literal(true), dialect: z.enum(['sqlite', 'postgres']), connectors: z.array(z.string()) })),
  },
);

export interface AppOptions {
  /** Check every answer against its route's declared schema (tests). */
  checkAnswers?: boolean;
}

export function createApp(
  ctx: AppContext,
  log: { error(obj: unknown, msg?: string): void } = console,
  connectors: Connector[] = [],
  opts: AppOptions = {},
): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const problems = describeIssues(result.error.issues);
        return errorJson(c, 400, 'invalid_request', problems.join('; '), problems);
      }
    },
  });
  // Before every route: who is calling and whether their role may (src/http/policy.ts); audit of changes.
  // The policy table is read from the registered routes once they are all registered (the first request).
  let table: PolicyTable | undefined;
  const policies = () => (table ??= policyTable(app));
  const { trustProxy, publicOrigins } = ctx.env;
  // First of all: a request addressed to a host name that is not ours (DNS rebinding) is refused (http/host-check.ts).
  app.use('*', hostCheck(publicOrigins, trustProxy));
  if (opts.checkAnswers) app.use('/api/*', checkAnswers(policies));
  // No text we store may hold U+0000 (PostgreSQL refuses it): a path or query carrying one is refused here, for
  // every route alike (bodies are checked where they are parsed).
  app.use('/api/*', async (c, next) => {
    if (/%00/.test(c.req.url) || c.req.url.includes('\u0000'))
      return errorJson(c, 400, 'invalid_request', 'the path or query contains a NUL character (%00), which no parameter may hold');
    await next();
  });
  // Wrong secrets — API tokens here, webhook tokens and signatures below — count against their address (http/throttle.ts).
  app.use('/api/*', access(ctx.database.db, { trustProxy, publicOrigins, tokenThrottle: new FailureThrottle() }, policies));
  app.use('/hooks/*', secretThrottle(new FailureThrottle(), trustProxy));
  app.openapi(healthRoute, (c) => c.json({ ok: true as const, dialect: ctx.database.dialect, connectors: connectors.map((x) => x.platform) }, 200));
  // Platform webhooks (/hooks/…), mounted only for the connectors switched on by configuration.
  for (const c of connectors) c.routes?.(app);
  registerAuthRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerWorkspaceRoutes(app, ctx);
  registerIngestRoutes(app, ctx);
  registerMemberRoutes(app, ctx);
  registerMetricsRoutes(app, ctx);
  registerRfmRoutes(app, ctx);
  registerCohortRoutes(app, ctx);
  registerEngagementRoutes(app, ctx);
  // Before the communities' /{ref} route, which would otherwise take /communities/health.
  registerHealthRoutes(app, ctx);
  registerCommunityRoutes(app, ctx);
  registerRoleRoutes(app, ctx);
  registerAutomationRoutes(app, ctx);
  registerExportRoutes(app, ctx);
  registerImportRoutes(app, ctx);
  registerPlaybookRoutes(app, ctx);
  registerAutomationConsoleRoutes(app, ctx);
  declareGateAnswers(app);
  // How callers prove who they are (src/http/access.ts): the console's session cookie or an API token; every route
  // takes either unless it declares itself public (security: [] from defineRoute).
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: "The console's sign-in (POST /api/v1/auth/login)",
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'token', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (qy_…) made by an owner',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Qunyun API', version: '1', license: { name: 'MIT', url: 'https://opensource.org/license/mit' } },
    // Self-hosted: the API is on whatever origin served this document.
    servers: [{ url: '/', description: 'This Qunyun server' }],
    security: [{ session: [] }, { token: [] }],
  });
  app.get('/api/docs', (c) => c.html(docsPage(app)));
  registerConsole(app);
  // A known path asked with another method is a 405 naming the methods it has; an unknown path is a 404.
  app.notFound((c) => unservedAnswer(c, servedMethods(app, c.req.path)));
  app.onError((err, c) => {
    // The application's typed errors (invalid input, not found, conflict, …) answer with their status.
    const typed = appErrorJson(c, err);
    if (typed) return typed;
    // A body that is not the JSON it claims to be, or a wrong content type: the caller's mistake, not ours.
    if (err instanceof HTTPException && err.status < 500)
      return errorJson(c, err.status as 400, clientErrorCode(err.status), clientErrorMessage(err));
    // PostgreSQL refusing a NUL character (22021) that reached it in a body: the caller's text, not our bug.
    if ((err as { code?: unknown }).code === '22021')
      return errorJson(c, 400, 'invalid_request', 'the request contains a NUL character (U+0000), which no text may hold');
    // Anything else is a bug or an outage: its text (a TypeError, an SQL error) stays in the log, under an id the
    // caller can quote.
    const requestId = randomUUID();
    log.error({ err, requestId, method: c.req.method, path: c.req.path }, 'request failed');
    c.header('X-Request-Id', requestId);
    return errorJson(c, 500, 'internal', `internal error (request ${requestId}); the server log has the details`);
  });
  return app;
}

/** Every route's policy, as declared beside the route (plus the plain Hono routes'). */
export function policyTable(app: OpenAPIHono): PolicyTable {
  return new PolicyTable(declaredPolicies(app, PLAIN_ROUTES));
}

const gateAnswer = (description: string, retryAfter = false) => ({
  description,
  content: { 'application/json': { schema: ErrorAnswer } },
  ...(retryAfter ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' as const } } } } : {}),
});

/**
 * The answers the gates in front of every route may give (NUL check, host check, token throttle, Origin check), added to each
 * route's contract here rather than in each defineRoute: they come from app-wide middleware, not from the route.
 * A route's own declaration of a status wins.
 */
function declareGateAnswers(app: OpenAPIHono): void {
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type !== 'route') continue;
    const r = d.route;
    const gates = {
      400: gateAnswer('A parameter, the path or the body is not what the route accepts (the message names it)'),
      421: gateAnswer('Addressed to a host name this server does not answer for (QUNYUN_PUBLIC_ORIGIN)'),
      429: gateAnswer('Too many wrong secrets or attempts from this address', true),
      ...(r.method !== 'get' ? { 403: gateAnswer('Not allowed for this role or community, or a change from another site (Origin)') } : {}),
    };
    // A copy: the route objects are module constants shared by every app.
    (d as { route: typeof r }).route = { ...r, responses: { ...gates, ...r.responses } };
  }
}

const clientErrorCode = (status: number) => (status === 415 ? 'unsupported_media_type' : status === 413 ? 'too_large' : 'invalid_request');

/** The framework's own texts replaced by ours (its form-data one appends a parser's error message). */
function clientErrorMessage(err: HTTPException): string {
  if (err.message.startsWith('Malformed JSON')) return 'the request body is not valid JSON';
  if (err.message.startsWith('Malformed FormData')) return 'the request body is not readable form data';
  return err.message || 'malformed request';
}

/** The methods the app serves `path` with (HEAD with GET), from its registered routes. */
function servedMethods(app: OpenAPIHono, path: string): string[] {
  const found = new Set<string>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue;
    // The console's catch-all GET (http/console.ts) serves every path outside /api and /hooks.
    const hit = r.path === '*' || r.path === '/*' ? !path.startsWith('/api/') && !path.startsWith('/hooks/') : routePattern(r.path).test(path);
    if (hit) found.add(r.method);
  }
  if (found.has('GET')) found.add('HEAD');
  return [...found];
}

const patterns = new Map<string, RegExp>();
function routePattern(path: string): RegExp {
  let re = patterns.get(path);
  if (!re) {
    const body = path
      .split('/')
      .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg === '*' ? '.*' : seg.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&')))
      .join('/');
    re = new RegExp(`^${body}/?$`);
    patterns.set(path, re);
  }
  return re;
}
