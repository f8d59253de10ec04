// Playbooks over HTTP: the list (steps, next run, what each did) and a preview of a playbook's next occurrences.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { JSON_OK_404 } from '../../http/openapi.js';
import type { Context } from 'hono';
import type { AppContext } from '../../context.js';
import { errorJson } from '../../http/errors.js';
import { loadSettings } from '../workspace/settings.js';
import { MetricsInputError, parseInput } from '../analytics/metrics/service.js';
import { ActionNotFound } from './actions.js';
import { listPlaybooks, previewPlaybook } from './playbook-service.js';

const previewBody = z.object({
  at: z.string().optional().openapi({ description: 'preview as of this instant or date (default now)' }),
  days: z.number().int().min(1).max(90).optional().openapi({ description: 'per-member steps: occurrences within this many days (default 7)' }),
  limit: z.number().int().min(0).max(1000).optional().openapi({ description: 'recipients listed per step (default 50)' }),
});

const routes = {
  list: createRoute({ method: 'get', path: '/api/v1/playbooks', tags: ['automation'], summary: 'Playbooks: steps, next run, sent / queued / skipped', responses: JSON_OK_404,
    request: { query: z.object({ at: z.string().optional() }) } }),
  preview: createRoute({ method: 'post', path: '/api/v1/playbooks/{key}/preview', tags: ['automation'], responses: JSON_OK_404,
    summary: 'Whom the next occurrence of each step would reach, and the text; nothing is sent',
    request: { params: z.object({ key: z.string() }), body: { required: false, content: { 'application/json': { schema: previewBody } } } } }),
};

async function answer(c: Context, compute: () => Promise<object>) {
  try {
    return c.json(await compute(), 200);
  } catch (err) {
    if (err instanceof MetricsInputError) return errorJson(c, 400, 'invalid_request', err.message);
    if (err instanceof ActionNotFound) return errorJson(c, 404, 'not_found', err.message);
    throw err;
  }
}

export function registerPlaybookRoutes(app: OpenAPIHono, ctx: AppContext): void {
  const db = ctx.database.db;
  const at = async (v: string | undefined) => (v === undefined ? Date.now() : parseInput(v, (await loadSettings(db)).timezone, 'at'));
  app.openapi(routes.list, (c) => answer(c, async () => listPlaybooks(db, await at(c.req.valid('query').at))) as never);
  app.openapi(routes.preview, (c) => answer(c, async () => {
    const b = c.req.valid('json') ?? {};
    return previewPlaybook(db, c.req.valid('param').key, { now: await at(b.at), days: b.days, limit: b.limit });
  }) as never);
}
