// Playbooks for operators: each with its steps, when each runs next and what it has done (sent, queued,
// skipped), and a preview of whom the next occurrence of each step would reach, with the text — nothing is written.
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../storage/schema.js';
import type { PlaybookConfig, PlaybookStep } from '../../config/automation-schema.js';
import { campaignInstant, CronSchedule } from '../../domain/automation/schedule.js';
import { loadPlaybookContext, stepRule, stepText, type PlaybookContext } from '../../jobs/context.js';
import { memberOccurrences } from '../../jobs/member-steps.js';
import { stepKind } from '../../jobs/units.js';
import { NotFoundError } from '../../domain/errors.js';

const DAY = 86_400_000;
function iso(ms: number): string;
function iso(ms: number | null | undefined): string | null;
function iso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}
const memberStep = (s: PlaybookStep) => s.afterJoin !== undefined || s.afterStart !== undefined;

/** The step's next occurrence after `now` for a community step; for a per-member step, the earliest member's within `days`. */
async function nextRun(db: Kysely<Schema>, ctx: PlaybookContext, p: PlaybookConfig, s: PlaybookStep, days: number): Promise<number | null> {
  if (!p.enabled) return null;
  if (s.cron !== undefined) return new CronSchedule(s.cron, ctx.timezone).next(ctx.now);
  if (s.afterCampaign) {
    const at = campaignInstant(ctx.timezone, ctx.config.campaigns[s.afterCampaign.campaign]!, s.afterCampaign.days, s.afterCampaign.at);
    return at > ctx.now ? at : null;
  }
  for await (const page of memberOccurrences(db, ctx, p, s, ctx.now, ctx.now + days * DAY)) return Math.min(...page.map((x) => x.at));
  return null;
}

export async function listPlaybooks(db: Kysely<Schema>, now = Date.now()) {
  const ctx = await loadPlaybookContext(db, now);
  const counts = await sql<{ rule: string; status: string; n: number }>`SELECT rule, status, count(*) AS n FROM actions
    WHERE rule LIKE ${'playbook:%'} GROUP BY rule, status`.execute(db);
  const starts = new Map(
    (
      await db
        .selectFrom('playbook_starts')
        .select(['playbook', (eb) => eb.fn.countAll().as('n')])
        .groupBy('playbook')
        .execute()
    ).map((r) => [r.playbook, Number(r.n)]),
  );
  const rows = new Map((await db.selectFrom('schedules').select(['key', 'last_run_at', 'runs']).execute()).map((r) => [r.key, r]));
  const countsOf = (rule: string) => {
    const by = (st: string[]) => counts.rows.filter((c) => c.rule === rule && st.includes(c.status)).reduce((t, c) => t + Number(c.n), 0);
    return { sent: by(['done']), queued: by(['pending', 'sending']), skipped: by(['skipped']), dead: by(['dead']), undone: by(['undone']) };
  };
  const playbooks = [];
  for (const p of ctx.config.playbooks) {
    const steps = [];
    for (const s of p.steps) {
      const row = rows.get(p.on === 'dormant' ? p.key : `${p.key}/${s.key}`);
      steps.push({
        key: s.key,
        runs: (p.on === 'dormant' ? 'afterStart' : stepKind(s) === 'join' ? 'afterJoin' : stepKind(s) === 'cron' ? 'cron' : 'afterCampaign') as
          'afterStart' | 'afterJoin' | 'cron' | 'afterCampaign',
        // The playbook schema requires exactly one timing per step.
        timing: (s.cron ?? s.afterJoin ?? s.afterCampaign ?? s.afterStart)!,
        to: memberStep(s) ? ('member' as const) : ('community' as const),
        send: s.send ?? null,
        tag: s.tag ?? null,
        next_run: iso(await nextRun(db, ctx, p, s, 35)),
        last_run_at: iso(row?.last_run_at),
        counts: countsOf(stepRule(p, s)),
      });
    }
    playbooks.push({
      key: p.key,
      description: p.description ?? null,
      on: p.on ?? null,
      enabled: p.enabled,
      communities: ctx.communitiesOf(p).map((c) => `${c.platform}:${c.key}`),
      target: p.target ?? null,
      missed: p.missed,
      grace_minutes: p.graceMinutes,
      ...(p.on === 'dormant' ? { started: starts.get(p.key) ?? 0 } : {}),
      steps,
    });
  }
  return { at: iso(now), timezone: ctx.timezone, campaigns: ctx.config.campaigns, playbooks };
}

/** Whom each step's next occurrence would reach, and what it would say: community steps at their next instant, per-member steps over the next `days`. */
export async function previewPlaybook(db: Kysely<Schema>, key: string, q: { now?: number; days?: number; limit?: number } = {}) {
  const ctx = await loadPlaybookContext(db, q.now ?? Date.now());
  const p = ctx.config.playbooks.find((x) => x.key === key);
  if (!p)
    throw new NotFoundError(
      `playbook ${JSON.stringify(key)} not found (playbooks: ${ctx.config.playbooks.map((x) => x.key).join(', ') || 'none — add them under automation.playbooks in qunyun.yaml'})`,
    );
  const days = q.days ?? 7,
    limit = q.limit ?? 50;
  const steps = [];
  for (const s of p.steps) {
    if (!memberStep(s)) {
      const at = await nextRun(db, ctx, { ...p, enabled: true }, s, days);
      steps.push({
        key: s.key,
        to: 'community' as const,
        next_at: iso(at),
        total: at === null ? 0 : ctx.communitiesOf(p).length,
        sends:
          at === null
            ? []
            : ctx
                .communitiesOf(p)
                .slice(0, limit)
                .map((c) => ({ at: iso(at), community: `${c.platform}:${c.key}`, community_name: c.name, text: stepText(p, s, c, null) ?? null })),
      });
      continue;
    }
    const sends = [];
    let total = 0;
    for await (const page of memberOccurrences(db, ctx, p, s, ctx.now, ctx.now + days * DAY)) {
      total += page.length;
      for (const x of page) {
        if (sends.length >= limit) break;
        sends.push({
          at: iso(x.at),
          member_id: x.memberId,
          member_name: x.name,
          community: `${x.community.platform}:${x.community.key}`,
          text: stepText(p, s, x.community, x.name ?? '新朋友') ?? null,
          tag: s.tag ?? null,
        });
      }
    }
    sends.sort((a, b) => (a.at! < b.at! ? -1 : a.at! > b.at! ? 1 : a.member_id - b.member_id));
    steps.push({
      key: s.key,
      to: 'member' as const,
      next_at: sends[0]?.at ?? null,
      window: { from: iso(ctx.now), to: iso(ctx.now + days * DAY) },
      total,
      sends,
    });
  }
  return {
    playbook: p.key,
    at: iso(ctx.now),
    ...(p.on === 'dormant' ? { note: 'afterStart steps of members already started; members who turn dormant later start then' } : {}),
    steps,
  };
}
