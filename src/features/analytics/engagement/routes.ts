// GET /api/v1/engagement: how present members split across engagement levels.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.js';
import { defineRoute, jsonAnswer } from '../../../http/route.js';
import { maxStaleMs } from '../../../http/cache-control.js';
import { dateParam, refParam } from '../../../http/params.js';
import { ENGAGEMENT_LEVELS } from '../../../domain/metrics/engagement.js';
import { figuresQuery } from '../../communities/read-access.js';

const Engagement = z
  .object({
    at: z.string().openapi({ description: 'The instant asked about, in the workspace zone (ISO with offset)' }),
    window: z.object({ from: z.string(), to: z.string() }).openapi({ description: 'The 30 whole local days counted' }),
    timezone: z.string(),
    community: z.number().int().nullable().openapi({ description: 'Our community id, or null for the workspace' }),
    present_members: z.number().int(),
    levels: z.array(
      z.object({
        key: z.enum(ENGAGEMENT_LEVELS.map((l) => l.key) as [string, ...string[]]),
        name_zh: z.string(),
        active_days: z.tuple([z.number().int(), z.number().int()]).openapi({ description: 'Active days, inclusive range' }),
        members: z.number().int(),
        share: z.number().nullable().openapi({ description: 'Share of present members; null when there are none' }),
      }),
    ),
  })
  .openapi('Engagement');

const route = defineRoute(
  { policy: 'read' },
  {
    method: 'get',
    path: '/api/v1/engagement',
    tags: ['analytics'],
    summary: 'Engagement levels (silent / quiet / engaged / fan / ultra) of present members, by active days in the 30 days before',
    request: {
      query: z.object({ at: dateParam('As of this date (workspace zone) or instant; default now').optional(), community: refParam().optional() }),
    },
    responses: jsonAnswer(Engagement, 'Levels'),
  },
);

export function registerEngagementRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(route, async (c) =>
    c.json(
      await ctx.compute('engagement', await figuresQuery(ctx.database.db, c.get('principal')!, c.req.valid('query')), { maxStaleMs: maxStaleMs(c) }),
      200,
    ),
  );
}
