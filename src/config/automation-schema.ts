// The `automation:` section of qunyun.yaml: word lists, escalation ladders and rules (docs/automation.md).
// zod with the OpenAPI extension: routes document these schemas (.openapi), which only instances made after the
// extension has loaded can do.
import { z } from '@hono/zod-openapi';
import { TIERS } from '../domain/events/types.js';
import { cronProblem } from '../domain/automation/schedule.js';
import { CUSTOMER_GROUPS } from '../domain/metrics/customer-groups.js';

const key = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'use letters, digits, _ . : -');
const duration = z.string().regex(/^\d+(s|m|h|d)$/, 'a duration like 30s, 10m, 1h or 7d');

/** One step of a ladder: warn, mute:DURATION, remove or blacklist. */
export const ladderStep = z.union([
  z.enum(['warn', 'remove', 'blacklist']),
  z.string().regex(/^mute:\d+(s|m|h|d)$/, 'a step is warn, mute:DURATION (e.g. mute:1h), remove or blacklist'),
]);

const action = z.union([
  z.enum(['delete', 'strike', 'warn', 'remove', 'blacklist', 'notify', 'answer', 'approve', 'decline']),
  z.strictObject({ send: z.string().min(1).max(4000) }),
  z.strictObject({ reply: z.string().min(1).max(4000) }),
  z.strictObject({ warn: z.string().min(1).max(4000) }),
  z.strictObject({ mute: duration }),
  z.strictObject({ tag: z.string().min(1).max(100) }),
  z.strictObject({ notify: z.string().min(1).max(4000) }),
]);

const match = z.strictObject({
  /** Names of word lists (automation.lists). */
  words: z.array(key).optional(),
  links: z.boolean().optional(),
  phones: z.boolean().optional(),
  wechatIds: z.boolean().optional(),
  /** Message kinds that match by themselves (QR codes arrive as image or card). */
  kinds: z.array(z.enum(['text', 'image', 'link', 'file', 'voice', 'video', 'card', 'other'])).optional(),
  flood: z.strictObject({ messages: z.number().int().min(2).max(1000), seconds: z.number().int().min(1).max(86_400) }).optional(),
});

const faqEntry = z.strictObject({
  q: z.string().min(1).max(500),
  a: z.string().min(1).max(4000),
  keywords: z.array(z.string().min(1)).optional(),
});

export const ruleSchema = z.strictObject({
  key,
  description: z.string().optional(),
  /** contact: a customer added a staff account as a contact (WeCom add_external_contact): a private welcome. */
  /** request: someone asks to join (a Telegram link that needs approval): approve when the gate is met. */
  on: z.enum(['message', 'join', 'leave', 'contact', 'request']),
  /** Community keys this rule applies to; absent = every community. */
  communities: z.array(z.string().min(1)).optional(),
  match: match.optional(),
  /** Only members who joined (the community) less than this many hours before the event. */
  probationHours: z.number().int().positive().optional(),
  actions: z.array(action).min(1),
  ladder: key.optional(),
  /** Joins within this many seconds share one welcome (on: join). */
  batchSeconds: z.number().int().min(0).max(3600).optional(),
  faq: z.array(faqEntry).optional(),
  /** BM25 score below which a question goes to an operator instead (answer). */
  threshold: z.number().positive().optional(),
  /** Request rules: what the requester must have for `actions` (else `otherwise`); every condition given must hold. */
  gate: z
    .strictObject({
      tags: z.array(z.string().min(1)).min(1).optional(),
      products: z.array(z.string().min(1)).min(1).optional(),
      phone: z.boolean().optional(),
    })
    .optional(),
  otherwise: z.array(action).optional(),
  /** Leave rules: only these reasons (quit, removed); absent = both. */
  reasons: z.array(z.enum(['quit', 'removed'])).optional(),
  /** Message rules skip the community's owner and admins unless this is true. */
  includeStaff: z.boolean().optional(),
  enabled: z.boolean().default(true),
});

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time HH:mm, e.g. 09:00');
const relative = z.strictObject({ days: z.number().int().min(0).max(3650), at: clock });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** One step of a playbook: exactly one of cron / afterJoin / afterCampaign / afterStart, and send and/or tag. */
export const playbookStepSchema = z.strictObject({
  key,
  /** 5-field cron in the workspace zone; sent to each community of the playbook. */
  cron: z.string().min(1).max(200).optional(),
  /** To each member (a private message), N local days after their join at HH:mm. */
  afterJoin: relative.optional(),
  /** To each community, N local days (may be negative) after the campaign's start date (automation.campaigns). */
  afterCampaign: z.strictObject({ campaign: key, days: z.number().int().min(-3650).max(3650), at: clock }).optional(),
  /** To each member, N local days after the playbook started for them (on: dormant). */
  afterStart: relative.optional(),
  send: z.string().min(1).max(4000).optional(),
  tag: z.string().min(1).max(100).optional(),
});

export const playbookSchema = z.strictObject({
  key,
  description: z.string().optional(),
  /** dormant: a member turning dormant starts the playbook for them. */
  on: z.enum(['dormant']).optional(),
  /** Community keys (or platform:key); absent = every community. */
  communities: z.array(z.string().min(1)).optional(),
  /** Which members per-member steps go to (tiers: their highest paid tier; groups: docs/spec/metrics.md's groups now). */
  target: z
    .strictObject({
      tags: z.array(z.string().min(1)).min(1).optional(),
      tiers: z.array(z.enum(TIERS)).min(1).optional(),
      groups: z.array(z.enum(CUSTOMER_GROUPS)).min(1).optional(),
    })
    .optional(),
  /** A step reached more than graceMinutes after its time: sent late, or skipped (recorded). */
  missed: z.enum(['late', 'skip']).default('skip'),
  graceMinutes: z.number().int().min(0).max(100_000).default(60),
  /** Extra template variables, e.g. { topic: 体式精讲 }. */
  vars: z.record(z.string().regex(/^\w+$/, 'a variable name: letters, digits, _'), z.string()).default({}),
  steps: z.array(playbookStepSchema).min(1),
  enabled: z.boolean().default(true),
});

export const automationSchema = z.strictObject({
  /** Events older than this when they arrive never trigger live actions (imports of the past stay quiet). */
  freshMinutes: z.number().int().positive().default(60),
  lists: z.record(key, z.array(z.string().min(1).max(200))).default({}),
  ladders: z.record(key, z.array(ladderStep).min(1)).default({}),
  rules: z.array(ruleSchema).default([]),
  /** Campaign start dates (workspace zone), for afterCampaign steps. */
  campaigns: z.record(key, date).default({}),
  playbooks: z.array(playbookSchema).default([]),
});

export type AutomationConfig = z.infer<typeof automationSchema>;
export type RuleConfig = z.infer<typeof ruleSchema>;
export type RuleAction = z.infer<typeof action>;
export type PlaybookConfig = z.infer<typeof playbookSchema>;
export type PlaybookStep = z.infer<typeof playbookStepSchema>;

/** Cross-references a schema cannot see: unknown lists and ladders, strike without a ladder, answer without faq. */
export function automationProblems(a: AutomationConfig, communityKeys: Set<string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  a.rules.forEach((r, i) => {
    const at = `automation.rules[${i}]`;
    if (seen.has(r.key)) out.push(`${at}.key: duplicate rule key ${JSON.stringify(r.key)}`);
    seen.add(r.key);
    r.match?.words?.forEach((w, j) => {
      if (!(w in a.lists))
        out.push(`${at}.match.words[${j}]: unknown list ${JSON.stringify(w)} (automation.lists has ${Object.keys(a.lists).join(', ') || 'none'})`);
    });
    if (r.ladder !== undefined && !(r.ladder in a.ladders)) out.push(`${at}.ladder: unknown ladder ${JSON.stringify(r.ladder)}`);
    if (r.actions.includes('strike') && r.ladder === undefined) out.push(`${at}.ladder: required by the strike action`);
    if (r.actions.includes('answer') && !(r.faq && r.faq.length > 0)) out.push(`${at}.faq: required by the answer action`);
    if (r.on !== 'message' && r.match !== undefined) out.push(`${at}.match: only rules on message match text`);
    if (r.on !== 'leave' && r.reasons !== undefined) out.push(`${at}.reasons: only rules on leave have reasons`);
    if (r.on !== 'request' && (r.gate !== undefined || r.otherwise !== undefined))
      out.push(`${at}.gate: only rules on request have a gate and otherwise`);
    r.communities?.forEach((c, j) => {
      if (!communityKeys.has(c)) out.push(`${at}.communities[${j}]: unknown community ${JSON.stringify(c)} (not in communities)`);
    });
  });
  for (const [name, d] of Object.entries(a.campaigns)) {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, day));
    if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== day) out.push(`automation.campaigns.${name}: not a real date: ${d}`);
  }
  const playbooks = new Set<string>();
  a.playbooks.forEach((p, i) => {
    const at = `automation.playbooks[${i}]`;
    if (playbooks.has(p.key)) out.push(`${at}.key: duplicate playbook key ${JSON.stringify(p.key)}`);
    playbooks.add(p.key);
    p.communities?.forEach((c, j) => {
      if (!communityKeys.has(c)) out.push(`${at}.communities[${j}]: unknown community ${JSON.stringify(c)} (not in communities)`);
    });
    const steps = new Set<string>();
    p.steps.forEach((s, j) => out.push(...stepProblems(a, p, s, `${at}.steps[${j}]`, steps)));
  });
  return out;
}

const TIMINGS = ['cron', 'afterJoin', 'afterCampaign', 'afterStart'] as const;

function stepProblems(a: AutomationConfig, p: PlaybookConfig, s: PlaybookStep, at: string, seen: Set<string>): string[] {
  const out: string[] = [];
  if (seen.has(s.key)) out.push(`${at}.key: duplicate step key ${JSON.stringify(s.key)} in playbook ${JSON.stringify(p.key)}`);
  seen.add(s.key);
  const given = TIMINGS.filter((t) => s[t] !== undefined);
  if (given.length !== 1) out.push(`${at}: give exactly one of ${TIMINGS.join(', ')} (found ${given.join(', ') || 'none'})`);
  if (s.send === undefined && s.tag === undefined) out.push(`${at}: give send, tag or both`);
  if (s.cron !== undefined) {
    const why = cronProblem(s.cron);
    if (why) out.push(`${at}.cron: ${why}`);
  }
  if (s.afterCampaign && !(s.afterCampaign.campaign in a.campaigns)) {
    out.push(
      `${at}.afterCampaign.campaign: unknown campaign ${JSON.stringify(s.afterCampaign.campaign)} (automation.campaigns has ${Object.keys(a.campaigns).join(', ') || 'none'})`,
    );
  }
  if (p.on === 'dormant' && given.length === 1 && given[0] !== 'afterStart')
    out.push(`${at}.${given[0]}: a playbook on dormant has afterStart steps only`);
  if (p.on !== 'dormant' && s.afterStart) out.push(`${at}.afterStart: only a playbook with on: dormant has a start`);
  if (s.tag !== undefined && (s.cron !== undefined || s.afterCampaign !== undefined))
    out.push(`${at}.tag: a tag needs a member: only afterJoin and afterStart steps can tag`);
  return out;
}
