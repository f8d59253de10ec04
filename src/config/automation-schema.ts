// The `automation:` section of qunyun.yaml: word lists, escalation ladders and rules (docs/automation.md).
import { z } from 'zod';

const key = z.string().min(1).max(200).regex(/^[A-Za-z0-9_.:-]+$/, 'use letters, digits, _ . : -');
const duration = z.string().regex(/^\d+(s|m|h|d)$/, 'a duration like 30s, 10m, 1h or 7d');

/** One step of a ladder: warn, mute:DURATION, remove or blacklist. */
export const ladderStep = z.union([
  z.enum(['warn', 'remove', 'blacklist']),
  z.string().regex(/^mute:\d+(s|m|h|d)$/, 'a step is warn, mute:DURATION (e.g. mute:1h), remove or blacklist'),
]);

const action = z.union([
  z.enum(['delete', 'strike', 'warn', 'remove', 'blacklist', 'notify', 'answer']),
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
  on: z.enum(['message', 'join', 'leave']),
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
  /** Message rules skip the community's owner and admins unless this is true. */
  includeStaff: z.boolean().optional(),
  enabled: z.boolean().default(true),
});

export const automationSchema = z.strictObject({
  /** Events older than this when they arrive never trigger live actions (imports of the past stay quiet). */
  freshMinutes: z.number().int().positive().default(60),
  lists: z.record(key, z.array(z.string().min(1).max(200))).default({}),
  ladders: z.record(key, z.array(ladderStep).min(1)).default({}),
  rules: z.array(ruleSchema).default([]),
});

export type AutomationConfig = z.infer<typeof automationSchema>;
export type RuleConfig = z.infer<typeof ruleSchema>;
export type RuleAction = z.infer<typeof action>;

/** Cross-references a schema cannot see: unknown lists and ladders, strike without a ladder, answer without faq. */
export function automationProblems(a: AutomationConfig, communityKeys: Set<string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  a.rules.forEach((r, i) => {
    const at = `automation.rules[${i}]`;
    if (seen.has(r.key)) out.push(`${at}.key: duplicate rule key ${JSON.stringify(r.key)}`);
    seen.add(r.key);
    r.match?.words?.forEach((w, j) => { if (!(w in a.lists)) out.push(`${at}.match.words[${j}]: unknown list ${JSON.stringify(w)} (automation.lists has ${Object.keys(a.lists).join(', ') || 'none'})`); });
    if (r.ladder !== undefined && !(r.ladder in a.ladders)) out.push(`${at}.ladder: unknown ladder ${JSON.stringify(r.ladder)}`);
    if (r.actions.includes('strike') && r.ladder === undefined) out.push(`${at}.ladder: required by the strike action`);
    if (r.actions.includes('answer') && !(r.faq && r.faq.length > 0)) out.push(`${at}.faq: required by the answer action`);
    if (r.on !== 'message' && r.match !== undefined) out.push(`${at}.match: only rules on message match text`);
    r.communities?.forEach((c, j) => { if (!communityKeys.has(c)) out.push(`${at}.communities[${j}]: unknown community ${JSON.stringify(c)} (not in communities)`); });
  });
  return out;
}
