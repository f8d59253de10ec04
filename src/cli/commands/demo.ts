// `qunyun demo`: a generated workspace, written as NDJSON + qunyun.yaml or loaded straight into a database.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { intOption } from '../options.js';
import { withDatabase } from '../open.js';
import { createProgress } from '../progress.js';
import { demoEndFor } from '../../features/demo/end.js';
import { parseInstant } from '../../domain/events/instant.js';
import { printSummary } from './ingest.js';

function parseEnd(v: string | undefined): Date {
  if (v === undefined) return demoEndFor(new Date());
  const r = parseInstant(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+08:00` : v);
  if (!r.ok) throw new Error(`--end: ${r.reason}`);
  return new Date(r.ms);
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('generate a realistic demo workspace (the same for the same --seed and --end)')
    .option('--members <n>', 'members to generate', intOption('--members', 1, 10_000_000), 2000)
    .option('--days <n>', 'days of history', intOption('--days', 1, 3650), 90)
    .option('--seed <n>', 'random seed', intOption('--seed', 0, 2 ** 31 - 1), 42)
    .option('--end <date>', 'end of the period (YYYY-MM-DD in +08:00, or an instant); default: end of today')
    .option('--out <file>', 'write NDJSON here (and qunyun.yaml beside it) instead of loading into the database')
    .option('--config-out <file>', 'where to write the matching qunyun.yaml (with --out; default: beside it)')
    .option('--db <pathOrUrl>', 'database to load into (without --out)')
    .action(async (o: { members: number; days: number; seed: number; end?: string; out?: string; configOut?: string; db?: string }) => {
      const opts = { members: o.members, days: o.days, seed: o.seed, end: parseEnd(o.end) };
      const started = Date.now();
      const [{ demoConfigYaml }, { writeDemoFiles }, { loadDemo }] = await Promise.all([
        import('../../demo/config.js'),
        import('../../demo/write.js'),
        import('../../features/demo/load.js'),
      ]);
      if (o.out) {
        const configOut = o.configOut ?? path.join(path.dirname(o.out), 'qunyun.yaml');
        fs.writeFileSync(configOut, demoConfigYaml(opts));
        const bar = createProgress(Math.round(o.members * Math.min(35, 8 + o.days * 0.2)), 'events', ' {bar} {value} events | {rate}/s');
        const { events } = await writeDemoFiles(opts, o.out, (n) => bar.update(n));
        bar.stop();
        console.log(`wrote ${events} events to ${o.out} and the workspace to ${configOut} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
        return;
      }
      await withDatabase(o.db, async ({ ctx }) => {
        const bar = createProgress(Math.round(o.members * Math.min(35, 8 + o.days * 0.2)), 'events', ' {bar} {value} events | {rate}/s');
        const summary = await loadDemo(ctx, opts, (n) => bar.update(n));
        bar.stop();
        console.log(`demo loaded into ${ctx.database.location}:`);
        printSummary(summary, (Date.now() - started) / 1000);
      });
    });
}
