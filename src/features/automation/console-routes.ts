// Read-only views the web console needs beyond routes.ts: the FAQ knowledge base with its auto-answer share, the
// moderation log (deletes, warnings, mutes, removals, blacklists) with the message that triggered each, and the
// calendar of upcoming playbook runs.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { defineRoute, jsonAnswer, pageQuery } from '../../http/route.js';
import { dateParam, enumParam, intParam } from '../../http/params.js';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Schema } from '../../storage/schema.js';
import { loadRules } from './rules.js';
import { getAction, MODERATION_KINDS, STATUSES } from './actions.js';
import { parseInput } from '../analytics/metrics/service.js';
import { checkPeriod, PERIOD_LIMITS } from '../../domain/time/limits.js';
import { campaignInstant, CronSchedule } from '../../domain/automation/schedule.js';
import { dayBucketerFor } from '../../domain/time/zone.js';
import { loadPlaybookContext } from '../../jobs/context.js';
import { memberOccurrences } from '../../jobs/member-steps.js';
import { Moderation } from './action-answers.js';
import { Faq } from './rule-answers.js';
import { PlaybookCalendar } from './playbook-answers.js';
import { readableCommunities } from '../../domain/auth/read-scope.js';

const DAY = 86_400_000;

const routes = {
  faq: defineRoute(
    { policy: 'read' },
    {
      method: 'get',
      path: '/api/v1/faq',
      tags: ['automation'],
      responses: jsonAnswer(Faq, 'FAQ rules and their entries'),
      summary: 'The FAQ knowledge base of each answering rule, with questions answered automatically vs handed to an operator',
      request: { query: z.object({ days: intParam({ min: 1, max: 365, description: 'Days counted back from now' }).default(7) }) },
    },
  ),
  moderation: defineRoute(
    { policy: 'read' },
    {
      method: 'get',
      path: '/api/v1/moderation',
      tags: ['automation'],
      responses: jsonAnswer(Moderation, 'A page of moderation actions'),
      summary: 'Moderation actions (delete, warn, mute, remove, blacklist) with the message text that triggered each',
      request: {
        query: z.object({
          kind: enumParam(MODERATION_KINDS).optional(),
          rule: z.string().optional(),
          status: enumParam(STATUSES).optional(),
          ...pageQuery(200, 20),
        }),
      },
    },
  ),
  calendar: defineRoute(
    { policy: 'read' },
    {
      method: 'get',
      path: '/api/v1/playbooks/calendar',
      tags: ['automation'],
      responses: jsonAnswer(PlaybookCalendar, 'Runs per local day'),
      summary: 'Upcoming playbook step runs per local day in [from, to) (at most 62 days; only instants after now); nothing is sent',
      request: {
        query: z.object({
          from: dateParam('Start: a date (workspace zone) or an instant with offset'),
          to: dateParam('End (exclusive), at most 62 days after from'),
        }),
      },
    },
  ),
};

/** Every rule with FAQ entries; answered = replies, handed_over = notifications of unanswered questions, over `days`. */
export async function faqView(db: Kysely<Schema>, days: number, now = Date.now()) {
  const { rules } = await loadRules(db);
  const since = now - days * DAY;
  const counts = await db
    .selectFrom('actions')
    .select(['rule', 'kind', (eb) => eb.fn.countAll().as('n')])
    .where('created_at', '>=', since)
    .where('kind', 'in', ['reply', 'notify'])
    .groupBy(['rule', 'kind'])
    .execute();
  const n = (rule: string, kind: string) => Number(counts.find((c) => c.rule === rule && c.kind === kind)?.n ?? 0);
  const out = rules
    .filter((r) => (r.config.faq?.length ?? 0) > 0)
    .map((r) => {
      const answered = n(r.key, 'reply'),
        handed = n(r.key, 'notify');
      return {
        key: r.key,
        description: r.config.description ?? null,
        enabled: r.config.enabled,
        communities: r.config.communities ?? null,
        threshold: r.config.threshold ?? null,
        entries: r.config.faq!.map((e, i) => ({ index: i, question: e.q, keywords: e.keywords ?? [], answer: e.a })),
        answered,
        handed_over: handed,
        answered_share: answered + handed === 0 ? null : answered / (answered + handed),
      };
    });
  const answered = out.reduce((t, r) => t + r.answered, 0),
    handed = out.reduce((t, r) => t + r.handed_over, 0);
  return { days, answered, handed_over: handed, answered_share: answered + handed === 0 ? null : answered / (answered + handed), rules: out };
}

/** Moderation actions, newest first, each with the triggering message's text (null when the event is gone or had none). */
export async function moderationLog(
  db: Kysely<Schema>,
  q: { kind?: string; rule?: string; status?: string; page: number; pageSize: number; within?: readonly number[] },
) {
  const kinds = q.kind ? [q.kind] : [...MODERATION_KINDS];
  let query = db.selectFrom('actions').where('kind', 'in', kinds);
  // An operator's read scope (domain/auth/read-scope.ts): their communities only.
  if (q.within !== undefined) query = query.where('community_id', 'in', q.within.length ? [...q.within] : [-1]);
  if (q.rule) query = query.where('rule', '=', q.rule);
  if (q.status) query = query.where('status', '=', q.status);
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const ids = await query
    .select('id')
    .orderBy('id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const byKind = await db
    .selectFrom('actions')
    .select(['kind', (eb) => eb.fn.countAll().as('n')])
    .where('kind', 'in', [...MODERATION_KINDS])
    .groupBy('kind')
    .execute();
  const items = [];
  for (const { id } of ids) {
    const a = await getAction(db, Number(id));
    let message: string | null = null;
    if (a.event_id !== null) {
      const ev = await db
        .selectFrom('events')
        .select('body')
        .where('platform', '=', a.platform)
        .where('event_id', '=', a.event_id)
        .executeTakeFirst();
      const text = ev ? (JSON.parse(ev.body) as { text?: unknown }).text : undefined;
      message = typeof text === 'string' ? text : null;
    }
    items.push({ ...a, message_text: message });
  }
  return {
    total: Number(total.n),
    page: q.page,
    page_size: q.pageSize,
    by_kind: Object.fromEntries(MODERATION_KINDS.map((k) => [k, Number(byKind.find((c) => c.kind === k)?.n ?? 0)])) as Record<
      (typeof MODERATION_KINDS)[number],
      number
    >,
    items,
  };
}

interface CalendarRun {
  playbook: string;
  step: string;
  to: 'community' | 'member';
  first_at: string;
  count: number;
  send: string | null;
}

/** Each day of [from, to) with the step runs due that day: community steps once per occurrence (count = communities), per-member steps counted per member. */
export async function playbookCalendar(db: Kysely<Schema>, q: { from: string; to: string }, now = Date.now()) {
  const ctx = await loadPlaybookContext(db, now);
  const from = parseInput(q.from, ctx.timezone, 'from'),
    to = parseInput(q.to, ctx.timezone, 'to');
  checkPeriod(from, to, PERIOD_LIMITS.calendar);
  const dayOf = (ms: number) => String(dayBucketerFor(ctx.timezone).dayOf(ms)).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
  const days = new Map<string, Map<string, CalendarRun>>();
  const add = (at: number, playbook: string, step: string, target: CalendarRun['to'], n: number, send: string | null) => {
    const day = dayOf(at);
    if (!days.has(day)) days.set(day, new Map());
    const runs = days.get(day)!,
      k = `${playbook}/${step}`;
    const r = runs.get(k);
    if (r) {
      r.count += n;
      if (at < Date.parse(r.first_at)) r.first_at = new Date(at).toISOString();
    } else runs.set(k, { playbook, step, to: target, first_at: new Date(at).toISOString(), count: n, send });
  };
  const start = Math.max(from, now);
  for (const p of ctx.config.playbooks) {
    if (!p.enabled || start >= to) continue;
    const communities = ctx.communitiesOf(p).length;
    for (const s of p.steps) {
      const send = s.send ?? null;
      if (s.cron !== undefined) {
        const cron = new CronSchedule(s.cron, ctx.timezone);
        // Every minute of 62 days is the most a cron can fire; the cap only guards the loop.
        for (let t = cron.next(start - 1), n = 0; t !== null && t < to && n < 100_000; t = cron.next(t), n++)
          add(t, p.key, s.key, 'community', communities, send);
      } else if (s.afterCampaign) {
        const at = campaignInstant(ctx.timezone, ctx.config.campaigns[s.afterCampaign.campaign]!, s.afterCampaign.days, s.afterCampaign.at);
        if (at >= start && at < to) add(at, p.key, s.key, 'community', communities, send);
      } else {
        for await (const page of memberOccurrences(db, ctx, p, s, start, to))
          for (const x of page) if (x.at < to) add(x.at, p.key, s.key, 'member', 1, send);
      }
    }
  }
  return {
    timezone: ctx.timezone,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    at: new Date(now).toISOString(),
    days: [...days.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, runs]) => ({ date, runs: [...runs.values()].sort((a, b) => (a.first_at < b.first_at ? -1 : 1)) })),
  };
}

export function registerAutomationConsoleRoutes(app: OpenAPIHono, ctx: AppContext): void {
  const db = ctx.database.db;
  app.openapi(routes.faq, async (c) => c.json(await faqView(db, c.req.valid('query').days), 200));
  app.openapi(routes.moderation, async (c) => {
    const q = c.req.valid('query');
    const within = readableCommunities(c.get('principal')!) ?? undefined;
    return c.json(await moderationLog(db, { ...q, pageSize: q.page_size, within }), 200);
  });
  app.openapi(routes.calendar, async (c) => c.json(await playbookCalendar(db, c.req.valid('query')), 200));
}
