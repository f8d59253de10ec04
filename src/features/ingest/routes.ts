// POST /api/v1/events: NDJSON (or a JSON array) in, { accepted, duplicates, rejected } out after commit.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { errorJson } from '../../http/errors.js';
import { validateEvent } from '../../domain/events/validate.js';
import { readLineBatches } from './lines.js';
import { BodyTooLargeError, readBoundedBody } from './read-body.js';
import { IngestSession } from './session.js';

const summarySchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  rejected_count: z.number().int(),
}).openapi('IngestSummary');

export function registerIngestRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openAPIRegistry.registerPath({
    method: 'post', path: '/api/v1/events', tags: ['ledger'],
    summary: 'Ingest events (NDJSON, or a JSON array with application/json)',
    description: 'Each line is validated on its own; good lines are stored even when others are rejected. ' +
      'The reply comes after the accepted events are committed. Duplicates (same platform and id, same body) are counted, ' +
      'conflicts (same platform and id, different body) rejected. For a JSON array, `line` is the 1-based item index.',
    request: { body: { content: { 'application/x-ndjson': { schema: z.string() }, 'application/json': { schema: z.array(z.record(z.string(), z.unknown())) } } } },
    responses: {
      200: { description: 'Ingest summary', content: { 'application/json': { schema: summarySchema } } },
      400: { description: 'The body is not JSON (application/json)' },
      413: { description: 'Body larger than QUNYUN_MAX_BODY_BYTES' },
      415: { description: 'Unsupported content type' },
    },
  });

  app.post('/api/v1/events', async (c) => {
    const type = (c.req.header('content-type') ?? 'application/x-ndjson').split(';')[0]!.trim().toLowerCase();
    const isJson = type === 'application/json';
    if (!isJson && !['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'text/plain', 'application/octet-stream'].includes(type)) {
      return errorJson(c, 415, 'unsupported_media_type', `content type ${type} is not accepted: send application/x-ndjson or application/json`);
    }
    let body: Buffer;
    try {
      body = await readBoundedBody(c.req.raw, ctx.env.maxBodyBytes);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        return errorJson(c, 413, 'body_too_large', `request body exceeds ${err.limit} bytes; split it into several requests (nothing was stored)`);
      }
      throw err;
    }
    const session = new IngestSession(await ctx.ingestContext());
    if (isJson) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch (err) {
        return errorJson(c, 400, 'invalid_json', `body is not valid JSON: ${(err as Error).message}`);
      }
      const items = Array.isArray(parsed) ? parsed : [parsed];
      for (let i = 0; i < items.length; i++) await session.addValue(i + 1, validateEvent(items[i]));
    } else {
      for await (const batch of readLineBatches([body])) for (const item of batch) await session.add(item);
    }
    return c.json(await session.finish(), 200);
  });
}
