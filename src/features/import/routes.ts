// POST /api/v1/import/members and /api/v1/import/orders: a CSV (or XLSX) body, mapped as `qunyun import` maps a
// file; the summary comes after the accepted events are committed. Mount with registerImportRoutes(app, ctx).
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { errorJson } from '../../http/errors.js';
import { BodyTooLargeError, readBoundedBody } from '../ingest/read-body.js';
import { MappingError, parseMapFlags, type ImportKind } from './columns.js';
import { EncodingError, type Encoding } from './decode.js';
import { TableError } from './tables.js';
import { importTable } from './table-import.js';

const summarySchema = z.object({
  read: z.number().int(), accepted: z.number().int(), duplicates: z.number().int(), valid: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int().optional(), column: z.string().optional(), reason: z.string() })),
  rejected_count: z.number().int(), skipped: z.number().int(), notes: z.array(z.string()), dry_run: z.boolean(),
}).openapi('ImportSummary');

const ENCODINGS = ['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be'];

export function registerImportRoutes(app: OpenAPIHono, ctx: AppContext): void {
  for (const kind of ['members', 'orders'] as ImportKind[]) {
    const path = `/api/v1/import/${kind}`;
    app.openAPIRegistry.registerPath({
      method: 'post', path, tags: ['imports'],
      summary: `Import ${kind} from a CSV or XLSX body (docs/imports.md)`,
      description: 'Headers in Chinese or English are understood; `map=field=Header` and `ignore=Header` (repeatable) override. ' +
        'Rows are validated one by one: good rows are stored, bad ones listed with row and column. Idempotent: the same body again is all duplicates.',
      request: {
        query: z.object({
          map: z.string().optional(), ignore: z.string().optional(), platform: z.string().optional(), community: z.string().optional(),
          sheet: z.string().optional(), encoding: z.string().optional(), dry_run: z.enum(['true', 'false']).optional(),
        }),
        body: { content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } } },
      },
      responses: {
        200: { description: 'Import summary', content: { 'application/json': { schema: summarySchema } } },
        400: { description: 'The body cannot be mapped or read (missing required column, bad map, encoding)' },
        413: { description: 'Body larger than QUNYUN_MAX_BODY_BYTES' },
      },
    });
    app.post(path, async (c) => {
      const q = (name: string) => c.req.queries(name) ?? [];
      const encoding = c.req.query('encoding');
      if (encoding !== undefined && !ENCODINGS.includes(encoding)) {
        return errorJson(c, 400, 'invalid_parameter', `encoding: expected one of ${ENCODINGS.join(', ')} (got ${JSON.stringify(encoding)})`);
      }
      let body: Buffer;
      try {
        body = await readBoundedBody(c.req.raw, ctx.env.maxBodyBytes);
      } catch (err) {
        if (err instanceof BodyTooLargeError) return errorJson(c, 413, 'body_too_large', `request body exceeds ${err.limit} bytes; split the file (nothing was stored)`);
        throw err;
      }
      try {
        const summary = await importTable(body, {
          database: ctx.database, ingest: await ctx.ingestContext(), kind, overrides: { map: parseMapFlags(q('map')), ignore: q('ignore') },
          platform: c.req.query('platform'), community: c.req.query('community'), sheet: c.req.query('sheet'),
          encoding: encoding as Encoding | undefined, dryRun: c.req.query('dry_run') === 'true',
        });
        return c.json(summary, 200);
      } catch (err) {
        if (err instanceof MappingError || err instanceof TableError || err instanceof EncodingError) {
          return errorJson(c, 400, 'unreadable_import', err.message.replace(/^--map /, 'map ').replace(/^--ignore /, 'ignore ').replace(/^--sheet: /, 'sheet: '));
        }
        throw err;
      }
    });
  }
}
