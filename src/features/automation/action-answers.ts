// The answers of the audit-log routes (actions, undo, retry, the moderation log): schemas of the OpenAPI contract.
import { z } from '@hono/zod-openapi';
import { ACTION_KINDS, MODERATION_KINDS, STATUSES } from './actions.js';

const count = z.number().int();
const utc = (description: string) => z.string().openapi({ description: `${description} (ISO, UTC)` });
const freeForm = (description: string) => z.record(z.string(), z.unknown()).openapi({ description });

export const Action = z
  .object({
    id: z.number().int(),
    rule: z.string().openapi({ description: 'What proposed it: a rule key, playbook:KEY/STEP, elimination:COMMUNITY, (blacklist)' }),
    kind: z.enum(ACTION_KINDS),
    platform: z.string(),
    status: z
      .enum(STATUSES)
      .openapi({ description: 'pending → sending → done, or dead after the last failed attempt; undone; skipped (a missed playbook step)' }),
    community_id: z.number().int().nullable(),
    member_id: z.number().int().nullable(),
    member_name: z.string().nullable(),
    event_id: z.string().nullable().openapi({ description: 'The ledger event that triggered it, if any' }),
    event_at: utc('When that event happened, or the playbook occurrence').nullable(),
    payload: freeForm('What is sent, by kind: { text }, { seconds }, { tag }, { step }, …'),
    reason: freeForm('Why: { hits, detail } for rules; occurrence and outcome for playbook steps'),
    attempts: count,
    due_at: utc('When it is (or was) due'),
    last_error: z.string().nullable().openapi({ description: 'The platform’s answer to the last failed attempt' }),
    undo_of: z.number().int().nullable().openapi({ description: 'The action this one undoes (unmute, unblacklist)' }),
    created_at: utc('Created'),
    updated_at: utc('Last changed'),
  })
  .openapi('Action');

const page = { total: count.openapi({ description: 'Matching actions, all pages' }), page: count, page_size: count };

export const Actions = z
  .object({
    ...page,
    by_status: z.record(z.enum(STATUSES), count).openapi({ description: 'Every action by status, whatever the filters' }),
    items: z.array(Action).openapi({ description: 'Newest first' }),
  })
  .openapi('Actions');

export const Moderation = z
  .object({
    ...page,
    by_kind: z.record(z.enum(MODERATION_KINDS), count).openapi({ description: 'Every moderation action by kind, whatever the filters' }),
    items: z
      .array(
        Action.extend({
          message_text: z.string().nullable().openapi({ description: 'The triggering message’s text; null when the event is gone or had none' }),
        }),
      )
      .openapi({ description: 'Newest first' }),
  })
  .openapi('Moderation');
