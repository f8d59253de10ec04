// GET /api/v1/communities (all, with current member counts and blueprints), one community, and its blueprint edit.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { JSON_OK_404, jsonBody } from '../../http/openapi.js';
import type { Context } from 'hono';
import type { AppContext } from '../../context.js';
import { describeIssues, errorJson } from '../../http/errors.js';
import { blueprintSchema } from '../../config/workspace-file.js';
import { AmbiguousError, listCommunities, NotFoundError, resolveCommunityRef } from './repository.js';

const ref = z.object({ ref: z.string().openapi({ description: 'Our community id, platform:id, or a platform id' }) });

const routes = {
  list: createRoute({
    method: 'get', path: '/api/v1/communities', tags: ['communities'], summary: 'Communities with current member counts',
    responses: { 200: { description: 'Communities', content: { 'application/json': { schema: z.object({ items: z.array(z.object({}).passthrough()) }) } } } },
  }),
  show: createRoute({ method: 'get', path: '/api/v1/communities/{ref}', tags: ['communities'], summary: 'One community with its blueprint', request: { params: ref }, responses: JSON_OK_404 }),
  blueprint: createRoute({
    method: 'put', path: '/api/v1/communities/{ref}/blueprint', tags: ['communities'], responses: JSON_OK_404, request: {
      params: ref, body: jsonBody(z.object({ blueprint: z.record(z.string(), z.unknown()) })),
    },
    summary: 'Replace the blueprint (validated like qunyun.yaml; a later `qunyun apply` of a file listing the community replaces it again)',
  }),
};

async function resolve(c: Context, ctx: AppContext, r: string): Promise<number | Response> {
  try {
    return await resolveCommunityRef(ctx.database.db, r);
  } catch (err) {
    if (err instanceof NotFoundError) return errorJson(c, 404, 'not_found', err.message);
    if (err instanceof AmbiguousError) return errorJson(c, 400, 'ambiguous', err.message);
    throw err;
  }
}

export function registerCommunityRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(routes.list, async (c) => c.json({ items: await listCommunities(ctx.database.db) }, 200));

  app.openapi(routes.show, async (c) => {
    const id = await resolve(c, ctx, c.req.valid('param').ref);
    if (typeof id !== 'number') return id as never;
    return c.json((await listCommunities(ctx.database.db, id))[0]!, 200);
  });

  app.openapi(routes.blueprint, async (c) => {
    const id = await resolve(c, ctx, c.req.valid('param').ref);
    if (typeof id !== 'number') return id as never;
    const parsed = blueprintSchema.safeParse(c.req.valid('json').blueprint);
    if (!parsed.success) {
      const problems = describeIssues(parsed.error.issues).map((p) => `blueprint.${p}`);
      return errorJson(c, 400, 'invalid_request', problems.join('; '), problems);
    }
    await ctx.database.db.updateTable('communities').set({ blueprint: JSON.stringify(parsed.data) }).where('id', '=', id).execute();
    return c.json({ blueprint: parsed.data }, 200);
  });
}
