// `qunyun metrics`: the data-management dashboard from a terminal, as JSON or a readable summary.
import type { Command } from 'commander';
import { DB_OPTION } from '../options.js';
import { withDatabase } from '../open.js';
import { printJson, table, workspaceClock, type WallClock } from '../output.js';
import type { PeriodMetrics } from '../../features/analytics/metrics/service.js';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

function printPeriod(m: PeriodMetrics, at: WallClock): void {
  console.log(`${at(m.from)} → ${at(m.to)} (${m.timezone})${m.community ? ` · ${m.community}` : ''}`);
  console.log(
    table(
      ['group', 'members'],
      [
        ['potential 潜在', m.groups.potential],
        ['new 新', m.groups.new],
        ['core 主力', m.groups.core],
        ['dormant 沉睡', m.groups.dormant],
      ],
    ),
  );
  console.log();
  console.log(
    table(
      ['rate', 'value'],
      [
        ['growth 新增率', pct(m.rates.growth)],
        ['conversion 转化率', pct(m.rates.conversion)],
        ['churn 流失率', pct(m.rates.churn)],
        ['reactivation 唤醒率', pct(m.rates.reactivation)],
      ],
    ),
  );
  console.log();
  const a = m.acquisition;
  console.log(`new members ${a.new_members} (fission ${a.fission_new}) · leads ${a.leads_new}`);
  console.log(
    table(
      ['channel', 'new', 'fission', 'leads', 'first buyers'],
      [...new Set([...Object.keys(a.by_channel), ...Object.keys(a.leads_by_channel), ...Object.keys(m.conversion.by_channel)])]
        .sort()
        .map((k) => [k, a.by_channel[k] ?? 0, a.fission_by_channel[k] ?? 0, a.leads_by_channel[k] ?? 0, m.conversion.by_channel[k] ?? 0]),
    ),
  );
  console.log();
  const c = m.content;
  console.log(`messages ${c.messages} · active members ${c.active_members} · product mentions ${c.product_mentions}`);
  if (c.topics.length)
    console.log(
      `topics: ${c.topics
        .slice(0, 10)
        .map((t) => `${t.term}(${t.count})`)
        .join(' ')}`,
    );
  const v = m.conversion;
  console.log(
    `orders ${v.orders} · revenue ${yuan(v.revenue)} · refunds ${yuan(v.refunds)} · first buyers ${v.first_buyers} · ` +
      `median cycle ${v.cycle_days_median === null ? '—' : v.cycle_days_median.toFixed(1) + ' days'}`,
  );
}

export function registerMetrics(program: Command): void {
  program
    .command('metrics')
    .description('customer groups, the four rates, acquisition, content and conversion for a period (docs/spec/metrics.md)')
    .requiredOption('--from <date>', 'start: YYYY-MM-DD in the workspace zone, or an instant with offset')
    .requiredOption('--to <date>', 'end (exclusive), same forms')
    .option('--community <ref>', 'our community id, platform:id, or a platform id')
    .option('--by <period>', 'a series of calendar periods: day, week or month')
    .option(...DB_OPTION)
    .option('--json', 'print the JSON of docs/spec/metrics.md')
    .action(async (o: { from: string; to: string; community?: string; by?: string; db?: string; json?: boolean }) => {
      if (o.by !== undefined && !['day', 'week', 'month'].includes(o.by))
        throw new Error(`--by: expected day, week or month (got ${JSON.stringify(o.by)})`);
      const { computeMetrics } = await import('../../features/analytics/metrics/service.js');
      await withDatabase(o.db, async ({ ctx }) => {
        const r = await computeMetrics(ctx.database.db, {
          from: o.from,
          to: o.to,
          community: o.community,
          by: o.by as 'day' | 'week' | 'month' | undefined,
        });
        if (o.json) return printJson(r);
        const periods = 'series' in r ? r.series : [r];
        const at = await workspaceClock(ctx);
        periods.forEach((p, i) => {
          if (i > 0) console.log('\n' + '─'.repeat(60) + '\n');
          printPeriod(p, at);
        });
      });
    });
}
