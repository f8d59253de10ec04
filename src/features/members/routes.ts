// GET /api/v1/members (paged, filtered), GET /api/v1/members/{id}, and POST /api/v1/members/{id}/tags. Reads follow
// the caller's read scope and phone permission (domain/auth/read-scope.ts): an operator sees only members of their
// communities (others: 404), and phones are masked (138****5678) for anyone without `pii`.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../domain/errors.js';
import type { Principal } from '../../domain/auth/roles.js';
import { readableCommunities, seesFullPhones } from '../../domain/auth/read-scope.js';
import { readableCommunityRef, readableMemberId } from '../communities/read-access.js';
import { defineRoute, jsonAnswer, jsonBody, pageQuery } from '../../http/route.js';
import { boolParam, enumParam, idParam, intParam, refParam } from '../../http/params.js';
import { changeTags, memberDetail, memberList, type MemberView } from './service.js';
import { classify } from './classified.js';
import { TIERS } from '../../domain/events/types.js';
import { Group, Member, MemberPage, MemberTags, RfmSegment, Role } from './schemas.js';
import { registerPiplRoutes } from './pipl-routes.js';

const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((t) => !/[\u0000-\u001f,]/.test(t), 'a tag has no commas or control characters');

const listQuery = z.object({
  community: refParam().optional(),
  present: boolParam('Only members currently in the community (or in any)').optional(),
  tag: z.string().optional(),
  channel: z.string().optional().openapi({ description: 'First-join channel key; "(none)" for none' }),
  q: z.string().max(200).optional().openapi({ description: 'Text search in name and phone (a whole phone number only, without `pii`)' }),
  tier: enumParam(TIERS, 'Members with a paid order of this tier').optional(),
  group: Group.optional().openapi({ description: 'Customer group now (docs/spec/metrics.md), in the community or the workspace' }),
  role: Role.optional().openapi({ description: 'Community role now (in the community, or in any)' }),
  rfm: RfmSegment.optional(),
  ...pageQuery(),
});
const memberId = z.object({ id: idParam('Our member id') });

const listRoute = defineRoute(
  { policy: 'read' },
  {
    method: 'get',
    path: '/api/v1/members',
    tags: ['members'],
    summary: 'List members, newest first (an operator: members of their communities; phones masked without pii)',
    request: { query: listQuery },
    responses: jsonAnswer(MemberPage, 'A page of members'),
  },
);

const tagsRoute = defineRoute(
  { policy: 'operate', audit: 'member.tags', scope: 'member', errors: [415] },
  {
    method: 'post',
    path: '/api/v1/members/{id}/tags',
    tags: ['members'],
    summary: 'Add or remove tags (recorded as a member.profile event)',
    request: {
      params: memberId,
      body: jsonBody(
        z
          .object({
            add: z.array(tagSchema).max(50).optional(),
            remove: z.array(tagSchema).max(50).optional(),
          })
          .refine((b) => (b.add?.length ?? 0) + (b.remove?.length ?? 0) > 0, 'add or remove at least one tag'),
      ),
    },
    responses: jsonAnswer(MemberTags, 'The tags now'),
  },
);

const showRoute = defineRoute(
  { policy: 'read' },
  {
    method: 'get',
    path: '/api/v1/members/{id}',
    tags: ['members'],
    summary: 'One member: identities, profile, memberships, orders, check-ins, timeline (404 for an operator outside their communities)',
    request: {
      params: memberId,
      query: z.object({
        timeline_limit: intParam({ min: 0, max: 1000, description: 'Latest events in the timeline' }).default(100),
      }),
    },
    responses: jsonAnswer(Member, 'The member (followed to the member it was merged into)'),
  },
);

const viewOf = (p: Principal): MemberView => ({ fullPhones: seesFullPhones(p), within: readableCommunities(p) });

export function registerMemberRoutes(app: OpenAPIHono, ctx: AppContext): void {
  registerPiplRoutes(app, ctx);
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const p = c.get('principal')!;
    const view = viewOf(p);
    // An unknown community is a NotFoundError (404), an ambiguous one an AmbiguousError (400), another's a 403.
    const community = q.community === undefined ? undefined : await readableCommunityRef(ctx.database.db, p, q.community);
    const { timezone } = await ctx.settings();
    const classes = q.group || q.role || q.rfm ? await classify(ctx.database.db, q.community, { group: q.group, role: q.role, rfm: q.rfm }) : null;
    const page = await memberList(
      ctx.database.db,
      {
        community,
        present: q.present === true,
        tag: q.tag,
        channel: q.channel,
        q: q.q,
        tier: q.tier,
        page: q.page,
        pageSize: q.page_size,
        only: classes ? [...classes.keys()] : undefined,
        within: view.within ?? undefined,
        phoneWhole: !view.fullPhones,
      },
      timezone,
      view,
    );
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
    return c.json(await changeTags(await ctx.ingestContext(), id, b.add ?? [], b.remove ?? []), 200);
  });

  app.openapi(showRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { timeline_limit } = c.req.valid('query');
    const { timezone } = await ctx.settings();
    const p = c.get('principal')!;
    // Outside an operator's communities the member is "not found", as an unknown id is.
    await readableMemberId(ctx.database.db, p, id);
    const m = await memberDetail(ctx.database.db, id, timezone, timeline_limit, viewOf(p));
    if (!m) throw new NotFoundError(`member ${id} not found`);
    return c.json(m, 200);
  });
}
