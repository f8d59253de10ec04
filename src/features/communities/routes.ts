// GET /api/v1/communities (with current member counts and blueprints; an operator's own only), one community, and
// its blueprint edit.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { defineRoute, jsonAnswer, jsonBody } from '../../http/route.js';
import { refParam } from '../../http/params.js';
import { blueprintSchema } from '../../config/workspace-file.js';
import { listCommunities, resolveCommunityRef } from './repository.js';
import { readableCommunityRef } from './read-access.js';
import { readableCommunities } from '../../domain/auth/read-scope.js';

const ref = z.object({ ref: refParam('Our community id (or id:N), platform:id, or a platform id one platform uses') });

const about = 'How the community is run (qunyun.yaml `communities:` without key, platform and name)';
// Sent, capacity may be left out (200); stored and answered, it is always there.
const BlueprintInput = blueprintSchema.openapi('BlueprintInput', { description: about });
const Blueprint = blueprintSchema.extend({ capacity: z.number().int().positive() }).openapi('Blueprint', { description: about });

const Community = z
  .object({
    id: z.number().int().openapi({ description: 'Our community id' }),
    platform: z.string(),
    external_id: z.string().openapi({ description: "The platform's id of the group" }),
    name: z.string().nullable().openapi({ description: 'The name in qunyun.yaml, else the latest name the platform reported' }),
    owner: z.string().nullable().openapi({ description: 'The platform id of the group owner, as last reported' }),
    admins: z.array(z.string()).openapi({ description: 'Platform ids of the admins, as last reported' }),
    members: z.number().int().openapi({ description: 'Members present now' }),
    capacity: z.number().int().nullable().openapi({ description: "The blueprint's capacity; null without a blueprint" }),
    blueprint: Blueprint.nullable(),
  })
  .openapi('Community');

const routes = {
  list: defineRoute(
    { policy: 'read' },
    {
      method: 'get',
      path: '/api/v1/communities',
      tags: ['communities'],
      summary: 'Communities with current member counts (an operator: theirs only)',
      responses: jsonAnswer(z.object({ items: z.array(Community) }).openapi('CommunityList'), 'Communities'),
    },
  ),
  show: defineRoute(
    { policy: 'read' },
    {
      method: 'get',
      path: '/api/v1/communities/{ref}',
      tags: ['communities'],
      summary: 'One community with its blueprint (403 for an operator when it is not theirs)',
      request: { params: ref },
      responses: jsonAnswer(Community),
    },
  ),
  blueprint: defineRoute(
    { policy: 'operate', audit: 'community.blueprint', scope: 'community', errors: [415] },
    {
      method: 'put',
      path: '/api/v1/communities/{ref}/blueprint',
      tags: ['communities'],
      summary: 'Replace the blueprint (validated like qunyun.yaml; a later `qunyun apply` of a file listing the community replaces it again)',
      request: { params: ref, body: jsonBody(z.object({ blueprint: BlueprintInput })) },
      responses: jsonAnswer(z.object({ blueprint: Blueprint }).openapi('BlueprintAnswer'), 'The blueprint now'),
    },
  ),
};

export function registerCommunityRoutes(app: OpenAPIHono, ctx: AppContext): void {
  const db = ctx.database.db;
  app.openapi(routes.list, async (c) => {
    const mine = readableCommunities(c.get('principal')!);
    const all = await listCommunities(db);
    return c.json({ items: mine === null ? all : all.filter((x) => mine.includes(x.id)) }, 200);
  });

  // An unknown ref is a NotFoundError (404), one that fits several communities an AmbiguousError (400).
  app.openapi(routes.show, async (c) => {
    const id = await readableCommunityRef(db, c.get('principal')!, c.req.valid('param').ref);
    return c.json((await listCommunities(db, id))[0]!, 200);
  });

  app.openapi(routes.blueprint, async (c) => {
    const id = await resolveCommunityRef(db, c.req.valid('param').ref);
    const { blueprint } = c.req.valid('json');
    await db
      .updateTable('communities')
      .set({ blueprint: JSON.stringify(blueprint) })
      .where('id', '=', id)
      .execute();
    return c.json({ blueprint }, 200);
  });
}
