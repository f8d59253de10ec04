// `qunyun ingest FILE|-`: streams NDJSON into the ledger, batch by batch, with a summary at the end.
import fs from 'node:fs';
import type { Command } from 'commander';
import { DB_OPTION, intOption } from '../options.js';
import { withDatabase } from '../open.js';
import { readLineBatches } from '../../features/ingest/lines.js';
import { IngestSession, type IngestSummary } from '../../features/ingest/session.js';
import { createProgress } from '../progress.js';
import { printJson } from '../output.js';

export function printSummary(s: IngestSummary, seconds: number, shown = 10): void {
  const rate = seconds > 0 ? Math.round((s.accepted + s.duplicates) / seconds) : 0;
  console.log(`accepted ${s.accepted}, duplicates ${s.duplicates}, rejected ${s.rejected_count} (${seconds.toFixed(1)} s, ${rate} events/s)`);
  for (const r of s.rejected.slice(0, shown)) console.log(`  line ${r.line}: ${r.reason}`);
  if (s.rejected_count > shown) console.log(`  … and ${s.rejected_count - shown} more rejected lines (--json lists them)`);
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('ingest an NDJSON file of events (- for stdin); exits 1 if any line was rejected')
    .argument('<file>', 'NDJSON file, or - for standard input')
    .option(...DB_OPTION)
    .option('--batch <n>', 'events per transaction (at most; batches also close at 16 MiB)', intOption('--batch', 1, 100_000), 10_000)
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, opts: { db?: string; batch: number; json?: boolean }) => {
      let total = 0;
      if (file !== '-') {
        try {
          total = fs.statSync(file).size;
        } catch {
          throw new Error(`cannot read ${file}: no such file`);
        }
      }
      const summary = await withDatabase(opts.db, async ({ ctx }) => {
        // QUNYUN_BENCH_NO_ANALYTICS=1: bench:ingest-analytics only, to measure what keeping analytics state costs.
        const analytics = !ctx.env.benchNoAnalytics;
        const session = new IngestSession(await ctx.ingestContext({ analytics }), opts.batch);
        const stream = file === '-' ? process.stdin : fs.createReadStream(file, { highWaterMark: 1 << 20 });
        let bytes = 0;
        stream.on('data', (chunk: Buffer | string) => {
          bytes += chunk.length;
        });
        const bar = createProgress(total || 1, 'bytes', ' {bar} {percentage}% | {mb} MB | {count} events | ETA {eta_formatted}');
        const started = Date.now();
        let n = 0;
        for await (const batch of readLineBatches(stream)) {
          for (const item of batch) {
            const committing = session.add(item);
            if (committing) await committing;
          }
          n += batch.length;
          bar.update(Math.min(bytes, total || bytes), { mb: (bytes / 1e6).toFixed(1), count: n });
        }
        const s = await session.finish();
        bar.update(total || bytes, { mb: (bytes / 1e6).toFixed(1), count: n });
        bar.stop();
        return { s, seconds: (Date.now() - started) / 1000 };
      });
      if (opts.json) printJson(summary.s);
      else printSummary(summary.s, summary.seconds);
      if (summary.s.rejected_count > 0) process.exitCode = 1;
    });
}
