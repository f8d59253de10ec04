// GET /api/v1/engagement: how present members split across engagement levels.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.js';
import { answer } from '../metrics/answer.js';
import { engagementDistribution } from './service.js';

const route = createRoute({
  method: 'get', path: '/api/v1/engagement', tags: ['analytics'],
  summary: 'Engagement levels (silent / quiet / engaged / fan / ultra) of present members, by active days in the 30 days before',
  request: { query: z.object({ at: z.string().optional(), community: z.string().optional() }) },
  responses: { 200: { description: 'Levels', content: { 'application/json': { schema: z.object({}).passthrough() } } }, 400: { description: 'Bad parameter' } },
});

export function registerEngagementRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(route, (c) => answer(c, () => engagementDistribution(ctx.database.db, c.req.valid('query'))) as never);
}
