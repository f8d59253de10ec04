// `qunyun cohorts`: retention by week or month of first join, as a triangle of shares.
import type { Command } from 'commander';
import { DB_OPTION } from '../options.js';
import { withDatabase } from '../open.js';
import { printJson, table, workspaceClock } from '../output.js';

export function registerCohorts(program: Command): void {
  program
    .command('cohorts')
    .description('cohort retention: by week or month of first join, the share still present (and active) in each later period')
    .requiredOption('--from <date>', 'first cohort: YYYY-MM-DD in the workspace zone, or an instant')
    .requiredOption('--to <date>', 'end (exclusive)')
    .option('--by <period>', 'week or month', 'week')
    .option('--community <ref>', 'only joins, leaves and activity in this community')
    .option('--active', 'show the active share instead of the present share')
    .option(...DB_OPTION)
    .option('--json', 'print JSON (the API shape)')
    .action(async (o: { from: string; to: string; by: string; community?: string; active?: boolean; db?: string; json?: boolean }) => {
      if (o.by !== 'week' && o.by !== 'month') throw new Error(`--by: expected week or month (got ${JSON.stringify(o.by)})`);
      const { cohortRetention } = await import('../../features/analytics/cohorts/service.js');
      await withDatabase(o.db, async ({ ctx }) => {
        const r = await cohortRetention(ctx.database.db, { from: o.from, to: o.to, by: o.by as 'week' | 'month', community: o.community });
        if (o.json) return printJson(r);
        const at = await workspaceClock(ctx);
        const width = Math.max(0, ...r.cohorts.map((c) => c.periods.length));
        const pct = (v: number | null) => (v === null ? '' : `${Math.round(v * 100)}%`);
        console.log(`${o.active ? 'active' : 'present'} share by ${r.by} since first join (${r.timezone})`);
        console.log(
          table(
            ['cohort', 'size', ...Array.from({ length: width }, (_, k) => `+${k}`)],
            r.cohorts.map((c) => [at.date(c.start), c.size, ...c.periods.map((p) => pct(o.active ? p.active_share : p.present_share))]),
          ),
        );
      });
    });
}
