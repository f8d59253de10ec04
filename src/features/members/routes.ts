// GET /api/v1/members (paged, filtered) and GET /api/v1/members/:id.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { errorJson } from '../../http/errors.js';
import { AmbiguousError, NotFoundError, resolveCommunityRef } from '../communities/repository.js';
import { memberDetail, memberList } from './service.js';

const listQuery = z.object({
  community: z.string().optional().openapi({ description: 'Our community id, platform:id, or a platform id' }),
  present: z.enum(['true', 'false']).optional().openapi({ description: 'Only members currently in the community (or in any)' }),
  tag: z.string().optional(),
  channel: z.string().optional().openapi({ description: 'First-join channel key; "(none)" for none' }),
  q: z.string().max(200).optional().openapi({ description: 'Text search in name and phone' }),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(50),
});

const listRoute = createRoute({
  method: 'get', path: '/api/v1/members', tags: ['members'], summary: 'List members',
  request: { query: listQuery },
  responses: { 200: { description: 'A page of members', content: { 'application/json': { schema: z.object({}).passthrough() } } }, 400: { description: 'Bad query' } },
});

const showRoute = createRoute({
  method: 'get', path: '/api/v1/members/{id}', tags: ['members'], summary: 'One member: identities, profile, memberships, orders, check-ins, timeline',
  request: {
    params: z.object({ id: z.coerce.number().int().positive() }),
    query: z.object({ timeline_limit: z.coerce.number().int().min(0).max(1000).default(100) }),
  },
  responses: { 200: { description: 'The member', content: { 'application/json': { schema: z.object({}).passthrough() } } }, 404: { description: 'Unknown member' } },
});

export function registerMemberRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    let community: number | undefined;
    if (q.community !== undefined) {
      try {
        community = await resolveCommunityRef(ctx.database.db, q.community);
      } catch (err) {
        if (err instanceof NotFoundError) return errorJson(c, 404, 'not_found', err.message);
        if (err instanceof AmbiguousError) return errorJson(c, 400, 'ambiguous', err.message);
        throw err;
      }
    }
    const { timezone } = await ctx.settings();
    const page = await memberList(ctx.database.db, {
      community, present: q.present === 'true', tag: q.tag, channel: q.channel, q: q.q, page: q.page, pageSize: q.page_size,
    }, timezone);
    return c.json(page, 200);
  });

  app.openapi(showRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { timeline_limit } = c.req.valid('query');
    const { timezone } = await ctx.settings();
    const m = await memberDetail(ctx.database.db, id, timezone, timeline_limit);
    if (!m) return errorJson(c, 404, 'not_found', `member ${id} not found`);
    return c.json(m, 200);
  });
}
