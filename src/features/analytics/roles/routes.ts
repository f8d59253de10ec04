// GET /api/v1/roles (role counts in one community) and GET /api/v1/roles/members (members with role and behaviour).
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../../context.js';
import { answer } from '../metrics/answer.js';
import { roleMembers, rolesSummary } from './service.js';

const common = {
  community: z.string().optional().openapi({ description: 'The community (id or platform:id); required' }),
  at: z.string().optional().openapi({ description: 'As of this date (workspace zone) or instant; default now' }),
};
const ok = { 200: { description: 'Roles', content: { 'application/json': { schema: z.object({}).passthrough() } } }, 400: { description: 'Bad parameter' }, 404: { description: 'Unknown community' } };
const summary = createRoute({
  method: 'get', path: '/api/v1/roles', tags: ['analytics'], request: { query: z.object(common) }, responses: ok,
  summary: 'Seed 003 roles in one community: owner, admin, expert, backbone, mascot, onlooker, lurker, troublemaker',
});
const members = createRoute({
  method: 'get', path: '/api/v1/roles/members', tags: ['analytics'], responses: ok,
  summary: 'Members of one community with their role and the behaviour it was assigned from',
  request: { query: z.object({ ...common, role: z.string().optional(), page: z.coerce.number().int().min(1).default(1), page_size: z.coerce.number().int().min(1).max(500).default(50) }) },
});

export function registerRoleRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(summary, (c) => answer(c, () => rolesSummary(ctx.database.db, c.req.valid('query'))) as never);
  app.openapi(members, (c) => {
    const q = c.req.valid('query');
    return answer(c, () => roleMembers(ctx.database.db, { ...q, pageSize: q.page_size })) as never;
  });
}
