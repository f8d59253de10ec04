// GET /api/v1/communities: every community with its current member count and blueprint.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { listCommunities } from './repository.js';

const route = createRoute({
  method: 'get', path: '/api/v1/communities', tags: ['communities'], summary: 'Communities with current member counts',
  responses: { 200: { description: 'Communities', content: { 'application/json': { schema: z.object({ items: z.array(z.object({}).passthrough()) }) } } } },
});

export function registerCommunityRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(route, async (c) => c.json({ items: await listCommunities(ctx.database.db) }, 200));
}
