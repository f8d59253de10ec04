// GET /api/v1/rfm (segment summary) and GET /api/v1/rfm/members (scored members, by segment).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.js';
import { rfmMembers, rfmSummary } from './service.js';
import { answer } from '../metrics/answer.js';

const common = {
  at: z.string().optional().openapi({ description: 'As of this date (workspace zone) or instant; default now' }),
  community: z.string().optional().openapi({ description: 'Only orders of this community' }),
};
const ok = { 200: { description: 'RFM', content: { 'application/json': { schema: z.object({}).passthrough() } } }, 400: { description: 'Bad parameter' } };
const summary = createRoute({ method: 'get', path: '/api/v1/rfm', tags: ['analytics'], summary: 'RFM segments of paying members', request: { query: z.object(common) }, responses: ok });
const members = createRoute({
  method: 'get', path: '/api/v1/rfm/members', tags: ['analytics'], summary: 'Paying members with R, F, M and scores (by net paid, largest first)',
  request: { query: z.object({ ...common, segment: z.string().optional(), page: z.coerce.number().int().min(1).default(1), page_size: z.coerce.number().int().min(1).max(500).default(50) }) },
  responses: ok,
});

export function registerRfmRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(summary, (c) => answer(c, () => rfmSummary(ctx.database.db, c.req.valid('query'))) as never);
  app.openapi(members, (c) => {
    const q = c.req.valid('query');
    return answer(c, () => rfmMembers(ctx.database.db, { ...q, pageSize: q.page_size })) as never;
  });
}
