// GET /api/v1/communities/health: size vs capacity, daily active ratio, weekly trend and a verdict per community.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.js';
import { defineRoute, jsonAnswer } from '../../../http/route.js';
import { maxStaleMs } from '../../../http/cache-control.js';
import { dateParam } from '../../../http/params.js';
import { ACTIVITY_VERDICTS, SIZE_VERDICTS, TREND_VERDICTS } from '../../../domain/metrics/health.js';
import { readableOnly } from '../../communities/read-access.js';

const instant = (description: string) => z.string().openapi({ description: `${description}, in the workspace zone (ISO with offset)` });
const rate = (description: string) =>
  z
    .number()
    .nullable()
    .openapi({ description: `${description}; null when nobody was present at the start` });

const CommunityHealth = z
  .object({
    community: z.object({ id: z.number().int(), platform: z.string(), external_id: z.string(), name: z.string().nullable() }),
    members: z.number().int().openapi({ description: 'Members present at `at`' }),
    capacity: z.number().int().openapi({ description: 'From the blueprint; 200 when it gives none' }),
    fill: z.number().openapi({ description: 'members / capacity' }),
    daily_active_members: z.number().openapi({ description: 'Mean active members a day over the 7 days before `at`' }),
    daily_active_ratio: z.number().nullable().openapi({ description: 'daily_active_members / members (healthy: 10–15%); null without members' }),
    weeks: z
      .array(
        z.object({
          from: instant('Week start'),
          to: instant('Week end (exclusive)'),
          joiners: z.number().int(),
          churned: z.number().int(),
          growth: rate('joiners / present at the start'),
          churn: rate('churned / present at the start'),
        }),
      )
      .openapi({ description: 'The 4 weeks before `at`, oldest first' }),
    verdict: z.object({
      status: z.enum(['healthy', 'watch', 'unhealthy']).openapi({ description: 'healthy: no issue; watch: one; unhealthy: more' }),
      size: z.enum(SIZE_VERDICTS),
      activity: z.enum(ACTIVITY_VERDICTS),
      trend: z.enum(TREND_VERDICTS).openapi({ description: 'From the last two weeks' }),
      zh: z.string(),
      en: z.string(),
    }),
  })
  .openapi('CommunityHealth');

const CommunitiesHealth = z
  .object({
    at: instant('The instant asked about'),
    timezone: z.string(),
    communities: z.array(CommunityHealth),
  })
  .openapi('CommunitiesHealth');

const route = defineRoute(
  { policy: 'read' },
  {
    method: 'get',
    path: '/api/v1/communities/health',
    tags: ['analytics'],
    summary: 'Community health: members vs capacity, daily active ratio (healthy 10–15%), growth and churn by week, verdict',
    request: { query: z.object({ at: dateParam('As of this date (workspace zone) or instant; default now').optional() }) },
    responses: jsonAnswer(CommunitiesHealth, 'Health of every community'),
  },
);

export function registerHealthRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(route, async (c) => {
    const h = await ctx.compute('health', c.req.valid('query'), { maxStaleMs: maxStaleMs(c) });
    // An operator sees the health of their communities only.
    return c.json({ ...h, communities: readableOnly(c.get('principal')!, h.communities, (x) => x.community.id) }, 200);
  });
}
