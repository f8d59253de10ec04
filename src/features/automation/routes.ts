// Automation over HTTP: the audit log (actions, undo, retry) and the rules (list, toggle, test, dry run).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { JSON_OK_404, jsonBody } from '../../http/openapi.js';
import type { Context } from 'hono';
import type { AppContext } from '../../context.js';
import { errorJson } from '../../http/errors.js';
import { MetricsInputError } from '../analytics/metrics/service.js';
import { ActionInputError, ActionNotFound, getAction, listActions, retryAction, undoAction } from './actions.js';
import { dryRun, listRules, testText, toggleRule } from './rules-service.js';
import { announceElimination, eliminationPreview, executeElimination } from './elimination.js';
import { AmbiguousError, NotFoundError } from '../communities/repository.js';

async function answer(c: Context, compute: () => Promise<object>) {
  try {
    return c.json(await compute(), 200);
  } catch (err) {
    if (err instanceof ActionInputError || err instanceof MetricsInputError) return errorJson(c, 400, 'invalid_request', err.message);
    if (err instanceof AmbiguousError) return errorJson(c, 400, 'invalid_request', err.message);
    if (err instanceof ActionNotFound || err instanceof NotFoundError) return errorJson(c, 404, 'not_found', err.message);
    throw err;
  }
}

const idParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });

const routes = {
  list: createRoute({ method: 'get', path: '/api/v1/actions', tags: ['automation'], summary: 'The audit log: every action, why it happened, where it stands', responses: JSON_OK_404,
    request: { query: z.object({ status: z.string().optional(), rule: z.string().optional(), kind: z.string().optional(), member: z.coerce.number().int().optional(),
      page: z.coerce.number().int().min(1).default(1), page_size: z.coerce.number().int().min(1).max(500).default(50) }) } }),
  show: createRoute({ method: 'get', path: '/api/v1/actions/{id}', tags: ['automation'], summary: 'One action', request: { params: idParam }, responses: JSON_OK_404 }),
  undo: createRoute({ method: 'post', path: '/api/v1/actions/{id}/undo', tags: ['automation'], summary: 'Undo: unmute, lift a blacklist, or cancel a pending action', request: { params: idParam }, responses: JSON_OK_404 }),
  retry: createRoute({ method: 'post', path: '/api/v1/actions/{id}/retry', tags: ['automation'], summary: 'Send a dead action again', request: { params: idParam }, responses: JSON_OK_404 }),
  rules: createRoute({ method: 'get', path: '/api/v1/rules', tags: ['automation'], summary: 'Rules with what each did in the last 7 days', responses: JSON_OK_404 }),
  toggle: createRoute({ method: 'post', path: '/api/v1/rules/{key}/toggle', tags: ['automation'], summary: 'Switch a rule on or off', responses: JSON_OK_404,
    request: { params: z.object({ key: z.string() }), body: jsonBody(z.object({ enabled: z.boolean() })) } }),
  test: createRoute({ method: 'post', path: '/api/v1/rules/test', tags: ['automation'], summary: 'What the message rules would do with a text', responses: JSON_OK_404,
    request: { body: jsonBody(z.object({ text: z.string().min(1).max(10_000), community: z.string().optional(), rule: z.string().optional() })) } }),
  dry: createRoute({ method: 'post', path: '/api/v1/rules/{key}/dry-run', tags: ['automation'], summary: 'Replay a past period through a rule; nothing is sent', responses: JSON_OK_404,
    request: { params: z.object({ key: z.string() }), body: jsonBody(z.object({ from: z.string(), to: z.string(), sample: z.number().int().min(0).max(1000).optional() })) } }),
  elimination: createRoute({ method: 'get', path: '/api/v1/communities/{ref}/elimination', tags: ['automation'], responses: JSON_OK_404,
    summary: 'Elimination preview: who falls short of the blueprint today, who revived, where the notice stands',
    request: { params: z.object({ ref: z.string().openapi({ description: 'community id or platform:id' }) }) } }),
  announce: createRoute({ method: 'post', path: '/api/v1/communities/{ref}/elimination/announce', tags: ['automation'], responses: JSON_OK_404,
    summary: "Announce today's elimination list in the community (starts the notice)", request: { params: z.object({ ref: z.string() }) } }),
  execute: createRoute({ method: 'post', path: '/api/v1/communities/{ref}/elimination/execute', tags: ['automation'], responses: JSON_OK_404,
    summary: 'Remove those still short once the notice has run', request: { params: z.object({ ref: z.string() }) } }),
};

export function registerAutomationRoutes(app: OpenAPIHono, ctx: AppContext): void {
  const db = ctx.database.db;
  app.openapi(routes.list, (c) => { const q = c.req.valid('query'); return answer(c, () => listActions(db, { ...q, pageSize: q.page_size })) as never; });
  app.openapi(routes.show, (c) => answer(c, () => getAction(db, c.req.valid('param').id)) as never);
  app.openapi(routes.undo, (c) => answer(c, () => undoAction(db, c.req.valid('param').id)) as never);
  app.openapi(routes.retry, (c) => answer(c, () => retryAction(db, c.req.valid('param').id)) as never);
  app.openapi(routes.rules, (c) => answer(c, () => listRules(db)) as never);
  app.openapi(routes.toggle, (c) => answer(c, () => toggleRule(db, c.req.valid('param').key, c.req.valid('json').enabled)) as never);
  app.openapi(routes.test, (c) => answer(c, () => testText(db, c.req.valid('json'))) as never);
  app.openapi(routes.elimination, (c) => answer(c, () => eliminationPreview(db, c.req.valid('param').ref)) as never);
  app.openapi(routes.announce, (c) => answer(c, () => announceElimination(db, c.req.valid('param').ref)) as never);
  app.openapi(routes.execute, (c) => answer(c, () => executeElimination(db, c.req.valid('param').ref)) as never);
  app.openapi(routes.dry, (c) => answer(c, () => dryRun(db, { rule: c.req.valid('param').key, ...c.req.valid('json') })) as never);
}
