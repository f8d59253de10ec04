// GET /api/v1/export/members and GET /api/v1/export/metrics: the file streamed as it is written (attachment). An
// operator exports only their communities, phones are masked without `pii`, and every export is in the audit log
// (who, what, the filters, the rows written) once the file is complete or cut short.
import { PassThrough, Readable } from 'node:stream';
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppContext } from '../../context.js';
import { defineRoute } from '../../http/route.js';
import { prepareMembersExport, type PreparedExport } from './members.js';
import { prepareMetricsExport } from './metrics.js';
import { CONTENT_TYPES, ExportAbortedError, type Format } from './output.js';
import { writeExport } from './run.js';
import type { Principal } from '../../domain/auth/roles.js';
import { readableCommunities, seesFullPhones } from '../../domain/auth/read-scope.js';
import { figuresScope, readableCommunityRef } from '../communities/read-access.js';
import { recordAudit } from '../auth/repository.js';
import { actorName, clientIp } from '../../http/access.js';

const format = z.enum(['csv', 'xlsx']).default('csv').openapi({ description: 'csv (UTF-8 with BOM, CRLF) or xlsx' });
const community = z.string().optional().openapi({ description: 'Our community id, platform:id, or a platform id' });
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
    summary:
      'Members with community, role, customer group, RFM segment, tags, channel, inviter, first join and first purchase (an operator: their communities; phones masked without pii; audited)',
    request: {
      query: z.object({
        format,
        community,
        at: z.string().optional().openapi({ description: 'As of this date (workspace zone) or instant; default now' }),
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
        from: z.string().openapi({ description: 'Start: a date (YYYY-MM-DD, in the workspace zone) or an instant with offset' }),
        to: z.string().openapi({ description: 'End (exclusive), same forms' }),
        by: z.enum(['day', 'week', 'month']).optional().openapi({ description: 'One row per calendar period; without it, one row' }),
      }),
    },
  },
);

const blank = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

/** What an export's audit entry records once the file is complete (or cut short). */
type Finished = (rows: number, error?: string) => Promise<void>;

const unaudited = (err: unknown) => console.error('an export was not recorded in the audit log', err);

/** Prepares the export (a bad parameter throws before anything is sent), then streams the file. */
async function send(fmt: Format, prepare: () => Promise<PreparedExport>, log: (err: unknown) => void, finished: Finished) {
  const p = await prepare();
  const body = new PassThrough();
  let rows = 0;
  writeExport(p, fmt, body, (n) => (rows = n)).then(
    async (n) => {
      // Recorded before the file ends, so a complete download always has its entry.
      await finished(n).catch(unaudited);
      body.end();
    },
    async (err: unknown) => {
      // Headers are gone by now: cut the response short (the client sees an incomplete download) and log why.
      if (!(err instanceof ExportAbortedError)) log(err);
      body.destroy(err instanceof Error ? err : new Error(String(err)));
      const why = err instanceof ExportAbortedError ? 'the client went away' : err instanceof Error ? err.message : String(err);
      await finished(rows, why).catch(unaudited);
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
  /** The audit entry of one export: who, which export, its filters, the rows written (and why it stopped short). */
  const audited =
    (c: Context, p: Principal, action: string, filters: Record<string, unknown>): Finished =>
    async (rows, error) => {
      const details = { filters, rows, ...(error === undefined ? {} : { error }) };
      const meta = { userId: p.userId, actor: actorName(p), ip: clientIp(c, ctx.env.trustProxy), userAgent: c.req.header('user-agent') ?? null };
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
      q.format,
      () => prepareMembersExport(db, { at: blank(q.at), community, within, fullPhones }),
      log,
      audited(c, p, 'export.members', filters),
    );
  });
  app.openapi(metrics, async (c) => {
    const q = c.req.valid('query');
    const p = c.get('principal')!;
    // Workspace-wide figures are refused to an operator: they name one of their communities.
    await figuresScope(db, p, blank(q.community));
    const filters = { format: q.format, community: blank(q.community) ?? null, from: q.from, to: q.to, by: q.by ?? null };
    return send(
      q.format,
      () => prepareMetricsExport(db, { from: q.from, to: q.to, by: q.by, community: blank(q.community) }),
      log,
      audited(c, p, 'export.metrics', filters),
    );
  });
}
