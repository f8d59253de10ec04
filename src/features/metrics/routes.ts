// GET /api/v1/metrics: the dashboard figures of metrics.md, one period or a series.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { errorJson } from '../../http/errors.js';
import { AmbiguousError, NotFoundError } from '../communities/repository.js';
import { computeMetrics, MetricsInputError } from './service.js';

const route = createRoute({
  method: 'get', path: '/api/v1/metrics', tags: ['analytics'],
  summary: 'Customer groups, the four rates, acquisition, content and conversion figures (metrics.md)',
  request: {
    query: z.object({
      from: z.string().openapi({ description: 'Start: a date (YYYY-MM-DD, in the workspace zone) or an instant with offset' }),
      to: z.string().openapi({ description: 'End (exclusive), same forms' }),
      community: z.string().optional().openapi({ description: 'Our community id, platform:id, or a platform id' }),
      by: z.enum(['day', 'week', 'month']).optional().openapi({ description: 'Answer a series of calendar periods' }),
    }),
  },
  responses: {
    200: { description: 'The figures', content: { 'application/json': { schema: z.object({}).passthrough() } } },
    400: { description: 'Bad from/to/by/community' },
    404: { description: 'Unknown community' },
  },
});

export function registerMetricsRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(route, async (c) => {
    try {
      return c.json(await computeMetrics(ctx.database.db, c.req.valid('query')), 200);
    } catch (err) {
      if (err instanceof MetricsInputError || err instanceof AmbiguousError) return errorJson(c, 400, 'invalid_request', err.message);
      if (err instanceof NotFoundError) return errorJson(c, 404, 'not_found', err.message);
      throw err;
    }
  });
}
