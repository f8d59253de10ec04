// `qunyun import members|orders|telegram FILE`: the operator's existing data into the ledger (docs/imports.md).
// A progress bar on a terminal, a summary at the end; exits 1 if any row or message was rejected.
import fs from 'node:fs';
import type { Command } from 'commander';
import { DB_OPTION } from '../options.js';
import { withDatabase, type Opened } from '../open.js';
import { createProgress } from '../progress.js';
import { printJson } from '../output.js';
import type { ImportSummary } from '../../features/import/run.js';
import type { Encoding } from '../../features/import/decode.js';

interface Common {
  db?: string;
  dryRun?: boolean;
  json?: boolean;
}
interface TableOpts extends Common {
  map: string[];
  ignore: string[];
  mapping?: string;
  platform?: string;
  community?: string;
  sheet?: string;
  format?: string;
  encoding?: string;
}

const collect = (v: string, prev: string[]) => [...prev, v];
const ENCODINGS = ['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be'];

async function printSummary(file: string, s: ImportSummary, seconds: number, unit: 'rows' | 'messages'): Promise<void> {
  const { formatRejection } = await import('../../features/import/run.js');
  const rate = seconds > 0 ? Math.round(s.read / seconds) : s.read;
  const written = s.dry_run ? `dry run: ${s.valid} events valid, nothing written` : `accepted ${s.accepted}, duplicates ${s.duplicates}`;
  console.log(
    `${file}: ${s.read} ${unit}; ${written}; rejected ${s.rejected_count}` +
      `${s.skipped ? `; skipped ${s.skipped}` : ''} (${seconds.toFixed(1)} s, ${rate} ${unit}/s)`,
  );
  for (const r of s.rejected.slice(0, 20)) console.log(`  ${formatRejection(r)}`);
  if (s.rejected_count > 20) console.log(`  … and ${s.rejected_count - 20} more (--json lists them)`);
  for (const n of s.notes) console.log(`  note: ${n}`);
}

/** Runs one import with a byte-based progress bar; prints the summary; sets the exit code. */
async function runImport(
  file: string,
  o: Common,
  unit: 'rows' | 'messages',
  go: (hooks: { onBytes(n: number): void; progress(n: number): void }, db: Opened) => Promise<ImportSummary>,
): Promise<void> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new Error(`cannot read ${file}: no such file`);
  const total = fs.statSync(file).size;
  const started = Date.now();
  const summary = await withDatabase(o.db, async (opened) => {
    const bar = createProgress(total || 1, 'bytes', ` {bar} {percentage}% | {mb} MB | {count} ${unit} | ETA {eta_formatted}`);
    let bytes = 0,
      count = 0;
    const hooks = {
      onBytes(n: number) {
        bytes += n;
      },
      progress(n: number) {
        count = n;
        bar.update(Math.min(bytes, total), { mb: (bytes / 1e6).toFixed(1), count });
      },
    };
    try {
      return await go(hooks, opened);
    } finally {
      bar.stop();
    }
  });
  if (o.json) printJson(summary);
  else await printSummary(file, summary, (Date.now() - started) / 1000, unit);
  if (summary.rejected_count > 0) process.exitCode = 1;
}

function tableCommand(parent: Command, kind: 'members' | 'orders', description: string): void {
  parent
    .command(kind)
    .description(description)
    .argument('<file>', 'CSV (UTF-8, or GBK/GB18030 as Chinese Excel saves it) or XLSX')
    .option('--map <field=Header>', 'take a field from this column (repeatable; field= leaves it unmapped)', collect, [])
    .option('--ignore <Header>', 'skip this column (members: not stored as an attribute; repeatable)', collect, [])
    .option('--mapping <file.yaml>', 'columns/ignore/platform/community from a file (flags win)')
    .option('--platform <platform>', 'platform of rows without a platform column (default import)')
    .option('--community <id>', 'community of rows without a community column')
    .option('--sheet <name|n>', 'XLSX: the worksheet to read (default the first)')
    .option('--format <csv|xlsx>', "default: from the file's first bytes")
    .option('--encoding <encoding>', `CSV: ${ENCODINGS.join(', ')} (default auto)`)
    .option('--dry-run', 'validate and count; write nothing')
    .option('--json', 'print the summary as JSON')
    .option(...DB_OPTION)
    .action(async (file: string, o: TableOpts) => {
      if (o.format !== undefined && o.format !== 'csv' && o.format !== 'xlsx')
        throw new Error(`--format: expected csv or xlsx (got ${JSON.stringify(o.format)})`);
      if (o.encoding !== undefined && !ENCODINGS.includes(o.encoding))
        throw new Error(`--encoding: expected one of ${ENCODINGS.join(', ')} (got ${JSON.stringify(o.encoding)})`);
      const { loadMappingFile, parseMapFlags } = await import('../../features/import/columns.js');
      const fromFile = o.mapping ? loadMappingFile(o.mapping) : { map: {}, ignore: [] as string[], platform: undefined, community: undefined };
      const overrides = { map: { ...fromFile.map, ...parseMapFlags(o.map) }, ignore: [...fromFile.ignore, ...o.ignore] };
      const { importTable } = await import('../../features/import/table-import.js');
      await runImport(file, o, 'rows', async (hooks, { ctx }) =>
        importTable(file, {
          database: ctx.database,
          ingest: await ctx.ingestContext(),
          kind,
          overrides,
          platform: o.platform ?? fromFile.platform,
          community: o.community ?? fromFile.community,
          sheet: o.sheet,
          format: o.format as 'csv' | 'xlsx' | undefined,
          encoding: o.encoding as Encoding | undefined,
          dryRun: o.dryRun,
          ...hooks,
        }),
      );
    });
}

export function registerImport(program: Command): void {
  const cmd = program.command('import').description('import existing members, orders or a Telegram chat export (docs/imports.md)');
  tableCommand(cmd, 'members', 'members from CSV/XLSX: profile (name, phone, tags, other columns), join when community and join time are given');
  tableCommand(cmd, 'orders', 'orders from CSV/XLSX: payments (元 or 分) and refunds');
  cmd
    .command('telegram')
    .description('a Telegram Desktop "Export chat history" result.json (one chat), streamed')
    .argument('<file>', 'result.json')
    .option('--since <instant>', 'only messages at or after (YYYY-MM-DD in the workspace zone, or an instant)')
    .option('--until <instant>', 'only messages before (e.g. when the bot joined the group)')
    .option('--dry-run', 'validate and count; write nothing')
    .option('--json', 'print the summary as JSON')
    .option(...DB_OPTION)
    .action(async (file: string, o: Common & { since?: string; until?: string }) => {
      const [{ importTelegram }, { parseBoundary }] = await Promise.all([
        import('../../features/import/telegram-import.js'),
        import('../../domain/time/periods.js'),
      ]);
      await runImport(file, o, 'messages', async (hooks, { ctx }) => {
        const tz = (await ctx.settings()).timezone;
        const bound = (v: string | undefined, name: string) => {
          if (v === undefined) return undefined;
          try {
            return parseBoundary(v, tz, name);
          } catch (err) {
            throw new Error(`--${(err as Error).message}`, { cause: err });
          }
        };
        return importTelegram(file, {
          database: ctx.database,
          ingest: await ctx.ingestContext(),
          dryRun: o.dryRun,
          since: bound(o.since, 'since'),
          until: bound(o.until, 'until'),
          ...hooks,
        });
      });
    });
}
