// GET /api/v1/export/members and GET /api/v1/export/metrics: the file, written off the request thread, then sent (attachment).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { defineRoute } from '../../http/route.js';
import { CONTENT_TYPES, type Format } from './output.js';
import type { ExportRequest } from './to-file.js';
import { dateParam, enumParam, refParam } from '../../http/params.js';

const format = z.enum(['csv', 'xlsx']).default('csv').openapi({ description: 'csv (UTF-8 with BOM, CRLF) or xlsx' });
const community = refParam().optional();
// The media types without parameters (the CSV answer says charset=utf-8 too).
const file = {
  200: {
    description: 'The file, as an attachment',
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

/** An export may take this long (a members export of a large workspace is a long walk). */
const EXPORT_TIMEOUT_MS = 10 * 60_000;

/**
 * Writes the export to a temporary file off the request thread (a bad parameter is answered before anything is
 * sent), then streams the file and removes it.
 */
async function send(ctx: AppContext, fmt: Format, request: (file: string) => ExportRequest) {
  const file = path.join(os.tmpdir(), `qunyun-export-${randomUUID()}.${fmt}`);
  let filename: string;
  try {
    ({ filename } = await ctx.compute('exportFile', request(file), { alone: { timeoutMs: EXPORT_TIMEOUT_MS } }));
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  }
  const stream = fs.createReadStream(file);
  stream.once('close', () => fs.rmSync(file, { force: true }));
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      'content-type': CONTENT_TYPES[fmt],
      'content-disposition': `attachment; filename="${filename}.${fmt}"`,
      'content-length': String(fs.statSync(file).size),
      'cache-control': 'no-store',
    },
  });
}

export function registerExportRoutes(app: OpenAPIHono, ctx: AppContext): void {
  app.openapi(members, (c) => {
    const q = c.req.valid('query');
    return send(ctx, q.format, (file) => ({ kind: 'members', query: { at: blank(q.at), community: blank(q.community) }, format: q.format, file }));
  });
  app.openapi(metrics, (c) => {
    const q = c.req.valid('query');
    const query = { from: q.from, to: q.to, by: q.by, community: blank(q.community) };
    return send(ctx, q.format, (file) => ({ kind: 'metrics', query, format: q.format, file }));
  });
}
