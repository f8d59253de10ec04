// GET /api/v1/export/members and GET /api/v1/export/metrics: the file streamed as it is written (attachment).
import { PassThrough, Readable } from 'node:stream';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { defineRoute } from '../../http/route.js';
import { dateParam, enumParam, refParam } from '../../http/params.js';
import { prepareMembersExport, type PreparedExport } from './members.js';
import { prepareMetricsExport } from './metrics.js';
import { CONTENT_TYPES, ExportAbortedError, type Format } from './output.js';
import { writeExport } from './run.js';

const format = z.enum(['csv', 'xlsx']).default('csv').openapi({ description: 'csv (UTF-8 with BOM, CRLF) or xlsx' });
const community = refParam().optional();
// The media types without parameters (the CSV answer says charset=utf-8 too).
const file = {
  200: {
    description: 'The file, streamed as an attachment',
    content: {
      'text/csv': { schema: z.string().openapi({ description: 'UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting' }) },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
    },
  },
};

const members = defineRoute(
  { policy: 'read' },
  {
    method: 'get',
    path: '/api/v1/export/members',
    tags: ['export'],
    responses: file,
    summary: 'Members with community, role, customer group, RFM segment, tags, channel, inviter, first join and first purchase',
    request: {
      query: z.object({
        format,
        community,
        at: dateParam('As of this date (workspace zone) or instant; default now').optional(),
      }),
    },
  },
);
const metrics = defineRoute(
  { policy: 'read' },
  {
    method: 'get',
    path: '/api/v1/export/metrics',
    tags: ['export'],
    responses: file,
    summary: 'The figures of docs/spec/metrics.md, one row per period',
    request: {
      query: z.object({
        format,
        community,
        from: dateParam('Start: a date (YYYY-MM-DD, in the workspace zone) or an instant with offset'),
        to: dateParam('End (exclusive), same forms'),
        by: enumParam(['day', 'week', 'month'], 'One row per calendar period; without it, one row').optional(),
      }),
    },
  },
);

const blank = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

/** Prepares the export (a bad parameter throws before anything is sent), then streams the file. */
async function send(fmt: Format, prepare: () => Promise<PreparedExport>, log: (err: unknown) => void) {
  const p = await prepare();
  const body = new PassThrough();
  writeExport(p, fmt, body).then(
    () => body.end(),
    (err: unknown) => {
      // Headers are gone by now: cut the response short (the client sees an incomplete download) and log why.
      if (!(err instanceof ExportAbortedError)) log(err);
      body.destroy(err instanceof Error ? err : new Error(String(err)));
    },
  );
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
    return send(q.format, () => prepareMembersExport(db, { at: blank(q.at), community: blank(q.community) }), log);
  });
  app.openapi(metrics, (c) => {
    const q = c.req.valid('query');
    return send(q.format, () => prepareMetricsExport(db, { from: q.from, to: q.to, by: q.by, community: blank(q.community) }), log);
  });
}
