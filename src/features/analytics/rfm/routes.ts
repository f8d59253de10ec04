// GET /api/v1/rfm (segment summary) and GET /api/v1/rfm/members (scored members, by segment).
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.js';
import { defineRoute, jsonAnswer, pageQuery } from '../../../http/route.js';
import { maxStaleMs } from '../../../http/cache-control.js';
import { dateParam, refParam } from '../../../http/params.js';
import { RFM_SEGMENTS } from '../../../domain/metrics/rfm.js';
import { figuresQuery } from '../../communities/read-access.js';

const common = {
  at: dateParam('As of this date (workspace zone) or instant; default now').optional(),
  community: refParam('Only orders of this community').optional(),
};

type RfmKey = (typeof RFM_SEGMENTS)[number]['key'];
const segmentKey = z.enum(RFM_SEGMENTS.map((s) => s.key) as [RfmKey, ...RfmKey[]]);
const at = z.string().openapi({ description: 'The instant asked about, in the workspace zone (ISO with offset)' });
const score = z.number().int().min(1).max(5);

const Rfm = z
  .object({
    at,
    timezone: z.string(),
    community: z.number().int().nullable().openapi({ description: 'Our community id, or null for the workspace' }),
    paying_members: z.number().int().openapi({ description: 'Members with a paid order (not fully refunded) before `at`' }),
    means: z
      .object({ r: z.number(), f: z.number(), m: z.number() })
      .nullable()
      .openapi({ description: 'Mean R, F and M scores the segments split on; null when nobody paid' }),
    segments: z
      .array(
        z.object({
          key: segmentKey,
          name_zh: z.string(),
          name_en: z.string(),
          members: z.number().int(),
          share: z.number().nullable().openapi({ description: 'Share of paying members; null when there are none' }),
          net_paid: z.number().openapi({ description: 'Net amount the segment paid (refunds taken off)' }),
        }),
      )
      .openapi({ description: 'All eight segments, in a fixed order' }),
  })
  .openapi('Rfm');

const RfmMembers = z
  .object({
    at,
    page: z.number().int(),
    page_size: z.number().int(),
    items: z
      .array(
        z.object({
          member_id: z.number().int(),
          name: z.string().nullable(),
          last_paid_at: z.string().openapi({ description: 'Last paid order, in the workspace zone' }),
          recency_days: z.number().openapi({ description: 'Days from the last paid order to `at`' }),
          frequency: z.number().int().openapi({ description: 'Paid orders' }),
          monetary: z.number().openapi({ description: 'Net amount paid' }),
          scores: z.object({ r: score, f: score, m: score }).openapi({ description: 'Quintile scores, 5 best; ties share a score' }),
          segment: segmentKey,
        }),
      )
      .openapi({ description: 'By net amount paid, largest first' }),
  })
  .openapi('RfmMembers');

const summary = defineRoute(
  { policy: 'read' },
  {
    method: 'get',
    path: '/api/v1/rfm',
    tags: ['analytics'],
    summary: 'RFM segments of paying members',
    request: { query: z.object(common) },
    responses: jsonAnswer(Rfm, 'Segments'),
  },
);
const members = defineRoute(
  { policy: 'read' },
  {
    method: 'get',
    path: '/api/v1/rfm/members',
    tags: ['analytics'],
    summary: 'Paying members with R, F, M and scores (by net paid, largest first)',
    request: {
      query: z.object({
        ...common,
        segment: z.string().optional().openapi({ description: 'Only this segment (its key)' }),
        ...pageQuery(),
      }),
    },
    responses: jsonAnswer(RfmMembers, 'Scored members'),
  },
);

export function registerRfmRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(summary, async (c) =>
    c.json(
      await ctx.compute('rfmSummary', await figuresQuery(ctx.database.db, c.get('principal')!, c.req.valid('query')), { maxStaleMs: maxStaleMs(c) }),
      200,
    ),
  );
  app.openapi(members, async (c) => {
    const q = await figuresQuery(ctx.database.db, c.get('principal')!, c.req.valid('query'));
    return c.json(await ctx.compute('rfmMembers', { ...q, pageSize: q.page_size }, { maxStaleMs: maxStaleMs(c) }), 200);
  });
}
