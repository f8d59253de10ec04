// GET /api/v1/cohorts: retention by week or month of first join.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.js';
import { defineRoute, jsonAnswer } from '../../../http/route.js';
import { maxStaleMs } from '../../../http/cache-control.js';
import { dateParam, enumParam, refParam } from '../../../http/params.js';
import { figuresQuery } from '../../communities/read-access.js';

const instant = (description: string) => z.string().openapi({ description: `${description}, in the workspace zone (ISO with offset)` });
const share = (of: string) =>
  z
    .number()
    .nullable()
    .openapi({ description: `${of} / cohort size; null for an empty cohort` });

const Cohorts = z
  .object({
    by: z.enum(['week', 'month']),
    from: instant('Start asked for'),
    to: instant('End asked for (exclusive)'),
    timezone: z.string(),
    community: z.number().int().nullable().openapi({ description: 'Our community id, or null for the workspace' }),
    cohorts: z
      .array(
        z.object({
          start: instant('Start of the period of first join'),
          size: z.number().int().openapi({ description: 'Members whose first join falls in the period' }),
          periods: z
            .array(
              z.object({
                index: z.number().int().openapi({ description: 'Periods since the cohort’s own (0 = its own)' }),
                start: instant('Period start'),
                end: instant('Period end (exclusive)'),
                present: z.number().int().openapi({ description: 'Cohort members present at the period’s end' }),
                active: z.number().int().openapi({ description: 'Cohort members active in the period' }),
                present_share: share('present'),
                active_share: share('active'),
              }),
            )
            .openapi({ description: 'The cohort’s period and every later one up to `to`' }),
        }),
      )
      .openapi({ description: 'One cohort per week or month overlapping [from, to), clipped to it' }),
  })
  .openapi('Cohorts');

const route = defineRoute(
  { policy: 'read' },
  {
    method: 'get',
    path: '/api/v1/cohorts',
    tags: ['analytics'],
    summary: 'Cohort retention: by week or month of first join, the share still present and the share active in each later period',
    request: {
      query: z.object({
        from: dateParam('Start: a date (YYYY-MM-DD, in the workspace zone) or an instant with offset'),
        to: dateParam('End (exclusive), same forms'),
        by: enumParam(['week', 'month']).default('week'),
        community: refParam().optional(),
      }),
    },
    responses: jsonAnswer(Cohorts, 'Cohorts'),
  },
);

export function registerCohortRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(route, async (c) =>
    c.json(
      await ctx.compute('cohorts', await figuresQuery(ctx.database.db, c.get('principal')!, c.req.valid('query')), { maxStaleMs: maxStaleMs(c) }),
      200,
    ),
  );
}
