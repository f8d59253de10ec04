// `qunyun members list|show` and `qunyun communities`: the member graph from a terminal.
import type { Command } from 'commander';
import { DB_OPTION, intOption } from '../options.js';
import { withDatabase } from '../open.js';
import { memberDetail, memberList } from '../../features/members/service.js';
import { listCommunities, resolveCommunityRef } from '../../features/communities/repository.js';
import { printJson, table, workspaceClock } from '../output.js';

export function registerMembers(program: Command): void {
  const members = program.command('members').description('read the member graph');
  members
    .command('list')
    .description('list members (newest first), filtered')
    .option(...DB_OPTION)
    .option('--community <ref>', 'our community id, platform:id, or a platform id')
    .option('--present', 'only members currently in the community (or any community)')
    .option('--tag <tag>', 'members with this tag')
    .option('--channel <key>', 'first-join channel; "(none)" for none')
    .option('-q, --query <text>', 'text search in name and phone')
    .option('--page <n>', 'page number', intOption('--page', 1, 1e9), 1)
    .option('--page-size <n>', 'members per page', intOption('--page-size', 1, 500), 50)
    .option('--json', 'print JSON (the API shape)')
    .action(
      async (o: {
        db?: string;
        community?: string;
        present?: boolean;
        tag?: string;
        channel?: string;
        query?: string;
        page: number;
        pageSize: number;
        json?: boolean;
      }) => {
        await withDatabase(o.db, async ({ ctx }) => {
          const community = o.community === undefined ? undefined : await resolveCommunityRef(ctx.database.db, o.community);
          const { timezone } = await ctx.settings();
          const res = await memberList(
            ctx.database.db,
            {
              community,
              present: o.present,
              tag: o.tag,
              channel: o.channel,
              q: o.query,
              page: o.page,
              pageSize: o.pageSize,
            },
            timezone,
          );
          if (o.json) return printJson(res);
          const at = await workspaceClock(ctx);
          console.log(
            table(
              ['id', 'name', 'phone', 'first join', 'channel', 'groups', 'tags'],
              res.items.map((m) => [m.id, m.name, m.phone, at(m.first_join_at), m.first_channel, m.communities, m.tags.join(',')]),
            ),
          );
          console.log(`page ${res.page} of ${Math.max(1, Math.ceil(res.total / res.page_size))} · ${res.total} members`);
        });
      },
    );
  members
    .command('show')
    .description('one member: identities, profile, memberships, orders, check-ins, timeline')
    .argument('<id>', 'member id', intOption('id', 1, Number.MAX_SAFE_INTEGER))
    .option(...DB_OPTION)
    .option('--timeline <n>', 'timeline entries', intOption('--timeline', 0, 1000), 20)
    .option('--json', 'print JSON (the API shape)')
    .action(async (id: number, o: { db?: string; timeline: number; json?: boolean }) => {
      await withDatabase(o.db, async ({ ctx }) => {
        const { timezone } = await ctx.settings();
        const m = await memberDetail(ctx.database.db, id, timezone, o.timeline);
        if (!m) throw new Error(`member ${id} not found`);
        if (o.json) return printJson(m);
        const at = await workspaceClock(ctx);
        console.log(
          `#${m.id} ${m.name ?? '(no name)'}${m.merged_from ? ` (merged from #${m.merged_from})` : ''}${m.phone ? ' · ' + m.phone : ''}${m.lead ? ' · lead' : ''}`,
        );
        console.log(`identities: ${m.identities.map((i) => `${i.platform}:${i.id}`).join(', ')}`);
        if (m.tags.length) console.log(`tags: ${m.tags.join(', ')}`);
        if (Object.keys(m.attributes).length)
          console.log(
            `attributes: ${Object.entries(m.attributes)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')}`,
          );
        console.log('\nmemberships');
        console.log(
          table(
            ['community', 'present', 'first join', 'channel', 'method', 'inviter', 'joins', 'leaves'],
            m.memberships.map((s) => [
              s.community.name ?? s.community.external_id,
              s.present ? 'yes' : 'no',
              at(s.first_join_at),
              s.first_channel,
              s.first_method,
              s.inviter_id,
              s.joins,
              s.leaves,
            ]),
          ),
        );
        if (m.orders.length) {
          console.log('\norders');
          console.log(
            table(
              ['order', 'paid', 'product', 'tier', 'amount', 'refunded'],
              m.orders.map((x) => [x.order, at(x.paid_at), x.product, x.tier, (x.amount / 100).toFixed(2), (x.refunded / 100).toFixed(2)]),
            ),
          );
        }
        console.log(`\ncheck-ins: ${m.checkins.length} · events: ${m.event_count}`);
        console.log('\ntimeline (latest first)');
        console.log(
          table(
            ['at', 'type', 'details'],
            m.timeline.map((e) => [at(e.at, { seconds: true }), e.type, JSON.stringify(e.data)]),
          ),
        );
      });
    });

  program
    .command('communities')
    .description('communities with their current member counts')
    .option(...DB_OPTION)
    .option('--json', 'print JSON (the API shape)')
    .action(async (o: { db?: string; json?: boolean }) => {
      await withDatabase(o.db, async ({ ctx }) => {
        const items = await listCommunities(ctx.database.db);
        if (o.json) return printJson({ items });
        console.log(
          table(
            ['id', 'platform', 'community id', 'name', 'members', 'capacity'],
            items.map((c) => [c.id, c.platform, c.external_id, c.name, c.members, c.capacity]),
          ),
        );
      });
    });
}
