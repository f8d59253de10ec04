// `qunyun rules …`, `qunyun actions …` and `qunyun outbox run`: automation from the command line.
import type { Command } from 'commander';
import { DB_OPTION, intOption } from '../options.js';
import { withDatabase } from '../open.js';
import { printJson, table, workspaceClock } from '../output.js';

const short = (s: unknown, n = 40) => {
  const t = String(s ?? '');
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
};

export function registerAutomation(program: Command): void {
  const rules = program.command('rules').description('automation rules from qunyun.yaml: list, test, toggle, dry-run');
  rules
    .command('list')
    .description('rules with what each did in the last 7 days')
    .option(...DB_OPTION)
    .option('--json', 'print JSON')
    .action(async (o: { db?: string; json?: boolean }) => {
      const { listRules } = await import('../../features/automation/rules-service.js');
      await withDatabase(o.db, async ({ ctx }) => {
        const r = await listRules(ctx.database.db);
        if (o.json) return printJson(r);
        if (r.rules.length === 0) return console.log('no rules — add them under automation.rules in qunyun.yaml, then `qunyun apply qunyun.yaml`');
        console.log(
          table(
            ['rule', 'on', 'enabled', 'actions', 'last 7 days'],
            r.rules.map((x) => [
              x.key,
              x.on,
              x.enabled ? 'yes' : 'no',
              x.actions.map((a) => (typeof a === 'string' ? a : Object.keys(a)[0])).join(', '),
              Object.entries(x.last_7_days)
                .map(([k, n]) => `${k} ${n}`)
                .join(', '),
            ]),
          ),
        );
      });
    });
  rules
    .command('test')
    .description('what the message rules would do with a text')
    .requiredOption('--text <text>', 'the message text')
    .option('--community <key>', 'as if posted in this community')
    .option('--rule <key>', 'only this rule')
    .option(...DB_OPTION)
    .option('--json', 'print JSON')
    .action(async (o: { text: string; community?: string; rule?: string; db?: string; json?: boolean }) => {
      const { testText } = await import('../../features/automation/rules-service.js');
      await withDatabase(o.db, async ({ ctx }) => {
        const r = await testText(ctx.database.db, o);
        if (o.json) return printJson(r);
        if (r.actions.length === 0) return console.log('no rule matches');
        console.log(
          table(
            ['rule', 'action', 'step', 'because', 'text'],
            r.actions.map((a) => [
              a.rule,
              a.kind,
              a.step ?? '',
              a.hits.map((h) => `${h.what}${h.matched ? ` "${h.matched}"` : ''}`).join('; ') || a.detail || '',
              short(a.text),
            ]),
          ),
        );
      });
    });
  for (const [name, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    rules
      .command(`${name} <key>`)
      .description(`switch a rule ${enabled ? 'on' : 'off'} (kept across qunyun apply)`)
      .option(...DB_OPTION)
      .action(async (key: string, o: { db?: string }) => {
        const { toggleRule } = await import('../../features/automation/rules-service.js');
        await withDatabase(o.db, async ({ ctx }) => {
          await toggleRule(ctx.database.db, key, enabled);
          console.log(`rule ${key} ${enabled ? 'enabled' : 'disabled'}`);
        });
      });
  }
  rules
    .command('dry-run <key>')
    .description('replay a past period through a rule; nothing is sent')
    .requiredOption('--from <date>', 'start (workspace zone date or instant)')
    .requiredOption('--to <date>', 'end (exclusive)')
    .option(...DB_OPTION)
    .option('--json', 'print JSON')
    .action(async (key: string, o: { from: string; to: string; db?: string; json?: boolean }) => {
      const { dryRun } = await import('../../features/automation/rules-service.js');
      await withDatabase(o.db, async ({ ctx }) => {
        const r = await dryRun(ctx.database.db, { rule: key, from: o.from, to: o.to });
        if (o.json) return printJson(r);
        const at = await workspaceClock(ctx);
        console.log(
          `${r.rule}: ${r.events_scanned} events from ${at(r.from)} to ${at(r.to)}; would have done ${JSON.stringify(r.actions)}; ${r.members_struck} members struck`,
        );
        console.log(
          table(
            ['at', 'member', 'action', 'because'],
            r.samples.map((s) => [at(s.at, { seconds: true }), s.member_id, s.kind, short(s.hits.map((h) => h.matched || h.what).join('; '))]),
          ),
        );
      });
    });

  const actions = program.command('actions').description('the audit log of automatic actions: list, show, undo, retry');
  actions
    .command('list')
    .description('latest actions first')
    .option('--status <s>', 'pending, sending, done, dead, undone or skipped')
    .option('--rule <key>')
    .option('--member <id>', 'member id', intOption('--member', 1, Number.MAX_SAFE_INTEGER))
    .option('--page <n>', 'page', intOption('--page', 1, 1e9), 1)
    .option(...DB_OPTION)
    .option('--json', 'print JSON')
    .action(async (o: { status?: string; rule?: string; member?: number; page: number; db?: string; json?: boolean }) => {
      const { listActions } = await import('../../features/automation/actions.js');
      await withDatabase(o.db, async ({ ctx }) => {
        const r = await listActions(ctx.database.db, { ...o, pageSize: 50 });
        if (o.json) return printJson(r);
        const at = await workspaceClock(ctx);
        console.log(
          `${r.total} actions (${Object.entries(r.by_status)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')})`,
        );
        console.log(
          table(
            ['id', 'when', 'rule', 'action', 'member', 'status', 'because'],
            r.items.map((a) => [
              a.id,
              at(a.created_at, { seconds: true }),
              a.rule,
              a.kind,
              a.member_name ?? a.member_id,
              a.status,
              short(
                (a.reason.hits as { matched?: string; what: string }[] | undefined)?.map((h) => h.matched || h.what).join('; ') || a.reason.detail,
              ),
            ]),
          ),
        );
      });
    });
  for (const verb of ['show', 'undo', 'retry'] as const) {
    actions
      .command(`${verb} <id>`)
      .description(
        { show: 'one action in full', undo: 'unmute, lift a blacklist, or cancel a pending action', retry: 'send a dead action again' }[verb],
      )
      .option(...DB_OPTION)
      .action(async (id: string, o: { db?: string }) => {
        const n = intOption('<id>', 1, Number.MAX_SAFE_INTEGER)(id);
        const m = await import('../../features/automation/actions.js');
        await withDatabase(o.db, async ({ ctx }) => {
          const fn = { show: m.getAction, undo: m.undoAction, retry: m.retryAction }[verb];
          printJson(await fn(ctx.database.db, n));
        });
      });
  }

  const elim = program.command('elimination').description("elimination and revival from a community's blueprint");
  for (const verb of ['preview', 'announce', 'execute'] as const) {
    elim
      .command(verb)
      .description(
        {
          preview: 'who falls short today, who revived',
          announce: "post today's list (starts the notice)",
          execute: 'remove those still short once the notice has run',
        }[verb],
      )
      .requiredOption('--community <ref>', 'community id or platform:id')
      .option(...DB_OPTION)
      .option('--json', 'print JSON')
      .action(async (o: { community: string; db?: string; json?: boolean }) => {
        const m = await import('../../features/automation/elimination.js');
        await withDatabase(o.db, async ({ ctx }) => {
          const fn = { preview: m.eliminationPreview, announce: m.announceElimination, execute: m.executeElimination }[verb];
          const r = await fn(ctx.database.db, o.community);
          if (o.json) return printJson(r);
          const at = await workspaceClock(ctx);
          console.log(
            `${r.community.name ?? r.community.external_id}: ${r.present} present, ${r.candidates.length} short of the bar, ${r.revived.length} revived` +
              (r.notice ? `; announced ${at(r.notice.announced_at)}, can be carried out from ${at(r.notice.execute_from)}` : '; not announced'),
          );
          console.log(
            table(
              ['member', 'name', 'why'],
              r.candidates.slice(0, 50).map((x) => [x.member_id, x.name, x.reasons.join('; ')]),
            ),
          );
        });
      });
  }

  program
    .command('outbox')
    .description('deliver due actions')
    .command('run')
    .description('deliver due actions now through the configured connectors (with --simulate, the built-in simulator stands in for every platform)')
    .option('--simulate', 'deliver through the simulator')
    .option('--watch', 'keep running, polling every 2 s')
    .option(...DB_OPTION)
    .action(async (o: { simulate?: boolean; watch?: boolean; db?: string }) => {
      const { deliverDue } = await import('../../features/automation/outbox.js');
      const { simulator } = await import('../../features/automation/simulator.js');
      const { connectorsFor, routeDeliveries } = await import('../../connectors/registry.js');
      const { ingestEvents } = await import('../../connectors/inbound.js');
      await withDatabase(o.db, async ({ ctx }) => {
        const log = { info() {}, warn() {}, error() {} };
        const connectors = o.simulate
          ? []
          : await connectorsFor(ctx.env.connectors, { database: ctx.database, ingest: (e) => ingestEvents(ctx.database, e), log });
        if (!o.simulate && connectors.length === 0)
          throw new Error('--simulate: no connector is configured (WECOM_* or TELEGRAM_* variables); deliver with --simulate, or configure one');
        const deliverer = o.simulate ? simulator(ctx.database) : routeDeliveries(connectors, ctx.database);
        for (;;) {
          const r = await deliverDue(ctx.database, deliverer);
          if (r.done + r.retry + r.dead > 0 || !o.watch) console.log(`delivered ${r.done}, retrying ${r.retry}, dead ${r.dead}`);
          if (!o.watch) return;
          await new Promise((res) => setTimeout(res, 2000));
        }
      });
    });
}
