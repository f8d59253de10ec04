// `qunyun engagement`: present members by engagement level.
import type { Command } from 'commander';
import { DB_OPTION } from '../options.js';
import { withDatabase } from '../open.js';
import { printJson, table, workspaceClock } from '../output.js';

export function registerEngagement(program: Command): void {
  program
    .command('engagement')
    .description('engagement levels of present members (silent / quiet / engaged / fan / ultra), by active days in the 30 days before')
    .option('--at <date>', 'as of this date (workspace zone) or instant; default now')
    .option('--community <ref>', 'only this community')
    .option(...DB_OPTION)
    .option('--json', 'print JSON (the API shape)')
    .action(async (o: { at?: string; community?: string; db?: string; json?: boolean }) => {
      const { engagementDistribution } = await import('../../features/analytics/engagement/service.js');
      await withDatabase(o.db, async ({ ctx }) => {
        const r = await engagementDistribution(ctx.database.db, { at: o.at, community: o.community });
        if (o.json) return printJson(r);
        const at = await workspaceClock(ctx);
        console.log(
          `${r.present_members} present members as of ${at(r.at)}; active days counted ${at.date(r.window.from)} … ${at.date(r.window.to)}`,
        );
        console.log(
          table(
            ['level', '', 'active days', 'members', 'share'],
            r.levels.map((l) => [
              l.key,
              l.name_zh,
              `${l.active_days[0]}–${l.active_days[1]}`,
              l.members,
              l.share === null ? '—' : `${(l.share * 100).toFixed(1)}%`,
            ]),
          ),
        );
      });
    });
}
