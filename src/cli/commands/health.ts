// `qunyun health`: each community's health and verdict.
import type { Command } from 'commander';
import { DB_OPTION } from '../options.js';
import { withDatabase } from '../open.js';
import { printJson, table } from '../output.js';

export function registerHealth(program: Command): void {
  program
    .command('health')
    .description('community health: members vs capacity, daily active ratio, weekly growth and churn, verdict')
    .option('--at <date>', 'as of this date (workspace zone) or instant; default now')
    .option('--en', 'verdicts in English')
    .option(...DB_OPTION)
    .option('--json', 'print JSON (the API shape)')
    .action(async (o: { at?: string; en?: boolean; db?: string; json?: boolean }) => {
      const { communityHealth } = await import('../../features/analytics/health/service.js');
      await withDatabase(o.db, async ({ ctx }) => {
        const r = await communityHealth(ctx.database.db, { at: o.at });
        if (o.json) return printJson(r);
        console.log(
          table(
            ['community', 'members', 'fill', 'daily active', 'status'],
            r.communities.map((c) => [
              c.community.name ?? c.community.external_id,
              `${c.members}/${c.capacity}`,
              `${Math.round(c.fill * 100)}%`,
              c.daily_active_ratio === null ? '—' : `${(c.daily_active_ratio * 100).toFixed(1)}%`,
              c.verdict.status,
            ]),
          ),
        );
        for (const c of r.communities) console.log(`\n${c.community.name ?? c.community.external_id}: ${o.en ? c.verdict.en : c.verdict.zh}`);
      });
    });
}
