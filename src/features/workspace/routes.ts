// The workspace over HTTP: its settings (read by all, changed by owners) with its products and channels.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { takeWriterLock } from '../../storage/locks.js';
import type { AppContext } from '../../context.js';
import { TIERS, type Tier } from '../../domain/events/types.js';
import { isValidTimezone } from '../../domain/time/zone.js';
import { defineRoute, jsonAnswer, jsonBody } from '../../http/route.js';
import { loadSettings, saveSettings } from './settings.js';
import { afterSettingsChange } from './apply.js';

const minorUnits = 'in minor units (分 for CNY)';

// Products are written only by `qunyun apply`, which validates the tier; anything else is a damaged row.
function tierOf(t: string): Tier {
  if (!(TIERS as readonly string[]).includes(t)) throw new Error(`products: stored tier ${JSON.stringify(t)} is not one of ${TIERS.join(', ')}`);
  return t as Tier;
}

const Workspace = z
  .object({
    name: z.string(),
    timezone: z.string().openapi({ description: 'IANA time zone: calendar days, periods and shown instants are in it' }),
    dormantDays: z.number().int().openapi({ description: 'D: days without activity after which a member counts as dormant' }),
    newCustomerDays: z.number().int().openapi({ description: 'N: days after a first paid order during which a customer counts as new' }),
    demo: z.boolean().openapi({ description: 'The generated demo workspace is loaded' }),
    products: z.array(
      z
        .object({
          key: z.string(),
          name: z.string(),
          aliases: z.array(z.string()).openapi({ description: 'Other names that count as mentions of the product' }),
          tier: z.enum(TIERS),
          price: z
            .number()
            .int()
            .openapi({ description: `List price, ${minorUnits}` }),
        })
        .openapi('Product'),
    ),
    channels: z.array(
      z
        .object({
          key: z.string(),
          name: z.string(),
          cost: z
            .number()
            .int()
            .openapi({ description: `What the channel costs, ${minorUnits}` }),
        })
        .openapi('Channel'),
    ),
  })
  .openapi('Workspace');

const routes = {
  show: defineRoute(
    { policy: 'read' },
    {
      method: 'get',
      path: '/api/v1/workspace',
      tags: ['workspace'],
      summary: 'Settings, products and channels',
      responses: jsonAnswer(Workspace),
    },
  ),
  update: defineRoute(
    { policy: 'owner', audit: 'workspace.update', errors: [415] },
    {
      method: 'put',
      path: '/api/v1/workspace',
      tags: ['workspace'],
      summary: 'Change the name, time zone or the dormant (D) and new-customer (N) days; the dashboard cache is dropped when figures change',
      request: {
        body: jsonBody(
          z.strictObject({
            name: z.string().trim().min(1).max(100).optional(),
            timezone: z.string().refine(isValidTimezone, 'not a known IANA time zone (e.g. Asia/Shanghai)').optional(),
            dormantDays: z.number().int().min(1).max(3650).optional(),
            newCustomerDays: z.number().int().min(1).max(3650).optional(),
          }),
        ),
      },
      responses: jsonAnswer(Workspace, 'The workspace now'),
    },
  ),
};

export function registerWorkspaceRoutes(app: OpenAPIHono, ctx: AppContext): void {
  const db = ctx.database.db;
  const show = async () => {
    const s = await loadSettings(db);
    const demo = await db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst();
    const products = (await db.selectFrom('products').selectAll().orderBy('key').execute()).map((p) => ({
      key: p.key,
      name: p.name,
      aliases: JSON.parse(p.aliases) as string[],
      tier: tierOf(p.tier),
      price: Number(p.price),
    }));
    const channels = (await db.selectFrom('channels').selectAll().orderBy('key').execute()).map((c) => ({
      key: c.key,
      name: c.name,
      cost: Number(c.cost),
    }));
    return { ...s, demo: demo?.value === 'loaded', products, channels };
  };
  app.openapi(routes.show, async (c) => c.json(await show(), 200));
  app.openapi(routes.update, async (c) => {
    const patch = c.req.valid('json');
    await db.transaction().execute(async (trx) => {
      // The writers' lock: settings change in the same order as ingests see them.
      await takeWriterLock(trx, 'new-version');
      const before = await loadSettings(trx);
      const after = { ...before, ...patch };
      await saveSettings(trx, after);
      await afterSettingsChange(trx, before, after);
    });
    return c.json(await show(), 200);
  });
}
