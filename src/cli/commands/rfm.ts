// `qunyun rfm`: RFM segments of the paying members (or, with --members, the scored members themselves).
import type { Command } from 'commander';
import { DB_OPTION, intOption } from '../options.js';
import { withDatabase } from '../open.js';
import { printJson, table, workspaceClock } from '../output.js';

export function registerRfm(program: Command): void {
  program
    .command('rfm')
    .description('RFM: recency, frequency, monetary quintile scores and the eight segments of paying members')
    .option('--at <date>', 'as of this date (workspace zone) or instant; default now')
    .option('--community <ref>', 'only orders of this community')
    .option('--members', 'list scored members (largest net paid first) instead of the segment summary')
    .option('--segment <key>', 'with --members: only this segment (e.g. important_value)')
    .option('--page <n>', 'with --members: page', intOption('--page', 1, 1e9), 1)
    .option(...DB_OPTION)
    .option('--json', 'print JSON (the API shape)')
    .action(async (o: { at?: string; community?: string; members?: boolean; segment?: string; page: number; db?: string; json?: boolean }) => {
      const { rfmMembers, rfmSummary } = await import('../../features/analytics/rfm/service.js');
      await withDatabase(o.db, async ({ ctx }) => {
        if (o.members) {
          const r = await rfmMembers(ctx.database.db, { at: o.at, community: o.community, segment: o.segment, page: o.page, pageSize: 50 });
          if (o.json) return printJson(r);
          const at = await workspaceClock(ctx);
          console.log(
            table(
              ['member', 'name', 'last paid', 'orders', 'net paid', 'R', 'F', 'M', 'segment'],
              r.items.map((m) => [
                m.member_id,
                m.name,
                at(m.last_paid_at),
                m.frequency,
                (m.monetary / 100).toFixed(2),
                m.scores.r,
                m.scores.f,
                m.scores.m,
                m.segment,
              ]),
            ),
          );
          return;
        }
        const r = await rfmSummary(ctx.database.db, { at: o.at, community: o.community });
        if (o.json) return printJson(r);
        console.log(
          `RFM as of ${(await workspaceClock(ctx))(r.at)}: ${r.paying_members} paying members` +
            (r.means ? ` (mean scores R ${r.means.r.toFixed(2)}, F ${r.means.f.toFixed(2)}, M ${r.means.m.toFixed(2)})` : ''),
        );
        console.log(
          table(
            ['segment', '', 'members', 'share', 'net paid'],
            r.segments.map((s) => [
              s.key,
              s.name_zh,
              s.members,
              s.share === null ? '—' : `${(s.share * 100).toFixed(1)}%`,
              (s.net_paid / 100).toFixed(2),
            ]),
          ),
        );
      });
    });
}
