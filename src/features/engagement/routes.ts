// GET /api/v1/engagement: how present members split across engagement levels.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { errorJson } from '../../http/errors.js';
import { AmbiguousError, NotFoundError } from '../communities/repository.js';
import { MetricsInputError } from '../metrics/service.js';
import { engagementDistribution } from './service.js';

const route = createRoute({
  method: 'get', path: '/api/v1/engagement', tags: ['analytics'],
  summary: 'Engagement levels (silent / quiet / engaged / fan / ultra) of present members, by active days in the 30 days before',
  request: { query: z.object({ at: z.string().optional(), community: z.string().optional() }) },
  responses: { 200: { description: 'Levels', content: { 'application/json': { schema: z.object({}).passthrough() } } }, 400: { description: 'Bad parameter' } },
});

export function registerEngagementRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(route, async (c) => {
    try {
      return c.json(await engagementDistribution(ctx.database.db, c.req.valid('query')), 200);
    } catch (err) {
      if (err instanceof MetricsInputError || err instanceof AmbiguousError) return errorJson(c, 400, 'invalid_request', err.message);
      if (err instanceof NotFoundError) return errorJson(c, 404, 'not_found', err.message);
      throw err;
    }
  });
}
