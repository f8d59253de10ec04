// GET /api/v1/metrics: the dashboard figures of docs/spec/metrics.md ("Output shape"), one period or a series;
// GET /api/v1/metrics/products: the mentions of each product in the period.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.js';
import { defineRoute, jsonAnswer } from '../../../http/route.js';
import { dateParam, enumParam, refParam } from '../../../http/params.js';
import { TIERS } from '../../../domain/events/types.js';
import { maxStaleMs } from '../../../http/cache-control.js';
import { figuresQuery } from '../../communities/read-access.js';

const period = {
  from: dateParam('Start: a date (YYYY-MM-DD, in the workspace zone) or an instant with offset'),
  to: dateParam('End (exclusive), same forms'),
  community: refParam().optional(),
};

const count = z.number().int();
const instant = (description: string) => z.string().openapi({ description: `${description}, in the workspace zone (ISO with offset)` });
const byChannel = (description: string) =>
  z.record(z.string(), count).openapi({ description: `${description} by first-join channel ("(none)": no channel); zero counts may be left out` });
const rate = z.number().nullable();

export const Metrics = z
  .object({
    from: instant('Period start'),
    to: instant('Period end (exclusive)'),
    timezone: z.string(),
    community: z.string().nullable().openapi({ description: 'platform:id of the community, or null for the workspace' }),
    groups: z
      .object({ potential: count, new: count, core: count, dormant: count })
      .openapi({ description: 'Customer groups of the members present at `to` (a partition of them)' }),
    rates: z
      .object({ growth: rate, conversion: rate, churn: rate, reactivation: rate })
      .openapi({ description: 'The four rates of docs/spec/metrics.md; null where the denominator is 0' }),
    acquisition: z.object({
      new_members: count.openapi({ description: 'Members whose first join is in the period' }),
      by_channel: byChannel('New members'),
      fission_new: count.openapi({ description: 'New members who came with an inviter' }),
      fission_by_channel: byChannel('Invited new members'),
      leads_new: count.openapi({ description: 'Members whose first phone number is in the period' }),
      leads_by_channel: byChannel('New leads'),
    }),
    content: z.object({
      messages: count,
      active_members: count,
      product_mentions: count.openapi({ description: 'Messages naming at least one product (a message counts once)' }),
      topics: z.array(z.object({ term: z.string(), count })).openapi({ description: 'The most frequent topic terms, most frequent first' }),
    }),
    conversion: z.object({
      orders: count,
      revenue: z.number(),
      refunds: z.number(),
      first_buyers: count.openapi({ description: 'Members whose first paid order is in the period' }),
      by_channel: byChannel('First buyers'),
      cycle_days_median: z
        .number()
        .nullable()
        .openapi({ description: 'Median days from first join to first purchase of the first buyers; null when none joined' }),
    }),
  })
  .openapi('Metrics');

const MetricsSeries = z
  .object({
    series: z.array(Metrics).openapi({ description: 'One period per calendar day / ISO week / month overlapping [from, to), clipped to it' }),
  })
  .openapi('MetricsSeries');

const ProductMentions = z
  .object({
    from: instant('Period start'),
    to: instant('Period end (exclusive)'),
    timezone: z.string(),
    community: z.string().nullable().openapi({ description: 'The community as given in the query, or null for the workspace' }),
    products: z
      .array(
        z.object({
          key: z.string(),
          name: z.string(),
          tier: z.enum(TIERS),
          mentions: count.openapi({ description: 'Messages naming it (a message naming two products counts for both)' }),
        }),
      )
      .openapi({ description: 'Every product, most mentioned first' }),
  })
  .openapi('ProductMentions');

const route = defineRoute(
  { policy: 'read' },
  {
    method: 'get',
    path: '/api/v1/metrics',
    tags: ['analytics'],
    summary: 'Customer groups, the four rates, acquisition, content and conversion figures (docs/spec/metrics.md)',
    request: {
      query: z.object({ ...period, by: enumParam(['day', 'week', 'month'], 'Answer a series of calendar periods').optional() }),
    },
    responses: jsonAnswer(z.union([Metrics, MetricsSeries]), 'The figures of the period, or { series } with by='),
  },
);

const productsRoute = defineRoute(
  { policy: 'read' },
  {
    method: 'get',
    path: '/api/v1/metrics/products',
    tags: ['analytics'],
    summary: 'Mentions of each product in the period (messages naming it; a message naming two counts for both)',
    request: { query: z.object(period) },
    responses: jsonAnswer(ProductMentions, 'Mentions per product'),
  },
);

export function registerMetricsRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(route, async (c) =>
    c.json(
      await ctx.compute('metrics', await figuresQuery(ctx.database.db, c.get('principal')!, c.req.valid('query')), { maxStaleMs: maxStaleMs(c) }),
      200,
    ),
  );
  app.openapi(productsRoute, async (c) =>
    c.json(
      await ctx.compute('productMentions', await figuresQuery(ctx.database.db, c.get('principal')!, c.req.valid('query')), {
        maxStaleMs: maxStaleMs(c),
      }),
      200,
    ),
  );
}
