// The answers of the playbook routes (list, preview, calendar): schemas of the OpenAPI contract. A playbook's own
// settings are described by the qunyun.yaml schema itself (config/automation-schema.ts).
import { z } from '@hono/zod-openapi';
import { automationSchema, playbookSchema, playbookStepSchema } from '../../config/automation-schema.js';

const count = z.number().int();
const utc = (description: string) => z.string().openapi({ description: `${description} (ISO, UTC)` });
const to = z.enum(['community', 'member']).openapi({ description: 'community: posted in each community; member: a private message to each member' });
const text = z.string().nullable().openapi({ description: 'The message as it would be sent; null for a step that only tags' });

export const Playbooks = z
  .object({
    at: utc('The instant asked about'),
    timezone: z.string(),
    campaigns: automationSchema.shape.campaigns.unwrap(),
    playbooks: z.array(
      z.object({
        key: z.string(),
        description: z.string().nullable(),
        on: z
          .enum(['dormant'])
          .nullable()
          .openapi({ description: 'dormant: starts for each member who turns dormant; null: runs on its steps’ timings' }),
        enabled: z.boolean(),
        communities: z.array(z.string()).openapi({ description: 'platform:key of every community it covers' }),
        target: playbookSchema.shape.target.unwrap().nullable(),
        missed: playbookSchema.shape.missed.unwrap(),
        grace_minutes: count,
        started: count.optional().openapi({ description: 'Playbooks on dormant: members it has started for' }),
        steps: z.array(
          z.object({
            key: z.string(),
            runs: z.enum(['cron', 'afterJoin', 'afterCampaign', 'afterStart']),
            timing: z
              .union([z.string(), playbookStepSchema.shape.afterJoin.unwrap(), playbookStepSchema.shape.afterCampaign.unwrap()])
              .openapi({ description: 'The step’s cron, or its afterJoin / afterCampaign / afterStart setting' }),
            to,
            send: z.string().nullable().openapi({ description: 'The message template' }),
            tag: z.string().nullable(),
            next_run: utc('Next occurrence (per-member steps: the earliest within 35 days); null when none').nullable(),
            last_run_at: utc('When the scheduler last ran it').nullable(),
            counts: z
              .object({ sent: count, queued: count, skipped: count, dead: count, undone: count })
              .openapi({ description: 'Its actions by outcome' }),
          }),
        ),
      }),
    ),
  })
  .openapi('Playbooks');

const communityStep = z.object({
  key: z.string(),
  to: z.literal('community'),
  next_at: utc('The next occurrence; null when none').nullable(),
  total: count.openapi({ description: 'Communities it would reach' }),
  sends: z.array(z.object({ at: utc('When'), community: z.string().openapi({ description: 'platform:key' }), community_name: z.string(), text })),
});

const memberStep = z.object({
  key: z.string(),
  to: z.literal('member'),
  next_at: utc('The earliest occurrence in the window; null when none').nullable(),
  window: z.object({ from: z.string(), to: z.string() }).openapi({ description: 'The days looked at (ISO, UTC)' }),
  total: count.openapi({ description: 'Occurrences in the window' }),
  sends: z
    .array(
      z.object({
        at: utc('When'),
        member_id: count,
        member_name: z.string().nullable(),
        community: z.string().openapi({ description: 'platform:key' }),
        text,
        tag: z.string().nullable(),
      }),
    )
    .openapi({ description: 'The first `limit`, soonest first' }),
});

export const PlaybookPreview = z
  .object({
    playbook: z.string(),
    at: utc('The instant previewed from'),
    note: z.string().optional().openapi({ description: 'What the preview cannot show (playbooks on dormant)' }),
    steps: z.array(z.discriminatedUnion('to', [communityStep, memberStep])),
  })
  .openapi('PlaybookPreview');

export const PlaybookCalendar = z
  .object({
    timezone: z.string(),
    from: utc('Start asked for'),
    to: utc('End asked for (exclusive)'),
    at: utc('Now: only runs after it are listed'),
    days: z
      .array(
        z.object({
          date: z.string().openapi({ description: 'Local date, YYYY-MM-DD' }),
          runs: z
            .array(
              z.object({
                playbook: z.string(),
                step: z.string(),
                to,
                first_at: utc('The day’s first run of the step'),
                count: count.openapi({ description: 'Community steps: communities reached; per-member steps: members' }),
                send: z.string().nullable().openapi({ description: 'The message template' }),
              }),
            )
            .openapi({ description: 'Soonest first' }),
        }),
      )
      .openapi({ description: 'Days with at least one run, in order' }),
  })
  .openapi('PlaybookCalendar');
