// Automation over HTTP: the audit log (actions, undo, retry), the rules (list, toggle, test, dry run) and a
// community's elimination (preview, announce, carry out).
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { defineRoute, jsonAnswer, jsonBody, pageQuery } from '../../http/route.js';
import { enumParam, idParam as actionId, refParam as communityRef } from '../../http/params.js';
import type { AppContext } from '../../context.js';
import { ACTION_KINDS, getAction, listActions, retryAction, STATUSES, undoAction } from './actions.js';
import { dryRun, listRules, testText, toggleRule } from './rules-service.js';
import { announceElimination, eliminationPreview, executeElimination } from './elimination.js';
import { Action, Actions } from './action-answers.js';
import { DryRun, Rules, RuleTest, RuleToggle } from './rule-answers.js';
import { Elimination, EliminationDone } from './elimination-answer.js';
import { readableCommunities, seesFullPhones } from '../../domain/auth/read-scope.js';
import { maskPhone } from '../../domain/privacy/mask.js';
import { NotFoundError } from '../../domain/errors.js';
import { readableCommunityRef, readableMemberIds, readableOnly } from '../communities/read-access.js';

const idParam = z.object({ id: actionId('Our action id') });
const keyParam = z.object({ key: z.string().openapi({ description: 'The rule’s key' }) });
const refParam = z.object({ ref: communityRef() });
const tags = ['automation'];

const routes = {
  list: defineRoute(
    { policy: 'read' },
    {
      method: 'get',
      path: '/api/v1/actions',
      tags,
      summary: 'The audit log: every action, why it happened, where it stands',
      request: {
        query: z.object({
          status: enumParam(STATUSES).optional(),
          rule: z.string().optional(),
          kind: enumParam(ACTION_KINDS).optional(),
          member: actionId('Our member id').optional(),
          ...pageQuery(),
        }),
      },
      responses: jsonAnswer(Actions, 'A page of actions'),
    },
  ),
  show: defineRoute(
    { policy: 'read' },
    {
      method: 'get',
      path: '/api/v1/actions/{id}',
      tags,
      summary: 'One action',
      request: { params: idParam },
      responses: jsonAnswer(Action, 'The action'),
    },
  ),
  undo: defineRoute(
    { policy: 'operate', audit: 'action.undo', scope: 'action' },
    {
      method: 'post',
      path: '/api/v1/actions/{id}/undo',
      tags,
      summary: 'Undo: unmute, lift a blacklist, or cancel a pending action',
      request: { params: idParam },
      responses: jsonAnswer(Action, 'The action, now undone'),
    },
  ),
  retry: defineRoute(
    { policy: 'operate', audit: 'action.retry', scope: 'action' },
    {
      method: 'post',
      path: '/api/v1/actions/{id}/retry',
      tags,
      summary: 'Send a dead action again',
      request: { params: idParam },
      responses: jsonAnswer(Action, 'The action, pending again'),
    },
  ),
  rules: defineRoute(
    { policy: 'read' },
    {
      method: 'get',
      path: '/api/v1/rules',
      tags,
      summary: 'Rules with what each did in the last 7 days',
      responses: jsonAnswer(Rules, 'The rules'),
    },
  ),
  toggle: defineRoute(
    { policy: 'operate', audit: 'rule.toggle', scope: 'rule', errors: [415] },
    {
      method: 'post',
      path: '/api/v1/rules/{key}/toggle',
      tags,
      summary: 'Switch a rule on or off',
      request: { params: keyParam, body: jsonBody(z.object({ enabled: z.boolean() })) },
      responses: jsonAnswer(RuleToggle, 'The rule’s new state'),
    },
  ),
  test: defineRoute(
    { policy: 'read', errors: [415] },
    {
      method: 'post',
      path: '/api/v1/rules/test',
      tags,
      summary: 'What the message rules would do with a text',
      request: {
        body: jsonBody(
          z.object({
            text: z.string().min(1).max(10_000),
            community: z.string().optional().openapi({ description: 'Test as in this community (its key); default: each rule as if it applied' }),
            rule: z.string().optional().openapi({ description: 'Only this rule' }),
          }),
        ),
      },
      responses: jsonAnswer(RuleTest, 'The actions proposed; nothing is sent'),
    },
  ),
  dry: defineRoute(
    { policy: 'read', errors: [415] },
    {
      method: 'post',
      path: '/api/v1/rules/{key}/dry-run',
      tags,
      summary: 'Replay a past period through a rule; nothing is sent',
      request: {
        params: keyParam,
        body: jsonBody(
          z.object({
            from: z.string().openapi({ description: 'Start: a date (workspace zone) or an instant with offset' }),
            to: z.string().openapi({ description: 'End (exclusive)' }),
            sample: z.number().int().min(0).max(1000).optional().openapi({ description: 'Proposals listed (default 50)' }),
          }),
        ),
      },
      responses: jsonAnswer(DryRun, 'What it would have done'),
    },
  ),
  elimination: defineRoute(
    { policy: 'read' },
    {
      method: 'get',
      path: '/api/v1/communities/{ref}/elimination',
      tags,
      summary: 'Elimination preview: who falls short of the blueprint today, who revived, where the notice stands',
      request: { params: refParam },
      responses: jsonAnswer(Elimination, 'The preview'),
    },
  ),
  announce: defineRoute(
    { policy: 'operate', audit: 'elimination.announce', scope: 'community' },
    {
      method: 'post',
      path: '/api/v1/communities/{ref}/elimination/announce',
      tags,
      summary: "Announce today's elimination list in the community (starts the notice)",
      request: { params: refParam },
      responses: jsonAnswer(Elimination, 'The preview, with the notice queued'),
    },
  ),
  execute: defineRoute(
    { policy: 'operate', audit: 'elimination.execute', scope: 'community' },
    {
      method: 'post',
      path: '/api/v1/communities/{ref}/elimination/execute',
      tags,
      summary: 'Remove those still short once the notice has run',
      request: { params: refParam },
      responses: jsonAnswer(EliminationDone, 'The preview, with the removals queued'),
    },
  ),
};

export function registerAutomationRoutes(app: OpenAPIHono, ctx: AppContext): void {
  const db = ctx.database.db;
  app.openapi(routes.list, async (c) => {
    const q = c.req.valid('query');
    const within = readableCommunities(c.get('principal')!) ?? undefined;
    return c.json(await listActions(db, { ...q, pageSize: q.page_size, within }), 200);
  });
  app.openapi(routes.show, async (c) => {
    const { id } = c.req.valid('param');
    const a = await getAction(db, id);
    // Outside an operator's communities an action is "not found", as a member is.
    if (readableOnly(c.get('principal')!, [a], (x) => x.community_id ?? -1).length === 0) throw new NotFoundError(`action ${id} not found`);
    return c.json(a, 200);
  });
  app.openapi(routes.undo, async (c) => c.json(await undoAction(db, c.req.valid('param').id), 200));
  app.openapi(routes.retry, async (c) => c.json(await retryAction(db, c.req.valid('param').id), 200));
  app.openapi(routes.rules, async (c) => c.json(await listRules(db), 200));
  app.openapi(routes.toggle, async (c) => c.json(await toggleRule(db, c.req.valid('param').key, c.req.valid('json').enabled), 200));
  app.openapi(routes.test, async (c) => c.json(await testText(db, c.req.valid('json')), 200));
  app.openapi(routes.dry, async (c) => {
    const p = c.get('principal')!;
    const r = await dryRun(db, { rule: c.req.valid('param').key, ...c.req.valid('json') });
    // Samples name members and quote their messages: an operator's communities only, phone hits masked without pii.
    const readable = await readableMemberIds(
      db,
      p,
      r.samples.map((x) => x.member_id),
    );
    const full = seesFullPhones(p);
    const samples = r.samples
      .filter((x) => readable.has(x.member_id))
      .map((x) => (full ? x : { ...x, hits: x.hits.map((h) => (h.what === 'phone' ? { ...h, matched: maskPhone(h.matched) } : h)) }));
    return c.json({ ...r, samples }, 200);
  });
  app.openapi(routes.elimination, async (c) => {
    const { ref } = c.req.valid('param');
    await readableCommunityRef(db, c.get('principal')!, ref);
    return c.json(await eliminationPreview(db, ref), 200);
  });
  app.openapi(routes.announce, async (c) => c.json(await announceElimination(db, c.req.valid('param').ref), 200));
  app.openapi(routes.execute, async (c) => c.json(await executeElimination(db, c.req.valid('param').ref), 200));
}
