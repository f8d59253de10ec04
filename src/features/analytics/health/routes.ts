// GET /api/v1/communities/health: size vs capacity, daily active ratio, weekly trend and a verdict per community.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.js';
import { answer } from '../metrics/answer.js';
import { communityHealth } from './service.js';

const route = createRoute({
  method: 'get', path: '/api/v1/communities/health', tags: ['analytics'],
  summary: 'Community health: members vs capacity, daily active ratio (healthy 10–15%), growth and churn by week, verdict',
  request: { query: z.object({ at: z.string().optional() }) },
  responses: { 200: { description: 'Health', content: { 'application/json': { schema: z.object({}).passthrough() } } }, 400: { description: 'Bad parameter' } },
});

export function registerHealthRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(route, (c) => answer(c, () => communityHealth(ctx.database.db, c.req.valid('query'))) as never);
}
