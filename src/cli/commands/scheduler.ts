// `qunyun scheduler tick|run` (playbooks on the durable scheduler) and `qunyun playbooks list|preview`.
import type { Command } from 'commander';
import { DB_OPTION, intOption } from '../options.js';
import { withDatabase } from '../open.js';
import { printJson, table, workspaceClock } from '../output.js';

const instant =
  (name: string) =>
  (v: string): number => {
    const ms = Date.parse(v);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(ms))
      throw new Error(`${name}: expected an instant like 2026-12-04T20:00:00+08:00 (got ${JSON.stringify(v)})`);
    return ms;
  };
const summary = (s: { due: number; sent: number; late: number; skipped: number; started: number; lost: number }) =>
  `${s.due} due: ${s.sent} sent, ${s.late} late, ${s.skipped} skipped, ${s.started} started${s.lost > 0 ? `, ${s.lost} taken over by another worker` : ''}`;

export function registerScheduler(program: Command): void {
  const scheduler = program
    .command('scheduler')
    .description('run playbooks: due steps become outbox actions (deliver them with `qunyun outbox run`)');
  scheduler
    .command('tick')
    .description('one pass: every step due now runs once (for cron, systemd timers and tests)')
    .option('--now <instant>', 'as if it were this instant (ISO 8601 with offset)', instant('--now'))
    .option(...DB_OPTION)
    .option('--json', 'print JSON')
    .action(async (o: { now?: number; db?: string; json?: boolean }) => {
      const { tick } = await import('../../jobs/scheduler.js');
      await withDatabase(o.db, async ({ ctx }) => {
        const s = await tick(ctx.database, o.now ?? Date.now());
        if (o.json) printJson(s);
        else console.log(summary(s));
        for (const f of s.failed) console.error(`qunyun: ${f.key}: ${f.error}`);
        if (s.failed.length > 0) process.exitCode = 1;
      });
    });
  scheduler
    .command('run')
    .description('keep running: a pass every 30 s until interrupted')
    .option('--every <seconds>', 'seconds between passes', intOption('--every', 1, 3600), 30)
    .option(...DB_OPTION)
    .action(async (o: { every: number; db?: string }) => {
      const { runScheduler } = await import('../../jobs/scheduler.js');
      const stop = new AbortController();
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => stop.abort());
      await withDatabase(o.db, async ({ ctx }) => {
        console.log(`scheduler: a pass every ${o.every} s on ${ctx.database.location} (Ctrl-C stops)`);
        const at = await workspaceClock(ctx);
        await runScheduler(ctx.database, {
          every: o.every,
          signal: stop.signal,
          log: (s) => {
            if (s.sent + s.late + s.skipped + s.started + s.lost > 0) console.log(`${at(Date.now(), { seconds: true })} ${summary(s)}`);
            for (const f of s.failed) console.error(`qunyun: ${f.key}: ${f.error}`);
          },
          onError: (err) => console.error(`qunyun: scheduler pass failed: ${err.message}`),
        });
      });
    });

  const playbooks = program.command('playbooks').description('SOP playbooks from qunyun.yaml: list, preview');
  playbooks
    .command('list')
    .description('playbooks, their steps, next run and what each did')
    .option(...DB_OPTION)
    .option('--json', 'print JSON')
    .action(async (o: { db?: string; json?: boolean }) => {
      const { listPlaybooks } = await import('../../features/automation/playbook-service.js');
      await withDatabase(o.db, async ({ ctx }) => {
        const r = await listPlaybooks(ctx.database.db);
        if (o.json) return printJson(r);
        if (r.playbooks.length === 0)
          return console.log('no playbooks — add them under automation.playbooks in qunyun.yaml, then `qunyun apply qunyun.yaml`');
        const at = await workspaceClock(ctx);
        console.log(
          table(
            ['playbook', 'step', 'runs', 'to', 'next run', 'sent', 'queued', 'skipped'],
            r.playbooks.flatMap((p) =>
              p.steps.map((s) => [
                p.enabled ? p.key : `${p.key} (off)`,
                s.key,
                `${s.runs} ${typeof s.timing === 'string' ? s.timing : JSON.stringify(s.timing)}`,
                s.to,
                at(s.next_run),
                s.counts.sent,
                s.counts.queued,
                s.counts.skipped,
              ]),
            ),
          ),
        );
      });
    });
  playbooks
    .command('preview <key>')
    .description('whom the next occurrence of each step would reach, and the text; nothing is sent')
    .option('--days <n>', 'per-member steps: within this many days', intOption('--days', 1, 90), 7)
    .option(...DB_OPTION)
    .action(async (key: string, o: { days: number; db?: string }) => {
      const { previewPlaybook } = await import('../../features/automation/playbook-service.js');
      await withDatabase(o.db, async ({ ctx }) => printJson(await previewPlaybook(ctx.database.db, key, { days: o.days })));
    });
}
