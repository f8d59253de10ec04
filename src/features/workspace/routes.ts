// The workspace over HTTP: its settings (read by all, changed by owners) with its products and channels.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { JSON_OK, jsonBody } from '../../http/openapi.js';
import { takeWriterLock } from '../../storage/locks.js';
import type { AppContext } from '../../context.js';
import { isValidTimezone } from '../../domain/time/zone.js';
import { loadSettings, saveSettings } from './settings.js';
import { afterSettingsChange } from './apply.js';


const routes = {
  show: createRoute({ method: 'get', path: '/api/v1/workspace', tags: ['workspace'], summary: 'Settings, products and channels', responses: JSON_OK }),
  update: createRoute({
    method: 'put', path: '/api/v1/workspace', tags: ['workspace'], responses: JSON_OK,
    summary: 'Change the name, time zone or the dormant (D) and new-customer (N) days; the dashboard cache is dropped when figures change',
    request: { body: jsonBody(z.strictObject({
      name: z.string().trim().min(1).max(100).optional(),
      timezone: z.string().refine(isValidTimezone, 'not a known IANA time zone (e.g. Asia/Shanghai)').optional(),
      dormantDays: z.number().int().min(1).max(3650).optional(),
      newCustomerDays: z.number().int().min(1).max(3650).optional(),
    })) },
  }),
};

export function registerWorkspaceRoutes(app: OpenAPIHono, ctx: AppContext): void {
  const db = ctx.database.db;
  const show = async () => {
    const s = await loadSettings(db);
    const demo = await db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst();
    const products = (await db.selectFrom('products').selectAll().orderBy('key').execute())
      .map((p) => ({ key: p.key, name: p.name, aliases: JSON.parse(p.aliases) as string[], tier: p.tier, price: Number(p.price) }));
    const channels = (await db.selectFrom('channels').selectAll().orderBy('key').execute()).map((c) => ({ key: c.key, name: c.name, cost: Number(c.cost) }));
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
