// POST /api/v1/events: NDJSON (or a JSON array) in, { accepted, duplicates, rejected } out after commit.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { AppContext } from '../../context.js';
import { InvalidInputError } from '../../domain/errors.js';
import { jsonProblem } from '../../http/errors.js';
import { defineRoute, jsonAnswer } from '../../http/route.js';
import { validateEvent } from '../../domain/events/validate.js';
import { describeByteAt, invalidUtf8At } from '../../domain/events/utf8.js';
import { readLineBatches } from './lines.js';
import { readBoundedBody } from './read-body.js';
import { IngestSession, MAX_KEPT_REJECTIONS } from './session.js';

const IngestSummary = z
  .object({
    accepted: z.number().int().openapi({ description: 'Events stored by this request' }),
    duplicates: z.number().int().openapi({ description: 'Events already in the ledger with the same body' }),
    rejected: z
      .array(
        z.object({
          line: z.number().int().openapi({ description: 'The 1-based line (NDJSON) or item index (JSON array)' }),
          reason: z.string().openapi({ description: 'What is wrong, naming the field' }),
        }),
      )
      .openapi({ description: `The first ${MAX_KEPT_REJECTIONS} rejections, by line` }),
    rejected_count: z.number().int().openapi({ description: 'All rejections' }),
  })
  .openapi('IngestSummary');

const LINE_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'text/plain', 'application/octet-stream'];

const route = defineRoute(
  { policy: 'owner', audit: 'ledger.ingest', errors: [413, 415] },
  {
    method: 'post',
    path: '/api/v1/events',
    tags: ['ledger'],
    summary: 'Ingest events (NDJSON, or a JSON array with application/json)',
    description:
      'Each line is validated on its own; good lines are stored even when others are rejected. ' +
      'The reply comes after the accepted events are committed. Duplicates (same platform and id, same body) are counted, ' +
      'conflicts (same platform and id, different body) rejected. For a JSON array, `line` is the 1-based item index. ' +
      `Lines are also accepted as ${LINE_TYPES.slice(1).join(', ')}. Events: docs/spec/events.md.`,
    request: {
      body: {
        required: true,
        content: {
          'application/x-ndjson': { schema: z.string().openapi({ description: 'One event (a JSON object) per line' }) },
          // A plain schema, not zod: the handler reads the body itself within the size limit, so no validator may
          // read it first.
          'application/json': {
            schema: {
              description: 'An array of events, or one event (each a JSON object, docs/spec/events.md)',
              oneOf: [
                { type: 'array', items: { type: 'object', additionalProperties: true } },
                { type: 'object', additionalProperties: true },
              ],
            },
          },
        },
      },
    },
    responses: jsonAnswer(IngestSummary, 'Ingest summary'),
  },
);

/** An application/json body: one event object or an array of them; anything else is refused whole (400). */
function parseJsonEvents(body: Buffer): unknown[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const at = invalidUtf8At(body);
    const line = body.subarray(0, at).filter((b) => b === 10).length + 1;
    throw new InvalidInputError(`body is not valid UTF-8: ${describeByteAt(body, at)}, on line ${line} (nothing was stored)`, {
      code: 'invalid_utf8',
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new InvalidInputError(`body: ${jsonProblem(err)}`, { code: 'invalid_json' });
  }
  if (Array.isArray(parsed)) return parsed;
  if (typeof parsed === 'object' && parsed !== null) return [parsed];
  throw new InvalidInputError(`body: must be an event (a JSON object) or an array of events (got ${parsed === null ? 'null' : typeof parsed})`, {
    code: 'invalid_request',
  });
}

export function registerIngestRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(route, async (c) => {
    const type = (c.req.header('content-type') ?? 'application/x-ndjson').split(';')[0]!.trim().toLowerCase();
    const isJson = type === 'application/json';
    if (!isJson && !LINE_TYPES.includes(type)) {
      throw new HTTPException(415, { message: `content type ${type} is not accepted: send application/x-ndjson or application/json` });
    }
    const body = await readBoundedBody(c.req.raw, ctx.env.maxBodyBytes, 'split it into several requests');
    const session = new IngestSession(await ctx.ingestContext());
    if (isJson) {
      const items = parseJsonEvents(body);
      for (let i = 0; i < items.length; i++) await session.addValue(i + 1, validateEvent(items[i]));
    } else {
      for await (const batch of readLineBatches([body])) for (const item of batch) await session.add(item);
    }
    return c.json(await session.finish(), 200);
  });
}
