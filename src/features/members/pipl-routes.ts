// PIPL requests over HTTP, for owners: GET /api/v1/members/{id}/data-export (everything we hold about the person)
// and POST /api/v1/members/{id}/erase (their personal data replaced by tombstones; figures unchanged). Both are
// in the audit log. The same as `qunyun member export|erase` (docs/privacy.md).
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { defineRoute, jsonAnswer } from '../../http/route.js';
import { eraseMember, resolveMemberRef } from './erase.js';
import { memberDataExport } from './data-export.js';
import { idParam } from '../../http/params.js';

const memberId = z.object({ id: idParam('Our member id (a merged id is followed)') });

const Erasure = z
  .object({
    member: z.number().int().openapi({ description: 'The member erased (after following a merge)' }),
    identities: z.array(z.object({ platform: z.string(), id: z.string() })).openapi({ description: 'Their identities, now marked erased' }),
    events: z.number().int().openapi({ description: 'Ledger events whose personal fields were blanked now (0 when already erased)' }),
    actions: z.number().int().openapi({ description: 'Automation actions about them whose texts were blanked' }),
    erased_at: z.number().int().openapi({ description: 'When (milliseconds since the epoch)' }),
  })
  .openapi('Erasure');

const DataExport = z
  .object({
    exported_at: z.string(),
    member: z.object({ id: z.number().int() }).passthrough(),
  })
  .passthrough()
  .openapi('MemberDataExport', {
    description:
      'Profile, identities, tags, memberships and spans, orders and refunds, every ledger event, actions, blacklist, strikes, erasure marks',
  });

const exportRoute = defineRoute(
  { policy: 'owner', audit: 'member.data_export' },
  {
    method: 'get',
    path: '/api/v1/members/{id}/data-export',
    tags: ['members'],
    summary: 'Everything held about one person, as JSON (PIPL access request)',
    request: { params: memberId },
    responses: jsonAnswer(DataExport, 'The document'),
  },
);

const eraseRoute = defineRoute(
  { policy: 'owner', audit: 'member.erase' },
  {
    method: 'post',
    path: '/api/v1/members/{id}/erase',
    tags: ['members'],
    summary: "Erase one person's personal data (PIPL): names, phone, attributes, tags and message texts become tombstones; figures stay",
    request: { params: memberId },
    responses: jsonAnswer(Erasure, 'What was erased'),
  },
);

export function registerPiplRoutes(app: OpenAPIHono, ctx: AppContext): void {
  const db = ctx.database.db;
  app.openapi(exportRoute, async (c) => {
    const id = await resolveMemberRef(db, String(c.req.valid('param').id));
    const { timezone } = await ctx.settings();
    return c.json(await memberDataExport(db, id, timezone), 200);
  });
  app.openapi(eraseRoute, async (c) => {
    const id = await resolveMemberRef(db, String(c.req.valid('param').id));
    return c.json(await eraseMember(db, id), 200);
  });
}
