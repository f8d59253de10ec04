// POST /api/v1/import/members and /api/v1/import/orders: a CSV (or XLSX) body, mapped as `qunyun import` maps a
// file; the summary comes after the accepted events are committed. Mount with registerImportRoutes(app, ctx).
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../../context.js';
import { InvalidInputError } from '../../domain/errors.js';
import { defineRoute, jsonAnswer } from '../../http/route.js';
import { boolParam, enumParam } from '../../http/params.js';
import { readBoundedBody } from '../ingest/read-body.js';
import { parseMapFlags, type ImportKind } from './columns.js';
import { ENCODINGS } from './decode.js';
import { importTable } from './table-import.js';

const ImportSummary = z
  .object({
    read: z.number().int().openapi({ description: 'Data rows read (the header row not counted)' }),
    accepted: z.number().int().openapi({ description: 'Events stored' }),
    duplicates: z.number().int().openapi({ description: 'Events already in the ledger (the same body imported before)' }),
    valid: z.number().int().openapi({ description: 'Events that passed validation in a dry run (nothing written)' }),
    rejected: z
      .array(
        z.object({
          row: z.number().int().optional().openapi({ description: 'The spreadsheet row (the header is row 1)' }),
          column: z.string().optional().openapi({ description: 'The header of the column at fault' }),
          reason: z.string(),
        }),
      )
      .openapi({ description: 'The first rejections, by row' }),
    rejected_count: z.number().int(),
    skipped: z
      .number()
      .int()
      .openapi({ description: 'Messages edited since an earlier import, kept in their first version (Telegram exports; 0 for tables)' }),
    notes: z
      .array(z.string())
      .openapi({ description: 'Remarks on rows that were still imported, grouped ("3 rows (first: row 4): a join time but no community…")' }),
    dry_run: z.boolean(),
  })
  .openapi('ImportSummary');

// Repeatable query parameters arrive as one string, or an array when given more than once.
const repeatable = (description: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({ description });
const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : [v].flat());

const query = z.object({
  map: repeatable('field=Header: read a field from this column (repeatable)'),
  ignore: repeatable('A column to leave out (repeatable)'),
  platform: z.string().optional().openapi({ description: 'Platform of the ids in the file (default import)' }),
  community: z.string().optional().openapi({ description: 'Community the rows belong to (members: a join)' }),
  sheet: z.string().optional().openapi({ description: 'XLSX: the worksheet to read (default the first)' }),
  encoding: enumParam(ENCODINGS, 'CSV: the text encoding (default auto: UTF-8 or GB18030)').optional(),
  dry_run: boolParam('true: validate and count, write nothing').optional(),
});

const routeFor = (kind: ImportKind) =>
  defineRoute(
    { policy: 'owner', audit: `import.${kind}`, errors: [413] },
    {
      method: 'post',
      path: `/api/v1/import/${kind}`,
      tags: ['imports'],
      summary: `Import ${kind} from a CSV or XLSX body (docs/imports.md)`,
      description:
        'Headers in Chinese or English are understood; `map=field=Header` and `ignore=Header` (repeatable) override. ' +
        'Rows are validated one by one: good rows are stored, bad ones listed with row and column. Idempotent: the same body again is all duplicates. ' +
        'The format is recognised from the bytes, whatever the content type.',
      request: {
        query,
        body: {
          required: true,
          content: {
            'text/csv': { schema: z.string().openapi({ description: 'UTF-8, UTF-16 with a BOM, or GB18030; comma, tab or semicolon' }) },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
      },
      responses: jsonAnswer(ImportSummary, 'Import summary'),
    },
  );

/** The CLI's option names in an import error's message (--map, --ignore, --sheet) are this route's query parameters. */
function asQueryError(err: unknown): never {
  const cli = /^--(?=(map|ignore|sheet)\b)/;
  if (err instanceof InvalidInputError && cli.test(err.message)) throw new InvalidInputError(err.message.replace(cli, ''), { code: err.code });
  throw err;
}

export function registerImportRoutes(app: OpenAPIHono, ctx: AppContext): void {
  for (const kind of ['members', 'orders'] as const) {
    app.openapi(routeFor(kind), async (c) => {
      const q = c.req.valid('query');
      const body = await readBoundedBody(c.req.raw, ctx.env.maxBodyBytes, 'split the file');
      // Problems of the whole file (encoding, table, mapping) are ImportFileErrors: 400, unreadable_import.
      const summary = await importTable(body, {
        database: ctx.database,
        ingest: await ctx.ingestContext(),
        kind,
        overrides: { map: parseMapFlags(list(q.map)), ignore: list(q.ignore) },
        platform: q.platform,
        community: q.community,
        sheet: q.sheet,
        encoding: q.encoding,
        dryRun: q.dry_run === true,
      }).catch(asQueryError);
      return c.json(summary, 200);
    });
  }
}
