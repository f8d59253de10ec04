// GET /api/v1/rfm (segment summary) and GET /api/v1/rfm/members (scored members, by segment).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { errorJson } from '../../http/errors.js';
import { AmbiguousError, NotFoundError } from '../communities/repository.js';
import { MetricsInputError } from '../metrics/service.js';
import { rfmMembers, rfmSummary } from './service.js';

const common = {
  at: z.string().optional().openapi({ description: 'As of this date (workspace zone) or instant; default now' }),
  community: z.string().optional().openapi({ description: 'Only orders of this community' }),
};
const ok = { 200: { description: 'RFM', content: { 'application/json': { schema: z.object({}).passthrough() } } }, 400: { description: 'Bad parameter' } };
const summary = createRoute({ method: 'get', path: '/api/v1/rfm', tags: ['analytics'], summary: 'RFM segments of paying members', request: { query: z.object(common) }, responses: ok });
const members = createRoute({
  method: 'get', path: '/api/v1/rfm/members', tags: ['analytics'], summary: 'Paying members with R, F, M and scores (by net paid, largest first)',
  request: { query: z.object({ ...common, segment: z.string().optional(), page: z.coerce.number().int().min(1).default(1), page_size: z.coerce.number().int().min(1).max(500).default(50) }) },
  responses: ok,
});

async function guard<T>(c: Parameters<Parameters<OpenAPIHono['openapi']>[1]>[0], fn: () => Promise<T>) {
  try {
    return c.json(await fn() as object, 200);
  } catch (err) {
    if (err instanceof MetricsInputError || err instanceof AmbiguousError) return errorJson(c, 400, 'invalid_request', err.message);
    if (err instanceof NotFoundError) return errorJson(c, 404, 'not_found', err.message);
    throw err;
  }
}

export function registerRfmRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(summary, (c) => guard(c, () => rfmSummary(ctx.database.db, c.req.valid('query'))) as never);
  app.openapi(members, (c) => {
    const q = c.req.valid('query');
    return guard(c, () => rfmMembers(ctx.database.db, { ...q, pageSize: q.page_size })) as never;
  });
}
