// The answer of the elimination routes (preview, announce, execute): schema of the OpenAPI contract. The rules
// themselves are the community's blueprint, described by the qunyun.yaml schema (config/workspace-file.ts).
import { z } from '@hono/zod-openapi';
import { blueprintSchema } from '../../config/workspace-file.js';

const utc = (description: string) => z.string().openapi({ description: `${description} (ISO, UTC)` });
const member = { member_id: z.number().int(), name: z.string().nullable() };

export const Elimination = z
  .object({
    community: z.object({ id: z.number().int(), platform: z.string(), external_id: z.string(), name: z.string().nullable() }),
    at: utc('The instant judged'),
    rule: blueprintSchema.shape.elimination.unwrap(),
    revival: blueprintSchema.shape.revival.unwrap().nullable(),
    present: z.number().int().openapi({ description: 'Members present now' }),
    notice: z
      .object({
        action_id: z.number().int().openapi({ description: 'The announcement (a send action)' }),
        announced_at: utc('When the notice started: when the announcement went out, or was queued if it has not yet'),
        execute_from: utc('When the list can be carried out'),
        executed_at: utc('When it was carried out').nullable(),
        delivered: z.boolean().openapi({ description: 'Whether the announcement has gone out' }),
      })
      .nullable()
      .openapi({ description: 'The latest announcement still standing (not undone, skipped or dead); null when none' }),
    candidates: z.array(z.object({ ...member, reasons: z.array(z.string()) })).openapi({ description: 'Who falls short today, and why' }),
    revived: z.array(z.object({ ...member, reason: z.string() })).openapi({ description: 'Who fell short but revived during the notice' }),
  })
  .openapi('Elimination');

export const EliminationDone = Elimination.extend({
  removed: z.number().int().openapi({ description: 'Removals queued: those on the announced list still short' }),
}).openapi('EliminationDone');
