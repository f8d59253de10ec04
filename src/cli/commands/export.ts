// `qunyun export members|metrics`: CSV or XLSX, streamed to a file (written as FILE.partial, renamed when
// complete) or to standard output, with a progress bar on a terminal and a summary line on stderr.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import type { PreparedExport } from '../../features/export/members.js';
import type { Format } from '../../features/export/output.js';
import { DB_OPTION } from '../options.js';
import { withDatabase } from '../open.js';
import { createProgress } from '../progress.js';

interface Common {
  format?: string;
  out?: string;
  community?: string;
  db?: string;
}

/** Checks --format and --out before anything is opened, so bad input never leaves a file behind. */
function target(o: Common): { format: Format; out: string | null } {
  const given = o.format ?? (o.out?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
  if (given !== 'csv' && given !== 'xlsx') throw new Error(`--format: expected csv or xlsx (got ${JSON.stringify(o.format)})`);
  if (o.out === undefined) {
    if (given === 'xlsx' && process.stdout.isTTY) throw new Error('--out: an xlsx file is binary; give --out FILE (or redirect standard output)');
    return { format: given, out: null };
  }
  const dir = path.dirname(path.resolve(o.out));
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new Error(`--out: cannot write in ${dir}`);
  }
  if (fs.existsSync(o.out) && fs.statSync(o.out).isDirectory()) throw new Error(`--out: ${o.out} is a directory`);
  return { format: given, out: o.out };
}

const OPTION_NAMES = /^(at|from|to|by|community|format): /;

async function run(o: Common, prepare: (db: Kysely<Schema>) => Promise<PreparedExport>): Promise<void> {
  const { format, out } = target(o);
  const [{ writeExport, writeExportFile }, { ExportAbortedError }, { NotFoundError, AmbiguousError }] = await Promise.all([
    import('../../features/export/run.js'),
    import('../../features/export/output.js'),
    import('../../features/communities/repository.js'),
  ]);
  await withDatabase(o.db, async ({ ctx }) => {
    let p: PreparedExport;
    try {
      p = await prepare(ctx.database.db);
    } catch (err) {
      // Name the option as typed: "--at: not a real date …", "--community: community "x" not found".
      const msg = (err as Error).message;
      if (OPTION_NAMES.test(msg)) throw new Error(`--${msg}`, { cause: err });
      if (err instanceof NotFoundError || err instanceof AmbiguousError) throw new Error(`--community: ${msg}`, { cause: err });
      throw err;
    }
    const started = Date.now();
    const bar = process.stderr.isTTY ? createProgress(await p.count(), 'rows') : null;
    const progress = (n: number) => bar?.update(n);
    let n: number;
    try {
      if (out !== null) {
        // Ctrl-C: remove the partial file rather than leave half an export behind.
        const interrupted = () => {
          fs.rmSync(`${out}.partial`, { force: true });
          process.exit(130);
        };
        process.once('SIGINT', interrupted);
        try {
          n = await writeExportFile(p, format, out, progress);
        } finally {
          process.off('SIGINT', interrupted);
        }
      } else {
        process.stdout.on('error', () => {}); // EPIPE (e.g. `| head`) ends the export below, quietly
        n = await writeExport(p, format, process.stdout, progress);
      }
    } catch (err) {
      bar?.stop();
      if (err instanceof ExportAbortedError || (err as NodeJS.ErrnoException).code === 'EPIPE') {
        process.exitCode = 1;
        return;
      }
      throw err;
    }
    bar?.stop();
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? n / secs : n;
    process.stderr.write(
      `exported ${n} rows to ${out ?? 'standard output'} as ${format} in ${secs.toFixed(1)} s` + ` (${rate.toFixed(rate < 10 ? 1 : 0)} rows/s)\n`,
    );
  });
}

export function registerExport(program: Command): void {
  const cmd = program.command('export').description('export members or metrics as CSV or XLSX (streamed; docs/exports.md)');
  cmd
    .command('members')
    .description('one row per member and community present in as of --at (and one per member present nowhere)')
    .option('--format <format>', 'csv or xlsx (default: xlsx when --out ends in .xlsx, else csv)')
    .option('--out <file>', 'write here (via FILE.partial); default standard output')
    .option('--at <date>', 'as of this date (workspace zone) or instant; default now')
    .option('--community <ref>', 'only this community: its present members, group and RFM in its scope')
    .option(...DB_OPTION)
    .action(async (o: Common & { at?: string }) => {
      const { prepareMembersExport } = await import('../../features/export/members.js');
      await run(o, (db) => prepareMembersExport(db, { at: o.at, community: o.community }));
    });
  cmd
    .command('metrics')
    .description('the figures of docs/spec/metrics.md, one row per period')
    .requiredOption('--from <date>', 'start: YYYY-MM-DD in the workspace zone, or an instant with offset')
    .requiredOption('--to <date>', 'end (exclusive), same forms')
    .option('--by <period>', 'one row per day, week or month (default: one row for the range)')
    .option('--community <ref>', 'our community id, platform:id, or a platform id')
    .option('--format <format>', 'csv or xlsx (default: xlsx when --out ends in .xlsx, else csv)')
    .option('--out <file>', 'write here (via FILE.partial); default standard output')
    .option(...DB_OPTION)
    .action(async (o: Common & { from: string; to: string; by?: string }) => {
      if (o.by !== undefined && !['day', 'week', 'month'].includes(o.by))
        throw new Error(`--by: expected day, week or month (got ${JSON.stringify(o.by)})`);
      const { prepareMetricsExport } = await import('../../features/export/metrics.js');
      await run(o, (db) =>
        prepareMetricsExport(db, { from: o.from, to: o.to, community: o.community, by: o.by as 'day' | 'week' | 'month' | undefined }),
      );
    });
}
