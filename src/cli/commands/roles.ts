// `qunyun roles`: seed 003's eight roles in one community (or, with --members, who holds them and why).
import type { Command } from 'commander';
import { DB_OPTION, intOption } from '../options.js';
import { withDatabase } from '../open.js';
import { printJson, table, workspaceClock } from '../output.js';

export function registerRoles(program: Command): void {
  program
    .command('roles')
    .description('roles in a community (owner, admin, expert, backbone, mascot, onlooker, lurker, troublemaker) from the last D days of behaviour')
    .requiredOption('--community <ref>', 'the community (id or platform:id)')
    .option('--at <date>', 'as of this date (workspace zone) or instant; default now')
    .option('--members', 'list members with their role and behaviour instead of the counts')
    .option('--role <key>', 'with --members: only this role')
    .option('--page <n>', 'with --members: page', intOption('--page', 1, 1e9), 1)
    .option(...DB_OPTION)
    .option('--json', 'print JSON (the API shape)')
    .action(async (o: { community: string; at?: string; members?: boolean; role?: string; page: number; db?: string; json?: boolean }) => {
      const { roleMembers, rolesSummary } = await import('../../features/analytics/roles/service.js');
      await withDatabase(o.db, async ({ ctx }) => {
        if (o.members) {
          const r = await roleMembers(ctx.database.db, { at: o.at, community: o.community, role: o.role, page: o.page, pageSize: 50 });
          if (o.json) return printJson(r);
          console.log(`${r.total} members in ${r.community.name ?? r.community.external_id}${o.role ? ` with role ${o.role}` : ''} (page ${r.page})`);
          console.log(
            table(
              ['member', 'name', 'role', 'messages', 'replies given', 'replies got', 'partners', 'check-ins', 'removals'],
              r.items.map((m) => [m.member_id, m.name, m.role, m.messages, m.replies_given, m.replies_received, m.partners, m.checkins, m.removals]),
            ),
          );
          return;
        }
        const r = await rolesSummary(ctx.database.db, { at: o.at, community: o.community });
        if (o.json) return printJson(r);
        const at = await workspaceClock(ctx);
        console.log(
          `${r.community.name ?? r.community.external_id}: ${r.members} members as of ${at(r.at)}; behaviour from ${at.date(r.window.from)} on`,
        );
        console.log(
          table(
            ['role', '', 'members', 'share'],
            r.roles.map((x) => [x.key, x.name_zh, x.members, x.share === null ? '—' : `${(x.share * 100).toFixed(1)}%`]),
          ),
        );
      });
    });
}
