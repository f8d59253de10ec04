// GET /api/v1/cohorts: retention by week or month of first join.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.js';
import { answer } from '../metrics/answer.js';
import { cohortRetention } from './service.js';

const route = createRoute({
  method: 'get', path: '/api/v1/cohorts', tags: ['analytics'],
  summary: 'Cohort retention: by week or month of first join, the share still present and the share active in each later period',
  request: {
    query: z.object({
      from: z.string(), to: z.string(), by: z.enum(['week', 'month']).default('week'),
      community: z.string().optional(),
    }),
  },
  responses: { 200: { description: 'Cohorts', content: { 'application/json': { schema: z.object({}).passthrough() } } }, 400: { description: 'Bad parameter' } },
});

export function registerCohortRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(route, (c) => answer(c, () => cohortRetention(ctx.database.db, c.req.valid('query'))) as never);
}
