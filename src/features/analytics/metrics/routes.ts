// GET /api/v1/metrics: the dashboard figures of metrics.md, one period or a series.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.js';
import { computeMetrics, productMentions } from './service.js';
import { answer } from './answer.js';

const period = {
  from: z.string().openapi({ description: 'Start: a date (YYYY-MM-DD, in the workspace zone) or an instant with offset' }),
  to: z.string().openapi({ description: 'End (exclusive), same forms' }),
  community: z.string().optional().openapi({ description: 'Our community id, platform:id, or a platform id' }),
};

const route = createRoute({
  method: 'get', path: '/api/v1/metrics', tags: ['analytics'],
  summary: 'Customer groups, the four rates, acquisition, content and conversion figures (metrics.md)',
  request: {
    query: z.object({ ...period, by: z.enum(['day', 'week', 'month']).optional().openapi({ description: 'Answer a series of calendar periods' }) }),
  },
  responses: {
    200: { description: 'The figures', content: { 'application/json': { schema: z.object({}).passthrough() } } },
    400: { description: 'Bad from/to/by/community' },
    404: { description: 'Unknown community' },
  },
});

const productsRoute = createRoute({
  method: 'get', path: '/api/v1/metrics/products', tags: ['analytics'],
  summary: 'Mentions of each product in the period (messages naming it; a message naming two counts for both)',
  request: { query: z.object(period) },
  responses: route.responses,
});

export function registerMetricsRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(route, (c) => answer(c, () => computeMetrics(ctx.database.db, c.req.valid('query'))) as never);
  app.openapi(productsRoute, (c) => answer(c, () => productMentions(ctx.database.db, c.req.valid('query'))) as never);
}
