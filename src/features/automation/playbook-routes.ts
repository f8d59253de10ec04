// Playbooks over HTTP: the list (steps, next run, what each did) and a preview of a playbook's next occurrences.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { defineRoute, jsonAnswer } from '../../http/route.js';
import { dateParam } from '../../http/params.js';
import type { AppContext } from '../../context.js';
import { loadSettings } from '../workspace/settings.js';
import { parseInput } from '../analytics/metrics/service.js';
import { listPlaybooks, previewPlaybook } from './playbook-service.js';
import { PlaybookPreview, Playbooks } from './playbook-answers.js';
import { readableMemberIds } from '../communities/read-access.js';

const previewBody = z.object({
  at: z.string().optional().openapi({ description: 'preview as of this instant or date (default now)' }),
  days: z.number().int().min(1).max(90).optional().openapi({ description: 'per-member steps: occurrences within this many days (default 7)' }),
  limit: z.number().int().min(0).max(1000).optional().openapi({ description: 'recipients listed per step (default 50)' }),
});

const routes = {
  list: defineRoute(
    { policy: 'read' },
    {
      method: 'get',
      path: '/api/v1/playbooks',
      tags: ['automation'],
      summary: 'Playbooks: steps, next run, sent / queued / skipped',
      request: {
        query: z.object({ at: dateParam('As of this date (workspace zone) or instant; default now').optional() }),
      },
      responses: jsonAnswer(Playbooks, 'The playbooks'),
    },
  ),
  preview: defineRoute(
    { policy: 'read', errors: [415] },
    {
      method: 'post',
      path: '/api/v1/playbooks/{key}/preview',
      tags: ['automation'],
      summary: 'Whom the next occurrence of each step would reach, and the text; nothing is sent',
      request: {
        params: z.object({ key: z.string().openapi({ description: 'The playbook’s key' }) }),
        body: { required: false, content: { 'application/json': { schema: previewBody } } },
      },
      responses: jsonAnswer(PlaybookPreview, 'The next occurrences, step by step'),
    },
  ),
};

export function registerPlaybookRoutes(app: OpenAPIHono, ctx: AppContext): void {
  const db = ctx.database.db;
  const at = async (v: string | undefined) => (v === undefined ? Date.now() : parseInput(v, (await loadSettings(db)).timezone, 'at'));
  app.openapi(routes.list, async (c) => c.json(await listPlaybooks(db, await at(c.req.valid('query').at)), 200));
  app.openapi(routes.preview, async (c) => {
    const b = c.req.valid('json') ?? {};
    const r = await previewPlaybook(db, c.req.valid('param').key, { now: await at(b.at), days: b.days, limit: b.limit });
    // The sends name members: an operator sees those of members in their communities (totals name nobody).
    const p = c.get('principal')!;
    const readable = await readableMemberIds(
      db,
      p,
      r.steps.flatMap((st) => (st.to === 'member' ? st.sends.map((x) => x.member_id) : [])),
    );
    const steps = r.steps.map((st) => (st.to === 'member' ? { ...st, sends: st.sends.filter((x) => readable.has(x.member_id)) } : st));
    return c.json({ ...r, steps }, 200);
  });
}
