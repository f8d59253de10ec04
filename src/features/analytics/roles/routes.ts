// GET /api/v1/roles (role counts in one community) and GET /api/v1/roles/members (members with role and behaviour).
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.js';
import { defineRoute, jsonAnswer, pageQuery } from '../../../http/route.js';
import { maxStaleMs } from '../../../http/cache-control.js';
import { dateParam, refParam } from '../../../http/params.js';
import { ROLES, type RoleKey } from '../../../domain/metrics/roles.js';
import { figuresQuery } from '../../communities/read-access.js';

const common = {
  community: refParam('The community (id or platform:id); required').optional(),
  at: dateParam('As of this date (workspace zone) or instant; default now').optional(),
};

const roleKey = z.enum(ROLES.map((r) => r.key) as [RoleKey, ...RoleKey[]]);
const threshold = z.number().int();
const instant = (description: string) => z.string().openapi({ description: `${description}, in the workspace zone (ISO with offset)` });
const community = z.object({
  id: z.number().int(),
  platform: z.string(),
  external_id: z.string(),
  name: z.string().nullable().openapi({ description: 'Its name in qunyun.yaml, else on the platform' }),
});

const Roles = z
  .object({
    at: instant('The instant asked about'),
    window: z.object({ from: z.string(), to: z.string() }).openapi({ description: 'The behaviour counted: the workspace’s dormantDays before `at`' }),
    timezone: z.string(),
    community,
    members: z.number().int().openapi({ description: 'Members with a role: present at `at`, or removed in the window' }),
    rules: z
      .object({
        expertRepliesReceived: threshold,
        backboneMessages: threshold,
        backboneRepliesReceived: threshold,
        mascotPartners: threshold,
        mascotRepliesGiven: threshold,
        onlookerMessages: threshold,
        onlookerCheckins: threshold,
      })
      .openapi({ description: 'The thresholds the roles are assigned by (docs/metrics.md, "Roles")' }),
    roles: z
      .array(
        z.object({
          key: roleKey,
          name_zh: z.string(),
          name_en: z.string(),
          members: z.number().int(),
          share: z.number().nullable().openapi({ description: 'Share of members; null when there are none' }),
        }),
      )
      .openapi({ description: 'All eight roles, by precedence' }),
  })
  .openapi('Roles');

const RoleMembers = z
  .object({
    at: instant('The instant asked about'),
    community,
    total: z.number().int().openapi({ description: 'Members matching (all pages)' }),
    page: z.number().int(),
    page_size: z.number().int(),
    items: z
      .array(
        z.object({
          member_id: z.number().int(),
          name: z.string().nullable(),
          role: roleKey,
          platform_role: z.enum(['owner', 'admin']).nullable().openapi({ description: 'Owner or admin on the platform, else null' }),
          messages: z.number().int(),
          replies_given: z.number().int().openapi({ description: 'Their messages replying to someone else' }),
          replies_received: z.number().int().openapi({ description: 'Others’ messages replying to theirs' }),
          partners: z.number().int().openapi({ description: 'Distinct members they replied to, were replied to by, mentioned or were mentioned by' }),
          checkins: z.number().int(),
          removals: z.number().int().openapi({ description: 'Times removed from the community in the window' }),
        }),
      )
      .openapi({ description: 'By role precedence, then most messages first' }),
  })
  .openapi('RoleMembers');

const summary = defineRoute(
  { policy: 'read' },
  {
    method: 'get',
    path: '/api/v1/roles',
    tags: ['analytics'],
    request: { query: z.object(common) },
    responses: jsonAnswer(Roles, 'Role counts'),
    summary: 'Seed 003 roles in one community: owner, admin, expert, backbone, mascot, onlooker, lurker, troublemaker',
  },
);
const members = defineRoute(
  { policy: 'read' },
  {
    method: 'get',
    path: '/api/v1/roles/members',
    tags: ['analytics'],
    responses: jsonAnswer(RoleMembers, 'Members with their role'),
    summary: 'Members of one community with their role and the behaviour it was assigned from',
    request: {
      query: z.object({
        ...common,
        role: z.string().optional().openapi({ description: 'Only this role (its key)' }),
        ...pageQuery(),
      }),
    },
  },
);

export function registerRoleRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(summary, async (c) =>
    c.json(
      await ctx.compute('roles', await figuresQuery(ctx.database.db, c.get('principal')!, c.req.valid('query')), { maxStaleMs: maxStaleMs(c) }),
      200,
    ),
  );
  app.openapi(members, async (c) => {
    const q = await figuresQuery(ctx.database.db, c.get('principal')!, c.req.valid('query'));
    return c.json(await ctx.compute('roleMembers', { ...q, pageSize: q.page_size }, { maxStaleMs: maxStaleMs(c) }), 200);
  });
}
