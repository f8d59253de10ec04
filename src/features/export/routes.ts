// GET /api/v1/export/members and GET /api/v1/export/metrics: the file streamed as it is written (attachment).
import { PassThrough, Readable } from 'node:stream';
import type { Context } from 'hono';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { errorJson } from '../../http/errors.js';
import { AmbiguousError, NotFoundError } from '../communities/repository.js';
import { MetricsInputError } from '../analytics/metrics/service.js';
import { prepareMembersExport, type PreparedExport } from './members.js';
import { prepareMetricsExport } from './metrics.js';
import { CONTENT_TYPES, ExportAbortedError, type Format } from './output.js';
import { writeExport } from './run.js';

const format = z.enum(['csv', 'xlsx']).default('csv').openapi({ description: 'csv (UTF-8 with BOM, CRLF) or xlsx' });
const community = z.string().optional().openapi({ description: 'Our community id, platform:id, or a platform id' });
const file = {
  200: {
    description: 'The file, streamed',
    content: { [CONTENT_TYPES.csv]: { schema: z.string() }, [CONTENT_TYPES.xlsx]: { schema: z.string().openapi({ format: 'binary' }) } },
  },
  400: { description: 'Bad parameter (the message names it)' },
  404: { description: 'Unknown community' },
};
const members = createRoute({
  method: 'get', path: '/api/v1/export/members', tags: ['export'], responses: file,
  summary: 'Members with community, role, customer group, RFM segment, tags, channel, inviter, first join and first purchase',
  request: { query: z.object({ format, community, at: z.string().optional().openapi({ description: 'As of this date (workspace zone) or instant; default now' }) }) },
});
const metrics = createRoute({
  method: 'get', path: '/api/v1/export/metrics', tags: ['export'], responses: file,
  summary: 'The figures of metrics.md, one row per period',
  request: {
    query: z.object({
      format, community,
      from: z.string().openapi({ description: 'Start: a date (YYYY-MM-DD, in the workspace zone) or an instant with offset' }),
      to: z.string().openapi({ description: 'End (exclusive), same forms' }),
      by: z.enum(['day', 'week', 'month']).optional().openapi({ description: 'One row per calendar period; without it, one row' }),
    }),
  },
});

const blank = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

async function send(c: Context, fmt: Format, prepare: () => Promise<PreparedExport>, log: (err: unknown) => void) {
  let p: PreparedExport;
  try {
    p = await prepare();
  } catch (err) {
    if (err instanceof MetricsInputError || err instanceof AmbiguousError) return errorJson(c, 400, 'invalid_request', err.message);
    if (err instanceof NotFoundError) return errorJson(c, 404, 'not_found', err.message);
    throw err;
  }
  const body = new PassThrough();
  writeExport(p, fmt, body).then(() => body.end(), (err: unknown) => {
    // Headers are gone by now: cut the response short (the client sees an incomplete download) and log why.
    if (!(err instanceof ExportAbortedError)) log(err);
    body.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: {
      'content-type': CONTENT_TYPES[fmt],
      'content-disposition': `attachment; filename="${p.filename}.${fmt}"`,
      'cache-control': 'no-store',
    },
  });
}

export function registerExportRoutes(app: OpenAPIHono, ctx: AppContext): void {
  const db = ctx.database.db;
  const log = (err: unknown) => console.error('export failed midway', err);
  app.openapi(members, (c) => {
    const q = c.req.valid('query');
    return send(c, q.format, () => prepareMembersExport(db, { at: blank(q.at), community: blank(q.community) }), log) as never;
  });
  app.openapi(metrics, (c) => {
    const q = c.req.valid('query');
    return send(c, q.format, () => prepareMetricsExport(db, { from: q.from, to: q.to, by: q.by, community: blank(q.community) }), log) as never;
  });
}
