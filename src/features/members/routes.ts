// GET /api/v1/members (paged, filtered) and GET /api/v1/members/:id.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { errorJson } from '../../http/errors.js';
import { AmbiguousError, NotFoundError, resolveCommunityRef } from '../communities/repository.js';
import { changeTags, memberDetail, memberList } from './service.js';
import { classify } from './classified.js';
import { ROLES, type RoleKey } from '../../domain/metrics/roles.js';
import { RFM_SEGMENTS, type RfmSegmentKey } from '../../domain/metrics/rfm.js';
import { TIERS } from '../../domain/events/types.js';

const tagSchema = z.string().trim().min(1).max(64).refine((t) => !/[\u0000-\u001f,]/.test(t), 'a tag has no commas or control characters');

const listQuery = z.object({
  community: z.string().optional().openapi({ description: 'Our community id, platform:id, or a platform id' }),
  present: z.enum(['true', 'false']).optional().openapi({ description: 'Only members currently in the community (or in any)' }),
  tag: z.string().optional(),
  channel: z.string().optional().openapi({ description: 'First-join channel key; "(none)" for none' }),
  q: z.string().max(200).optional().openapi({ description: 'Text search in name and phone' }),
  tier: z.enum(TIERS).optional().openapi({ description: 'Members with a paid order of this tier' }),
  group: z.enum(['potential', 'new', 'core', 'dormant']).optional().openapi({ description: 'Customer group now (metrics.md), in the community or the workspace' }),
  role: z.enum(ROLES.map((r) => r.key) as [RoleKey, ...RoleKey[]]).optional().openapi({ description: 'Community role now (in the community, or in any)' }),
  rfm: z.enum(RFM_SEGMENTS.map((r) => r.key) as [RfmSegmentKey, ...RfmSegmentKey[]]).optional().openapi({ description: 'RFM segment now' }),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(50),
});

const listRoute = createRoute({
  method: 'get', path: '/api/v1/members', tags: ['members'], summary: 'List members',
  request: { query: listQuery },
  responses: { 200: { description: 'A page of members', content: { 'application/json': { schema: z.object({}).passthrough() } } }, 400: { description: 'Bad query' } },
});

const tagsRoute = createRoute({
  method: 'post', path: '/api/v1/members/{id}/tags', tags: ['members'], summary: 'Add or remove tags (recorded as a member.profile event)',
  request: {
    params: z.object({ id: z.coerce.number().int().positive() }),
    body: { required: true, content: { 'application/json': { schema: z.object({
      add: z.array(tagSchema).max(50).optional(), remove: z.array(tagSchema).max(50).optional(),
    }).refine((b) => (b.add?.length ?? 0) + (b.remove?.length ?? 0) > 0, 'add or remove at least one tag') } } },
  },
  responses: { 200: { description: 'The tags now', content: { 'application/json': { schema: z.object({ tags: z.array(z.string()) }) } } }, 404: { description: 'Unknown member' } },
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
    const classes = q.group || q.role || q.rfm ? await classify(ctx.database.db, q.community, { group: q.group, role: q.role, rfm: q.rfm }) : null;
    const page = await memberList(ctx.database.db, {
      community, present: q.present === 'true', tag: q.tag, channel: q.channel, q: q.q, tier: q.tier, page: q.page, pageSize: q.page_size,
      only: classes ? [...classes.keys()] : undefined,
    }, timezone);
    if (!classes) return c.json(page, 200);
    const items = page.items.map((m) => {
      const k = classes.get(m.id);
      return { ...m, groups: k ? [...k.groups] : [], roles: k ? [...k.roles] : [], rfm_segment: k?.rfm ?? null };
    });
    return c.json({ ...page, items }, 200);
  });

  app.openapi(tagsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const b = c.req.valid('json');
    const r = await changeTags(await ctx.ingestContext(), id, b.add ?? [], b.remove ?? []);
    if (!r) return errorJson(c, 404, 'not_found', `member ${id} not found, or has no platform identity to record a profile event under`);
    return c.json(r, 200);
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
