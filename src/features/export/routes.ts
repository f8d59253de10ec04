// GET /api/v1/export/members and GET /api/v1/export/metrics: the file, written off the request thread, then sent
// (attachment). An operator exports only their communities, phones are masked without `pii`, and every export is in
// the audit log (who, what, the filters, the rows written, or why it failed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppContext } from '../../context.js';
import { defineRoute } from '../../http/route.js';
import { CONTENT_TYPES, type Format } from './output.js';
import type { ExportRequest } from './to-file.js';
import { dateParam, enumParam, refParam } from '../../http/params.js';
import type { Principal } from '../../domain/auth/roles.js';
import { readableCommunities, seesFullPhones } from '../../domain/auth/read-scope.js';
import { figuresScope, readableCommunityRef } from '../communities/read-access.js';
import { recordAudit } from '../auth/repository.js';
import { actorName } from '../../http/access.js';
import { clientAddress } from '../../http/client.js';

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
    summary:
      'Members with community, role, customer group, RFM segment, tags, channel, inviter, first join and first purchase (an operator: their communities; phones masked without pii; audited)',
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
    summary: 'The figures of docs/spec/metrics.md, one row per period (an operator: one of their communities; audited)',
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

/** What an export's audit entry records once the file is written (or the export failed). */
type Finished = (rows: number, error?: string) => Promise<void>;

/**
 * Writes the export to a temporary file off the request thread (a bad parameter is answered before anything is
 * sent), records it in the audit log, then streams the file and removes it.
 */
async function send(ctx: AppContext, fmt: Format, request: (file: string) => ExportRequest, finished: Finished) {
  const file = path.join(os.tmpdir(), `qunyun-export-${randomUUID()}.${fmt}`);
  let written: { rows: number; filename: string };
  try {
    written = await ctx.compute('exportFile', request(file), { alone: { timeoutMs: EXPORT_TIMEOUT_MS } });
  } catch (err) {
    fs.rmSync(file, { force: true });
    await finished(0, err instanceof Error ? err.message : String(err)).catch((e: unknown) => ctx.log.error({ err: e }, 'an export was not audited'));
    throw err;
  }
  // Recorded before the first byte is sent, so a download always has its entry.
  await finished(written.rows);
  const stream = fs.createReadStream(file);
  stream.once('close', () => fs.rmSync(file, { force: true }));
  const filename = written.filename;
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
  const db = ctx.database.db;
  /** The audit entry of one export: who, which export, its filters, the rows written (and why it stopped short). */
  const audited =
    (c: Context, p: Principal, action: string, filters: Record<string, unknown>): Finished =>
    async (rows, error) => {
      const details = { filters, rows, ...(error === undefined ? {} : { error }) };
      const meta = { userId: p.userId, actor: actorName(p), ip: clientAddress(c, ctx.env.trustProxy), userAgent: c.req.header('user-agent') ?? null };
      await recordAudit(db, { ...meta, action, target: c.req.path, status: error === undefined ? 200 : 500, details });
    };

  app.openapi(members, async (c) => {
    const q = c.req.valid('query');
    const p = c.get('principal')!;
    const community = blank(q.community);
    // A community that is not the caller's is refused before anything is written (403).
    if (community !== undefined) await readableCommunityRef(db, p, community);
    const within = readableCommunities(p) ?? undefined;
    const fullPhones = seesFullPhones(p);
    const filters = {
      format: q.format,
      community: community ?? null,
      at: blank(q.at) ?? null,
      within: within ?? null,
      phones: fullPhones ? 'full' : 'masked',
    };
    return send(
      ctx,
      q.format,
      (file) => ({ kind: 'members', query: { at: blank(q.at), community, within, fullPhones }, format: q.format, file }),
      audited(c, p, 'export.members', filters),
    );
  });
  app.openapi(metrics, async (c) => {
    const q = c.req.valid('query');
    const p = c.get('principal')!;
    // Workspace-wide figures are refused to an operator: they name one of their communities.
    await figuresScope(db, p, blank(q.community));
    const filters = { format: q.format, community: blank(q.community) ?? null, from: q.from, to: q.to, by: q.by ?? null };
    const query = { from: q.from, to: q.to, by: q.by, community: blank(q.community) };
    return send(ctx, q.format, (file) => ({ kind: 'metrics', query, format: q.format, file }), audited(c, p, 'export.metrics', filters));
  });
}
