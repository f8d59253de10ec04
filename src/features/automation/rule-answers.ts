// The answers of the rule routes (list, toggle, test, dry run) and of the FAQ view: schemas of the OpenAPI
// contract. A rule's own settings are described by the qunyun.yaml schema itself (config/automation-schema.ts).
import { z } from '@hono/zod-openapi';
import { automationSchema, ruleSchema } from '../../config/automation-schema.js';
import { ACTION_KINDS } from './actions.js';

const count = z.number().int();
const share = z
  .number()
  .nullable()
  .openapi({ description: 'Questions answered automatically / all questions (answered or handed to an operator); null when there were none' });

export const Rules = z
  .object({
    fresh_minutes: count.openapi({ description: 'Events older than this when they arrive trigger no live action' }),
    lists: z.record(z.string(), count).openapi({ description: 'Word lists: how many words each holds' }),
    ladders: automationSchema.shape.ladders.unwrap(),
    rules: z.array(
      z.object({
        key: z.string(),
        on: ruleSchema.shape.on,
        enabled: z.boolean().openapi({ description: 'As configured, or as an operator switched it' }),
        description: z.string().nullable(),
        communities: z.array(z.string()).nullable().openapi({ description: 'Community keys it applies to; null: every community' }),
        match: ruleSchema.shape.match.unwrap().nullable(),
        actions: ruleSchema.shape.actions,
        ladder: z.string().nullable(),
        last_7_days: z.record(z.string(), count).openapi({ description: 'Actions it proposed in the last 7 days, by kind' }),
        answered_share: share.optional().openapi({ description: 'Only for rules that answer questions' }),
      }),
    ),
  })
  .openapi('Rules');

export const RuleToggle = z.object({ key: z.string(), enabled: z.boolean() }).openapi('RuleToggle');

const hit = z.object({
  what: z.string().openapi({ description: 'words:LIST, link, phone, wechat_id, kind:KIND or flood' }),
  matched: z.string(),
  start: count.openapi({ description: 'Offset in the text (UTF-16 units)' }),
  end: count,
  word: z.string().optional().openapi({ description: 'The list word matched (words:… hits)' }),
});

/** One action a rule proposes, as the test and the dry run show it (nothing is sent). */
const proposal = z.object({
  rule: z.string(),
  kind: z.enum(ACTION_KINDS),
  text: z.string().optional().openapi({ description: 'What would be sent (send, reply, warn, notify)' }),
  seconds: count.optional().openapi({ description: 'Mute length' }),
  tag: z.string().optional(),
  step: count.optional().openapi({ description: 'Strikes: the ladder step taken (1 = first strike)' }),
  hits: z.array(hit).openapi({ description: 'What in the message matched' }),
  detail: z.string().optional(),
});

export const RuleTest = z
  .object({
    text: z.string(),
    actions: z.array(proposal).openapi({ description: 'What the message rules would do, rule by rule' }),
  })
  .openapi('RuleTest');

export const DryRun = z
  .object({
    rule: z.string(),
    from: z.string().openapi({ description: 'ISO, UTC' }),
    to: z.string().openapi({ description: 'ISO, UTC (exclusive)' }),
    events_scanned: count,
    actions: z.record(z.string(), count).openapi({ description: 'Actions it would have proposed, by kind' }),
    members_struck: count.openapi({ description: 'Members who would have taken at least one strike' }),
    samples: z
      .array(
        proposal.extend({
          at: z.string().openapi({ description: 'When the event happened (ISO, UTC)' }),
          member_id: count,
          event_id: z.string(),
        }),
      )
      .openapi({ description: 'The first proposals, up to `sample`' }),
  })
  .openapi('DryRun');

export const Faq = z
  .object({
    days: count,
    answered: count.openapi({ description: 'Questions answered automatically in the last `days` days' }),
    handed_over: count.openapi({ description: 'Questions handed to an operator' }),
    answered_share: share,
    rules: z
      .array(
        z.object({
          key: z.string(),
          description: z.string().nullable(),
          enabled: z.boolean(),
          communities: z.array(z.string()).nullable().openapi({ description: 'Community keys it applies to; null: every community' }),
          threshold: z.number().nullable().openapi({ description: 'Match score below which a question goes to an operator' }),
          entries: z.array(z.object({ index: count, question: z.string(), keywords: z.array(z.string()), answer: z.string() })),
          answered: count,
          handed_over: count,
          answered_share: share,
        }),
      )
      .openapi({ description: 'Every rule with FAQ entries' }),
  })
  .openapi('Faq');
