// GET /api/v1/cohorts: retention by week or month of first join.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { errorJson } from '../../http/errors.js';
import { AmbiguousError, NotFoundError } from '../communities/repository.js';
import { MetricsInputError } from '../metrics/service.js';
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
  app.openapi(route, async (c) => {
    try {
      return c.json(await cohortRetention(ctx.database.db, c.req.valid('query')), 200);
    } catch (err) {
      if (err instanceof MetricsInputError || err instanceof AmbiguousError) return errorJson(c, 400, 'invalid_request', err.message);
      if (err instanceof NotFoundError) return errorJson(c, 404, 'not_found', err.message);
      throw err;
    }
  });
}
